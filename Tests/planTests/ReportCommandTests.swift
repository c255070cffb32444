import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `plan report`: page 1's figures are the other commands' JSON figures, the document is
/// well-formed, self-contained and the same bytes for the same inputs, and (with Chromium)
/// it prints to a PDF whose synthesis is one page.
@Suite(.serialized) struct ReportCommandTests {
  static let dir = TemporaryFolders.make("plan-report")
  static let scenarios = ["scenarios/baseline.yaml", "scenarios/scic-2013.yaml"]
  static let arguments = ["--statutes", "--draws", "300", "--seed", "5"]

  /// The report of the two scenarios under each statute, written once for the suite.
  static let report: (path: String, text: String) = {
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("rapport.html").path
    let r = try! PlanBinary.run(["report"] + scenarios + arguments + ["-o", path], environment: ["LANG": "fr_FR.UTF-8"])
    precondition(r.status == 0, r.err)
    return (path, try! String(contentsOfFile: path, encoding: .utf8))
  }()

  static func json(_ arguments: [String]) throws -> Any {
    let r = try PlanBinary.run(arguments + ["--format", "json"])
    #expect(r.status == 0, "\(r.err)")
    return try JSONSerialization.jsonObject(with: Data(r.out.utf8))
  }

  /// A French amount as the report writes it: `-8 192,93` (narrow no-break spaces).
  static func french(_ x: Double, digits: Int) -> String {
    let scaled = (abs(x) * pow(10, Double(digits))).rounded()
    var whole = String(Int(scaled / pow(10, Double(digits))))
    var grouped = ""
    while whole.count > 3 {
      grouped = "\u{202F}" + whole.suffix(3) + grouped
      whole = String(whole.dropLast(3))
    }
    let fraction =
      digits == 0 ? "" : "," + String(format: "%0\(digits)d", Int(scaled.truncatingRemainder(dividingBy: pow(10, Double(digits)))))
    return (x < 0 && scaled != 0 ? "-" : "") + whole + grouped + fraction
  }

