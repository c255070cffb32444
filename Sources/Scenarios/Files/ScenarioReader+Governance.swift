import Planner

extension ScenarioReader {
  func governance(_ node: YAMLNode) throws(DiagnosticList) -> Governance {
    try known(node, ["groups", "colleges", "indivisible_reserves"], "the governance")
    var groups: [Governance.Group] = []
    for g in try required(node, "groups", "the governance").sequence("the stakeholder groups") {
      try known(
        g, ["id", "label", "category", "social_economy", "natural_persons", "public_body", "associates", "capital", "college"],
        "a stakeholder group")
      let id = try text(try required(g, "id", "a group"), "an id")
      groups.append(
        Governance.Group(
          id: id, label: try g.value("label").map { (n) throws(DiagnosticList) in try text(n, "a label") } ?? id,
          category: try text(try required(g, "category", "a group"), "a category"),
          socialEconomy: try g.value("social_economy").map { (n) throws(DiagnosticList) in try bool(n, "social_economy") } ?? false,
          naturalPersons: try g.value("natural_persons").map { (n) throws(DiagnosticList) in try bool(n, "natural_persons") } ?? false,
          publicBody: try g.value("public_body").map { (n) throws(DiagnosticList) in try bool(n, "public_body") } ?? false,
          associates: Int(try number(try required(g, "associates", "a group"), "a number of associates")),
          capital: try g.value("capital").map { (n) throws(DiagnosticList) in try number(n, "an amount") } ?? 0,
          college: try g.value("college").map { (n) throws(DiagnosticList) in try text(n, "a college") }, location: g.location))
    }
    var colleges: [Governance.College] = []
    if let c = node.value("colleges") {
      for n in try c.sequence("the colleges") {
        try known(n, ["id", "label", "weight"], "a college")
        let id = try text(try required(n, "id", "a college"), "an id")
        colleges.append(
          Governance.College(
            id: id, label: try n.value("label").map { (l) throws(DiagnosticList) in try text(l, "a label") } ?? id,
            weight: try number(try required(n, "weight", "a college"), "a weight"), location: n.location))
      }
    }
    for g in groups {
      if let college = g.college, !colleges.contains(where: { $0.id == college }) {
        throw DiagnosticList([.error("scenario.unknown-value", "group '\(g.id)' is in college '\(college)', which the governance does not define", at: g.location)])
      }
    }
    let reserves = try node.value("indivisible_reserves").map { (n) throws(DiagnosticList) in try number(n, "a share") } ?? 1
    return Governance(groups: groups, colleges: colleges, indivisibleReserves: reserves, location: node.location)
  }
}
