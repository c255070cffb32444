import Planner

/// The cases of `plan cost` given by its options: each option one value, a list (`cdd,cdi`)
/// or a range with its step (`--gross 1400..3000/100`, `--month 2011-01..2015-12`, every
/// month, or `/3` every third); the cases are every combination, in the order of the
/// contracts, categories, employers, headcounts, hours, pay and months (the month varying
/// fastest).
public enum CostGrid {
  /// A value the options refuse: the option's name and what it allows.
  public struct Refusal: Error, Sendable {
    public var phrase: Phrase
  }

  /// The values of a numeric option: `2000`, `1800,2000`, `1400..3000/100`.
  /// `positive`: more than the range's lower bound.
  public static func numbers(_ text: String, option: String, range: ClosedRange<Double>, positive: Bool = false) throws(Refusal)
    -> [Double]
  {
    func refuse() -> Refusal {
      Refusal(
        phrase: Phrase(
          positive ? "error.grid.positive" : "error.grid.number",
          [
            "option": .text(option), "value": .text(text), "from": .number(range.lowerBound, digits: 0),
            "to": .number(range.upperBound, digits: 0),
          ]))
    }
    func allowed(_ x: Double) -> Bool { x.isFinite && range.contains(x) && (!positive || x > range.lowerBound) }
    var out: [Double] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
      if let dots = part.range(of: "..") {
        let from = String(part[..<dots.lowerBound])
        let rest = String(part[dots.upperBound...])
        let pieces = rest.split(separator: "/", maxSplits: 1).map(String.init)
        guard pieces.count == 2, let a = Double(from), let b = Double(pieces[0]), let step = Double(pieces[1]), step > 0, a <= b,
          allowed(a), allowed(b)
        else { throw refuse() }
        let count = Int(((b - a) / step + 1e-9).rounded(.down)) + 1
        guard count <= CostCases.maximum else { throw refuse() }
        // Each value from the start and its index (no sum of steps drifting).
        for i in 0..<count { out.append(((a + Double(i) * step) * 1e6).rounded() / 1e6) }
      } else {
        guard let x = Double(part), allowed(x) else { throw refuse() }
        out.append(x)
      }
    }
    return out
  }

  /// The months of `--month`: `2012-01`, `2012-01,2013-01`, `2011-01..2015-12` (every
  /// month) or `2011-01..2015-12/12` (every twelfth).
  public static func months(_ text: String) throws(Refusal) -> [Month] {
    let refuse = Refusal(phrase: Phrase("error.grid.month", ["value": .text(text)]))
    var out: [Month] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
      if let dots = part.range(of: "..") {
        let rest = String(part[dots.upperBound...]).split(separator: "/", maxSplits: 1).map(String.init)
        guard let a = Month(parsing: String(part[..<dots.lowerBound])), let b = Month(parsing: rest[0]), a <= b else { throw refuse }
        let step = rest.count == 2 ? Int(rest[1]) ?? 0 : 1
        guard step >= 1 else { throw refuse }
        var m = a
        while m <= b {
          out.append(m)
          m = m.adding(months: step)
        }
      } else {
        guard let m = Month(parsing: part) else { throw refuse }
        out.append(m)
      }
    }
    return out
  }

  /// A list option: `cdd,cdi`.
  public static func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// Every combination, named by what varies (`cdd 2012-01 1 800,00`).
  public static func cases(
    contracts: [String], categories: [String], employers: [String], headcounts: [Double], hours: [Double?], grosses: [Double],
    months: [Month], template: CostQuery, messages m: Messages
  ) throws(Refusal) -> [CostCase] {
    let count = contracts.count * categories.count * employers.count * headcounts.count * hours.count * grosses.count * months.count
    guard count <= CostCases.maximum else {
      throw Refusal(phrase: Phrase("error.cases.too_many", ["count": .integer(count), "maximum": .integer(CostCases.maximum)]))
    }
    var out: [CostCase] = []
    out.reserveCapacity(count)
    for contract in contracts {
      for category in categories {
        for employer in employers {
          for headcount in headcounts {
            for h in hours {
              for gross in grosses {
                for month in months {
                  var q = template
                  q.contract = contract
                  q.category = category
                  q.employer = employer
                  q.headcount = Int(headcount)
                  q.hours = h
                  q.gross = gross
                  q.month = month
                  var name: [String] = []
                  if contracts.count > 1 { name.append(contract) }
                  if categories.count > 1 { name.append(category) }
                  if employers.count > 1 { name.append(employer) }
                  if headcounts.count > 1 { name.append(m.integer(Int(headcount))) }
                  if hours.count > 1, let h { name.append(m.number(h) + " h") }
                  if grosses.count > 1 { name.append(m.amount(gross)) }
                  if months.count > 1 { name.append("\(month)") }
                  out.append(CostCase(name: name.isEmpty ? "1" : name.joined(separator: " "), query: q, location: nil))
                }
              }
            }
          }
        }
      }
    }
    return out
  }
}
