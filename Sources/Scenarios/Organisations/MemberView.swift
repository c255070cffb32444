import Foundation
import Planner

/// Each member's view of the cluster and of the employers' group, by exercise: what it pays
/// (its dues, the group's invoices and their VAT), against what the hours the group makes
/// available to it would cost it as their employer — the same positions at its share of
/// their hours and pay, under its own statute, headcount and VAT position, projected by the
/// same rules (contributions, Fillon reduction at its headcount, its taxe sur les salaires
/// with its own allowance, the law's limits on part-time work as warnings).
public struct MemberView: Sendable {
  public struct Figures: Sendable, Encodable {
    /// By kind: `dues`, `invoices` (before VAT), `vat`.
    public var pays: [String: Double]
    /// What the scenario prices that the member receives: nothing yet (the cluster's
    /// services to its members are not priced).
    public var receives: [String: Double]
    public var netWithGroup: Double
    /// The same hours as its own employees; `nil` when the group makes none available to it.
    public var costAlone: Double?
    /// `costAlone` less what it pays the group (invoices and VAT): what the group saves it.
    public var saving: Double?
    /// The employers' groups' debts to their employees and to the contribution collectors
    /// that the member answers for while a member, jointly with the others (art. L1253-8 C.
    /// trav.: any member can be asked for the whole): the highest at a month's end of the
    /// exercise. `nil` when it is a member of none.
    public var jointLiability: Double?
    /// Of that, its share by its use of the group (its invoices over all of them): what it
    /// bears in the end if the group's statutes apportion the debts by use, or what it can
    /// claim back from the others after paying the whole.
    public var jointLiabilityByUse: Double?

    enum CodingKeys: String, CodingKey {
      case pays, receives, saving
      case netWithGroup = "net_with_group"
      case costAlone = "cost_alone"
      case jointLiability = "joint_liability"
      case jointLiabilityByUse = "joint_liability_by_use"
    }
  }

  public struct Row: Sendable {
    public var id: String
    public var name: String
    /// The employer it would be (`association`, `scic`, `group` for another company).
    public var employer: String
    public var headcount: Double
    /// Whether its headcount is the scenario's (not taken by default).
    public var headcountGiven: Bool
    public var periods: [String: Figures]
    /// What the law says of employing those hours alone (part-time minimums, …).
    public var warnings: [Diagnostic]
  }

  public var periods: [String]
  public var members: [Row]
  /// The headcount taken for a member whose headcount the scenario does not give.
  public static let defaultHeadcount = 3.0

  /// The employer a member would be, from its legal form.
  static func employer(_ legalForm: String?) -> String {
    switch (legalForm ?? "association").lowercased() {
    case "association": return "association"
    case "scic": return "scic"
    default: return "group"
    }
  }

