/* keepalive-vals — a C guest for test/winsock/keepalive-vals.test.ts: checks SIO_KEEPALIVE_VALS'
 * argument errors through the ws2_32 ABI, connects to 127.0.0.1:<port>, turns keep-alive on with
 * keepalivetime <ms>, prints "port <local port>" and waits until the peer closes.
 * Usage: keepalive-vals <port> <ms> */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>
#include <stdio.h>
#include <stdlib.h>

static int check(const char *what, int r, int want_err) {
  int e = r == SOCKET_ERROR ? WSAGetLastError() : 0;
  printf("%s %s (%d)\n", e == want_err ? "ok" : "not ok", what, e);
  return e == want_err;
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  WSADATA wsa;
  if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) return 1;
  SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  SOCKET u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
  struct tcp_keepalive ka = {1, (u_long)atol(argv[2]), 1000};
  DWORD got = 77;
  int good = 1;
  good &= check("short_input", WSAIoctl(s, SIO_KEEPALIVE_VALS, &ka, sizeof ka - 1, NULL, 0, &got, NULL, NULL), WSAEFAULT);
  good &= check("null_input", WSAIoctl(s, SIO_KEEPALIVE_VALS, NULL, sizeof ka, NULL, 0, &got, NULL, NULL), WSAEFAULT);
  good &= check("datagram", WSAIoctl(u, SIO_KEEPALIVE_VALS, &ka, sizeof ka, NULL, 0, &got, NULL, NULL), WSAEINVAL);

  struct sockaddr_in to;
  ZeroMemory(&to, sizeof to);
  to.sin_family = AF_INET;
  to.sin_port = htons((u_short)atoi(argv[1]));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(s, (struct sockaddr *)&to, sizeof to) != 0) return 1;
  good &= check("set", WSAIoctl(s, SIO_KEEPALIVE_VALS, &ka, sizeof ka, NULL, 0, &got, NULL, NULL), 0);
  printf("%s bytes_returned (%lu)\n", got == 0 ? "ok" : "not ok", (unsigned long)got);
  BOOL on = FALSE;
  int len = sizeof on;
  getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (char *)&on, &len);
  printf("%s so_keepalive (%d)\n", on ? "ok" : "not ok", on);
  struct sockaddr_in me;
  len = sizeof me;
  getsockname(s, (struct sockaddr *)&me, &len);
  printf("port %u\n", ntohs(me.sin_port));
  fflush(stdout);
  char b[16];
  while (recv(s, b, sizeof b, 0) > 0) {}
  closesocket(s);
  closesocket(u);
  WSACleanup();
  return good && got == 0 && on ? 0 : 3;
}
