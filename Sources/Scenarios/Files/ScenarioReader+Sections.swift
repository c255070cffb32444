import Planner

extension ScenarioReader {
  /// Reads the whole scenario over `base`.
  mutating func read(base: Scenario?, rulesFolder: String) throws(DiagnosticList) -> Scenario {
    let root = document.root
    try known(root, Self.sections, "a scenario")
    let id: String
    if let n = root.value("scenario") {
      id = try text(n, "the scenario's id")
    } else {
      id = String(document.path.split(separator: "/").last ?? "").replacing(".yaml", with: "")
    }
    var exercises = base?.exercises ?? []
    if let e = root.value("exercises") {
      exercises = []
      for (eid, _, range) in try e.mapping("the exercises") {
        guard let r = MonthRange(parsing: try range.string("a month range")) else {
          throw error("expected an exercise as YYYY-MM..YYYY-MM", range)
        }
        exercises.append(Exercise(id: eid, months: r))
      }
      do { _ = try Timeline(exercises: exercises) } catch {
        throw DiagnosticList(error.diagnostics.map { var d = $0; d.location = e.location; return d })
      }
    }
    guard !exercises.isEmpty else { throw error("a scenario needs 'exercises'", root) }
    var assumptions = base?.assumptions ?? []
    if let a = root.value("assumptions") {
      for n in try a.sequence("the assumptions") { assumptions.append(try text(n, "an assumption")) }
    }
    var s = Scenario(
      id: id, title: try title(root) ?? base?.title ?? id,
      path: document.path, rulesFolder: rulesFolder, exercises: exercises, assumptions: assumptions,
      organisation: try organisation(root.value("organisation"), base: base?.organisation),
      members: base?.members ?? [], dues: try dues(root.value("dues"), base: base?.dues),
      positions: base?.positions ?? [], subsidies: base?.subsidies ?? [], items: base?.items ?? [],
      actuals: base?.actuals ?? [:], publishedStaffing: base?.publishedStaffing ?? [:], governance: base?.governance,
      location: root.location)
    if let n = root.value("governance") { s.governance = try governance(n) }
    s.uncertainty = base?.uncertainty ?? Uncertainty()
    if let n = root.value("uncertainty") { s.uncertainty = try uncertainty(n, base: s.uncertainty) }
    if let n = root.value("members") { s.members = try merge(n, s.members, "members") { (n, b) throws(DiagnosticList) in try member(n, base: b) } }
    if let n = root.value("positions") {
      s.positions = try merge(n, s.positions, "positions") { (n, b) throws(DiagnosticList) in try position(n, base: b, exercises: exercises) }
    }
    if let n = root.value("subsidies") {
      s.subsidies = try merge(n, s.subsidies, "subsidies") { (n, b) throws(DiagnosticList) in try subsidy(n, base: b, exercises: exercises) }
    }
    if let n = root.value("items") { s.items = try merge(n, s.items, "items") { (n, b) throws(DiagnosticList) in try item(n, base: b, exercises: exercises) } }
    if let n = root.value("actuals") {
      for (eid, keyNode, body) in try n.mapping("the actuals") {
        guard exercises.contains(where: { $0.id == eid }) else { throw error("'\(eid)' is not an exercise of the scenario", keyNode) }
        s.actuals[eid] = try actuals(body)
      }
    }
    if let n = root.value("published_staffing") {
      for (eid, keyNode, body) in try n.mapping("the published staffing") {
        guard exercises.contains(where: { $0.id == eid }) else { throw error("'\(eid)' is not an exercise of the scenario", keyNode) }
        var lines: [String: PublishedStaffing] = [:]
        for (line, lineNode, figures) in try body.mapping("staffing lines") {
          try known(figures, ["hours", "fte"], "a staffing line")
          guard let h = figures.value("hours"), let f = figures.value("fte") else { throw error("a staffing line needs hours and fte", lineNode) }
          lines[line] = PublishedStaffing(hours: try number(h, "hours"), fte: try number(f, "fte"), location: lineNode.location)
        }
        s.publishedStaffing[eid] = lines
      }
    }
    return s
  }

  func title(_ root: YAMLNode) throws(DiagnosticList) -> String? {
    guard let n = root.value("title") else { return nil }
    return try text(n, "a title")
  }

  /// Merges a list of entries by id over the base's entries.
  func merge<T>(
    _ node: YAMLNode, _ base: [T], _ what: String, _ read: (YAMLNode, T?) throws(DiagnosticList) -> T
  ) throws(DiagnosticList) -> [T] {
    var out = base
    func idOf(_ t: T) -> String { Mirror(reflecting: t).children.first { $0.label == "id" }?.value as? String ?? "" }
    for entry in try node.sequence(what) {
      guard let idNode = entry.value("id") else { throw error("each entry of \(what) needs an 'id'", entry) }
      let id = try text(idNode, "an id")
      let index = out.firstIndex { idOf($0) == id }
      if let r = entry.value("remove"), try bool(r, "remove") {
        guard let index else { throw error("no entry '\(id)' in the base scenario's \(what) to remove", idNode) }
        out.remove(at: index)
        continue
      }
      if let index {
        out[index] = try read(entry, out[index])
      } else {
        out.append(try read(entry, nil))
      }
    }
    var seen = Set<String>()
    for t in out where !seen.insert(idOf(t)).inserted {
      throw DiagnosticList([.error("scenario.duplicate-id", "'\(idOf(t))' appears twice in \(what)", at: node.location)])
    }
    return out
  }

  func required(_ node: YAMLNode, _ key: String, _ what: String) throws(DiagnosticList) -> YAMLNode {
    guard let v = node.value(key) else { throw error("\(what) needs '\(key)'", node, id: "scenario.missing-field") }
    return v
  }
}
