import Foundation
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

  /// The rounding without the C library agrees with `rounded(.toNearestOrAwayFromZero)` bit
  /// for bit: ties of both parities and signs, around 2⁵² and 2⁵³, tiny and huge values,
  /// infinities, and random values at every scale.
  @Test func roundedHalfAwayIsTheStandardRounding() {
    var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 1e-310, -1e-310]
    values += [.infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude]
    for p in [51.0, 52, 53] {
      let b = pow(2, p)
      values += [b, b - 0.5, b + 0.5, b - 1, b + 1, b - 1.5, b.nextDown, b.nextUp].flatMap { [$0, -$0] }
    }
    var rng = SplitMix64(seed: 7)
    for _ in 0..<200_000 {
      let magnitude = pow(10, Double(rng.next() % 34) - 12)
      let x = (Double(rng.next() >> 11) / Double(1 << 53) - 0.5) * magnitude
      values += [x, (x * 2).rounded() / 2]
    }
    let differ = values.filter { Kernels.roundedHalfAway($0).bitPattern != $0.rounded(.toNearestOrAwayFromZero).bitPattern }
    #expect(differ.isEmpty, "\(differ.prefix(5))")
    #expect(Kernels.roundedHalfAway(.nan).isNaN)
  }

  /// A chain of additions and subtractions in one pass gives the bits of the same chain one
  /// binary operator at a time, whatever each block broadcasts (and a block with no rows
  /// makes the result empty, as it does a binary operation).
  @Test func additionsInOnePassAreTheChainOfOperators() {
    var rng = SplitMix64(seed: 11)
    func block(rows: Int, months: Int, width: Int) -> Block {
      let data = (0..<(rows * months * width)).map { _ in (rng.uniform() - 0.5) * pow(10, Double(rng.next() % 9)) }
      return Block(rows: rows, months: months, width: width, data: data)
    }
    for _ in 0..<300 {
      let (rows, months, width) = (Int(rng.next() % 3) + 1, Int(rng.next() % 4) + 1, Int(rng.next() % 5) + 1)
      let count = Int(rng.next() % 5) + 2
      var blocks = (0..<count).map { _ in
        block(rows: rng.next() % 2 == 0 ? 1 : rows, months: rng.next() % 2 == 0 ? 1 : months, width: rng.next() % 2 == 0 ? 1 : width)
      }
      if rng.next() % 20 == 0 { blocks[Int(rng.next() % UInt64(count))] = Block(rows: 0, months: 1, width: 1, data: []) }
      let subtract = [false] + (1..<count).map { _ in rng.next() % 2 == 0 }
      var chained = blocks[0]
      for k in 1..<count { chained = Kernels.binary(subtract[k] ? .subtract : .add, chained, blocks[k]) }
      var pool = BufferPool()
      let fused = Kernels.additions(blocks, subtract: subtract, pool: &pool)
      #expect(fused.rows == chained.rows && fused.months == chained.months && fused.width == chained.width)
      #expect(fused.data.map(\.bitPattern) == chained.data.map(\.bitPattern))
    }
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
