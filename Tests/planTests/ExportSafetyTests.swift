import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `plan export` never loses a file: the previous export stays whole until the new one
/// replaces it; folders, links, scenarios and inputs are refused; an interrupted or killed
/// export leaves the old file or the new one, never a part, and no temporary behind.
@Suite(.serialized) struct ExportSafetyTests {
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func reExportReplacesThePreviousFile() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.csv").path
    try "previous export\n".write(toFile: out, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: out)
    let r = try PlanBinary.run(["export", "scenarios/baseline.yaml", "-o", out])
    #expect(r.status == 0, "\(r.err)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("scenario,period,section,budget,line,label,unit,value\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])
    // The permissions of the file replaced are kept.
    #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) == 0o600)
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    var output: String
    var message: String
    var testDescription: String { "-o '\(output)'" }
  }

  static let refusals: [Refusal] = [
    Refusal(output: "", message: "error: --output is empty; give the name of a file to write"),
    Refusal(output: ".", message: "error: --output '.': is a folder; give the name of a file in it"),
    Refusal(output: "{dir}", message: "error: --output '{dir}': is a folder; give the name of a file in it"),
    Refusal(output: "{dir}/", message: "error: --output '{dir}/': is a folder; give the name of a file in it"),
    Refusal(output: "{dir}/link.csv", message: "error: --output '{dir}/link.csv': is a symbolic link; give the file it points to"),
    Refusal(
      output: "{dir}/variant.yaml",
      message: "error: --output '{dir}/variant.yaml': is a scenario file, which plan never overwrites; write to another file"),
    Refusal(
      output: "scenarios/baseline.yaml",
      message: "error: --output 'scenarios/baseline.yaml': is a file this command reads; write to another file"),
    Refusal(
      output: "scenarios/rules/budget.yaml",
      message: "error: --output 'scenarios/rules/budget.yaml': is a file this command reads; write to another file"),
    Refusal(output: "{dir}/missing/out.csv", message: "error: --output '{dir}/missing/out.csv': its folder '{dir}/missing' does not exist"),
  ]

  @Test(arguments: refusals) func refused(_ c: Refusal) throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "old\n".write(toFile: dir.appendingPathComponent("out.csv").path, atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.csv").path, withDestinationPath: "out.csv")
    try "scenario: v\nextends: baseline.yaml\n".write(
      toFile: dir.appendingPathComponent("variant.yaml").path, atomically: false, encoding: .utf8)
    let before = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    let scenario = try Data(contentsOf: URL(fileURLWithPath: PlanBinary.packageRoot.appendingPathComponent("scenarios/baseline.yaml").path))
    let r = try PlanBinary.run(["export", "scenarios/baseline.yaml", "-o", c.output.replacing("{dir}", with: dir.path)])
    #expect(r.status == 1)
    #expect(r.err.replacing(dir.path, with: "{dir}") == c.message + "\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == before)
    #expect(try String(contentsOfFile: dir.appendingPathComponent("out.csv").path, encoding: .utf8) == "old\n")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: PlanBinary.packageRoot.appendingPathComponent("scenarios/baseline.yaml").path)) == scenario)
  }

  /// Kills exports at random moments: the target holds the old bytes or the new ones,
  /// whole; the next export removes what the killed ones left.
  @Test func killedAtRandomMoments() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.json").path
    let arguments = [
      "export", "scenarios/baseline.yaml", "scenarios/stop-end-2013.yaml", "--by", "month", "--format", "json", "-o", out,
    ]
    #expect(try PlanBinary.run(arguments).status == 0)
    let complete = try Data(contentsOf: URL(fileURLWithPath: out))
    let old = Data("old export\n".utf8)
    var generator = SystemRandomNumberGenerator()
    var outcomes: [String: Int] = [:]
    for round in 0..<9 {
      try old.write(to: URL(fileURLWithPath: out))
      let p = Process()
      p.executableURL = PlanBinary.url
      p.arguments = arguments
      p.currentDirectoryURL = PlanBinary.packageRoot
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      usleep(UInt32.random(in: 0...1_500_000, using: &generator))
      let signal = round % 3 == 0 ? SIGTERM : SIGKILL
      kill(p.processIdentifier, signal)
      p.waitUntilExit()
      let now = try Data(contentsOf: URL(fileURLWithPath: out))
      #expect(now == old || now == complete, "round \(round): \(now.count) bytes")
      outcomes[now == old ? "old" : "new", default: 0] += 1
      if signal == SIGTERM {
        // An interrupted export removes its own temporary.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"], "round \(round)")
      }
    }
    #expect(try PlanBinary.run(arguments).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == complete)
  }
}
