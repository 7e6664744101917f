/* completion-noexport.c — a program built without include/winsock2.h (so without its
 * wasock_completion and wasock_condition exports) that passes a completion routine or a WSAAccept
 * condition function: wasock cannot call them, and the call fails with WSAEOPNOTSUPP. The imports
 * are declared by hand. */
#include <stdio.h>
#include <string.h>

#define IMPORT(name) __attribute__((import_module("ws2_32"), import_name(#name)))
typedef struct { unsigned len; char *buf; } WSABUF;
typedef struct { unsigned Internal, InternalHigh, Offset, OffsetHigh; void *hEvent; } WSAOVERLAPPED;
typedef void (*ROUTINE)(unsigned, unsigned, WSAOVERLAPPED *, unsigned);
int WSAStartup(unsigned short, void *) IMPORT(WSAStartup);
unsigned WSASocketW(int, int, int, void *, unsigned, unsigned) IMPORT(WSASocketW);
int WSARecv(unsigned, WSABUF *, unsigned, unsigned *, unsigned *, WSAOVERLAPPED *, ROUTINE) IMPORT(WSARecv);
int WSASend(unsigned, WSABUF *, unsigned, unsigned *, unsigned, WSAOVERLAPPED *, ROUTINE) IMPORT(WSASend);
int WSAGetLastError(void) IMPORT(WSAGetLastError);
typedef int (*CONDITION)(WSABUF *, WSABUF *, void *, void *, WSABUF *, WSABUF *, unsigned *, unsigned long);
unsigned WSAAccept(unsigned, void *, int *, CONDITION, unsigned long) IMPORT(WSAAccept);
int WSAIoctl(unsigned, unsigned, void *, unsigned, void *, unsigned, unsigned *, WSAOVERLAPPED *, ROUTINE) IMPORT(WSAIoctl);

static int calls = 0;
static void routine(unsigned e, unsigned n, WSAOVERLAPPED *ov, unsigned f) { (void)e; (void)n; (void)ov; (void)f; calls++; }
static int condition(WSABUF *a, WSABUF *b, void *c, void *d, WSABUF *e, WSABUF *f, unsigned *g, unsigned long h) {
  (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)g; (void)h;
  calls++;
  return 0;
}

int main(void) {
  static char wsadata[400];
  char buf[8];
  WSABUF wb = {sizeof buf, buf};
  WSAOVERLAPPED ov;
  memset(&ov, 0, sizeof ov);
  unsigned n = 0, flags = 0;
  WSAStartup(0x0202, wsadata);
  unsigned s = WSASocketW(2, 1, 6, 0, 0, 1); /* AF_INET, SOCK_STREAM, IPPROTO_TCP, WSA_FLAG_OVERLAPPED */
  int r = WSARecv(s, &wb, 1, &n, &flags, &ov, routine);
  printf("recv %d %d\n", r, r ? WSAGetLastError() : 0);
  r = WSASend(s, &wb, 1, &n, 0, &ov, routine);
  printf("send %d %d\n", r, r ? WSAGetLastError() : 0);
  /* without a routine the same call goes through (WSAENOTCONN: the socket is not connected) */
  r = WSARecv(s, &wb, 1, &n, &flags, &ov, 0);
  printf("plain %d %d\n", r, r ? WSAGetLastError() : 0);
  r = (int)WSAAccept(s, 0, 0, condition, 0);
  printf("accept %d %d\n", r, WSAGetLastError());
  unsigned on = 1;
  r = WSAIoctl(s, 0x8004667e, &on, sizeof on, 0, 0, &n, &ov, routine); /* FIONBIO */
  printf("ioctl %d %d\n", r, r ? WSAGetLastError() : 0);
  printf("calls %d\n", calls);
  return 0;
}
