/// Storage of vector results that are no longer needed, kept for the next operation of the
/// same size. A Monte Carlo chunk allocates thousands of equal-sized vectors; reusing them
/// spares the system the work of handing out (and zeroing) fresh pages each time.
///
/// Safety comes from copy-on-write: an array given back while something else still holds
/// it is copied, not overwritten, when it is next written.
package struct BufferPool: Sendable {
  package init() {}
  private var free: [Int: [[Double]]] = [:]
  /// At most this many arrays are kept for each size.
  private let depth = 32

  /// An array of `count` doubles whose values are about to be overwritten.
  mutating func take(_ count: Int) -> [Double] {
    if let a = free[count]?.popLast() { return a }
    return [Double](unsafeUninitializedCapacity: count) { _, n in n = count }
  }

  /// Gives an array back.
  mutating func give(_ a: [Double]) {
    guard a.count > 16 else { return }
    if free[a.count, default: []].count < depth { free[a.count, default: []].append(a) }
  }
}
