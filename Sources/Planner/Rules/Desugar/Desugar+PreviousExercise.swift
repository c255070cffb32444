extension Desugar {
  /// `previous_exercise_total(x, initial)` → `exercise_total(x, offset: -1, initial: initial)`:
  /// the sum of a monthly value over the previous exercise, `initial` during the first one.
  static func lowerPreviousExercise(_ name: String, _ args: [Expression.Argument], _ range: SourceRange) -> Expression? {
    guard name == "previous_exercise_total", args.count == 2 else { return nil }
    let offset = Expression.number(-1, unit: nil, range)
    return .call("exercise_total", [args[0], .init(label: "offset", offset), .init(label: "initial", args[1].value)], range)
  }
}
