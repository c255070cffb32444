import Planner

/// The contracts that follow one another on the same post (`post:`, by default the line):
/// what one position's inputs owe to the others (seniority kept, the indemnity not due when a
/// CDI follows, L1243-10 and L1243-11), and the rules on successive fixed-term contracts
/// (renewal within 18 months, L1242-8 and L1243-13; the waiting period, L1244-3).
struct ContractChain {
  let positions: [Position]
  let ruleSet: RuleSet

  static let employeeContracts: Set<String> = ["cdd", "cdd-objet-defini", "cdi", "cifre"]
  static let fixedTerm: Set<String> = ["cdd", "cdd-objet-defini"]

  /// The employee contract on the same post that starts the month after `p` ends.
  func successor(of p: Position) -> Position? {
    guard Self.employeeContracts.contains(p.contract), !p.openEnded else { return nil }
    return positions.first {
      $0.post == p.post && $0.id != p.id && Self.employeeContracts.contains($0.contract) && $0.start == p.end.adding(months: 1)
    }
  }

  /// The employee contract on the same post that ends the month before `p` starts.
  func predecessor(of p: Position) -> Position? {
    guard Self.employeeContracts.contains(p.contract) else { return nil }
    return positions.first {
      $0.post == p.post && $0.id != p.id && Self.employeeContracts.contains($0.contract) && $0.end.adding(months: 1) == p.start
    }
  }

  /// The first month of the seniority `p` carries: back through the contracts on its post
  /// that follow one another without a break.
  func seniorityStart(of p: Position) -> Month {
    var current = p
    var seen: Set<String> = [p.id]
    while let q = predecessor(of: current), seen.insert(q.id).inserted { current = q }
    return current.start
  }

  /// Whether a CDI on the same post follows `p` at once.
  func cdiFollows(_ p: Position) -> Bool { successor(of: p)?.isOpenEndedContract ?? false }

  /// Whether the 10 % end-of-contract indemnity is due: as the scenario says, otherwise not
  /// when a CDI on the same post follows at once (art. L1243-11).
  func indemnityDue(_ p: Position) -> Bool {
    if p.fieldLocations["indemnity_due"] != nil { return p.indemnityDue }
    if cdiFollows(p) { return false }
    return p.indemnityDue
  }

  /// A parameter's value at a month, or `nil` when the rule packs do not give it.
  func parameter(_ name: String, at month: Month) -> Double? {
    try? ruleSet.parameters[name]?.value(at: month).value
  }

  /// The rules on successive fixed-term contracts on one post. A contract starting in an
  /// open exercise that breaks them is an error; a recorded one (closed) a warning.
  func check(isClosed: (Month) -> Bool) -> [Diagnostic] {
    var out: [Diagnostic] = []
    // A CDD à objet défini needs an agreement that provides for it: refused when the scenario
    // says there is none, a warning when it does not say (a condition, never assumed).
    for p in positions where p.contract == "cdd-objet-defini" && p.agreement != true {
      if p.agreement == false && !isClosed(p.start) {
        out.append(.error(.scenarioLegalLimit, Phrase("diagnostic.objet_defini.none", ["position": .text(p.id)]), at: p.location))
      } else {
        out.append(
          .warning(
            .scenarioLegalLimit,
            Phrase(
              p.agreement == false ? "diagnostic.objet_defini.recorded" : "diagnostic.objet_defini.unknown", ["position": .text(p.id)]),
            at: p.location))
      }
    }
    // A CDD signed under a job aid (art. L1242-3) has its own limits (job-aids.yaml): neither
    // the 18 months of L1242-8 nor the waiting period (L1244-4 1°) apply to it.
    for p in positions where p.contract == "cdd" && p.aid == "none" {
      // The latest fixed-term contract on the same post ending before p starts.
      guard
        let q = positions.filter({
          $0.post == p.post && $0.id != p.id && Self.fixedTerm.contains($0.contract) && $0.aid == "none" && $0.end < p.start
        })
        .max(by: { $0.end < $1.end })
      else { continue }
      let closed = isClosed(p.start)
      func raise(_ message: Phrase, _ article: String) {
        let arguments: [String: Phrase.Argument] = [
          "position": .text(p.id), "previous": .text(q.id), "post": .text(p.post), "message": .phrase(message), "article": .text(article),
        ]
        let notes = [Diagnostic.Note(Phrase("diagnostic.note.previous_here", ["previous": .text(q.id)]), at: q.location)]
        out.append(
          closed
            ? .warning(.scenarioLegalLimit, Phrase("diagnostic.chain.recorded", arguments), at: p.location, notes: notes)
            : .error(.scenarioLegalLimit, Phrase("diagnostic.chain", arguments), at: p.location, notes: notes))
      }
      let gap = q.end.distance(to: p.start) - 1
      if gap == 0 {
        // The same CDD renewed: the chain's length and its renewals.
        var chain = [p, q]
        while let r = predecessor(of: chain.last!), r.contract == "cdd", r.aid == "none", !chain.contains(where: { $0.id == r.id }) {
          chain.append(r)
        }
        let first = chain.last!.start
        let months = first.distance(to: p.end) + 1
        if let max = parameter("cdd_duree_max", at: p.start), Double(months) > max {
          raise(
            Phrase(
              "diagnostic.chain.too_long",
              ["months": .months(months), "first": .month(first), "end": .month(p.end), "max": .months(Int(max))]),
            "L1242-8")
        } else if let max = parameter("cdd_renouvellements_max", at: p.start), Double(chain.count - 1) > max {
          raise(
            Phrase("diagnostic.chain.renewals", ["count": .integer(chain.count - 1), "max": .integer(Int(max))]), "L1243-13")
        }
      } else if let ratio = parameter("cdd_carence_ratio", at: p.start) {
        let length = q.start.distance(to: q.end) + 1
        let wait = Int((Double(length) * ratio - 1e-9).rounded(.up))
        if gap < wait {
          raise(
            Phrase(
              "diagnostic.chain.waiting",
              ["length": .months(length), "wait": .months(wait), "end": .month(q.end), "gap": .months(gap)]),
            "L1244-3")
        }
      }
    }
    return out
  }
}
