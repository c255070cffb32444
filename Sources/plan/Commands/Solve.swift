import ArgumentParser
import Foundation
import Planner
import Scenarios

extension Plan {
  /// `plan solve S --vary PATH --range LO..HI --target "EXPR"`: goal seek.
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLI.messages("help.solve"))

    @Argument(help: CLI.help("help.scenario"))
    var scenario: String
    @Option(help: CLI.help("help.solve.vary"))
    var vary: String
    @Option(help: CLI.help("help.solve.range"))
    var range: String
    @Option(help: CLI.help("help.solve.target"))
    var target: String
    @Option(help: CLI.help("help.solve.draws"))
    var draws = 2000
    @Option(help: CLI.help("help.solve.seed"))
    var seed: UInt64 = 42
    @OptionGroup var options: ScenarioOptions

    func validate() throws {
      guard (2...1_000_000).contains(draws) else { throw ValidationError(CLI.messages("solve.error.draws")) }
    }

    func run() throws {
      let m = options.messages
      guard let path = Solver.Path(vary) else { throw ValidationError(m("solve.error.vary", ["vary": vary])) }
      guard let t = Solver.Target(target) else { throw ValidationError(m("solve.error.target", ["target": target])) }
      let parts = range.components(separatedBy: "..")
      guard parts.count == 2, let lo = Literal.value(parts[0]), let hi = Literal.value(parts[1]), lo < hi, abs(lo) <= Limits.amount,
        abs(hi) <= Limits.amount
      else {
        throw ValidationError(m("solve.error.range", ["range": range]))
      }
      let (s, base, answer, found) = try diagnosing { () throws(DiagnosticList) in
        let (s, set) = try options.load(scenario)
        let solver = Solver(s, ruleSet: set)
        let a = try solver.solve(path, in: lo...hi, target: t, draws: draws, seed: seed)
        // The scenario as it is and at the answer, to say what the answer means in euros.
        let base = try Projection.run(s, ruleSet: set, strict: options.strict, legalLimitsAsWarnings: true, messages: m)
        let found = try a.value.map { (v) throws(DiagnosticList) in
          try Projection.run(solver.applying(path, v), ruleSet: set, legalLimitsAsWarnings: true, messages: m)
        }
        return (s, base, a, found)
      }
      print(SolveAnswer(path: path, text: vary, target: t, targetText: target, scenario: s, m: m).render(answer, base: base, found: found))
      if answer.value == nil { throw ExitCode(2) }
    }
  }
}
