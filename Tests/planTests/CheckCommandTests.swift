import Foundation
import Testing

/// Runs the `plan` executable as a user would.
enum PlanBinary {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static var url: URL {
    // The test bundle sits in the build folder next to the executables it depends on.
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("plan")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/plan")
  }

  /// Runs `plan` with `arguments` from the package root; returns status, stdout, stderr.
  static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = url
    p.arguments = arguments
    p.currentDirectoryURL = packageRoot
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
  }
}

@Suite struct CheckCommandTests {
  static let invalid: [String] = {
    let dir = PlanBinary.packageRoot.appendingPathComponent("Tests/PlannerTests/Fixtures/invalid")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
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
