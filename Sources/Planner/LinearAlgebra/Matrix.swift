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

  /// The sum of each column (`1ᵀ A`), through BLAS `dgemv`. Used to sum over entities.
  public func columnSums() -> [Double] {
    guard rows > 1 else { return rows == 1 ? data : Array(repeating: 0, count: columns) }
    let ones = [Double](repeating: 1, count: rows)
    var y = [Double](repeating: 0, count: columns)
    OpenBLAS.functions.dgemv(
      OpenBLAS.rowMajor, OpenBLAS.trans, Int32(rows), Int32(columns), 1.0, data, Int32(columns), ones, 1, 0.0, &y, 1)
    return y
  }

  /// `A x`, through BLAS `dgemv`.
  public func times(_ x: [Double]) -> [Double] {
    precondition(x.count == columns)
    var y = [Double](repeating: 0, count: rows)
    OpenBLAS.functions.dgemv(OpenBLAS.rowMajor, OpenBLAS.noTrans, Int32(rows), Int32(columns), 1.0, data, Int32(columns), x, 1, 0.0, &y, 1)
    return y
  }

  /// The dot product of two vectors, through BLAS `ddot`.
  public static func dot(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    return OpenBLAS.functions.ddot(Int32(a.count), a, 1, b, 1)
  }

  /// The least-squares solution of `A x ≈ y` (A with more rows than columns), through
  /// LAPACK's `dgels` as OpenBLAS exports it; `nil` when A is rank-deficient.
  public func leastSquares(_ y: [Double]) -> [Double]? {
    precondition(y.count == rows && rows >= columns)
    // LAPACK is column-major: the row-major data transposed.
    var a = [Double](repeating: 0, count: rows * columns)
    for r in 0..<rows { for c in 0..<columns { a[c * rows + r] = data[r * columns + c] } }
    var b = y
    var m = Int32(rows), n = Int32(columns), nrhs: Int32 = 1, lda = Int32(rows), ldb = Int32(rows)
    var info: Int32 = 0
    var lwork: Int32 = -1
    var query = 0.0
    var trans = Int8(UInt8(ascii: "N"))
    OpenBLAS.functions.dgels(&trans, &m, &n, &nrhs, &a, &lda, &b, &ldb, &query, &lwork, &info)
    lwork = Int32(query)
    var work = [Double](repeating: 0, count: max(1, Int(lwork)))
    OpenBLAS.functions.dgels(&trans, &m, &n, &nrhs, &a, &lda, &b, &ldb, &work, &lwork, &info)
    guard info == 0 else { return nil }
    return Array(b[0..<columns])
  }
}
