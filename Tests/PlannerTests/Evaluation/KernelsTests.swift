import Testing

@testable import Planner

@Suite struct KernelsTests {
  @Test(arguments: [(1.005, 1.01), (0.125, 0.13), (-0.125, -0.13), (2.675, 2.68), (1.004999, 1.0), (1234.5649, 1234.56)])
  func roundsHalfAwayFromZeroToTheCent(_ x: Double, _ expected: Double) {
    #expect(Kernels.roundHalfAwayFromZero(x, scale: 100) == expected)
  }

  /// A large whole number stays itself (the nudge is capped): 10¹² was rounded to 10¹² + 1.
  @Test func largeNumbersKeepTheirUnits() {
    #expect(Kernels.roundHalfAwayFromZero(1e12, scale: 1) == 1e12)
    #expect(Kernels.roundHalfAwayFromZero(1e12 + 0.5, scale: 1) == 1e12 + 1)
    #expect(Kernels.roundHalfAwayFromZero(-3e11, scale: 100) == -3e11)
  }

  @Test func broadcastsRowsMonthsAndVariants() {
    let perEntity = Block(rows: 2, months: 1, width: 1, data: [10, 20])
    let perMonthAndVariant = Block(rows: 1, months: 3, width: 2, data: [1, 2, 3, 4, 5, 6])
    let sum = Kernels.binary(.add, perEntity, perMonthAndVariant)
    #expect(sum.rows == 2 && sum.months == 3 && sum.width == 2)
    #expect(sum.data == [11, 12, 13, 14, 15, 16, 21, 22, 23, 24, 25, 26])
  }

  @Test func selectIgnoresTheUntakenBranch() {
    let c = Block(rows: 1, months: 2, width: 1, data: [1, 0])
    let x = Block(rows: 1, months: 2, width: 1, data: [5, .infinity])
    #expect(Kernels.select(c, x, .scalar(0)).data == [5, 0])
  }
}
