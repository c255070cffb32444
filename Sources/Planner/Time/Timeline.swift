/// The months a run covers, cut into exercises that follow each other without gaps.
public struct Timeline: Sendable, Hashable {
  public let months: MonthRange
  public let exercises: [Exercise]
  /// For each month of `months`, the index of its exercise.
  public let exerciseIndex: [Int]

  /// Builds a timeline from consecutive exercises.
  /// - Throws: when exercises overlap or leave a gap.
  public init(exercises: [Exercise]) throws(DiagnosticList) {
    guard let first = exercises.first, let last = exercises.last else {
      throw DiagnosticList([.error(.timeNoExercise, Phrase("error.time_no_exercise.1"))])
    }
    for (a, b) in zip(exercises, exercises.dropFirst()) where a.months.last.adding(months: 1) != b.months.first {
      throw DiagnosticList([
        .error(
          .timeExerciseGap,
          Phrase(
            "error.time_exercise_gap.1",
            [
              "b_id": .text("\(b.id)"), "b_months_first": .text("\(b.months.first)"), "a_id": .text("\(a.id)"),
              "a_months_last": .text("\(a.months.last)"),
            ])
        )
      ])
    }
    self.months = MonthRange(first.months.first, last.months.last)
    self.exercises = exercises
    var index: [Int] = []
    for (i, e) in exercises.enumerated() { index += Array(repeating: i, count: e.monthCount) }
    self.exerciseIndex = index
  }

  /// One exercise per calendar year from `first` to `last` (the first and last may be partial).
  public init(months: MonthRange) {
    var exercises: [Exercise] = []
    var start = months.first
    while start <= months.last {
      let end = min(Month(start.year, 12), months.last)
      exercises.append(Exercise(id: "\(start.year)", months: MonthRange(start, end)))
      start = end.adding(months: 1)
    }
    // Consecutive by construction.
    self = try! Timeline(exercises: exercises)
  }

  public var monthCount: Int { months.count }

  public func exercise(_ id: String) -> Exercise? { exercises.first { $0.id == id } }

  /// The index in the timeline of the first month of exercise `e`.
  public func firstMonth(ofExercise e: Int) -> Int { exercises[..<e].reduce(0) { $0 + $1.monthCount } }

  /// The indices in the timeline of the months of exercise `e`.
  public func months(ofExercise e: Int) -> Range<Int> {
    let first = firstMonth(ofExercise: e)
    return first..<(first + exercises[e].monthCount)
  }
}
