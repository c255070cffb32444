import ArgumentParser
import Foundation
import Hummingbird
import Planner
import Scenarios

extension Plan {
  /// `plan serve [--workspace DIR] [--host H] [--port P] [--token T]`: the committee's web app.
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLI.messages("help.serve"))

    @Option(help: CLI.help("help.serve.workspace"))
    var workspace = "scenarios"
    @Option(help: CLI.help("help.serve.host"))
    var host = "127.0.0.1"
    @Option(help: CLI.help("help.serve.port"))
    var port = 8080
    @Option(help: CLI.help("help.serve.token"))
    var token: String?
    @OptionGroup var language: LanguageOptions

    func validate() throws {
      guard (0...65535).contains(port) else { throw ValidationError(CLI.messages("error.serve.port")) }
      if let token, token.count < 16 { throw ValidationError(CLI.messages("error.serve.token")) }
    }

    func run() throws {
      let m = language.messages
      let (space, ruleSet) = try diagnosing { () throws(DiagnosticList) in
        let space = try Workspace(workspace)
        return (
          space,
          try RulePackLoader.load(folder: (space.folder as NSString).appendingPathComponent("rules"), hint: "diagnostic.rules.hint.option")
        )
      }
      let loopback = ["127.0.0.1", "localhost", "::1"].contains(host)
      // A token is always there for what writes; beyond the loopback, for every request.
      var bytes = [UInt8](repeating: 0, count: 24)
      var generator = SystemRandomNumberGenerator()
      for i in bytes.indices { bytes[i] = generator.next() }
      let secret = token ?? bytes.map { String(format: "%02x", $0) }.joined()
      let app = WebApp(workspace: space, ruleSet: ruleSet, language: m.language, token: secret, tokenOnEveryRequest: !loopback)
      let shownHost = host
      let printToken = token == nil
      let application = Application(
        router: app.router(),
        configuration: .init(address: .hostname(host, port: port), serverName: "plan"),
        onServerRunning: { channel in
          let actual = channel.localAddress?.port ?? 0
          var lines = "listening on http://\(shownHost):\(actual)\n"
          if printToken { lines += m("serve.token", ["token": secret]) + "\n" }
          FileHandle.standardOutput.write(Data(lines.utf8))
        })
      let done = DispatchSemaphore(value: 0)
      let failure = Failure()
      Task {
        do { try await application.runService() } catch { failure.set("\(error)") }
        done.signal()
      }
      done.wait()
      if let message = failure.get() {
        FileHandle.standardError.write(Data((m("error.serve.failed", ["problem": message]) + "\n").utf8))
        throw ExitCode.failure
      }
    }
  }
}

/// The server's failure, handed from its task to the command.
final class Failure: @unchecked Sendable {
  private let lock = NSLock()
  private var message: String?
  func set(_ m: String) { lock.withLock { message = m } }
  func get() -> String? { lock.withLock { message } }
}
