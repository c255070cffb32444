import Foundation
import TestSupport
import Testing

/// `plan serve` under load on the loopback: 200 connections sending what-if requests (each
/// with its own changes) for 30 seconds with `wrk` (Debian's package) and
/// `Benchmarks/serve/whatif.lua`: no error of any kind, every answer a 200 with its figures.
/// The latencies of this debug build are printed; those of record, from a release build,
/// are in README.md (`Benchmarks/serve/run.sh`).
@Suite(.serialized) struct LoadTests {
  @Test func twoHundredConcurrentWhatIfsForThirtySeconds() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk"),
      "the load test needs Debian's wrk (the README's first command installs it)")
    let server = try ServeCommandTests.Server()
    let script = PlanBinary.packageRoot.appendingPathComponent("Benchmarks/serve/whatif.lua").path
    let (status, output) = try runTool(
      "/usr/bin/wrk", ["-t2", "-c200", "-d30s", "--timeout", "120s", "-s", script, server.base])
    #expect(status == 0, "\(output)")
    let line = try #require(output.split(separator: "\n").last { $0.hasPrefix("{\"requests\"") }, "\(output)")
    let result = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let requests = try #require(result["requests"] as? Int)
    let errors = try #require(result["errors"] as? [String: Int])
    #expect(requests >= 30, "\(line)")
    #expect(errors.values.allSatisfy { $0 == 0 }, "\(line)")
    #expect(result["not_answered"] as? Int == 0, "\(line)")
    print("load test (debug build): \(line)")
  }
}