  @Test func pageOneFiguresAreTheCommandsJSONFigures() throws {
    let document = try XMLDocument(xmlString: Self.report.text, options: [])
    let cells = try document.nodes(forXPath: "//*[local-name()='td'][@data-key]").compactMap { $0 as? XMLElement }
    #expect(cells.count >= 6 * 20, "\(cells.count) figures")
    // Each scenario's figures under each statute, and its simulation under each statute.
    var indicators: [String: [String: [String: Double]]] = [:]
    var probabilities: [String: [String: [String: Double]]] = [:]
    for path in Self.scenarios {
      let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      let statutes = try #require(try Self.json(["statutes", path]) as? [String: Any])
      for entry in try #require(statutes["statutes"] as? [[String: Any]]) {
        let statute = try #require(entry["statute"] as? String)
        indicators["\(id)/\(statute)"] = entry["indicators"] as? [String: [String: Double]]
      }
      let sims = try #require(try Self.json(["simulate", path] + Self.arguments) as? [String: [String: Any]])
      for (statute, sim) in sims { probabilities["\(id)/\(statute)"] = sim["probabilities"] as? [String: [String: Double]] }
    }
    var checked = Set<String>()
    func attribute(_ cell: XMLElement, _ name: String) -> String { (cell.attributes ?? []).first { $0.name == name }?.stringValue ?? "" }
    for cell in cells {
      let key = attribute(cell, "data-key"), period = attribute(cell, "data-period"), option = attribute(cell, "data-option")
      let value = try #require(Double(attribute(cell, "data-value")), "\(key) \(option)")
      let expected: Double?
      switch key {
      case "lowest_cash": expected = indicators[option]?["lowest_cash"]?.values.min()
      case "p_deficit": expected = probabilities[option]?["deficit"]?[period]
      case "p_cash_below_zero": expected = probabilities[option]?["cash_below_zero"]?[period]
      default: expected = indicators[option]?[key]?[period]
      }
      let e = try #require(expected, "\(option) \(key) \(period)")
      #expect(abs(value - e) < 0.005, "\(option) \(key) \(period): \(value) ≠ \(e)")
      // The figure shown is the figure carried, written the French way.
      let shown = (cell.stringValue ?? "").replacingOccurrences(of: "*", with: "")
      switch key {
      case "p_deficit", "p_cash_below_zero": #expect(shown == Self.french(e * 100, digits: 0) + "\u{00A0}%", "\(shown)")
      case "subsidies_share": #expect(shown == Self.french(e, digits: 0) + "\u{00A0}%", "\(shown)")
      default: #expect(shown == Self.french(e, digits: 2), "\(key): \(shown)")
      }
      checked.insert(key)
    }
    #expect(checked == ["result", "reserves", "lowest_cash", "p_deficit", "p_cash_below_zero", "subsidies_share", "fte"])
    // Eight options: two scenarios under four statutes.
    #expect(Set(cells.map { attribute($0, "data-option") }).count == 8)
  }

  @Test func selfContainedWellFormedAndTheSameBytes() throws {
    let text = Self.report.text
    for reference in ["src=", "href=", "<link", "<script", "@import", "url(http", "url(\"http", "url('http"] {
      #expect(!text.contains(reference), "\(reference)")
    }
    #expect(text.contains("<svg") && text.contains("<title>") && text.contains("<desc>"))
    _ = try XMLDocument(xmlString: text, options: [])
    let again = Self.dir.appendingPathComponent("again.html").path
    let r = try PlanBinary.run(["report"] + Self.scenarios + Self.arguments + ["-o", again], environment: ["LANG": "fr_FR.UTF-8"])
    #expect(r.status == 0, "\(r.err)")
    #expect(try String(contentsOfFile: again, encoding: .utf8) == text)
    // In English on request, with English words and the same figures.
    let en = Self.dir.appendingPathComponent("report-en.html").path
    #expect(try PlanBinary.run(["report", Self.scenarios[0], "--draws", "0", "--lang", "en", "-o", en]).status == 0)
    let english = try String(contentsOfFile: en, encoding: .utf8)
    #expect(english.contains("<h1>Summary</h1>") && text.contains("<h1>Synthèse</h1>"))
  }

  @Test func badInputLeavesAnExistingReportUntouched() throws {
    let path = Self.dir.appendingPathComponent("kept.html").path
    try Data("previous report".utf8).write(to: URL(fileURLWithPath: path))
    let bad = Self.dir.appendingPathComponent("bad.yaml").path
    try Data("scenario: bad\nextends: ../nowhere.yaml\n".utf8).write(to: URL(fileURLWithPath: bad))
    let r = try PlanBinary.run(["report", bad, "-o", path])
    #expect(r.status == 1)
    #expect(r.err.contains("bad.yaml:2:"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous report")
    let missing = try PlanBinary.run(["report", Self.scenarios[0], "--draws", "0", "-o", "/nonexistent-folder/r.html"])
    #expect(missing.status == 1 && missing.err.contains("--output"))
    let unknown = try PlanBinary.run(["report", Self.scenarios[0], "--statute", "-o", path])
    #expect(unknown.status == 64)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous report")
  }

  /// Chromium loads the report with no console message and prints it to A4; the synthesis is
  /// page 1 alone; a screenshot is kept in `.build/report-screenshot.png` for a person.
  @Test func printsToPDFWithTheSynthesisOnOnePage() throws {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    try #require(chromium != nil, "the tests need Debian's chromium (the README's first command installs it)")
    let pdf = Self.dir.appendingPathComponent("rapport.pdf").path
    let html = Self.dir.appendingPathComponent("printed.html").path
    let r = try PlanBinary.run(
      ["report"] + Self.scenarios + Self.arguments + ["-o", html, "--pdf", pdf], environment: ["LANG": "fr_FR.UTF-8"])
    #expect(r.status == 0, "\(r.err)")
    func tool(_ path: String, _ arguments: [String]) throws -> String { try runTool(path, arguments).output }
    let info = try tool("/usr/bin/pdfinfo", [pdf])
    let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
    #expect(pages >= 5, "\(info)")
    #expect(info.contains("(A4)"), "A4: \(info)")
    let first = try tool("/usr/bin/pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"])
    let second = try tool("/usr/bin/pdftotext", ["-f", "2", "-l", "2", "-layout", pdf, "-"])
    #expect(first.contains("Synthèse") && first.contains("Ce qui compte le plus"), "\(first)")
    #expect(!first.contains("Graphiques") && second.contains("Graphiques"), "\(second.prefix(200))")
    // No console message when Chromium loads it (no script, nothing fetched).
    let log = try tool(
      chromium!,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(Self.dir.appendingPathComponent("profile").path)",
        "--enable-logging=stderr", "--v=0", "--dump-dom", URL(fileURLWithPath: html).absoluteString,
      ])
    #expect(!log.contains("CONSOLE"), "\(log.split(separator: "\n").filter { $0.contains("CONSOLE") })")
    let shot = PlanBinary.packageRoot.appendingPathComponent(".build/report-screenshot.png").path
    _ = try tool(
      chromium!,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(Self.dir.appendingPathComponent("profile").path)",
        "--hide-scrollbars", "--window-size=1100,1400", "--screenshot=\(shot)", URL(fileURLWithPath: html).absoluteString,
      ])
    #expect(FileManager.default.fileExists(atPath: shot))
  }
}
