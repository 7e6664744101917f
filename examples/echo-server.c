/* echo-server — a blocking TCP echo server: WSAStartup, socket, bind, listen, accept, then recv/send
 * until the client shuts its side down, shutdown(SD_SEND), closesocket, WSACleanup.
 * Usage: echo-server <port> [connections]   (serves that many clients, default 1, then exits) */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>

static int fail(const char *what) {
  fprintf(stderr, "%s failed: %d\n", what, WSAGetLastError());
  WSACleanup();
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: echo-server <port> [connections]\n");
    return 2;
  }
  int port = atoi(argv[1]);
  int connections = argc > 2 ? atoi(argv[2]) : 1;
  WSADATA wsa;
  if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) return 1;

  SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  if (listener == INVALID_SOCKET) return fail("socket");
  struct sockaddr_in addr;
  ZeroMemory(&addr, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((u_short)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) == SOCKET_ERROR) return fail("bind");
  if (listen(listener, SOMAXCONN) == SOCKET_ERROR) return fail("listen");
  int namelen = sizeof addr;
  if (getsockname(listener, (struct sockaddr *)&addr, &namelen) == SOCKET_ERROR) return fail("getsockname");
  printf("listening on port %u\n", ntohs(addr.sin_port));
  fflush(stdout);

  static char buf[65536];
  for (int c = 0; c < connections; c++) {
    struct sockaddr_in peer;
    int peerlen = sizeof peer;
    SOCKET s = accept(listener, (struct sockaddr *)&peer, &peerlen);
    if (s == INVALID_SOCKET) return fail("accept");
    long total = 0;
    for (;;) {
      int n = recv(s, buf, sizeof buf, 0);
      if (n == SOCKET_ERROR) return fail("recv");
      if (n == 0) break; /* the client shut down its sending side */
      for (int off = 0; off < n;) {
        int m = send(s, buf + off, n - off, 0);
        if (m == SOCKET_ERROR) return fail("send");
        off += m;
      }
      total += n;
    }
    if (shutdown(s, SD_SEND) == SOCKET_ERROR) return fail("shutdown");
    closesocket(s);
    printf("echoed %ld bytes\n", total);
    fflush(stdout);
  }
  closesocket(listener);
  return WSACleanup() == 0 ? 0 : 1;
}
