/// The months from `first` to `last`, both included.
public struct MonthRange: Sendable, Hashable, Sequence, CustomStringConvertible {
  public let first: Month
  public let last: Month

  /// - Precondition: `first <= last`.
  public init(_ first: Month, _ last: Month) {
    precondition(first <= last, "empty month range")
    self.first = first
    self.last = last
  }

  /// Parses `YYYY-MM..YYYY-MM`.
  public init?(parsing text: String) {
    guard let dots = text.firstRange(of: ".."),
      let a = Month(parsing: String(text[..<dots.lowerBound])),
      let b = Month(parsing: String(text[dots.upperBound...])), a <= b
    else {
      return nil
    }
    self.init(a, b)
  }

  public var count: Int { last.ordinal - first.ordinal + 1 }

  public func contains(_ month: Month) -> Bool { first <= month && month <= last }

  /// The position of `month` in the range, from 0.
  public func index(of month: Month) -> Int? { contains(month) ? month.ordinal - first.ordinal : nil }

  public subscript(index: Int) -> Month { first.adding(months: index) }

  public func makeIterator() -> AnyIterator<Month> {
    var next = first.ordinal
    let end = last.ordinal
    return AnyIterator {
      guard next <= end else { return nil }
      defer { next += 1 }
      return Month(ordinal: next)
    }
  }

  public var description: String { "\(first)..\(last)" }
}
