import ArgumentParser
import Foundation
import Planner
import Scenarios

extension Plan {
  /// `plan solve S --vary PATH --range LO..HI --target "EXPR"`: goal seek.
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The value of one input that meets a target, found on batches of the engine.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String
    @Option(
      help: "dues.rate, dues.cap, subsidies.ID.EXERCISE, positions.ID.gross.EXERCISE, treasury.opening_balance or treasury.overdraft_limit."
    )
    var vary: String
    @Option(help: "The range searched, LO..HI.")
    var range: String
    @Option(
      help:
        "result(2013) >= 0, reserves(2013-12) >= 10000 EUR, min_cash(2012) >= 0 (or min_cash(horizon)), P(deficit, 2013) <= 10 % or P(cash_below_zero, horizon) <= 5 %."
    )
    var target: String
    @Option(help: "Draws for a probability target.")
    var draws = 2000
    @Option(help: "Seed for a probability target.")
    var seed: UInt64 = 42
    @OptionGroup var options: ScenarioOptions

    func validate() throws {
      guard (2...1_000_000).contains(draws) else { throw ValidationError("--draws is a whole number from 2 to 1000000") }
    }

    func run() throws {
      guard let path = Solver.Path(vary) else {
        throw ValidationError(
          "--vary '\(vary)' is not dues.rate, dues.cap, subsidies.ID.EXERCISE, positions.ID.gross.EXERCISE, treasury.opening_balance or treasury.overdraft_limit"
        )
      }
      guard let t = Solver.Target(target) else {
        throw ValidationError(
          "--target '\(target)' is not like result(2013) >= 0, reserves(2013-12) >= 10000 EUR, min_cash(2012) >= 0, P(deficit, 2013) <= 10 % or P(cash_below_zero, horizon) <= 5 %"
        )
      }
      let parts = range.components(separatedBy: "..")
      guard parts.count == 2, let lo = Literal.value(parts[0]), let hi = Literal.value(parts[1]), lo < hi, abs(lo) <= Limits.amount,
        abs(hi) <= Limits.amount
      else {
        throw ValidationError("--range '\(range)' is not LO..HI with LO < HI, both between -1e12 and 1e12")
      }
      let a = try diagnosing { () throws(DiagnosticList) in
        let (s, set) = try options.load(scenario)
        return try Solver(s, ruleSet: set).solve(path, in: lo...hi, target: t, draws: draws, seed: seed)
      }
      print("\(vary) for \(target): \(a.message) [\(a.evaluations) candidates evaluated]")
      if a.value == nil { throw ExitCode(2) }
    }
  }
}
