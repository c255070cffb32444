// The one C header the package sees: OpenBLAS' CBLAS interface (Debian: libopenblas-dev).
#include <cblas.h>

// LAPACK's least-squares solver, exported by OpenBLAS (Fortran calling convention,
// column-major matrices).
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs, double *a, const int *lda,
            double *b, const int *ldb, double *work, const int *lwork, int *info);
