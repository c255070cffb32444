import Foundation
import Planner

extension ScenarioReader {
  func organisation(_ node: YAMLNode?, base: Organisation?) throws(DiagnosticList) -> Organisation {
    var o = base ?? Organisation(name: "", statutes: [], vatLiable: false, vatShareAsCompany: 0, headcount: 0, atRate: nil, initialReserves: 0)
    guard let node else {
      if base == nil { throw DiagnosticList([.error("scenario.missing-field", "a scenario needs 'organisation'", at: document.root.location)]) }
      return o
    }
    try known(node, ["name", "statute", "vat_liable", "vat_share_as_company", "headcount", "at_rate", "initial_reserves"], "the organisation")
    if let n = node.value("name") { o.name = try text(n, "a name") }
    if let n = node.value("statute") {
      o.statutes = []
      for e in try n.sequence("the statutes over time") {
        o.statutes.append((try month(try required(e, "from", "a statute"), "a month"), try text(try required(e, "statute", "a statute"), "a statute")))
      }
    }
    if let n = node.value("vat_liable") { o.vatLiable = try bool(n, "vat_liable") }
    if let n = node.value("vat_share_as_company") { o.vatShareAsCompany = try number(n, "a share") }
    if let n = node.value("headcount") { o.headcount = try number(n, "a headcount") }
    if let n = node.value("at_rate") { o.atRate = n.isNull ? nil : try number(n, "a rate") }
    if let n = node.value("initial_reserves") { o.initialReserves = try number(n, "an amount") }
    return o
  }

  func dues(_ node: YAMLNode?, base: DuesPolicy?) throws(DiagnosticList) -> DuesPolicy {
    var d = base ?? DuesPolicy(rate: 0, cap: 0, individual: 0, shareFonctionnement: 1)
    guard let node else { return d }
    try known(node, ["rate", "cap", "individual", "share_fonctionnement", "collection_rate"], "the dues policy")
    if let n = node.value("collection_rate") { d.collectionRate = try number(n, "a share") }
    if let n = node.value("rate") { d.rate = try number(n, "a rate") }
    if let n = node.value("cap") { d.cap = try number(n, "an amount") }
    if let n = node.value("individual") { d.individual = try number(n, "an amount") }
    if let n = node.value("share_fonctionnement") { d.shareFonctionnement = try number(n, "a share") }
    return d
  }

  func member(_ node: YAMLNode, base: Member?) throws(DiagnosticList) -> Member {
    try known(node, ["id", "name", "activity", "legal_form", "kind", "payroll", "estimate", "joined", "left", "count", "remove"], "a member")
    var m: Member
    if let base { m = base } else { m = Member(
      id: try text(node.value("id")!, "an id"), name: "", activity: nil, legalForm: nil, kind: "organisation", payroll: [:],
      estimate: false, joined: try month(try required(node, "joined", "a member"), "a month"), left: nil, count: 1,
      location: node.location) }
    m.location = node.location
    if let n = node.value("name") { m.name = try text(n, "a name") }
    if let n = node.value("activity") { m.activity = try text(n, "an activity") }
    if let n = node.value("legal_form") { m.legalForm = try text(n, "a legal form") }
    if let n = node.value("kind") { m.fieldLocations["kind"] = n.location; m.kind = try text(n, "a kind of member") }
    if let n = node.value("estimate") { m.estimate = try bool(n, "estimate") }
    if let n = node.value("joined") { m.joined = try month(n, "a month") }
    if let n = node.value("left") { m.left = n.isNull ? nil : try month(n, "a month") }
    if let n = node.value("count") { m.count = Int(try number(n, "a count")) }
    if let n = node.value("payroll") {
      for (year, yearNode, value) in try n.mapping("payroll by year") {
        guard let y = Int(year), (1990...2100).contains(y) else { throw error("expected a year, found '\(year)'", yearNode) }
        m.payroll[y] = try number(value, "a payroll")
      }
    }
    if m.name.isEmpty { m.name = m.id }
    return m
  }

