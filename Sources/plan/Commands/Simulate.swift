import ArgumentParser
import Foundation
import Planner
import Scenarios

extension Plan {
  /// `plan simulate S --draws N --seed K`: Monte Carlo on the batch engine.
  struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: CLI.messages("help.simulate"))

    @Argument(help: CLI.help("help.scenario"))
    var scenario: String
    @Option(help: CLI.help("help.simulate.draws"))
    var draws = 10_000
    @Option(help: CLI.help("help.simulate.seed"))
    var seed: UInt64 = 42
    @Option(help: CLI.help("help.simulate.threads"))
    var threads = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: CLI.help("help.simulate.statutes"))
    var statutes = false
    @Option(help: OutputFormat.help)
    var format = OutputFormat.table
    @OptionGroup var options: ScenarioOptions

    func validate() throws {
      guard (2...Limits.draws).contains(draws) else {
        throw ValidationError(CLI.messages("error.simulate.draws", ["max": String(Limits.draws)]))
      }
      guard (1...256).contains(threads) else { throw ValidationError(CLI.messages("error.simulate.threads")) }
    }

    func run() throws {
      let m = options.messages
      let (loaded, plan, results, consolidated) = try diagnosing { () throws(DiagnosticList) in
        let (s, set) = try options.load(scenario)
        var variants: [(String, Scenario)] = [("", s)]
        if statutes {
          let from = StatuteComparison.defaultFrom(s)
          variants = StatuteComparison.statutes.map { ($0, StatuteComparison.variant(s, statute: $0, from: from)) }
        }
        var results: [(String, Simulation)] = []
        for (statute, v) in variants {
          let bar = ProgressBar(
            total: draws,
            label: statute.isEmpty ? m("simulate.progress") : m("simulate.progress.statute", ["statute": m("statute.\(statute)")]))
          defer { bar.finish() }
          results.append((statute, try Simulation.run(v, ruleSet: set, draws: draws, seed: seed, threads: threads, progress: bar.update)))
        }
        let plan = format == .json ? nil : try Projection.run(s, ruleSet: set, strict: options.strict, messages: m)
        let consolidated =
          format == .json || s.organisations.isEmpty
          ? nil : try GroupProjection.run(s, ruleSet: set, strict: options.strict, messages: m).indicators
        return (s, plan, results, consolidated)
      }
      if format == .json {
        print(
          statutes
            ? try JSONOutput.encode(Dictionary(uniqueKeysWithValues: results.map { ($0.0, SimulationDocument($0.1)) }))
            : try JSONOutput.encode(SimulationDocument(results[0].1)))
      } else {
        print(
          statutes
            ? SimulationTable.renderStatutes(results, scenario: loaded, m: m)
            : SimulationTable.render(results[0].1, scenario: loaded, plan: plan!, consolidated: consolidated, m: m))
      }
    }
  }
}
