import Planner

/// Loads rule packs (the YAML rule and parameter files under `scenarios/rules/`), compiles
/// them into one rule set and runs their worked examples.
public enum RulePackLoader {
  /// The result of checking files, with the files' text (to quote lines in messages).
  public struct Outcome: Sendable {
    public var check: RuleFileCheck.Outcome
    public var sources: [String: String]
    public var ruleSet: RuleSet? { check.ruleSet }
    public var diagnostics: [Diagnostic] { check.diagnostics }
    public var exampleCount: Int { check.exampleCount }
    public var hasErrors: Bool { check.hasErrors }
  }

  /// Reads and compiles `paths`, without running their examples.
  public static func compile(_ paths: [String]) -> Outcome {
    check(paths, runExamples: false)
  }

  /// Reads and checks `paths`; never throws: problems are in the outcome's diagnostics.
  public static func check(_ paths: [String], strict: Bool = false, runExamples: Bool = true) -> Outcome {
    var documents: [YAMLDocument] = []
    var diagnostics: [Diagnostic] = []
    var sources: [String: String] = [:]
    for path in paths {
      if let text = YAMLFileLoader.text(path) { sources[path] = text }
      do { documents.append(try YAMLFileLoader.load(path)) } catch { diagnostics += error.diagnostics }
    }
    return Outcome(
      check: RuleFileCheck.check(documents, earlier: diagnostics, strict: strict, runExamples: runExamples), sources: sources)
  }
}
