import Planner

extension ProjectionBuilder {
  /// The hours of one full-time equivalent over twelve months, from the rule packs.
  func hoursPerFTE(_ m: Int) -> Double {
    (try? ruleSet.parameters["full_time_hours_per_year"]?.value(at: timeline.months[m]).value) ?? .nan
  }

  func staffingRows(_ periods: [Period]) -> [StaffingRow] {
    var rows: [StaffingRow] = []
    for rule in ruleSet.rules where rule.group == "staffing" {
      let id = String(rule.path?.split(separator: "/").last ?? Substring(rule.name))
      let contracts = scenario.positions.filter { $0.line == id }.map(\.contract)
      var unique: [String] = []
      for c in contracts where !unique.contains(c) { unique.append(c) }
      var hours: [String: Double] = [:]
      var fte: [String: Double] = [:]
      for p in periods {
        let h = (total(rule.name, p.monthIndices) * 100).rounded() / 100
        hours[p.id] = h
        fte[p.id] = WorkTime.fte(hours: h, months: p.months, hoursPerYear: hoursPerFTE(p.monthIndices.last!))
      }
      rows.append(
        StaffingRow(
          id: id, label: rule.label ?? id, labelEN: rule.labelEN, contract: unique.joined(separator: ", "), hours: hours, fte: fte))
    }
    return rows
  }

  /// The source's staffing table: hours must be those of the positions; printed FTE are
  /// compared with hours / full time, rounded to two decimals.
  func checkPublishedStaffing(_ rows: [StaffingRow]) {
    guard kind == .exercise else { return }
    for (id, lines) in scenario.publishedStaffing.sorted(by: { $0.key < $1.key }) {
      for (line, printed) in lines.sorted(by: { $0.key < $1.key }) {
        guard let row = rows.first(where: { $0.id == line }), let h = row.hours[id], let f = row.fte[id] else {
          warnings.append(
            .warning(
              .sourceUnknownLine, Phrase("error.source_unknown_line.1", ["id": .text("\(id)"), "line": .text("\(line)")]),
              at: printed.location))
          continue
        }
        if abs(h - printed.hours) >= 0.005 {
          warnings.append(
            .warning(
              .staffingHoursDiffer,
              Phrase(
                "error.staffing_hours_differ.1",
                ["id": .text("\(id)"), "row_label": .text("\(row.label)"), "h": .text("\(h)"), "printed_hours": .text("\(printed.hours)")]),
              at: printed.location))
        }
        let rounded = (f * 100).rounded(.toNearestOrAwayFromZero) / 100
        if abs(rounded - printed.fte) >= 0.005 {
          warnings.append(
            .warning(
              .sourceFteRounding,
              Phrase(
                "diagnostic.source_fte_rounding",
                [
                  "period": .text(id), "label": .bilingual(fr: row.label, en: row.labelEN ?? row.label), "hours": .number(h, digits: 0),
                  "fte": .number(f, digits: 3), "rounded": .number(rounded, digits: 2), "printed": .number(printed.fte, digits: 2),
                ]),
              at: printed.location))
        }
      }
    }
    // Implied hourly pay of closed exercises, from the recorded salaries and the hours.
    for (e, exercise) in timeline.exercises.enumerated() {
      guard let a = scenario.actuals[exercise.id] else { continue }
      let months = (0..<timeline.monthCount).filter { timeline.exerciseIndex[$0] == e }
      let smic = months.compactMap { m in try? ruleSet.parameters["smic_horaire"]?.value(at: timeline.months[m]).value }.min() ?? 0
      for row in rows {
        let pay =
          (a.budget["charges/remunerations/\(row.id)"]?["fonctionnement"] ?? 0)
          + (a.budget["charges/remunerations/\(row.id)"]?["projets"] ?? 0)
        guard pay > 0, let h = row.hours[exercise.id] ?? nil, h > 0 else { continue }
        let hourly = pay / h
        if hourly < smic {
          // One position on the line, paid in a later exercise: how many months of that pay
          // the record holds, against the months of contract the scenario gives it.
          var months: Phrase.Argument = .text("")
          let range = exercise.months
          let on = scenario.positions.filter { $0.line == row.id && $0.start <= range.last && $0.end >= range.first }
          if on.count == 1, let p = on.first,
            let later = timeline.exercises.dropFirst(e + 1).first(where: { p.gross[$0.id] != nil }), let gross = p.gross[later.id],
            gross > 0
          {
            let contract = max(p.start, range.first).distance(to: min(p.end, range.last)) + 1
            months = .phrase(
              Phrase(
                "diagnostic.pay_under_smic.months",
                [
                  "exercise": .text(later.id), "gross": .euros(gross), "months": .number(pay / gross, digits: 1), "position": .text(p.id),
                  "contract": .months(contract),
                ]))
          }
          warnings.append(
            .warning(
              .implausiblePayUnderSmic,
              Phrase(
                "diagnostic.pay_under_smic",
                [
                  "period": .text(exercise.id), "label": .bilingual(fr: row.label, en: row.labelEN ?? row.label), "pay": .euros(pay),
                  "hours": .number(h, digits: 0), "hourly": .euros(hourly), "smic": .euros(smic), "months": months,
                ]),
              at: a.location(of: "charges/remunerations/\(row.id)")))
        }
      }
    }
  }

  func format2(_ x: Double) -> String {
    let r = (x * 1000).rounded() / 1000
    return "\(r)"
  }

  func indicators(_ periods: [Period], budget: [BudgetRow], staffing: [StaffingRow]) -> [String: [String: Double]] {
    func total(_ path: String, _ p: Period) -> Double {
      budget.first { $0.path == path && $0.budget == "total" }?.values[p.id] ?? 0
    }
    var out: [String: [String: Double]] = [:]
    // The reserves at a period's end: the reserves before the first month plus the results of
    // the periods so far, as shown (a 14-month recorded exercise split by year included).
    var reserves = Money.cents(value("reserves", 0) - value("result", 0))
    for p in periods {
      let last = p.monthIndices.last!
      let produits = total("produits/total", p), charges = total("charges/total", p)
      out["charges", default: [:]][p.id] = charges
      out["produits", default: [:]][p.id] = produits
      let result = Money.sum([produits, -charges])
      out["result", default: [:]][p.id] = result
      reserves = Money.sum([reserves, result])
      out["reserves", default: [:]][p.id] = reserves
      out["subsidies_share", default: [:]][p.id] = produits == 0 ? 0 : Money.cents(total("produits/subventions", p) / produits * 100)
      let members = value("members_count", last)
      out["dues_per_member", default: [:]][p.id] =
        members == 0 ? 0 : Money.cents(total("produits/autres_produits/cotisations", p) / members)
      let paidFTE = staffing.filter { $0.id != "comite_pilotage" && $0.id != "total" }.reduce(0) { $0 + ($1.fte[p.id] ?? 0) }
      out["fte", default: [:]][p.id] = (paidFTE * 100).rounded() / 100
      out["cost_per_fte", default: [:]][p.id] = paidFTE == 0 ? 0 : Money.cents(charges / paidFTE)
    }
    return out
  }
}
