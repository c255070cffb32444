extension TypeChecker {
  /// The functions of the core language (sugar has already been lowered by ``Desugar``).
  static let functionNames = [
    "min", "max", "abs", "floor", "ceil", "round", "scale", "bracket_rate", "value_at", "sum", "previous_month",
    "exercise_total", "year_total", "cumulative", "current_month", "months_in_exercise", "month_of_exercise",
  ]

  mutating func call(_ name: String, _ args: [Expression.Argument], _ r: SourceRange, scope: String?)
    throws(FormulaError) -> CoreNode
  {
    func arity(_ n: ClosedRange<Int>, _ usage: String) throws(FormulaError) {
      guard n.contains(args.count) else {
        throw fail(.rulesWrongArguments, Phrase("error.type_checker_calls.1", ["name": .text("\(name)"), "usage": .what(usage)]), r)
      }
    }
    func number(_ e: Expression, scope s: String? = scope) throws(FormulaError) -> CoreNode {
      let n = try check(e, scope: s)
      guard case .number = n.type else {
        throw fail(
          .rulesTypeMismatch,
          Phrase(
            "error.type_checker_calls.2", ["name": .text("\(name)"), "value": .text("\(text(e.range))"), "n_type": .phrase(n.type.phrase)]),
          e.range)
      }
      return n
    }
    switch name {
    case "min", "max":
      try arity(2...2, "two or more numbers")
      let (x, y) = unify(try number(args[0].value), try number(args[1].value))
      guard x.type == y.type else {
        throw fail(
          .rulesUnitMismatch,
          Phrase(
            "error.type_checker_calls.3", ["name": .text("\(name)"), "x_type": .phrase(x.type.phrase), "y_type": .phrase(y.type.phrase)]), r
        )
      }
      return node(.binary(name == "min" ? .minimum : .maximum, x, y), x.type, r)
    case "abs", "floor", "ceil":
      try arity(1...1, "one number")
      let x = try number(args[0].value)
      let op: UnaryOperator = name == "abs" ? .abs : name == "floor" ? .floor : .ceil
      return node(.unary(op, x), x.type, r)
    case "round":
      try arity(1...2, "a number and, optionally, a count of decimals: round(x, 2) rounds to the cent")
      let x = try number(args[0].value)
      var decimals = 0
      if args.count == 2 {
        guard case .number(let d, nil, _) = args[1].value, d == d.rounded(), (0...6).contains(d) else {
          throw fail(.rulesWrongArguments, Phrase("error.type_checker_calls.4"), args[1].value.range)
        }
        decimals = Int(d)
      }
      return node(.unary(.round(decimals: decimals), x), x.type, r)
    case "scale", "bracket_rate":
      try arity(2...2, "a scale parameter and a base: \(name)(bareme, base)")
      guard case .name(let p, let pr) = args[0].value, let parameter = symbols.parameters[p], parameter.isScale else {
        throw fail(.rulesTypeMismatch, Phrase("error.type_checker_calls.5", ["name": .text("\(name)")]), args[0].value.range)
      }
      let base = try number(args[1].value)
      guard base.type == .number(parameter.unit) else {
        throw fail(
          .rulesUnitMismatch,
          Phrase(
            "error.type_checker_calls.6",
            ["p": .text("\(p)"), "parameter_unit": .text("\(parameter.unit)"), "base_type": .phrase(base.type.phrase)]), args[1].value.range
        )
      }
      _ = pr
      let mode: Scale.Mode = name == "scale" ? .marginal : .bracketRate
      return node(.scale(p, mode, base), mode == .marginal ? base.type : .number(.dimensionless), r)
    case "value_at":
      try arity(2...2, "a parameter and a month: value_at(taux, start)")
      guard case .name(let p, _) = args[0].value, let parameter = symbols.parameters[p], !parameter.isScale else {
        throw fail(.rulesTypeMismatch, Phrase("error.type_checker_calls.7"), args[0].value.range)
      }
      let month = try check(args[1].value, scope: scope)
      guard month.type == .month else {
        throw fail(
          .rulesTypeMismatch, Phrase("error.type_checker_calls.8", ["month_type": .phrase(month.type.phrase)]), args[1].value.range)
      }
      return node(.parameterAt(p, month), .number(parameter.unit), r)
    case "sum":
      try arity(2...3, "an entity kind, a value and, optionally, a filter: sum(position, cost, where contract == \"cdd\")")
      guard case .name(let kind, let kr) = args[0].value, symbols.entityKinds.contains(kind) else {
        let known = symbols.entityKinds.sorted().joined(separator: ", ")
        throw fail(.rulesUnknownEntity, Phrase("error.type_checker_calls.9", ["known": .text("\(known)")]), args[0].value.range)
      }
      _ = kr
      let value = try number(args[1].value, scope: kind)
      var filter: CoreNode?
      if args.count == 3 {
        let f = try check(args[2].value, scope: kind)
        guard f.type == .bool else {
          throw fail(.rulesTypeMismatch, Phrase("error.type_checker_calls.10", ["f_type": .phrase(f.type.phrase)]), args[2].value.range)
        }
        filter = f
      }
      return node(.sum(entity: kind, value, filter: filter), value.type, r)
    case "previous_month":
      guard args.count == 2 else {
        throw fail(.rulesWrongArguments, Phrase("error.type_checker_calls.11"), r)
      }
      let (x, initial) = unify(try check(args[0].value, scope: scope), try check(args[1].value, scope: scope))
      guard x.type == initial.type else {
        throw fail(
          .rulesUnitMismatch,
          Phrase("error.type_checker_calls.12", ["initial_type": .phrase(initial.type.phrase), "x_type": .phrase(x.type.phrase)]),
          args[1].value.range)
      }
      return node(.previousMonth(x, initial: initial), x.type, r)
    case "exercise_total":
      try arity(1...3, "a monthly number: exercise_total(x)")
      let x = try number(args[0].value)
      var offset = 0
      var initial: CoreNode?
      for a in args.dropFirst() {
        if a.label == "offset", case .number(let o, nil, _) = a.value {
          guard o == o.rounded(), abs(o) <= 100 else {
            throw fail(.rulesWrongArguments, Phrase("error.type_checker_calls.13"), a.value.range)
          }
          offset = Int(o)
        }
        if a.label == "initial" {
          let (_, i) = unify(x, try check(a.value, scope: scope))
          guard i.type == x.type else {
            throw fail(
              .rulesUnitMismatch,
              Phrase("error.type_checker_calls.14", ["i_type": .phrase(i.type.phrase), "x_type": .phrase(x.type.phrase)]), a.value.range)
          }
          initial = i
        }
      }
      return node(.exerciseTotal(x, offset: offset, initial: initial), x.type, r)
    case "year_total":
      try arity(1...1, "a monthly number: year_total(pay)")
      let x = try number(args[0].value)
      return node(.yearTotal(x), x.type, r)
    case "cumulative":
      try arity(1...1, "a monthly number: cumulative(result)")
      let x = try number(args[0].value)
      return node(.cumulative(x), x.type, r)
    case "current_month":
      try arity(0...0, "no argument")
      return node(.calendar(.currentMonth), .month, r)
    case "months_in_exercise", "month_of_exercise":
      try arity(0...0, "no argument")
      return node(.calendar(CalendarQuantity(rawValue: name)!), .number(.month), r)
    default:
      let near = Suggestion.nearest(to: name, among: Self.functionNames + Desugar.names)
      throw fail(
        .rulesUnknownFunction, Phrase("error.formula.unknown_function", ["name": .text(name), "near": Phrase.suggestion(near)]), r)
    }
  }
}
