import Planner
import Testing

@testable import Scenarios

@Suite struct MomentsTests {
  /// Columns of draws: a few variables, some correlated, of very different sizes.
  static func columns(_ n: Int, seed: UInt64) -> [[Double]] {
    var g = SplitMix64(seed: seed)
    var columns = Array(repeating: [Double](), count: 5)
    for _ in 0..<n {
      let z = g.normal()
      columns[0].append(40_000 * (g.uniform() < 0.6 ? 1 : 0))
      columns[1].append(0.85 + 0.15 * g.uniform())
      columns[2].append(12 + (18 * g.uniform()).rounded(.down))
      columns[3].append(-25_000 + 9_000 * z + 3 * columns[0].last!)
      columns[4].append(z)
    }
    return columns
  }

  /// Each co-moment is `Σ (x − mean x)(y − mean y)` added in draw order, to the last bit.
  @Test(arguments: [1, 2, 7, 512])
  func comomentsAreTheSumsInDrawOrder(_ n: Int) {
    let columns = Self.columns(n, seed: UInt64(n))
    let m = Moments(columns)
    #expect(m.n == n)
    for i in columns.indices {
      let mi = columns[i].reduce(0, +) / Double(n)
      #expect(m.mean[i] == mi)
      for j in columns.indices {
        let mj = columns[j].reduce(0, +) / Double(n)
        var s = 0.0
        for r in 0..<n { s += (columns[i][r] - mi) * (columns[j][r] - mj) }
        #expect(m.comoment[i * m.d + j] == s, "variables \(i) and \(j)")
      }
    }
  }

  /// Chunks merged in order give the moments of all the draws (within rounding).
  @Test func mergedChunksAreTheWhole() {
    let columns = Self.columns(1000, seed: 3)
    var merged = Moments(columns.map { Array($0[0..<300]) })
    merged.merge(Moments(columns.map { Array($0[300..<1000]) }))
    let whole = Moments(columns)
    #expect(merged.n == whole.n)
    for i in 0..<whole.d {
      #expect(abs(merged.mean[i] - whole.mean[i]) <= 1e-9 * max(1, abs(whole.mean[i])))
      for j in 0..<whole.d {
        let a = merged.covariance(i, j), b = whole.covariance(i, j)
        #expect(abs(a - b) <= 1e-9 * max(1, abs(b)))
      }
    }
  }
}
