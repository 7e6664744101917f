/* abi-bench.c — the C guest of bench/c-abi.bench.ts.
 *   abi-bench calls <n>                 cost of non-blocking calls (ns per call), of getsockname /
 *                                       getpeername, WSAEnumNetworkEvents and a 0 ms
 *                                       WSAWaitForMultipleEvents, and of recvfrom on datagrams
 *                                       already arrived
 *   abi-bench server                    echo server for one client (prints its port)
 *   abi-bench client <port> <bytes>     echo client: keeps up to 256 KiB in flight, 64 KiB sends
 *   abi-bench pingpong <n>              1-byte TCP round trips between two sockets of this guest
 *   abi-bench ppclient <port> <n>       1-byte TCP round trips with an echo peer at <port>
 *                                       (both print the median, 10th percentile and best round
 *                                       trip in ns) */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <windows.h>
#include "testutil.h"

static char buf[65536];

/* Best of five blocks of n/5 calls each, in ns per call (the machine is shared: a block in which
 * this thread was preempted says nothing about the call). `body` runs once per call. */
#define TIMED(key, body) do { \
    double best_ = 1e30; long m_ = n / 5 > 0 ? n / 5 : 1; \
    for (int b_ = 0; b_ < 5; b_++) { \
      double t0_ = now_ns(); \
      for (long i = 0; i < m_; i++) { body; } \
      double t_ = (now_ns() - t0_) / m_; \
      if (t_ < best_) best_ = t_; \
    } \
    printf("%s %.1f\n", key, best_); \
  } while (0)

static int calls(long n) {
  u_short port;
  SOCKET l = listener(&port);
  struct sockaddr_in a = loopback(port);
  SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(c, (struct sockaddr *)&a, sizeof a)) return 4;
  SOCKET s = accept(l, NULL, NULL);
  u_long on = 1;
  ioctlsocket(s, FIONBIO, &on);
  long would = 0, bad = 0;
  int v = 0, len;
  struct sockaddr_in name;
  TIMED("recv_wouldblock_ns", would += recv(s, buf, sizeof buf, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK);
  TIMED("getsockopt_ns", len = sizeof v; bad += getsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&v, &len) != 0);
  TIMED("wsagetlasterror_ns", bad += WSAGetLastError() < 0);
  TIMED("getsockname_ns", len = sizeof name; bad += getsockname(c, (struct sockaddr *)&name, &len) != 0);
  TIMED("getpeername_ns", len = sizeof name; bad += getpeername(s, (struct sockaddr *)&name, &len) != 0);
  /* an idle socket associated with an event object: the record is empty each time */
  WSAEVENT ev = WSACreateEvent();
  WSANETWORKEVENTS ne;
  if (WSAEventSelect(c, ev, FD_READ | FD_CLOSE)) return 11;
  TIMED("wsaenumnetworkevents_ns", bad += WSAEnumNetworkEvents(c, ev, &ne) != 0 || ne.lNetworkEvents != 0);
  TIMED("wsawait_0_timeout_ns", bad += WSAWaitForMultipleEvents(1, &ev, FALSE, 0, FALSE) != WSA_WAIT_TIMEOUT);
  WSAEventSelect(c, NULL, 0);
  WSACloseEvent(ev);
  if (would != 5 * (n / 5 > 0 ? n / 5 : 1)) return 5;
  if (bad) return 8;
  closesocket(c); closesocket(s); closesocket(l);

  /* datagrams to itself: sent, given time to arrive, then received one by one (a receive buffer
   * for all of them: the host's UDP drops what does not fit, as any UDP does) */
  SOCKET u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
  struct sockaddr_in ua = loopback(0);
  int big = 1 << 20;
  len = sizeof ua;
  setsockopt(u, SOL_SOCKET, SO_RCVBUF, (char *)&big, sizeof big);
  if (bind(u, (struct sockaddr *)&ua, sizeof ua) || getsockname(u, (struct sockaddr *)&ua, &len)) return 9;
  /* five rounds of k datagrams; the best round counts */
  long k = n < 200 ? n : 200;
  double best_take = 1e30, best_recv = 1e30;
  for (int round = 0; round < 5; round++) {
    for (long i = 0; i < k; i++) sendto(u, (char *)&i, sizeof i, 0, (struct sockaddr *)&ua, sizeof ua);
    Sleep(50);
    double t0 = now_ns();
    len = sizeof v;
    getsockopt(u, SOL_SOCKET, SO_RCVBUF, (char *)&v, &len); /* takes the posted datagrams in */
    double t1 = now_ns();
    for (long i = 0; i < k; i++) {
      long v2 = -1;
      len = sizeof name;
      if (recvfrom(u, (char *)&v2, sizeof v2, 0, (struct sockaddr *)&name, &len) != sizeof v2 || v2 != i || name.sin_port != ua.sin_port) return 10;
    }
    double t2 = now_ns();
    if ((t1 - t0) / k < best_take) best_take = (t1 - t0) / k;
    if ((t2 - t1) / k < best_recv) best_recv = (t2 - t1) / k;
  }
  printf("udp_take_in_ns %.1f\nudp_recvfrom_ns %.1f\n", best_take, best_recv);
  closesocket(u);
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

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* n round trips of one byte: out -> (echo) -> in; prints key_median_ns and key_best_ns */
static int round_trips(const char *key, SOCKET out, SOCKET peer, SOCKET in, long n) {
  if (n < 1 || n > 100000) return 2;
  double *t = malloc(sizeof(double) * n);
  if (!t) return 2;
  char b = 0, r;
  for (long i = 0; i < n; i++) {
    b = (char)i;
    double t0 = now_ns();
    if (send(out, &b, 1, 0) != 1) return 6;
    if (peer != INVALID_SOCKET) {
      if (recv(peer, &r, 1, 0) != 1) return 7;
      if (send(peer, &r, 1, 0) != 1) return 6;
    }
    if (recv(in, &r, 1, 0) != 1 || r != b) return 7;
    t[i] = now_ns() - t0;
  }
  qsort(t, n, sizeof(double), cmp_double);
  printf("%s_median_ns %.0f\n%s_p10_ns %.0f\n%s_best_ns %.0f\n", key, t[n / 2], key, t[n / 10], key, t[0]);
  free(t);
  return 0;
}

