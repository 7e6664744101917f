/* abi-bench.c — the C guest of bench/c-abi.bench.ts.
 *   abi-bench calls <n>                 cost of non-blocking calls (ns per call)
 *   abi-bench server                    echo server for one client (prints its port)
 *   abi-bench client <port> <bytes>     echo client: keeps up to 256 KiB in flight, 64 KiB sends */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "testutil.h"

static char buf[65536];

static int calls(long n) {
  u_short port;
  SOCKET l = listener(&port);
  struct sockaddr_in a = loopback(port);
  SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(c, (struct sockaddr *)&a, sizeof a)) return 4;
  SOCKET s = accept(l, NULL, NULL);
  u_long on = 1;
  ioctlsocket(s, FIONBIO, &on);
  long would = 0;
  double t0 = now_ns();
  for (long i = 0; i < n; i++) would += recv(s, buf, sizeof buf, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK;
  double t1 = now_ns();
  int v = 0, len;
  for (long i = 0; i < n; i++) { len = sizeof v; getsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&v, &len); }
  double t2 = now_ns();
  for (long i = 0; i < n; i++) WSAGetLastError();
  double t3 = now_ns();
  if (would != n) return 5;
  printf("recv_wouldblock_ns %.1f\ngetsockopt_ns %.1f\nwsagetlasterror_ns %.1f\n", (t1 - t0) / n, (t2 - t1) / n, (t3 - t2) / n);
  closesocket(c); closesocket(s); closesocket(l);
  return 0;
}

static int server(void) {
  u_short port;
  SOCKET l = listener(&port);
  printf("port %u\n", port);
  fflush(stdout);
  SOCKET s = accept(l, NULL, NULL);
  for (;;) {
    int n = recv(s, buf, sizeof buf, 0);
    if (n <= 0) break;
    for (int off = 0; off < n;) {
      int m = send(s, buf + off, n - off, 0);
      if (m <= 0) return 6;
      off += m;
    }
  }
  shutdown(s, SD_SEND);
  closesocket(s);
  closesocket(l);
  return 0;
}

static int client(u_short port, long total) {
  struct sockaddr_in a = loopback(port);
  SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(c, (struct sockaddr *)&a, sizeof a)) return 4;
  static char out[65536], in[65536];
  for (int i = 0; i < (int)sizeof out; i++) out[i] = (char)(i * 7);
  long sent = 0, got = 0;
  double t0 = now_ns();
  while (got < total) {
    while (sent < total && sent - got < 262144) {
      long chunk = total - sent < 65536 ? total - sent : 65536;
      int m = send(c, out, (int)chunk, 0);
      if (m <= 0) return 6;
      sent += m;
    }
    int n = recv(c, in, sizeof in, 0);
    if (n <= 0) return 7;
    got += n;
  }
  double t1 = now_ns();
  shutdown(c, SD_SEND);
  while (recv(c, in, sizeof in, 0) > 0) {}
  closesocket(c);
  printf("echo_ns %.0f\n", t1 - t0);
  return 0;
}

int main(int argc, char **argv) {
  WSADATA d;
  if (WSAStartup(MAKEWORD(2, 2), &d)) return 1;
  int r = 2;
  if (argc > 2 && strcmp(argv[1], "calls") == 0) r = calls(atol(argv[2]));
  else if (argc > 1 && strcmp(argv[1], "server") == 0) r = server();
  else if (argc > 3 && strcmp(argv[1], "client") == 0) r = client((u_short)atoi(argv[2]), atol(argv[3]));
  WSACleanup();
  return r;
}
