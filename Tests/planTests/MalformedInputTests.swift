import Foundation
import TestSupport
import Testing

/// More than a hundred bad inputs, each with the whole answer the tool gives it (exit status
/// and messages) kept beside it: malformed scenarios (`Malformed/scenarios/*.yaml`, checked
/// with `plan check`) and bad arguments (`Malformed/arguments.txt`). Every one exits
/// non-zero; every scenario's first error names the file, a line and a column. Regenerate
/// the answers with `PLAN_UPDATE_SNAPSHOTS=1 swift test --filter MalformedInputTests` and
/// review the diff.
@Suite struct MalformedInputTests {
  static let folder = repositoryPath("Tests/planTests/Malformed")
  static let scenarios = files(in: folder.appendingPathComponent("scenarios"))
  static let arguments: [SnapshotTests.Case] = SnapshotTests.cases(in: folder.appendingPathComponent("arguments.txt"))

  static func answer(_ arguments: [String]) throws -> (status: Int32, text: String) {
    let r = try PlanBinary.run(arguments)
    return (r.status, "$ plan \(arguments.joined(separator: " "))\n[exit \(r.status)]\n--- stdout\n\(r.out)--- stderr\n\(r.err)")
  }

  static func compare(_ text: String, _ file: URL) throws {
    if updatingSnapshots {
      try Data(text.utf8).write(to: file)
    } else {
      #expect(try String(contentsOf: file, encoding: .utf8) == text, "\(file.lastPathComponent)")
    }
  }

  @Test(arguments: scenarios) func scenario(_ name: String) throws {
    let path = "Tests/planTests/Malformed/scenarios/\(name)"
    let (status, text) = try Self.answer(["check", path])
    #expect(status == 1)
    let stderr = text.components(separatedBy: "--- stderr\n").last ?? ""
    #expect(stderr.hasPrefix(path) || stderr.hasPrefix("error: cannot read"), "\(stderr.prefix(200))")
    if stderr.hasPrefix(path) {
      #expect(stderr.dropFirst(path.count).prefix { $0 != " " }.matches(of: /^:\d+:\d+:$/).count == 1, "no line and column")
    }
    try Self.compare(text, Self.folder.appendingPathComponent("scenarios/\(name.replacing(".yaml", with: ".expected"))"))
  }

  @Test(arguments: arguments) func argument(_ c: SnapshotTests.Case) throws {
    let (status, text) = try Self.answer(c.arguments)
    #expect(status != 0)
    try Self.compare(text, Self.folder.appendingPathComponent("arguments/\(c.name).expected"))
  }

  @Test func atLeastAHundred() {
    #expect(Self.scenarios.count + Self.arguments.count >= 100)
  }
}
