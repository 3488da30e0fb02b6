/* A stand-in bcryptprimitives.dll for Wine 8 (Debian 12), which lacks
 * ProcessPrng: Go's runtime (1.22 and later) asks for it at start, as
 * Windows 10 and 11 have it. Only the Wine test's own prefix gets this DLL.
 * ProcessPrng fills the buffer from RtlGenRandom (advapi32's SystemFunction036),
 * the generator Windows itself used before ProcessPrng. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
