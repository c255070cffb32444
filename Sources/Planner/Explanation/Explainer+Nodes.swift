extension Explainer {
  /// Explains one node of a rule's formula at a place.
  func explain(
    _ n: CoreNode, rule: RuleSet.Rule, scope: String?, row: Int, month: Int, variant: Int, depth: Int, state: ExplainerState
  ) -> ExplanationNode {
    let text = rule.text(of: n)
    let period = "\(timeline.months[month])"
    var node = ExplanationNode(
      kind: .operation, label: text, value: value(n, row, month, variant), unit: unitName(n.type),
      entity: entityName(scope, row), period: period)
    func sub(_ c: CoreNode, scope s: String? = scope, row r: Int = row, month m: Int = month) -> ExplanationNode {
      explain(c, rule: rule, scope: s, row: r, month: m, variant: variant, depth: depth, state: state)
    }
    switch n.kind {
    case .constant:
      node.kind = .constant
      if n.type == .text { node.display = text }
    case .rule(let i):
      let target = ruleSet.rules[i]
      return explain(target, row: target.entity == nil ? 0 : row, month: month, variant: variant, depth: depth + 1, state: state)
    case .input(let i):
      node.kind = .input
      node.label = ruleSet.inputs[i].name
      node.name = ruleSet.inputs[i].name
      if ruleSet.inputs[i].entity == nil { node.entity = nil }
      let categories = ruleSet.inputs[i].categories
      if n.type == .text, let v = Int(exactly: node.value), categories.indices.contains(v) { node.display = categories[v] }
    case .parameter(let name):
      node.kind = .parameter
      node.name = name
      node.entity = nil
      annotate(&node, parameter: name, month: month)
    case .parameterAt(let name, let m):
      node.kind = .parameter
      node.name = name
      node.entity = nil
      node.label = "\(name) at \(Month(ordinal: Int(value(m, row, month, variant))))"
      if let at = timeline.months.index(of: Month(ordinal: Int(value(m, row, month, variant)))) {
        annotate(&node, parameter: name, month: at)
      } else {
        annotate(&node, parameter: name, at: Month(ordinal: Int(value(m, row, month, variant))))
      }
    case .calendar:
      node.kind = .calendar
      node.entity = nil
    case .unary(_, let a):
      node.children = [sub(a)]
    case .binary(.add, let a, let b):
      // A chain of additions is one sum of its terms (a + b + c), so that the terms are
      // siblings that add up to the figure.
      for term in [sub(a), sub(b)] {
        if term.kind == .operation, term.isAddition { node.children += term.children } else { node.children.append(term) }
      }
      node.isAddition = true
      if pruneZeros { node.children.removeAll { $0.value == 0 } }
    case .binary(_, let a, let b):
      node.children = [sub(a), sub(b)]
    case .select(let c, let a, let b):
      let taken = value(c, row, month, variant) != 0 ? a : b
      // The condition is shown with its value; the branch taken is explained.
      var condition = sub(c)
      condition.children = []
      condition.formula = nil
      node.children = [condition, sub(taken)]
    case .scale(let name, _, let base):
      var p = ExplanationNode(kind: .parameter, label: name, value: .nan, unit: "scale", period: period)
      p.name = name
      annotate(&p, parameter: name, month: month)
      node.children = [sub(base), p]
    case .sum(let entity, let inner, let filter):
      node.kind = .sum
      let count = evaluation.situation.entities[entity]?.count ?? 0
      for r in 0..<count {
        if let filter, value(filter, r, month, variant) == 0 { continue }
        if pruneZeros, value(inner, r, month, variant) == 0 { continue }
        node.children.append(sub(inner, scope: entity, row: r))
      }
    case .previousMonth(let x, let initial):
      node.children = [month == 0 ? sub(initial) : sub(x, month: month - 1)]
    case .exerciseTotal(let x, let offset, let initial):
      let e = timeline.exerciseIndex[month] + offset
      if e < 0 || e >= timeline.exercises.count {
        if let initial { node.children = [sub(initial)] }
      } else {
        node.kind = .sum
        for m in timeline.exerciseIndex.indices where timeline.exerciseIndex[m] == e { node.children.append(sub(x, month: m)) }
      }
    case .yearTotal(let x):
      node.kind = .sum
      let year = timeline.months[month].year
      for m in 0..<timeline.monthCount where timeline.months[m].year == year { node.children.append(sub(x, month: m)) }
    case .cumulative(let x):
      node.kind = .sum
      for m in 0...month { node.children.append(sub(x, month: m)) }
    }
    return node
  }

  func annotate(_ node: inout ExplanationNode, parameter name: String, month: Int) {
    annotate(&node, parameter: name, at: timeline.months[month])
  }

  func annotate(_ node: inout ExplanationNode, parameter name: String, at m: Month) {
    guard let p = ruleSet.parameters[name] else { return }
    guard let i = p.versionIndex(at: m) else { return }
    switch p.values {
    case .values(let v):
      node.reference = v[i].reference
      node.inForceFrom = "\(v[i].from)"
    case .scale(let v):
      node.reference = v[i].reference
      node.inForceFrom = "\(v[i].from)"
    }
  }
}
