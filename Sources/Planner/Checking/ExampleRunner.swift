/// Runs examples and reports every expectation that the rules do not meet.
public enum ExampleRunner {
  /// Diagnostics for failed expectations and evaluation errors; empty when all pass.
  public static func run(_ examples: [Example], ruleSet: RuleSet, strict: Bool = false) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for example in examples {
      do {
        // Only what the expectations need is evaluated, so an example gives only the inputs
        // its rules read, even in a rule set of many files.
        // An example without expectations evaluates every rule (to show that it can).
        let keep = example.expectations.isEmpty ? nil : Set(example.expectations.map(\.rule))
        let evaluator = try Evaluator(ruleSet, example.situation, options: EvaluationOptions(strict: strict, keep: keep))
        let evaluation = try evaluator.run(example.variation)
        out += evaluation.warnings
        for e in example.expectations { out += check(e, evaluation, example) }
      } catch {
        // Which example could not be evaluated (an input it does not give, …).
        out += error.diagnostics.map { d in
          var d = d
          d.notes.append(.init(Phrase("diagnostic.note.in_example", ["name": .text(example.name)]), at: example.location))
          return d
        }
      }
    }
    return out
  }

  static func check(_ e: Example.Expectation, _ ev: Evaluation, _ example: Example) -> [Diagnostic] {
    guard let rule = ev.ruleSet.rule(named: e.rule) else { return [] }
    var row = 0
    if let entity = e.entity, let kind = rule.entity {
      guard let r = ev.situation.entities[kind]?.firstIndex(of: entity) else {
        return [
          .error(
            .examplesInvalid,
            Phrase(
              "error.examples_invalid.1",
              ["kind": .text("\(kind)"), "entity": .text("\(entity)"), "example_name": .text("\(example.name)")]), at: e.location)
        ]
      }
      row = r
    }
    let unit = rule.type.unit.map { $0.isDimensionless ? "" : " \($0)" } ?? ""
    func mismatch(_ got: Double, _ period: String) -> Diagnostic {
      .error(
        .examplesMismatch,
        Phrase(
          "error.examples_mismatch.1",
          [
            "example_name": .text("\(example.name)"), "e_rule": .text("\(e.rule)"), "value": .text("\(e.entity.map { "[\($0)]" } ?? "")"),
            "period": .text("\(period)"), "value2": .text("\(show(got))"), "unit": .text("\(unit)"), "value3": .text("\(show(e.value))"),
          ]),
        at: e.location)
    }
    if let exercise = e.exercise {
      let got = ev.total(e.rule, row: row, exercise: exercise) ?? .nan
      return close(got, e.value) ? [] : [mismatch(got, exercise)]
    }
    let months = e.month.map { [ev.situation.timeline.months.index(of: $0)!] } ?? Array(0..<ev.situation.timeline.monthCount)
    for m in months {
      let got = ev.value(e.rule, row: row, month: m) ?? .nan
      if !close(got, e.value) { return [mismatch(got, "\(ev.situation.timeline.months[m])")] }
    }
    return []
  }

  static func close(_ a: Double, _ b: Double) -> Bool {
    a.isFinite && b.isFinite && abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
  }

  static func show(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
  }
}
