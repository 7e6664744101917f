/* select-server — one thread serves many clients with select(): a non-blocking listener and
 * connections in fd_sets; each client's bytes are echoed back upper-cased; a client that shuts down
 * its sending side gets SD_SEND in return and is closed.
 * Usage: select-server <port> <clients>   (exits after serving that many clients) */
#include <winsock2.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: select-server <port> <clients>\n");
    return 2;
  }
  int remaining = atoi(argv[2]);
  WSADATA wsa;
  if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) return 1;
  SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  struct sockaddr_in addr;
  ZeroMemory(&addr, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((u_short)atoi(argv[1]));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int len = sizeof addr;
  u_long on = 1;
  if (bind(l, (struct sockaddr *)&addr, sizeof addr) || listen(l, SOMAXCONN) ||
      getsockname(l, (struct sockaddr *)&addr, &len) || ioctlsocket(l, FIONBIO, &on)) {
    fprintf(stderr, "listener failed: %d\n", WSAGetLastError());
    return 1;
  }
  printf("listening on port %u\n", ntohs(addr.sin_port));
  fflush(stdout);

  SOCKET clients[FD_SETSIZE - 1];
  int n = 0;
  static char buf[4096];
  while (remaining > 0) {
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(l, &rd);
    for (int i = 0; i < n; i++) FD_SET(clients[i], &rd);
    struct timeval tv = {30, 0};
    int ready = select(0, &rd, NULL, NULL, &tv);
    if (ready <= 0) {
      fprintf(stderr, "select: %d (%d)\n", ready, WSAGetLastError());
      return 1;
    }
    if (FD_ISSET(l, &rd) && n < FD_SETSIZE - 1) {
      SOCKET c = accept(l, NULL, NULL);
      if (c != INVALID_SOCKET) {
        clients[n++] = c;
        printf("client %d connected\n", n);
        fflush(stdout);
      }
    }
    for (int i = 0; i < n; i++) {
      if (!FD_ISSET(clients[i], &rd)) continue;
      int got = recv(clients[i], buf, sizeof buf, 0);
      if (got > 0) {
        for (int k = 0; k < got; k++) buf[k] = (char)toupper((unsigned char)buf[k]);
        for (int off = 0; off < got;) {
          int m = send(clients[i], buf + off, got - off, 0);
          if (m == SOCKET_ERROR) break;
          off += m;
        }
        continue;
      }
      shutdown(clients[i], SD_SEND);
      closesocket(clients[i]);
      clients[i--] = clients[--n];
      remaining--;
    }
  }
  closesocket(l);
  printf("served all clients\n");
  return WSACleanup() == 0 ? 0 : 1;
}
