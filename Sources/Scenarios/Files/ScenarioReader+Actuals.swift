import Planner

extension ScenarioReader {
  func actuals(_ node: YAMLNode) throws(DiagnosticList) -> Actuals {
    try ScenarioValue.known(node, ["budget", "shares"], "the actuals of an exercise")
    func table(_ n: YAMLNode?, _ locations: inout [String: SourceLocation]) throws(DiagnosticList) -> [String: [String: Double]] {
      guard let n else { return [:] }
      var out: [String: [String: Double]] = [:]
      for (path, pathNode, columns) in try n.mapping("rows by path") {
        locations[path] = pathNode.location
        var row: [String: Double] = [:]
        for (column, columnNode, value) in try columns.mapping("columns") {
          guard ["fonctionnement", "projets", "total"].contains(column) else {
            throw error(Phrase("error.scenario_reader_actuals.1", ["column": .text("\(column)")]), columnNode)
          }
          row[column] = try ScenarioValue.number(value, "an amount", unit: .euro)
        }
        out[path] = row
      }
      return out
    }
    var budgetLocations: [String: SourceLocation] = [:], shareLocations: [String: SourceLocation] = [:]
    return Actuals(
      budget: try table(node.value("budget"), &budgetLocations), shares: try table(node.value("shares"), &shareLocations),
      location: node.location, budgetLocations: budgetLocations, shareLocations: shareLocations)
  }
}
