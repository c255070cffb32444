import ArgumentParser
import Foundation
import Planner
import Scenarios

extension Plan {
  /// `plan check FILES…`: validates rule packs (compiled together, examples run) and
  /// scenarios (loaded with their rule packs and projected); prints every problem.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: CLI.messages("help.check"))

    @Argument(
      help: CLI.help("help.check.paths")
    )
    var paths: [String]

    /// The files: each argument, a folder replaced by its YAML files (sorted, subfolders
    /// included).
    var files: [String] {
      paths.flatMap { path -> [String] in
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
        return found.filter { $0.hasSuffix(".yaml") }.sorted().map { (path as NSString).appendingPathComponent($0) }
      }
    }

    @Flag(help: CLI.help("help.check.strict"))
    var strict = false
    @OptionGroup var language: LanguageOptions

    func run() throws {
      let scenarios = files.filter(ScenarioCheck.isScenario)
      let rulePacks = files.filter { !scenarios.contains($0) }
      var failed = false
      var summary: [String] = []
      var shown: Set<String> = []
      if !rulePacks.isEmpty {
        let outcome = RulePackLoader.check(rulePacks, strict: strict)
        DiagnosticPrinter(messages: language.messages).print(outcome.diagnostics)
        if outcome.hasErrors || (strict && !outcome.diagnostics.isEmpty) { failed = true }
        if let set = outcome.ruleSet, !outcome.hasErrors {
          let line = Summary.ruleSet(
            set, files: rulePacks.count, examples: outcome.exampleCount, warnings: outcome.diagnostics.count, m: language.messages)
          summary.append(language.messages("check.ok", ["line": line]))
        }
      }
      for path in scenarios {
        let outcome = ScenarioCheck.check(path, strict: strict, messages: language.messages)
        // A warning on a shared file (an unconfirmed parameter of the rule packs) is shown
        // once, not once per scenario that uses it.
        let fresh = outcome.diagnostics.filter { d in
          d.severity == .error || shown.insert("\(d.location.map { "\($0)" } ?? path)|\(d.message)").inserted
        }
        DiagnosticPrinter(messages: language.messages).print(fresh)
        if outcome.diagnostics.contains(where: { $0.severity == .error }) {
          failed = true
        } else {
          summary.append(language.messages("check.ok", ["line": outcome.line]))
        }
      }
      if failed { throw ExitCode.failure }
      print(summary.joined(separator: "\n"))
    }
  }
}
