import Foundation
import TestSupport
import Testing

@Suite struct SimulateCommandTests {
  /// Same seed → byte-identical output, whatever the number of threads; no progress bar
  /// when piped.
  @Test func byteIdenticalAcrossThreads() throws {
    let one = try PlanBinary.run([
      "simulate", "scenarios/baseline.yaml", "--draws", "3000", "--seed", "5", "--threads", "1", "--format", "json",
    ])
    let two = try PlanBinary.run([
      "simulate", "scenarios/baseline.yaml", "--draws", "3000", "--seed", "5", "--threads", "2", "--format", "json",
    ])
    #expect(one.status == 0, "\(one.err)")
    #expect(one.out == two.out)
    #expect(!one.err.contains("simulating"))
    let o = try #require(try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [String: Any])
    for key in ["scenario", "draws", "seed", "periods", "indicators", "probabilities", "sensitivity"] { #expect(o[key] != nil, "\(key)") }
    #expect(o["periods"] as? [String] == ["2012", "2013", "2014", "2015"])
    let table = try PlanBinary.run(["simulate", "scenarios/baseline.yaml", "--draws", "2000"])
    #expect(table.out.contains("P(deficit)"))
  }

  @Test func solveAndItsFailures() throws {
    let ok = try PlanBinary.run([
      "solve", "scenarios/baseline.yaml", "--vary", "subsidies.region_f.2013", "--range", "0..100000", "--target", "result(2013) >= 0",
    ])
    #expect(ok.status == 0, "\(ok.err)")
    #expect(ok.out.contains("met at"))
    let none = try PlanBinary.run([
      "solve", "scenarios/baseline.yaml", "--vary", "subsidies.region_f.2013", "--range", "0..1000", "--target", "result(2013) >= 0",
    ])
    #expect(none.status == 2)
    #expect(none.out.contains("no value in"))
    let bad = try PlanBinary.run([
      "solve", "scenarios/baseline.yaml", "--vary", "salaries", "--range", "0..1", "--target", "result(2013) >= 0",
    ])
    #expect(bad.status != 0)
  }
}
