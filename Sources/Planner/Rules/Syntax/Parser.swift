/// Parses a formula into an ``Expression``, one function per precedence level, lowest first:
/// `if … then … else …`, `or`, `and`, `not`, comparisons, `+ -`, `* /`, unary `-`, primaries.
package struct Parser {
  var tokens: [Token]
  var position = 0
  /// How deeply the parser has recursed into nested parentheses, calls, conditions and signs.
  var nesting = 0

  /// The deepest a formula may be: nested constructs, and the depth of its tree (a chain of
  /// additions is as deep as it is long). Formulas of the rule packs stay below 40; the
  /// limit keeps every pass over a formula (typing, evaluation, explanation) from exhausting
  /// a thread's stack. A longer formula is split into rules.
  package static let maximumDepth = 200
  /// The most tokens a formula may have (names, numbers, signs).
  package static let maximumTokens = 4000

  /// Parses a whole formula.
  package static func parse(_ text: String) throws(FormulaError) -> Expression {
    let tokens = try Lexer.tokenize(text)
    if tokens.count == 1 { throw FormulaError(.emptyFormula, offset: 0, length: 1) }
    if tokens.count > maximumTokens {
      throw FormulaError(
        .message(
          id: .rulesFormulaTooDeep,
          Phrase("error.parser.1", ["value": .text("\(tokens.count - 1)"), "maximum_tokens": .text("\(maximumTokens)")])),
        offset: 0, length: 1)
    }
    var parser = Parser(tokens: tokens)
    let e = try parser.expression()
    guard parser.current.kind == .end else {
      throw parser.unexpected("an operator or the end of the formula")
    }
    if let deep = e.firstNode(deeperThan: maximumDepth) {
      throw tooDeep(deep)
    }
    return e
  }

  static func tooDeep(_ range: SourceRange) -> FormulaError {
    FormulaError(
      .message(
        id: .rulesFormulaTooDeep,
        Phrase("error.parser.2", ["maximum_depth": .text("\(maximumDepth)")])),
      offset: range.offset, length: max(1, range.length))
  }

  /// Enters a nested construct; fails past the maximum depth.
  mutating func enter() throws(FormulaError) {
    nesting += 1
    if nesting > Self.maximumDepth { throw Self.tooDeep(SourceRange(offset: current.offset, length: max(1, current.length))) }
  }

  var current: Token { tokens[position] }

  mutating func advance() -> Token {
    let t = tokens[position]
    if position < tokens.count - 1 { position += 1 }
    return t
  }

  func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }
  func isKeyword(_ k: String) -> Bool { current.kind == .keyword(k) }

  func unexpected(_ what: String) -> FormulaError {
    FormulaError(.expected(what, found: describe(current)), offset: current.offset, length: max(1, current.length))
  }

  func describe(_ t: Token) -> String {
    switch t.kind {
    case .end: return "the end of the formula"
    case .number: return "a number"
    case .identifier(let n): return "'\(n)'"
    case .string(let s): return "\"\(s)\""
    case .symbol(let s): return "'\(s)'"
    case .keyword(let k): return "'\(k)'"
    }
  }

  mutating func expect(symbol s: String, _ what: String) throws(FormulaError) -> Token {
    guard isSymbol(s) else { throw unexpected(what) }
    return advance()
  }

  // MARK: - Precedence levels

  mutating func expression() throws(FormulaError) -> Expression {
    try enter()
    defer { nesting -= 1 }
    guard isKeyword("if") else { return try disjunction() }
    let start = advance()
    let condition = try expression()
    guard isKeyword("then") else { throw unexpected("'then'") }
    _ = advance()
    let yes = try expression()
    guard isKeyword("else") else { throw unexpected("'else' (every 'if' needs both branches)") }
    _ = advance()
    let no = try expression()
    let range = SourceRange(offset: start.offset, length: start.length).union(no.range)
    return .conditional(condition, yes, no, range)
  }

  mutating func disjunction() throws(FormulaError) -> Expression {
    var left = try conjunction()
    while isKeyword("or") {
      _ = advance()
      let right = try conjunction()
      left = .binary("or", left, right, left.range.union(right.range))
    }
    return left
  }

  mutating func conjunction() throws(FormulaError) -> Expression {
    var left = try negation()
    while isKeyword("and") {
      _ = advance()
      let right = try negation()
      left = .binary("and", left, right, left.range.union(right.range))
    }
    return left
  }

  mutating func negation() throws(FormulaError) -> Expression {
    guard isKeyword("not") else { return try comparison() }
    try enter()
    defer { nesting -= 1 }
    let t = advance()
    let operand = try negation()
    return .unary("not", operand, SourceRange(offset: t.offset, length: t.length).union(operand.range))
  }

  mutating func comparison() throws(FormulaError) -> Expression {
    let left = try additive()
    for op in ["==", "!=", "<", "<=", ">", ">="] where isSymbol(op) {
      _ = advance()
      let right = try additive()
      return .binary(op, left, right, left.range.union(right.range))
    }
    return left
  }

  mutating func additive() throws(FormulaError) -> Expression {
    var left = try multiplicative()
    while isSymbol("+") || isSymbol("-") {
      guard case .symbol(let op) = advance().kind else { break }
      let right = try multiplicative()
      left = .binary(op, left, right, left.range.union(right.range))
    }
    return left
  }

  mutating func multiplicative() throws(FormulaError) -> Expression {
    var left = try unary()
    while isSymbol("*") || isSymbol("/") {
      guard case .symbol(let op) = advance().kind else { break }
      let right = try unary()
      left = .binary(op, left, right, left.range.union(right.range))
    }
    return left
  }

  mutating func unary() throws(FormulaError) -> Expression {
    guard isSymbol("-") else { return try primary() }
    try enter()
    defer { nesting -= 1 }
    let t = advance()
    let operand = try unary()
    return .unary("-", operand, SourceRange(offset: t.offset, length: t.length).union(operand.range))
  }

  mutating func primary() throws(FormulaError) -> Expression {
    let t = current
    let range = SourceRange(offset: t.offset, length: t.length)
    switch t.kind {
    case .number(let v, let unit):
      _ = advance()
      return .number(v, unit: unit, range)
    case .string(let s):
      _ = advance()
      return .string(s, range)
    case .keyword("true"), .keyword("false"):
      _ = advance()
      return .boolean(t.kind == .keyword("true"), range)
    case .identifier(let name):
      _ = advance()
      guard isSymbol("(") else { return .name(name, range) }
      _ = advance()
      var arguments: [Expression.Argument] = []
      if !isSymbol(")") {
        repeat {
          if !arguments.isEmpty { _ = advance() }
          var label: String?
          if case .identifier(let l) = current.kind, tokens[position + 1].kind == .symbol(":") {
            label = l
            _ = advance()
            _ = advance()
          } else if current.kind == .identifier("where") {
            // `where` needs no colon: a colon followed by a space is not allowed in a plain
            // YAML value, so `sum(position, gross, where contract == "cdd")` reads better.
            label = "where"
            _ = advance()
          }
          arguments.append(Expression.Argument(label: label, try expression()))
        } while isSymbol(",")
      }
      let close = try expect(symbol: ")", "',' or ')' to close the call of \(name)")
      return .call(name, arguments, range.union(SourceRange(offset: close.offset, length: 1)))
    case .symbol("("):
      _ = advance()
      let inner = try expression()
      let close = try expect(symbol: ")", "')'")
      // The parentheses belong to the expression's text (for explanations).
      return inner.with(range: range.union(SourceRange(offset: close.offset, length: 1)))
    default:
      throw unexpected("a number, a name or '('")
    }
  }
}
