/// Checks parsed rule files: compiles them together and runs their worked examples.
public enum RuleFileCheck {
  public struct Outcome: Sendable {
    /// The compiled set, when there was no error.
    public var ruleSet: RuleSet?
    /// Every error and warning, in the order found.
    public var diagnostics: [Diagnostic]
    /// How many worked examples the files hold (all were run).
    public var exampleCount: Int
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  }

  /// - Parameters:
  ///   - documents: the parsed files.
  ///   - earlier: problems already found while reading files (they make the outcome fail).
  ///   - strict: parameters used past their last confirmed date are errors.
  public static func check(
    _ documents: [YAMLDocument], earlier: [Diagnostic] = [], strict: Bool = false, runExamples: Bool = true
  ) -> Outcome {
    var diagnostics = earlier
    let set: RuleSet
    do {
      let (compiled, warnings) = try Compiler.compile(documents)
      set = compiled
      diagnostics += warnings
    } catch {
      return Outcome(ruleSet: nil, diagnostics: diagnostics + error.diagnostics, exampleCount: 0)
    }
    var count = 0
    for d in documents where runExamples {
      do {
        let examples = try ExampleReader.read(d, ruleSet: set)
        count += examples.count
        diagnostics += ExampleRunner.run(examples, ruleSet: set, strict: strict)
      } catch {
        diagnostics += error.diagnostics
      }
    }
    let failed = diagnostics.contains { $0.severity == .error }
    // A warning met by several examples (the same parameter, unconfirmed) is said once.
    var seen = Set<Diagnostic>()
    let said = diagnostics.filter { seen.insert($0).inserted }
    return Outcome(ruleSet: failed ? nil : set, diagnostics: said, exampleCount: count)
  }
}
