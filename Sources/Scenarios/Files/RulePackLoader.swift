import Foundation
import Planner

/// Loads rule packs (the YAML rule and parameter files under `scenarios/rules/`), compiles
/// them into one rule set and runs their worked examples.
public enum RulePackLoader {
  /// The result of checking files.
  public struct Outcome: Sendable {
    public var check: RuleFileCheck.Outcome
    public var ruleSet: RuleSet? { check.ruleSet }
    public var diagnostics: [Diagnostic] { check.diagnostics }
    public var exampleCount: Int { check.exampleCount }
    public var hasErrors: Bool { check.hasErrors }
  }

  /// Reads and compiles `paths`, without running their examples.
  public static func compile(_ paths: [String]) -> Outcome {
    check(paths, runExamples: false)
  }

  /// Compiles the rule packs of a folder (its `*.yaml` files).
  /// - Parameter hint: the catalogue key of what is said after the folder when it holds no
  ///   rule pack (`diagnostic.rules.hint.option`: "; give --rules DIR").
  /// - Parameter cache: the folder of compiled forms kept between runs (`RulePackCache`), nil
  ///   for none.
  public static func load(folder: String, hint: String, cache: String? = RulePackCache.folder()) throws(DiagnosticList) -> RuleSet {
    let files = ScenarioLoader.rulePackFiles(folder)
    guard !files.isEmpty else {
      throw DiagnosticList([
        .error(.rulesNoFiles, Phrase("diagnostic.rules.none", ["folder": .text(folder), "hint": .phrase(Phrase(hint))]))
      ])
    }
    // The compiled form kept by an earlier run, for these very files and this build.
    let key = cache == nil ? nil : RulePackCache.key(files)
    if let cache, let key, let set = RulePackCache.read(key, in: cache) { return set }
    let outcome = compile(files)
    guard let set = outcome.ruleSet, !outcome.hasErrors else { throw DiagnosticList(outcome.diagnostics) }
    if let cache, let key { RulePackCache.write(set, key, in: cache) }
    return set
  }

  /// Reads and checks `paths`; never throws: problems are in the outcome's diagnostics.
  public static func check(_ paths: [String], strict: Bool = false, runExamples: Bool = true) -> Outcome {
    // The files are read and parsed side by side (a third of a short command's time), then
    // taken in order.
    let (documents, diagnostics) = sideBySide(paths.count) { i throws(DiagnosticList) in try YAMLFileLoader.load(paths[i]) }
    var check = RuleFileCheck.check(documents, earlier: diagnostics, strict: strict, runExamples: runExamples)
    // The layouts of the budget cover each of its lines once (their totals are its totals).
    if let set = check.ruleSet {
      for layout in set.layouts.values.sorted(by: { $0.name < $1.name }) { check.diagnostics += LayoutFigures.check(layout, set) }
      if check.hasErrors { check.ruleSet = nil }
    }
    return Outcome(check: check)
  }
}
