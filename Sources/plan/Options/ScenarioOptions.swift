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
}

extension Period.Kind: ExpressibleByArgument {}
