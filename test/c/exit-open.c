/* exit-open.c — exits with code 3 and a listener still open: wasock run must close it and end at once. */
#include <winsock2.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  WSADATA d; WSAStartup(MAKEWORD(2,2), &d);
  SOCKET l = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a; memset(&a, 0, sizeof a); a.sin_family = AF_INET; a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(l, (struct sockaddr *)&a, sizeof a); listen(l, 5);
  printf("left a listener open\n");
  return 3;
}
