import Planner

/// Turns a scenario into what the engine evaluates: the timeline, the entities of each kind
/// and the inputs' values month by month. Figures given by exercise are spread evenly over
/// the months (of the exercise, or of the position's contract within it).
public struct ScenarioPlanner: Sendable {
  public let scenario: Scenario
  public let ruleSet: RuleSet
  public let timeline: Timeline
  /// Notes about what the scenario leaves to defaults (payrolls carried forward…).
  public private(set) var notes: [Diagnostic] = []

  public init(_ scenario: Scenario, ruleSet: RuleSet) throws(DiagnosticList) {
    // The organisations the members created invoice the cluster for what they make
    // available to it: a charge of the cluster in every command.
    var scenario = scenario
    if !scenario.organisations.isEmpty && !scenario.invoicesIncluded {
      let organisations = scenario.organisations
      scenario = try GroupProjection.invoicing(scenario, ruleSet: ruleSet).0
      scenario.organisations = organisations
      scenario.invoicesIncluded = true
    }
    self.scenario = scenario.inForce
    self.ruleSet = ruleSet
    self.timeline = try scenario.timeline
    try scenario.checkCategories(ruleSet)
  }

  /// Months of closed exercises (with recorded actuals).
  public var closedMonths: [Bool] {
    timeline.exerciseIndex.map { scenario.actuals[timeline.exercises[$0].id] != nil }
  }

  /// A position's gross pay in closed exercises, from the record: its line's recorded pay when
  /// it is the only position on the line in that exercise (otherwise unknown: 0).
  func recordedPay(of p: Position) -> Double {
    var total = 0.0
    for e in scenario.exercises {
      guard let a = scenario.actuals[e.id], let row = a.budget["charges/remunerations/\(p.line)"] else { continue }
      let on = scenario.positions.filter { $0.line == p.line && $0.start <= e.months.last && $0.end >= e.months.first }
      guard on.count == 1, on[0].id == p.id else { continue }
      total += row.values.reduce(0, +)
    }
    return total
  }

