import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// One tiny scenario per error, named after the diagnostic's id: each fails with a located
/// message (file, line, column, the line quoted and a caret).
@Suite struct InvalidScenarioTests {
  static let folder = repositoryPath("Tests/ScenariosTests/Fixtures/invalid")
  static let files = TestSupport.files(in: folder)

  /// The whole rendered message (paths relative to the fixtures folder) is the fixture's
  /// `.expected` file; regenerate with `PLAN_UPDATE_SNAPSHOTS=1` and review the diff.
  @Test(arguments: files)
  func failsWithALocatedMessage(_ name: String) throws {
    let path = Self.folder.appendingPathComponent(name).path
    let outcome = ScenarioCheck.check(path)
    let error = try #require(outcome.diagnostics.first { $0.severity == .error })
    #expect(name.hasPrefix(error.id.rawValue + "."), "\(error.id)")
    #expect(error.location?.file == path)
    let rendered = DiagnosticRenderer().render(error).replacing(Self.folder.path + "/", with: "")
    let lines = rendered.split(separator: "\n")
    #expect(lines.count >= 3)
    #expect(lines.first?.hasPrefix("\(name):\(error.location!.line):\(error.location!.column): error: ") == true)
    #expect(lines[2].trimmingCharacters(in: .whitespaces).hasPrefix("^"))
    let expected = Self.folder.appendingPathComponent(name.replacing(".yaml", with: ".expected"))
    if updatingSnapshots {
      try Data((rendered + "\n").utf8).write(to: expected)
    } else {
      #expect(try String(contentsOf: expected, encoding: .utf8) == rendered + "\n")
    }
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
    #expect(Set(properties.keys) == Set(ScenarioReader.sections))
    func keys(_ section: String) -> Set<String> {
      let p = properties[section] as? [String: Any]
      let object = (p?["items"] as? [String: Any]) ?? p
      return Set(((object?["properties"] as? [String: Any]) ?? [:]).keys)
    }
    // Each section's keys are exactly those its declaration reads.
    #expect(keys("organisation") == Set(Organisation.keys))
    #expect(keys("dues") == Set(DuesPolicy.keys))
    #expect(keys("uncertainty") == Set(Uncertainty.keys))
    #expect(keys("members") == Set(Member.keys))
    #expect(keys("positions") == Set(Position.keys))
    #expect(keys("subsidies") == Set(Subsidy.keys))
    #expect(keys("items") == Set(Item.keys))
  }
}

@Suite struct ExtendedBaseErrorTests {
  /// An error inside a base reached through `extends:` is shown at its own line, quoted,
  /// with its caret, like an error of the file given.
  @Test func theBaseLineIsQuoted() throws {
    let folder = InvalidScenarioTests.folder.deletingLastPathComponent().appendingPathComponent("extends")
    let outcome = ScenarioCheck.check(folder.appendingPathComponent("variant.yaml").path)
    let error = try #require(outcome.diagnostics.first)
    let rendered = DiagnosticRenderer().render(error).replacing(folder.path + "/", with: "")
    #expect(
      rendered == """
        bad-base.yaml:5:52: error: share_fonctionnement is 1.5; it must be between 0 and 1 (0 % to 100 %)
            dues: {rate: 1 %, cap: 5000, share_fonctionnement: 150 %}
                                                               ^
        """)
  }
}
