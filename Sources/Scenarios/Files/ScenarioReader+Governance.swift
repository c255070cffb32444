import Planner

extension ScenarioReader {
  func governance(_ node: YAMLNode) throws(DiagnosticList) -> Governance {
    try ScenarioValue.known(node, ["groups", "colleges", "indivisible_reserves", "legal_form"], "the governance")
    var groups: [Governance.Group] = []
    for g in try ScenarioValue.required(node, "groups", "the governance").sequence("the stakeholder groups") {
      try ScenarioValue.known(
        g, ["id", "label", "category", "social_economy", "natural_persons", "public_body", "associates", "capital", "college"],
        "a stakeholder group")
      let id = try ScenarioValue.required(g, "id", "a group").string("an id")
      groups.append(
        Governance.Group(
          id: id, label: try g.value("label").map { (n) throws(DiagnosticList) in try n.string("a label") } ?? id,
          category: try ScenarioValue.required(g, "category", "a group").string("a category"),
          socialEconomy: try g.value("social_economy").map { (n) throws(DiagnosticList) in try ScenarioValue.bool(n, "social_economy") }
            ?? false,
          naturalPersons: try g.value("natural_persons").map { (n) throws(DiagnosticList) in try ScenarioValue.bool(n, "natural_persons") }
            ?? false,
          publicBody: try g.value("public_body").map { (n) throws(DiagnosticList) in try ScenarioValue.bool(n, "public_body") } ?? false,
          associates: try ScenarioValue.count(try ScenarioValue.required(g, "associates", "a group"), "associates"),
          capital: try g.value("capital").map { (n) throws(DiagnosticList) in
            try ScenarioValue.number(n, "capital", unit: .euro, .nonNegative)
          } ?? 0,
          college: try g.value("college").map { (n) throws(DiagnosticList) in try n.string("a college") }, location: g.location))
    }
    var colleges: [Governance.College] = []
    if let c = node.value("colleges") {
      for n in try c.sequence("the colleges") {
        try ScenarioValue.known(n, ["id", "label", "weight"], "a college")
        let id = try ScenarioValue.required(n, "id", "a college").string("an id")
        colleges.append(
          Governance.College(
            id: id, label: try n.value("label").map { (l) throws(DiagnosticList) in try l.string("a label") } ?? id,
            weight: try ScenarioValue.number(try ScenarioValue.required(n, "weight", "a college"), "weight", .unitInterval),
            location: n.location))
      }
    }
    for g in groups {
      if let college = g.college, !colleges.contains(where: { $0.id == college }) {
        throw DiagnosticList([
          .error(
            .scenarioUnknownValue, Phrase("error.scenario_unknown_value.1", ["g_id": .text("\(g.id)"), "college": .text("\(college)")]),
            at: g.location)
        ])
      }
    }
    let reserves =
      try node.value("indivisible_reserves").map { (n) throws(DiagnosticList) in
        try ScenarioValue.number(n, "indivisible_reserves", .unitInterval)
      } ?? 1
    var g = Governance(groups: groups, colleges: colleges, indivisibleReserves: reserves, location: node.location)
    if let n = node.value("legal_form") {
      let form = try n.string("a legal form")
      guard Governance.legalForms.contains(form) else {
        throw ScenarioValue.error(
          Phrase(
            "error.scenario_reader_governance.1",
            ["form": .text("\(form)"), "value": .text("\(Governance.legalForms.joined(separator: ", "))")]), n,
          id: .scenarioUnknownValue)
      }
      g.legalForm = form
    }
    return g
  }
}
