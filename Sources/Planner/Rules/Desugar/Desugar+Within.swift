extension Desugar {
  /// `within(start, end)` → `current_month() >= start and current_month() <= end`: whether
  /// the month being computed lies between two months, both included.
  static func lowerWithin(_ name: String, _ args: [Expression.Argument], _ range: SourceRange) -> Expression? {
    guard name == "within", args.count == 2 else { return nil }
    let now = Expression.call("current_month", [], range)
    let after = Expression.binary(">=", now, args[0].value, args[0].value.range)
    let before = Expression.binary("<=", now, args[1].value, args[1].value.range)
    return .binary("and", after, before, range)
  }
}
