import Planner

/// The question `plan cost` answers: what does this position cost its employer, that month,
/// all in?
public struct CostQuery: Sendable {
  public var contract: String
  /// Monthly gross pay; for an intern the gratification, for a service civique volunteer the
  /// host's complement.
  public var gross: Double
  public var month: Month
  /// Hours in the month; `nil`: full time (the rule pack's `full_time_hours_per_month`).
  public var hours: Double?
  public var category: String
  public var employer: String
  /// Subject to VAT on at least 90 % of turnover (then no taxe sur les salaires).
  public var vatLiable: Bool
  public var headcount: Int
  /// The employer's accidents-du-travail rate, as a fraction; `nil`: the rule pack's default.
  public var atRate: Double?
  public var indemnityDue: Bool
  /// The contract's length in months, from `month`; `nil`: a default by contract.
  public var duration: Int?
  /// The post's work qualifies as R&D for the CIR (for an employer subject to corporate tax).
  public var research: Bool
  /// The job aid the contract is signed under (`none`, `cui-cae`, `emploi-avenir`).
  public var aid: String
  /// A CUI-CAE's aid, a share of the SMIC per hour (the prefect's order).
  public var aidRate: Double?
  /// The prefect's order lists the employer's sector for market-sector emplois d'avenir.
  public var marketSector: Bool
  /// A CDI on the same post follows the fixed-term contract at once (no CIF-CDD, no indemnity).
  public var cdiFollows: Bool

  public init(
    contract: String, gross: Double, month: Month, hours: Double? = nil, category: String = "non-cadre",
    employer: String = "association", vatLiable: Bool = false, headcount: Int = 3, atRate: Double? = nil,
    indemnityDue: Bool = true, duration: Int? = nil, research: Bool = false, aid: String = "none", aidRate: Double? = nil,
    marketSector: Bool = false, cdiFollows: Bool = false
  ) {
    self.contract = contract
    self.gross = gross
    self.month = month
    self.hours = hours
    self.category = category
    self.employer = employer
    self.vatLiable = vatLiable
    self.headcount = headcount
    self.atRate = atRate
    self.indemnityDue = indemnityDue
    self.duration = duration
    self.research = research
    self.aid = aid
    self.aidRate = aidRate
    self.marketSector = marketSector
    self.cdiFollows = cdiFollows
  }

  /// The length assumed when none is given: what the cluster's contracts typically run.
  public static func defaultDuration(for contract: String) -> Int {
    switch contract {
    case "cdd": return 12
    case "cdd-objet-defini": return 24
    case "service-civique": return 8
    case "stage": return 6
    default: return 36
    }
  }
}