  func position(_ node: YAMLNode, base: Position?, exercises: [Exercise]) throws(DiagnosticList) -> Position {
    try known(
      node,
      ["id", "label", "line", "contract", "category", "start", "end", "hours", "gross", "share_fonctionnement", "indemnity_due", "start_delay", "remove"],
      "a position")
    var p: Position
    if let base {
      p = base
    } else {
      p = Position(
        id: try text(node.value("id")!, "an id"), label: "", line: try text(try required(node, "line", "a position"), "a line"),
        contract: try text(try required(node, "contract", "a position"), "a contract"), category: "non-cadre",
        start: try month(try required(node, "start", "a position"), "a month"), end: try month(try required(node, "end", "a position"), "a month"),
        hours: ByExercise(), gross: ByExercise(), shareFonctionnement: 1, indemnityDue: true, location: node.location)
    }
    p.location = node.location
    if let n = node.value("label") { p.label = try text(n, "a label") }
    if let n = node.value("line") { p.fieldLocations["line"] = n.location; p.line = try text(n, "a line") }
    if let n = node.value("contract") { p.fieldLocations["contract"] = n.location; p.contract = try text(n, "a contract") }
    if let n = node.value("category") { p.fieldLocations["category"] = n.location; p.category = try text(n, "a category") }
    if let n = node.value("start") { p.start = try month(n, "a month") }
    if let n = node.value("end") { p.end = try month(n, "a month") }
    if let n = node.value("hours") { p.hours = try byExercise(n, "hours by exercise", exercises: exercises, base: p.hours) }
    if let n = node.value("gross") { p.gross = try byExercise(n, "monthly gross pay by exercise", exercises: exercises, base: p.gross) }
    if let n = node.value("share_fonctionnement") { p.shareFonctionnement = try number(n, "a share") }
    if let n = node.value("indemnity_due") { p.indemnityDue = try bool(n, "indemnity_due") }
    if let n = node.value("start_delay") { p.startDelay = try distribution(n, "a start delay in months") }
    if p.label.isEmpty { p.label = p.id }
    guard p.start <= p.end else { throw error("position '\(p.id)' ends (\(p.end)) before it starts (\(p.start))", node) }
    return p
  }

  func subsidy(_ node: YAMLNode, base: Subsidy?, exercises: [Exercise]) throws(DiagnosticList) -> Subsidy {
    try known(node, ["id", "name", "funder", "budget", "amounts", "renewal_probability", "amount_distribution", "remove"], "a subsidy")
    var s: Subsidy
    if let base { s = base } else { s = Subsidy(
      id: try text(node.value("id")!, "an id"), name: "", funder: try text(try required(node, "funder", "a subsidy"), "a funder"),
      budget: try text(try required(node, "budget", "a subsidy"), "a budget"), amounts: ByExercise(), renewalProbability: ByExercise(),
      location: node.location) }
    s.location = node.location
    if let n = node.value("name") { s.name = try text(n, "a name") }
    if let n = node.value("funder") { s.fieldLocations["funder"] = n.location; s.funder = try text(n, "a funder") }
    if let n = node.value("budget") { s.fieldLocations["budget"] = n.location; s.budget = try text(n, "a budget") }
    if let n = node.value("amounts") { s.amounts = try byExercise(n, "amounts by exercise", exercises: exercises, base: s.amounts) }
    if let n = node.value("renewal_probability") {
      s.renewalProbability = try byExercise(n, "renewal probabilities by exercise", exercises: exercises, base: s.renewalProbability)
    }
    if let n = node.value("amount_distribution") {
      for (e, keyNode, value) in try n.mapping("amount distributions by exercise") {
        guard exercises.contains(where: { $0.id == e }) else { throw error("'\(e)' is not an exercise of the scenario", keyNode, id: "scenario.unknown-exercise") }
        s.amountDistribution[e] = try distribution(value, "an amount distribution")
      }
    }
    for (e, p) in s.renewalProbability.values where !(0...1).contains(p) {
      throw error("the renewal probability of '\(s.id)' for \(e) is \(p); a probability is between 0 and 1", node)
    }
    if s.name.isEmpty { s.name = s.id }
    return s
  }

