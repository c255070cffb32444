import ArgumentParser
import Planner
import Scenarios

/// Where the rule packs are, and how strictly to read them.
struct RulesOptions: ParsableArguments {
  @Option(name: .customLong("rules"), help: CLI.help("help.rulesoptions.folder"))
  var folder = "scenarios/rules"

  @Flag(help: CLI.help("help.rulesoptions.strict"))
  var strict = false

  /// The compiled rule packs.
  func load() throws(DiagnosticList) -> RuleSet { try RulePackLoader.load(folder: folder, hint: "diagnostic.rules.hint.option") }
}
