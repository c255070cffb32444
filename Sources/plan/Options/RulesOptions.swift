import ArgumentParser
import Foundation
import Planner
import Scenarios

/// Where the rule packs are, and how strictly to read them.
struct RulesOptions: ParsableArguments {
  @Option(name: .customLong("rules"), help: "The folder of rule packs (YAML).")
  var folder = "scenarios/rules"

  @Flag(help: "Treat warnings as errors (parameters past their last confirmed date, unconfirmed values).")
  var strict = false

  /// The compiled rule packs; prints the problems and exits 1 when they do not compile.
  func load() throws -> (RuleSet, sources: [String: String]) {
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    guard !files.isEmpty else {
      DiagnosticPrinter(sources: [:]).print([.error("rules.no-files", "no rule pack (*.yaml) in '\(folder)'; give --rules DIR")])
      throw ExitCode.failure
    }
    let outcome = RulePackLoader.compile(files)
    guard let set = outcome.ruleSet, !outcome.hasErrors else {
      DiagnosticPrinter(sources: outcome.sources).print(outcome.diagnostics)
      throw ExitCode.failure
    }
    return (set, outcome.sources)
  }
}

/// `--format table|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}
