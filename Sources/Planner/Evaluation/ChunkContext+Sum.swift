extension ChunkContext {
  /// Sums a block over its rows (entities), with BLAS; a block that does not depend on the
  /// entity counts once per entity.
  mutating func sum(_ v: Block, rows: Int) -> Block {
    if v.rows == 1 {
      return Kernels.unary(v, &pool) { $0 * Double(rows) }
    }
    let m = Matrix(rows: v.rows, columns: v.months * v.width, data: v.data)
    return Block(rows: 1, months: v.months, width: v.width, data: m.columnSums())
  }
}
