extension ChunkContext {
  /// Explains a value that is not a finite number: a parameter looked up before its first
  /// date, a division by zero, or an overflow; with the rule, the entity and the month.
  func nonFinite(_ rule: RuleSet.Rule, block: Block, at place: (row: Int, month: Int, variant: Int), firstVariant: Int)
    -> Diagnostic
  {
    let month = timeline.months[place.month]
    let entity: Phrase.Argument =
      rule.entity.map { kind -> Phrase.Argument in
        let ids = evaluator.situation.entities[kind] ?? []
        return place.row < ids.count
          ? .phrase(Phrase("error.evaluation.for_entity", ["kind": .text(kind), "id": .text(ids[place.row])])) : .text("")
      } ?? .text("")
    let variant: Phrase.Argument =
      width > 1 ? .phrase(Phrase("error.evaluation.variant", ["n": .integer(firstVariant + place.variant)])) : .text("")
    // Evaluate the rule once more, recording every node, to find the culprit.
    var replay = self
    replay.tracing = true
    _ = replay.evaluate(rule.root, scope: rule.entity)
    var missing: (String, SourceRange)?
    var division: SourceRange?
    var outside: (Int, SourceRange)?
    rule.root.walk { n in
      switch n.kind {
      case .parameter(let name) where missing == nil:
        if let p = evaluator.ruleSet.parameters[name], p.versionIndex(at: month) == nil { missing = (name, n.range) }
      case .scale(let name, _, _) where missing == nil:
        if let p = evaluator.ruleSet.parameters[name], p.versionIndex(at: month) == nil { missing = (name, n.range) }
      case .exerciseTotal(_, let offset, nil) where offset != 0 && outside == nil:
        let e = timeline.exerciseIndex[place.month] + offset
        if e < 0 || e >= timeline.exercises.count { outside = (offset, n.range) }
      case .binary(.divide, _, let d) where division == nil:
        if let b = replay.trace[d.id], b[place.row, place.month, place.variant] == 0 {
          division = n.range
        }
      default: break
      }
    }
    if let (name, range) = missing, let p = evaluator.ruleSet.parameters[name] {
      return Diagnostic.beforeFirstValue(p, month: month, by: rule.name, at: rule.location(ofOffset: range.offset))
        .withLength(range.length)
    }
    if let (offset, range) = outside {
      return .error(
        .evaluationNotFinite,
        Phrase(
          offset > 0 ? "error.evaluation.exercise_after" : "error.evaluation.exercise_before",
          ["rule": .text(rule.name), "entity": entity, "month": .text("\(month)"), "n": .integer(abs(offset))]),
        at: rule.location(ofOffset: range.offset), length: range.length)
    }
    if let division {
      return .error(
        .evaluationDivisionByZero,
        Phrase(
          "error.evaluation_division_by_zero.1",
          ["rule_name": .text("\(rule.name)"), "entity": entity, "month": .text("\(month)"), "variant": variant]),
        at: rule.location(ofOffset: division.offset), length: division.length)
    }
    return .error(
      .evaluationNotFinite,
      Phrase(
        "error.evaluation_not_finite.2",
        ["rule_name": .text("\(rule.name)"), "entity": entity, "month": .text("\(month)"), "variant": variant]),
      at: rule.location, length: rule.name.count)
  }
}

extension Diagnostic {
  func withLength(_ n: Int) -> Diagnostic {
    var d = self
    d.length = max(1, n)
    return d
  }
}
