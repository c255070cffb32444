// The C types the package needs of OpenBLAS (Debian: libopenblas0, its LP64 build: 32-bit
// integers): the three functions it calls, as pointer types. The library is loaded at its
// first use (OpenBLAS.swift), single-threaded: linked at the process's start, its worker
// threads spun on a core for a tenth of a second in every command. The enumerations are
// CBLAS's (CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112).

typedef void (*plan_dgemv_t)(int order, int trans, int m, int n, double alpha, const double *a, int lda,
                             const double *x, int incx, double beta, double *y, int incy);
typedef double (*plan_ddot_t)(int n, const double *x, int incx, const double *y, int incy);

// LAPACK's least-squares solver, exported by OpenBLAS (Fortran calling convention,
// column-major matrices).
typedef void (*plan_dgels_t)(const char *trans, const int *m, const int *n, const int *nrhs, double *a, const int *lda,
                             double *b, const int *ldb, double *work, const int *lwork, int *info);
