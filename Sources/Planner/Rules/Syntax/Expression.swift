/// The surface syntax tree of a formula, as written.
///
/// Sugar (`min` of many, `count`, `within`, …) is still here; `Desugar` lowers it to
/// ``CoreExpression`` before type checking.
public indirect enum Expression: Sendable, Hashable {
  case number(Double, unit: String?, SourceRange)
  case string(String, SourceRange)
  case boolean(Bool, SourceRange)
  case name(String, SourceRange)
  case unary(String, Expression, SourceRange)
  case binary(String, Expression, Expression, SourceRange)
  case conditional(Expression, Expression, Expression, SourceRange)
  case call(String, [Argument], SourceRange)

  /// An argument of a call, possibly named (`where contract == "cdd"`, `offset: -1`).
  public struct Argument: Sendable, Hashable {
    public var label: String?
    public var value: Expression
    public init(label: String? = nil, _ value: Expression) {
      self.label = label
      self.value = value
    }
  }

  public var range: SourceRange {
    switch self {
    case .number(_, _, let r), .string(_, let r), .boolean(_, let r), .name(_, let r),
      .unary(_, _, let r), .binary(_, _, _, let r), .conditional(_, _, _, let r), .call(_, _, let r):
      return r
    }
  }
}
