/* echo-client — connects to an echo server, sends a message (or <bytes> of a pattern), shuts down its
 * sending side with SD_SEND, then receives until recv returns 0 and checks that every byte came back.
 * Usage: echo-client <host> <port> [message | -n bytes] */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what) {
  fprintf(stderr, "%s failed: %d\n", what, WSAGetLastError());
  WSACleanup();
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: echo-client <host> <port> [message | -n bytes]\n");
    return 2;
  }
  const char *message = "hello, wasock";
  long length;
  char *out;
  if (argc > 4 && strcmp(argv[3], "-n") == 0) {
    length = atol(argv[4]);
    out = (char *)malloc(length > 0 ? length : 1);
    for (long i = 0; i < length; i++) out[i] = (char)(i * 7 + (i >> 8));
  } else {
    if (argc > 3) message = argv[3];
    length = (long)strlen(message);
    out = (char *)message;
  }

  WSADATA wsa;
  if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) return 1;
  struct addrinfo hints, *res = NULL;
  ZeroMemory(&hints, sizeof hints);
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_protocol = IPPROTO_TCP;
  int rc = getaddrinfo(argv[1], argv[2], &hints, &res);
  if (rc != 0) {
    fprintf(stderr, "getaddrinfo failed: %d\n", rc);
    WSACleanup();
    return 1;
  }
  SOCKET s = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  if (s == INVALID_SOCKET) return fail("socket");
  if (connect(s, res->ai_addr, (int)res->ai_addrlen) == SOCKET_ERROR) return fail("connect");
  freeaddrinfo(res);

  for (long off = 0; off < length;) {
    int chunk = length - off > 65536 ? 65536 : (int)(length - off);
    int n = send(s, out + off, chunk, 0);
    if (n == SOCKET_ERROR) return fail("send");
    off += n;
  }
  if (shutdown(s, SD_SEND) == SOCKET_ERROR) return fail("shutdown");

  static char buf[65536];
  long got = 0, mismatches = 0;
  for (;;) {
    int n = recv(s, buf, sizeof buf, 0);
    if (n == SOCKET_ERROR) return fail("recv");
    if (n == 0) break;
    for (int i = 0; i < n; i++)
      if (got + i >= length || buf[i] != out[got + i]) mismatches++;
    got += n;
  }
  closesocket(s);
  printf("sent %ld, received %ld, mismatched %ld\n", length, got, mismatches);
  if (length <= 256 && got == length) printf("%.*s\n", (int)got, out);
  WSACleanup();
  return (got == length && mismatches == 0) ? 0 : 1;
}
