/* completion.c — overlapped completion routines (lpCompletionRoutine) as desktop Windows runs them:
 * queued at completion, run only in an alertable WSAWaitForMultipleEvents, which then returns
 * WSA_WAIT_IO_COMPLETION. The peer (completion.test.ts, node:net) answers 'A' with "hello-A",
 * 'N' with "now", and records everything it receives. Usage: completion <port> */
#include "testutil.h"
#include <stdio.h>

static int fails = 0;
static void check(const char *name, long got, long want) {
  if (got == want) printf("ok %s\n", name);
  else { printf("not ok %s got %ld want %ld\n", name, got, want); fails++; }
}

/* What each routine call saw. */
struct seen { int calls; DWORD error, bytes, flags; LPWSAOVERLAPPED ov; };
static struct seen r1, r2, r3, r4;
static SOCKET s;

static void CALLBACK on_recv(DWORD e, DWORD n, LPWSAOVERLAPPED ov, DWORD f) {
  r1.calls++; r1.error = e; r1.bytes = n; r1.ov = ov; r1.flags = f;
}
/* The send's routine makes a Winsock call itself (an import called from inside an import). */
static void CALLBACK on_send(DWORD e, DWORD n, LPWSAOVERLAPPED ov, DWORD f) {
  r2.calls++; r2.error = e; r2.bytes = n; r2.ov = ov; r2.flags = f;
  send(s, "r", 1, 0);
}
static void CALLBACK on_now(DWORD e, DWORD n, LPWSAOVERLAPPED ov, DWORD f) {
  r3.calls++; r3.error = e; r3.bytes = n; r3.ov = ov; r3.flags = f;
}
static struct seen r5;
static void CALLBACK on_sleep(DWORD e, DWORD n, LPWSAOVERLAPPED ov, DWORD f) {
  r5.calls++; r5.error = e; r5.bytes = n; r5.ov = ov; r5.flags = f;
}
static void CALLBACK on_abort(DWORD e, DWORD n, LPWSAOVERLAPPED ov, DWORD f) {
  r4.calls++; r4.error = e; r4.bytes = n; r4.ov = ov; r4.flags = f;
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (argc < 2) return 2;
  WSADATA d;
  check("startup", WSAStartup(MAKEWORD(2, 2), &d), 0);
  s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
  struct sockaddr_in a = loopback((u_short)atoi(argv[1]));
  check("connect", connect(s, (struct sockaddr *)&a, sizeof a), 0);
  WSAEVENT ev = WSACreateEvent();

  /* 1. A receive with a routine, pending; the data arrives; a non-alertable wait does not run the
   * routine; an alertable one does and returns WSA_WAIT_IO_COMPLETION. hEvent is the program's
   * own: it is not signalled (else the wait would return WSA_WAIT_EVENT_0). */
  char buf[64];
  memset(buf, 0, sizeof buf);
  WSABUF wb = {sizeof buf, buf};
  WSAOVERLAPPED ov;
  memset(&ov, 0, sizeof ov);
  ov.hEvent = ev;
  DWORD n = 0, flags = 0;
  int r = WSARecv(s, &wb, 1, &n, &flags, &ov, on_recv);
  check("recv.pending", r == SOCKET_ERROR ? WSAGetLastError() : 0, WSA_IO_PENDING);
  send(s, "A", 1, 0);
  for (int i = 0; i < 100 && ov.Internal == 0x103; i++) WSAWaitForMultipleEvents(1, &ev, FALSE, 50, FALSE);
  check("recv.completed", ov.Internal, 0);
  check("recv.high", ov.InternalHigh, 7);
  check("recv.not_alertable_timeout", WSAWaitForMultipleEvents(1, &ev, FALSE, 100, FALSE), WSA_WAIT_TIMEOUT);
  check("recv.not_alertable_no_call", r1.calls, 0);
  check("recv.alertable", WSAWaitForMultipleEvents(1, &ev, FALSE, 5000, TRUE), WSA_WAIT_IO_COMPLETION);
  check("recv.calls", r1.calls, 1);
  check("recv.error", r1.error, 0);
  check("recv.bytes", r1.bytes, 7);
  check("recv.ov", r1.ov == &ov, 1);
  check("recv.flags", r1.flags, 0);
  check("recv.data", memcmp(buf, "hello-A", 7), 0);
  check("recv.event_not_set", WSAWaitForMultipleEvents(1, &ev, FALSE, 0, FALSE), WSA_WAIT_TIMEOUT);
  /* Each routine runs once: nothing is left for the next alertable wait. */
  check("recv.once", WSAWaitForMultipleEvents(1, &ev, FALSE, 50, TRUE), WSA_WAIT_TIMEOUT);
  check("recv.once_calls", r1.calls, 1);

  /* 2. A send with a routine completes at once; its routine still waits for an alertable wait. */
  WSABUF sb = {6, "B-data"};
  WSAOVERLAPPED ov2;
  memset(&ov2, 0, sizeof ov2);
  n = 0;
  r = WSASend(s, &sb, 1, &n, 0, &ov2, on_send);
  check("send.at_once", r, 0);
  check("send.bytes_out", n, 6);
  check("send.not_yet", r2.calls, 0);
  check("send.not_alertable", WSAWaitForMultipleEvents(1, &ev, FALSE, 0, FALSE), WSA_WAIT_TIMEOUT);
  check("send.not_yet2", r2.calls, 0);
  check("send.alertable", WSAWaitForMultipleEvents(1, &ev, FALSE, 0, TRUE), WSA_WAIT_IO_COMPLETION);
  check("send.calls", r2.calls, 1);
  check("send.error", r2.error, 0);
  check("send.bytes", r2.bytes, 6);
  check("send.ov", r2.ov == &ov2, 1);

  /* 3. A receive that completes at once (the data is there): the routine runs only in the
   * alertable wait, with the bytes. */
  send(s, "N", 1, 0);
  fd_set rd;
  FD_ZERO(&rd);
  FD_SET(s, &rd);
  struct timeval tv = {5, 0};
  check("now.readable", select(0, &rd, NULL, NULL, &tv), 1);
  char buf3[16];
  memset(buf3, 0, sizeof buf3);
  WSABUF wb3 = {sizeof buf3, buf3};
  WSAOVERLAPPED ov3;
  memset(&ov3, 0, sizeof ov3);
  n = 0; flags = 0;
  r = WSARecv(s, &wb3, 1, &n, &flags, &ov3, on_now);
  check("now.at_once", r, 0);
  check("now.bytes_out", n, 3);
  check("now.not_yet", r3.calls, 0);
  check("now.not_alertable", WSAWaitForMultipleEvents(1, &ev, FALSE, 20, FALSE), WSA_WAIT_TIMEOUT);
  check("now.not_yet2", r3.calls, 0);
  check("now.alertable", WSAWaitForMultipleEvents(1, &ev, FALSE, WSA_INFINITE, TRUE), WSA_WAIT_IO_COMPLETION);
  check("now.calls", r3.calls, 1);
  check("now.bytes", r3.bytes, 3);
  check("now.data", memcmp(buf3, "now", 3), 0);

  /* 3b. SleepEx: a non-alertable sleep runs no routine; an alertable one runs a routine already
   * queued, and one whose call completes while it sleeps, and returns WAIT_IO_COMPLETION. */
  char buf5[16];
  WSABUF wb5 = {sizeof buf5, buf5};
  WSAOVERLAPPED ov5;
  memset(&ov5, 0, sizeof ov5);
  memset(buf5, 0, sizeof buf5);
  n = 0; flags = 0;
  r = WSARecv(s, &wb5, 1, &n, &flags, &ov5, on_sleep);
  check("sleepex.pending", r == SOCKET_ERROR ? WSAGetLastError() : 0, WSA_IO_PENDING);
  send(s, "A", 1, 0);
  for (int i = 0; i < 100 && ov5.Internal == 0x103; i++) WSAWaitForMultipleEvents(1, &ev, FALSE, 50, FALSE);
  check("sleepex.completed", ov5.Internal, 0);
  check("sleepex.not_alertable", SleepEx(50, FALSE), 0);
  check("sleepex.not_alertable_no_call", r5.calls, 0);
  check("sleepex.alertable_queued", SleepEx(INFINITE, TRUE), WAIT_IO_COMPLETION);
  check("sleepex.queued_calls", r5.calls, 1);
  check("sleepex.queued_bytes", r5.bytes, 7);
  check("sleepex.queued_data", memcmp(buf5, "hello-A", 7), 0);
  check("sleepex.nothing_left", SleepEx(20, TRUE), 0);
  memset(&ov5, 0, sizeof ov5);
  memset(buf5, 0, sizeof buf5);
  r = WSARecv(s, &wb5, 1, &n, &flags, &ov5, on_sleep);
  check("sleepex.pending2", r == SOCKET_ERROR ? WSAGetLastError() : 0, WSA_IO_PENDING);
  send(s, "A", 1, 0);
  check("sleepex.alertable_during", SleepEx(5000, TRUE), WAIT_IO_COMPLETION);
  check("sleepex.during_calls", r5.calls, 2);
  check("sleepex.during_ov", r5.ov == &ov5, 1);
  check("sleepex.during_data", memcmp(buf5, "hello-A", 7), 0);

  /* 4. A call that fails at once queues nothing. */
  r = WSARecv(s, (LPWSABUF)0xfffffff0, 1, &n, &flags, &ov3, on_now);
  check("fail.fault", r == SOCKET_ERROR ? WSAGetLastError() : 0, WSAEFAULT);
  check("fail.nothing_queued", WSAWaitForMultipleEvents(1, &ev, FALSE, 0, TRUE), WSA_WAIT_TIMEOUT);
  check("fail.calls", r3.calls, 1);

  /* 5. A signalled event the wait is given comes before queued routines; they run in the next one. */
  WSAOVERLAPPED ov4;
  memset(&ov4, 0, sizeof ov4);
  char buf4[16];
  WSABUF wb4 = {sizeof buf4, buf4};
  n = 0; flags = 0;
  r = WSARecv(s, &wb4, 1, &n, &flags, &ov4, on_abort);
  check("abort.pending", r == SOCKET_ERROR ? WSAGetLastError() : 0, WSA_IO_PENDING);
  /* 6. closesocket cancels it: the routine gets WSA_OPERATION_ABORTED. */
  check("abort.close", closesocket(s), 0);
  WSASetEvent(ev);
  check("abort.event_first", WSAWaitForMultipleEvents(1, &ev, FALSE, 0, TRUE), WSA_WAIT_EVENT_0);
  check("abort.not_yet", r4.calls, 0);
  WSAResetEvent(ev);
  check("abort.alertable", WSAWaitForMultipleEvents(1, &ev, FALSE, 1000, TRUE), WSA_WAIT_IO_COMPLETION);
  check("abort.calls", r4.calls, 1);
  check("abort.error", r4.error, WSA_OPERATION_ABORTED);
  check("abort.bytes", r4.bytes, 0);
  check("abort.ov", r4.ov == &ov4, 1);

  WSACloseEvent(ev);
  WSACleanup();
  printf("%d failed\n", fails);
  return fails ? 1 : 0;
}
