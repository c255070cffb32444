/// The one rounding rule of every figure (money to the cent, the rules' `round`), public and
/// inlinable so that the loops of other modules over many draws (the simulation's cents)
/// compile it in place and vectorise, where a call for each value kept them scalar.
public enum Rounding {
  /// Rounds half away from zero at `1/scale`, as accounts and the law round (0.125 € → 0.13 €).
  /// A tiny relative nudge absorbs binary representation error (1.005 is stored as 1.00499…);
  /// it is capped at a quarter of the unit, so that a whole number of units stays itself
  /// however large (10¹² was shown 10¹² + 1).
  @inlinable @inline(__always)
  public static func halfAwayFromZero(_ x: Double, scale: Double) -> Double {
    let y = x * scale
    let nudged = y + (y >= 0 ? 1 : -1) * Swift.min(Swift.max(Swift.abs(y), 1) * 1e-12, 0.25)
    return halfAway(nudged) / scale
  }

  /// `x.rounded(.toNearestOrAwayFromZero)`, the same for every `Double`, with additions and
  /// comparisons only: the target is plain SSE2, where `rounded` is a call to the C library's
  /// `round` for each element and a loop of it cannot be vectorised. Below 2⁵² adding and
  /// taking away 2⁵² rounds to the nearest whole number, a tie to the even one (the default
  /// rounding of IEEE 754 arithmetic); a tie rounded down is then moved up. From 2⁵² every
  /// `Double` is whole already; a NaN stays a NaN.
  @inlinable @inline(__always)
  public static func halfAway(_ x: Double) -> Double {
    let a = Swift.abs(x)
    let big = 4_503_599_627_370_496.0  // 2⁵²
    let even = (a + big) - big
    let r = even - a == -0.5 ? even + 1 : even
    return a < big ? Double(signOf: x, magnitudeOf: r) : x
  }
}