static int pingpong(long n) {
  u_short port;
  SOCKET l = listener(&port);
  struct sockaddr_in a = loopback(port);
  SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(c, (struct sockaddr *)&a, sizeof a)) return 4;
  SOCKET s = accept(l, NULL, NULL);
  BOOL on = TRUE;
  setsockopt(c, IPPROTO_TCP, TCP_NODELAY, (char *)&on, sizeof on);
  setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&on, sizeof on);
  int r = round_trips("pp_cc", c, s, c, n);
  closesocket(c); closesocket(s); closesocket(l);
  return r;
}

static int ppclient(u_short port, long n) {
  struct sockaddr_in a = loopback(port);
  SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(c, (struct sockaddr *)&a, sizeof a)) return 4;
  BOOL on = TRUE;
  setsockopt(c, IPPROTO_TCP, TCP_NODELAY, (char *)&on, sizeof on);
  int r = round_trips("pp_cnode", c, INVALID_SOCKET, c, n);
  closesocket(c);
  return r;
}

int main(int argc, char **argv) {
  WSADATA d;
  if (WSAStartup(MAKEWORD(2, 2), &d)) return 1;
  int r = 2;
  if (argc > 2 && strcmp(argv[1], "calls") == 0) r = calls(atol(argv[2]));
  else if (argc > 1 && strcmp(argv[1], "server") == 0) r = server();
  else if (argc > 2 && strcmp(argv[1], "pingpong") == 0) r = pingpong(atol(argv[2]));
  else if (argc > 3 && strcmp(argv[1], "ppclient") == 0) r = ppclient((u_short)atoi(argv[2]), atol(argv[3]));
  else if (argc > 3 && strcmp(argv[1], "client") == 0) r = client((u_short)atoi(argv[2]), atol(argv[3]));
  WSACleanup();
  return r;
}
