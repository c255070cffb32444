import Planner

/// A period a projection reports on: an exercise, a calendar year or a month.
public struct Period: Sendable, Encodable {
  public enum Kind: String, Sendable, CaseIterable {
    case exercise, year, month
  }

  public var id: String
  public var from: String
  public var to: String
  /// Indices of its months in the timeline.
  public var monthIndices: [Int]
  public var months: Int { monthIndices.count }

  enum CodingKeys: String, CodingKey { case id, from, to, months }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(from, forKey: .from)
    try c.encode(to, forKey: .to)
    try c.encode(months, forKey: .months)
  }

  /// The periods of a timeline, by exercise, calendar year or month.
  public static func periods(_ t: Timeline, by kind: Kind) -> [Period] {
    let all = Array(0..<t.monthCount)
    func make(_ id: String, _ indices: [Int]) -> Period {
      Period(id: id, from: "\(t.months[indices.first!])", to: "\(t.months[indices.last!])", monthIndices: indices)
    }
    switch kind {
    case .exercise:
      return t.exercises.enumerated().map { e, ex in make(ex.id, all.filter { t.exerciseIndex[$0] == e }) }
    case .year:
      let years = Array(Set(t.months.map(\.year))).sorted()
      return years.map { y in make("\(y)", all.filter { t.months[$0].year == y }) }
    case .month:
      return all.map { make("\(t.months[$0])", [$0]) }
    }
  }
}
