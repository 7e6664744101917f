/* wasock-prelude.h — keeps wasi-libc's BSD-socket definitions out of a Winsock program.
 *
 * wasi-libc declares its own accept/select/send/recv/htons/... and defines `struct timeval` (64-bit
 * fields) and `fd_set` (a list of ints). A Winsock program needs Windows' versions: `struct timeval`
 * of two longs, `fd_set` with fd_count/fd_array, and every socket call bound to the `ws2_32` import
 * module. This header marks libc's headers for those as already included, so they define nothing.
 *
 * winsock2.h includes it first. If your program includes a libc header (stdio.h pulls in libc's
 * struct timeval) before winsock2.h, compile with `-include wasock-prelude.h`, or include
 * winsock2.h first. */
#ifndef WASOCK_PRELUDE_H
#define WASOCK_PRELUDE_H

#if defined(__wasilibc___struct_timeval_h)
#error "wasi-libc's struct timeval is already defined: include <winsock2.h> before libc headers, or compile with -include wasock-prelude.h"
#endif

#define __wasilibc___struct_timeval_h 1
#define __wasilibc___fd_set_h 1
#define __wasilibc___typedef_fd_set_h 1
#define __wasilibc___header_sys_socket_h 1
#define __wasilibc___header_netinet_in_h 1
#define __wasilibc___header_poll_h 1
#define __wasilibc___struct_pollfd_h 1
#define __wasilibc___struct_sockaddr_h 1
#define __wasilibc___struct_sockaddr_in_h 1
#define __wasilibc___struct_sockaddr_in6_h 1
#define __wasilibc___struct_sockaddr_storage_h 1
#define __wasilibc___struct_in_addr_h 1
#define __wasilibc___struct_in6_addr_h 1
#define _SYS_SELECT_H 1
/* <sys/time.h> too: its gettimeofday, utimes and futimesat take libc's 16-byte struct timeval and
 * would write past Windows' 8-byte one; winsock2.h declares a gettimeofday for Windows' struct. */
#define _SYS_TIME_H 1
#define _SYS_SOCKET_H 1
#define _NETINET_IN_H 1
#define _NETINET_TCP_H 1
#define _ARPA_INET_H 1
#define _NETDB_H 1
#define _POLL_H 1

#endif /* WASOCK_PRELUDE_H */
