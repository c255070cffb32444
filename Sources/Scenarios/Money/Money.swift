import Foundation
import Planner

/// Euros and cents: amounts are shown to the cent, and totals are sums of the shown amounts.
public enum Money {
  /// Rounds to the cent, half away from zero.
  public static func cents(_ x: Double) -> Double { Rounding.halfAwayFromZero(x, scale: 100) }

  /// The sum of amounts already in cents, exact: summed as whole cents.
  public static func sum(_ amounts: [Double]) -> Double {
    amounts.reduce(0) { $0 + ($1 * 100).rounded() } / 100
  }

  /// An amount spread over `n` months in whole cents that add up to it exactly: the cents
  /// that do not divide evenly go to the last months.
  public static func spread(_ amount: Double, over n: Int) -> [Double] {
    guard n > 0 else { return [] }
    return (0..<n).map { share(of: amount, month: $0, of: n) }
  }

  /// Month `i` (from 0) of `amount` spread over `n` months in whole cents that add up: the
  /// one spreading rule of every command (runs, simulations, goal seeking). Computed in
  /// doubles, exact up to 2^53 cents, so that no amount can trap.
  @inline(__always)
  public static func share(of amount: Double, month i: Int, of n: Int) -> Double {
    let cents = (amount * 100).rounded()
    let base = (cents / Double(n)).rounded(.down)
    let extra = cents - base * Double(n)
    return (base + (Double(i) >= Double(n) - extra ? 1 : 0)) / 100
  }

  /// `total` shared in whole cents in proportion of `weights` (non-negative), adding up to it
  /// exactly: each gets its rounded-down cents, the cents left over go to the largest
  /// remainders (ties to the first).
  public static func apportion(_ total: Double, by weights: [Double]) -> [Double] {
    let cents = (total * 100).rounded()
    let sum = weights.reduce(0, +)
    guard sum > 0 else { return weights.map { _ in 0 } }
    let exact = weights.map { $0 / sum * cents }
    var out = exact.map { $0.rounded(.down) }
    var left = Int(cents - out.reduce(0, +))
    let order = exact.indices.sorted { (exact[$0] - out[$0], -$0) > (exact[$1] - out[$1], -$1) }
    for i in order where left > 0 {
      out[i] += 1
      left -= 1
    }
    return out.map { $0 / 100 }
  }

  /// `1,234.56`, for tables.
  public static func format(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "not a number" : (x < 0 ? "-infinity" : "infinity") }
    let negative = x < 0
    let scaled = (abs(x) * 100).rounded()
    // Beyond 2^53 cents a double holds no exact cent: whole euros, grouped.
    guard scaled < 9e15 else { return (negative ? "-" : "") + group(String(format: "%.0f", abs(x))) + ".00" }
    let cents = Int(scaled)
    let fraction = cents % 100
    return (negative ? "-" : "") + group(String(cents / 100)) + "." + (fraction < 10 ? "0" : "") + String(fraction)
  }

  /// `1234567` as `1,234,567`.
  static func group(_ digits: String) -> String {
    var whole = digits
    var grouped = ""
    while whole.count > 3 {
      grouped = "," + whole.suffix(3) + grouped
      whole = String(whole.dropLast(3))
    }
    return whole + grouped
  }
}
