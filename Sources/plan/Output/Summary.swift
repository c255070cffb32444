import Planner

/// One-line summaries for a person.
enum Summary {
  static func ruleSet(_ set: RuleSet, files: Int, examples: Int, warnings: Int) -> String {
    let kinds = set.entityKinds.keys.sorted()
    let kindText = kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))"
    let warningText = warnings == 0 ? "" : ", \(plural(warnings, "warning"))"
    return "ok: \(plural(files, "file")): \(plural(set.parameters.count, "parameter")), \(plural(set.rules.count, "rule")), "
      + "\(plural(set.inputs.count, "input")), \(plural(kinds.count, "entity kind"))\(kindText); "
      + "\(plural(examples, "example")) pass\(warningText)"
  }

  static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
}
