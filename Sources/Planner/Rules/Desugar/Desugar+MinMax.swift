extension Desugar {
  /// `min(a, b, c)` → `min(min(a, b), c)`; the core has two-argument min and max only.
  static func lowerMinMax(_ name: String, _ args: [Expression.Argument], _ range: SourceRange) -> Expression? {
    guard name == "min" || name == "max", args.count > 2, args.allSatisfy({ $0.label == nil }) else { return nil }
    var acc = args[0].value
    for a in args.dropFirst() {
      acc = .call(name, [.init(acc), .init(a.value)], acc.range.union(a.value.range))
    }
    if case .call(let n, let a, _) = acc { return .call(n, a, range) }
    return acc
  }
}
