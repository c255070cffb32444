/// A calendar month, the engine's unit of time.
///
/// Months are ordered and counted by `ordinal` (months since year 0), which makes month
/// arithmetic exact and cheap. The engine never uses `Foundation.Date`.
public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  /// 1 to 12.
  public let month: Int

  public init(_ year: Int, _ month: Int) {
    precondition((1...12).contains(month), "month out of range")
    self.year = year
    self.month = month
  }

  public init(ordinal: Int) {
    self.year = ordinal / 12
    self.month = ordinal % 12 + 1
  }

  /// The years a month may have: four digits, from 1900 to 2199.
  public static let years = 1900...2199

  /// Parses `YYYY-MM`, or `YYYY-MM-01` (a change on the first day of a month): digits only,
  /// a year from 1900 to 2199.
  public init?(parsing text: String) {
    let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      parts[0].count == 4, let y = Int(parts[0]), Self.years.contains(y),
      parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m)
    else { return nil }
    if parts.count == 3 {
      guard parts[2].count == 2, Int(parts[2]) == 1 else { return nil }
    }
    self.init(y, m)
  }

  /// Months since January of year 0.
  public var ordinal: Int { year * 12 + month - 1 }

  public func adding(months: Int) -> Month { Month(ordinal: ordinal + months) }

  /// The number of months from `self` to `other` (positive when `other` is later).
  public func distance(to other: Month) -> Int { other.ordinal - ordinal }

  public static func < (a: Month, b: Month) -> Bool { a.ordinal < b.ordinal }

  /// `YYYY-MM`.
  public var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    return "\(year)-\(m)"
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and line breaks (no Foundation).
  public var trimmed: String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(String.UnicodeScalarView(scalars[start...end]))
  }
}
