/// The mechanisms over time: the calendar, last month, exercise totals, running totals.
extension ChunkContext {
  func calendar(_ q: CalendarQuantity) -> Block {
    let t = timeline
    switch q {
    case .currentMonth:
      return .monthly(t.months.map { Double($0.ordinal) })
    case .monthsInExercise:
      return .monthly(t.exerciseIndex.map { Double(t.exercises[$0].monthCount) })
    case .monthOfExercise:
      return .monthly(
        (0..<t.monthCount).map { m in
          Double(t.months[m].ordinal - t.exercises[t.exerciseIndex[m]].months.first.ordinal + 1)
        })
    }
  }

  /// Last month's value (`initial` in the first month).
  mutating func previousMonth(_ x: Block, _ initial: Block) -> Block {
    pairMonths(x, initial) { _, before in before }
  }

  /// `x − previous_month(x, initial)`, in one pass: each month's value less the month
  /// before's (the first month's less `initial`), the same operations as the two apart.
  mutating func monthlyDifference(_ x: Block, _ initial: Block) -> Block {
    pairMonths(x, initial) { now, before in now - before }
  }

  /// `combine(x this month, x last month)` for every entity, month and variant, with
  /// `initial` as last month's value in the first month; rows of variants written in order.
  @inline(__always)
  private mutating func pairMonths(_ x: Block, _ initial: Block, _ combine: (Double, Double) -> Double) -> Block {
    let (rows, _, w) = Kernels.shape(x, initial)
    var out = pool.take(rows * months * w)
    let sx = Strides(x), si = Strides(initial), months = months
    x.data.withUnsafeBufferPointer { px in
      initial.data.withUnsafeBufferPointer { pi in
        out.withUnsafeMutableBufferPointer { po in
          guard w > 0, let px = px.baseAddress, let pi = pi.baseAddress, let po = po.baseAddress else { return }
          // Through pointers, one loop for each pair of shapes (a run of variants, or one
          // value for all): no checked index arithmetic in the loops, which vectorise.
          for r in 0..<rows {
            for m in 0..<months {
              let now = px + (r * sx.row + m * sx.month), to = po + (r * months + m) * w
              let (before, stride) = m == 0 ? (pi + r * si.row, si.variant) : (now - sx.month, sx.variant)
              switch (sx.variant, stride) {
              case (1, 1): for v in 0..<w { to[v] = combine(now[v], before[v]) }
              case (1, _):
                let b = before[0]
                for v in 0..<w { to[v] = combine(now[v], b) }
              case (_, 1):
                let a = now[0]
                for v in 0..<w { to[v] = combine(a, before[v]) }
              default:
                let c = combine(now[0], before[0])
                for v in 0..<w { to[v] = c }
              }
            }
          }
        }
      }
    }
    return Block(rows: rows, months: months, width: w, data: out)
  }

  func exerciseTotal(_ x: Block, offset: Int, initial: Block?) -> Block {
    let t = timeline
    let w = initial.map { Kernels.shape(x, $0).width } ?? x.width
    let rows = initial.map { Kernels.shape(x, $0).rows } ?? x.rows
    var totals = [Double](repeating: 0, count: rows * t.exercises.count * w)
    for r in 0..<rows {
      for m in 0..<months {
        let e = t.exerciseIndex[m]
        for v in 0..<w { totals[(r * t.exercises.count + e) * w + v] += x[r, m, v] }
      }
    }
    var out = [Double](repeating: 0, count: rows * months * w)
    for r in 0..<rows {
      for m in 0..<months {
        let e = t.exerciseIndex[m] + offset
        for v in 0..<w {
          out[(r * months + m) * w + v] =
            e >= 0 && e < t.exercises.count ? totals[(r * t.exercises.count + e) * w + v] : (initial?[r, m, v] ?? .nan)
        }
      }
    }
    return Block(rows: rows, months: months, width: w, data: out)
  }

