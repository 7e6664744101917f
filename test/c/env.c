/* env.c — prints its arguments and one environment variable: checks what wasock run passes through. */
#include <winsock2.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) printf("arg %s\n", argv[i]);
  const char *v = getenv("WASOCK_TEST");
  printf("env %s\n", v ? v : "(unset)");
  DWORD t0 = GetTickCount();
  Sleep(60);
  DWORD dt = GetTickCount() - t0;
  printf("slept %s\n", dt >= 50 && dt < 5000 ? "ok" : "wrong");
  return 0;
}
