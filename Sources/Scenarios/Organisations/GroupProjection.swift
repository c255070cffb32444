import Foundation
import Planner

/// The cluster with the organisations its members created (the employers' group): each
/// projected from its own file, the group's costs invoiced to the members and to the cluster
/// at cost plus its fee (with VAT when taxable), and the consolidation of the cluster and the
/// group with their internal invoices eliminated.
///
/// How: the group is projected once to know its cost month by month and each position's
/// cost; each member's share of a month is the cost of the hours made available to it over
/// the cost of all the group's positions (the overheads follow the staff); its invoice is
/// that share of the month's charges, plus the fee, in whole cents, added up by exercise.
/// The group is projected again with its invoices as income (`services`), the cluster with
/// its own invoice as a charge (`prestataires_externes`).
public struct GroupProjection: Sendable {
  /// One organisation besides the cluster, projected with its invoices.
  public struct Group: Sendable {
    public var organisation: LinkedOrganisation
    public var scenario: Scenario
    public var projection: Projection
    /// By member (or `cluster`), by exercise: the invoice before VAT and its VAT.
    public var invoices: [String: [String: Double]]
    public var vat: [String: [String: Double]]
    /// By exercise: the charges invoiced (the basis) and the part of them no one uses (the
    /// hours not made available), which the group bears.
    public var basis: [String: Double]
    public var unassigned: [String: Double]

    /// By exercise: the highest, at a month's end, of its debts to its employees and to the
    /// contribution collectors (pay and social contributions accrued and not yet paid, as its
    /// cash plan pays them), which its members answer for jointly: any of them can be asked
    /// for the whole (art. L1253-8 C. trav.).
    public var jointLiability: [String: Double] {
      guard let t = projection.treasury else { return [:] }
      var out: [String: Double] = [:]
      for period in projection.periods {
        guard let highest = period.monthIndices.filter({ t.months.indices.contains($0) }).map({ t.months[$0].payrollPayables }).max()
        else { continue }
        out[period.id] = highest
      }
      return out
    }

    /// Its members at `month` and their votes (one member, one vote unless the scenario says).
    public func votes(at month: Month) -> [(member: String, votes: Double)] {
      organisation.members(in: month).map { ($0.member, $0.votes) }
    }
  }

  /// One line of the consolidated budget by exercise: the cluster's, the groups', the
  /// internal invoices eliminated, and their sum.
  public struct Line: Sendable, Encodable {
    public var path: String
    public var label: String
    public var cluster: [String: Double]
    public var organisations: [String: Double]
    public var eliminated: [String: Double]
    public var consolidated: [String: Double]
  }

  /// The cluster, by the periods asked for.
  public var cluster: Projection
  /// The cluster by exercise, what the organisations and the consolidation are compared
  /// with (the same as `cluster` when that is by exercise).
  public var clusterByExercise: Projection
  public var groups: [Group]
  public var periods: [String]
  public var consolidation: [Line]

  /// The item ids the invoices take in the projections.
  static func itemID(_ organisation: String, _ member: String) -> String { "invoice_\(organisation)_\(member)" }

  /// `by`: the cluster's periods; the organisations and the consolidation are by exercise.
  public static func run(
    _ scenario: Scenario, ruleSet: RuleSet, by kind: Period.Kind = .exercise, strict: Bool = false, messages: Messages = .of(.en)
  ) throws(DiagnosticList) -> GroupProjection {
    var (cluster, invoiced) = try invoicing(scenario, ruleSet: ruleSet, messages: messages)
    var groups: [Group] = []
    for (o, group, invoices, vat, basis, unassigned) in invoiced {
      let projection = try Projection.run(group, ruleSet: ruleSet, legalLimitsAsWarnings: true, messages: messages)
      groups.append(
        Group(organisation: o, scenario: group, projection: projection, invoices: invoices, vat: vat, basis: basis, unassigned: unassigned))
    }
    // The cluster with its invoices, as its planner would make it (not computed twice).
    cluster.organisations = scenario.organisations
    cluster.invoicesIncluded = true
    let clusterProjection = try Projection.run(cluster, ruleSet: ruleSet, by: kind, strict: strict, messages: messages)
    let byExercise =
      kind == .exercise
      ? clusterProjection : try Projection.run(cluster, ruleSet: ruleSet, by: .exercise, strict: strict, messages: messages)
    let periods = scenario.exercises.map(\.id)
    return GroupProjection(
      cluster: clusterProjection, clusterByExercise: byExercise, groups: groups, periods: periods,
      consolidation: consolidate(byExercise, groups, periods: periods, language: messages.language), scenario: scenario)
  }

