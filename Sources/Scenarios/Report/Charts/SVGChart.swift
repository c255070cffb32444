import Foundation
import Planner

/// Charts as inline SVG for the board report: each with a title, axis labels in the report's
/// language, numbers in its form, a `<title>` and a `<desc>` for screen readers, colours from
/// the Okabe–Ito palette (distinct under the common colour blindnesses) and, for printing in
/// black and white, a dash pattern per series. No script, no external reference.
public enum SVGChart {
  /// Okabe & Ito's palette ("Color Universal Design", 2008), without its yellow (too light
  /// on white paper).
  static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000"]
  /// A dash pattern per series, so that lines stay apart in black and white.
  static let dashes = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 2", "12 6"]
  /// A fill pattern per stacked series (hatching), for the same reason.
  static let hatches = ["", "h1", "h2", "h3", "h4", "h5", "h6"]

  public struct Series: Sendable {
    public var name: String
    public var values: [Double]
    public init(_ name: String, _ values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// Text for XML: `&`, `<`, `>`, quotes escaped.
  public static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  /// About five round steps covering `low...high` (0 included).
  static func ticks(_ low: Double, _ high: Double) -> [Double] {
    let lo = min(low, 0), hi = max(high, 0)
    let span = max(hi - lo, 1)
    let raw = span / 5
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    let first = (lo / step).rounded(.down) * step
    var out: [Double] = []
    var t = first
    while t <= hi + step * 0.001 {
      out.append(abs(t) < step * 1e-9 ? 0 : t)
      t += step
    }
    if out.last! < hi { out.append(out.last! + step) }
    return out
  }

  /// A tick's label: euros in thousands (`-150 k€`) or plain.
  static func tickLabel(_ x: Double, euros: Bool, _ m: Messages) -> String {
    guard euros else { return m.number(x, digits: abs(x) < 10 && x != x.rounded() ? 1 : 0) }
    if abs(x) >= 1000 { return m.number(x / 1000, digits: 0) + m.unitSpace + m("chart.thousand_euros") }
    return m.number(x, digits: 0) + m.unitSpace + "€"
  }

  /// The frame every chart shares: `<svg>` with its title and description, the title drawn,
  /// the axis labels, and the hatching patterns.
  static func frame(width: Int, height: Int, title: String, desc: String, xLabel: String, yLabel: String, body: String) -> String {
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" class=\"chart\">"
    out += "<title>\(escape(title))</title><desc>\(escape(desc))</desc>"
    out += "<defs>"
    for (i, id) in hatches.enumerated() where !id.isEmpty {
      let angle = [0, 45, 135, 90, 0, 45, 135][i]
      let colour = palette[i % palette.count]
      out +=
        "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(\(angle))\">"
        + "<rect width=\"6\" height=\"6\" fill=\"\(colour)\" fill-opacity=\"0.55\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(colour)\" stroke-width=\"3\"/></pattern>"
    }
    out += "</defs>"
    out += "<text x=\"\(width / 2)\" y=\"20\" text-anchor=\"middle\" class=\"chart-title\">\(escape(title))</text>"
    out += "<text x=\"\(width / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\" class=\"axis-label\">\(escape(xLabel))</text>"
    out +=
      "<text x=\"14\" y=\"\(height / 2)\" text-anchor=\"middle\" class=\"axis-label\" transform=\"rotate(-90 14 \(height / 2))\">\(escape(yLabel))</text>"
    return out + body + "</svg>"
  }

  static func f(_ x: Double) -> String { String(format: "%.1f", x) }

  /// The plotting area and the y axis with its grid: a function from value to y.
  struct Area {
    var left = 78.0, right: Double, top = 34.0, bottom: Double
    var low: Double, high: Double
    func y(_ v: Double) -> Double { bottom - (v - low) / max(high - low, 1e-9) * (bottom - top) }

    func grid(_ ticks: [Double], euros: Bool, _ m: Messages) -> String {
      var out = ""
      for t in ticks {
        let y = f(self.y(t))
        out +=
          "<line x1=\"\(f(left))\" x2=\"\(f(right))\" y1=\"\(y)\" y2=\"\(y)\" class=\"\(t == 0 ? "zero" : "grid")\"/>"
          + "<text x=\"\(f(left - 6))\" y=\"\(y)\" dy=\"0.35em\" text-anchor=\"end\" class=\"tick\">\(escape(tickLabel(t, euros: euros, m)))</text>"
      }
      return out
    }
  }

  static func legend(_ names: [String], x: Double, y: Double, lines: Bool) -> String {
    var out = ""
    var cx = x
    for (i, name) in names.enumerated() {
      let colour = palette[i % palette.count]
      if lines {
        let dash = dashes[i % dashes.count]
        out +=
          "<line x1=\"\(f(cx))\" x2=\"\(f(cx + 22))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"\(colour)\" stroke-width=\"2.5\""
          + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
      } else {
        let fill = hatches[i % hatches.count].isEmpty ? colour : "url(#\(hatches[i % hatches.count]))"
        out += "<rect x=\"\(f(cx))\" y=\"\(f(y - 6))\" width=\"14\" height=\"12\" fill=\"\(fill)\" stroke=\"\(colour)\"/>"
      }
      out += "<text x=\"\(f(cx + 27))\" y=\"\(f(y))\" dy=\"0.35em\" class=\"legend\">\(escape(name))</text>"
      cx += 36 + Double(name.count) * 6.2
    }
    return out
  }

  /// Lines over time, one per series (x labels shown every `every` points).
  public static func lines(
    title: String, desc: String, xLabels: [String], every: Int, yLabel: String, xLabel: String, series: [Series], euros: Bool,
    _ m: Messages, width: Int = 720, height: Int = 300
  ) -> String {
    let all = series.flatMap(\.values)
    let ticks = ticks(all.min() ?? 0, all.max() ?? 0)
    var a = Area(right: Double(width) - 16, bottom: Double(height) - 64, low: ticks.first!, high: ticks.last!)
    a.top = 34
    var body = a.grid(ticks, euros: euros, m)
    let n = max(xLabels.count - 1, 1)
    func x(_ i: Int) -> Double { a.left + Double(i) / Double(n) * (a.right - a.left) }
    for (i, label) in xLabels.enumerated() where i % max(every, 1) == 0 {
      body += "<text x=\"\(f(x(i)))\" y=\"\(f(a.bottom + 14))\" text-anchor=\"middle\" class=\"tick\">\(escape(label))</text>"
    }
    for (k, s) in series.enumerated() {
      let points = s.values.enumerated().map { "\(f(x($0.offset))),\(f(a.y($0.element)))" }.joined(separator: " ")
      let dash = dashes[k % dashes.count]
      body +=
        "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(palette[k % palette.count])\" stroke-width=\"2.2\""
        + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "><title>\(escape(s.name))</title></polyline>"
    }
    body += legend(series.map(\.name), x: a.left, y: a.bottom + 32, lines: true)
    return frame(width: width, height: height, title: title, desc: desc, xLabel: xLabel, yLabel: yLabel, body: body)
  }

  /// A fan: per x, the band from p5 to p95 and the median, for one series.
  public static func fan(
    title: String, desc: String, xLabels: [String], low: [Double], median: [Double], high: [Double], plan: [Double]?,
    yLabel: String, xLabel: String, names: (band: String, median: String, plan: String), _ m: Messages, width: Int = 720,
    height: Int = 300
  ) -> String {
    let all = low + median + high + (plan ?? [])
    let ticks = ticks(all.min() ?? 0, all.max() ?? 0)
    let a = Area(right: Double(width) - 16, bottom: Double(height) - 64, low: ticks.first!, high: ticks.last!)
    var body = a.grid(ticks, euros: true, m)
    let n = max(xLabels.count - 1, 1)
    func x(_ i: Int) -> Double { a.left + 30 + Double(i) / Double(n) * (a.right - a.left - 60) }
    for (i, label) in xLabels.enumerated() {
      body += "<text x=\"\(f(x(i)))\" y=\"\(f(a.bottom + 14))\" text-anchor=\"middle\" class=\"tick\">\(escape(label))</text>"
    }
    let upper = high.enumerated().map { "\(f(x($0.offset))),\(f(a.y($0.element)))" }
    let lower = low.enumerated().reversed().map { "\(f(x($0.offset))),\(f(a.y($0.element)))" }
    body += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"url(#h1)\" stroke=\"\(palette[1])\" stroke-width=\"1\"/>"
    body +=
      "<polyline points=\"\(median.enumerated().map { "\(f(x($0.offset))),\(f(a.y($0.element)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(palette[0])\" stroke-width=\"2.5\"/>"
    var names2 = [names.band, names.median]
    if let plan {
      body +=
        "<polyline points=\"\(plan.enumerated().map { "\(f(x($0.offset))),\(f(a.y($0.element)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(palette[6])\" stroke-width=\"1.8\" stroke-dasharray=\"2 3\"/>"
      names2.append(names.plan)
    }
    // The legend: a hatched box for the band, lines for the median and the plan.
    body +=
      "<rect x=\"\(f(a.left))\" y=\"\(f(a.bottom + 26))\" width=\"14\" height=\"12\" fill=\"url(#h1)\" stroke=\"\(palette[1])\"/>"
      + "<text x=\"\(f(a.left + 19))\" y=\"\(f(a.bottom + 32))\" dy=\"0.35em\" class=\"legend\">\(escape(names.band))</text>"
    var cx = a.left + 40 + Double(names.band.count) * 6.2
    for (i, name) in names2.dropFirst().enumerated() {
      let colour = i == 0 ? palette[0] : palette[6]
      body +=
        "<line x1=\"\(f(cx))\" x2=\"\(f(cx + 22))\" y1=\"\(f(a.bottom + 32))\" y2=\"\(f(a.bottom + 32))\" stroke=\"\(colour)\" stroke-width=\"2.5\""
        + (i == 0 ? "" : " stroke-dasharray=\"2 3\"") + "/>"
        + "<text x=\"\(f(cx + 27))\" y=\"\(f(a.bottom + 32))\" dy=\"0.35em\" class=\"legend\">\(escape(name))</text>"
      cx += 36 + Double(name.count) * 6.2
    }
    return frame(width: width, height: height, title: title, desc: desc, xLabel: xLabel, yLabel: yLabel, body: body)
  }

  /// Stacked bars per category (x), one segment per series; negative values are not
  /// expected (income, FTE).
  public static func stacked(
    title: String, desc: String, categories: [String], series: [Series], yLabel: String, xLabel: String, euros: Bool, _ m: Messages,
    width: Int = 720, height: Int = 320
  ) -> String {
    let totals = categories.indices.map { i in series.reduce(0) { $0 + max(0, $1.values[i]) } }
    let ticks = ticks(0, totals.max() ?? 0)
    let legendRows = (series.count + 3) / 4
    let a = Area(right: Double(width) - 16, bottom: Double(height) - 44 - Double(legendRows) * 18, low: ticks.first!, high: ticks.last!)
    var body = a.grid(ticks, euros: euros, m)
    let slot = (a.right - a.left) / Double(max(categories.count, 1))
    for (i, c) in categories.enumerated() {
      let x = a.left + slot * Double(i) + slot * 0.2
      var base = 0.0
      for (k, s) in series.enumerated() {
        let v = max(0, s.values[i])
        guard v > 0 else { continue }
        let fill = hatches[k % hatches.count].isEmpty ? palette[k % palette.count] : "url(#\(hatches[k % hatches.count]))"
        body +=
          "<rect x=\"\(f(x))\" y=\"\(f(a.y(base + v)))\" width=\"\(f(slot * 0.6))\" height=\"\(f(a.y(base) - a.y(base + v)))\" fill=\"\(fill)\" stroke=\"\(palette[k % palette.count])\" stroke-width=\"0.8\"><title>\(escape("\(s.name), \(c): \(euros ? m.euros(v, digits: 0) : m.number(v, digits: 2))"))</title></rect>"
        base += v
      }
      body += "<text x=\"\(f(x + slot * 0.3))\" y=\"\(f(a.bottom + 14))\" text-anchor=\"middle\" class=\"tick\">\(escape(c))</text>"
    }
    for row in 0..<legendRows {
      let names = Array(series.map(\.name).enumerated().dropFirst(row * 4).prefix(4))
      var cx = a.left
      for (k, name) in names {
        let fill = hatches[k % hatches.count].isEmpty ? palette[k % palette.count] : "url(#\(hatches[k % hatches.count]))"
        let y = a.bottom + 30 + Double(row) * 18
        body +=
          "<rect x=\"\(f(cx))\" y=\"\(f(y - 6))\" width=\"14\" height=\"12\" fill=\"\(fill)\" stroke=\"\(palette[k % palette.count])\"/>"
          + "<text x=\"\(f(cx + 19))\" y=\"\(f(y))\" dy=\"0.35em\" class=\"legend\">\(escape(name))</text>"
        cx += (a.right - a.left) / 4
      }
    }
    return frame(width: width, height: height, title: title, desc: desc, xLabel: xLabel, yLabel: yLabel, body: body)
  }

  /// Horizontal bars around zero, largest first (a tornado of sensitivities).
  public static func tornado(title: String, desc: String, bars: [(String, Double)], xLabel: String, _ m: Messages, width: Int = 720)
    -> String
  {
    let height = 60 + bars.count * 24 + 30
    let maxAbs = max(bars.map { abs($0.1) }.max() ?? 0, 0.01)
    let labelWidth = 300.0, right = Double(width) - 20
    let mid = labelWidth + (right - labelWidth) / 2
    let scale = (right - labelWidth) / 2 / maxAbs
    var body = "<line x1=\"\(f(mid))\" x2=\"\(f(mid))\" y1=\"34\" y2=\"\(height - 34)\" class=\"zero\"/>"
    for (i, (name, v)) in bars.enumerated() {
      let y = 40.0 + Double(i) * 24
      let x = v >= 0 ? mid : mid + v * scale
      body +=
        "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 9))\" dy=\"0.35em\" text-anchor=\"end\" class=\"tick\">\(escape(name))</text>"
        + "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(abs(v) * scale, 0.5)))\" height=\"18\" fill=\"\(v >= 0 ? palette[0] : "url(#h1)")\" stroke=\"\(v >= 0 ? palette[0] : palette[1])\"/>"
        + "<text x=\"\(f(v >= 0 ? x + abs(v) * scale + 4 : x - 4))\" y=\"\(f(y + 9))\" dy=\"0.35em\" text-anchor=\"\(v >= 0 ? "start" : "end")\" class=\"tick\">\(escape(m.number(v, digits: 2)))</text>"
    }
    return frame(width: width, height: height, title: title, desc: desc, xLabel: xLabel, yLabel: "", body: body)
  }

  /// A waterfall: a start bar, the steps up or down, an end bar.
  public static func waterfall(
    title: String, desc: String, start: (String, Double), steps: [(String, Double)], end: (String, Double), yLabel: String,
    _ m: Messages, width: Int = 720, height: Int = 320
  ) -> String {
    var levels = [0.0, start.1]
    var running = start.1
    for s in steps {
      running += s.1
      levels.append(running)
    }
    levels.append(end.1)
    let ticks = ticks(levels.min()!, levels.max()!)
    let a = Area(right: Double(width) - 16, bottom: Double(height) - 70, low: ticks.first!, high: ticks.last!)
    var body = a.grid(ticks, euros: true, m)
    let bars = [start] + steps + [end]
    let slot = (a.right - a.left) / Double(bars.count)
    var level = 0.0
    for (i, (name, v)) in bars.enumerated() {
      let isTotal = i == 0 || i == bars.count - 1
      let from = isTotal ? 0 : level, to = isTotal ? v : level + v
      let x = a.left + slot * Double(i) + slot * 0.15
      let fill = isTotal ? palette[0] : (v >= 0 ? palette[2] : "url(#h1)")
      let stroke = isTotal ? palette[0] : (v >= 0 ? palette[2] : palette[1])
      body +=
        "<rect x=\"\(f(x))\" y=\"\(f(a.y(max(from, to))))\" width=\"\(f(slot * 0.7))\" height=\"\(f(max(abs(a.y(from) - a.y(to)), 0.8)))\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
        + "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(a.y(max(from, to)) - 4))\" text-anchor=\"middle\" class=\"tick\">\(escape((isTotal || v < 0 ? "" : "+") + m.number(v, digits: 0)))</text>"
      // The step's name under the axis, on two lines when long.
      let words = name.split(separator: " ").map(String.init)
      let half = (words.count + 1) / 2
      let lines: [String] =
        words.count > 2 ? [words[..<half].joined(separator: " "), words[half...].joined(separator: " ")] : [words.joined(separator: " ")]
      for k in lines.indices {
        body +=
          "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(a.bottom + 14 + Double(k) * 12))\" text-anchor=\"middle\" class=\"tick\">\(escape(lines[k]))</text>"
      }
      level = isTotal ? v : level + v
    }
    return frame(width: width, height: height, title: title, desc: desc, xLabel: "", yLabel: yLabel, body: body)
  }
}
