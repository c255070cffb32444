import ArgumentParser
import Foundation
import Planner
import Scenarios

/// A scenario file, its rule packs, and how strictly to read them.
struct ScenarioOptions: ParsableArguments {
  @Flag(help: "Treat warnings of the rule packs as errors (parameters past their last confirmed date, unconfirmed values).")
  var strict = false

  /// Loads a scenario and its rule packs; prints the problems and exits 1 on error.
  func load(_ path: String) throws -> (Scenario, RuleSet, DiagnosticPrinter) {
    let loaded: ScenarioLoader.Loaded
    do { loaded = try ScenarioLoader.load(path) } catch {
      DiagnosticPrinter(sources: [path: YAMLFileLoader.text(path) ?? ""]).print(error.diagnostics)
      throw ExitCode.failure
    }
    let files = ScenarioLoader.rulePackFiles(loaded.scenario.rulesFolder)
    guard !files.isEmpty else {
      DiagnosticPrinter(sources: [:]).print([.error("rules.no-files", "no rule pack (*.yaml) in '\(loaded.scenario.rulesFolder)', the scenario's rules folder")])
      throw ExitCode.failure
    }
    let outcome = RulePackLoader.compile(files)
    let printer = DiagnosticPrinter(sources: loaded.sources.merging(outcome.sources) { a, _ in a })
    guard let set = outcome.ruleSet, !outcome.hasErrors else {
      printer.print(outcome.diagnostics)
      throw ExitCode.failure
    }
    return (loaded.scenario, set, printer)
  }
}

extension ScenarioOptions {
  /// Loads and projects a scenario; prints the problems and exits 1 on error.
  func project(_ path: String, by kind: Period.Kind = .exercise) throws -> (Projection, DiagnosticPrinter) {
    let (s, set, printer) = try load(path)
    let result: Result<Projection, DiagnosticList>
    do throws(DiagnosticList) {
      result = .success(try Projection.run(s, ruleSet: set, by: kind, strict: strict))
    } catch {
      result = .failure(error)
    }
    switch result {
    case .success(let p): return (p, printer)
    case .failure(let e):
      printer.print(e.diagnostics)
      throw ExitCode.failure
    }
  }
}

extension Period.Kind: ExpressibleByArgument {}

/// `--format table|csv|json`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json
}
