import COpenBLAS

/// A dense row-major matrix of doubles, the engine's door to OpenBLAS.
///
/// Only this folder imports the C library; everything else sees Swift types.
public struct Matrix: Sendable, Equatable {
  public var rows: Int
  public var columns: Int
  public var data: [Double]

  public init(rows: Int, columns: Int, data: [Double]) {
    precondition(data.count == rows * columns, "matrix data does not match its shape")
    self.rows = rows
    self.columns = columns
    self.data = data
  }

  /// OpenBLAS runs single-threaded: the engine's matrices are small (tens of entities) and
  /// its parallelism is over chunks of variants; OpenBLAS' own threads would only spin.
  static let singleThreaded: Void = openblas_set_num_threads(1)

  /// The sum of each column (`1ᵀ A`), through BLAS `dgemv`. Used to sum over entities.
  public func columnSums() -> [Double] {
    Matrix.singleThreaded
    guard rows > 1 else { return rows == 1 ? data : Array(repeating: 0, count: columns) }
    let ones = [Double](repeating: 1, count: rows)
    var y = [Double](repeating: 0, count: columns)
    cblas_dgemv(
      CblasRowMajor, CblasTrans, Int32(rows), Int32(columns), 1.0, data, Int32(columns), ones, 1, 0.0, &y, 1)
    return y
  }

  /// `A x`, through BLAS `dgemv`.
  public func times(_ x: [Double]) -> [Double] {
    precondition(x.count == columns)
    Matrix.singleThreaded
    var y = [Double](repeating: 0, count: rows)
    cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(rows), Int32(columns), 1.0, data, Int32(columns), x, 1, 0.0, &y, 1)
    return y
  }

  /// The dot product of two vectors, through BLAS `ddot`.
  public static func dot(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    Matrix.singleThreaded
    return cblas_ddot(Int32(a.count), a, 1, b, 1)
  }
}
