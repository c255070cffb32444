import Planner

extension Scenario {
  /// Checks every value that names one of the rule packs' categories (a position's line,
  /// contract and category, a subsidy's funder and budget, an item's line and budget, a
  /// member's kind, the statutes) against the categories the rule packs declare. Each error
  /// is located at the value and suggests the nearest valid one.
  public func checkCategories(_ ruleSet: RuleSet) throws(DiagnosticList) {
    var errors: [Diagnostic] = []
    func check<S: DeclaredSection>(_ section: S, fallback: SourceLocation) {
      for field in S.fields {
        guard let key = field.categories, let values = field.category?(section) else { continue }
        let at = section.location(of: field.key, or: fallback)
        guard let input = ruleSet.input(key) else {
          errors.append(
            .error(
              .scenarioRulesMissing,
              Phrase("error.scenario_rules_missing.2", ["key": .text("\(key)"), "field_key": .text("\(field.key)")]), at: at))
          continue
        }
        for (value, place) in values where !input.categories.contains(value) {
          var message = Phrase(
            "error.scenario.not_one_of", ["field": .text(field.key), "value": .text(value), "list": .list(input.categories)])
          if let s = Suggestion.nearest(to: value, among: input.categories) {
            message = Phrase("error.scenario.unknown_value_near", ["field": .text(field.key), "value": .text(value), "near": .text(s)])
          }
          errors.append(.error(.scenarioUnknownValue, message, at: place ?? at, length: value.count))
        }
      }
    }
    check(organisation, fallback: location)
    check(treasury, fallback: location)
    check(uncertainty, fallback: location)
    for m in members { check(m, fallback: m.location) }
    for p in positions { check(p, fallback: p.location) }
    for s in subsidies { check(s, fallback: s.location) }
    for i in items { check(i, fallback: i.location) }
    if !errors.isEmpty { throw DiagnosticList(errors) }
  }
}
