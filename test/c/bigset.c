/* bigset.c — select with fd_sets larger than the header's 64: a program may define its own
 * FD_SETSIZE before including winsock2.h, and select reads as many entries as fd_count says. */
#define FD_SETSIZE 200
#include "testutil.h"
#include <stdio.h>

#define N 150

static int fails = 0;
static void check(const char *name, long got, long want) {
  if (got == want) printf("ok %s\n", name);
  else { printf("not ok %s got %ld want %ld\n", name, got, want); fails++; }
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  WSADATA d;
  check("startup", WSAStartup(MAKEWORD(2, 2), &d), 0);
  static SOCKET s[N];
  static u_short port[N];
  for (int i = 0; i < N; i++) {
    s[i] = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    struct sockaddr_in a = loopback(0);
    int len = sizeof a;
    if (s[i] == INVALID_SOCKET || bind(s[i], (struct sockaddr *)&a, sizeof a) ||
        getsockname(s[i], (struct sockaddr *)&a, &len)) { printf("not ok socket %d: %d\n", i, WSAGetLastError()); return 1; }
    port[i] = ntohs(a.sin_port);
  }
  /* datagrams to the sockets at 100 and 140, both beyond the 64th entry */
  struct sockaddr_in to = loopback(port[100]);
  sendto(s[0], "a", 1, 0, (struct sockaddr *)&to, sizeof to);
  to = loopback(port[140]);
  sendto(s[0], "b", 1, 0, (struct sockaddr *)&to, sizeof to);

  fd_set rd, wr, ex;
  struct timeval tv = {5, 0};
  /* both datagrams arrived first (a select that finds every socket writable returns at once, and
   * would not wait for them): socket 140 readable, then 100 */
  for (int k = 0; k < 2; k++) {
    FD_ZERO(&rd);
    FD_SET(s[k == 0 ? 140 : 100], &rd);
    check(k == 0 ? "bigset.arrived_140" : "bigset.arrived_100", select(0, &rd, NULL, NULL, &tv), 1);
  }
  FD_ZERO(&rd); FD_ZERO(&wr); FD_ZERO(&ex);
  for (int i = 0; i < N; i++) { FD_SET(s[i], &rd); FD_SET(s[i], &wr); FD_SET(s[i], &ex); }
  check("bigset.fd_count", rd.fd_count, N);
  /* three big sets at once: N writable, the two readable, none exceptional */
  long r = select(0, &rd, &wr, &ex, &tv);
  check("bigset.select_total", r, N + 2);
  check("bigset.read_count", rd.fd_count, 2);
  check("bigset.read_100", FD_ISSET(s[100], &rd) != 0, 1);
  check("bigset.read_140", FD_ISSET(s[140], &rd) != 0, 1);
  check("bigset.read_not_0", FD_ISSET(s[0], &rd) != 0, 0);
  check("bigset.write_count", wr.fd_count, N);
  check("bigset.write_last", FD_ISSET(s[N - 1], &wr) != 0, 1);
  check("bigset.except_count", ex.fd_count, 0);

  /* a closed socket past the 64th entry is still seen: WSAENOTSOCK */
  FD_ZERO(&rd);
  for (int i = 0; i < N; i++) FD_SET(s[i], &rd);
  closesocket(s[120]);
  check("bigset.closed_member", select(0, &rd, NULL, NULL, &tv), SOCKET_ERROR);
  check("bigset.closed_member_error", WSAGetLastError(), WSAENOTSOCK);

  for (int i = 0; i < N; i++) if (i != 120) closesocket(s[i]);
  check("cleanup", WSACleanup(), 0);
  printf("%d failed\n", fails);
  return fails == 0 ? 0 : 1;
}
