import Testing

@testable import Planner

@Suite struct MonthTests {
  @Test(arguments: [("2012-01", 2012, 1), ("2010-11", 2010, 11), ("2013-12-01", 2013, 12)])
  func parses(_ text: String, _ year: Int, _ month: Int) {
    #expect(Month(parsing: text) == Month(year, month))
  }

  @Test(arguments: ["2012-13", "2012-00", "12-01", "2012-1", "2012-03-15", "soon", ""])
  func rejects(_ text: String) {
    #expect(Month(parsing: text) == nil)
  }

  @Test func arithmetic() {
    let m = Month(2010, 11)
    #expect(m.adding(months: 14) == Month(2012, 1))
    #expect(m.adding(months: -11) == Month(2009, 12))
    #expect(m.distance(to: Month(2011, 12)) == 13)
    #expect(Month(ordinal: m.ordinal) == m)
    #expect("\(m)" == "2010-11")
  }

  @Test func ranges() throws {
    let r = try #require(MonthRange(parsing: "2010-11..2011-12"))
    #expect(r.count == 14)
    #expect(r.index(of: Month(2011, 1)) == 2)
    #expect(r.contains(Month(2012, 1)) == false)
    #expect(Array(r).last == Month(2011, 12))
    #expect(MonthRange(parsing: "2012-05..2012-01") == nil)
  }
}