  typealias Invoiced = (
    organisation: LinkedOrganisation, group: Scenario, invoices: [String: [String: Double]], vat: [String: [String: Double]],
    basis: [String: Double], unassigned: [String: Double]
  )

  /// The cluster with its invoices from each organisation as a charge (what every command
  /// projects: `ScenarioPlanner` calls this), and each organisation with its invoices as
  /// income.
  static func invoicing(_ scenario: Scenario, ruleSet: RuleSet, messages: Messages = .of(.en)) throws(DiagnosticList) -> (
    Scenario, [Invoiced]
  ) {
    var cluster = scenario
    cluster.organisations = []
    var out: [Invoiced] = []
    for o in scenario.organisations {
      let file = o.fieldLocations["file"]
      // Relative to the file that names it (a variant inherits its base's organisations).
      let folder = ((file?.file ?? scenario.path) as NSString).deletingLastPathComponent
      let path = o.file.hasPrefix("/") || folder.isEmpty ? o.file : (folder as NSString).appendingPathComponent(o.file)
      var group = try ScenarioLoader.load(path)
      guard group.exercises.map(\.id) == scenario.exercises.map(\.id) else {
        throw DiagnosticList([
          .error(
            .scenarioInvalid,
            Phrase(
              "error.organisation.exercises",
              ["id": .text(o.id), "theirs": .list(group.exercises.map(\.id)), "ours": .list(scenario.exercises.map(\.id))]), at: file)
        ])
      }
      guard group.organisation.vatLiable == (o.vat == "taxable") else {
        throw DiagnosticList([
          .error(
            .scenarioInvalid, Phrase("error.organisation.vat_liable", ["id": .text(o.id), "vat": .text(o.vat)]),
            at: o.fieldLocations["vat"] ?? o.location)
        ])
      }
      try check(o, group: group, cluster: scenario)
      // The group as written: its costs.
      let first = try Projection.run(group, ruleSet: ruleSet, legalLimitsAsWarnings: true, messages: messages)
      let ev = first.evaluation
      let timeline = ev.situation.timeline
      let positions = ev.situation.entities["position"] ?? []
      let members = [LinkedOrganisation.cluster] + scenario.members.map(\.id)
      var invoices: [String: [String: Double]] = [:], vat: [String: [String: Double]] = [:]
      var basis: [String: Double] = [:], unassigned: [String: Double] = [:]
      // By exercise: each member's cost of the month's charges (unrounded), and the VAT rate
      // of each month weighted the same way.
      var used: [String: [String: Double]] = [:], taxed: [String: [String: Double]] = [:]
      for m in 0..<timeline.monthCount {
        let month = timeline.months[m]
        let exercise = timeline.exercises[timeline.exerciseIndex[m]].id
        let charges = (ev.value("charges.total.f", month: m) ?? 0) + (ev.value("charges.total.p", month: m) ?? 0)
        guard charges != 0, !first.scenario.actuals.keys.contains(exercise) else { continue }
        var weights: [String: Double] = [:]
        var total = 0.0
        for (r, id) in positions.enumerated() {
          let cost = ev.value("employer_cost", row: r, month: m) ?? 0
          total += cost
          for p in o.provision where p.position == id && (p.from.map { $0 <= month } ?? true) && (p.to.map { month <= $0 } ?? true) {
            weights[p.member, default: 0] += cost * p.share
          }
        }
        basis[exercise, default: 0] += charges
        guard total > 0 else {
          unassigned[exercise, default: 0] += charges
          continue
        }
        let rate = o.vat == "taxable" ? try ruleSet.parameters["tva_taux_normal"]?.value(at: month).value ?? 0 : 0
        var invoiced = 0.0
        for member in members {
          guard let w = weights[member], w > 0 else { continue }
          let share = charges * w / total
          invoiced += share
          used[member, default: [:]][exercise, default: 0] += share
          taxed[member, default: [:]][exercise, default: 0] += share * rate
        }
        unassigned[exercise, default: 0] += charges - invoiced
      }
      // Each exercise's invoices in whole cents adding up to the charges made available plus
      // the fee (the cents apportioned to the largest remainders).
      let billed = members.filter { used[$0] != nil }
      for exercise in scenario.exercises.map(\.id) {
        let shares = billed.map { used[$0]?[exercise] ?? 0 }
        let target = Money.cents(Money.cents(basis[exercise] ?? 0) - Money.cents(unassigned[exercise] ?? 0)) * (1 + o.feeRate)
        for (member, amount) in zip(billed, Money.apportion(Money.cents(target), by: shares)) where amount != 0 {
          invoices[member, default: [:]][exercise] = amount
          if o.vat == "taxable", let s = used[member]?[exercise], s > 0 {
            vat[member, default: [:]][exercise] = Money.cents(amount * (taxed[member]?[exercise] ?? 0) / s)
          }
        }
      }
      basis = basis.mapValues(Money.cents)
      unassigned = unassigned.mapValues(Money.cents)
      // The group with its invoices as income; the cluster with its own as a charge.
      for (member, byExercise) in invoices.sorted(by: { $0.key < $1.key }) {
        group.items.append(
          Item(
            id: itemID(o.id, member), line: "services", budget: "fonctionnement", amounts: ByExercise(byExercise),
            label: messages("organisation.invoice.income", ["member": member]), location: o.location))
      }
      if let own = invoices[LinkedOrganisation.cluster] {
        var amounts = own
        for (e, v) in vat[LinkedOrganisation.cluster] ?? [:] { amounts[e, default: 0] += v }
        cluster.items.append(
          Item(
            id: itemID(o.id, LinkedOrganisation.cluster), line: "prestataires_externes", budget: "fonctionnement",
            amounts: ByExercise(amounts), label: messages("organisation.invoice.charge", ["name": o.name]), location: o.location))
      }
      out.append((o, group, invoices, vat, basis, unassigned))
    }
    return (cluster, out)
  }

