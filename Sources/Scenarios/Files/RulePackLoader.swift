import Planner

/// Loads rule packs (the YAML rule and parameter files under `scenarios/rules/`) and compiles
/// them into one rule set.
public enum RulePackLoader {
  /// The result of checking files: the compiled set when there was no error, every
  /// diagnostic, and the files' text (to quote lines in messages).
  public struct Outcome: Sendable {
    public var ruleSet: RuleSet?
    public var diagnostics: [Diagnostic]
    public var sources: [String: String]
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  }

  /// Reads and compiles `paths`; never throws: problems are in the outcome's diagnostics.
  public static func check(_ paths: [String]) -> Outcome {
    var documents: [YAMLDocument] = []
    var diagnostics: [Diagnostic] = []
    var sources: [String: String] = [:]
    for path in paths {
      do {
        let d = try YAMLFileLoader.load(path)
        sources[path] = d.text
        documents.append(d)
      } catch {
        diagnostics += error.diagnostics
        if let text = YAMLFileLoader.text(path) { sources[path] = text }
      }
    }
    do {
      let (set, warnings) = try Compiler.compile(documents)
      return Outcome(ruleSet: diagnostics.isEmpty ? set : nil, diagnostics: diagnostics + warnings, sources: sources)
    } catch {
      return Outcome(ruleSet: nil, diagnostics: diagnostics + error.diagnostics, sources: sources)
    }
  }
}
