import Foundation
import TestSupport
import Testing

@testable import Planner

/// One tiny file per diagnostic, named after its id (`invalid/rules.cycle.yaml`); each must
/// fail with its whole message (file, line, column, source line and caret), kept beside it
/// in `invalid/<name>.expected`. Regenerate with `PLAN_UPDATE_SNAPSHOTS=1` and review the diff.
@Suite struct InvalidFixtureTests {
  /// Ids raised only by `plan check --strict`.
  static let strictIDs: Set<String> = ["parameters.past-last-confirmed", "parameters.unconfirmed", "parameters.missing-reference"]

  static let files = Fixtures.files(in: "invalid")

  static func id(of file: String) -> String {
    let name = String(file.dropFirst("invalid/".count).dropLast(".yaml".count))
    let parts = name.split(separator: ".")
    // `domain.name` then an optional variant: `rules.cycle-self` is a `rules.cycle`.
    let id = parts.prefix(2).joined(separator: ".")
    return id.hasPrefix("rules.cycle") ? "rules.cycle" : id
  }

  @Test(arguments: files)
  func reportsTheWholeLocatedMessage(_ file: String) throws {
    let (outcome, rendered) = Fixtures.check(file, strict: Self.strictIDs.contains(Self.id(of: file)))
    #expect(outcome.hasErrors)
    #expect(outcome.ruleSet == nil)
    #expect(outcome.diagnostics.first { $0.severity == .error }?.id.rawValue == Self.id(of: file))
    for d in outcome.diagnostics { #expect(d.location?.file == file, "\(file): \(d.message)") }
    let expected = Fixtures.root.appendingPathComponent(file.replacing(".yaml", with: ".expected"))
    if updatingSnapshots {
      try Data((rendered + "\n").utf8).write(to: expected)
    } else {
      #expect(try String(contentsOf: expected, encoding: .utf8) == rendered + "\n")
    }
  }

  @Test func atLeastFifteenFixtures() { #expect(Self.files.count >= 15) }
}
