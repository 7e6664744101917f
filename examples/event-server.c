/* event-server — a Windows CE style echo server: one thread, no select. The listener and every
 * client have an event object (WSAEventSelect); the thread sleeps in WSAWaitForMultipleEvents,
 * asks WSAEnumNetworkEvents what happened, and echoes each client's bytes back. A send that would
 * block keeps the rest for FD_WRITE; a client that shuts down its sending side gets SD_SEND in return
 * once its bytes are echoed, and is closed.
 * Usage: event-server <port> <clients>   (exits after serving that many clients) */
#include <winsock2.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_CLIENTS (WSA_MAXIMUM_WAIT_EVENTS - 1)
#define CHUNK 8192

struct client {
  SOCKET s;
  int id;
  char out[CHUNK]; /* received, not yet echoed */
  int len, off;
};

static WSAEVENT events[WSA_MAXIMUM_WAIT_EVENTS]; /* [0] the listener's, [1 + i] client i's */
static struct client clients[MAX_CLIENTS];
static int nclients = 0, accepted = 0;

/* Echoes what it can. Returns 0 while the client stays, 1 when it is done (closed). */
static int serve(struct client *c) {
  for (;;) {
    while (c->off < c->len) {
      int m = send(c->s, c->out + c->off, c->len - c->off, 0);
      if (m == SOCKET_ERROR) {
        if (WSAGetLastError() == WSAEWOULDBLOCK) return 0; /* FD_WRITE comes when it can go on */
        return 1;
      }
      c->off += m;
    }
    c->len = c->off = 0;
    int got = recv(c->s, c->out, sizeof c->out, 0);
    if (got > 0) {
      c->len = got;
      continue;
    }
    if (got == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK) return 0; /* FD_READ re-armed */
    if (got == 0) shutdown(c->s, SD_SEND); /* the peer finished and has every byte back */
    return 1;
  }
}

static void drop(int i) {
  closesocket(clients[i].s);
  WSACloseEvent(events[1 + i]);
  printf("client %d done\n", clients[i].id);
  fflush(stdout);
  nclients--;
  clients[i] = clients[nclients];
  events[1 + i] = events[1 + nclients];
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: event-server <port> <clients>\n");
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
  events[0] = WSACreateEvent();
  if (events[0] == WSA_INVALID_EVENT || bind(l, (struct sockaddr *)&addr, sizeof addr) || listen(l, SOMAXCONN) ||
      getsockname(l, (struct sockaddr *)&addr, &len) || WSAEventSelect(l, events[0], FD_ACCEPT)) {
    fprintf(stderr, "listener failed: %d\n", WSAGetLastError());
    return 1;
  }
  printf("listening on port %u\n", ntohs(addr.sin_port));
  fflush(stdout);

  while (remaining > 0) {
    DWORD r = WSAWaitForMultipleEvents(1 + nclients, events, FALSE, 30000, FALSE);
    if (r == WSA_WAIT_FAILED || r == WSA_WAIT_TIMEOUT) {
      fprintf(stderr, "wait: %lu (%d)\n", (unsigned long)r, WSAGetLastError());
      return 1;
    }
    /* the first signalled object, then every later one that is signalled too (no starvation) */
    for (int k = (int)(r - WSA_WAIT_EVENT_0); k < 1 + nclients; k++) {
      if (WSAWaitForMultipleEvents(1, &events[k], TRUE, 0, FALSE) != WSA_WAIT_EVENT_0) continue;
      WSANETWORKEVENTS ne;
      if (k == 0) {
        if (WSAEnumNetworkEvents(l, events[0], &ne) || !(ne.lNetworkEvents & FD_ACCEPT)) continue;
        for (;;) {
          SOCKET c = accept(l, NULL, NULL);
          if (c == INVALID_SOCKET) break; /* WSAEWOULDBLOCK: FD_ACCEPT is armed again */
          WSAEVENT ev = nclients < MAX_CLIENTS ? WSACreateEvent() : WSA_INVALID_EVENT;
          /* the accepted socket shares the listener's event until it gets its own */
          if (ev == WSA_INVALID_EVENT || WSAEventSelect(c, ev, FD_READ | FD_WRITE | FD_CLOSE)) {
            closesocket(c);
            if (ev != WSA_INVALID_EVENT) WSACloseEvent(ev);
            continue;
          }
          clients[nclients].s = c;
          clients[nclients].id = ++accepted;
          clients[nclients].len = clients[nclients].off = 0;
          events[1 + nclients] = ev;
          nclients++;
          printf("client %d connected\n", accepted);
          fflush(stdout);
        }
        continue;
      }
      struct client *c = &clients[k - 1];
      if (WSAEnumNetworkEvents(c->s, events[k], &ne)) continue;
      if ((ne.lNetworkEvents & FD_CLOSE) && ne.iErrorCode[FD_CLOSE_BIT] != 0) {
        printf("client %d reset (%d)\n", c->id, ne.iErrorCode[FD_CLOSE_BIT]);
      } else if (!serve(c)) {
        continue;
      }
      drop(k - 1);
      remaining--;
      k--; /* the last client moved into this slot */
    }
  }
  closesocket(l);
  WSACloseEvent(events[0]);
  printf("served all clients\n");
  return WSACleanup() == 0 ? 0 : 1;
}
