import Foundation
import TestSupport
import Testing

/// The CLI's outputs on the shipped scenarios, compared with the golden files in
/// `Snapshots/` (listed in `Snapshots/cases.txt`). A change of output is a reviewed diff:
/// regenerate with `PLAN_UPDATE_SNAPSHOTS=1 swift test --filter SnapshotTests`.
@Suite struct SnapshotTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var testDescription: String { name }
  }

  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

  static let cases: [Case] = cases(in: folder.appendingPathComponent("cases.txt"))

  /// The cases of a list: `name: arguments` a line, `#` lines left out.
  static func cases(in file: URL) -> [Case] {
    let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line -> Case? in
      guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { return nil }
      return Case(name: String(line[..<colon]), arguments: words(String(line[line.index(after: colon)...])))
    }
  }

  /// Splits on spaces; a double-quoted word keeps its spaces.
  static func words(_ s: String) -> [String] {
    var out: [String] = [], current = "", quoted = false, started = false
    for c in s {
      if c == "\"" {
        quoted.toggle()
        started = true
      } else if c == " " && !quoted {
        if started { out.append(current) }
        current = ""
        started = false
      } else {
        current.append(c)
        started = true
      }
    }
    if started { out.append(current) }
    return out
  }

  /// What a case prints, with the files it writes, in one text.
  static func render(_ c: Case) throws -> String {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("plan-snapshot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }
    let arguments = c.arguments.map { $0.replacing("{tmp}", with: tmp.path) }
    let r = try PlanBinary.run(arguments)
    var out = "$ plan \(c.arguments.joined(separator: " "))\n[exit \(r.status)]\n--- stdout\n\(r.out)--- stderr\n"
    out += r.err.replacing(tmp.path, with: "{tmp}")
    for name in ((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []).sorted() {
      let text = (try? String(contentsOf: tmp.appendingPathComponent(name), encoding: .utf8)) ?? "(not UTF-8)"
      out += "--- file {tmp}/\(name)\n\(text)"
    }
    return out
  }

  @Test(arguments: cases) func output(_ c: Case) throws {
    let actual = try Self.render(c)
    let file = Self.folder.appendingPathComponent("\(c.name).txt")
    if updatingSnapshots {
      try Data(actual.utf8).write(to: file)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    if actual != expected {
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
      Issue.record(
        "\(c.name): output differs from Snapshots/\(c.name).txt at line \(first + 1):\n- \(first < e.count ? e[first] : "(end)")\n+ \(first < a.count ? a[first] : "(end)")"
      )
    }
  }

  @Test func everySnapshotHasACase() throws {
    let names = Set(Self.cases.map(\.name))
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") && $0 != "cases.txt" }
    #expect(files.allSatisfy { names.contains(String($0.dropLast(4))) }, "\(files.filter { !names.contains(String($0.dropLast(4))) })")
    #expect(Self.cases.count >= 30)
  }
}
