import Testing

@testable import Planner

@Suite struct TimelineTests {
  @Test func fourteenMonthFirstExercise() throws {
    let t = try Timeline(exercises: [
      Exercise(id: "2010-2011", months: MonthRange(Month(2010, 11), Month(2011, 12))),
      Exercise(id: "2012", months: MonthRange(Month(2012, 1), Month(2012, 12))),
    ])
    #expect(t.monthCount == 26)
    #expect(t.exercises[0].monthCount == 14)
    #expect(t.exerciseIndex[13] == 0)
    #expect(t.exerciseIndex[14] == 1)
  }

  @Test func aGapIsAnError() {
    #expect(throws: DiagnosticList.self) {
      try Timeline(exercises: [
        Exercise(id: "2011", months: MonthRange(Month(2011, 1), Month(2011, 12))),
        Exercise(id: "2013", months: MonthRange(Month(2013, 1), Month(2013, 12))),
      ])
    }
  }

  @Test func calendarYears() {
    let t = Timeline(months: MonthRange(Month(2010, 11), Month(2012, 3)))
    #expect(t.exercises.map(\.id) == ["2010", "2011", "2012"])
    #expect(t.exercises.map(\.monthCount) == [2, 12, 3])
  }
}
