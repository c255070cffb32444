extension ChunkContext {
  /// Sums a block over its rows (entities), adding the rows in their order to zero: the
  /// order every sum of the engine keeps (a masked sum, a sum of tabulated rows), so that a
  /// total is the same to the last bit however it was computed. A block that does not depend
  /// on the entity counts once per entity.
  mutating func sum(_ v: Block, rows: Int) -> Block {
    if v.rows == 1 {
      return Kernels.unary(v, &pool) { $0 * Double(rows) }
    }
    let n = v.months * v.width
    var out = pool.take(n)
    out.withUnsafeMutableBufferPointer { po in
      for i in 0..<n { po[i] = 0 }
      v.data.withUnsafeBufferPointer { pv in
        for r in 0..<v.rows {
          let from = r * n
          for i in 0..<n { po[i] += pv[from + i] }
        }
      }
    }
    return Block(rows: 1, months: v.months, width: v.width, data: out)
  }

  /// The sum over rows of `v` where `mask` (one value per row and month, or per row) is
  /// true; a `NaN` in the mask makes the month's sum `NaN`. Each month's first row is added to
  /// zero as it is written, the next ones to it (no pass to clear the sum first); a mask that
  /// takes no row at all gives one zero for every month and variant (a budget line of a
  /// funder who gives nothing is not a block of zeros per draw).
  mutating func maskedSum(_ v: Block, mask: Block) -> Block {
    let months = v.months, w = v.width
    if mask.data.allSatisfy({ $0 == 0 }) { return .scalar(0) }
    var out = pool.take(months * w)
    out.withUnsafeMutableBufferPointer { po in
      v.data.withUnsafeBufferPointer { pv in
        for m in 0..<months {
          Kernels.maskedRun(
            into: po.baseAddress! + m * w, width: w, rows: v.rows, mask: { mask[$0, m, 0] },
            row: { pv.baseAddress! + ($0 * months + m) * w })
        }
      }
    }
    return Block(rows: 1, months: months, width: w, data: out)
  }
}

extension Kernels {
  /// One month of a masked sum, for a run of `width` variants: each row the mask takes
  /// (`mask(row)`: 0 not taken, `NaN` makes the month's sum `NaN`) added in the rows' order,
  /// the first to zero as it is written (no pass to clear the sum first); zero when it takes
  /// none. `row(r)` is row `r`'s run. The one place of these operations, for
  /// `ChunkContext.maskedSum` and the sums added inside a chain (`additions`): the same bits.
  @inline(__always)
  static func maskedRun(
    into o: UnsafeMutablePointer<Double>, width: Int, rows: Int, mask: (Int) -> Double, row: (Int) -> UnsafePointer<Double>
  ) {
    var first = true
    for r in 0..<rows {
      let c = mask(r)
      if c == 0 { continue }
      // Through pointers: no checked index arithmetic in the inner loops (vectorised).
      let i = row(r)
      if c.isNaN {
        for b in 0..<width { o[b] = .nan }
      } else if first {
        for b in 0..<width { o[b] = 0 + i[b] }
      } else {
        for b in 0..<width { o[b] += i[b] }
      }
      first = false
    }
    if first { for b in 0..<width { o[b] = 0 } }
  }
}