  /// The consolidated indicators by exercise: result and reserves (sums: the internal
  /// invoices cancel), FTE paid (sum), subsidies over income (of the consolidated budget), and
  /// the lowest balance of the summed cash plans.
  public var indicators: [String: [String: Double]] {
    var out: [String: [String: Double]] = [:]
    let cluster = clusterByExercise
    let all = [cluster] + groups.map(\.projection)
    for period in periods {
      for key in ["result", "reserves"] { out[key, default: [:]][period] = Money.sum(all.map { $0.indicators[key]?[period] ?? 0 }) }
      out["fte", default: [:]][period] = all.reduce(0) { $0 + ($1.indicators["fte"]?[period] ?? 0) }
      let income = consolidation.first { $0.path == "produits/total" }?.consolidated[period] ?? 0
      let subsidies = consolidation.first { $0.path == "produits/subventions" }?.consolidated[period] ?? 0
      out["subsidies_share", default: [:]][period] = income == 0 ? 0 : Money.cents(subsidies / income * 100)
    }
    // The cash plans month by month, added up.
    if all.allSatisfy({ $0.treasury != nil }), let timeline = cluster.treasury?.months {
      for (i, month) in timeline.enumerated() {
        let closing = Money.sum(all.map { $0.treasury!.months[i].closing })
        let period = scenario.exercises.first { $0.months.contains(month.month) }?.id ?? ""
        out["lowest_cash", default: [:]][period] = min(out["lowest_cash"]?[period] ?? .infinity, closing)
      }
    }
    return out
  }

  /// The consolidated indicators (`indicators`) with another projection of the cluster (the
  /// same scenario under another statute): the organisations do not change with the
  /// cluster's statute, their invoices to it are the same.
  public func consolidated(with cluster: Projection) -> [String: [String: Double]] {
    var other = self
    other.cluster = cluster
    other.clusterByExercise = cluster
    other.consolidation = Self.consolidate(cluster, groups, periods: periods, language: cluster.language)
    return other.indicators
  }

  /// The scenario as written (without the invoices).
  public var scenario: Scenario

  /// The budget's lines summed over the cluster and the groups, the cluster's invoices from
  /// each group taken out of the cluster's charges and of the group's income (before VAT:
  /// the VAT is paid to the State).
  static func consolidate(_ cluster: Projection, _ groups: [Group], periods: [String], language: Language) -> [Line] {
    func row(_ p: Projection, _ path: String) -> [String: Double] {
      p.budget.first { $0.path == path && $0.budget == "total" }?.values ?? [:]
    }
    var paths: [String] = []
    for r in cluster.budget where !paths.contains(r.path) { paths.append(r.path) }
    for g in groups { for r in g.projection.budget where !paths.contains(r.path) { paths.append(r.path) } }
    var out: [Line] = []
    for path in paths {
      let label =
        (cluster.budget.first { $0.path == path } ?? groups.lazy.compactMap { g in g.projection.budget.first { $0.path == path } }.first)?
        .label(language) ?? path
      let c = row(cluster, path)
      var o: [String: Double] = [:], e: [String: Double] = [:], total: [String: Double] = [:]
      for period in periods {
        o[period] = Money.sum(groups.map { row($0.projection, path)[period] ?? 0 })
        // Internal invoices: a charge of the cluster (prestataires externes) and an income
        // of the group (services), and every section and total above them.
        let internalInvoices = Money.sum(groups.map { $0.invoices[LinkedOrganisation.cluster]?[period] ?? 0 })
        let charge = ["charges/charges_externes/prestataires_externes", "charges/charges_externes", "charges/total"].contains(path)
        let income = ["produits/chiffre_affaires/services", "produits/chiffre_affaires", "produits/total"].contains(path)
        e[period] = charge || income ? -internalInvoices : 0
        total[period] = Money.sum([c[period] ?? 0, o[period] ?? 0, e[period] ?? 0])
      }
      out.append(Line(path: path, label: label, cluster: c, organisations: o, eliminated: e, consolidated: total))
    }
    return out
  }

