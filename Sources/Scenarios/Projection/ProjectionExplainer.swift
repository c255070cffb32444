import Foundation
import Planner

/// Explains a figure of a projection: a budget row (by path) or any rule, for a period,
/// down to the scenario's inputs and the parameters with their dated values and references.
///
/// A period's figure is the sum of its months: each month is listed with its value, and
/// one month (the first that is not zero, or the one asked) is explained in full. Terms
/// equal to zero are left out (they do not change the figure).
public struct ProjectionExplainer {
  /// The words of the projection's language.
  var m: Messages { Messages.of(projection.language) }

  public let projection: Projection
  public var depth: Int

  public init(_ projection: Projection, depth: Int = 64) {
    self.projection = projection
    self.depth = depth
  }

  var timeline: Timeline { projection.evaluation.situation.timeline }
  var ruleSet: RuleSet { projection.evaluation.ruleSet }

  /// - Parameters:
  ///   - line: a budget path (`charges/charges_sociales`) or a rule name.
  ///   - period: an exercise id or a month (`2012-03`).
  ///   - budget: for a budget path, `fonctionnement`, `projets` or `total`.
  ///   - month: the month to explain in full, within the period.
  ///   - entity: for a rule computed per entity, the entity's id.
  public func explain(line: String, period: String, budget: String = "total", month: String? = nil, entity: String? = nil)
    throws(DiagnosticList) -> ExplanationNode
  {
    locate(try explainUnlocated(line: line, period: period, budget: budget, month: month, entity: entity))
  }

  /// Inputs are traced back to the scenario entry that gives them (file and line).
  func locate(_ node: ExplanationNode) -> ExplanationNode {
    var n = node
    if n.kind == .input, n.reference == nil, let entity = n.entity, let open = entity.firstIndex(of: "'") {
      let kind = entity[..<open].trimmingCharacters(in: .whitespaces)
      let id = String(entity[entity.index(after: open)...].dropLast())
      let s = projection.scenario
      // A figure by exercise is cited at the line that wrote that exercise's value (a variant
      // that writes another exercise does not give it); else at the entry.
      let exercise = Month(parsing: n.period).flatMap { m in timeline.months.index(of: m) }.map {
        timeline.exercises[timeline.exerciseIndex[$0]].id
      }
      func written(_ figures: ByExercise?) -> SourceLocation? { exercise.flatMap { figures?.locations[$0] } }
      let location: SourceLocation?
      switch kind {
      case "position":
        let p = s.positions.first { $0.id == id }
        location = written(n.label == "gross" ? p?.gross : n.label == "hours" ? p?.hours : nil) ?? p?.location
      case "item":
        let item = s.items.first { $0.id == id }
        location = written(n.label == "amount" ? item?.amounts : nil) ?? item?.location
      case "subsidy":
        let sub = s.subsidies.first { $0.id == id }
        location = written(n.label == "amount" ? sub?.amounts : nil) ?? sub?.location
      case "member": location = s.members.first { $0.id == id || id.hasPrefix($0.id + "_") }?.location
      default: location = nil
      }
      if let location { n.reference = "scenario \(location)" }
    } else if n.kind == .input, n.reference == nil, n.entity == nil {
      n.reference = m("explain.scenario_input", ["path": projection.scenario.path])
    }
    n.children = n.children.map(locate)
    return n
  }

  func explainUnlocated(line: String, period: String, budget: String, month: String?, entity: String?)
    throws(DiagnosticList) -> ExplanationNode
  {
    let months = try monthIndices(period)
    let focus = try month.map { (m) throws(DiagnosticList) -> Int in
      guard let parsed = Month(parsing: m), let i = timeline.months.index(of: parsed), months.contains(i) else {
        throw DiagnosticList([
          .error(.explainBadMonth, Phrase("error.explain_bad_month.1", ["m": .text("\(m)"), "period": .text("\(period)")]))
        ])
      }
      return i
    }
    if projection.budget.contains(where: { $0.path == line }) {
      return try explainRow(line, period: period, months: months, budget: budget, focus: focus)
    }
    guard let rule = ruleSet.rule(named: line) else {
      let paths = Array(Set(projection.budget.map(\.path))).sorted()
      let near = Phrase.suggestion(nearest(line, paths + ruleSet.rules.map(\.name)))
      throw DiagnosticList([.error(.explainUnknownLine, Phrase("error.explain.unknown_line", ["line": .text(line), "near": near]))])
    }
    var row = 0
    if let kind = rule.entity {
      let ids = projection.evaluation.situation.entities[kind] ?? []
      guard let entity else {
        throw DiagnosticList([
          .error(
            .explainEntityNeeded,
            Phrase(
              "error.explain_entity_needed.1",
              ["line": .text("\(line)"), "kind": .text("\(kind)"), "value": .text("\(ids.joined(separator: ", "))")]))
        ])
      }
      guard let r = ids.firstIndex(of: entity) else {
        throw DiagnosticList([
          .error(
            .explainUnknownEntity,
            Phrase(
              "error.explain_unknown_entity.1",
              ["kind": .text("\(kind)"), "entity": .text("\(entity)"), "value": .text("\(ids.joined(separator: ", "))")]))
        ])
      }
      row = r
    }
    return periodNode(rule, row: row, period: period, months: months, focus: focus)
  }

