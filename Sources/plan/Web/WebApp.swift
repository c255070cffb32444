import Foundation
import Hummingbird
import Planner
import Scenarios

/// `plan serve`: the committee's web app on Hummingbird — pages built on the server (the
/// report's HTML and SVG), a JSON API under `/api/` (docs: `Web/Assets/openapi.json`), a small
/// plain script for the what-if. Each request works on its own values (the workspace's files
/// read again, the rule packs loaded once and shared read-only): no shared mutable state.
struct WebApp: Sendable {
  let workspace: Workspace
  let ruleSet: RuleSet
  var language: Language
  /// Required on every request when the server listens beyond the loopback, and on every
  /// request that writes (`Authorization: Bearer T`).
  let token: String
  let tokenOnEveryRequest: Bool
  static let maximumBody = 1 << 20

  var m: Messages { Messages.of(language) }

  /// This app in the request's language: `?lang=fr|en`, else the first of `Accept-Language`
  /// that is French or English, else the server's.
  func `in`(_ request: Request) -> WebApp {
    var copy = self
    if let q = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) {
      copy.language = q
    } else if let header = request.headers[.acceptLanguage] {
      for tag in header.split(separator: ",") {
        let code = tag.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        if code.hasPrefix("fr") {
          copy.language = .fr
          break
        }
        if code.hasPrefix("en") {
          copy.language = .en
          break
        }
      }
    }
    return copy
  }

  /// The router with its middleware: one log line per request, the token, the errors as JSON.
  func router() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestLog())
    router.add(middleware: Guard(app: self))
    router.get("/") { request, _ in try self.html(self.in(request).homePage()) }
    router.get("/scenarios/:id") { request, context in
      try self.html(try self.in(request).scenarioPage(try context.parameters.require("id")))
    }
    router.get("/compare") { request, _ in
      let ids = (request.uri.queryParameters["ids"].map(String.init) ?? "").split(separator: ",").map(String.init)
      return try self.html(try self.in(request).reportPage(ids, statutes: false))
    }
    router.get("/statutes/:id") { request, context in
      try self.html(try self.in(request).reportPage([try context.parameters.require("id")], statutes: true))
    }
    router.get("/parameters/:name") { request, context in
      try self.html(try self.in(request).parameterPage(try context.parameters.require("name")))
    }
    router.post("/api/scenarios/:id/simulate") { request, context in
      var request = request
      let id = try context.parameters.require("id")
      let body: SimulateRequest = try await self.decode(&request, context)
      return try self.in(request).simulate(id, body)
    }
    router.get("/explain/:id") { request, context in
      let id = try context.parameters.require("id")
      let line = request.uri.queryParameters["line"].map(String.init) ?? ""
      let period = request.uri.queryParameters["period"].map(String.init) ?? ""
      return try self.html(try self.in(request).explainPage(id, line: line, period: period))
    }
    router.get("/assets/app.js") { _, _ in Self.asset("app.js", type: "text/javascript; charset=utf-8") }
    router.get("/api/openapi.json") { _, _ in Self.asset("openapi.json", type: "application/json") }
    router.get("/api/scenarios") { _, _ in try self.json(self.workspace.entries()) }
    router.post("/api/scenarios/:id/run") { request, context in
      var request = request
      let id = try context.parameters.require("id")
      let body: RunRequest = try await self.decode(&request, context)
      return try self.in(request).run(id, body.changes ?? [])
    }
    router.post("/api/scenarios/:id/whatif") { request, context in
      var request = request
      let id = try context.parameters.require("id")
      let body: RunRequest = try await self.decode(&request, context)
      return try self.json(try await self.in(request).whatIf(id, body.changes ?? []))
    }
    router.get("/members/:id") { request, context in
      try self.html(try self.in(request).membersPage(try context.parameters.require("id")))
    }
    router.get("/simulate/:id") { request, context in
      let draws = request.uri.queryParameters["draws"].flatMap { Int(String($0)) } ?? 10_000
      return try self.html(try self.in(request).simulatePage(try context.parameters.require("id"), draws: draws))
    }
    router.get("/api/scenarios/:id/export.csv") { request, context in
      try self.in(request).export(try context.parameters.require("id"), format: "csv")
    }
    router.get("/api/scenarios/:id/export.xlsx") { request, context in
      try self.in(request).export(try context.parameters.require("id"), format: "xlsx")
    }
    router.get("/api/scenarios/:id/report.html") { request, context in
      let draws = request.uri.queryParameters["draws"].flatMap { Int(String($0)) } ?? 0
      let statutes = request.uri.queryParameters["statutes"].map { $0 == "1" || $0 == "true" } ?? false
      return try self.in(request).report(try context.parameters.require("id"), draws: draws, statutes: statutes)
    }
    router.post("/api/scenarios/:id/variants") { request, context in
      var request = request
      let id = try context.parameters.require("id")
      let body: VariantRequest = try await self.decode(&request, context)
      let entry = try self.diagnosed {
        () throws(DiagnosticList) in
        try self.workspace.saveVariant(
          name: body.name, base: id, title: body.title, changes: body.changes ?? [], overwrite: body.overwrite ?? false,
          ruleSet: self.ruleSet)
      }
      return try self.json(entry, status: .created)
    }
    return router
  }

  // MARK: - API

  struct RunRequest: Decodable { var changes: [ScenarioChange]? }
  struct SimulateRequest: Decodable {
    var changes: [ScenarioChange]?
    var draws: Int?
    var seed: UInt64?
  }
  /// The most draws one request may ask.
  static let maximumDraws = 200_000

  /// What `plan simulate --format json` returns, for the scenario with the changes.
  func simulate(_ id: String, _ body: SimulateRequest) throws -> Response {
    let draws = body.draws ?? 10_000
    guard (2...Self.maximumDraws).contains(draws) else {
      throw WebError(.unprocessableContent, m("web.error.draws", ["max": m.integer(Self.maximumDraws)]))
    }
    let document = try diagnosed { () throws(DiagnosticList) in
      let s = try ScenarioLoader.load(try self.workspace.path(of: id))
      return try ScenarioChange.using(body.changes ?? [], on: s, ruleSet: self.ruleSet) { (changed) throws(DiagnosticList) in
        SimulationDocument(try Simulation.run(changed, ruleSet: self.ruleSet, draws: draws, seed: body.seed ?? 42, threads: 2))
      }
    }
    return try json(document)
  }
  struct VariantRequest: Decodable {
    var name: String
    var title: String?
    var changes: [ScenarioChange]?
    var overwrite: Bool?
  }

  /// The bytes `plan export S -o x.csv|x.xlsx --lang L` writes, for scenario `id`.
  func export(_ id: String, format: String) throws -> Response {
    let (data, type) = try diagnosed { () throws(DiagnosticList) -> (Data, String) in
      let s = try ScenarioLoader.load(try self.workspace.path(of: id))
      if format == "xlsx" {
        return (
          try ProjectionWorkbook.bytes([s], ruleSet: self.ruleSet, strict: false, messages: self.m, output: id + ".xlsx"),
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
      }
      let p = try Projection.run(s, ruleSet: self.ruleSet, by: .exercise, messages: self.m)
      return (Data(ProjectionCSV.text([p], dialect: CSVDialect(self.language), messages: self.m).utf8), "text/csv; charset=utf-8")
    }
    return Response(
      status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(id).\(format)\""],
      body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// The bytes `plan report S [--statutes] --draws N --lang L` writes, for scenario `id`.
  func report(_ id: String, draws: Int, statutes: Bool) throws -> Response {
    guard draws == 0 || (2...Self.maximumDraws).contains(draws) else {
      throw WebError(.unprocessableContent, m("web.error.draws", ["max": m.integer(Self.maximumDraws)]))
    }
    let html = try diagnosed { () throws(DiagnosticList) in
      let s = try ScenarioLoader.load(try self.workspace.path(of: id))
      return try BoardReport(
        scenarios: [s], ruleSet: self.ruleSet, statutes: statutes, draws: draws, seed: 42, threads: 2, messages: self.m,
        version: Plan.configuration.version
      ).html()
    }
    return try self.html(html)
  }

  /// What `plan run --format json` returns, for the scenario with the changes.
  func run(_ id: String, _ changes: [ScenarioChange]) throws -> Response {
    let document = try diagnosed { () throws(DiagnosticList) in
      let s = try ScenarioLoader.load(try self.workspace.path(of: id))
      return try ScenarioChange.using(changes, on: s, ruleSet: self.ruleSet) { (changed) throws(DiagnosticList) in
        ProjectionDocument(try Projection.run(changed, ruleSet: self.ruleSet, legalLimitsAsWarnings: true, messages: self.m))
      }
    }
    return try json(document)
  }

  /// A request body as JSON of `T`: 413 beyond 1 MiB, 415 without a JSON content type, 400
  /// when it does not read.
  func decode<T: Decodable>(_ request: inout Request, _ context: BasicRequestContext) async throws -> T {
    guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
      throw WebError(.unsupportedMediaType, m("web.error.json_only"))
    }
    let buffer: ByteBuffer
    do {
      buffer = try await request.collectBody(upTo: Self.maximumBody)
    } catch {
      throw WebError(.contentTooLarge, m("web.error.too_large", ["limit": m.integer(Self.maximumBody)]))
    }
    do {
      return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    } catch {
      throw WebError(.badRequest, m("web.error.bad_json", ["problem": "\(error)"]))
    }
  }

  /// Diagnostics become a 422 (or 404 for an unknown scenario) with their first location.
  func diagnosed<T>(_ body: () throws(DiagnosticList) -> T) throws -> T {
    do throws(DiagnosticList) {
      return try body()
    } catch {
      let first = error.diagnostics.first { $0.severity == .error } ?? error.diagnostics.first
      let missing = first?.phrase?.key == "error.workspace.no_scenario"
      // A change refused names its path, for the page to show the message beside its field.
      var path: String?
      if let p = first?.phrase, p.key.hasPrefix("error.change."), case .text(let t)? = p.arguments["path"] { path = t }
      throw WebError(
        missing ? .notFound : .unprocessableContent,
        error.diagnostics.filter { $0.severity == .error }.map { $0.message(in: m) }.joined(separator: "\n"),
        location: first?.location.map { "\($0)" }, path: path)
    }
  }

  func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let data = try encoder.encode(value)
    return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  func html(_ text: String) throws -> Response {
    Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func asset(_ name: String, type: String) -> Response {
    let url =
      Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Assets")
      ?? Bundle.module.url(forResource: name, withExtension: nil)
    let data = url.flatMap { try? Data(contentsOf: $0) } ?? Data()
    return Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }
}

/// An error answered as `{"error": {"message", "location"?}}` with its 4xx status.
struct WebError: Error, HTTPResponseError {
  let status: HTTPResponse.Status
  let message: String
  let location: String?
  /// The what-if change refused, as the request named it.
  let path: String?
  init(_ status: HTTPResponse.Status, _ message: String, location: String? = nil, path: String? = nil) {
    self.status = status
    self.message = message
    self.location = location
    self.path = path
  }
  func response(from request: Request, context: some RequestContext) throws -> Response {
    Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: body()))
  }

  func body() -> ByteBuffer {
    struct Body: Encodable {
      struct Inner: Encodable {
        var message: String
        var location: String?
        var path: String?
      }
      var error: Inner
    }
    let data = (try? JSONEncoder().encode(Body(error: .init(message: message, location: location, path: path)))) ?? Data()
    return ByteBuffer(bytes: data)
  }
}