  public static func run(_ g: GroupProjection, ruleSet: RuleSet, messages: Messages = .of(.en)) throws(DiagnosticList) -> MemberView {
    let cluster = g.cluster
    let ev = cluster.evaluation
    let ids = ev.situation.entities["member"] ?? []
    var rows: [Row] = []
    for member in g.scenario.members where member.kind == "organisation" {
      guard let r = ids.firstIndex(of: member.id) else { continue }
      var periods: [String: Figures] = [:]
      for period in cluster.periods where g.periods.contains(period.id) {
        let dues = Money.cents(period.monthIndices.reduce(0) { $0 + (ev.value("member_dues", row: r, month: $1) ?? 0) })
        var invoices = 0.0, vat = 0.0
        for group in g.groups {
          invoices += group.invoices[member.id]?[period.id] ?? 0
          vat += group.vat[member.id]?[period.id] ?? 0
        }
        var pays = ["dues": dues]
        if invoices != 0 { pays["invoices"] = Money.cents(invoices) }
        if vat != 0 { pays["vat"] = Money.cents(vat) }
        periods[period.id] = Figures(
          pays: pays, receives: [:], netWithGroup: Money.sum(Array(pays.values)), costAlone: nil, saving: nil)
      }
      // What it answers for, jointly with the group's other members.
      for period in cluster.periods where periods[period.id] != nil {
        var highest: Double?, byUse = 0.0
        for m in period.monthIndices {
          // The month's debts of the groups it belongs to, and its share of them by use.
          var owed: Double?, share = 0.0
          for group in g.groups {
            guard let t = group.projection.treasury, t.months.indices.contains(m),
              group.organisation.members(in: t.months[m].month).contains(where: { $0.member == member.id })
            else { continue }
            let debts = t.months[m].payrollPayables
            owed = (owed ?? 0) + debts
            let all = Money.sum(group.invoices.values.map { $0[period.id] ?? 0 })
            share += all == 0 ? 0 : debts * (group.invoices[member.id]?[period.id] ?? 0) / all
          }
          // Its share by use is taken in the month the debts are highest.
          if let owed, owed > (highest ?? -.infinity) { (highest, byUse) = (owed, share) }
        }
        if let highest {
          periods[period.id]!.jointLiability = Money.cents(highest)
          periods[period.id]!.jointLiabilityByUse = Money.cents(byUse)
        }
      }
      // The same hours as its own employees.
      var alone = Scenario(
        id: "\(g.scenario.id)-\(member.id)-alone", title: member.name, path: g.scenario.path, rulesFolder: g.scenario.rulesFolder,
        exercises: g.scenario.exercises, assumptions: [], organisation: g.scenario.organisation, members: [], dues: DuesPolicy(),
        positions: [], subsidies: [], items: [], actuals: [:], publishedStaffing: [:], governance: nil, location: member.location)
      alone.organisation.name = member.name
      alone.organisation.statutes = [(g.scenario.exercises.first!.months.first, employer(member.legalForm))]
      alone.organisation.headcount = member.headcount ?? defaultHeadcount
      alone.organisation.vatLiable = member.vatLiable ?? false
      alone.organisation.auditor = false
      alone.treasury = TreasuryPolicy()
      for group in g.groups {
        for (i, p) in group.organisation.provision.enumerated() where p.member == member.id {
          guard var position = group.scenario.positions.first(where: { $0.id == p.position }) else { continue }
          position.id = "\(group.organisation.id)_\(p.position)_\(i)"
          let contract = (position.start, position.end)
          position.start = max(position.start, p.from ?? position.start)
          if let to = p.to { position.end = min(position.end, to) }
          // Each exercise's hours for the months it is made available (of the months its
          // contract works in that exercise).
          for exercise in g.scenario.exercises {
            guard position.hours.values[exercise.id] != nil else { continue }
            let worked = exercise.months.filter { $0 >= contract.0 && $0 <= contract.1 }.count
            let made = exercise.months.filter { $0 >= position.start && $0 <= position.end }.count
            if made == 0 {
              position.hours.values[exercise.id] = nil
              position.gross.values[exercise.id] = nil
            } else if worked > 0 {
              position.hours.values[exercise.id]! *= Double(made) / Double(worked)
            }
          }
          position.hours = position.hours.scaled(by: p.share)
          position.gross = position.gross.scaled(by: p.share)
          alone.positions.append(position)
        }
      }
      var warnings: [Diagnostic] = []
      if !alone.positions.isEmpty {
        let p = try Projection.run(alone, ruleSet: ruleSet, legalLimitsAsWarnings: true, messages: messages)
        warnings = p.warnings.filter { $0.id == .scenarioLegalLimit }
        for period in p.periods where periods[period.id] != nil {
          let cost = p.budget.first { $0.path == "charges/total" && $0.budget == "total" }?.values[period.id] ?? 0
          let group = Money.sum([periods[period.id]!.pays["invoices"] ?? 0, periods[period.id]!.pays["vat"] ?? 0])
          guard cost != 0 || group != 0 else { continue }
          periods[period.id]!.costAlone = cost
          periods[period.id]!.saving = Money.cents(cost - group)
        }
      }
      rows.append(
        Row(
          id: member.id, name: member.name, employer: employer(member.legalForm), headcount: member.headcount ?? defaultHeadcount,
          headcountGiven: member.headcount != nil, periods: periods, warnings: warnings))
    }
    return MemberView(periods: g.periods, members: rows)
  }
}

extension ByExercise {
  /// Each exercise's figure times `factor` (a member's share of a position's hours and pay).
  func scaled(by factor: Double) -> ByExercise {
    var out = self
    for (k, v) in values { out.values[k] = v * factor }
    return out
  }
}