  /// The situation of a plain run.
  public mutating func situation() throws(DiagnosticList) -> Situation {
    var builder = SituationBuilder(ruleSet: ruleSet, timeline: timeline)
    let months = timeline.monthCount
    var errors: [Diagnostic] = []
    func exerciseOf(_ m: Int) -> Exercise { timeline.exercises[timeline.exerciseIndex[m]] }

    // Positions: hours spread over the contract's months in each exercise, gross pay monthly.
    builder.declare("position")
    let positions = scenario.positions
    let chain = ContractChain(positions: positions, ruleSet: ruleSet)
    let lastMonth = timeline.months.last
    let dissolved = scenario.organisation.dissolved
    for p in positions {
      var hours = [Double](repeating: 0, count: months)
      var gross = [Double](repeating: 0, count: months)
      for (e, exercise) in timeline.exercises.enumerated() {
        let active = (0..<months).filter {
          timeline.exerciseIndex[$0] == e && p.start <= timeline.months[$0] && timeline.months[$0] <= p.end
        }
        if let h = p.hours[exercise.id] {
          if active.isEmpty && h > 0 {
            errors.append(
              .error(
                .scenarioHoursOutsideContract,
                Phrase(
                  "error.scenario_hours_outside_contract.1",
                  [
                    "p_id": .text("\(p.id)"), "h": .number(h, digits: h == h.rounded() ? 0 : 2), "exercise_id": .text("\(exercise.id)"),
                    "p_start": .text("\(p.start)"),
                    "p_end": .text("\(p.end)"),
                  ]),
                at: p.hours.location ?? p.location))
          }
          for m in active { hours[m] = h / Double(active.count) }
          let fullTime = (try? ruleSet.parameters["full_time_hours_per_month"]?.value(at: exercise.months.first).value) ?? .infinity
          if !active.isEmpty && h / Double(active.count) > fullTime + 0.005 && h / Double(active.count) <= Limits.hoursPerMonth {
            notes.append(
              .warning(
                .scenarioUnusualValue,
                Phrase(
                  "diagnostic.hours_above_full_time",
                  [
                    "position": .text(p.id), "hours": .number(h, digits: 0), "period": .text(exercise.id), "months": .months(active.count),
                    "full_time": .number(fullTime, digits: 2),
                  ]),
                at: p.hours.location ?? p.location))
          }
          if !active.isEmpty && h / Double(active.count) > Limits.hoursPerMonth {
            errors.append(
              .error(
                .scenarioOutOfDomain,
                Phrase(
                  "error.scenario.hours_per_month",
                  [
                    "position": .text(p.id), "hours": .text(ScenarioValue.show(h)), "period": .text(exercise.id),
                    "months": .months(active.count), "monthly": .text(ScenarioValue.show((h / Double(active.count)).rounded())),
                    "maximum": .text(ScenarioValue.show(Limits.hoursPerMonth.rounded())),
                  ]),
                at: p.hours.location ?? p.location))
          }
        }
        if let g = p.gross[exercise.id] {
          for m in active { gross[m] = g }
        } else if !active.isEmpty && scenario.actuals[exercise.id] == nil && p.contract != "benevole" {
          errors.append(
            .error(
              .scenarioMissingGross,
              Phrase("error.scenario_missing_gross.1", ["p_id": .text("\(p.id)"), "exercise_id": .text("\(exercise.id)")]),
              at: p.location))
        }
      }
      // The horizon is not a dismissal: a position running to the scenario's last month (or
      // past it) runs on; before it, a CDI is ended, and a CDD ended before its term is
      // ended early. A CIFRE's CDD has the aid's term unless the scenario gives one.
      let end = p.openEnded ? lastMonth : p.end
      let runsOn = dissolved == nil && p.end >= lastMonth
      var term = p.term ?? p.end
      if p.term == nil && p.contract == "cifre" && p.cifreContract == "cdd",
        let months = chain.parameter("cifre_duree_contrat", at: p.start)
      {
        term = p.start.adding(months: Int(months) - 1)
      }
      builder.position(
        id: p.id, contract: p.contract, category: p.category, line: p.line, hours: hours, gross: gross, indemnityDue: chain.indemnityDue(p),
        start: p.start, end: end, shareFonctionnement: p.shareFonctionnement,
        termination: .init(
          term: term, terminated: !runsOn && (p.isOpenEndedContract || term > end), seniorityStart: chain.seniorityStart(of: p),
          cifreContract: p.cifreContract), cirQualifies: p.cirQualifies, recordedPay: recordedPay(of: p), aid: p.aid,
        aidRate: p.aidRate ?? 0, cdiFollows: chain.cdiFollows(p))
    }

    // Members (a count of individuals becomes as many members); the payroll of the year
    // before each month's exercise ends.
    builder.declare("member")
    var carried: [String] = []
    var carriedSet = Set<String>()
    for m in scenario.members {
      let payroll = (0..<months).map { i -> Double in
        let year = exerciseOf(i).months.last.year - 1
        if let v = m.payroll[year] { return v }
        if let earlier = m.payroll.keys.filter({ $0 < year }).max() {
          if carriedSet.insert(m.id).inserted { carried.append(m.id) }
          return m.payroll[earlier]!
        }
        return 0
      }
      let constants = [
        "kind": builder.code("member.kind", m.kind), "joined": Double(m.joined.ordinal),
        "left": Double((m.left ?? Month(9999, 12)).ordinal),
      ]
      for k in 0..<max(1, m.count) {
        builder.add("member", id: m.count > 1 ? "\(m.id)_\(k + 1)" : m.id, constants: constants, monthly: ["payroll_reference": payroll])
      }
    }
    if !carried.isEmpty {
      notes.append(
        .warning(
          .scenarioPayrollCarriedForward,
          Phrase("diagnostic.payroll_carried_forward", ["count": .integer(carried.count), "list": .list(carried)]),
          at: scenario.location))
    }

    // Subsidies and items: amounts by exercise spread over its months.
    builder.declare("subsidy")
    for s in scenario.subsidies {
      builder.add(
        "subsidy", id: s.id,
        constants: [
          "funder": builder.code("subsidy.funder", s.funder), "budget": builder.code("subsidy.budget", s.budget),
          "funds_research": s.fundsResearch ? 1 : 0,
        ],
        monthly: ["amount": builder.spread(s.amounts)])
    }
    builder.declare("item")
    for it in scenario.items {
      builder.add(
        "item", id: it.id, constants: ["line": builder.code("item.line", it.line), "budget": builder.code("item.budget", it.budget)],
        monthly: ["amount": builder.spread(it.amounts)])
    }

    // The organisation and its policies.
    let o = scenario.organisation
    let statutes = timeline.months.map { scenario.statute(at: $0) }
    builder.employer(
      statutes: statutes, vatShare: statutes.map { $0 == "association" ? (o.vatLiable ? 1 : 0) : o.vatShareAsCompany },
      headcount: o.headcount, atRate: o.atRate)
    let governance = scenario.governance
    builder.set("scic_indivisible_share", governance?.indivisibleReserves ?? 0)
    let natural = governance?.capitalShare { $0.naturalPersons } ?? 0
    let threshold = (try? ruleSet.parameters["is_natural_persons_minimum"]?.value(at: timeline.months.last).value) ?? 1
    builder.set("is_reduced_rate_eligible", governance != nil && natural >= threshold ? 1 : 0)
    builder.set("initial_reserves", o.initialReserves)
    builder.set("mecenat_rescrit", o.mecenatRescrit ? 1 : 0)
    builder.set("emploi_avenir_secteur_marchand", o.emploiAvenirMarketSector ? 1 : 0)
    builder.set("association_lucrative", o.lucrative ? 1 : 0)
    // A lucrative association is subject to corporate tax from its first month.
    if o.lucrative { builder.set("cir_first_claim", Double(timeline.months.first.ordinal)) }
    if scenario.dues.rateByExercise.values.isEmpty {
      builder.set("dues_rate", scenario.dues.rate)
    } else {
      builder.set(
        "dues_rate", monthly: (0..<months).map { scenario.dues.rateByExercise[exerciseOf($0).id] ?? scenario.dues.rate })
    }
    builder.set("dues_cap", scenario.dues.cap)
    builder.set("individual_dues", scenario.dues.individual)
    builder.set("dues_share_f", scenario.dues.shareFonctionnement)
    builder.set("dues_collection_rate", scenario.dues.collectionRate)
    builder.set("closed", monthly: closedMonths.map { $0 ? 1 : 0 })
    builder.set(
      "recorded_result",
      monthly: (0..<months).map { i in
        guard let a = scenario.actuals[exerciseOf(i).id] else { return 0 }
        return RecordedBudget(a).result / Double(exerciseOf(i).monthCount)
      })
    if !errors.isEmpty { throw DiagnosticList(errors) }
    return builder.situation()
  }
}
