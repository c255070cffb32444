/// The means and co-moments of several variables over the draws, computed chunk by chunk and
/// merged in chunk order (the pairwise update of Chan, Golub and LeVeque), so that the
/// regressions of a simulation need no per-draw copy of its inputs and give the same figures
/// whatever the threads.
struct Moments: Sendable {
  /// The number of draws.
  var n: Int
  var mean: [Double]
  /// `Σ (x_i − mean_i)(x_j − mean_j)`, row-major, `d × d`.
  var comoment: [Double]
  var d: Int { mean.count }

  /// The moments of one chunk: each column one variable, all of the same length.
  init(_ columns: [[Double]]) {
    let d = columns.count
    n = columns.first?.count ?? 0
    mean = columns.map { c in c.isEmpty ? 0 : c.reduce(0, +) / Double(c.count) }
    comoment = [Double](repeating: 0, count: d * d)
    guard n > 0 else { return }
    // The centred values draw by draw (`[draw * d + variable]`), so that a draw adds to all
    // its co-moments at once: the sums run side by side, each still added in draw order (the
    // same figures), where one sum after another waited on each of its own additions.
    var centred = [Double](repeating: 0, count: n * d)
    centred.withUnsafeMutableBufferPointer { c in
      for (i, column) in columns.enumerated() {
        precondition(column.count == n, "columns of the same length")
        for r in 0..<n { c[r * d + i] = column[r] - mean[i] }
      }
      // The upper triangle summed in place, then mirrored.
      comoment.withUnsafeMutableBufferPointer { s in
        guard let c = c.baseAddress, let s = s.baseAddress else { return }
        for r in 0..<n {
          let row = c + r * d
          for i in 0..<d {
            let x = row[i], to = s + i * d
            for j in i..<d { to[j] += x * row[j] }
          }
        }
      }
    }
    for i in 0..<d { for j in i..<d { comoment[j * d + i] = comoment[i * d + j] } }
  }

  /// The moments of both sets of draws together.
  mutating func merge(_ other: Moments) {
    guard other.n > 0 else { return }
    guard n > 0 else {
      self = other
      return
    }
    let na = Double(n), nb = Double(other.n), total = na + nb
    let delta = zip(other.mean, mean).map { $0 - $1 }
    for i in 0..<d {
      for j in 0..<d { comoment[i * d + j] += other.comoment[i * d + j] + delta[i] * delta[j] * na * nb / total }
    }
    for i in 0..<d { mean[i] += delta[i] * nb / total }
    n += other.n
  }

  func covariance(_ i: Int, _ j: Int) -> Double { n > 1 ? comoment[i * d + j] / Double(n - 1) : 0 }
  func standardDeviation(_ i: Int) -> Double { max(0, covariance(i, i)).squareRoot() }
}