  /// Each calendar year's total in each of its months, per entity and variant; each total
  /// added in month order, all the variants of a row at once (vectorised).
  mutating func yearTotal(_ x: Block) -> Block {
    let years = timeline.months.map(\.year), months = months
    return runningTotals(x) { from, to, t, w, r in
      var first = 0
      while first < months {
        var last = first
        while last + 1 < months && years[last + 1] == years[first] { last += 1 }
        for v in 0..<w { t[v] = 0 }
        for m in first...last {
          let x = from(r, m)
          for v in 0..<w { t[v] += x[v] }
        }
        for m in first...last {
          let y = to(r, m)
          for v in 0..<w { y[v] = t[v] }
        }
        first = last + 1
      }
    }
  }

  /// The running total over months from the first, each (entity, variant) added in month
  /// order; `round` (a scale, 100 for cents) rounds each total as it is written, as
  /// `round(cumulative(x), 2)` does in two passes.
  mutating func cumulative(_ x: Block, round scale: Double? = nil) -> Block {
    let months = months
    return runningTotals(x) { from, to, acc, w, r in
      for v in 0..<w { acc[v] = 0 }
      for m in 0..<months {
        let x = from(r, m), y = to(r, m)
        for v in 0..<w { acc[v] += x[v] }
        if let scale {
          for v in 0..<w { y[v] = Kernels.roundHalfAwayFromZero(acc[v], scale: scale) }
        } else {
          for v in 0..<w { y[v] = acc[v] }
        }
      }
    }
  }

  /// `round(cumulative(x), d) − previous_month(round(cumulative(x), d), initial)` (`scale`
  /// 10^d) without the running totals written: each month's running total rounded, less the
  /// month before's (the first month's less `initial`), the same operations as apart
  /// (``cumulative(_:round:)`` then ``monthlyDifference(_:_:)``).
  mutating func centsLine(_ x: Block, _ initial: Block, scale: Double) -> Block {
    guard initial.data.count == 1 else {
      let running = cumulative(x, round: scale)
      defer { pool.give(running.data) }
      return monthlyDifference(running, initial)
    }
    let start = initial.data[0], months = months
    var last = [Double](repeating: start, count: x.width)
    return last.withUnsafeMutableBufferPointer { pl in
      runningTotals(x) { from, to, acc, w, r in
        let previous = pl.baseAddress!
        for v in 0..<w { acc[v] = 0 }
        for v in 0..<w { previous[v] = start }
        for m in 0..<months {
          let x = from(r, m), y = to(r, m)
          for v in 0..<w {
            acc[v] += x[v]
            let rounded = Kernels.roundHalfAwayFromZero(acc[v], scale: scale)
            y[v] = rounded - previous[v]
            previous[v] = rounded
          }
        }
      }
    }
  }

  /// A block of `x`'s shape made row by row by `body(from, to, totals, width, row)`: `from(r,
  /// m)` and `to(r, m)` point at the run of variants of `x` and of the result for an entity
  /// and month, `totals` at a run of `width` for the totals being added. Through pointers: no
  /// checked index arithmetic in the loops over the variants, which the compiler vectorises.
  @inline(__always)
  private mutating func runningTotals(
    _ x: Block,
    _ body: (
      _ from: (Int, Int) -> UnsafePointer<Double>, _ to: (Int, Int) -> UnsafeMutablePointer<Double>,
      _ totals: UnsafeMutablePointer<Double>, _ width: Int, _ row: Int
    ) -> Void
  ) -> Block {
    let w = x.width, months = months
    var out = pool.take(x.rows * months * w)
    var totals = [Double](repeating: 0, count: w)
    let sx = Strides(x)
    x.data.withUnsafeBufferPointer { px in
      out.withUnsafeMutableBufferPointer { po in
        totals.withUnsafeMutableBufferPointer { pt in
          guard w > 0, let t = pt.baseAddress, let px = px.baseAddress, let po = po.baseAddress else { return }
          for r in 0..<x.rows {
            body({ r, m in px + (r * sx.row + m * sx.month) }, { r, m in po + (r * months + m) * w }, t, w, r)
          }
        }
      }
    }
    return Block(rows: x.rows, months: months, width: w, data: out)
  }
}
