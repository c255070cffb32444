import ArgumentParser
import Planner
import Scenarios

extension Plan {
  /// `plan check FILES…`: loads and compiles rule and parameter files; prints every problem.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate rule and parameter files: every error with its file, line and column.")

    @Argument(help: "Rule and parameter files (YAML).")
    var files: [String]

    @Flag(help: "Treat warnings as errors (parameters used past their last confirmed date, values without reference).")
    var strict = false

    func run() throws {
      let outcome = RulePackLoader.check(files, strict: strict)
      let printer = DiagnosticPrinter(sources: outcome.sources)
      printer.print(outcome.diagnostics)
      guard !outcome.hasErrors, let set = outcome.ruleSet else { throw ExitCode.failure }
      if strict && !outcome.diagnostics.isEmpty { throw ExitCode.failure }
      print(Summary.ruleSet(set, files: files.count, examples: outcome.exampleCount, warnings: outcome.diagnostics.count))
    }
  }
}
