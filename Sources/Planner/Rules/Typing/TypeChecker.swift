/// Resolves names and checks types and units of one formula, producing typed core nodes.
///
/// Rules are declared with their unit, so each formula is checked on its own: a reference
/// to another rule takes that rule's declared type.
struct TypeChecker {
  let symbols: Symbols
  let formula: [Unicode.Scalar]
  var nextID: Int
  var ruleReferences: [Int] = []

  init(symbols: Symbols, formula: String, firstID: Int) {
    self.symbols = symbols
    self.formula = Array(formula.unicodeScalars)
    self.nextID = firstID
  }

  // MARK: - Building nodes

  /// A node of the formula; its text, for explanations, is read from its range when asked
  /// (`RuleSet.Rule.text(of:)`).
  mutating func node(_ kind: CoreNode.Kind, _ type: ValueType, _ range: SourceRange) -> CoreNode {
    defer { nextID += 1 }
    return CoreNode(id: nextID, kind: kind, type: type, range: range)
  }

  func fail(_ id: DiagnosticID, _ message: Phrase, _ range: SourceRange, notes: [Diagnostic.Note] = []) -> FormulaError {
    .message(id, message, at: range, notes: notes)
  }

  /// A literal `0` without unit fits any unit: `x > 0`, `max(0, x)`, `if c then x else 0`.
  func isBareZero(_ n: CoreNode) -> Bool {
    if case .constant(0) = n.kind, n.type == .number(.dimensionless) { return true }
    return false
  }

  /// Makes two numbers agree in unit (a bare zero takes the other side's unit).
  func unify(_ a: CoreNode, _ b: CoreNode) -> (CoreNode, CoreNode) {
    var a = a
    var b = b
    if case .number = b.type, isBareZero(a) { a.type = b.type }
    if case .number = a.type, isBareZero(b) { b.type = a.type }
    return (a, b)
  }

  // MARK: - Checking

  mutating func check(_ e: Expression, scope: String?) throws(FormulaError) -> CoreNode {
    switch e {
    case .number(let v, let unitText, let r):
      guard let unitText else { return node(.constant(v), .number(.dimensionless), r) }
      guard let (unit, scale) = Unit.parse(unitText) else { throw FormulaError(.unknownUnit(unitText), offset: r.offset, length: r.length) }
      return node(.constant(Literal.scaled(v, by: scale)), .number(unit), r)
    case .string(_, let r):
      throw fail(.rulesTypeMismatch, Phrase("error.type_checker.1"), r)
    case .boolean(let b, let r):
      return node(.constant(b ? 1 : 0), .bool, r)
    case .name(let name, let r):
      return try reference(name, scope: scope, r)
    case .unary(let op, let a, let r):
      let x = try check(a, scope: scope)
      if op == "not" {
        guard x.type == .bool else {
          throw fail(
            .rulesTypeMismatch, Phrase("error.type_checker.2", ["value": .text("\(text(a.range))"), "x_type": .phrase(x.type.phrase)]),
            a.range)
        }
        return node(.unary(.not, x), .bool, r)
      }
      guard case .number = x.type else {
        throw fail(
          .rulesTypeMismatch, Phrase("error.type_checker.3", ["value": .text("\(text(a.range))"), "x_type": .phrase(x.type.phrase)]),
          a.range)
      }
      return node(.unary(.negate, x), x.type, r)
    case .binary(let op, let a, let b, let r):
      return try binary(op, a, b, r, scope: scope)
    case .conditional(let c, let a, let b, let r):
      let cond = try check(c, scope: scope)
      guard cond.type == .bool else {
        throw fail(
          .rulesTypeMismatch, Phrase("error.type_checker.4", ["value": .text("\(text(c.range))"), "cond_type": .phrase(cond.type.phrase)]),
          c.range)
      }
      let (x, y) = unify(try check(a, scope: scope), try check(b, scope: scope))
      guard x.type == y.type else {
        throw fail(
          .rulesUnitMismatch, Phrase("error.type_checker.5", ["x_type": .phrase(x.type.phrase), "y_type": .phrase(y.type.phrase)]), r)
      }
      return node(.select(cond, x, y), x.type, r)
    case .call(let name, let args, let r):
      return try call(name, args, r, scope: scope)
    }
  }

  func text(_ r: SourceRange) -> String {
    let lower = max(0, min(r.offset, formula.count))
    let upper = max(lower, min(r.offset + r.length, formula.count))
    var s = ""
    s.unicodeScalars.append(contentsOf: formula[lower..<upper])
    return s
  }

  private mutating func reference(_ name: String, scope: String?, _ r: SourceRange) throws(FormulaError) -> CoreNode {
    if let scope, let i = symbols.inputs["\(scope).\(name)"] {
      return node(.input(i.index), i.input.type, r)
    }
    if let rule = symbols.rules[name] {
      if let entity = rule.entity, entity != scope {
        let from = scope.map { Phrase("error.type.rule_per", ["entity": .text($0)]) } ?? Phrase("error.type.rule_whole")
        throw fail(
          .rulesWrongEntity,
          Phrase("error.type_checker.6", ["name": .text("\(name)"), "entity": .text("\(entity)"), "from": .phrase(from)]), r,
          notes: [.init(Phrase("diagnostic.note.defined_here", ["name": .text(name)]), at: rule.location)])
      }
      ruleReferences.append(rule.index)
      return node(.rule(rule.index), rule.type, r)
    }
    if let i = symbols.inputs[name] {
      return node(.input(i.index), i.input.type, r)
    }
    if let p = symbols.parameters[name] {
      if p.isScale {
        throw fail(.rulesTypeMismatch, Phrase("error.type_checker.7", ["name": .text("\(name)")]), r)
      }
      return node(.parameter(name), .number(p.unit), r)
    }
    let inputElsewhere = symbols.inputs.values.first { $0.input.name == name && $0.input.entity != scope }
    if let other = inputElsewhere, let entity = other.input.entity {
      throw fail(.rulesWrongEntity, Phrase("error.type_checker.8", ["name": .text("\(name)"), "entity": .text("\(entity)")]), r)
    }
    let near = Suggestion.nearest(to: name, among: symbols.visibleNames(scope: scope))
    throw fail(.rulesUnknownReference, Phrase("error.formula.unknown_name", ["name": .text(name), "near": Phrase.suggestion(near)]), r)
  }

