import Testing

@testable import Planner

@Suite struct UnitTests {
  @Test(arguments: ["EUR", "EUR/h", "h/week", "FTE", "ratio", "h/FTE", "EUR/month", "count"])
  func roundTrips(_ text: String) throws {
    let (u, scale) = try #require(Unit.parse(text))
    #expect(scale == 1)
    #expect(u.description == text)
  }

  @Test func percentIsAScaledRatio() throws {
    let (u, scale) = try #require(Unit.parse("%"))
    #expect(u.isDimensionless)
    #expect(scale == 0.01)
  }

  @Test func algebra() {
    #expect((Unit.euro / Unit.hour) * Unit.hour == Unit.euro)
    #expect(Unit.hour / (Unit.hour / Unit.fte) == Unit.fte)
    #expect(Unit.parse("EURO") == nil)
  }

  @Test func aBareZeroTakesTheOtherSidesUnit() throws {
    let set = try Fixtures.compile(
      """
      inputs:
        x: {unit: EUR}
      rules:
        positive:
          type: condition
          formula: x > 0
        floor_at_zero:
          unit: EUR
          formula: max(0, x)
      """)
    #expect(set.rules.count == 2)
  }
}
