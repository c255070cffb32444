import Planner

extension ScenarioReader {
  func actuals(_ node: YAMLNode) throws(DiagnosticList) -> Actuals {
    try ScenarioValue.known(node, ["budget", "shares"], "the actuals of an exercise")
    func table(_ n: YAMLNode?) throws(DiagnosticList) -> [String: [String: Double]] {
      guard let n else { return [:] }
      var out: [String: [String: Double]] = [:]
      for (path, _, columns) in try n.mapping("rows by path") {
        var row: [String: Double] = [:]
        for (column, columnNode, value) in try columns.mapping("columns") {
          guard ["fonctionnement", "projets", "total"].contains(column) else {
            throw error("a column is fonctionnement, projets or total; found '\(column)'", columnNode)
          }
          row[column] = try ScenarioValue.number(value, "an amount", unit: .euro)
        }
        out[path] = row
      }
      return out
    }
    return Actuals(budget: try table(node.value("budget")), shares: try table(node.value("shares")), location: node.location)
  }
}

