import Planner

/// Recorded facts that the rules question: a warning that names the record and the rule, with
/// the figures that show it; never an error (what was recorded happened), never silence.
extension ProjectionBuilder {
  /// Whether a rule reads an input, directly or through the rules it reads.
  func reads(_ rule: RuleSet.Rule, input key: String) -> Bool {
    guard let target = ruleSet.inputs.firstIndex(where: { $0.key == key }) else { return false }
    var seen: Set<Int> = []
    var stack = [rule.index]
    while let r = stack.popLast() {
      guard seen.insert(r).inserted else { continue }
      var found = false
      ruleSet.rules[r].root.walk { if case .input(let i) = $0.kind, i == target { found = true } }
      if found { return true }
      stack += ruleSet.rules[r].dependencies
    }
    return false
  }

  /// A position rule's total over some months, for one position.
  func positionTotal(_ rule: String, row: Int, _ months: [Int]) -> Double {
    evaluation.total(rule, row: row, months: months) ?? 0
  }

  func checkSeedFacts() {
    let ids = evaluation.situation.entities["position"] ?? []
    for (e, exercise) in timeline.exercises.enumerated() {
      guard let a = scenario.actuals[exercise.id] else { continue }
      let months = (0..<timeline.monthCount).filter { timeline.exerciseIndex[$0] == e }
      func recorded(_ path: String) -> Double? {
        guard let row = a.budget[path] else { return nil }
        return (row["fonctionnement"] ?? 0) + (row["projets"] ?? 0)
      }
      // Hours worked on a line whose pay the budget does not record: at least the SMIC is owed.
      for (row, id) in ids.enumerated() {
        guard let p = scenario.positions.first(where: { $0.id == id }), ContractChain.employeeContracts.contains(p.contract) else {
          continue
        }
        let hoursBlock = evaluation.situation.inputs["position.hours"]
        func hoursIn(_ m: Int) -> Double { hoursBlock.map { $0[row, $0.months == 1 ? 0 : m, 0] } ?? 0 }
        let hours = months.reduce(0.0) { $0 + hoursIn($1) }
        guard hours > 0, (recorded("charges/remunerations/\(p.line)") ?? 0) == 0 else { continue }
        let smic = months.reduce(0.0) { sum, m in
          let h = hoursIn(m)
          return sum + h * ((try? ruleSet.parameters["smic_horaire"]?.value(at: timeline.months[m]).value) ?? 0)
        }
        warnings.append(
          .warning(
            .seedUnpaidHours,
            Phrase(
              "diagnostic.seed_unpaid_hours",
              [
                "period": .text(exercise.id), "position": .text(id), "contract": .text(p.contract), "hours": .number(hours, digits: 0),
                "line": .text(p.line), "smic": .euros(Money.cents(smic)),
              ]),
            at: p.location))
      }
      // A section's undetailed gap that an intern's minimum gratification explains.
      // (From the record, not the budget's "Non détaillé" row: the budget may be by month.)
      let path = "charges/remunerations"
      if let columns = a.budget[path] {
        let lines = a.budget.filter { $0.key.hasPrefix(path + "/") }.values.reduce(0.0) { $0 + $1.values.reduce(0, +) }
        let gap = columns.values.reduce(0, +) - lines
        for (row, id) in ids.enumerated() where gap > 0.5 {
          guard let p = scenario.positions.first(where: { $0.id == id }), p.contract == "stage" else { continue }
          let minimum = Money.cents(positionTotal("intern_minimum_gratification", row: row, months))
          guard minimum > 0, abs(minimum - gap) <= 0.01 * gap else { continue }
          warnings.append(
            .warning(
              .seedGapExplained,
              Phrase(
                "diagnostic.seed_gap_explained",
                ["period": .text(exercise.id), "gap": .euros(gap), "position": .text(id), "minimum": .euros(minimum)]),
              at: a.location(of: path)))
        }
      }
      // Aids the rules book under Autres that the record holds elsewhere.
      let aids = Money.cents(
        months.reduce(0.0) { total, m in
          total + ["anrt", "asp"].reduce(0.0) { $0 + value("produits.subventions.\($1).f", m) + value("produits.subventions.\($1).p", m) }
        })
      let recordedAids = ["anrt", "asp", "autres"].compactMap { recorded("produits/subventions/\($0)") }.reduce(0, +)
      if aids > 0, recordedAids == 0, let etat = recorded("produits/subventions/etat"), etat >= aids {
        warnings.append(
          .warning(
            .seedAidsElsewhere,
            Phrase("diagnostic.seed_aids_elsewhere", ["period": .text(exercise.id), "aids": .euros(aids), "etat": .euros(etat)]),
            at: a.location(of: "produits/subventions/etat")))
      }
    }
  }
}
