import Planner

/// One-line summaries for a person.
enum Summary {
  static func ruleSet(_ set: RuleSet, files: Int, examples: Int, warnings: Int, m: Messages) -> String {
    let kinds = set.entityKinds.keys.sorted()
    return m(
      warnings == 0 ? "check.rule_packs" : "check.rule_packs.warnings",
      [
        "files": m.count("check.files", files), "parameters": m.count("check.parameters", set.parameters.count),
        "rules": m.count("check.rules", set.rules.count), "inputs": m.count("check.inputs", set.inputs.count),
        "kinds": m.count("check.entity_kinds", kinds.count), "list": kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))",
        "examples": m.count("check.examples", examples), "warnings": m.count("summary.warnings", warnings),
      ])
  }
}