  /// What the scenario makes available must be there: the group's positions, the cluster's
  /// members, months within the contract, no more than the hours the group employs.
  static func check(_ o: LinkedOrganisation, group: Scenario, cluster: Scenario) throws(DiagnosticList) {
    let members = Set(cluster.members.map(\.id) + [LinkedOrganisation.cluster])
    func unknown(_ member: String, at location: SourceLocation) -> DiagnosticList {
      DiagnosticList([
        .error(
          .scenarioUnknownValue,
          Phrase(
            "error.organisation.member",
            [
              "id": .text(o.id), "member": .text(member),
              "near": Phrase.suggestion(Suggestion.nearest(to: member, among: Array(members))),
            ]),
          at: location)
      ])
    }
    // Its members: each a member of the cluster (or the cluster), once at a time.
    let horizon = (first: cluster.exercises.first!.months.first, last: cluster.exercises.last!.months.last)
    for (i, a) in o.memberships.enumerated() {
      guard members.contains(a.member) else { throw unknown(a.member, at: a.location) }
      for b in o.memberships[..<i] where b.member == a.member {
        let (af, at) = (a.from ?? horizon.first, a.to ?? horizon.last), (bf, bt) = (b.from ?? horizon.first, b.to ?? horizon.last)
        guard at < bf || bt < af else {
          throw DiagnosticList([
            .error(
              .scenarioOutOfDomain,
              Phrase(
                "error.organisation.membership_overlap",
                [
                  "id": .text(o.id), "member": .text(a.member), "from": .month(max(af, bf)), "to": .month(min(at, bt)),
                  "line": .integer(b.location.line),
                ]), at: a.location)
          ])
        }
      }
    }
    var shares: [String: [Month: Double]] = [:]
    for p in o.provision {
      guard let position = group.positions.first(where: { $0.id == p.position }) else {
        throw DiagnosticList([
          .error(
            .scenarioUnknownValue,
            Phrase(
              "error.organisation.position",
              [
                "id": .text(o.id), "position": .text(p.position),
                "near": Phrase.suggestion(Suggestion.nearest(to: p.position, among: group.positions.map(\.id))),
              ]),
            at: p.location)
        ])
      }
      guard members.contains(p.member) else { throw unknown(p.member, at: p.location) }
      let from = p.from ?? position.start, to = p.to ?? position.end
      guard from >= position.start, to <= position.end else {
        throw DiagnosticList([
          .error(
            .scenarioOutOfDomain,
            Phrase(
              "error.organisation.outside_contract",
              [
                "id": .text(o.id), "position": .text(p.position), "from": .month(from),
                "to": p.to == nil && position.openEnded ? .text("…") : .month(to), "start": .month(position.start),
                "end": position.openEnded ? .text("…") : .month(position.end),
              ]), at: p.location)
        ])
      }
      var month = from
      let last = min(to, cluster.exercises.last!.months.last)
      while month <= last {
        // Only the group's members are served (and invoiced).
        guard !o.membersGiven || o.memberships.contains(where: { $0.member == p.member && $0.covers(month) }) else {
          throw DiagnosticList([
            .error(
              .scenarioOutOfDomain,
              Phrase(
                "error.organisation.not_a_member_then",
                ["id": .text(o.id), "member": .text(p.member), "position": .text(p.position), "month": .month(month)]),
              at: p.location)
          ])
        }
        shares[p.position, default: [:]][month, default: 0] += p.share
        if shares[p.position]![month]! > 1 + 1e-9 {
          throw DiagnosticList([
            .error(
              .scenarioOutOfDomain,
              Phrase(
                "error.organisation.over_hours",
                ["id": .text(o.id), "position": .text(p.position), "share": .percent(shares[p.position]![month]!), "month": .month(month)]),
              at: p.location)
          ])
        }
        month = month.adding(months: 1)
      }
    }
  }
}