  func item(_ node: YAMLNode, base: Item?, exercises: [Exercise]) throws(DiagnosticList) -> Item {
    try known(node, ["id", "label", "line", "budget", "amounts", "remove"], "an item")
    var i: Item
    if let base { i = base } else { i = Item(
      id: try text(node.value("id")!, "an id"), line: try text(try required(node, "line", "an item"), "a line"),
      budget: try text(try required(node, "budget", "an item"), "a budget"), amounts: ByExercise(), label: nil, location: node.location) }
    i.location = node.location
    if let n = node.value("label") { i.label = try text(n, "a label") }
    if let n = node.value("line") { i.fieldLocations["line"] = n.location; i.line = try text(n, "a line") }
    if let n = node.value("budget") { i.fieldLocations["budget"] = n.location; i.budget = try text(n, "a budget") }
    if let n = node.value("amounts") { i.amounts = try byExercise(n, "amounts by exercise", exercises: exercises, base: i.amounts) }
    return i
  }

  func actuals(_ node: YAMLNode) throws(DiagnosticList) -> Actuals {
    try known(node, ["budget", "shares"], "the actuals of an exercise")
    func table(_ n: YAMLNode?) throws(DiagnosticList) -> [String: [String: Double]] {
      guard let n else { return [:] }
      var out: [String: [String: Double]] = [:]
      for (path, _, columns) in try n.mapping("rows by path") {
        var row: [String: Double] = [:]
        for (column, columnNode, value) in try columns.mapping("columns") {
          guard ["fonctionnement", "projets", "total"].contains(column) else {
            throw error("a column is fonctionnement, projets or total; found '\(column)'", columnNode)
          }
          row[column] = try number(value, "an amount")
        }
        out[path] = row
      }
      return out
    }
    return Actuals(budget: try table(node.value("budget")), shares: try table(node.value("shares")), location: node.location)
  }
}

extension ScenarioReader {
  /// A distribution: a number (fixed), `a to b` (a 90 % interval), or
  /// `{type: uniform|triangular|normal|fixed, low, mode, high, mean, sd, value}`.
  func distribution(_ node: YAMLNode, _ what: String) throws(DiagnosticList) -> Distribution {
    if let text = node.scalarText {
      let parts = text.components(separatedBy: " to ")
      if parts.count == 2 {
        func n(_ s: String) throws(DiagnosticList) -> Double {
          guard let d = Double(s.trimmed.replacing("_", with: "").replacing("EUR", with: "").trimmed) else {
            throw error("expected '\(what)' as 'a to b', found '\(text)'", node)
          }
          return d
        }
        return .range90(try n(parts[0]), try n(parts[1]))
      }
      return .fixed(try number(node, what))
    }
    try known(node, ["type", "low", "mode", "high", "mean", "sd", "value"], what)
    func field(_ k: String) throws(DiagnosticList) -> Double { try number(try required(node, k, what), k) }
    switch try text(try required(node, "type", what), "a distribution type") {
    case "fixed": return .fixed(try field("value"))
    case "uniform":
      let (a, b) = (try field("low"), try field("high"))
      guard a <= b else { throw error("low must not exceed high", node) }
      return .uniform(low: a, high: b)
    case "triangular":
      let (a, c, b) = (try field("low"), try field("mode"), try field("high"))
      guard a <= c && c <= b && a < b else { throw error("a triangular distribution needs low <= mode <= high", node) }
      return .triangular(low: a, mode: c, high: b)
    case "normal":
      let (m, sd) = (try field("mean"), try field("sd"))
      guard sd >= 0 else { throw error("sd must not be negative", node) }
      return .normal(mean: m, sd: sd)
    case let t:
      throw error("unknown distribution '\(t)'; use fixed, uniform, triangular or normal (or 'a to b')", node, id: "scenario.unknown-value")
    }
  }

  func uncertainty(_ node: YAMLNode, base: Uncertainty) throws(DiagnosticList) -> Uncertainty {
    try known(node, ["public_budgets_correlation", "member_leaving_probability", "dues_collection"], "the uncertainty")
    var u = base
    if let n = node.value("public_budgets_correlation") { u.publicBudgetsCorrelation = try number(n, "a correlation") }
    if let n = node.value("member_leaving_probability") { u.memberLeavingProbability = try number(n, "a probability") }
    if let n = node.value("dues_collection") { u.duesCollection = try distribution(n, "the dues collection rate") }
    guard (0...1).contains(u.publicBudgetsCorrelation), (0...1).contains(u.memberLeavingProbability) else {
      throw error("correlations and probabilities are between 0 and 1", node)
    }
    return u
  }
}
