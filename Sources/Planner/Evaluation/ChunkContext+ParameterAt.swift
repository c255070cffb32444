extension ChunkContext {
  /// A parameter's value at the months a block holds (as `Month.ordinal`), element by
  /// element; `NaN` before its first date, reported with the rule if it reaches a result.
  mutating func parameter(_ name: String, at months: Block) -> Block {
    guard let p = evaluator.ruleSet.parameters[name], case .values(let dated) = p.values else { return .scalar(.nan) }
    var cache: [Int: Double] = [:]
    return Kernels.unary(months, &pool) { ordinal in
      // A month outside years 1..9999 is no month: NaN, reported with the rule.
      guard ordinal.isFinite, abs(ordinal) < 120_000 else { return .nan }
      let key = Int(ordinal)
      if let v = cache[key] { return v }
      let v = p.versionIndex(at: Month(ordinal: key)).map { dated[$0].value } ?? .nan
      cache[key] = v
      return v
    }
  }
}
