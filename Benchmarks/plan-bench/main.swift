// plan-bench: the engine's throughput on a synthetic rule set, in a release build.
//
//     swift run -c release plan-bench [--quick] [--large]
//
// About 200 rules × 30 entities × 60 months, evaluated for B = 1, 1,000 and 100,000
// variants (chunks of 128 by default, `--chunk N`). One rule evaluation is one rule's value for one entity, one
// month and one variant. The figures are compared with the memory-bandwidth bound of the
// same work: the bytes the vector operations move, at the copy bandwidth measured here.
import Foundation
import Planner
import Scenarios

let quick = CommandLine.arguments.contains("--quick")
/// `--large`: only the loading of large scenarios.
let largeOnly = CommandLine.arguments.contains("--large")
let chunkSize = CommandLine.arguments.firstIndex(of: "--chunk").map { Int(CommandLine.arguments[$0 + 1])! } ?? 128

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// The synthetic rule pack: 150 rules that do not vary between variants, 30 that do (they
/// read the varying `rate` or `grant`), and 20 organisation-wide sums.
func syntheticRules() -> String {
  var y = """
    entities:
      position:
        inputs:
          gross: {unit: EUR}
          hours: {unit: h}
          contract: {type: category, values: [cdd, cdi, stage]}
    inputs:
      grant: {unit: EUR}
    parameters:

    """
  for p in 0..<10 {
    y +=
      "  p\(p):\n    unit: ratio\n    values:\n      2010-01: {value: 0.0\(p + 1), reference: synthetic}\n      2012-01: {value: 0.0\(p + 2), reference: synthetic}\n"
  }
  y += "  rate:\n    unit: ratio\n    values:\n      2010-01: {value: 0.4, reference: synthetic}\n"
  y += "rules:\n"
  func rule(_ name: String, entity: String?, _ formula: String) {
    y += "  \(name):\n"
    if let entity { y += "    entity: \(entity)\n" }
    y += "    unit: EUR\n    formula: \(formula)\n"
  }
  rule("f0", entity: "position", "gross * p0")
  for i in 1..<150 {
    let a = "f\(i - 1)", b = "f\(max(0, i - 7))", p = "p\(i % 10)"
    switch i % 5 {
    case 0: rule("f\(i)", entity: "position", "\(a) + \(b) * \(p)")
    case 1: rule("f\(i)", entity: "position", "min(\(a), gross * \(p)) + 1 EUR")
    case 2: rule("f\(i)", entity: "position", "if contract == \"cdd\" then \(a) * 1.1 else \(b)")
    case 3: rule("f\(i)", entity: "position", "round(\(a) * \(p) + hours * 10 EUR/h, 2)")
    default: rule("f\(i)", entity: "position", "max(\(a) - \(b), 0) + gross * \(p)")
    }
  }
  rule("v0", entity: "position", "f149 * rate")
  for i in 1..<30 {
    let a = "v\(i - 1)", f = "f\(i * 5)"
    switch i % 3 {
    case 0: rule("v\(i)", entity: "position", "\(a) + \(f) * rate")
    case 1: rule("v\(i)", entity: "position", "min(\(a), \(f)) * 1.01")
    default: rule("v\(i)", entity: "position", "if \(a) > \(f) then \(a) else \(f) * rate")
    }
  }
  for i in 0..<20 {
    let what = i % 2 == 0 ? "v\(29 - i)" : "f\(149 - i)"
    rule("s\(i)", entity: nil, i == 0 ? "sum(position, \(what)) - grant" : "sum(position, \(what)) + s\(i - 1) * 0.5")
  }
  return y
}

func situation() throws -> Situation {
  let timeline = Timeline(months: MonthRange(Month(2011, 1), Month(2015, 12)))
  let n = 30
  let months = timeline.monthCount
  var gross = [Double](), hours = [Double](), contract = [Double]()
  for e in 0..<n {
    for m in 0..<months {
      gross.append(1500 + Double(e * 37 % 900) + Double(m) * 3)
      hours.append(Double(70 + e * 13 % 82))
    }
    contract.append(Double(e % 3))
  }
  return Situation(
    timeline: timeline, entities: ["position": (0..<n).map { "p\($0)" }],
    inputs: [
      "position.gross": Block(rows: n, months: months, width: 1, data: gross),
      "position.hours": Block(rows: n, months: months, width: 1, data: hours),
      "position.contract": Block(rows: n, months: 1, width: 1, data: contract),
      "grant": .scalar(50_000),
    ])
}

/// Copy bandwidth (bytes read + written per second) on 256 MiB, the best of five.
func copyBandwidth() -> Double {
  let count = 32 * 1024 * 1024
  let source = [Double](repeating: 1.5, count: count)
  var target = [Double](repeating: 0, count: count)
  var best = 0.0
  for _ in 0..<5 {
    let t = now()
    target.withUnsafeMutableBufferPointer { dst in
      source.withUnsafeBufferPointer { src in _ = memcpy(dst.baseAddress!, src.baseAddress!, count * 8) }
    }
    best = max(best, Double(2 * count * 8) / (now() - t))
  }
  precondition(target[count - 1] == 1.5)
  return best
}

