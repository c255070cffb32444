extension Desugar {
  /// `clamp(x, low, high)` → `max(low, min(x, high))`.
  static func lowerClamp(_ name: String, _ args: [Expression.Argument], _ range: SourceRange) -> Expression? {
    guard name == "clamp", args.count == 3 else { return nil }
    let inner = Expression.call("min", [.init(args[0].value), .init(args[2].value)], range)
    return .call("max", [.init(args[1].value), .init(inner)], range)
  }
}
