/// A unit of measure: a product of powers of base dimensions.
///
/// Base dimensions: `EUR`, `h` (hours), `FTE`, `month`, `week`, `count`. A ratio or a
/// percentage is dimensionless (`%` is read as × 0.01 when a literal is parsed). Units are
/// compared exactly: adding euros to hours is a type error, and no conversion happens
/// behind the user's back (a week is not silently 52/12 of a month).
public struct Unit: Sendable, Hashable, CustomStringConvertible {
  /// The base dimensions, in display order.
  public static let baseNames = ["EUR", "h", "FTE", "month", "week", "count"]

  /// Exponent of each base dimension, indexed like `baseNames`.
  public private(set) var exponents: [Int8]

  public init(exponents: [Int8]) {
    precondition(exponents.count == Unit.baseNames.count)
    self.exponents = exponents
  }

  public static let dimensionless = Unit(exponents: Array(repeating: 0, count: baseNames.count))

  public static func base(_ name: String) -> Unit? {
    guard let i = baseNames.firstIndex(of: name) else { return nil }
    var e = dimensionless.exponents
    e[i] = 1
    return Unit(exponents: e)
  }

  public static let euro = base("EUR")!
  public static let hour = base("h")!
  public static let fte = base("FTE")!
  public static let month = base("month")!
  public static let count = base("count")!

  public var isDimensionless: Bool { exponents.allSatisfy { $0 == 0 } }

  /// The largest power of a base dimension a unit may have (`EUR^8`): a formula multiplying
  /// further is refused when it is loaded, never an overflow.
  public static let maximumPower = 8

  public static func * (a: Unit, b: Unit) -> Unit {
    Unit(exponents: zip(a.exponents, b.exponents).map { Int8(clamping: Int($0) + Int($1)) })
  }

  public static func / (a: Unit, b: Unit) -> Unit {
    Unit(exponents: zip(a.exponents, b.exponents).map { Int8(clamping: Int($0) - Int($1)) })
  }

  /// Whether every power is within `maximumPower`.
  public var isWithinPowers: Bool { exponents.allSatisfy { abs(Int($0)) <= Self.maximumPower } }

  /// Reads a unit such as `EUR`, `EUR/h`, `h/week`, `EUR/(h*month)` is not supported:
  /// a unit is one numerator product and an optional denominator product, `a*b/c*d`.
  /// `%`, `ratio` and `1` are dimensionless; the scale of `%` is returned apart.
  public static func parse(_ text: String) -> (unit: Unit, scale: Double)? {
    let t = text.trimmed
    if t == "%" { return (.dimensionless, 0.01) }
    if t == "ratio" || t == "1" || t.isEmpty { return (.dimensionless, 1) }
    let halves = t.split(separator: "/", omittingEmptySubsequences: false)
    guard halves.count <= 2 else { return nil }
    var unit = Unit.dimensionless
    for (h, half) in halves.enumerated() {
      for name in half.split(separator: "*", omittingEmptySubsequences: false) {
        let n = name.trimmed
        guard let b = base(n) else { return nil }
        unit = h == 0 ? unit * b : unit / b
      }
    }
    return (unit, 1)
  }

  /// `EUR/h`, `h/week`, `ratio` for dimensionless.
  public var description: String {
    var num: [String] = []
    var den: [String] = []
    for (name, e) in zip(Unit.baseNames, exponents) where e != 0 {
      let power = abs(Int(e)) == 1 ? name : "\(name)^\(abs(Int(e)))"
      if e > 0 { num.append(power) } else { den.append(power) }
    }
    if num.isEmpty && den.isEmpty { return "ratio" }
    let n = num.isEmpty ? "1" : num.joined(separator: "*")
    return den.isEmpty ? n : "\(n)/\(den.joined(separator: "*"))"
  }
}
