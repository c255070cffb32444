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
  /// true; a `NaN` in the mask makes the month's sum `NaN`.
  mutating func maskedSum(_ v: Block, mask: Block) -> Block {
    let months = v.months, w = v.width
    var out = pool.take(months * w)
    out.withUnsafeMutableBufferPointer { po in
      for i in 0..<po.count { po[i] = 0 }
      v.data.withUnsafeBufferPointer { pv in
        for r in 0..<v.rows {
          for m in 0..<months {
            let c = mask[r, m, 0]
            if c == 0 { continue }
            // Through pointers: no checked index arithmetic in the inner loops (vectorised).
            let o = po.baseAddress! + m * w, i = pv.baseAddress! + (r * months + m) * w
            if c.isNaN {
              for b in 0..<w { o[b] = .nan }
            } else {
              for b in 0..<w { o[b] += i[b] }
            }
          }
        }
      }
    }
    return Block(rows: 1, months: months, width: w, data: out)
  }
}
