/* testutil.h — helpers shared by the C test guests (conformance.c, abi-bench.c). */
#ifndef WASOCK_TESTUTIL_H
#define WASOCK_TESTUTIL_H
#include <winsock2.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Monotonic time in nanoseconds. */
static inline double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static inline struct sockaddr_in loopback(u_short port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

/* A listener on 127.0.0.1 with a kernel-chosen port (returned in *port); exits 3 if it cannot. */
static inline SOCKET listener(u_short *port) {
  SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  struct sockaddr_in a = loopback(0);
  int len = sizeof a;
  if (bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, 5) || getsockname(l, (struct sockaddr *)&a, &len)) exit(3);
  *port = ntohs(a.sin_port);
  return l;
}
#endif
