extension Desugar {
  /// `count(kind, where c)` → `sum(kind, 1 count, where c)`.
  static func lowerCount(_ name: String, _ args: [Expression.Argument], _ range: SourceRange) -> Expression? {
    guard name == "count", let kind = args.first, kind.label == nil else { return nil }
    let one = Expression.number(1, unit: "count", kind.value.range)
    return .call("sum", [kind, .init(one)] + args.dropFirst(), range)
  }
}
