/// A node of the core language: what every formula is lowered to before evaluation.
///
/// Fourteen kinds; sugar (`min` of many, `count`, `within`, `clamp`, …) never reaches here.
/// Each node has an `id` unique in its ``RuleSet``, under which the evaluator records its
/// values when tracing, and the range of formula text it comes from.
public struct CoreNode: Sendable, Hashable {
  public var id: Int
  public var kind: Kind
  public var type: ValueType
  public var range: SourceRange

  public indirect enum Kind: Sendable, Hashable {
    case constant(Double)
    case rule(Int)
    case input(Int)
    case parameter(String)
    /// A parameter's value in force at a month given by an expression (a contract's start).
    case parameterAt(String, CoreNode)
    case calendar(CalendarQuantity)
    case unary(UnaryOperator, CoreNode)
    case binary(BinaryOperator, CoreNode, CoreNode)
    case select(CoreNode, CoreNode, CoreNode)
    case scale(String, Scale.Mode, CoreNode)
    /// Sum over the entities of a kind, optionally filtered.
    case sum(entity: String, CoreNode, filter: CoreNode?)
    /// The value in the previous month; `initial` before the first month.
    case previousMonth(CoreNode, initial: CoreNode)
    /// The sum of a monthly value over the current exercise (`offset` 0) or the previous one
    /// (`offset` -1, with `initial` for the first exercise).
    case exerciseTotal(CoreNode, offset: Int, initial: CoreNode?)
    /// The running sum from the first month.
    case cumulative(CoreNode)
    /// The sum of a monthly value over the months of the same calendar year (within the
    /// timeline): what the law reckons by calendar year, whatever the exercises.
    case yearTotal(CoreNode)
  }

  /// The direct children, in order.
  public var children: [CoreNode] {
    switch kind {
    case .constant, .rule, .input, .parameter, .calendar: return []
    case .unary(_, let a), .scale(_, _, let a), .cumulative(let a), .parameterAt(_, let a), .yearTotal(let a): return [a]
    case .binary(_, let a, let b), .previousMonth(let a, let b): return [a, b]
    case .select(let a, let b, let c): return [a, b, c]
    case .sum(_, let a, let f): return f.map { [a, $0] } ?? [a]
    case .exerciseTotal(let a, _, let i): return i.map { [a, $0] } ?? [a]
    }
  }

  /// Calls `visit` on this node and every node below it.
  public func walk(_ visit: (CoreNode) -> Void) {
    visit(self)
    // The children in the order of `children`, without building its array.
    switch kind {
    case .constant, .rule, .input, .parameter, .calendar: return
    case .unary(_, let a), .scale(_, _, let a), .cumulative(let a), .parameterAt(_, let a), .yearTotal(let a): a.walk(visit)
    case .binary(_, let a, let b), .previousMonth(let a, let b):
      a.walk(visit)
      b.walk(visit)
    case .select(let a, let b, let c):
      a.walk(visit)
      b.walk(visit)
      c.walk(visit)
    case .sum(_, let a, let f):
      a.walk(visit)
      f?.walk(visit)
    case .exerciseTotal(let a, _, let i):
      a.walk(visit)
      i?.walk(visit)
    }
  }
}

/// Quantities of the calendar, available in every formula.
public enum CalendarQuantity: String, Sendable, Hashable {
  /// The month being computed.
  case currentMonth = "current_month"
  /// The number of months of the current exercise.
  case monthsInExercise = "months_in_exercise"
  /// The position of the month in its exercise, from 1.
  case monthOfExercise = "month_of_exercise"
}

public enum UnaryOperator: Sendable, Hashable {
  case negate, not, abs, floor, ceil
  /// Round half away from zero to `decimals` decimals (2: cents, 0: euros).
  case round(decimals: Int)
}

public enum BinaryOperator: String, Sendable, Hashable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case minimum = "min"
  case maximum = "max"
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case equal = "=="
  case notEqual = "!="
  case and, or
}
