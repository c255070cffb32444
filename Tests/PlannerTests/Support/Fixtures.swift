import Foundation
import TestSupport
import Testing

@testable import Planner

/// Finds fixture files next to the tests and runs them through the engine.
enum Fixtures {
  static let root = repositoryPath("Tests/PlannerTests/Fixtures")

  /// The files of a fixture folder, as paths relative to `Fixtures/`, sorted.
  static func files(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
  }

  static func text(_ relative: String) -> String {
    (try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)) ?? ""
  }

  /// Parses and checks a fixture file, shown in messages by its path relative to `Fixtures/`.
  static func check(_ relative: String, strict: Bool = false) -> (RuleFileCheck.Outcome, rendered: String) {
    let text = text(relative)
    var earlier: [Diagnostic] = []
    var documents: [YAMLDocument] = []
    do { documents.append(try YAMLDocument.parse(text, path: relative)) } catch { earlier = error.diagnostics }
    let outcome = RuleFileCheck.check(documents, earlier: earlier, strict: strict)
    return (outcome, DiagnosticRenderer(sources: [relative: text]).render(outcome.diagnostics))
  }

  /// Compiles rules written inline in a test.
  static func compile(_ yaml: String, path: String = "test.yaml") throws -> RuleSet {
    let document = try YAMLDocument.parse(yaml, path: path)
    return try Compiler.compile([document]).0
  }
}
