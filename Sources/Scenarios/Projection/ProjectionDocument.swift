import Foundation
import Planner

/// The JSON output of `plan run` (format documented in README.md): stable for programs.
public struct ProjectionDocument: Encodable {
  public var formatVersion = 1
  /// The language of the labels (`fr`, `en`); keys, ids and paths do not follow it.
  public var language: String
  public var scenario: String
  public var title: String
  public var assumptions: [String]
  public var periods: [Period]
  public var budget: [BudgetRow]
  public var staffing: [StaffingRow]
  public var indicators: [String: [String: Double]]
  public var inKind: [String: Double]
  public var treasury: TreasuryDocument?
  public var warnings: [Warning]
  /// The budget in another layout (`--layout cerfa`): its name, and rows with their accounts
  /// written as `budget`.
  public var layoutName: String?
  public var layoutRows: [LayoutFigures.Row]?
  /// The cluster and the organisations its members created, each on its own
  /// (`organisations`), when the scenario names some; `budget` and `indicators` are then their
  /// consolidation, `staffing` and `treasury` still the cluster's.
  public var organisations: [OrganisationDocument]?
  public var consolidation: [GroupProjection.Line]?

  /// One legal person in the JSON contract: its budget and indicators, and the invoices of
  /// an organisation besides the cluster.
  public struct OrganisationDocument: Encodable {
    public var id: String
    public var name: String
    public var statute: String
    public var budget: [BudgetRow]
    public var indicators: [String: [String: Double]]
    public var invoices: [String: [String: Double]]?
    public var vat: [String: [String: Double]]?
    /// An employers' group's members at the horizon's end and their votes, and by exercise
    /// the highest of its debts to employees and contribution collectors, which they answer
    /// for jointly (art. L1253-8 C. trav.).
    public var members: [String: Double]?
    public var jointLiability: [String: Double]?

    enum CodingKeys: String, CodingKey {
      case id, name, statute, budget, indicators, invoices, vat, members
      case jointLiability = "joint_liability"
    }

    init(_ g: GroupProjection.Group) {
      self.init(id: g.organisation.id, name: g.organisation.name, g.projection, invoices: g.invoices, vat: g.vat)
      members = Dictionary(
        g.votes(at: g.scenario.exercises.last!.months.last).map { ($0.member, $0.votes) }, uniquingKeysWith: +)
      jointLiability = g.jointLiability
    }

    init(id: String, name: String, _ p: Projection, invoices: [String: [String: Double]]? = nil, vat: [String: [String: Double]]? = nil) {
      self.id = id
      self.name = name
      statute = p.scenario.statute(at: p.scenario.exercises.last!.months.last)
      budget = p.budget.map {
        var row = $0
        row.label = $0.label(p.language)
        return row
      }
      indicators = p.indicators
      self.invoices = invoices
      self.vat = vat
    }
  }

  /// The document of a scenario with organisations: each on its own, and their consolidation
  /// in `budget` and `indicators`.
  /// `consolidatedBudget`: whether `budget` and `indicators` become the consolidation's (the
  /// document is by exercise); otherwise they stay the cluster's, by its periods, and the
  /// organisations and the consolidation are given by exercise beside them.
  public mutating func organisations(_ g: GroupProjection, consolidatedBudget: Bool = true) {
    organisations =
      [OrganisationDocument(id: g.cluster.scenario.id, name: g.cluster.scenario.organisation.name, g.clusterByExercise)]
      + g.groups.map(OrganisationDocument.init)
    consolidation = g.consolidation
    guard consolidatedBudget else { return }
    budget = g.consolidation.map {
      BudgetRow(path: $0.path, label: $0.label, labelEN: nil, budget: "total", values: $0.consolidated, shares: [:])
    }
    indicators = g.indicators
  }

  /// The budget in another layout.
  public mutating func layout(_ f: LayoutFigures) {
    layoutName = f.layout
    layoutRows = f.rows
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(formatVersion, forKey: .formatVersion)
    try c.encode(language, forKey: .language)
    try c.encode(scenario, forKey: .scenario)
    try c.encode(title, forKey: .title)
    try c.encode(assumptions, forKey: .assumptions)
    try c.encode(periods, forKey: .periods)
    try c.encodeIfPresent(layoutName, forKey: .layout)
    if let layoutRows { try c.encode(layoutRows, forKey: .budget) } else { try c.encode(budget, forKey: .budget) }
    try c.encode(staffing, forKey: .staffing)
    try c.encode(indicators, forKey: .indicators)
    try c.encode(inKind, forKey: .inKind)
    try c.encodeIfPresent(treasury, forKey: .treasury)
    try c.encode(warnings, forKey: .warnings)
    try c.encodeIfPresent(organisations, forKey: .organisations)
    try c.encodeIfPresent(consolidation, forKey: .consolidation)
  }

  /// A warning in the JSON contract: its id, its message and where it comes from.
  public struct Warning: Encodable, Sendable {
    public var code: String
    public var message: String
    public var `where`: String?
  }

  public init(_ p: Projection) {
    language = p.language.rawValue
    scenario = p.scenario.id
    title = p.scenario.title
    assumptions = p.scenario.assumptions
    periods = p.periods
    budget = p.budget.map {
      var row = $0
      row.label = $0.label(p.language)
      return row
    }
    staffing = p.staffing.map {
      var row = $0
      row.label = $0.label(p.language)
      return row
    }
    indicators = p.indicators
    inKind = p.inKind
    treasury = p.treasury.map(TreasuryDocument.init)
    let m = Messages.of(p.language)
    warnings = p.warnings.map { Warning(code: $0.id.rawValue, message: $0.message(in: m), where: $0.location.map { "\($0)" }) }
  }

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case language, scenario, title, assumptions, periods, layout, budget, staffing, indicators
    case inKind = "in_kind"
    case treasury, warnings, organisations, consolidation
  }
}

/// The cash plan in the JSON contract: per month the flows by kind and the balance, per
/// period its lowest point and what is owed, and what is still receivable after the horizon.
public struct TreasuryDocument: Encodable {
  public struct MonthEntry: Encodable {
    var month: String
    var opening: Double
    var receipts: [String: Double]
    var disbursements: [String: Double]
    var financing: Double
    var closing: Double
    var overdraft: Double
    var advances: Double
    var receivables: Double
    var payables: Double
  }
  var openingBalance: Double
  var openingGiven: Bool
  var floor: Double
  var kinds: [Treasury.Kind]
  var months: [MonthEntry]
  var periods: [String: Treasury.PeriodFigures]
  var receivableAfterHorizon: [String: Double]
  var payableAfterHorizon: [String: Double]

  init(_ t: Treasury) {
    openingBalance = t.openingBalance
    openingGiven = t.openingGiven
    floor = t.floor
    kinds = t.kinds
    months = t.months.map {
      MonthEntry(
        month: "\($0.month)", opening: $0.opening, receipts: $0.receipts, disbursements: $0.disbursements, financing: $0.financing,
        closing: $0.closing, overdraft: $0.overdraft, advances: $0.advances, receivables: $0.receivables, payables: $0.payables)
    }
    periods = t.periods
    receivableAfterHorizon = t.receivableAfterHorizon
    payableAfterHorizon = t.payableAfterHorizon
  }

  enum CodingKeys: String, CodingKey {
    case openingBalance = "opening_balance"
    case openingGiven = "opening_given"
    case floor, kinds, months, periods
    case receivableAfterHorizon = "receivable_after_horizon"
    case payableAfterHorizon = "payable_after_horizon"
  }
}
