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

  func previousMonth(_ x: Block, _ initial: Block) -> Block {
    let (rows, _, w) = Kernels.shape(x, initial)
    var out = [Double](repeating: 0, count: rows * months * w)
    for r in 0..<rows {
      for m in 0..<months {
        for v in 0..<w { out[(r * months + m) * w + v] = m == 0 ? initial[r, 0, v] : x[r, m - 1, v] }
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

  func yearTotal(_ x: Block) -> Block {
    let years = timeline.months.map(\.year)
    var out = [Double](repeating: 0, count: x.rows * months * x.width)
    for r in 0..<x.rows {
      for v in 0..<x.width {
        var first = 0
        while first < months {
          var last = first
          while last + 1 < months && years[last + 1] == years[first] { last += 1 }
          var total = 0.0
          for m in first...last { total += x[r, m, v] }
          for m in first...last { out[(r * months + m) * x.width + v] = total }
          first = last + 1
        }
      }
    }
    return Block(rows: x.rows, months: months, width: x.width, data: out)
  }

  func cumulative(_ x: Block) -> Block {
    var out = [Double](repeating: 0, count: x.rows * months * x.width)
    for r in 0..<x.rows {
      for v in 0..<x.width {
        var acc = 0.0
        for m in 0..<months {
          acc += x[r, m, v]
          out[(r * months + m) * x.width + v] = acc
        }
      }
    }
    return Block(rows: x.rows, months: months, width: x.width, data: out)
  }
}
