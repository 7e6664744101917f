/* trap.c — traps after startup: wasock run reports it and exits with 134 (as an abort would). */
#include <winsock2.h>
#include <stdio.h>

int main(void) {
  WSADATA d;
  WSAStartup(MAKEWORD(2, 2), &d);
  puts("before the trap");
  fflush(stdout);
  __builtin_trap();
}
