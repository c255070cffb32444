import Planner

/// Builds what the engine evaluates, for every command: one column builder per entity kind
/// (a value per entity and month, entity after entity), the employer's inputs in one place,
/// categories stored as their index among the rule packs' categories.
struct SituationBuilder {
  let ruleSet: RuleSet
  let timeline: Timeline
  private var entities: [String: [String]] = [:]
  /// Per-entity columns by input key, entity-major, each of `months` values per entity.
  private var columns: [String: [Double]] = [:]
  private var inputs: [String: Block] = [:]

  init(ruleSet: RuleSet, timeline: Timeline) {
    self.ruleSet = ruleSet
    self.timeline = timeline
  }

  var months: Int { timeline.monthCount }

  /// The index of a category value among the rule packs' categories; values are checked
  /// before (`Scenario.checkCategories`, `CostQuery`'s options).
  func code(_ key: String, _ value: String) -> Double {
    Double(ruleSet.input(key)?.categories.firstIndex(of: value) ?? 0)
  }

  /// One entity of a kind (`position`), with its inputs: constants (the same every month)
  /// and values by month. Every entity of a kind gives the same keys.
  mutating func add(_ kind: String, id: String, constants: [String: Double] = [:], monthly: [String: [Double]] = [:]) {
    entities[kind, default: []].append(id)
    for (key, v) in constants { columns["\(kind).\(key)", default: []] += repeatElement(v, count: months) }
    for (key, v) in monthly {
      precondition(v.count == months, "\(kind).\(key) has \(v.count) months, the timeline \(months)")
      columns["\(kind).\(key)", default: []] += v
    }
  }

  /// An entity kind with no entity (so that sums over it are zero).
  mutating func declare(_ kind: String) { entities[kind, default: []] = entities[kind] ?? [] }

  /// An input of the organisation, one value for every month.
  mutating func set(_ key: String, _ value: Double) { inputs[key] = .scalar(value) }

  /// An input of the organisation, one value per month.
  mutating func set(_ key: String, monthly values: [Double]) { inputs[key] = .monthly(values) }

  /// A position, from its figures by month.
  mutating func position(
    id: String, contract: String, category: String, line: String?, hours: [Double], gross: [Double], indemnityDue: Bool,
    start: Month, end: Month, shareFonctionnement: Double, termination: Termination? = nil, cirQualifies: Double = 0,
    recordedPay: Double = 0, aid: String = "none", aidRate: Double = 0, cdiFollows: Bool = false
  ) {
    let t = termination ?? Termination(term: end, terminated: false, seniorityStart: start, cifreContract: "cdd")
    var constants: [String: Double] = [
      "contract": code("position.contract", contract), "category": code("position.category", category),
      "indemnity_due": indemnityDue ? 1 : 0, "start": Double(start.ordinal), "end": Double(end.ordinal),
      "share_f": shareFonctionnement, "term": Double(t.term.ordinal), "terminated": t.terminated ? 1 : 0,
      "seniority_start": Double(t.seniorityStart.ordinal), "cifre_contract": code("position.cifre_contract", t.cifreContract),
      "cir_qualifies": cirQualifies, "recorded_pay": recordedPay, "aid": code("position.aid", aid), "aid_rate": aidRate,
      "cdi_follows": cdiFollows ? 1 : 0,
    ]
    if let line { constants["line"] = code("position.line", line) }
    add("position", id: id, constants: constants, monthly: ["hours": hours, "gross": gross])
  }

  /// How a position's contract ends: its agreed term, whether an open-ended one is ended by
  /// the employer, where its seniority starts, and a CIFRE's contract.
  struct Termination {
    var term: Month
    var terminated: Bool
    var seniorityStart: Month
    var cifreContract: String
  }

  /// The employer: its statute and VAT share by month, its headcount and its
  /// accidents-du-travail rate (`nil`: the rule packs' office rate).
  mutating func employer(statutes: [String], vatShare: [Double], headcount: Double, atRate: Double?) {
    set("employer", monthly: statutes.map { code("employer", $0) })
    // The CIR's newcomer: the first month the employer is subject to corporate tax.
    let firstCompany = statutes.firstIndex { $0 != "association" }.map { timeline.months[$0] } ?? Month(9999, 12)
    set("cir_first_claim", Double(firstCompany.ordinal))
    set("vat_share", monthly: vatShare)
    set("headcount", headcount)
    set("at_rate", atRate ?? 0)
    set("at_rate_given", atRate == nil ? 0 : 1)
    // A company's facts the scenario may change (ScenarioPlanner): none by default.
    set("association_lucrative", 0)
    set("mecenat_rescrit", 0)
    set("emploi_avenir_secteur_marchand", 0)
    // The overdraft's interest, set by the cash plan when the scenario has an overdraft.
    if ruleSet.input("financing_cost") != nil { set("financing_cost", 0) }
  }

  /// An amount by exercise spread over each exercise's months, in whole cents that add up.
  func spread(_ amounts: ByExercise) -> [Double] {
    var out: [Double] = []
    out.reserveCapacity(months)
    for e in timeline.exercises { out += Money.spread(amounts[e.id] ?? 0, over: e.monthCount) }
    return out
  }

  func situation() -> Situation {
    var all = inputs
    for (key, values) in columns {
      let kind = String(key.prefix { $0 != "." })
      let rows = entities[kind]?.count ?? 0
      precondition(values.count == rows * months, "\(key): \(values.count) values for \(rows) entities")
      all[key] = Block(rows: rows, months: months, width: 1, data: values)
    }
    return Situation(timeline: timeline, entities: entities, inputs: all)
  }
}
