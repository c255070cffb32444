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
    self.scenario = scenario
    self.ruleSet = ruleSet
    self.timeline = try scenario.timeline
  }

  /// Months of closed exercises (with recorded actuals).
  public var closedMonths: [Bool] {
    timeline.exerciseIndex.map { scenario.actuals[timeline.exercises[$0].id] != nil }
  }

  func code(_ key: String, _ value: String, at location: SourceLocation, field: String) throws(DiagnosticList) -> Double {
    guard let input = ruleSet.input(key) else {
      throw DiagnosticList([.error("scenario.rules-missing", "the rule packs declare no input '\(key)'", at: location)])
    }
    guard let i = input.categories.firstIndex(of: value) else {
      var message = "\(field) '\(value)' is not one of \(input.categories.joined(separator: ", "))"
      if let s = Suggestion.nearest(to: value, among: input.categories) { message = "\(field) '\(value)' is not a value the rule packs know; did you mean '\(s)'?" }
      throw DiagnosticList([.error("scenario.unknown-value", message, at: location, length: value.count)])
    }
    return Double(i)
  }

  /// The situation of a plain run.
  public mutating func situation() throws(DiagnosticList) -> Situation {
    let months = timeline.monthCount
    var inputs: [String: Block] = [:]
    var errors: [Diagnostic] = []
    func perMonth(_ f: (Int) -> Double) -> [Double] { (0..<months).map(f) }
    /// Columns of one value per entity and month, stored as the inputs' blocks.
    func store(_ columns: [String: [Double]]) {
      for (key, values) in columns { inputs[key] = Block(rows: values.count / months, months: months, width: 1, data: values) }
    }
    func exerciseOf(_ m: Int) -> Exercise { timeline.exercises[timeline.exerciseIndex[m]] }
    let closed = closedMonths

    // Positions
    let positions = scenario.positions
    var columns: [String: [Double]] = [:]
    func append(_ key: String, _ values: [Double]) { columns[key, default: []] += values }
    for p in positions {
      do throws(DiagnosticList) {
        append("position.contract", Array(repeating: try code("position.contract", p.contract, at: p.fieldLocations["contract"] ?? p.location, field: "contract"), count: months))
        append("position.category", Array(repeating: try code("position.category", p.category, at: p.fieldLocations["category"] ?? p.location, field: "category"), count: months))
        append("position.line", Array(repeating: try code("position.line", p.line, at: p.fieldLocations["line"] ?? p.location, field: "line"), count: months))
      } catch {
        errors += error.diagnostics
        continue
      }
      var hours = [Double](repeating: 0, count: months)
      var gross = [Double](repeating: 0, count: months)
      for (e, exercise) in timeline.exercises.enumerated() {
        let active = (0..<months).filter { timeline.exerciseIndex[$0] == e && p.start <= timeline.months[$0] && timeline.months[$0] <= p.end }
        if let h = p.hours[exercise.id] {
          if active.isEmpty && h > 0 {
            errors.append(.error("scenario.hours-outside-contract", "position '\(p.id)' has \(h) h in \(exercise.id) but its contract (\(p.start)..\(p.end)) has no month in it", at: p.hours.location ?? p.location))
          }
          for m in active { hours[m] = h / Double(active.count) }
        }
        if let g = p.gross[exercise.id] {
          for m in active { gross[m] = g }
        } else if !active.isEmpty && scenario.actuals[exercise.id] == nil && p.contract != "benevole" {
          errors.append(.error("scenario.missing-gross", "position '\(p.id)' works in \(exercise.id) but has no gross pay for it; add gross: {\(exercise.id): …}", at: p.location))
        }
      }
      append("position.hours", hours)
      append("position.gross", gross)
      append("position.indemnity_due", Array(repeating: p.indemnityDue ? 1 : 0, count: months))
      append("position.start", Array(repeating: Double(p.start.ordinal), count: months))
      append("position.end", Array(repeating: Double(p.end.ordinal), count: months))
      append("position.share_f", Array(repeating: p.shareFonctionnement, count: months))
    }
    store(columns)
    var entities: [String: [String]] = ["position": positions.map(\.id)]

    // Members (a count of individuals becomes as many members)
    var memberIDs: [String] = []
    var memberColumns: [String: [Double]] = [:]
    var carried: [String] = []
    for m in scenario.members {
      let kind: Double
      do { kind = try code("member.kind", m.kind, at: m.fieldLocations["kind"] ?? m.location, field: "kind") } catch {
        errors += error.diagnostics
        continue
      }
      let payroll = perMonth { i -> Double in
        let year = exerciseOf(i).months.last.year - 1
        if let v = m.payroll[year] { return v }
        if let earlier = m.payroll.keys.filter({ $0 < year }).max() {
          if !carried.contains(m.id) { carried.append(m.id) }
          return m.payroll[earlier]!
        }
        return 0
      }
      for k in 0..<max(1, m.count) {
        memberIDs.append(m.count > 1 ? "\(m.id)_\(k + 1)" : m.id)
        memberColumns["member.kind", default: []] += Array(repeating: kind, count: months)
        memberColumns["member.payroll_reference", default: []] += payroll
        memberColumns["member.joined", default: []] += Array(repeating: Double(m.joined.ordinal), count: months)
        memberColumns["member.left", default: []] += Array(repeating: Double((m.left ?? Month(9999, 12)).ordinal), count: months)
      }
    }
    store(memberColumns)
    entities["member"] = memberIDs
    if !carried.isEmpty {
      notes.append(
        .warning(
          "scenario.payroll-carried-forward",
          "\(carried.count) members give no payroll for a year their dues need; their latest earlier payroll is used (\(carried.joined(separator: ", ")))",
          at: scenario.location))
    }

    // Subsidies and items: amounts by exercise spread over its months.
    func spread(_ amounts: ByExercise) -> [Double] {
      var out: [Double] = []
      for e in timeline.exercises { out += Money.spread(amounts[e.id] ?? 0, over: e.monthCount) }
      return out
    }
    var subsidyColumns: [String: [Double]] = [:]
    for s in scenario.subsidies {
      do throws(DiagnosticList) {
        subsidyColumns["subsidy.funder", default: []] += Array(repeating: try code("subsidy.funder", s.funder, at: s.fieldLocations["funder"] ?? s.location, field: "funder"), count: months)
        subsidyColumns["subsidy.budget", default: []] += Array(repeating: try code("subsidy.budget", s.budget, at: s.fieldLocations["budget"] ?? s.location, field: "budget"), count: months)
        subsidyColumns["subsidy.amount", default: []] += spread(s.amounts)
      } catch { errors += error.diagnostics }
    }
    store(subsidyColumns)
    entities["subsidy"] = scenario.subsidies.map(\.id)
    var itemColumns: [String: [Double]] = [:]
    for it in scenario.items {
      do throws(DiagnosticList) {
        itemColumns["item.line", default: []] += Array(repeating: try code("item.line", it.line, at: it.fieldLocations["line"] ?? it.location, field: "line"), count: months)
        itemColumns["item.budget", default: []] += Array(repeating: try code("item.budget", it.budget, at: it.fieldLocations["budget"] ?? it.location, field: "budget"), count: months)
        itemColumns["item.amount", default: []] += spread(it.amounts)
      } catch { errors += error.diagnostics }
    }
    store(itemColumns)
    entities["item"] = scenario.items.map(\.id)

    // The organisation and its policies.
    let o = scenario.organisation
    var statute: [Double] = []
    var vatShare: [Double] = []
    for i in 0..<months {
      let inForce = scenario.statute(at: timeline.months[i])
      vatShare.append(inForce == "association" ? (o.vatLiable ? 1 : 0) : o.vatShareAsCompany)
      do { statute.append(try code("employer", inForce, at: scenario.location, field: "statute")) } catch {
        errors += error.diagnostics
        break
      }
    }
    if statute.count == months { inputs["employer"] = .monthly(statute) }
    inputs["vat_share"] = .monthly(vatShare)
    let governance = scenario.governance
    inputs["scic_indivisible_share"] = .scalar(governance?.indivisibleReserves ?? 0)
    let natural = governance?.capitalShare { $0.naturalPersons } ?? 0
    let threshold = (try? ruleSet.parameters["is_natural_persons_minimum"]?.value(at: timeline.months.last).value) ?? 1
    inputs["is_reduced_rate_eligible"] = .scalar(governance != nil && natural >= threshold ? 1 : 0)
    inputs["headcount"] = .scalar(o.headcount)
    inputs["at_rate"] = .scalar(o.atRate ?? 0)
    inputs["at_rate_given"] = .scalar(o.atRate == nil ? 0 : 1)
    inputs["initial_reserves"] = .scalar(o.initialReserves)
    inputs["dues_rate"] = .scalar(scenario.dues.rate)
    inputs["dues_cap"] = .scalar(scenario.dues.cap)
    inputs["individual_dues"] = .scalar(scenario.dues.individual)
    inputs["dues_share_f"] = .scalar(scenario.dues.shareFonctionnement)
    inputs["dues_collection_rate"] = .scalar(scenario.dues.collectionRate)
    inputs["closed"] = .monthly(closed.map { $0 ? 1 : 0 })
    inputs["recorded_result"] = .monthly(perMonth { i in
      guard let a = scenario.actuals[exerciseOf(i).id] else { return 0 }
      return RecordedBudget(a).result / Double(exerciseOf(i).monthCount)
    })
    if !errors.isEmpty { throw DiagnosticList(errors) }
    return Situation(timeline: timeline, entities: entities, inputs: inputs)
  }
}
