import ArgumentParser
import Planner
import Scenarios

/// Where the rule packs are, and how strictly to read them.
struct RulesOptions: ParsableArguments {
  @Option(name: .customLong("rules"), help: "The folder of rule packs (YAML).")
  var folder = "scenarios/rules"

  @Flag(help: "Treat warnings as errors (parameters past their last confirmed date, unconfirmed values).")
  var strict = false

  /// The compiled rule packs.
  func load() throws(DiagnosticList) -> RuleSet { try RulePackLoader.load(folder: folder, hint: "; give --rules DIR") }
}
