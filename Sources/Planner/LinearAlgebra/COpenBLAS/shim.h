// The one C header the package sees: OpenBLAS' CBLAS interface (Debian: libopenblas-dev).
#include <cblas.h>
