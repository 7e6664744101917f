/* windows.h — the minimal part of the Windows SDK that Winsock programs use, for wasm32-wasi.
 * Types keep Win32's sizes: on wasm32 `long` and pointers are 4 bytes, as on Win32. WCHAR is 16-bit
 * (wchar_t is 32-bit on this target, so WCHAR is not wchar_t). Part of wasock. */
#ifndef WASOCK_WINDOWS_H
#define WASOCK_WINDOWS_H

#include <stddef.h>
#include <stdint.h>

#ifndef WINAPI
#define WINAPI
#define CALLBACK
#define PASCAL
#define FAR
#define NEAR
#define APIENTRY
#define WINAPIV
#endif
#define IN
#define OUT
#define OPTIONAL
#define CONST const
#define VOID void

typedef int BOOL;
typedef BOOL *PBOOL, *LPBOOL;
typedef unsigned char BYTE, UCHAR, BOOLEAN;
typedef BYTE *PBYTE, *LPBYTE;
typedef unsigned short WORD, USHORT;
typedef WORD *PWORD, *LPWORD;
typedef unsigned long DWORD, ULONG;
typedef DWORD *PDWORD, *LPDWORD;
typedef ULONG *PULONG;
typedef long LONG;
typedef LONG *PLONG, *LPLONG;
typedef int INT;
typedef INT *PINT, *LPINT;
typedef unsigned int UINT;
typedef UINT *PUINT;
typedef short SHORT;
typedef char CHAR;
typedef uint16_t WCHAR;
typedef int64_t LONGLONG, LONG64, INT64;
typedef uint64_t ULONGLONG, DWORD64, ULONG64, UINT64;
typedef int32_t INT32, LONG32;
typedef uint32_t UINT32, ULONG32, DWORD32;
typedef intptr_t INT_PTR, LONG_PTR;
typedef uintptr_t UINT_PTR, ULONG_PTR, DWORD_PTR, SIZE_T;
typedef SIZE_T *PSIZE_T;
typedef void *PVOID, *LPVOID, *HANDLE;
typedef const void *LPCVOID;
typedef HANDLE *PHANDLE, *LPHANDLE;
typedef HANDLE HWND, HINSTANCE, HMODULE;
typedef CHAR *PSTR, *LPSTR;
typedef const CHAR *PCSTR, *LPCSTR;
typedef WCHAR *PWSTR, *LPWSTR;
typedef const WCHAR *PCWSTR, *LPCWSTR;
typedef UINT_PTR WPARAM;
typedef LONG_PTR LPARAM, LRESULT;
typedef LONG HRESULT;

#ifdef UNICODE
typedef WCHAR TCHAR;
#define TEXT(s) u##s
#else
typedef char TCHAR;
#define TEXT(s) s
#endif
typedef TCHAR *LPTSTR;
typedef const TCHAR *LPCTSTR;
#define _T(s) TEXT(s)

#ifndef TRUE
#define TRUE 1
#define FALSE 0
#endif

#define MAKEWORD(lo, hi) ((WORD)(((BYTE)((DWORD_PTR)(lo) & 0xff)) | ((WORD)((BYTE)((DWORD_PTR)(hi) & 0xff))) << 8))
#define MAKELONG(lo, hi) ((LONG)(((WORD)((DWORD_PTR)(lo) & 0xffff)) | ((DWORD)((WORD)((DWORD_PTR)(hi) & 0xffff))) << 16))
#define LOWORD(l) ((WORD)((DWORD_PTR)(l) & 0xffff))
#define HIWORD(l) ((WORD)((DWORD_PTR)(l) >> 16))
#define LOBYTE(w) ((BYTE)((DWORD_PTR)(w) & 0xff))
#define HIBYTE(w) ((BYTE)((DWORD_PTR)(w) >> 8))

typedef struct _GUID {
  unsigned long Data1;
  unsigned short Data2;
  unsigned short Data3;
  unsigned char Data4[8];
} GUID, *LPGUID;

#define INFINITE 0xFFFFFFFF
#define WAIT_OBJECT_0 0
#define WAIT_TIMEOUT 258
#define WAIT_FAILED ((DWORD)0xFFFFFFFF)
#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)
#define ERROR_SUCCESS 0L
#define NO_ERROR 0L
#define STATUS_PENDING ((DWORD)0x00000103L)
/* An overlapped call's WSAOVERLAPPED.Internal leaves STATUS_PENDING when it completes. On wasock the
 * result is handed over inside a Winsock call (WSAWaitForMultipleEvents, WSAGetOverlappedResult, any
 * other): a loop that only reads Internal, calling nothing, never sees it change. */
#define HasOverlappedIoCompleted(lpOverlapped) (((DWORD)(lpOverlapped)->Internal) != STATUS_PENDING)

#include <string.h>
#define ZeroMemory(p, n) memset((p), 0, (n))
#define FillMemory(p, n, v) memset((p), (v), (n))
#define CopyMemory(d, s, n) memcpy((d), (s), (n))
#define MoveMemory(d, s, n) memmove((d), (s), (n))

/* The few kernel32 calls Winsock samples make; the runner provides them as the `kernel32` module. */
#define WASOCK_KERNEL_IMPORT(name) __asm__("__wasock_k_" #name) __attribute__((import_module("kernel32"), import_name(#name)))
DWORD WINAPI GetLastError(void) WASOCK_KERNEL_IMPORT(GetLastError);
void WINAPI SetLastError(DWORD dwErrCode) WASOCK_KERNEL_IMPORT(SetLastError);
void WINAPI Sleep(DWORD dwMilliseconds) WASOCK_KERNEL_IMPORT(Sleep);
/* With bAlertable TRUE, runs queued completion routines (and those of calls completing meanwhile),
 * then returns WAIT_IO_COMPLETION at once; else 0 when the time is up. */
DWORD WINAPI SleepEx(DWORD dwMilliseconds, BOOL bAlertable) WASOCK_KERNEL_IMPORT(SleepEx);
#ifndef WAIT_IO_COMPLETION
#define WAIT_IO_COMPLETION ((DWORD)0xC0L)
#endif
DWORD WINAPI GetTickCount(void) WASOCK_KERNEL_IMPORT(GetTickCount);

#endif /* WASOCK_WINDOWS_H */
