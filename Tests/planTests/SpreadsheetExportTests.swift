import Foundation
import TestSupport
import Testing

/// `plan export --format xlsx`: a workbook read back with openpyxl (Debian's
/// python3-openpyxl, which `.ci/run` installs) whose every budget and cash figure equals the
/// JSON's and whose formulas give their cached values; the same bytes for the same inputs.
@Suite struct SpreadsheetExportTests {
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test(arguments: ["fr", "en"]) func workbookEqualsTheJsonAndItsFormulasHold(_ language: String) throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    // eage-2012 names the employers' group: its consolidation is a sheet of its own.
    let scenarios = ["scenarios/baseline.yaml", "scenarios/stop-end-2013.yaml", "scenarios/scic-2013.yaml", "scenarios/eage-2012.yaml"]
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    let x = try PlanBinary.run(["export"] + scenarios + ["-o", path("out.xlsx"), "--lang", language])
    #expect(x.status == 0, "\(x.err)")
    for (name, by) in [("e.json", "exercise"), ("m.json", "month")] {
      let r = try PlanBinary.run(["export"] + scenarios + ["-o", path(name), "--by", by, "--lang", language])
      #expect(r.status == 0, "\(r.err)")
    }
    let (status, text) = try runTool(
      "/usr/bin/python3",
      [
        PlanBinary.packageRoot.appendingPathComponent("tools/xlsx-check/check.py").path, path("out.xlsx"), path("e.json"), path("m.json"),
        language,
      ])
    #expect(status == 0, "\(text)")
    #expect(text.hasPrefix("ok: "), "\(text)")
  }

  @Test func sameInputsSameBytes() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.xlsx").path, b = dir.appendingPathComponent("b.xlsx").path
    #expect(try PlanBinary.run(["export", "scenarios/baseline.yaml", "-o", a]).status == 0)
    #expect(try PlanBinary.run(["export", "scenarios/baseline.yaml", "-o", b]).status == 0)
    let x = try Data(contentsOf: URL(fileURLWithPath: a)), y = try Data(contentsOf: URL(fileURLWithPath: b))
    #expect(x.count > 10_000 && x == y)
    #expect(x.prefix(2) == Data("PK".utf8))
  }
}
