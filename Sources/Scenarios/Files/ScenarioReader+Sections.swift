import Planner

extension ScenarioReader {
  /// Reads the whole scenario over `base`.
  mutating func read(base: Scenario?, rulesFolder: String) throws(DiagnosticList) -> Scenario {
    let root = document.root
    try ScenarioValue.known(root, Self.sections, "a scenario")
    let id: String
    if let n = root.value("scenario") {
      id = try n.string("the scenario's id")
    } else {
      id = String(document.path.split(separator: "/").last ?? "").replacing(".yaml", with: "")
    }
    var exercises = base?.exercises ?? []
    if let e = root.value("exercises") {
      exercises = []
      for (eid, _, range) in try e.mapping("the exercises") {
        guard let r = MonthRange(parsing: try range.string("a month range")) else {
          throw error(Phrase("error.scenario_reader_sections.1"), range)
        }
        guard r.count <= Limits.exerciseMonths else {
          throw error(
            Phrase(
              "error.scenario_reader_sections.2",
              ["eid": .text("\(eid)"), "r_count": .text("\(r.count)"), "limits_exercise_months": .text("\(Limits.exerciseMonths)")]), range,
            id: .scenarioLimit)
        }
        exercises.append(Exercise(id: eid, months: r))
      }
      let months = exercises.reduce(0) { $0 + $1.months.count }
      guard months <= Limits.horizonMonths else {
        throw error(
          Phrase(
            "error.scenario_reader_sections.3", ["months": .text("\(months)"), "limits_horizon_months": .text("\(Limits.horizonMonths)")]),
          e, id: .scenarioLimit)
      }
      do { _ = try Timeline(exercises: exercises) } catch {
        throw DiagnosticList(
          error.diagnostics.map {
            var d = $0
            d.location = e.location
            return d
          })
      }
    }
    guard !exercises.isEmpty else { throw error(Phrase("error.scenario_reader_sections.4"), root) }
    var assumptions = base?.assumptions ?? []
    if let a = root.value("assumptions") {
      for n in try a.sequence("the assumptions") { assumptions.append(try n.string("an assumption")) }
    }
    let context = FieldContext(exercises: exercises)
    var s = Scenario(
      id: id, title: try title(root) ?? base?.title ?? id,
      path: document.path, rulesFolder: rulesFolder, exercises: exercises, assumptions: assumptions,
      organisation: try section(root.value("organisation"), base: base?.organisation ?? Organisation(), context),
      members: base?.members ?? [], dues: try section(root.value("dues"), base: base?.dues ?? DuesPolicy(), context),
      positions: base?.positions ?? [], subsidies: base?.subsidies ?? [], items: base?.items ?? [],
      actuals: base?.actuals ?? [:], publishedStaffing: base?.publishedStaffing ?? [:], governance: base?.governance,
      location: root.location)
    if base == nil && root.value("organisation") == nil {
      throw DiagnosticList([.error(.scenarioMissingField, Phrase("error.scenario_missing_field.1"), at: root.location)])
    }
    if let d = s.organisation.dissolved, !exercises.contains(where: { $0.months.last == d }) {
      let ends = exercises.map { "\($0.months.last)" }.joined(separator: ", ")
      throw DiagnosticList([
        .error(
          .scenarioOutOfDomain,
          Phrase("error.scenario_out_of_domain.1", ["d": .text("\(d)"), "ends": .text("\(ends)")]),
          at: s.organisation.fieldLocations["dissolved"] ?? root.location)
      ])
    }
    if let n = root.value("governance") { s.governance = try governance(n) }
    s.legalLimitsAsWarnings = base?.legalLimitsAsWarnings ?? false
    if let n = root.value("legal_limits") {
      switch try n.string("legal_limits") {
      case "error": s.legalLimitsAsWarnings = false
      case "warning": s.legalLimitsAsWarnings = true
      case let other:
        throw error(
          Phrase("error.scenario_reader_sections.5", ["other": .text("\(other)")]),
          n, id: .scenarioUnknownValue)
      }
    }
    s.uncertainty = try section(root.value("uncertainty"), base: base?.uncertainty ?? Uncertainty(), context)
    s.treasury = try section(root.value("treasury"), base: base?.treasury ?? TreasuryPolicy(), context)
    if let n = root.value("members") { s.members = try merge(n, s.members, context) }
    if let n = root.value("positions") { s.positions = try merge(n, s.positions, context) }
    if let n = root.value("subsidies") { s.subsidies = try merge(n, s.subsidies, context) }
    if let n = root.value("items") { s.items = try merge(n, s.items, context) }
    s.organisations = base?.organisations ?? []
    if let n = root.value("organisations") { s.organisations = try merge(n, s.organisations, context) }
    if let n = root.value("actuals") {
      for (eid, keyNode, body) in try n.mapping("the actuals") {
        guard exercises.contains(where: { $0.id == eid }) else {
          throw error(Phrase("error.scenario_reader_sections.6", ["eid": .text("\(eid)")]), keyNode)
        }
        s.actuals[eid] = try actuals(body)
      }
    }
    if let n = root.value("published_staffing") {
      for (eid, keyNode, body) in try n.mapping("the published staffing") {
        guard exercises.contains(where: { $0.id == eid }) else {
          throw error(Phrase("error.scenario_reader_sections.7", ["eid": .text("\(eid)")]), keyNode)
        }
        var lines: [String: PublishedStaffing] = [:]
        for (line, lineNode, figures) in try body.mapping("staffing lines") {
          try ScenarioValue.known(figures, ["hours", "fte"], "a staffing line")
          guard let h = figures.value("hours"), let f = figures.value("fte") else {
            throw error(Phrase("error.scenario_reader_sections.8"), lineNode)
          }
          lines[line] = PublishedStaffing(
            hours: try ScenarioValue.number(h, "hours", unit: .hour), fte: try ScenarioValue.number(f, "fte", unit: .fte),
            location: lineNode.location)
        }
        s.publishedStaffing[eid] = lines
      }
    }
    return s
  }

  func title(_ root: YAMLNode) throws(DiagnosticList) -> String? {
    guard let n = root.value("title") else { return nil }
    return try n.string("a title")
  }

}
