import Planner

extension Projection {
  /// Projects a scenario by period.
  /// - Throws: rule-pack or scenario errors, and legal limits the projected positions break.
  public static func run(
    _ scenario: Scenario, ruleSet: RuleSet, by kind: Period.Kind = .exercise, strict: Bool = false, legalLimitsAsWarnings: Bool = false,
    messages: Messages = .of(.en)
  ) throws(DiagnosticList) -> Projection {
    var planner = try ScenarioPlanner(scenario, ruleSet: ruleSet)
    var situation = try planner.situation()
    var evaluation = try Evaluator(ruleSet, situation, options: EvaluationOptions(strict: strict, trace: true)).run()
    // An overdraft's interest is a charge of the budget that the cash plan computes: book
    // what the balances imply and project again until both agree to the cent. Each pass
    // changes the next month's interest by at most the yearly rate / 12 of the change (a
    // contraction): two or three passes agree to the cent.
    if scenario.treasury.overdraftLimit > 0 || scenario.treasury.advanceShare > 0, ruleSet.input("financing_cost") != nil {
      var booked = Array(repeating: 0.0, count: situation.timeline.monthCount)
      for _ in 0..<Self.financingIterations {
        let probe = ProjectionBuilder(
          scenario: planner.scenario, ruleSet: ruleSet, planner: planner, evaluation: evaluation, kind: kind, messages: messages)
        guard let implied = try probe.treasury(Period.periods(situation.timeline, by: kind))?.0.impliedInterest,
          zip(implied, booked).contains(where: { abs($0 - $1) >= 0.005 })
        else { break }
        booked = implied
        situation.inputs["financing_cost"] = .monthly(booked)
        evaluation = try Evaluator(ruleSet, situation, options: EvaluationOptions(strict: strict, trace: true)).run()
      }
    }
    let builder = ProjectionBuilder(
      scenario: planner.scenario, ruleSet: ruleSet, planner: planner, evaluation: evaluation, kind: kind, messages: messages)
    do {
      try builder.checkLegalLimits()
    } catch  where legalLimitsAsWarnings || scenario.legalLimitsAsWarnings {
      builder.warnings += error.diagnostics.map {
        var d = $0
        d.severity = .warning
        if scenario.legalLimitsAsWarnings && !legalLimitsAsWarnings {
          let original = d.phrase ?? Phrase("diagnostic.text", ["text": .text(d.message)])
          d.phrase = Phrase("diagnostic.limit.reported", ["message": .phrase(original)])
        }
        return d
      }
    }
    // The projection carries the scenario as written (what differs, what it assumes).
    var projection = try builder.build()
    projection.scenario = scenario
    return projection
  }
}

extension Projection {
  /// How many times the overdraft's interest is booked and the plan recomputed, at most
  /// (it agrees to the cent after two or three).
  static let financingIterations = 10
}

/// Assembles a projection's tables from a traced evaluation and the scenario's actuals. A
/// class: its functions share the evaluation, the rule set and the scenario without copying
/// them (a struct's copy into each closure retained and released every field).
final class ProjectionBuilder {
  let scenario: Scenario
  let ruleSet: RuleSet
  let planner: ScenarioPlanner
  let evaluation: Evaluation
  let kind: Period.Kind
  var warnings: [Diagnostic] = []

  /// The words of the projection's language (flows of the cash plan, labels).
  let messages: Messages

  init(
    scenario: Scenario, ruleSet: RuleSet, planner: ScenarioPlanner, evaluation: Evaluation, kind: Period.Kind, messages: Messages = .of(.en)
  ) {
    self.messages = messages
    self.scenario = scenario
    self.ruleSet = ruleSet
    self.planner = planner
    self.evaluation = evaluation
    self.kind = kind
    closed = planner.closedMonths
  }

  var timeline: Timeline { evaluation.situation.timeline }
  /// Whether each month is in a closed exercise (computed once: the planner derives it).
  let closed: [Bool]
  /// The budget table's rows, once read (`layout`).
  var layoutRows: [LayoutRow]? = nil

  func exercise(ofMonth m: Int) -> Exercise { timeline.exercises[timeline.exerciseIndex[m]] }
  func actuals(ofMonth m: Int) -> Actuals? { scenario.actuals[exercise(ofMonth: m).id] }

  /// A global rule's value in a month.
  func value(_ rule: String, _ m: Int) -> Double { evaluation.value(rule, month: m) ?? 0 }

  /// A global rule's value summed over months.
  func total<Months: Sequence<Int>>(_ rule: String, _ months: Months) -> Double { evaluation.total(rule, months: months) ?? 0 }

  // MARK: - Legal limits

