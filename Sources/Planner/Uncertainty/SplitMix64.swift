import RealModule

/// A small, fast, seeded random number generator (SplitMix64), so that a simulation gives
/// the same draws for the same seed on any machine and any number of threads: each draw
/// has its own generator, seeded from the run's seed and the draw's index.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

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

  /// A standard normal number, by the ziggurat (``NormalZiggurat``): one 64-bit number a
  /// draw 99 % of the time — 8 bits choose a layer, 1 the sign, 52 the place in the layer —
  /// and a logarithm or an exponential only for the rest. Box–Muller (a logarithm, a sine and a
  /// cosine for each two numbers) was a tenth of a simulation of the baseline.
  public mutating func normal() -> Double {
    let z = NormalZiggurat.tables
    while true {
      let bits = next()
      let i = Int(bits & 0xFF), negative = (bits >> 8) & 1 == 1
      let place = (bits >> 9) & 0x000F_FFFF_FFFF_FFFF
      let x = Double(place) * z.w[i]
      // Inside the layer's rectangle, under the curve: the 99 %.
      if place < z.k[i] { return negative ? -x : x }
      if i == 0 {
        let t = normalTail()
        return negative ? -t : t
      }
      // The wedge between the rectangle and the curve: kept when under the curve.
      let y = z.f[i] + uniform() * (z.f[i - 1] - z.f[i])
      if y < _exp(-0.5 * x * x) { return negative ? -x : x }
    }
  }

  /// A standard normal number beyond r, given that it is (G. Marsaglia, "Generating a variable
  /// from the tail of the normal distribution", Technometrics 6, 1964): r + x with x
  /// exponential of rate r, kept with probability exp(−x²/2).
  mutating func normalTail() -> Double {
    while true {
      let a = -_log1p(-uniform()) / NormalZiggurat.r, b = -_log1p(-uniform())
      if b + b > a * a { return NormalZiggurat.r + a }
    }
  }
}

/// The ziggurat of the standard normal law (G. Marsaglia, W. W. Tsang, "The Ziggurat Method
/// for Generating Random Variables", Journal of Statistical Software 5 (8), 2000): the area
/// under the density cut into 256 layers of equal area, 255 rectangles and a base with the
/// tail beyond r; the layers as numpy's generator has them (r = 3.6541528853610088, each layer
/// 0.00492867323399 of the area under exp(−x²/2)), the place in a layer a 52-bit integer. The
/// law drawn is the normal law exactly, up to the 52 bits of the place.
struct NormalZiggurat: Sendable {
  static let r = 3.6541528853610088
  static let area = 0.00492867323399
  /// Below `k[i]`, the place in layer `i` is under the curve at once.
  let k: [UInt64]
  /// The width of one unit of place in layer `i`: x = place × w[i].
  let w: [Double]
  /// The density (without its constant) at the outer edge of layer `i`.
  let f: [Double]

  static let tables = NormalZiggurat()

  /// Marsaglia and Tsang's construction (their `zigset`), for 256 layers and 52 bits.
  init() {
    let units = 4_503_599_627_370_496.0  // 2⁵²
    var k = [UInt64](repeating: 0, count: 256), w = [Double](repeating: 0, count: 256), f = [Double](repeating: 0, count: 256)
    var edge = Self.r, outer = Self.r
    let q = Self.area / _exp(-0.5 * edge * edge)
    k[0] = UInt64((edge / q) * units)
    k[1] = 0
    w[0] = q / units
    w[255] = edge / units
    f[0] = 1
    f[255] = _exp(-0.5 * edge * edge)
    for i in stride(from: 254, through: 1, by: -1) {
      edge = (-2 * _log(Self.area / edge + _exp(-0.5 * edge * edge))).squareRoot()
      k[i + 1] = UInt64((edge / outer) * units)
      outer = edge
      f[i] = _exp(-0.5 * edge * edge)
      w[i] = edge / units
    }
    (self.k, self.w, self.f) = (k, w, f)
  }
}

// Elementary functions from swift-numerics (no Foundation in the engine's numerics).
@inline(__always) func _log(_ x: Double) -> Double { Double.log(x) }
@inline(__always) func _exp(_ x: Double) -> Double { Double.exp(x) }
@inline(__always) func _log1p(_ x: Double) -> Double { Double.log(onePlus: x) }