  private mutating func binary(_ op: String, _ a: Expression, _ b: Expression, _ r: SourceRange, scope: String?)
    throws(FormulaError) -> CoreNode
  {
    // A category compared with a text in quotes: the text becomes the category's index.
    if op == "==" || op == "!=" {
      if case .string(let s, let sr) = b { return try categoryTest(op, a, s, sr, r, scope: scope) }
      if case .string(let s, let sr) = a { return try categoryTest(op, b, s, sr, r, scope: scope) }
    }
    let (x, y) = unify(try check(a, scope: scope), try check(b, scope: scope))
    switch op {
    case "and", "or":
      for (n, e) in [(x, a), (y, b)] where n.type != .bool {
        throw fail(
          .rulesTypeMismatch,
          Phrase("error.type_checker.9", ["op": .text("\(op)"), "value": .text("\(text(e.range))"), "n_type": .phrase(n.type.phrase)]),
          e.range)
      }
      return node(.binary(op == "and" ? .and : .or, x, y), .bool, r)
    case "+", "-":
      if op == "-", x.type == .month, y.type == .month {
        // The number of months from one month to another.
        return node(.binary(.subtract, x, y), .number(.month), r)
      }
      guard case .number(let u) = x.type, case .number(let v) = y.type else {
        throw fail(
          .rulesTypeMismatch,
          Phrase("error.type_checker.10", ["op": .text("\(op)"), "x_type": .phrase(x.type.phrase), "y_type": .phrase(y.type.phrase)]), r)
      }
      guard u == v else {
        let verb = Phrase(op == "+" ? "error.type.add" : "error.type.subtract")
        throw fail(
          .rulesUnitMismatch,
          Phrase(
            "error.type_checker.11",
            [
              "verb": .phrase(verb), "x_type": .phrase(x.type.phrase), "y_type": .phrase(y.type.phrase), "value": .text("\(text(a.range))"),
              "op": .text("\(op)"), "value2": .text("\(text(b.range))"),
            ]), r)
      }
      return node(.binary(op == "+" ? .add : .subtract, x, y), x.type, r)
    case "*", "/":
      guard case .number(let u) = x.type, case .number(let v) = y.type else {
        throw fail(
          .rulesTypeMismatch,
          Phrase("error.type_checker.12", ["op": .text("\(op)"), "x_type": .phrase(x.type.phrase), "y_type": .phrase(y.type.phrase)]), r)
      }
      let unit = op == "*" ? u * v : u / v
      guard unit.isWithinPowers else {
        throw fail(
          .rulesUnitMismatch,
          Phrase("error.type_checker.13", ["value": .text("\(text(r))"), "unit_maximum_power": .text("\(Unit.maximumPower)")]), r
        )
      }
      return node(.binary(op == "*" ? .multiply : .divide, x, y), .number(unit), r)
    default:
      let comparable: Bool
      switch (x.type, y.type) {
      case (.number(let u), .number(let v)): comparable = u == v
      case (.month, .month): comparable = true
      case (.bool, .bool): comparable = op == "==" || op == "!="
      default: comparable = false
      }
      guard comparable else {
        throw fail(
          .rulesUnitMismatch,
          Phrase(
            "error.type_checker.14",
            [
              "x_type": .phrase(x.type.phrase), "y_type": .phrase(y.type.phrase), "value": .text("\(text(a.range))"), "op": .text("\(op)"),
              "value2": .text("\(text(b.range))"),
            ]), r)
      }
      let ops: [String: BinaryOperator] = [
        "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual, "==": .equal, "!=": .notEqual,
      ]
      return node(.binary(ops[op]!, x, y), .bool, r)
    }
  }

  private mutating func categoryTest(
    _ op: String, _ e: Expression, _ value: String, _ valueRange: SourceRange, _ r: SourceRange, scope: String?
  ) throws(FormulaError) -> CoreNode {
    let x = try check(e, scope: scope)
    guard case .input(let i) = x.kind, x.type == .text else {
      throw fail(
        .rulesTypeMismatch,
        Phrase(
          "error.type_checker.15", ["value": .text("\(text(e.range))"), "x_type": .phrase(x.type.phrase), "value2": .text("\(value)")]), r)
    }
    let input = symbols.inputs.values.first { $0.index == i }!.input
    guard let code = input.categories.firstIndex(of: value) else {
      var message = Phrase(
        "error.formula.not_a_value", ["value": .text(value), "input": .text(input.name), "list": .list(input.categories)])
      if let s = Suggestion.nearest(to: value, among: input.categories) {
        message = Phrase("error.formula.not_a_value_near", ["value": .text(value), "input": .text(input.name), "near": .text(s)])
      }
      throw fail(.rulesUnknownCategory, message, valueRange)
    }
    let constant = node(.constant(Double(code)), .text, valueRange)
    return node(.binary(op == "==" ? .equal : .notEqual, x, constant), .bool, r)
  }
}
