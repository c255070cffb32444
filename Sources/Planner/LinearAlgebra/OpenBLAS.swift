import COpenBLAS

#if canImport(Glibc)
  import Glibc
#endif

/// OpenBLAS, loaded at the first use of a matrix (Debian's `libopenblas0`), single-threaded:
/// the engine's matrices are small and its parallelism is over chunks of variants. Loaded at
/// the process's start, as a linked library is, its worker threads spun on a core for about a
/// tenth of a second in every command (measured: `plan cost` 0.16 s → 0.12 s, and a core
/// freed); set before the library starts, `OPENBLAS_NUM_THREADS` keeps it from starting them
/// (a value the user set is kept).
enum OpenBLAS {
  struct Functions: @unchecked Sendable {
    var dgemv: plan_dgemv_t
    var ddot: plan_ddot_t
    var dgels: plan_dgels_t
  }

  /// CBLAS's enumerations.
  static let rowMajor: Int32 = 101, noTrans: Int32 = 111, trans: Int32 = 112

  /// The library's names, the first found is loaded.
  static let names = ["libopenblas.so.0", "libopenblas.so"]

  static let functions: Functions = {
    setenv("OPENBLAS_NUM_THREADS", "1", 0)
    guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
      fatalError("OpenBLAS could not be loaded (\(String(cString: dlerror()))); on Debian: apt-get install libopenblas0")
    }
    func symbol<T>(_ name: String, as: T.Type) -> T {
      guard let p = dlsym(handle, name) else { fatalError("OpenBLAS has no \(name)") }
      return unsafeBitCast(p, to: T.self)
    }
    return Functions(
      dgemv: symbol("cblas_dgemv", as: plan_dgemv_t.self), ddot: symbol("cblas_ddot", as: plan_ddot_t.self),
      dgels: symbol("dgels_", as: plan_dgels_t.self))
  }()
}
