import Foundation

/// The driver of the fuzz targets: with `-DFUZZING` (Fuzz/run), libFuzzer calls `check` with
/// every input it makes; without, `check` runs on every file given as an argument (to replay
/// the corpus or a crash).
public enum FuzzDriver {
  /// The check of the running target (libFuzzer's callback is a C function: no context).
  nonisolated(unsafe) static var check: (Data) -> Void = { _ in }

  public static func run(_ check: @escaping (Data) -> Void) -> Never {
    #if FUZZING
      Self.check = check
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(
        runFuzzerDriver(&argc, &argv) { bytes, count in
          FuzzDriver.check(bytes.map { Data(bytes: $0, count: count) } ?? Data())
          return 0
        })
    #else
      for path in CommandLine.arguments.dropFirst() { check(FileManager.default.contents(atPath: path) ?? Data()) }
      exit(0)
    #endif
  }
}

#if FUZZING
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif
