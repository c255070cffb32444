/// The values of one quantity over entities × months × variants, stored contiguously.
///
/// Each dimension is either full or 1; a dimension of 1 is broadcast. A value that is the
/// same for every variant is therefore held once (`width == 1`), and a parameter that does
/// not depend on the entity is held once per month (`rows == 1`). Index of
/// `(row, month, variant)` in `data`: `(row * months + month) * width + variant`.
public struct Block: Sendable, Equatable {
  public var rows: Int
  public var months: Int
  public var width: Int
  public var data: [Double]

  public init(rows: Int, months: Int, width: Int, data: [Double]) {
    precondition(data.count == rows * months * width, "block data does not match its shape")
    self.rows = rows
    self.months = months
    self.width = width
    self.data = data
  }

  public init(rows: Int, months: Int, width: Int, repeating value: Double) {
    self.init(rows: rows, months: months, width: width, data: Array(repeating: value, count: rows * months * width))
  }

  /// One value for every entity, month and variant.
  public static func scalar(_ value: Double) -> Block { Block(rows: 1, months: 1, width: 1, data: [value]) }

  /// One value per month, the same for every entity and variant.
  public static func monthly(_ values: [Double]) -> Block { Block(rows: 1, months: values.count, width: 1, data: values) }

  /// The value at a place, broadcasting dimensions of size 1.
  @inline(__always)
  public subscript(row: Int, month: Int, variant: Int) -> Double {
    let r = rows == 1 ? 0 : row
    let m = months == 1 ? 0 : month
    let b = width == 1 ? 0 : variant
    return data[(r * months + m) * width + b]
  }

  /// Whether every value is a finite number. A value is not finite when its exponent bits are
  /// all set: one vectorisable pass takes the largest exponent field.
  public var allFinite: Bool {
    let exponent: UInt64 = 0x7FF0_0000_0000_0000
    var largest: UInt64 = 0
    data.withUnsafeBufferPointer { p in
      p.withMemoryRebound(to: UInt64.self) { bits in
        for b in bits { largest = Swift.max(largest, b & exponent) }
      }
    }
    return largest != exponent
  }

  /// Whether every value satisfies a predicate.
  @inline(__always)
  public func allSatisfy(_ predicate: (Double) -> Bool) -> Bool {
    data.withUnsafeBufferPointer { p in
      for x in p where !predicate(x) { return false }
      return true
    }
  }

  /// The first place holding a value that is not a finite number.
  public func firstNonFinite() -> (row: Int, month: Int, variant: Int)? {
    guard !allFinite, let i = data.firstIndex(where: { !$0.isFinite }) else { return nil }
    return (i / (months * width), (i / width) % months, i % width)
  }

  /// The same values with every dimension made full (for tests and exports).
  public func expanded(rows r: Int, months m: Int, width w: Int) -> Block {
    var out = [Double]()
    out.reserveCapacity(r * m * w)
    for i in 0..<r { for j in 0..<m { for k in 0..<w { out.append(self[i, j, k]) } } }
    return Block(rows: r, months: m, width: w, data: out)
  }
}
