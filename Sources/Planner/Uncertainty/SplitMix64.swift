import RealModule

/// A small, fast, seeded random number generator (SplitMix64), so that a simulation gives
/// the same draws for the same seed on any machine and any number of threads: each draw
/// has its own generator, seeded from the run's seed and the draw's index.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64
  /// The second normal of the last Box–Muller pair, not yet handed out.
  private var spare: Double?

  public init(seed: UInt64) { state = seed }

  /// The generator of draw `index` of a run seeded with `seed`.
  public init(seed: UInt64, stream index: UInt64) {
    var g = SplitMix64(seed: seed ^ (index &* 0x9E37_79B9_7F4A_7C15))
    state = g.next() ^ index
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform number in [0, 1).
  public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A standard normal number (Box–Muller).
  public mutating func normal() -> Double {
    if let z = spare {
      spare = nil
      return z
    }
    var u = uniform()
    while u <= 0 { u = uniform() }
    let v = uniform()
    let r = (-2 * _log(u)).squareRoot(), a = 2 * Double.pi * v
    spare = r * Double.sin(a)
    return r * _cos(a)
  }
}

// Elementary functions from swift-numerics (no Foundation in the engine's numerics).
@inline(__always) func _log(_ x: Double) -> Double { Double.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Double.cos(x) }
