import Planner

// The fields of each section of a scenario file, declared once (see `Field`). The JSON
// Schema (`scenarios/scenario.schema.json`) is tested against these declarations.

extension Organisation: DeclaredSection {
  init() { self.init(name: "", statutes: [], vatLiable: false, vatShareAsCompany: 0, headcount: 0, atRate: nil, initialReserves: 0) }

  static let what = "the organisation"
  static var fields: [Field<Organisation>] {
    [
      .text("name", \.name),
      Field(
        key: "statute", categories: "employer",
        read: { (o, n, _) throws(DiagnosticList) in
          o.statutes = []
          for e in try n.sequence("the statutes over time") {
            try ScenarioValue.known(e, ["from", "statute"], "a statute")
            let from = try ScenarioValue.month(try ScenarioValue.required(e, "from", "a statute"))
            let statuteNode = try ScenarioValue.required(e, "statute", "a statute")
            let statute = try statuteNode.string("a statute")
            o.fieldLocations["statute[\(o.statutes.count)]"] = statuteNode.location
            if let last = o.statutes.last, from <= last.from {
              throw ScenarioValue.error("statutes are listed in order of their dates; \(from) comes after \(last.from)", e, id: .scenarioOutOfDomain)
            }
            o.statutes.append((from, statute))
          }
          if o.statutes.isEmpty { throw ScenarioValue.error("the organisation needs at least one statute", n, id: .scenarioMissingField) }
        },
        show: { $0.statutes.map { "\($0.statute) from \($0.from)" }.joined(separator: ", ") },
        category: { o in o.statutes.enumerated().map { ($0.element.statute, o.fieldLocations["statute[\($0.offset)]"]) } }),
      .bool("vat_liable", \.vatLiable),
      .number("vat_share_as_company", \.vatShareAsCompany, .unitInterval),
      .number("headcount", \.headcount, unit: .count, .nonNegative),
      .optionalNumber("at_rate", \.atRate, .unitInterval),
      .number("initial_reserves", \.initialReserves, unit: .euro),
    ]
  }
}

extension DuesPolicy: DeclaredSection {
  static let what = "the dues policy"
  static var fields: [Field<DuesPolicy>] {
    [
      .number("rate", \.rate, .unitInterval),
      .number("cap", \.cap, unit: .euro, .nonNegative),
      .number("individual", \.individual, unit: .euro, .nonNegative),
      .number("share_fonctionnement", \.shareFonctionnement, .unitInterval),
      .number("collection_rate", \.collectionRate, .unitInterval),
    ]
  }
}

extension Uncertainty: DeclaredSection {
  static let what = "the uncertainty"
  static var fields: [Field<Uncertainty>] {
    [
      .number("public_budgets_correlation", \.publicBudgetsCorrelation, .unitInterval),
      .number("member_leaving_probability", \.memberLeavingProbability, .unitInterval),
      .distribution("dues_collection", \.duesCollection, "the dues collection rate"),
    ]
  }
}

extension Member: ScenarioEntry {
  static let what = "a member"
  static let section = "members"
  static let kind = "member"
  static var fields: [Field<Member>] {
    [
      .text("name", \.name),
      .optionalText("activity", \.activity),
      .optionalText("legal_form", \.legalForm),
      .text("kind", \.kind, categories: "member.kind"),
      Field(
        key: "payroll",
        read: { (m, n, _) throws(DiagnosticList) in
          for (year, yearNode, value) in try n.mapping("payroll by year") {
            guard let y = Int(year), (1990...2100).contains(y) else {
              throw ScenarioValue.error("expected a year from 1990 to 2100, found '\(year)'", yearNode, id: .scenarioOutOfDomain)
            }
            m.payroll[y] = try ScenarioValue.number(value, "the payroll of \(y)", unit: .euro, .nonNegative)
          }
        },
        show: { "{" + $0.payroll.sorted { $0.key < $1.key }.map { "\($0.key): \(ScenarioValue.show($0.value))" }.joined(separator: ", ") + "}" }),
      .bool("estimate", \.estimate),
      .month("joined", \.joined, required: true),
      .optionalMonth("left", \.left),
      .count("count", \.count, minimum: 1),
    ]
  }