  func monthIndices(_ period: String) throws(DiagnosticList) -> [Int] {
    if let e = timeline.exercises.firstIndex(where: { $0.id == period }) {
      return (0..<timeline.monthCount).filter { timeline.exerciseIndex[$0] == e }
    }
    if let m = Month(parsing: period), let i = timeline.months.index(of: m) { return [i] }
    if let y = Int(period), timeline.months.contains(where: { $0.year == y }) {
      return (0..<timeline.monthCount).filter { timeline.months[$0].year == y }
    }
    let ids = timeline.exercises.map(\.id).joined(separator: ", ")
    throw DiagnosticList([
      .error(.explainUnknownPeriod, Phrase("error.explain_unknown_period.2", ["period": .text("\(period)"), "ids": .text("\(ids)")]))
    ])
  }

  /// A rule over several months: the months' values, one of them explained in full.
  func periodNode(_ rule: RuleSet.Rule, row: Int, period: String, months: [Int], focus: Int?) -> ExplanationNode {
    let explainer = Explainer(projection.evaluation, maxDepth: depth, pruneZeros: true, messages: m)
    let values = months.map { projection.evaluation.value(rule.name, row: row, month: $0) ?? 0 }
    if months.count == 1 { return explainer.explain(rule, row: row, month: months[0], variant: 0, depth: 0) }
    if rule.stock, let last = months.last {
      // A stock (reserves, a count): its value at the period's end, not a sum of months.
      let child = explainer.explain(rule, row: row, month: last, variant: 0, depth: 0)
      return ExplanationNode(
        kind: .period, label: rule.name, formula: m("explain.stock", ["period": period, "month": "\(timeline.months[last])"]),
        value: child.value,
        unit: child.unit, entity: child.entity, period: period, children: [child])
    }
    let detailed = focus ?? zip(months, values).first { $0.1 != 0 }?.0 ?? months[0]
    var children: [ExplanationNode] = []
    for (m, v) in zip(months, values) {
      if m == detailed {
        children.append(explainer.explain(rule, row: row, month: m, variant: 0, depth: 0))
      } else {
        children.append(
          ExplanationNode(kind: .rule, label: rule.name, value: v, unit: "EUR", entity: nil, period: "\(timeline.months[m])"))
      }
    }
    let unit = rule.type.unit?.description ?? "EUR"
    for i in children.indices { children[i].unit = unit }
    return ExplanationNode(
      kind: .period, label: rule.name, formula: m.count("explain.sum_of_months", months.count, ["period": period]),
      value: values.reduce(0, +), unit: unit,
      entity: rule.entity.map { kind in "\(kind) '\(projection.evaluation.situation.entities[kind]?[row] ?? "")'" }, period: period,
      children: children)
  }

  func explainRow(_ path: String, period: String, months: [Int], budget: String, focus: Int?) throws(DiagnosticList) -> ExplanationNode {
    guard ["fonctionnement", "projets", "total"].contains(budget) else {
      throw DiagnosticList([.error(.explainBadBudget, Phrase("error.explain_bad_budget.1"))])
    }
    let label = projection.budget.first { $0.path == path }?.label ?? path
    let shown = projection.budget.first { $0.path == path && $0.budget == budget }?.values[period]
    let exercise = timeline.exercises[timeline.exerciseIndex[months[0]]]
    if let a = projection.scenario.actuals[exercise.id] {
      let value =
        budget == "total"
        ? (a.budget[path]?["fonctionnement"] ?? 0) + (a.budget[path]?["projets"] ?? 0) : (a.budget[path]?[budget] ?? 0)
      return ExplanationNode(
        kind: .input, label: "\(path) (\(label), \(budget))", formula: nil, value: shown ?? value, unit: "EUR", period: period,
        reference: m("explain.recorded", ["path": projection.scenario.path, "exercise": exercise.id]))
    }
    let columns = budget == "total" ? ["fonctionnement", "projets"] : [budget]
    var children: [ExplanationNode] = []
    for column in columns {
      guard let rule = ruleSet.rules.first(where: { $0.table == "budget" && $0.path == path && $0.column == column }) else { continue }
      children.append(periodNode(rule, row: 0, period: period, months: months, focus: focus))
    }
    return ExplanationNode(
      kind: .period, label: "\(path) (\(label), \(budget))", formula: columns.count == 2 ? "fonctionnement + projets" : nil,
      value: shown ?? children.reduce(0) { $0 + $1.value }, unit: "EUR", period: period, children: children)
  }

  func nearest(_ t: String, _ names: [String]) -> String? { Suggestion.nearest(to: t, among: names) }
}
