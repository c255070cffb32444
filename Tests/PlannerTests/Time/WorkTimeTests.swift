import TestSupport
import Testing

@testable import Planner

@Suite struct WorkTimeTests {
  @Test func weeksToMonths() {
    #expect(isClose(WorkTime.monthlyHours(weekly: 35), 151.666666666666667))
    #expect(isClose(WorkTime.monthlyHours(weekly: 24), 104))
  }

  @Test func fteProRata() {
    // The seed's 2010-2011 exercise runs 14 months: its full time is 1820 × 14 / 12 h.
    #expect(isClose(WorkTime.fullTimeHours(months: 14, hoursPerYear: 1820), 2123.333333333333))
    #expect(isClose(WorkTime.fte(hours: 910, months: 12, hoursPerYear: 1820), 0.5))
  }
}
