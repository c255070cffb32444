// A scenario file, as any bytes, through the YAML reader, the scenario reader (and what it
// extends), the category checks, the planner and a projection on its rule packs: it
// projects or it ends as diagnostics, never a crash or a hang. See Fuzz/README.md.
import Foundation
import FuzzSupport
import Planner
import Scenarios

/// Rule packs compiled once per folder.
nonisolated(unsafe) var ruleSets: [String: RuleSet?] = [:]

func check(_ data: Data) {
  guard let text = String(data: data, encoding: .utf8) else { return }
  // As if the file were in scenarios/: `extends: baseline.yaml` and the default rules work.
  guard let scenario = try? ScenarioLoader.load(text: text, path: "scenarios/fuzz-input.yaml") else { return }
  let folder = scenario.rulesFolder
  if ruleSets[folder] == nil { ruleSets[folder] = try? RulePackLoader.load(folder: folder, hint: "") }
  guard let rules = ruleSets[folder] ?? nil else { return }
  _ = try? Projection.run(scenario, ruleSet: rules, legalLimitsAsWarnings: true)
}

@main
struct FuzzScenario {
  static func main() { FuzzDriver.run(check) }
}