let document = try YAMLDocument.parse(syntheticRules(), path: "synthetic.yaml")
let (ruleSet, _) = try Compiler.compile([document])
let base = try situation()
let entities = 30, months = base.timeline.monthCount
let bandwidth = copyBandwidth()
print(
  "plan-bench: \(ruleSet.rules.count) rules (\(ruleSet.rules.filter { $0.entity != nil }.count) per entity), \(entities) entities, \(months) months"
)
print(String(format: "copy bandwidth: %.1f GB/s (read + write)", bandwidth / 1e9))
print("")
print("      B    chunks   seconds   rule-evaluations/s   bytes moved   bandwidth bound (s)   time / bound")

let sizes = largeOnly ? [] : quick ? [1, 1_000, 10_000] : [1, 1_000, 100_000]
for b in sizes {
  let rates = (0..<b).map { 0.3 + 0.2 * Double($0 % 97) / 97 }
  let variation = Variation(
    count: b,
    inputs: ["grant": { range in Block(rows: 1, months: 1, width: range.count, data: range.map { 40_000 + Double($0 % 13) * 1000 }) }],
    parameters: ["rate": rates])
  let evaluator = try Evaluator(ruleSet, base, options: EvaluationOptions(chunkSize: chunkSize, keep: ["s19"]))
  var written = 0, chunks = 0
  var checksum = 0.0
  let repeats = b == 1 ? 50 : 1
  let t = now()
  for _ in 0..<repeats {
    try evaluator.runChunks(variation) { ev in
      written += ev.elementsWritten
      chunks += 1
      checksum += ev.value("s19", month: months - 1, variant: 0) ?? 0
    }
  }
  let seconds = (now() - t) / Double(repeats)
  written /= repeats
  chunks /= repeats
  // Per rule: entity rules count 30 entities, sums count one.
  let perVariant = ruleSet.rules.reduce(0) { $0 + ($1.entity == nil ? 1 : entities) } * months
  let evaluations = Double(perVariant) * Double(b)
  // Each element written by an operation reads about two and writes one: 24 bytes.
  let bytes = Double(written) * 24
  let bound = bytes / bandwidth
  print(
    String(
      format: "%7d %9d %9.3f %20.3g %13.3g %21.4f %14.1f", b, chunks, seconds, evaluations / seconds, bytes, bound,
      seconds / bound))
  precondition(checksum.isFinite)
}

// MARK: - plan simulate on the baseline

/// Peak resident memory of the process so far, in MiB.
func peakMemory() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}

print("")
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let baselinePath = root.appendingPathComponent("scenarios/baseline.yaml").path
let loaded = try ScenarioLoader.load(baselinePath)
let packs = RulePackLoader.compile(ScenarioLoader.rulePackFiles(loaded.rulesFolder))
guard let rules = packs.ruleSet else { fatalError("the shipped rule packs do not compile") }
let threads = ProcessInfo.processInfo.activeProcessorCount
print("plan simulate on scenarios/baseline.yaml, \(threads) threads (its comparison with numpy, the same model:")
print("python3 Benchmarks/simulate/bench.py, the benchmark of record)")
print("      draws   seconds      draws/s   engine share   peak MiB")
let drawCounts = largeOnly ? [] : quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]
for n in drawCounts {
  let t0 = now()
  let sim = try Simulation.run(loaded, ruleSet: rules, draws: n, seed: 42, threads: threads)
  let total = now() - t0
  let statistics = sim.statisticsSeconds
  print(
    String(format: "%11d %9.3f %12.0f %14.0f%% %10.0f", n, total, Double(n) / total, max(0, 1 - statistics / total) * 100, peakMemory()))
}

// MARK: - Loading and projecting large scenarios

/// A scenario extending the baseline with `n` more positions, members, subsidies and items:
/// reading, merging by id, checking and projecting must stay linear in the entries.
func largeScenario(_ n: Int) throws -> String {
  var y = "scenario: large\nextends: \(baselinePath)\npositions:\n"
  for i in 0..<n {
    y += "  - {id: p\(i), line: stagiaires, contract: stage, start: 2012-01, end: 2012-06, hours: {2012: 900}, gross: {2012: 436.05}}\n"
  }
  y += "members:\n"
  for i in 0..<n { y += "  - {id: m\(i), joined: 2012-01, payroll: {2011: \(10_000 + i)}}\n" }
  y += "items:\n"
  for i in 0..<n { y += "  - {id: i\(i), line: loyers, budget: projets, amounts: {2012: 10}}\n" }
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("plan-bench-large-\(n).yaml").path
  try y.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

print("")
print("Large scenarios: the baseline plus N positions, N members and N items")
print("          N   load (s)   project (s)")
for n in quick ? [1_000] : [1_000, 3_000, 10_000] {
  let path = try largeScenario(n)
  let t0 = now()
  let s = try ScenarioLoader.load(path)
  let t1 = now()
  _ = try Projection.run(s, ruleSet: rules)
  let t2 = now()
  print(String(format: "%11d %10.3f %13.3f", n, t1 - t0, t2 - t1))
  try? FileManager.default.removeItem(atPath: path)
}
