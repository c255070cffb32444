import Planner

/// `plan check` for a scenario: loads it (and what it extends), compiles its rule packs and
/// projects it, so that every error a run would meet is found.
public enum ScenarioCheck {
  public struct Outcome: Sendable {
    public var diagnostics: [Diagnostic]
    /// A one-line summary when it passes.
    public var line: String
  }

  /// Whether a YAML file is a scenario (it has `scenario:` or `extends:` at the top).
  public static func isScenario(_ path: String) -> Bool {
    guard let text = YAMLFileLoader.text(path) else { return false }
    return text.split(separator: "\n").contains { $0.hasPrefix("scenario:") || $0.hasPrefix("extends:") }
  }

  /// A scenario that passes gives its projection's warnings too, each with its place.
  public static func check(_ path: String, strict: Bool = false, messages m: Messages = .of(.en)) -> Outcome {
    let s: Scenario
    do { s = try ScenarioLoader.load(path) } catch {
      return Outcome(diagnostics: error.diagnostics, line: "")
    }
    let rules = RulePackLoader.compile(ScenarioLoader.rulePackFiles(s.rulesFolder))
    guard let set = rules.ruleSet, !rules.hasErrors else {
      let none =
        rules.diagnostics.isEmpty
        ? [Diagnostic.error(.rulesNoFiles, Phrase("error.rules_no_files.1", ["s_rules_folder": .text("\(s.rulesFolder)")]))] : []
      return Outcome(diagnostics: rules.diagnostics + none, line: "")
    }
    do {
      let p = try Projection.run(s, ruleSet: set, strict: strict, messages: m)
      // The legal constraints of each statute the scenario takes, from its date.
      var violated: [Diagnostic] = []
      for (from, statute) in s.organisation.statutes {
        for c in ConstraintChecker(scenario: s, ruleSet: set, month: from).check(statute, projection: p) where c.status == .violated {
          violated.append(
            .error(
              .scenarioConstraint,
              Phrase(
                "error.scenario_constraint.1",
                [
                  "value": .phrase(Phrase("statute.\(statute)")), "from": .text("\(from)"), "c_rule": .text(c.rule),
                  "c_message": .phrase(c.phrase), "value2": .text("\(c.source.map { " (\($0))" } ?? "")"),
                ]),
              at: c.location
                ?? (c.rule.hasSuffix(".auditor")
                  ? (s.organisation.fieldLocations["auditor"] ?? s.location)
                  : statute == "association" ? s.location : (s.governance?.location ?? s.location))))
        }
      }
      if !violated.isEmpty { return Outcome(diagnostics: violated, line: "") }
      let counts = [
        m.count("check.exercises", s.exercises.count), m.count("check.positions", s.positions.count),
        m.count("check.members", s.members.count), m.count("check.subsidies", s.subsidies.count), m.count("check.items", s.items.count),
      ]
      return Outcome(
        diagnostics: p.warnings,
        line: m(
          "check.scenario",
          ["path": path, "id": s.id, "counts": counts.joined(separator: ", "), "warnings": m.count("summary.warnings", p.warnings.count)]))
    } catch {
      return Outcome(diagnostics: error.diagnostics, line: "")
    }
  }
}
