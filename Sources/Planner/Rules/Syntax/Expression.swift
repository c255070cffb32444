/// The surface syntax tree of a formula, as written.
///
/// Sugar (`min` of many, `count`, `within`, …) is still here; `Desugar` lowers it to
/// ``CoreExpression`` before type checking.
package indirect enum Expression: Sendable, Hashable {
  case number(Double, unit: String?, SourceRange)
  case string(String, SourceRange)
  case boolean(Bool, SourceRange)
  case name(String, SourceRange)
  case unary(String, Expression, SourceRange)
  case binary(String, Expression, Expression, SourceRange)
  case conditional(Expression, Expression, Expression, SourceRange)
  case call(String, [Argument], SourceRange)

  /// An argument of a call, possibly named (`where contract == "cdd"`, `offset: -1`).
  package struct Argument: Sendable, Hashable {
    package var label: String?
    package var value: Expression
    package init(label: String? = nil, _ value: Expression) {
      self.label = label
      self.value = value
    }
  }

  package var range: SourceRange {
    switch self {
    case .number(_, _, let r), .string(_, let r), .boolean(_, let r), .name(_, let r),
      .unary(_, _, let r), .binary(_, _, _, let r), .conditional(_, _, _, let r), .call(_, _, let r):
      return r
    }
  }

  /// The children of a node, in order.
  package var children: [Expression] {
    switch self {
    case .number, .string, .boolean, .name: return []
    case .unary(_, let a, _): return [a]
    case .binary(_, let a, let b, _): return [a, b]
    case .conditional(let c, let a, let b, _): return [c, a, b]
    case .call(_, let args, _): return args.map(\.value)
    }
  }

  /// The range of the first node found deeper than `limit` levels (the root is level 1), or
  /// `nil`; walked with an explicit stack, so that a deep tree cannot exhaust the thread's.
  package func firstNode(deeperThan limit: Int) -> SourceRange? {
    var stack: [(Expression, Int)] = [(self, 1)]
    while let (e, depth) = stack.popLast() {
      if depth > limit { return e.range }
      for c in e.children { stack.append((c, depth + 1)) }
    }
    return nil
  }

  /// The same expression with another range of text.
  package func with(range r: SourceRange) -> Expression {
    switch self {
    case .number(let v, let u, _): return .number(v, unit: u, r)
    case .string(let t, _): return .string(t, r)
    case .boolean(let b, _): return .boolean(b, r)
    case .name(let n, _): return .name(n, r)
    case .unary(let op, let a, _): return .unary(op, a, r)
    case .binary(let op, let a, let b, _): return .binary(op, a, b, r)
    case .conditional(let c, let a, let b, _): return .conditional(c, a, b, r)
    case .call(let f, let args, _): return .call(f, args, r)
    }
  }
}
