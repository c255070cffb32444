import Foundation
import Planner

/// Loads scenario files (following `extends:`), the only file access of the domain besides
/// the rule packs. Scenario files are never written.
public enum ScenarioLoader {
  /// Loads the scenario at `path` and the scenarios it extends.
  public static func load(_ path: String) throws(DiagnosticList) -> Scenario {
    try load(path, chain: [])
  }

  /// Reads a scenario from its text, as if it were the file at `path` (what it extends and
  /// its rule packs are found from there): for the fuzz target.
  package static func load(text: String, path: String) throws(DiagnosticList) -> Scenario {
    try load(path, chain: [], document: try YAMLDocument.parse(text, path: path))
  }

  static func load(_ path: String, chain: [String]) throws(DiagnosticList) -> Scenario {
    try load(path, chain: chain, document: try YAMLFileLoader.load(path))
  }

  static func load(_ path: String, chain: [String], document: YAMLDocument) throws(DiagnosticList) -> Scenario {
    let folder = (path as NSString).deletingLastPathComponent
    var base: Scenario?
    if let extends = document.root.value("extends") {
      let relative = try extends.string("the scenario this one extends")
      let basePath = folder.isEmpty || relative.hasPrefix("/") ? relative : (folder as NSString).appendingPathComponent(relative)
      let standard = (basePath as NSString).standardizingPath
      guard chain.count < Limits.extendsDepth else {
        throw DiagnosticList([
          .error(
            .scenarioLimit, Phrase("error.scenario_limit.1", ["limits_extends_depth": .text("\(Limits.extendsDepth)")]),
            at: extends.location)
        ])
      }
      guard !chain.contains(standard) && standard != (path as NSString).standardizingPath else {
        throw DiagnosticList([
          .error(
            .scenarioExtendsCycle,
            Phrase("error.scenario_extends_cycle.1", ["value": .text("\((chain + [standard]).joined(separator: " → "))")]),
            at: extends.location)
        ])
      }
      if let problem = relative.isEmpty ? Phrase("error.file.empty_path") : YAMLFileLoader.problem(reading: basePath) {
        var near: Phrase.Argument = .text("")
        // The file meant: the name with its extension, or the nearest scenario in the folder.
        let dir = (basePath as NSString).deletingLastPathComponent
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? []).filter { $0.hasSuffix(".yaml") }
        let name = (relative as NSString).lastPathComponent
        if let f = files.first(where: { $0 == name + ".yaml" }) ?? Suggestion.nearest(to: name, among: files) {
          let file = ((relative as NSString).deletingLastPathComponent as NSString).appendingPathComponent(f)
          near = .phrase(Phrase("diagnostic.did_you_mean", ["name": .text(file)]))
        }
        throw DiagnosticList([
          .error(
            .scenarioExtendsMissing,
            Phrase("error.scenario.extends_unreadable", ["path": .text(relative), "problem": .phrase(problem), "near": near]),
            at: extends.location)
        ])
      }
      base = try load(basePath, chain: chain + [(path as NSString).standardizingPath])
    }
    var rules = base?.rulesFolder ?? (folder.isEmpty ? "rules" : (folder as NSString).appendingPathComponent("rules"))
    if let r = document.root.value("rules") {
      let relative = try r.string("the folder of rule packs")
      rules = folder.isEmpty || relative.hasPrefix("/") ? relative : (folder as NSString).appendingPathComponent(relative)
      guard !rulePackFiles(rules).isEmpty else {
        throw DiagnosticList([
          .error(
            .rulesNoFiles, Phrase("error.rules_no_files.2", ["relative": .text("\(relative)")]), at: r.location, length: relative.count)
        ])
      }
    } else if base == nil, rulePackFiles(rules).isEmpty {
      throw DiagnosticList([
        .error(
          .rulesNoFiles, Phrase("error.rules_no_files.3", ["rules": .text("\(rules)")]),
          at: document.root.location)
      ])
    }
    var reader = ScenarioReader(document)
    var scenario = try reader.read(base: base, rulesFolder: rules)
    scenario.files = (base?.files ?? []) + [path]
    return scenario
  }

  /// The rule-pack files of a folder, sorted.
  public static func rulePackFiles(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
      .map { (folder as NSString).appendingPathComponent($0) }
  }
}
