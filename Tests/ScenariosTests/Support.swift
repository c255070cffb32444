import Foundation
import Planner
import TestSupport

@testable import Scenarios

/// The shipped rule packs, compiled once for the whole test run.
enum ShippedRules {
  static let folder = repositoryPath("scenarios/rules")

  static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }

  static let ruleSet: RuleSet = {
    let outcome = RulePackLoader.compile(files)
    guard let set = outcome.ruleSet else { fatalError("shipped rule packs do not compile: \(outcome.diagnostics)") }
    return set
  }()

  /// A parameter's value at a month, read from the rule packs (tests derive expectations from
  /// the same data the rules use, so that changing a parameter changes both).
  static func parameter(_ name: String, _ month: String) -> Double {
    try! ruleSet.parameters[name]!.value(at: Month(parsing: month)!).value
  }
}
