/* filter-server — a TCP echo server that decides whom to serve with WSAAccept's condition function:
 * callers whose address is on the command line are accepted (CF_ACCEPT), others are refused
 * (CF_REJECT: their connection is reset, and WSAAccept fails with WSAECONNREFUSED).
 * Usage: filter-server <port> <connections> <allowed IPv4 address>...
 * Listens on 127.0.0.1; serves that many accepted clients, then exits. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>

struct allow_list {
  int count;
  struct in_addr addr[16];
};

static int fail(const char *what) {
  fprintf(stderr, "%s failed: %d\n", what, WSAGetLastError());
  WSACleanup();
  return 1;
}

static void print_caller(const char *verdict, LPWSABUF id) {
  char text[INET_ADDRSTRLEN] = "?";
  const struct sockaddr_in *sa = (const struct sockaddr_in *)id->buf;
  if (id->len >= sizeof *sa) inet_ntop(AF_INET, &sa->sin_addr, text, sizeof text);
  printf("%s %s:%u\n", verdict, text, id->len >= sizeof *sa ? ntohs(sa->sin_port) : 0);
  fflush(stdout);
}

/* The condition function: sees the caller's address before the connection is handed out. */
static int CALLBACK on_the_list(LPWSABUF lpCallerId, LPWSABUF lpCallerData, LPQOS lpSQOS, LPQOS lpGQOS,
                                LPWSABUF lpCalleeId, LPWSABUF lpCalleeData, GROUP *g, DWORD_PTR dwCallbackData) {
  (void)lpCallerData; (void)lpSQOS; (void)lpGQOS; (void)lpCalleeId; (void)lpCalleeData; (void)g;
  const struct allow_list *allow = (const struct allow_list *)dwCallbackData;
  const struct sockaddr_in *caller = (const struct sockaddr_in *)lpCallerId->buf;
  if (lpCallerId->len >= sizeof *caller && caller->sin_family == AF_INET) {
    for (int i = 0; i < allow->count; i++) {
      if (allow->addr[i].s_addr == caller->sin_addr.s_addr) {
        print_caller("accepted", lpCallerId);
        return CF_ACCEPT;
      }
    }
  }
  print_caller("rejected", lpCallerId);
  return CF_REJECT;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: filter-server <port> <connections> <allowed IPv4 address>...\n");
    return 2;
  }
  int port = atoi(argv[1]);
  int connections = atoi(argv[2]);
  static struct allow_list allow;
  for (int i = 3; i < argc && allow.count < 16; i++) {
    if (inet_pton(AF_INET, argv[i], &allow.addr[allow.count]) == 1) allow.count++;
    else fprintf(stderr, "not an IPv4 address: %s\n", argv[i]);
  }
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
  for (int served = 0; served < connections;) {
    SOCKET s = WSAAccept(listener, NULL, NULL, on_the_list, (DWORD_PTR)&allow);
    if (s == INVALID_SOCKET) {
      if (WSAGetLastError() == WSAECONNREFUSED) continue; /* the condition function said no */
      return fail("WSAAccept");
    }
    long total = 0;
    for (;;) {
      int n = recv(s, buf, sizeof buf, 0);
      if (n == SOCKET_ERROR) return fail("recv");
      if (n == 0) break;
      for (int off = 0; off < n;) {
        int m = send(s, buf + off, n - off, 0);
        if (m == SOCKET_ERROR) return fail("send");
        off += m;
      }
      total += n;
    }
    shutdown(s, SD_SEND);
    closesocket(s);
    printf("echoed %ld bytes\n", total);
    fflush(stdout);
    served++;
  }
  closesocket(listener);
  return WSACleanup() == 0 ? 0 : 1;
}
