import Foundation
import Testing

@testable import Planner

/// The normal numbers of the simulations (the ziggurat): the layers are those of the
/// construction, and a million numbers follow the standard normal law — mean, variance, the
/// share beyond each threshold (the tail beyond r included) and the largest gap between
/// their distribution and Φ, each within what chance allows at a million.
@Suite struct SplitMix64Tests {
  @Test func everyLayerHasTheSameArea() {
    let z = NormalZiggurat.tables
    let units = 4_503_599_627_370_496.0
    for i in 2..<256 {
      let width = z.w[i] * units
      #expect(abs(width * (z.f[i - 1] - z.f[i]) - NormalZiggurat.area) < 1e-12, "layer \(i)")
      // Below k, the place is under the curve: k is the inner edge over the outer one.
      #expect(abs(Double(z.k[i]) - z.w[i - 1] / z.w[i] * units) <= 1, "layer \(i)")
    }
    // The top layer closes the construction, up to its rounding.
    #expect(abs(z.w[1] * units * (1 - z.f[1]) - NormalZiggurat.area) < 1e-9)
    // The base: its rectangle and the tail together, the same area.
    let tail = (Double.pi / 2).squareRoot() * erfc(NormalZiggurat.r / 2.squareRoot())
    #expect(abs(NormalZiggurat.r * z.f[255] + tail - NormalZiggurat.area) < 1e-9)
  }

  @Test func aMillionNumbersFollowTheNormalLaw() {
    let n = 1_000_000
    var xs = [Double]()
    xs.reserveCapacity(n)
    for stream in 0..<1000 {
      var g = SplitMix64(seed: 2013, stream: UInt64(stream))
      for _ in 0..<(n / 1000) { xs.append(g.normal()) }
    }
    let count = Double(n)
    let mean = xs.reduce(0, +) / count
    let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
    #expect(abs(mean) < 5 / count.squareRoot())
    #expect(abs(variance - 1) < 5 * (2 / count).squareRoot())
    for t in [0.25, 0.5, 1, 1.5, 2, 2.5, 3, NormalZiggurat.r, 4] {
      let p = NormalLaw.cdf(-t), allowed = 5 * (p * (1 - p) / count).squareRoot()
      #expect(abs(Double(xs.count { $0 > t }) / count - p) < allowed, "above \(t)")
      #expect(abs(Double(xs.count { $0 < -t }) / count - p) < allowed, "below -\(t)")
    }
    // Kolmogorov–Smirnov: at a million, a gap above 1.95/√n happens once in a thousand.
    xs.sort()
    var gap = 0.0
    for (i, x) in xs.enumerated() {
      let phi = NormalLaw.cdf(x)
      gap = max(gap, abs(phi - Double(i) / count), abs(Double(i + 1) / count - phi))
    }
    #expect(gap < 1.95 / count.squareRoot(), "\(gap)")
  }

  /// The tail beyond r follows the normal law there: the share beyond r + t of the numbers
  /// beyond r is (1 − Φ(r + t)) / (1 − Φ(r)).
  @Test func theTailFollowsTheNormalLaw() {
    let n = 200_000
    var g = SplitMix64(seed: 1964)
    let xs = (0..<n).map { _ in g.normalTail() }
    let r = NormalZiggurat.r, beyond = NormalLaw.cdf(-r)
    #expect(xs.allSatisfy { $0 >= r })
    for t in [0.05, 0.1, 0.2, 0.4, 0.6, 1] {
      let p = NormalLaw.cdf(-(r + t)) / beyond, allowed = 5 * (p * (1 - p) / Double(n)).squareRoot()
      #expect(abs(Double(xs.count { $0 > r + t }) / Double(n) - p) < allowed, "beyond r + \(t)")
    }
  }
}
