import Planner

/// `plan governance`: who votes and holds capital at a month, and the constraints checked.
public struct GovernanceReport: Sendable, Encodable {
  public struct MemberLine: Sendable, Encodable {
    public var id: String
    public var name: String
    public var kind: String
    public var count: Int
  }
  public struct GroupLine: Sendable, Encodable {
    public var id: String
    public var label: String
    public var category: String
    public var associates: Int
    public var capital: Double
    public var college: String?
  }
  public struct CollegeLine: Sendable, Encodable {
    public var id: String
    public var label: String
    public var weight: Double
  }

  public var scenario: String
  public var at: String
  public var statute: String
  public var members: [MemberLine]
  public var groups: [GroupLine]
  public var colleges: [CollegeLine]
  public var voteShares: [String: Double]
  public var capital: [String: Double]
  public var constraints: [ConstraintResult]

  enum CodingKeys: String, CodingKey {
    case scenario, at, statute, members, groups, colleges
    case voteShares = "vote_shares"
    case capital, constraints
  }

  public init(_ p: Projection, at month: Month) {
    let s = p.scenario
    scenario = s.id
    at = "\(month)"
    statute = s.statute(at: month)
    // The governance of the statute in force that month (before a change: the association's).
    let governance = s.governance?.forStatute(statute)
    members = s.members.filter { $0.joined <= month && ($0.left.map { month <= $0 } ?? true) }
      .map { MemberLine(id: $0.id, name: $0.name, kind: $0.kind, count: $0.count) }
    groups = (governance?.groups ?? []).map {
      GroupLine(id: $0.id, label: $0.label, category: $0.category, associates: $0.associates, capital: $0.capital, college: $0.college)
    }
    colleges = (governance?.colleges ?? []).map { CollegeLine(id: $0.id, label: $0.label, weight: $0.weight) }
    voteShares = StatuteComparison.voteShares(s, statute: statute)
    var capital: [String: Double] = [:]
    for g in governance?.groups ?? [] { capital[g.id] = g.capital }
    self.capital = statute == "association" ? [:] : capital
    constraints = ConstraintChecker(scenario: s, ruleSet: p.evaluation.ruleSet, month: month).check(statute, projection: p)
  }
}
