import Foundation
import TestSupport
import Testing

@Suite struct CheckCommandTests {
  static let invalid: [String] = {
    files(in: repositoryPath("Tests/PlannerTests/Fixtures/invalid"))
  }()

  @Test(arguments: invalid)
  func badInputExitsOneWithALocatedMessage(_ name: String) throws {
    let path = "Tests/PlannerTests/Fixtures/invalid/\(name)"
    // Parameters past their confirmation or unconfirmed are errors with --strict only.
    let strict = name.hasPrefix("parameters.past-last-confirmed") || name.hasPrefix("parameters.unconfirmed")
    let r = try PlanBinary.run(["check", path] + (strict ? ["--strict"] : []))
    #expect(r.status == 1)
    #expect(r.err.hasPrefix("\(path):"))
    #expect(r.err.contains(": error: "))
    #expect(r.out.isEmpty)
  }

  @Test func shippedRulesPass() throws {
    let dir = PlanBinary.packageRoot.appendingPathComponent("scenarios/rules")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
    let r = try PlanBinary.run(["check"] + files.map { "scenarios/rules/\($0)" })
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.hasPrefix("ok: "))
    let fr = try PlanBinary.run(["check", "--lang", "fr"] + files.map { "scenarios/rules/\($0)" })
    #expect(fr.out.hasPrefix("ok : 16 fichiers : "), "\(fr.out)")
  }

  @Test func strictTurnsWarningsIntoFailure() throws {
    let path = "Tests/PlannerTests/Fixtures/invalid/parameters.past-last-confirmed.yaml"
    #expect(try PlanBinary.run(["check", path]).status == 0)
    #expect(try PlanBinary.run(["check", "--strict", path]).status == 1)
  }

  @Test func missingFile() throws {
    let r = try PlanBinary.run(["check", "nowhere.yaml"])
    #expect(r.status == 1)
    #expect(r.err == "error: cannot read 'nowhere.yaml': no such file or not readable\n")
  }
}
