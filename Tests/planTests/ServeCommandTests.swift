import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `plan serve` against a real server on the loopback: the API's contract, saving a variant,
/// the pages, and the security rules (names, token, content type, body size, bad JSON).
@Suite(.serialized) struct ServeCommandTests {
  static let token = "test-token-0123456789abcdef"

  /// A running server on a copy of the shipped scenarios, and its base URL.
  final class Server {
    let process = Process()
    let workspace: URL
    var base = ""

    init(host: String = "127.0.0.1") throws {
      workspace = FileManager.default.temporaryDirectory.appendingPathComponent("plan-serve-\(UUID().uuidString)")
      try FileManager.default.copyItem(at: PlanBinary.packageRoot.appendingPathComponent("scenarios"), to: workspace)
      process.executableURL = PlanBinary.url
      process.arguments = ["serve", "--workspace", workspace.path, "--port", "0", "--host", host, "--token", ServeCommandTests.token]
      var env = ProcessInfo.processInfo.environment
      env["LANG"] = "C.UTF-8"
      process.environment = env
      let out = Pipe()
      process.standardOutput = out
      process.standardError = FileHandle.nullDevice
      try process.run()
      var text = ""
      while !text.contains("\n") {
        let data = out.fileHandleForReading.availableData
        if data.isEmpty { break }
        text += String(decoding: data, as: UTF8.self)
      }
      let first = text.split(separator: "\n").first.map(String.init) ?? ""
      precondition(first.hasPrefix("listening on http://"), "the server said: \(text)")
      let port = first.split(separator: ":").last!
      base = "http://127.0.0.1:\(port)"
    }

    deinit {
      process.terminate()
      process.waitUntilExit()
      try? FileManager.default.removeItem(at: workspace)
    }

    func request(_ method: String, _ path: String, json: Any? = nil, body: Data? = nil, headers: [String: String] = [:]) async throws
      -> (status: Int, data: Data)
    {
      var r = URLRequest(url: URL(string: base + path)!)
      r.httpMethod = method
      if let json {
        r.httpBody = try JSONSerialization.data(withJSONObject: json)
        r.setValue("application/json", forHTTPHeaderField: "Content-Type")
      }
      if let body { r.httpBody = body }
      for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
      let (data, response) = try await URLSession.shared.data(for: r)
      return ((response as! HTTPURLResponse).statusCode, data)
    }

