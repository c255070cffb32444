import Testing

@testable import Planner

@Suite struct ParserTests {
  /// Renders an expression with explicit parentheses, to check precedence.
  func shape(_ e: Expression) -> String {
    switch e {
    case .number(let v, let u, _): return u.map { "\(v) \($0)" } ?? "\(v)"
    case .string(let s, _): return "\"\(s)\""
    case .boolean(let b, _): return "\(b)"
    case .name(let n, _): return n
    case .unary(let op, let a, _): return "(\(op) \(shape(a)))"
    case .binary(let op, let a, let b, _): return "(\(shape(a)) \(op) \(shape(b)))"
    case .conditional(let c, let a, let b, _): return "(if \(shape(c)) then \(shape(a)) else \(shape(b)))"
    case .call(let f, let args, _):
      return "\(f)(" + args.map { ($0.label.map { "\($0): " } ?? "") + shape($0.value) }.joined(separator: ", ") + ")"
    }
  }

  @Test(arguments: [
    ("a + b * c", "(a + (b * c))"),
    ("a - b - c", "((a - b) - c)"),
    ("-a * b", "((- a) * b)"),
    ("a < b and c or not d", "(((a < b) and c) or (not d))"),
    ("if a > 0 then b else c + 1", "(if (a > 0.0) then b else (c + 1.0))"),
    ("35 h/week * x", "(35.0 h/week * x)"),
    ("100 EUR / hours", "(100.0 EUR / hours)"),
    ("1 % * payroll", "(1.0 % * payroll)"),
    ("sum(position, gross, where contract == \"cdd\")", "sum(position, gross, where: (contract == \"cdd\"))"),
    ("cotisations.maladie.taux * 2", "(cotisations.maladie.taux * 2.0)"),
    ("1_000 EUR × 2", "(1000.0 EUR * 2.0)"),
  ])
  func precedence(_ formula: String, _ expected: String) throws {
    #expect(shape(try Parser.parse(formula)) == expected)
  }

  /// Errors are located with a marker in the input: the marker is the position.
  @Test(arguments: [
    ("salaire * 1️⃣* 2", "expected a number, a name or '(', found '*'"),
    ("(a + b1️⃣", "expected ')', found the end of the formula"),
    ("if a then b1️⃣", "expected 'else' (every 'if' needs both branches), found the end of the formula"),
    ("a 1️⃣b", "expected an operator or the end of the formula, found 'b'"),
    ("a + 1️⃣$", "unexpected character '$' in formula"),
  ])
  func errorsAreLocated(_ marked: String, _ message: String) {
    let marker = marked.unicodeScalars.firstIndex(of: "1")!
    let offset = marked.unicodeScalars.distance(from: marked.unicodeScalars.startIndex, to: marker)
    let formula = marked.replacingOccurrences(of: "1️⃣", with: "")
    do {
      _ = try Parser.parse(formula)
      Issue.record("expected an error")
    } catch {
      #expect(error.message == message)
      #expect(error.offset == offset)
    }
  }
}
