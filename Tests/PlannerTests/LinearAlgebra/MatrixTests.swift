import Testing

@testable import Planner

@Suite struct MatrixTests {
  @Test func columnSumsThroughBLAS() {
    let m = Matrix(rows: 3, columns: 2, data: [1, 2, 3, 4, 5, 6])
    #expect(m.columnSums() == [9, 12])
    #expect(m.times([1, 1]) == [3, 7, 11])
    #expect(Matrix.dot([1, 2, 3], [4, 5, 6]) == 32)
  }

  @Test func degenerateShapes() {
    #expect(Matrix(rows: 0, columns: 3, data: []).columnSums() == [0, 0, 0])
    #expect(Matrix(rows: 1, columns: 2, data: [7, 8]).columnSums() == [7, 8])
  }
}