    func error(_ data: Data) -> String? {
      ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]).flatMap { $0["error"] as? [String: Any] }?["message"] as? String
    }
  }

  @Test func theAPIsContract() async throws {
    let server = try Server()
    let openapi = try await server.request("GET", "/api/openapi.json")
    #expect(openapi.status == 200)
    let file = try Data(contentsOf: PlanBinary.packageRoot.appendingPathComponent("Sources/plan/Web/Assets/openapi.json"))
    #expect(openapi.data == file)
    let list = try await server.request("GET", "/api/scenarios")
    let entries = try #require(try JSONSerialization.jsonObject(with: list.data) as? [[String: String]])
    #expect(entries.contains { $0["id"] == "baseline" && $0["file"] == "baseline.yaml" && !($0["title"] ?? "").isEmpty })
    // The FSE stopped in 2013 by a change gives the figures of the variant that says so.
    let run = try await server.request(
      "POST", "/api/scenarios/baseline/run", json: ["changes": [["path": "subsidies.fse.2013", "value": 0]]])
    #expect(run.status == 200)
    let changed = try #require(try JSONSerialization.jsonObject(with: run.data) as? [String: Any])
    let file2 = try PlanBinary.run(["run", "scenarios/europe-stops-2013.yaml", "--format", "json"])
    let variant = try #require(try JSONSerialization.jsonObject(with: Data(file2.out.utf8)) as? [String: Any])
    let a = (changed["indicators"] as? [String: [String: Double]])?["result"],
      b = (variant["indicators"] as? [String: [String: Double]])?["result"]
    #expect(a != nil && a == b)
    // No change: what plan run --format json returns.
    let same = try await server.request("POST", "/api/scenarios/baseline/run", json: ["changes": [Any]()])
    let plain = try PlanBinary.run(["run", "scenarios/baseline.yaml", "--format", "json"])
    let x = try #require(try JSONSerialization.jsonObject(with: same.data) as? [String: Any])
    let y = try #require(try JSONSerialization.jsonObject(with: Data(plain.out.utf8)) as? [String: Any])
    #expect((x["indicators"] as? [String: [String: Double]]) == (y["indicators"] as? [String: [String: Double]]))
  }

  @Test func savesAVariantThatPlanCheckAccepts() async throws {
    let server = try Server()
    // "The European grant stops in 2013 and we become a SCIC": the SCIC scenario (its
    // governance, no volunteers) with the grant of 2013 at zero, and an intern taken out.
    let changes: [[String: Any]] = [
      ["path": "subsidies.fse.2013", "value": 0], ["path": "dues.rate", "value": 0.012],
      ["path": "positions.stagiaire_2012_c.remove", "value": 1],
    ]
    let auth = ["Authorization": "Bearer \(Self.token)"]
    let saved = try await server.request(
      "POST", "/api/scenarios/scic-2013/variants", json: ["name": "europe-scic", "changes": changes], headers: auth)
    #expect(saved.status == 201, "\(String(decoding: saved.data, as: UTF8.self))")
    let path = server.workspace.appendingPathComponent("europe-scic.yaml").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("extends: \"scic-2013.yaml\"") && text.contains("  - id: \"stagiaire_2012_c\"\n    remove: true\n"))
    let check = try PlanBinary.run(["check", path])
    #expect(check.status == 0, "\(check.err)")
    let list = try await server.request("GET", "/api/scenarios")
    #expect(String(decoding: list.data, as: UTF8.self).contains("europe-scic"))
    // Never over an existing file unless asked.
    let again = try await server.request("POST", "/api/scenarios/scic-2013/variants", json: ["name": "europe-scic"], headers: auth)
    #expect(again.status == 422 && server.error(again.data)?.contains("exists") == true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    // The saved variant gives what the changes gave.
    let run = try await server.request("POST", "/api/scenarios/scic-2013/run", json: ["changes": changes])
    let viaChanges = try #require(try JSONSerialization.jsonObject(with: run.data) as? [String: Any])
    let viaFile = try PlanBinary.run(["run", path, "--format", "json"])
    let fileFigures = try #require(try JSONSerialization.jsonObject(with: Data(viaFile.out.utf8)) as? [String: Any])
    #expect(
      (viaChanges["indicators"] as? [String: [String: Double]])?["reserves"]
        == (fileFigures["indicators"] as? [String: [String: Double]])?["reserves"])
    // An unlawful variant (a SCIC hosting volunteers, without governance) is refused with the law's message.
    let unlawful = try await server.request(
      "POST", "/api/scenarios/baseline/variants", json: ["name": "unlawful", "changes": [["path": "statute.2013-01", "value": "scic"]]],
      headers: auth)
    #expect(unlawful.status == 422 && server.error(unlawful.data)?.contains("service civique") == true)
    #expect(!FileManager.default.fileExists(atPath: server.workspace.appendingPathComponent("unlawful.yaml").path))
  }

  /// The what-if of a scenario page: "the European grant stops in 2013 and we become a SCIC"
  /// run and compared with the scenario as written, its charts redrawn, the warnings it brings.
  @Test func whatIfRunsComparesAndRedraws() async throws {
    let server = try Server()
    let changes: [[String: Any]] = [["path": "subsidies.fse.2013", "value": 0], ["path": "statute.2013-01", "value": "scic"]]
    let answer = try await server.request("POST", "/api/scenarios/baseline/whatif", json: ["changes": changes])
    #expect(answer.status == 200, "\(String(decoding: answer.data, as: UTF8.self).prefix(300))")
    let w = try #require(try JSONSerialization.jsonObject(with: answer.data) as? [String: Any])
    let figures = try #require(w["figures"] as? [String: [String: Double]])
    let base = try #require(w["base"] as? [String: [String: Double]])
    // The figures are the run's with the changes, and as written.
    let run = try await server.request("POST", "/api/scenarios/baseline/run", json: ["changes": changes])
    let changed = try #require(try JSONSerialization.jsonObject(with: run.data) as? [String: Any])
    let plain = try PlanBinary.run(["run", "scenarios/baseline.yaml", "--format", "json"])
    let written = try #require(try JSONSerialization.jsonObject(with: Data(plain.out.utf8)) as? [String: Any])
    for key in ["result", "reserves", "lowest_cash"] {
      let withChanges = try #require((changed["indicators"] as? [String: [String: Double]])?[key])
      let asWritten = try #require((written["indicators"] as? [String: [String: Double]])?[key])
      for (period, value) in figures[key] ?? [:] {
        #expect(value == withChanges[period], "\(key) \(period)")
        #expect(base[key]?[period] == asWritten[period], "\(key) \(period) as written")
      }
    }
    #expect(figures["reserves"]?["2013"] != base["reserves"]?["2013"])
    // The comparison names what differs; the charts draw both; the SCIC's volunteers are a new warning.
    let compare = try #require(w["compare"] as? [String: Any])
    let differences = (compare["differences"] as? [String: [String]])?.values.flatMap { $0 } ?? []
    #expect(differences.contains { $0.contains("fse") } && differences.contains { $0.contains("scic") }, "\(differences)")
    let charts = try #require(w["charts"] as? [String: String])
    #expect(charts["reserves"]?.contains("With the changes") == true && charts["cash"]?.hasPrefix("<svg") == true)
    #expect((w["warnings"] as? [String])?.contains { $0.contains("service civique") } == true)
    // A value the scenario file would refuse, refused naming its field.
    for (path, value, words) in [
      ("positions.coordinateur.start", "2016-01", "before it starts"), ("positions.administration_cdi.end", "2014-12", "has 910 h in 2015"),
    ] {
      let refused = try await server.request(
        "POST", "/api/scenarios/baseline/whatif",
        json: ["changes": [["path": "subsidies.fse.2013", "value": 0], ["path": path, "value": value]]])
      let error = (try? JSONSerialization.jsonObject(with: refused.data) as? [String: Any])?["error"] as? [String: Any]
      #expect(refused.status == 422 && error?["path"] as? String == path, "\(String(decoding: refused.data, as: UTF8.self))")
      #expect((error?["message"] as? String)?.contains(words) == true)
    }
    // The simulate page: the fan of the lowest cash with the draws asked, bounded.
    let simulate = try await server.request("GET", "/simulate/baseline?draws=300")
    #expect(simulate.status == 200 && String(decoding: simulate.data, as: UTF8.self).contains("300"))
    #expect(try await server.request("GET", "/simulate/baseline?draws=1").status == 422)
  }

  @Test func pagesAndExplanations() async throws {
    let server = try Server()
    let home = try await server.request("GET", "/")
    #expect(home.status == 200 && String(decoding: home.data, as: UTF8.self).contains("href=\"/scenarios/baseline\""))
    let page = String(decoding: try await server.request("GET", "/scenarios/baseline").data, as: UTF8.self)
    #expect(page.contains("id=\"whatif\"") && page.contains("<svg") && page.contains("/explain/baseline?line=taxe_salaires_due"))
    #expect(!page.contains("http://") || !page.contains("src=\"http"))
    let explain = try await server.request("GET", "/explain/baseline?line=taxe_salaires_due&period=2013")
    #expect(explain.status == 200 && String(decoding: explain.data, as: UTF8.self).contains("Art. 1679 CGI"))
    // Every figure of the budget, the synthesis and the cash plan links to its explanation,
    // and each link leads to one.
    let links = page.components(separatedBy: "href=\"/explain/baseline?").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    #expect(links.contains("line=charges/remunerations&amp;period=2013") && links.contains("line=result&amp;period=2014"))
    #expect(links.count > 100, "\(links.count) links")
    let distinct = Array(Set(links)).sorted()
    for query in stride(from: 0, to: distinct.count, by: max(1, distinct.count / 12)).map({ distinct[$0] }) {
      let followed = try await server.request("GET", "/explain/baseline?" + query.replacingOccurrences(of: "&amp;", with: "&"))
      #expect(followed.status == 200, "\(query)")
    }
    let script = try await server.request("GET", "/assets/app.js")
    #expect(script.status == 200 && String(decoding: script.data, as: UTF8.self).contains("/api/scenarios/"))
  }

  @Test func compareStatutesParametersAndSimulate() async throws {
    let server = try Server()
    let compare = String(decoding: try await server.request("GET", "/compare?ids=baseline,europe-stops-2013").data, as: UTF8.self)
    #expect(compare.contains("data-option=\"europe-stops-2013\"") && compare.contains("<svg"))
    // The deltas against the first and what each scenario changes, as plan compare shows them.
    #expect(compare.contains("id=\"comparaison\"") && compare.contains("What europe-stops-2013 changes"))
    #expect(compare.contains("href=\"/explain/europe-stops-2013?line=produits/subventions&amp;period=2013\""))
    let statutes = String(decoding: try await server.request("GET", "/statutes/baseline").data, as: UTF8.self)
    #expect(statutes.contains("data-option=\"baseline/scic\""))
    #expect(try await server.request("GET", "/compare?ids=").status == 400)
    // Each member's view of the employers' group, linked from its scenario's page.
    let members = String(decoding: try await server.request("GET", "/members/eage-2012").data, as: UTF8.self)
    #expect(members.contains("Le Fil (le_fil)") && members.contains("The same hours as its own staff"))
    #expect(
      String(decoding: try await server.request("GET", "/scenarios/eage-2012").data, as: UTF8.self).contains("href=\"/members/eage-2012\""))
    #expect(try await server.request("GET", "/members/baseline").status == 422)
    // An explanation links each parameter to its history, with its dated values and references.
    let explain = String(
      decoding: try await server.request("GET", "/explain/baseline?line=taxe_salaires_due&period=2013").data, as: UTF8.self)
    #expect(explain.contains("<a href=\"/parameters/taxe_salaires_decote_taux\">"), "\(explain.prefix(400))")
    let parameter = String(decoding: try await server.request("GET", "/parameters/taxe_salaires_decote_taux").data, as: UTF8.self)
    #expect(parameter.contains("Art. 1679 CGI"))
    #expect(try await server.request("GET", "/parameters/nope").status == 404)
    // The simulation of a changed scenario, its draws bounded.
    let sim = try await server.request(
      "POST", "/api/scenarios/baseline/simulate", json: ["draws": 500, "changes": [["path": "subsidies.fse.2013", "value": 0]]])
    #expect(sim.status == 200)
    let document = try #require(try JSONSerialization.jsonObject(with: sim.data) as? [String: Any])
    #expect(document["draws"] as? Int == 500 && document["probabilities"] != nil)
    let tooMany = try await server.request("POST", "/api/scenarios/baseline/simulate", json: ["draws": 200_001])
    #expect(tooMany.status == 422 && server.error(tooMany.data)?.contains("200") == true)
  }

  /// The exports of the pages are the bytes the CLI writes, in the request's language.
  @Test func exportsAreTheCLIsBytesInTheRequestsLanguage() async throws {
    let server = try Server()
    let file = server.workspace.appendingPathComponent("baseline.yaml").path
    let out = server.workspace.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    for (format, lang) in [("csv", "fr"), ("xlsx", "en"), ("csv", "en")] {
      let served = try await server.request("GET", "/api/scenarios/baseline/export.\(format)?lang=\(lang)")
      #expect(served.status == 200)
      let path = out.appendingPathComponent("b-\(lang).\(format)").path
      let r = try PlanBinary.run(["export", file, "-o", path, "--lang", lang])
      #expect(r.status == 0, "\(r.err)")
      #expect(served.data == (try Data(contentsOf: URL(fileURLWithPath: path))), "\(format) \(lang)")
    }
    let report = try await server.request("GET", "/api/scenarios/baseline/report.html?lang=fr")
    let path = out.appendingPathComponent("r.html").path
    #expect(try PlanBinary.run(["report", file, "--draws", "0", "--lang", "fr", "-o", path]).status == 0)
    #expect(report.data == (try Data(contentsOf: URL(fileURLWithPath: path))))
    // A page follows Accept-Language.
    let fr = try await server.request("GET", "/", headers: ["Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"])
    #expect(String(decoding: fr.data, as: UTF8.self).contains("<h1>Les scénarios de l&#39;espace de travail</h1>"))
    let en = try await server.request("GET", "/", headers: ["Accept-Language": "en-GB"])
    #expect(String(decoding: en.data, as: UTF8.self).contains("<h1>The workspace&#39;s scenarios</h1>"))
  }

  @Test func securityRules() async throws {
    let server = try Server()
    for name in ["..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "rules", "a.b"] {
      let r = try await server.request("POST", "/api/scenarios/\(name)/run", json: ["changes": [Any]()])
      #expect((400..<500).contains(r.status) && server.error(r.data) != nil, "\(name): \(r.status)")
    }
    // A symbolic link leading outside the workspace is refused.
    try FileManager.default.createSymbolicLink(
      atPath: server.workspace.appendingPathComponent("outside.yaml").path,
      withDestinationPath: PlanBinary.packageRoot.appendingPathComponent("scenarios/baseline.yaml").path)
    let link = try await server.request("POST", "/api/scenarios/outside/run", json: ["changes": [Any]()])
    #expect(link.status >= 400 && link.status < 500)
    let noToken = try await server.request("POST", "/api/scenarios/baseline/variants", json: ["name": "x"])
    #expect(noToken.status == 401)
    let wrong = try await server.request(
      "POST", "/api/scenarios/baseline/variants", json: ["name": "x"], headers: ["Authorization": "Bearer nope"])
    #expect(wrong.status == 401)
    let form = try await server.request(
      "POST", "/api/scenarios/baseline/run", body: Data("changes=1".utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"])
    #expect(form.status == 415)
    let big = try await server.request(
      "POST", "/api/scenarios/baseline/run", body: Data(repeating: 32, count: 1_100_000), headers: ["Content-Type": "application/json"])
    #expect(big.status == 413)
    let bad = try await server.request(
      "POST", "/api/scenarios/baseline/run", body: Data("{bad".utf8), headers: ["Content-Type": "application/json"])
    #expect(bad.status == 400 && server.error(bad.data) != nil)
    let path = try await server.request("POST", "/api/scenarios/baseline/run", json: ["changes": [["path": "salaries", "value": 1]]])
    #expect(path.status == 422 && server.error(path.data)?.contains("dues.rate") == true)
    // Beyond the loopback, every request needs the token.
    let open = try Server(host: "0.0.0.0")
    #expect(try await open.request("GET", "/api/scenarios").status == 401)
    #expect(try await open.request("GET", "/api/scenarios", headers: ["Authorization": "Bearer \(Self.token)"]).status == 200)
  }
}
