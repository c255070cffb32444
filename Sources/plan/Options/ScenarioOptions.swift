import ArgumentParser
import Foundation
import Planner
import Scenarios

/// A scenario file, its rule packs, and how strictly to read them.
struct ScenarioOptions: ParsableArguments {
  @Flag(help: CLI.help("help.scenariooptions.strict"))
  var strict = false
  @OptionGroup var language: LanguageOptions

  /// The words of the chosen language.
  var messages: Messages { language.messages }

  /// Loads a scenario and its rule packs.
  func load(_ path: String) throws(DiagnosticList) -> (Scenario, RuleSet) {
    let scenario = try ScenarioLoader.load(path)
    return (scenario, try RulePackLoader.load(folder: scenario.rulesFolder, hint: "diagnostic.rules.hint.scenario"))
  }

  /// Loads and projects a scenario.
  func project(_ path: String, by kind: Period.Kind = .exercise) throws(DiagnosticList) -> Projection {
    let (s, set) = try load(path)
    return try Projection.run(s, ruleSet: set, by: kind, strict: strict, messages: messages)
  }

  /// The scenario projected with the organisations it names (none: `nil`), the cluster's
  /// projection then carrying its invoices from them.
  func projectWithOrganisations(_ path: String, by kind: Period.Kind = .exercise) throws(DiagnosticList) -> (
    Projection, GroupProjection?
  ) {
    let (s, set) = try load(path)
    guard !s.organisations.isEmpty else { return (try Projection.run(s, ruleSet: set, by: kind, strict: strict, messages: messages), nil) }
    let g = try GroupProjection.run(s, ruleSet: set, by: kind, strict: strict, messages: messages)
    return (g.cluster, g)
  }
}

extension Period.Kind: ExpressibleByArgument {}
