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

  @Test func unitsAreKeptAndChecked() throws {
    let l = try Literal.parse("35 h/week").get()
    #expect(l.unit == Unit.hour / Unit.base("week")!)
    #expect(Literal.value("300 h", expected: .euro) == nil)
    #expect(Literal.value("300", expected: .euro) == 300)
    #expect(Literal.value("3 %", expected: .dimensionless) == 0.03)
  }
}
