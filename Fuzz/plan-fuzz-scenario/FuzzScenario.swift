// A scenario file, as any bytes, through the YAML reader, the scenario reader (and what it
// extends), the category checks, the planner and a projection on its rule packs: it
// projects or it ends as diagnostics, never a crash or a hang. See Fuzz/README.md.
import Foundation
import Planner
import Scenarios

/// Rule packs compiled once per folder.
nonisolated(unsafe) var ruleSets: [String: RuleSet?] = [:]

func check(_ data: Data) {
  guard let text = String(data: data, encoding: .utf8) else { return }
  // As if the file were in scenarios/: `extends: baseline.yaml` and the default rules work.
  guard let scenario = try? ScenarioLoader.load(text: text, path: "scenarios/fuzz-input.yaml") else { return }
  let folder = scenario.rulesFolder
  if ruleSets[folder] == nil { ruleSets[folder] = try? RulePackLoader.load(folder: folder, hint: "") }
  guard let rules = ruleSets[folder] ?? nil else { return }
  _ = try? Projection.run(scenario, ruleSet: rules, legalLimitsAsWarnings: true)
}

#if FUZZING
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif

@main
struct FuzzScenario {
  static func main() {
    #if FUZZING
      // libFuzzer drives: it calls `check` with each input it makes.
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(
        runFuzzerDriver(&argc, &argv) { bytes, count in
          check(bytes.map { Data(bytes: $0, count: count) } ?? Data())
          return 0
        })
    #else
      // A replayer: `check` on every file given.
      for path in CommandLine.arguments.dropFirst() { check(FileManager.default.contents(atPath: path) ?? Data()) }
    #endif
  }
}