  init(id: String, location: SourceLocation) {
    self.init(
      id: id, name: "", activity: nil, legalForm: nil, kind: "organisation", payroll: [:], estimate: false, joined: Month(2000, 1),
      left: nil, count: 1, location: location)
  }

  mutating func complete(at node: YAMLNode) throws(DiagnosticList) {
    if name.isEmpty { name = id }
    if let left, left < joined {
      throw ScenarioValue.error("member '\(id)' leaves (\(left)) before it joins (\(joined))", node, id: .scenarioOutOfDomain)
    }
  }
}

extension Position: ScenarioEntry {
  static let what = "a position"
  static let section = "positions"
  static let kind = "position"
  static var fields: [Field<Position>] {
    [
      .text("label", \.label),
      .text("line", \.line, required: true, categories: "position.line"),
      .text("contract", \.contract, required: true, categories: "position.contract"),
      .text("category", \.category, categories: "position.category"),
      .month("start", \.start, required: true),
      .month("end", \.end, required: true),
      .byExercise("hours", \.hours, unit: .hour, .nonNegative),
      .byExercise("gross", \.gross, unit: .euro, .nonNegative),
      .number("share_fonctionnement", \.shareFonctionnement, .unitInterval),
      .bool("indemnity_due", \.indemnityDue),
      .distribution("start_delay", \.startDelay, "a start delay in months"),
    ]
  }

  init(id: String, location: SourceLocation) {
    self.init(
      id: id, label: "", line: "", contract: "", category: "non-cadre", start: Month(2000, 1), end: Month(2000, 1),
      hours: ByExercise(), gross: ByExercise(), shareFonctionnement: 1, indemnityDue: true, location: location)
  }

  mutating func complete(at node: YAMLNode) throws(DiagnosticList) {
    if label.isEmpty { label = id }
    guard start <= end else { throw ScenarioValue.error("position '\(id)' ends (\(end)) before it starts (\(start))", node) }
  }
}

extension Subsidy: ScenarioEntry {
  static let what = "a subsidy"
  static let section = "subsidies"
  static let kind = "subsidy"
  static var fields: [Field<Subsidy>] {
    [
      .text("name", \.name),
      .text("funder", \.funder, required: true, categories: "subsidy.funder"),
      .text("budget", \.budget, required: true, categories: "subsidy.budget"),
      .byExercise("amounts", \.amounts, unit: .euro, .nonNegative),
      .byExercise("renewal_probability", \.renewalProbability, .unitInterval),
      Field(
        key: "amount_distribution",
        read: { (s, n, c) throws(DiagnosticList) in
          for (e, keyNode, value) in try n.mapping("amount distributions by exercise") {
            guard c.exercises.contains(where: { $0.id == e }) else {
              throw ScenarioValue.error("'\(e)' is not an exercise of the scenario", keyNode, id: .scenarioUnknownExercise)
            }
            s.amountDistribution[e] = try ScenarioValue.distribution(value, "an amount distribution")
          }
        },
        show: { "{" + $0.amountDistribution.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}" }),
    ]
  }

  init(id: String, location: SourceLocation) {
    self.init(id: id, name: "", funder: "", budget: "", amounts: ByExercise(), renewalProbability: ByExercise(), location: location)
  }

  mutating func complete(at node: YAMLNode) throws(DiagnosticList) {
    if name.isEmpty { name = id }
  }
}

extension Item: ScenarioEntry {
  static let what = "an item"
  static let section = "items"
  static let kind = "item"
  static var fields: [Field<Item>] {
    [
      .optionalText("label", \.label),
      .text("line", \.line, required: true, categories: "item.line"),
      .text("budget", \.budget, required: true, categories: "item.budget"),
      .byExercise("amounts", \.amounts, unit: .euro),
    ]
  }

  init(id: String, location: SourceLocation) {
    self.init(id: id, line: "", budget: "", amounts: ByExercise(), label: nil, location: location)
  }

  mutating func complete(at node: YAMLNode) throws(DiagnosticList) {}
}
