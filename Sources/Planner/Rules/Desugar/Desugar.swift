/// Lowers the conveniences of the surface language into the calls the compiler knows.
///
/// Each sugar form has its own file (`Desugar+MinMax.swift`, …) with a function
/// `(name, arguments, range) -> Expression?` that returns the rewritten expression, or `nil`
/// when the call is not its business. Lowering is bottom-up and happens before type checking.
package enum Desugar {
  static let forms: [@Sendable (String, [Expression.Argument], SourceRange) -> Expression?] = [
    lowerMinMax, lowerCount, lowerWithin, lowerPreviousExercise, lowerWeeklyToMonthly, lowerClamp,
  ]

  /// The names the sugar forms take, for suggestions in error messages.
  package static let names = ["min", "max", "count", "within", "previous_exercise_total", "weekly_to_monthly", "clamp"]

  package static func lower(_ e: Expression) -> Expression {
    switch e {
    case .number, .string, .boolean, .name: return e
    case .unary(let op, let a, let r): return .unary(op, lower(a), r)
    case .binary(let op, let a, let b, let r): return .binary(op, lower(a), lower(b), r)
    case .conditional(let c, let a, let b, let r): return .conditional(lower(c), lower(a), lower(b), r)
    case .call(let name, let args, let r):
      let lowered = args.map { Expression.Argument(label: $0.label, lower($0.value)) }
      for form in forms {
        if let rewritten = form(name, lowered, r) { return rewritten }
      }
      return .call(name, lowered, r)
    }
  }
}
