/// Builds explanations from a traced evaluation: it reads the values the evaluation recorded
/// for every node, and never computes a figure again.
public struct Explainer: Sendable {
  public let evaluation: Evaluation
  /// Rule references deeper than this are shown with their value only.
  public var maxDepth: Int
  /// Leave out the terms of sums that are zero (they do not change the figure).
  public var pruneZeros: Bool
  /// The language of the words the explanation adds to the rules' own (a sum of months, a
  /// stock, a line in cents).
  public var messages: Messages

  public init(_ evaluation: Evaluation, maxDepth: Int = 64, pruneZeros: Bool = false, messages: Messages = .of(.en)) {
    precondition(!evaluation.trace.isEmpty || evaluation.ruleSet.rules.isEmpty, "explanations need a traced evaluation")
    self.evaluation = evaluation
    self.maxDepth = maxDepth
    self.pruneZeros = pruneZeros
    self.messages = messages
  }

  var ruleSet: RuleSet { evaluation.ruleSet }
  var timeline: Timeline { evaluation.situation.timeline }

  /// Why `rule` has its value for entity row `row` in month index `month`.
  public func explain(rule name: String, row: Int = 0, month: Int, variant: Int = 0) throws(DiagnosticList) -> ExplanationNode {
    let rule = try find(name)
    return explain(rule, row: row, month: month, variant: variant, depth: 0, state: ExplainerState())
  }

  /// Why `rule` totals what it does over an exercise: the months' explanations add up to it.
  public func explain(rule name: String, row: Int = 0, exercise id: String, variant: Int = 0) throws(DiagnosticList)
    -> ExplanationNode
  {
    let rule = try find(name)
    guard let e = timeline.exercises.firstIndex(where: { $0.id == id }) else {
      let known = timeline.exercises.map(\.id).joined(separator: ", ")
      throw DiagnosticList([
        .error(.explainUnknownPeriod, Phrase("error.explain_unknown_period.1", ["id": .text("\(id)"), "known": .text("\(known)")]))
      ])
    }
    let months = timeline.exerciseIndex.indices.filter { timeline.exerciseIndex[$0] == e }
    let state = ExplainerState()
    if rule.stock, let last = months.last {
      // A stock: its value at the exercise's end.
      let child = explain(rule, row: row, month: last, variant: variant, depth: 0, state: state)
      return ExplanationNode(
        kind: .period, label: rule.name, formula: messages("explain.stock", ["period": id, "month": "\(timeline.months[last])"]),
        value: child.value,
        unit: unitName(rule.type), entity: entityName(rule.entity, row), period: id, children: [child])
    }
    let children = months.map { explain(rule, row: row, month: $0, variant: variant, depth: 0, state: state) }
    return ExplanationNode(
      kind: .period, label: rule.name, formula: messages.count("explain.sum_of_months", months.count, ["period": id]),
      value: children.reduce(0) { $0 + $1.value }, unit: unitName(rule.type), entity: entityName(rule.entity, row),
      period: id, children: children)
  }

  private func find(_ name: String) throws(DiagnosticList) -> RuleSet.Rule {
    guard let rule = ruleSet.rule(named: name) else {
      let near = Phrase.suggestion(Suggestion.nearest(to: name, among: ruleSet.rules.map(\.name)))
      throw DiagnosticList([.error(.explainUnknownRule, Phrase("error.explain.unknown_rule", ["name": .text(name), "near": near]))])
    }
    return rule
  }

  /// Why `rule` has its value for a row, a month index and a variant, opening rules up to `maxDepth`.
  public func explain(_ rule: RuleSet.Rule, row: Int, month: Int, variant: Int, depth: Int) -> ExplanationNode {
    explain(rule, row: row, month: month, variant: variant, depth: depth, state: ExplainerState())
  }

  func explain(_ rule: RuleSet.Rule, row: Int, month: Int, variant: Int, depth: Int, state: ExplainerState) -> ExplanationNode {
    let value = evaluation.trace[rule.root.id]?[row, month, variant] ?? .nan
    var node = ExplanationNode(
      kind: .rule, label: rule.name, formula: rule.formula, value: value, unit: unitName(rule.type),
      entity: entityName(rule.entity, row), period: "\(timeline.months[month])")
    node.name = rule.name
    // A line in whole cents: its exact amount explained, and the cents its running total
    // gains this month (a few thousandths of a euro apart).
    if let exact = rule.centsOf.flatMap({ ruleSet.rule(named: $0) }) {
      let child = explain(exact, row: row, month: month, variant: variant, depth: depth, state: state)
      node.formula =
        messages("explain.cents", ["exact": exact.name, "running": "\(rule.name).running"])
      node.children = [child]
      return node
    }
    // A condition shows its formula and value; what it reads is not opened. A rule already
    // explained in this tree (same entity and month) is not explained again.
    let key = "\(rule.index)/\(row)/\(month)/\(variant)"
    if state.seen.contains(key) && !rule.root.children.isEmpty {
      node.formula = nil
      node.label += messages("explain.above")
    } else if depth < maxDepth && rule.type != .bool {
      state.seen.insert(key)
      let root = explain(rule.root, rule: rule, scope: rule.entity, row: row, month: month, variant: variant, depth: depth, state: state)
      // A formula that is a single operation shows its operands directly under the rule.
      node.children = root.kind == .operation ? root.children : [root]
    }
    return node
  }

  func value(_ n: CoreNode, _ row: Int, _ month: Int, _ variant: Int) -> Double {
    evaluation.trace[n.id]?[row, month, variant] ?? .nan
  }

  func unitName(_ t: ValueType) -> String {
    switch t {
    case .number(let u): return u.description
    case .bool: return "condition"
    case .text: return "category"
    case .month: return "date"
    }
  }

  func entityName(_ kind: String?, _ row: Int) -> String? {
    guard let kind, let ids = evaluation.situation.entities[kind], row < ids.count else { return nil }
    return "\(kind) '\(ids[row])'"
  }
}

/// What an explanation has already opened, so that a rule read twice is explained once.
final class ExplainerState {
  // A class: the explanation's recursive functions share one set.
  var seen = Set<String>()
}
