import RealModule

/// A probability distribution of an uncertain amount.
public enum Distribution: Sendable, Hashable, CustomStringConvertible {
  case fixed(Double)
  case uniform(low: Double, high: Double)
  case triangular(low: Double, mode: Double, high: Double)
  /// A normal law truncated at zero (an amount is never negative).
  case normal(mean: Double, sd: Double)

  /// `a to b` read as a 90 % interval: a normal law centred on the middle, truncated at zero.
  public static func range90(_ a: Double, _ b: Double) -> Distribution {
    .normal(mean: (a + b) / 2, sd: abs(b - a) / (2 * 1.6448536269514722))
  }

  /// A draw from a uniform number `u` in [0, 1) (inverse transform), or `z` a standard normal.
  public func sample(u: Double, z: Double) -> Double {
    sample(u: u, z: z, belowZero: belowZero)
  }

  /// The share of a normal law below zero, Φ(−mean/sd), that its truncation takes away (0 for
  /// the other laws): computed once for all the draws of a simulation by
  /// `sample(u:z:belowZero:)`, where each draw used to compute it again.
  public var belowZero: Double {
    guard case .normal(let m, let s) = self else { return 0 }
    return NormalLaw.cdf(-m / max(s, 1e-300))
  }

  /// `sample(u:z:)` given `belowZero`.
  public func sample(u: Double, z: Double, belowZero p0: Double) -> Double {
    switch self {
    case .fixed(let v): return v
    case .uniform(let a, let b): return a + (b - a) * u
    case .triangular(let a, let c, let b):
      let f = (c - a) / (b - a)
      return u < f ? a + ((b - a) * (c - a) * u).squareRoot() : b - ((b - a) * (b - c) * (1 - u)).squareRoot()
    case .normal(let m, let s):
      // Truncated at zero by inverse transform on the part above zero.
      return max(0, m + s * NormalLaw.quantile(p0 + (1 - p0) * u))
    }
  }

  public var description: String {
    switch self {
    case .fixed(let v): return "\(v)"
    case .uniform(let a, let b): return "uniform \(a)..\(b)"
    case .triangular(let a, let c, let b): return "triangular \(a), \(c), \(b)"
    case .normal(let m, let s): return "normal \(m) ± \(s)"
    }
  }
}

/// The standard normal law: distribution function and quantiles.
public enum NormalLaw {
  public static func cdf(_ x: Double) -> Double { 0.5 * Double.erfc(-x / 2.squareRoot()) }

  /// The quantile (inverse distribution function), by Acklam's rational approximation
  /// refined with one Newton step (relative error below 1e-12).
  public static func quantile(_ p: Double) -> Double {
    if p <= 0 { return -.infinity }
    if p >= 1 { return .infinity }
    let a = [
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01,
      2.506628277459239e+00,
    ]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    let c = [
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00,
      2.938163982698783e+00,
    ]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    var x: Double
    if p < 0.02425 {
      let q = (-2 * Double.log(p)).squareRoot()
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p > 1 - 0.02425 {
      let q = (-2 * Double.log(1 - p)).squareRoot()
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else {
      let q = p - 0.5, r = q * q
      x =
        (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
    let e = cdf(x) - p
    let u = e * (2 * Double.pi).squareRoot() * Double.exp(x * x / 2)
    return x - u / (1 + x * u / 2)
  }
}
