import Foundation

/// Element-wise operations on blocks, with broadcasting. Each operation is a small generic
/// kernel specialised by the compiler, so the inner loops run over contiguous doubles with
/// no dynamic dispatch per element.
protocol BinaryKernel {
  static func apply(_ a: Double, _ b: Double) -> Double
}

package enum Kernels {
  struct Add: BinaryKernel { @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a + b } }
  struct Subtract: BinaryKernel { @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a - b } }
  struct Multiply: BinaryKernel { @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a * b } }
  struct Divide: BinaryKernel { @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a / b } }
  struct Minimum: BinaryKernel {
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.min(a, b) }
  }
  struct Maximum: BinaryKernel {
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }
  }
  struct Less: BinaryKernel {
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : (a < b ? 1 : 0) }
  }
  struct LessOrEqual: BinaryKernel {
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : (a <= b ? 1 : 0) }
  }
  struct Greater: BinaryKernel {
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : (a > b ? 1 : 0) }
  }
  struct GreaterOrEqual: BinaryKernel {
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : (a >= b ? 1 : 0) }
  }
  struct Equal: BinaryKernel {
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : (a == b ? 1 : 0) }
  }
  struct NotEqual: BinaryKernel {
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : (a != b ? 1 : 0) }
  }
  // `false and x` is false and `true or x` is true even when x could not be computed (a
  // parameter not yet in force): a condition guards what it does not need.
  struct And: BinaryKernel {
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a == 0 || b == 0 ? 0 : (a.isNaN || b.isNaN ? .nan : 1) }
  }
  struct Or: BinaryKernel {
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double {
      (a != 0 && !a.isNaN) || (b != 0 && !b.isNaN) ? 1 : (a.isNaN || b.isNaN ? .nan : 0)
    }
  }

  static func binary(_ op: BinaryOperator, _ a: Block, _ b: Block, pool: inout BufferPool) -> Block {
    switch op {
    case .add: return binary(Add.self, a, b, &pool)
    case .subtract: return binary(Subtract.self, a, b, &pool)
    case .multiply: return binary(Multiply.self, a, b, &pool)
    case .divide: return binary(Divide.self, a, b, &pool)
    case .minimum: return binary(Minimum.self, a, b, &pool)
    case .maximum: return binary(Maximum.self, a, b, &pool)
    case .less: return binary(Less.self, a, b, &pool)
    case .lessOrEqual: return binary(LessOrEqual.self, a, b, &pool)
    case .greater: return binary(Greater.self, a, b, &pool)
    case .greaterOrEqual: return binary(GreaterOrEqual.self, a, b, &pool)
    case .equal: return binary(Equal.self, a, b, &pool)
    case .notEqual: return binary(NotEqual.self, a, b, &pool)
    case .and: return binary(And.self, a, b, &pool)
    case .or: return binary(Or.self, a, b, &pool)
    }
  }

  /// The same, with fresh storage (for tests and one-off use).
  static func binary(_ op: BinaryOperator, _ a: Block, _ b: Block) -> Block {
    var pool = BufferPool()
    return binary(op, a, b, pool: &pool)
  }

  /// The shape of an element-wise result: each dimension is the largest, or 0 when a block
  /// has none (a sum over no entity at all).
  static func shape(_ blocks: Block...) -> (rows: Int, months: Int, width: Int) { shape(blocks) }

  static func shape(_ blocks: [Block]) -> (rows: Int, months: Int, width: Int) {
    shape(blocks.map { ($0.rows, $0.months, $0.width) })
  }

  /// The shape of a result from its operands' shapes: each dimension the largest (the others
  /// broadcast), or none when one is empty.
  static func shape(_ shapes: [(rows: Int, months: Int, width: Int)]) -> (rows: Int, months: Int, width: Int) {
    func dim(_ d: [Int]) -> Int { d.contains(0) ? 0 : d.max()! }
    return (dim(shapes.map(\.rows)), dim(shapes.map(\.months)), dim(shapes.map(\.width)))
  }

  static func binary<K: BinaryKernel>(_ k: K.Type, _ a: Block, _ b: Block, _ pool: inout BufferPool) -> Block {
    let (rows, months, width) = shape(a, b)
    let count = rows * months * width
    var out = pool.take(count)
    a.data.withUnsafeBufferPointer { pa in
      b.data.withUnsafeBufferPointer { pb in
        out.withUnsafeMutableBufferPointer { po in
          if pa.count == count && pb.count == count {
            for i in 0..<count { po[i] = K.apply(pa[i], pb[i]) }
          } else if pb.count == 1 && pa.count == count {
            let y = pb[0]
            for i in 0..<count { po[i] = K.apply(pa[i], y) }
          } else if pa.count == 1 && pb.count == count {
            let x = pa[0]
            for i in 0..<count { po[i] = K.apply(x, pb[i]) }
          } else if count > 0 {
            // Broadcast: each (row, month) is a run of `width` variants, read through pointers
            // (no checked index arithmetic in the inner loops, which the compiler can then
            // vectorise); a side without variants is one value for the run.
            let sa = Strides(a), sb = Strides(b)
            var o = 0
            for r in 0..<rows {
              for m in 0..<months {
                let ia = r * sa.row + m * sa.month, ib = r * sb.row + m * sb.month
                let out = po.baseAddress! + o
                switch (sa.variant == 1, sb.variant == 1) {
                case (true, true):
                  let x = pa.baseAddress! + ia, y = pb.baseAddress! + ib
                  for v in 0..<width { out[v] = K.apply(x[v], y[v]) }
                case (true, false):
                  let x = pa.baseAddress! + ia, y = pb[ib]
                  for v in 0..<width { out[v] = K.apply(x[v], y) }
                case (false, true):
                  let x = pa[ia], y = pb.baseAddress! + ib
                  for v in 0..<width { out[v] = K.apply(x, y[v]) }
                case (false, false):
                  let z = K.apply(pa[ia], pb[ib])
                  for v in 0..<width { out[v] = z }
                }
                o += width
              }
            }
          }
        }
      }
    }
    return Block(rows: rows, months: months, width: width, data: out)
  }

  /// `((b₀ ± b₁) ± b₂) …` element-wise, with broadcasting: the very operations of the chain of
  /// binary operators, in its order, but each run of variants written once, in cache, rather
  /// than a whole block per operator. `subtract[k]` takes `blocks[k]` away (`subtract[0]` is
  /// not read).
  ///
  /// A term with a mask (`masks[k]`, one value per row of `blocks[k]` and per month, or per
  /// row) is the masked sum of its block's rows, made inside the pass as
  /// `ChunkContext.maskedSum` makes it (each month's first row taken added to zero, the next
  /// ones added to it, zero if none, `NaN` where the mask is); its block has a run of
  /// variants for every row and month. `masks` is empty when no term has one.
  ///
  /// A term with a place for each variant (`places[k]`) is a table of one row, a value for
  /// each of a few combinations (the rules computed once per combination, see
  /// `TabulationPlan.combined`): each variant takes the value at its place, looked up inside
  /// the pass rather than spread out to a block first; a month where every combination has
  /// the same value adds that value. `places` is empty when no term has one.
  static func additions(
    _ blocks: [Block], subtract: [Bool], masks: [Block?] = [], places: [[Int32]?] = [], pool: inout BufferPool
  ) -> Block {
    let masked = masks.isEmpty ? Array(repeating: false, count: blocks.count) : masks.map { $0 != nil }
    let placed = places.isEmpty ? Array(repeating: false, count: blocks.count) : places.map { $0 != nil }
    // Each term as it enters the sum: a masked term is one row, a placed term a run of variants.
    let (rows, months, width) = shape(
      blocks.indices.map { k in
        (masked[k] ? 1 : blocks[k].rows, blocks[k].months, placed[k] ? places[k]!.count : blocks[k].width)
      })
    let count = rows * months * width
    var out = pool.take(count)
    guard count > 0 else { return Block(rows: rows, months: months, width: width, data: out) }
    precondition(zip(blocks, masked).allSatisfy { b, m in !m || (rows == 1 && b.months == months && b.width == width) })
    precondition(zip(blocks, placed).enumerated().allSatisfy { k, t in !t.1 || (t.0.rows == 1 && places[k]!.count == width) })
    let strides = zip(blocks, masked).map { b, m in m ? Strides(row: months * width, month: width, variant: 1) : Strides(b) }
    // A masked or placed term's values for the run in hand.
    var term = [Double](repeating: 0, count: masked.contains(true) || placed.contains(true) ? width : 0)
    // The placed terms' places, one after the other.
    var placeOf = [Int](repeating: 0, count: blocks.count), next = 0
    for k in placed.indices where placed[k] {
      placeOf[k] = next
      next += width
    }
    let allPlaces = places.compactMap { $0 }.flatMap { $0 }
    /// Calls `body` with the storage of every block, each borrowed in turn.
    func withBases(_ k: Int, _ bases: inout [UnsafePointer<Double>], _ body: ([UnsafePointer<Double>]) -> Void) {
      guard k < blocks.count else { return body(bases) }
      blocks[k].data.withUnsafeBufferPointer { p in
        bases.append(p.baseAddress!)
        withBases(k + 1, &bases, body)
      }
    }
    var borrowed: [UnsafePointer<Double>] = []
    borrowed.reserveCapacity(blocks.count)
    withBases(0, &borrowed) { bases in
      out.withUnsafeMutableBufferPointer { po in
        term.withUnsafeMutableBufferPointer { pt in
          allPlaces.withUnsafeBufferPointer { pp in
            var o = 0
            for r in 0..<rows {
              for m in 0..<months {
                let run = po.baseAddress! + o
                // While every term so far is one number for all the variants, the sum is
                // carried as one number, written to the run at the first term that is not (or
                // at the end): the same operations in the same order for each variant.
                var pending = true, carried = 0.0
                for k in 0..<blocks.count {
                  let s = strides[k]
                  var at = bases[k] + (r * s.row + m * s.month)
                  var varies = s.variant == 1
                  if placed[k] {
                    let c = blocks[k].width, values = bases[k] + (blocks[k].months == 1 ? 0 : m) * c
                    at = values
                    varies = false
                    if c > 1 {
                      let first = values[0].bitPattern
                      var differs = false
                      for j in 1..<c { differs = differs || values[j].bitPattern != first }
                      if differs {
                        let t = pt.baseAddress!, place = pp.baseAddress! + placeOf[k]
                        for v in 0..<width { t[v] = values[Int(place[v])] }
                        at = UnsafePointer(t)
                        varies = true
                      }
                    }
                  } else if masked[k], let mask = masks[k] {
                    let base = bases[k]
                    maskedRun(
                      into: pt.baseAddress!, width: width, rows: blocks[k].rows, mask: { mask[$0, m, 0] },
                      row: { base + $0 * s.row + m * s.month })
                    at = UnsafePointer(pt.baseAddress!)
                  }
                  if pending {
                    if !varies {
                      let y = at[0]
                      carried = k == 0 ? y : subtract[k] ? carried - y : carried + y
                      continue
                    }
                    pending = false
                    if k == 0 {
                      for v in 0..<width { run[v] = at[v] }
                      continue
                    }
                    let x = carried
                    if subtract[k] {
                      for v in 0..<width { run[v] = x - at[v] }
                    } else {
                      for v in 0..<width { run[v] = x + at[v] }
                    }
                    continue
                  }
                  if subtract[k] {
                    if varies {
                      for v in 0..<width { run[v] = run[v] - at[v] }
                    } else {
                      let y = at[0]
                      for v in 0..<width { run[v] = run[v] - y }
                    }
                  } else {
                    if varies {
                      for v in 0..<width { run[v] = run[v] + at[v] }
                    } else {
                      let y = at[0]
                      for v in 0..<width { run[v] = run[v] + y }
                    }
                  }
                }
                if pending {
                  let x = carried
                  for v in 0..<width { run[v] = x }
                }
                o += width
              }
            }
          }
        }
      }
    }
    return Block(rows: rows, months: months, width: width, data: out)
  }

  static func unary(_ a: Block, _ pool: inout BufferPool, _ f: (Double) -> Double) -> Block {
    var out = pool.take(a.data.count)
    a.data.withUnsafeBufferPointer { pa in
      out.withUnsafeMutableBufferPointer { po in
        for i in 0..<pa.count { po[i] = f(pa[i]) }
      }
    }
    return Block(rows: a.rows, months: a.months, width: a.width, data: out)
  }

  static func unary(_ op: UnaryOperator, _ a: Block, pool: inout BufferPool) -> Block {
    switch op {
    case .negate: return unary(a, &pool) { -$0 }
    case .not: return unary(a, &pool) { $0.isNaN ? .nan : ($0 == 0 ? 1 : 0) }
    case .abs: return unary(a, &pool) { Swift.abs($0) }
    case .floor: return unary(a, &pool) { $0.rounded(.down) }
    case .ceil: return unary(a, &pool) { $0.rounded(.up) }
    case .round(let decimals):
      let p = pow(10.0, Double(decimals))
      return unary(a, &pool) { roundHalfAwayFromZero($0, scale: p) }
    }
  }

  /// ``Rounding/halfAwayFromZero(_:scale:)``: the rounding of accounts and the law.
  @inline(__always)
  package static func roundHalfAwayFromZero(_ x: Double, scale: Double) -> Double { Rounding.halfAwayFromZero(x, scale: scale) }

  /// ``Rounding/halfAway(_:)``.
  @inline(__always)
  package static func roundedHalfAway(_ x: Double) -> Double { Rounding.halfAway(x) }

  /// `condition ? a : b`, element-wise; an untaken branch is never looked at, so a division by
  /// zero guarded by a condition does no harm.
  static func select(_ c: Block, _ a: Block, _ b: Block, pool: inout BufferPool) -> Block {
    let (rows, months, width) = shape(c, a, b)
    let count = rows * months * width
    if c.data.count == 1 {
      return c.data[0].isNaN ? Block(rows: rows, months: months, width: width, repeating: .nan) : (c.data[0] != 0 ? a : b)
    }
    var out = pool.take(count)
    c.data.withUnsafeBufferPointer { pc in
      a.data.withUnsafeBufferPointer { pa in
        b.data.withUnsafeBufferPointer { pb in
          out.withUnsafeMutableBufferPointer { po in
            if pc.count == count && pa.count == count && pb.count == count {
              for i in 0..<count { po[i] = pc[i].isNaN ? .nan : (pc[i] != 0 ? pa[i] : pb[i]) }
              return
            }
            let sc = Strides(c), sa = Strides(a), sb = Strides(b)
            var o = 0
            for r in 0..<rows {
              for m in 0..<months {
                let ic = r * sc.row + m * sc.month, ia = r * sa.row + m * sa.month, ib = r * sb.row + m * sb.month
                if sc.variant == 0 {
                  // One condition for the whole row of variants: copy the branch taken.
                  let cv = pc[ic]
                  if cv.isNaN {
                    for v in 0..<width { po[o + v] = .nan }
                  } else if cv != 0 {
                    if sa.variant == 1 { for v in 0..<width { po[o + v] = pa[ia + v] } } else { for v in 0..<width { po[o + v] = pa[ia] } }
                  } else {
                    if sb.variant == 1 { for v in 0..<width { po[o + v] = pb[ib + v] } } else { for v in 0..<width { po[o + v] = pb[ib] } }
                  }
                  o += width
                  continue
                }
                for v in 0..<width {
                  let cv = pc[ic + v * sc.variant]
                  po[o] = cv.isNaN ? .nan : (cv != 0 ? pa[ia + v * sa.variant] : pb[ib + v * sb.variant])
                  o += 1
                }
              }
            }
          }
        }
      }
    }
    return Block(rows: rows, months: months, width: width, data: out)
  }

  /// The same, with fresh storage (for tests and one-off use).
  static func select(_ c: Block, _ a: Block, _ b: Block) -> Block {
    var pool = BufferPool()
    return select(c, a, b, pool: &pool)
  }
}

/// Element strides of a block, 0 along broadcast dimensions.
struct Strides {
  let row: Int, month: Int, variant: Int
  init(row: Int, month: Int, variant: Int) { (self.row, self.month, self.variant) = (row, month, variant) }
  init(_ b: Block) {
    row = b.rows == 1 ? 0 : b.months * b.width
    month = b.months == 1 ? 0 : b.width
    variant = b.width == 1 ? 0 : 1
  }
}
