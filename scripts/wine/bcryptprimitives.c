/* A stand-in for Windows' bcryptprimitives.dll, which Rust's standard library imports for
 * ProcessPrng (its random numbers, e.g. for HashMap) and which Debian's wine 8 does not ship.
 * Only for running the Windows test binaries under wine (scripts/wine-tests.sh); never
 * shipped. ProcessPrng fills the buffer from RtlGenRandom (advapi32's SystemFunction036),
 * which wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
