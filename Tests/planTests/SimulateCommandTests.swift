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
    #expect(table.out.contains("In plain words:"))
    #expect(table.out.contains("Subsidy: Fonds social européen"))
    #expect(!table.out.contains("subsidy fse"))
  }

  @Test func solveAndItsFailures() throws {
    let ok = try PlanBinary.run([
      "solve", "scenarios/baseline.yaml", "--vary", "subsidies.region_f.2013", "--range", "0..100000", "--target", "result(2013) >= 0",
    ])
    #expect(ok.status == 0, "\(ok.err)")
    // The answer is the grant plus the 2013 deficit, as plan run's JSON gives it.
    let json = try PlanBinary.run(["run", "scenarios/baseline.yaml", "--format", "json"])
    let o = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let deficit = -(try #require((o["indicators"] as? [String: [String: Double]])?["result"]?["2013"]))
    let answer = Int(((25_000 + deficit) * 100).rounded())
    let shown = "€\(answer / 100_000),\(String(format: "%03d", answer / 100 % 1000)).\(String(format: "%02d", answer % 100))"
    #expect(ok.out.contains("Answer: \(shown) (the scenario: €25,000.00), in 2013 only."), "\(shown)")
    #expect(ok.out.contains("At the answer, result(2013) >= 0 gives €0.00."))
    // In French from the environment, and its meaning in euros.
    let fr = try PlanBinary.run(
      ["solve", "scenarios/baseline.yaml", "--vary", "dues.rate.2013", "--range", "0..5%", "--target", "result(2013) > 0"],
      environment: ["LANG": "fr_FR.UTF-8"])
    #expect(fr.status == 0, "\(fr.err)")
    #expect(fr.out.contains("pour 2013 seulement"))
    #expect(fr.out.contains("Cotisations au total, à la réponse"))
    let none = try PlanBinary.run([
      "solve", "scenarios/baseline.yaml", "--vary", "subsidies.region_f.2013", "--range", "0..1000", "--target", "result(2013) >= 0",
    ])
    #expect(none.status == 2)
    #expect(none.out.contains("No value from €0.00 to €1,000.00 meets the target"))
    let bad = try PlanBinary.run([
      "solve", "scenarios/baseline.yaml", "--vary", "salaries", "--range", "0..1", "--target", "result(2013) >= 0",
    ])
    #expect(bad.status != 0)
  }
}