/// One line per request on standard error: method, path, status, milliseconds.
struct RequestLog: RouterMiddleware {
  typealias Context = BasicRequestContext
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    let start = ContinuousClock.now
    var status = 500
    defer {
      let ms =
        (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000
        + (ContinuousClock.now - start).components.seconds * 1000
      FileHandle.standardError.write(Data("\(request.method) \(request.uri.path) \(status) \(ms) ms\n".utf8))
    }
    do {
      let response = try await next(request, context)
      status = Int(response.status.code)
      return response
    } catch let e as HTTPResponseError {
      status = Int(e.status.code)
      throw e
    }
  }
}

/// The token: on every request when the server is reachable beyond the loopback, and on every
/// request that changes a file (saving a variant). Compared in constant time. Any other error
/// becomes a JSON 4xx/500, never a crash.
struct Guard: RouterMiddleware {
  typealias Context = BasicRequestContext
  let app: WebApp

  static func sameInConstantTime(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    var difference = UInt8(x.count == y.count ? 0 : 1)
    for i in 0..<max(x.count, y.count) { difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
    return difference == 0
  }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    let writes = request.method == .post && request.uri.path.hasSuffix("/variants")
    if app.tokenOnEveryRequest || writes {
      let given = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil } ?? ""
      guard Self.sameInConstantTime(given, app.token) else {
        throw WebError(.unauthorized, app.m("web.error.token"))
      }
    }
    do {
      return try await next(request, context)
    } catch let e as HTTPResponseError {
      if e is WebError { throw e }
      throw WebError(e.status, app.m("web.error.status", ["status": "\(e.status.code)"]))
    } catch {
      throw WebError(.internalServerError, "\(error)")
    }
  }
}