  func checkLegalLimits() throws(DiagnosticList) {
    var errors: [Diagnostic] = []
    /// Whether a month is in the record: in a closed exercise, or before the scenario.
    func recorded(_ month: Month) -> Bool {
      timeline.months.index(of: month).map { closed[$0] } ?? (month < timeline.months.first)
    }
    // Successive contracts on one post: an error for an open exercise, a warning for a
    // recorded one (the same rule as the limits on one contract below).
    let chain = ContractChain(positions: scenario.positions, ruleSet: ruleSet).check(isClosed: recorded)
    for d in chain {
      if d.severity == .error { errors.append(d) } else { warnings.append(d) }
    }
    let ids = evaluation.situation.entities["position"] ?? []
    for rule in ruleSet.rules where rule.group == "legal_limits" {
      guard let block = evaluation.values[rule.index] else { continue }
      let source = rule.source.map { " (\($0))" } ?? ""
      let limit = Phrase.Argument.bilingual(
        fr: (rule.label(in: "fr") ?? rule.name) + source, en: (rule.label(in: "en") ?? rule.name) + source)
      func diagnostic(_ severity: Severity, _ phrase: Phrase, at position: Position?) -> Diagnostic {
        Diagnostic(
          severity, id: .scenarioLegalLimit, phrase, at: position?.location,
          notes: [.init(Phrase("diagnostic.note.rule_defined"), at: rule.location)]
        ).about(rule.name)
      }
      // In a closed exercise the pay is the record's, not the positions': only the limits
      // that do not read it are checked there, as warnings on what was recorded.
      let readsHours = reads(rule, input: "position.hours")
      let checksRecorded = !reads(rule, input: "position.gross")
      // A limit on the contract itself (its length, its category), not on a month's hours,
      // pay or employer, is judged when the contract is signed: one signed in a closed
      // exercise is a recorded fact, a warning even in the months it runs into open exercises.
      let onTheContract = checksRecorded && !readsHours && !reads(rule, input: "employer")
      for (row, id) in ids.enumerated() {
        let position = scenario.positions.first { $0.id == id }
        func broken(where include: (Int) -> Bool) -> Int? {
          (0..<timeline.monthCount).first { include($0) && block[row, $0, 0] == 1 }
        }
        if onTheContract, let p = position, recorded(p.start), broken(where: { _ in true }) != nil {
          warnings.append(
            diagnostic(
              .warning, Phrase("diagnostic.limit.recorded_contract", ["position": .text(id), "start": .month(p.start), "limit": limit]),
              at: p)
          )
        } else if let m = broken(where: { !closed[$0] }) {
          errors.append(
            diagnostic(
              .error, Phrase("diagnostic.limit.broken", ["position": .text(id), "month": .month(timeline.months[m]), "limit": limit]),
              at: position))
        } else if checksRecorded, let m = broken(where: { closed[$0] }) {
          var figures: Phrase.Argument = .text("")
          if readsHours, let weekly = evaluation.value("weekly_hours", row: row, month: m) {
            figures = .phrase(Phrase("diagnostic.limit.weekly_hours", ["hours": .number(weekly, digits: 1)]))
          }
          warnings.append(
            diagnostic(
              .warning,
              Phrase(
                "diagnostic.limit.recorded_month",
                ["position": .text(id), "month": .month(timeline.months[m]), "figures": figures, "limit": limit]),
              at: position))
        }
      }
    }
    if !errors.isEmpty { throw DiagnosticList(errors) }
  }

  // MARK: - Building

  func build() throws(DiagnosticList) -> Projection {
    let periods = Period.periods(timeline, by: kind)
    // Each message once (each rendered once).
    var seen = Set(warnings.map(\.message))
    for d in planner.notes + evaluation.warnings where seen.insert(d.message).inserted { warnings.append(d) }
    let budget = try budgetRows(periods)
    let staffing = staffingRows(periods)
    checkPublishedStaffing(staffing)
    checkRecorded(budget)
    checkSeedFacts()
    var indicators = indicators(periods, budget: budget, staffing: staffing)
    var inKind: [String: Double] = [:]
    for p in periods { inKind[p.id] = Money.cents(total("in_kind.benevolat", p.monthIndices)) }
    let cash = try treasury(periods)
    if let cash { warnings += cash.warnings }
    let treasury = cash?.0
    if let t = treasury {
      for p in periods {
        guard let f = t.periods[p.id] else { continue }
        indicators["lowest_cash", default: [:]][p.id] = f.lowestCash
        indicators["months_below_zero", default: [:]][p.id] = Double(f.monthsBelowZero)
        indicators["months_in_overdraft", default: [:]][p.id] = Double(f.monthsInOverdraft)
        indicators["financing_cost", default: [:]][p.id] = f.financingCost
      }
    }
    return Projection(
      scenario: scenario, periods: periods, budget: budget, staffing: staffing, indicators: indicators, inKind: inKind,
      treasury: treasury, warnings: warnings, evaluation: evaluation, planner: planner, language: messages.language)
  }
}
