/* Checks that include/ gives Windows' 32-bit layouts and binds every call to the ws2_32 module. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stddef.h>
#define CHECK(c) _Static_assert(c, #c)
CHECK(sizeof(long) == 4 && sizeof(void *) == 4);
CHECK(sizeof(WSADATA) == 400);
CHECK(offsetof(WSADATA, iMaxSockets) == 390 && offsetof(WSADATA, lpVendorInfo) == 396);
CHECK(sizeof(WSAPROTOCOL_INFOW) == 628 && sizeof(WSAPROTOCOL_INFOA) == 372);
CHECK(offsetof(WSAPROTOCOL_INFOW, ProtocolChain) == 40 && offsetof(WSAPROTOCOL_INFOW, iVersion) == 72);
CHECK(offsetof(WSAPROTOCOL_INFOW, szProtocol) == 116);
CHECK(sizeof(WCHAR) == 2 && sizeof(SOCKET) == 4 && sizeof(DWORD) == 4);
CHECK(sizeof(fd_set) == 260 && sizeof(struct timeval) == 8);
CHECK(sizeof(struct sockaddr_in) == 16 && sizeof(struct sockaddr_in6) == 28 && sizeof(struct sockaddr_storage) == 128);
CHECK(sizeof(struct linger) == 4 && sizeof(WSAPOLLFD) == 8 && sizeof(WSABUF) == 8);
CHECK(sizeof(struct addrinfo) == 32 && offsetof(struct addrinfo, ai_next) == 28);
CHECK(sizeof(struct hostent) == 16 && sizeof(WSANETWORKEVENTS) == 44 && sizeof(WSAOVERLAPPED) == 20);
CHECK(FIONBIO == (long)0x8004667E && FIONREAD == 0x4004667F && SIOCATMARK == 0x40047307);
CHECK(MAKEWORD(2, 2) == 0x0202 && SO_DONTLINGER == ~0x80 && SO_EXCLUSIVEADDRUSE == ~4);
int main(void) {
  WSADATA d; fd_set r; struct timeval tv = {1, 0};
  if (WSAStartup(MAKEWORD(2, 2), &d)) return 1;
  SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  FD_ZERO(&r); FD_SET(s, &r); FD_SET(s, &r);
  printf("%u %d\n", r.fd_count, select(0, &r, NULL, NULL, &tv));
  printf("%d %lu\n", FD_ISSET(s, &r), (unsigned long)htonl(1));
  closesocket(s);
  return WSACleanup();
}
