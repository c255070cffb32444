import Planner

/// Who may vote and hold capital, as a scenario describes it for a cooperative statute
/// (SCIC, UES): groups of stakeholders, the colleges that weigh their votes, their capital.
public struct Governance: Sendable {
  public struct Group: Sendable {
    public var id: String
    public var label: String
    /// employees, beneficiaries, volunteers, public_bodies, producers, supporters, …
    public var category: String
    /// A social-economy body (coopérative, mutuelle, association…), for the UES test.
    public var socialEconomy: Bool
    public var naturalPersons: Bool
    public var publicBody: Bool
    public var associates: Int
    public var capital: Double
    public var college: String?
    public var location: SourceLocation
  }

  public struct College: Sendable {
    public var id: String
    public var label: String
    public var weight: Double
    public var location: SourceLocation
  }

  public var groups: [Group]
  public var colleges: [College]
  /// Share of a SCIC's profit put into indivisible reserves.
  public var indivisibleReserves: Double
  /// The cooperative's company form: sarl, sa or sas (a SCIC SAS from 2014-08).
  public var legalForm: String = "sarl"
  public var location: SourceLocation

  /// The company forms a cooperative may take (art. 19 quinquies loi 47-1775).
  public static let legalForms = ["sarl", "sa", "sas"]

  public var totalCapital: Double { groups.reduce(0) { $0 + $1.capital } }

  /// Whether votes follow the capital (a group's commercial company: in a SARL each associate
  /// has as many votes as shares, art. L223-28 C. com.; in an SAS as its statutes say,
  /// art. L227-9, here by capital) rather than one associate, one vote.
  public var votesByCapital = false

  /// The governance as it applies under `statute`: colleges only in a SCIC (art. 19 octies
  /// loi 47-1775); groups of associates in a cooperative (SCIC, UES), one associate one vote;
  /// the same groups voting by their capital in a group's company; none in an association,
  /// whose members vote one each.
  public func forStatute(_ statute: String) -> Governance? {
    switch statute {
    case "association": return nil
    case "scic": return self
    default:
      var g = self
      g.colleges = []
      for i in g.groups.indices { g.groups[i].college = nil }
      g.votesByCapital = statute == "group"
      return g
    }
  }
  public var totalAssociates: Int { groups.reduce(0) { $0 + $1.associates } }

  /// Each group's share of the votes: the college weights shared among their groups by
  /// number of associates, or one associate one vote without colleges.
  public func voteShares() -> [String: Double] {
    var out: [String: Double] = [:]
    if votesByCapital {
      let total = totalCapital
      for g in groups { out[g.id] = total == 0 ? 0 : g.capital / total }
      return out
    }
    if colleges.isEmpty {
      let total = Double(totalAssociates)
      for g in groups { out[g.id] = total == 0 ? 0 : Double(g.associates) / total }
      return out
    }
    for c in colleges {
      let members = groups.filter { $0.college == c.id }
      let n = Double(members.reduce(0) { $0 + $1.associates })
      for g in members { out[g.id] = n == 0 ? 0 : c.weight * Double(g.associates) / n }
    }
    for g in groups where out[g.id] == nil { out[g.id] = 0 }
    return out
  }

  public func capitalShare(where include: (Group) -> Bool) -> Double {
    let total = totalCapital
    return total == 0 ? 0 : groups.filter(include).reduce(0) { $0 + $1.capital } / total
  }
}
