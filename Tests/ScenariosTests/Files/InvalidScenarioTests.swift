import Foundation
import Planner
import Testing
@testable import Scenarios

/// One tiny scenario per error, named after the diagnostic's id: each fails with a located
/// message (file, line, column, the line quoted and a caret).
@Suite struct InvalidScenarioTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/invalid")
  static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()

  @Test(arguments: files)
  func failsWithALocatedMessage(_ name: String) throws {
    let path = Self.folder.appendingPathComponent(name).path
    let outcome = ScenarioCheck.check(path)
    let error = try #require(outcome.diagnostics.first { $0.severity == .error })
    #expect(name.hasPrefix(error.id), "\(error.id)")
    #expect(error.location?.file == path)
    let rendered = DiagnosticRenderer(sources: outcome.sources).render(error)
    let lines = rendered.split(separator: "\n")
    #expect(lines.count >= 3)
    #expect(lines.first?.hasPrefix("\(path):\(error.location!.line):\(error.location!.column): error: ") == true)
    #expect(lines[2].trimmingCharacters(in: .whitespaces).hasPrefix("^"))
  }

  @Test func atLeastEightFixtures() { #expect(Self.files.count >= 8) }

  @Test func theScenarioFileIsNeverWritten() throws {
    let path = Self.folder.appendingPathComponent("scenario.legal-limit.yaml").path
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    _ = ScenarioCheck.check(path)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }
}

@Suite struct ScenarioSchemaTests {
  /// The JSON Schema shipped for editors knows every section the reader knows.
  @Test func schemaCoversTheFileFormat() throws {
    let url = ShippedRules.folder.deletingLastPathComponent().appendingPathComponent("scenario.schema.json")
    let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let properties = try #require(schema["properties"] as? [String: Any])
    #expect(Set(properties.keys) == ScenarioReader.sections)
  }
}
