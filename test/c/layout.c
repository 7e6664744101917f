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
CHECK(sizeof(FLOWSPEC) == 32 && sizeof(QOS) == 72 && offsetof(QOS, ProviderSpecific) == 64);
CHECK(FIONBIO == (long)0x8004667E && FIONREAD == 0x4004667F && SIOCATMARK == 0x40047307);
/* event objects and WSAEventSelect (Windows SDK winsock2.h values) */
CHECK(sizeof(WSAEVENT) == 4 && WSA_MAXIMUM_WAIT_EVENTS == 64);
CHECK(offsetof(WSANETWORKEVENTS, iErrorCode) == 4 && FD_MAX_EVENTS == 10 && FD_ALL_EVENTS == 0x3FF);
CHECK(FD_READ == 1 && FD_WRITE == 2 && FD_OOB == 4 && FD_ACCEPT == 8 && FD_CONNECT == 16 && FD_CLOSE == 32);
CHECK(FD_READ_BIT == 0 && FD_WRITE_BIT == 1 && FD_OOB_BIT == 2 && FD_ACCEPT_BIT == 3 && FD_CONNECT_BIT == 4 && FD_CLOSE_BIT == 5);
CHECK(FD_QOS == 0x40 && FD_GROUP_QOS == 0x80 && FD_ROUTING_INTERFACE_CHANGE == 0x100 && FD_ADDRESS_LIST_CHANGE == 0x200);
CHECK(WSA_WAIT_EVENT_0 == 0 && WSA_WAIT_TIMEOUT == 258 && WSA_WAIT_FAILED == 0xFFFFFFFFu && WSA_INFINITE == 0xFFFFFFFFu);
CHECK(WSA_WAIT_IO_COMPLETION == 0xC0 && WSA_INVALID_HANDLE == 6 && WSA_INVALID_PARAMETER == 87);
CHECK(MAKEWORD(2, 2) == 0x0202 && SO_DONTLINGER == ~0x80 && SO_EXCLUSIVEADDRUSE == ~4);
int main(void) {
  WSADATA d; fd_set r; struct timeval tv = {1, 0};
  if (WSAStartup(MAKEWORD(2, 2), &d)) return 1;
  SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  FD_ZERO(&r); FD_SET(s, &r); FD_SET(s, &r);
  printf("%u %d\n", r.fd_count, select(0, &r, NULL, NULL, &tv));
  printf("%d %lu\n", FD_ISSET(s, &r), (unsigned long)htonl(1));
  closesocket(s);
  if (WSA_INVALID_EVENT != NULL) return 2;
  return WSACleanup();
}
