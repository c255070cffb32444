import Testing

@testable import Planner

/// The one grammar for numbers written by users, in every file and argument.
@Suite struct LiteralTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var value: Double?
    var testDescription: String { "'\(text)'" }
  }

  static let cases: [Case] = [
    Case(text: "1820", value: 1820), Case(text: " 0.5 ", value: 0.5), Case(text: "1_000", value: 1000),
    Case(text: "5000 EUR", value: 5000), Case(text: "5000EUR", value: 5000), Case(text: "1.1 %", value: 0.011),
    Case(text: "20%", value: 0.2), Case(text: "-3.5", value: -3.5), Case(text: "−2", value: -2), Case(text: "+4", value: 4),
    Case(text: "2e-3", value: 0.002), Case(text: "35 h/week", value: 35), Case(text: "5000\u{a0}EUR", value: 5000),
    // Refused: not a number, not finite, trailing words, an unknown unit.
    Case(text: "nan", value: nil), Case(text: "inf", value: nil), Case(text: "1e999", value: nil), Case(text: "0x10", value: nil),
    Case(text: "12 apples", value: nil), Case(text: "1.5.3", value: nil), Case(text: "", value: nil), Case(text: "- 5 5", value: nil),
    Case(text: "+201-01", value: nil),
  ]

  @Test(arguments: cases) func reads(_ c: Case) {
    let v = Literal.value(c.text)
    #expect(v.map { abs($0 - (c.value ?? .nan)) < 1e-12 } ?? (c.value == nil), "\(String(describing: v))")
  }

  /// A percentage is the double nearest the decimal written, as a rate of the law reads:
  /// `5.4 %` is 0.054, not 5.4 × 0.01 (0.054000000000000006, one step above), in a file and in
  /// a formula alike.
  @Test func aPercentageIsTheDecimalWritten() throws {
    for (text, value) in [("5.4 %", 0.054), ("1.1 %", 0.011), ("5.25 %", 0.0525), ("0.3 %", 0.003), ("100 %", 1.0), ("-2.1 %", -0.021)] {
      let v = try #require(Literal.value(text))
      #expect(v.bitPattern == value.bitPattern, "\(text): \(v)")
    }
    #expect(Literal.scaled(1e-30, by: 0.01) == 1e-30 * 0.01)  // beyond plain decimals: scaled as before
    let set = try Fixtures.compile("rules:\n  rate:\n    unit: ratio\n    formula: 5.4 %\n")
    guard case .constant(let c) = try #require(set.rule(named: "rate")).root.kind else {
      Issue.record("not a constant")
      return
    }
    #expect(c.bitPattern == 0.054.bitPattern)
  }

  @Test func unitsAreKeptAndChecked() throws {
    let l = try Literal.parse("35 h/week").get()
    #expect(l.unit == Unit.hour / Unit.base("week")!)
    #expect(Literal.value("300 h", expected: .euro) == nil)
    #expect(Literal.value("300", expected: .euro) == 300)
    #expect(Literal.value("3 %", expected: .dimensionless) == 0.03)
  }
}
