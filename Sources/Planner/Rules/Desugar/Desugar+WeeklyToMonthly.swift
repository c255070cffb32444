extension Desugar {
  /// `weekly_to_monthly(x)` → `x * (52/12 week/month)`: a value per week made a value per
  /// month with the 52-weeks-in-12-months convention (see ``WorkTime``).
  static func lowerWeeklyToMonthly(_ name: String, _ args: [Expression.Argument], _ range: SourceRange) -> Expression? {
    guard name == "weekly_to_monthly", args.count == 1 else { return nil }
    let factor = Expression.number(WorkTime.weeksPerMonth, unit: "week/month", range)
    return .binary("*", args[0].value, factor, range)
  }
}
