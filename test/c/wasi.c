/* wasi.c — what `wasock run` gives a program through WASI preview1 besides ws2_32:
 *   wasi [file [exit-code]]
 * reads stdin to its end (prints the byte count and a sum), writes a line to stderr, draws random
 * bytes twice, reads the real-time and monotonic clocks, and, given a file under a preopened
 * directory, prints its first line and writes <file>.out beside it; then exits with exit-code.
 * Includes <unistd.h> and <sys/time.h> after winsock2.h, as a program ported from POSIX may. */
#include <winsock2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  long n = 0, sum = 0;
  int c;
  while ((c = getchar()) != EOF) { n++; sum = (sum * 31 + c) % 1000003; }
  printf("stdin %ld %ld\n", n, sum);
  fprintf(stderr, "to stderr\n");

  unsigned char a[32], b[32];
  int zeros = 0;
  if (getentropy(a, sizeof a) || getentropy(b, sizeof b)) { printf("random failed\n"); return 1; }
  for (int i = 0; i < 32; i++) zeros += a[i] == 0;
  printf("random %s\n", memcmp(a, b, sizeof a) != 0 && zeros < 8 ? "ok" : "same");

  struct timespec rt, m0, m1;
  clock_gettime(CLOCK_REALTIME, &rt);
  printf("realtime %lld\n", (long long)rt.tv_sec);
  /* gettimeofday fills Windows' struct timeval (two longs) and nothing past it */
  struct { struct timeval tv; long after; } g = {{0, 0}, 0x5a5a5a5a};
  int gr = gettimeofday(&g.tv, NULL);
  printf("gettimeofday %s\n", gr == 0 && g.after == 0x5a5a5a5a && g.tv.tv_usec >= 0 && g.tv.tv_usec < 1000000 &&
         g.tv.tv_sec >= rt.tv_sec && g.tv.tv_sec - rt.tv_sec < 5 ? "ok" : "wrong");
  clock_gettime(CLOCK_MONOTONIC, &m0);
  Sleep(30);
  clock_gettime(CLOCK_MONOTONIC, &m1);
  double ms = (m1.tv_sec - m0.tv_sec) * 1e3 + (m1.tv_nsec - m0.tv_nsec) / 1e6;
  printf("monotonic %s\n", ms >= 25 && ms < 5000 ? "ok" : "wrong");

  if (argc > 1) {
    FILE *f = fopen(argv[1], "r");
    char line[128] = "";
    if (!f || !fgets(line, sizeof line, f)) { printf("file unreadable\n"); return 1; }
    fclose(f);
    printf("file %s", line);
    char out[512];
    snprintf(out, sizeof out, "%s.out", argv[1]);
    FILE *w = fopen(out, "w");
    if (!w || fprintf(w, "written by the guest\n") < 0 || fclose(w)) { printf("file unwritable\n"); return 1; }
  }
  return argc > 2 ? atoi(argv[2]) : 0;
}
