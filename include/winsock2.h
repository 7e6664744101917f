/* winsock2.h — Windows Sockets 2.2 for wasm32-wasi guests running on wasock.
 *
 * Types and structures have Win32's 32-bit layouts (long and pointers are 4 bytes on wasm32, as on
 * Win32). Every function is imported from the `ws2_32` wasm module under its Windows name, and gets a
 * distinct link symbol (`__wasock_<name>`) so that wasi-libc's accept/select/send/htons/... are never
 * linked in its place. Constants are Windows' values (AF_INET6 is 23, SOL_SOCKET is 0xffff, ...).
 * Part of wasock. */
#ifndef _WINSOCK2API_
#define _WINSOCK2API_
#define _WINSOCKAPI_ /* a later #include <winsock.h> is a no-op, as on Windows */

#include "wasock-prelude.h"
#include <windows.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WSAAPI
#define WINSOCK_API_LINKAGE
#define WASOCK_IMPORT(name) __asm__("__wasock_" #name) __attribute__((import_module("ws2_32"), import_name(#name)))

/* Memory Winsock hands to the program (addrinfo chains from getaddrinfo, hostent, inet_ntoa's
 * buffer) lives in the program's own memory: wasock's ws2_32 module allocates it through these two
 * exports, which call the program's malloc/free. Weak definitions, so that every translation unit
 * may carry them and the linker keeps one. */
void *malloc(__SIZE_TYPE__);
void free(void *);
__attribute__((weak, export_name("wasock_malloc"))) void *__wasock_malloc(__SIZE_TYPE__ n) { return malloc(n); }
__attribute__((weak, export_name("wasock_free"))) void __wasock_free(void *p) { free(p); }

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef uint64_t u_int64;

typedef UINT_PTR SOCKET;
#define INVALID_SOCKET ((SOCKET)(~0))
#define SOCKET_ERROR (-1)

/* ---- select ---- */
#ifndef FD_SETSIZE
#define FD_SETSIZE 64
#endif
typedef struct fd_set {
  u_int fd_count;
  SOCKET fd_array[FD_SETSIZE];
} fd_set, FD_SET, *PFD_SET, *LPFD_SET;

struct timeval {
  long tv_sec;
  long tv_usec;
};
typedef struct timeval TIMEVAL, *PTIMEVAL, *LPTIMEVAL;

int WSAAPI __WSAFDIsSet(SOCKET fd, fd_set *set) WASOCK_IMPORT(__WSAFDIsSet);

/* FD_SET adds a socket once and silently ignores it when the set is full, as Windows' macro does. */
#define FD_CLR(fd, set) do { \
    fd_set *__s = (fd_set *)(set); u_int __i; \
    for (__i = 0; __i < __s->fd_count; __i++) { \
      if (__s->fd_array[__i] == (SOCKET)(fd)) { \
        for (; __i + 1 < __s->fd_count; __i++) __s->fd_array[__i] = __s->fd_array[__i + 1]; \
        __s->fd_count--; break; \
      } \
    } } while (0)
#define FD_SET(fd, set) do { \
    fd_set *__s = (fd_set *)(set); u_int __i; \
    for (__i = 0; __i < __s->fd_count; __i++) if (__s->fd_array[__i] == (SOCKET)(fd)) break; \
    if (__i == __s->fd_count && __s->fd_count < FD_SETSIZE) { __s->fd_array[__i] = (SOCKET)(fd); __s->fd_count++; } \
  } while (0)
#define FD_ZERO(set) (((fd_set *)(set))->fd_count = 0)
#define FD_ISSET(fd, set) __WSAFDIsSet((SOCKET)(fd), (fd_set *)(set))

#define timerisset(tvp) ((tvp)->tv_sec || (tvp)->tv_usec)
#define timerclear(tvp) ((tvp)->tv_sec = (tvp)->tv_usec = 0)
#define timercmp(a, b, cmp) \
  ((a)->tv_sec != (b)->tv_sec ? (a)->tv_sec cmp (b)->tv_sec : (a)->tv_usec cmp (b)->tv_usec)

/* Not Winsock, but what a program that includes <sys/time.h> expects (wasock-prelude.h keeps libc's
 * out, as its struct timeval is not this one): the real time in this struct timeval, from WASI's
 * clock. Its own link symbol, so that libc's gettimeofday is never linked in its place. */
#include <time.h>
int gettimeofday(struct timeval *tv, void *tz) __asm__("__wasock_gettimeofday");
__attribute__((weak)) int gettimeofday(struct timeval *tv, void *tz) {
  struct timespec ts;
  (void)tz;
  if (clock_gettime(CLOCK_REALTIME, &ts) != 0) return -1;
  tv->tv_sec = (long)ts.tv_sec;
  tv->tv_usec = (long)(ts.tv_nsec / 1000);
  return 0;
}

/* ---- ioctls ---- */
#define IOCPARM_MASK 0x7f
#define IOC_VOID 0x20000000
#define IOC_OUT 0x40000000
#define IOC_IN 0x80000000
#define IOC_INOUT (IOC_IN | IOC_OUT)
#define _IO(x, y) (IOC_VOID | ((x) << 8) | (y))
#define _IOR(x, y, t) (IOC_OUT | (((long)sizeof(t) & IOCPARM_MASK) << 16) | ((x) << 8) | (y))
#define _IOW(x, y, t) (IOC_IN | (((long)sizeof(t) & IOCPARM_MASK) << 16) | ((x) << 8) | (y))
#define FIONREAD _IOR('f', 127, u_long)
#define FIONBIO _IOW('f', 126, u_long)
#define FIOASYNC _IOW('f', 125, u_long)
#define SIOCSHIWAT _IOW('s', 0, u_long)
#define SIOCGHIWAT _IOR('s', 1, u_long)
#define SIOCSLOWAT _IOW('s', 2, u_long)
#define SIOCGLOWAT _IOR('s', 3, u_long)
#define SIOCATMARK _IOR('s', 7, u_long)
#define IOC_UNIX 0x00000000
#define IOC_WS2 0x08000000
#define IOC_PROTOCOL 0x10000000
#define IOC_VENDOR 0x18000000
#define _WSAIO(x, y) (IOC_VOID | (x) | (y))
#define _WSAIOR(x, y) (IOC_OUT | (x) | (y))
#define _WSAIOW(x, y) (IOC_IN | (x) | (y))
#define _WSAIORW(x, y) (IOC_INOUT | (x) | (y))
#define SIO_GET_EXTENSION_FUNCTION_POINTER _WSAIORW(IOC_WS2, 6)
#define SIO_RCVALL _WSAIOW(IOC_VENDOR, 1)

/* ---- addresses ---- */
#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_INET 2
#ifndef AF_IRDA
#define AF_IRDA 22 /* Windows CE's value; the desktop uses 26 */
#endif
#define AF_INET6 23
#define AF_MAX 33
#define PF_UNSPEC AF_UNSPEC
#define PF_INET AF_INET
#define PF_INET6 AF_INET6
#define PF_IRDA AF_IRDA

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SOCK_RDM 4
#define SOCK_SEQPACKET 5

#define IPPROTO_IP 0
#define IPPROTO_HOPOPTS 0
#define IPPROTO_ICMP 1
#define IPPROTO_IGMP 2
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_IPV6 41
#define IPPROTO_ICMPV6 58
#define IPPROTO_RAW 255
#define IPPROTO_MAX 256

#define IPPORT_RESERVED 1024

typedef struct in_addr {
  union {
    struct { u_char s_b1, s_b2, s_b3, s_b4; } S_un_b;
    struct { u_short s_w1, s_w2; } S_un_w;
    u_long S_addr;
  } S_un;
} IN_ADDR, *PIN_ADDR, *LPIN_ADDR;
#define s_addr S_un.S_addr
#define s_host S_un.S_un_b.s_b2
#define s_net S_un.S_un_b.s_b1
#define s_imp S_un.S_un_w.s_w2
#define s_impno S_un.S_un_b.s_b4
#define s_lh S_un.S_un_b.s_b3

#define INADDR_ANY ((u_long)0x00000000)
#define INADDR_LOOPBACK 0x7f000001
#define INADDR_BROADCAST ((u_long)0xffffffff)
#define INADDR_NONE 0xffffffff

typedef u_short ADDRESS_FAMILY;

typedef struct sockaddr {
  u_short sa_family;
  char sa_data[14];
} SOCKADDR, *PSOCKADDR, *LPSOCKADDR;

typedef struct sockaddr_in {
  short sin_family;
  u_short sin_port;
  struct in_addr sin_addr;
  char sin_zero[8];
} SOCKADDR_IN, *PSOCKADDR_IN, *LPSOCKADDR_IN;

#define _SS_MAXSIZE 128
#define _SS_ALIGNSIZE (sizeof(int64_t))
typedef struct sockaddr_storage {
  ADDRESS_FAMILY ss_family;
  char __ss_pad1[_SS_ALIGNSIZE - sizeof(u_short)];
  int64_t __ss_align;
  char __ss_pad2[_SS_MAXSIZE - (sizeof(u_short) + (_SS_ALIGNSIZE - sizeof(u_short)) + _SS_ALIGNSIZE)];
} SOCKADDR_STORAGE, *PSOCKADDR_STORAGE, *LPSOCKADDR_STORAGE;

/* ---- socket options ---- */
#define SOL_SOCKET 0xffff
#define SO_DEBUG 0x0001
#define SO_ACCEPTCONN 0x0002
#define SO_REUSEADDR 0x0004
#define SO_KEEPALIVE 0x0008
#define SO_DONTROUTE 0x0010
#define SO_BROADCAST 0x0020
#define SO_USELOOPBACK 0x0040
#define SO_LINGER 0x0080
#define SO_OOBINLINE 0x0100
#define SO_DONTLINGER ((int)(~SO_LINGER))
#define SO_EXCLUSIVEADDRUSE ((int)(~SO_REUSEADDR))
#define SO_SNDBUF 0x1001
#define SO_RCVBUF 0x1002
#define SO_SNDLOWAT 0x1003
#define SO_RCVLOWAT 0x1004
#define SO_SNDTIMEO 0x1005
#define SO_RCVTIMEO 0x1006
#define SO_ERROR 0x1007
#define SO_TYPE 0x1008
#define SO_GROUP_ID 0x2001
#define SO_GROUP_PRIORITY 0x2002
#define SO_MAX_MSG_SIZE 0x2003
#define SO_PROTOCOL_INFOA 0x2004
#define SO_PROTOCOL_INFOW 0x2005
#ifdef UNICODE
#define SO_PROTOCOL_INFO SO_PROTOCOL_INFOW
#else
#define SO_PROTOCOL_INFO SO_PROTOCOL_INFOA
#endif
#define PVD_CONFIG 0x3001
#define SO_CONDITIONAL_ACCEPT 0x3002
#define TCP_NODELAY 0x0001

typedef struct linger {
  u_short l_onoff;
  u_short l_linger;
} LINGER, *PLINGER, *LPLINGER;

#define SOMAXCONN 0x7fffffff
#define SOMAXCONN_HINT(b) (-(b))

#define MSG_OOB 0x1
#define MSG_PEEK 0x2
#define MSG_DONTROUTE 0x4
#define MSG_WAITALL 0x8
#define MSG_PUSH_IMMEDIATE 0x20
#define MSG_PARTIAL 0x8000
#define MSG_INTERRUPT 0x10
#define MSG_MAXIOVLEN 16

#define SD_RECEIVE 0x00
#define SD_SEND 0x01
#define SD_BOTH 0x02

#define MAXGETHOSTSTRUCT 1024

/* ---- startup ---- */
#define WSADESCRIPTION_LEN 256
#define WSASYS_STATUS_LEN 128
typedef struct WSAData {
  WORD wVersion;
  WORD wHighVersion;
  char szDescription[WSADESCRIPTION_LEN + 1];
  char szSystemStatus[WSASYS_STATUS_LEN + 1];
  unsigned short iMaxSockets;
  unsigned short iMaxUdpDg;
  char *lpVendorInfo;
} WSADATA, *LPWSADATA;

/* ---- database ---- */
struct hostent {
  char *h_name;
  char **h_aliases;
  short h_addrtype;
  short h_length;
  char **h_addr_list;
};
#define h_addr h_addr_list[0]
typedef struct hostent HOSTENT, *PHOSTENT, *LPHOSTENT;

struct servent {
  char *s_name;
  char **s_aliases;
  short s_port;
  char *s_proto;
};
typedef struct servent SERVENT, *PSERVENT, *LPSERVENT;

struct protoent {
  char *p_name;
  char **p_aliases;
  short p_proto;
};
typedef struct protoent PROTOENT, *PPROTOENT, *LPPROTOENT;

/* ---- error codes ---- */
#define WSABASEERR 10000
#define WSAEINTR 10004
#define WSAEBADF 10009
#define WSAEACCES 10013
#define WSAEFAULT 10014
#define WSAEINVAL 10022
#define WSAEMFILE 10024
#define WSAEWOULDBLOCK 10035
#define WSAEINPROGRESS 10036
#define WSAEALREADY 10037
#define WSAENOTSOCK 10038
#define WSAEDESTADDRREQ 10039
#define WSAEMSGSIZE 10040
#define WSAEPROTOTYPE 10041
#define WSAENOPROTOOPT 10042
#define WSAEPROTONOSUPPORT 10043
#define WSAESOCKTNOSUPPORT 10044
#define WSAEOPNOTSUPP 10045
#define WSAEPFNOSUPPORT 10046
#define WSAEAFNOSUPPORT 10047
#define WSAEADDRINUSE 10048
#define WSAEADDRNOTAVAIL 10049
#define WSAENETDOWN 10050
#define WSAENETUNREACH 10051
#define WSAENETRESET 10052
#define WSAECONNABORTED 10053
#define WSAECONNRESET 10054
#define WSAENOBUFS 10055
#define WSAEISCONN 10056
#define WSAENOTCONN 10057
#define WSAESHUTDOWN 10058
#define WSAETOOMANYREFS 10059
#define WSAETIMEDOUT 10060
#define WSAECONNREFUSED 10061
#define WSAELOOP 10062
#define WSAENAMETOOLONG 10063
#define WSAEHOSTDOWN 10064
#define WSAEHOSTUNREACH 10065
#define WSAENOTEMPTY 10066
#define WSAEPROCLIM 10067
#define WSAEUSERS 10068
#define WSAEDQUOT 10069
#define WSAESTALE 10070
#define WSAEREMOTE 10071
#define WSASYSNOTREADY 10091
#define WSAVERNOTSUPPORTED 10092
#define WSANOTINITIALISED 10093
#define WSAEDISCON 10101
#define WSAENOMORE 10102
#define WSAECANCELLED 10103
#define WSAEINVALIDPROCTABLE 10104
#define WSAEINVALIDPROVIDER 10105
#define WSAEPROVIDERFAILEDINIT 10106
#define WSASYSCALLFAILURE 10107
#define WSASERVICE_NOT_FOUND 10108
#define WSATYPE_NOT_FOUND 10109
#define WSA_E_NO_MORE 10110
#define WSA_E_CANCELLED 10111
#define WSAEREFUSED 10112
#define WSAHOST_NOT_FOUND 11001
#define WSATRY_AGAIN 11002
#define WSANO_RECOVERY 11003
#define WSANO_DATA 11004
#define WSANO_ADDRESS WSANO_DATA
#define WSA_IO_PENDING 997L
#define WSA_IO_INCOMPLETE 996L
#define WSA_INVALID_HANDLE 6L
#define WSA_INVALID_PARAMETER 87L
#define WSA_NOT_ENOUGH_MEMORY 8L
#define WSA_OPERATION_ABORTED 995L
#define h_errno WSAGetLastError()
#define HOST_NOT_FOUND WSAHOST_NOT_FOUND
#define TRY_AGAIN WSATRY_AGAIN
#define NO_RECOVERY WSANO_RECOVERY
#define NO_DATA WSANO_DATA
#define NO_ADDRESS WSANO_ADDRESS

/* ---- events and overlapped I/O ---- */
typedef HANDLE WSAEVENT, *LPWSAEVENT;
#define WSA_INVALID_EVENT ((WSAEVENT)NULL)
#define WSA_MAXIMUM_WAIT_EVENTS 64
#define WSA_WAIT_FAILED ((DWORD)0xFFFFFFFF)
#define WSA_WAIT_EVENT_0 ((DWORD)0)
#define WSA_WAIT_IO_COMPLETION ((DWORD)0xC0)
#define WSA_WAIT_TIMEOUT ((DWORD)258)
#define WSA_INFINITE INFINITE

typedef struct _WSAOVERLAPPED {
  DWORD Internal;
  DWORD InternalHigh;
  DWORD Offset;
  DWORD OffsetHigh;
  WSAEVENT hEvent;
} WSAOVERLAPPED, *LPWSAOVERLAPPED;
typedef void (CALLBACK *LPWSAOVERLAPPED_COMPLETION_ROUTINE)(DWORD dwError, DWORD cbTransferred,
                                                           LPWSAOVERLAPPED lpOverlapped, DWORD dwFlags);
/* Completion routines run, as APCs do on desktop Windows, when the program waits alertably
 * (WSAWaitForMultipleEvents with fAlertable TRUE, which then returns WSA_WAIT_IO_COMPLETION).
 * wasock's ws2_32 module calls them through this export, since a function pointer is an index into
 * the program's function table, which is not exported. Weak, like wasock_malloc above. */
__attribute__((weak, export_name("wasock_completion"))) void __wasock_completion(
    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, DWORD dwError, DWORD cbTransferred, LPWSAOVERLAPPED lpOverlapped,
    DWORD dwFlags) {
  routine(dwError, cbTransferred, lpOverlapped, dwFlags);
}

typedef struct _WSABUF {
  u_long len;
  char *buf;
} WSABUF, *LPWSABUF;

#define FD_READ_BIT 0
#define FD_READ (1 << FD_READ_BIT)
#define FD_WRITE_BIT 1
#define FD_WRITE (1 << FD_WRITE_BIT)
#define FD_OOB_BIT 2
#define FD_OOB (1 << FD_OOB_BIT)
#define FD_ACCEPT_BIT 3
#define FD_ACCEPT (1 << FD_ACCEPT_BIT)
#define FD_CONNECT_BIT 4
#define FD_CONNECT (1 << FD_CONNECT_BIT)
#define FD_CLOSE_BIT 5
#define FD_CLOSE (1 << FD_CLOSE_BIT)
#define FD_QOS_BIT 6
#define FD_QOS (1 << FD_QOS_BIT)
#define FD_GROUP_QOS_BIT 7
#define FD_GROUP_QOS (1 << FD_GROUP_QOS_BIT)
#define FD_ROUTING_INTERFACE_CHANGE_BIT 8
#define FD_ROUTING_INTERFACE_CHANGE (1 << FD_ROUTING_INTERFACE_CHANGE_BIT)
#define FD_ADDRESS_LIST_CHANGE_BIT 9
#define FD_ADDRESS_LIST_CHANGE (1 << FD_ADDRESS_LIST_CHANGE_BIT)
#define FD_MAX_EVENTS 10
#define FD_ALL_EVENTS ((1 << FD_MAX_EVENTS) - 1)

typedef struct _WSANETWORKEVENTS {
  long lNetworkEvents;
  int iErrorCode[FD_MAX_EVENTS];
} WSANETWORKEVENTS, *LPWSANETWORKEVENTS;

/* ---- WSAPoll ---- */
#define POLLRDNORM 0x0100
#define POLLRDBAND 0x0200
#define POLLIN (POLLRDNORM | POLLRDBAND)
#define POLLPRI 0x0400
#define POLLWRNORM 0x0010
#define POLLOUT (POLLWRNORM)
#define POLLWRBAND 0x0020
#define POLLERR 0x0001
#define POLLHUP 0x0002
#define POLLNVAL 0x0004
typedef struct pollfd {
  SOCKET fd;
  SHORT events;
  SHORT revents;
} WSAPOLLFD, *PWSAPOLLFD, *LPWSAPOLLFD;

/* ---- the protocol catalog ---- */
#define MAX_PROTOCOL_CHAIN 7
#define BASE_PROTOCOL 1
#define LAYERED_PROTOCOL 0
typedef struct _WSAPROTOCOLCHAIN {
  int ChainLen;
  DWORD ChainEntries[MAX_PROTOCOL_CHAIN];
} WSAPROTOCOLCHAIN, *LPWSAPROTOCOLCHAIN;

#define WSAPROTOCOL_LEN 255
typedef struct _WSAPROTOCOL_INFOA {
  DWORD dwServiceFlags1;
  DWORD dwServiceFlags2;
  DWORD dwServiceFlags3;
  DWORD dwServiceFlags4;
  DWORD dwProviderFlags;
  GUID ProviderId;
  DWORD dwCatalogEntryId;
  WSAPROTOCOLCHAIN ProtocolChain;
  int iVersion;
  int iAddressFamily;
  int iMaxSockAddr;
  int iMinSockAddr;
  int iSocketType;
  int iProtocol;
  int iProtocolMaxOffset;
  int iNetworkByteOrder;
  int iSecurityScheme;
  DWORD dwMessageSize;
  DWORD dwProviderReserved;
  CHAR szProtocol[WSAPROTOCOL_LEN + 1];
} WSAPROTOCOL_INFOA, *LPWSAPROTOCOL_INFOA;
typedef struct _WSAPROTOCOL_INFOW {
  DWORD dwServiceFlags1;
  DWORD dwServiceFlags2;
  DWORD dwServiceFlags3;
  DWORD dwServiceFlags4;
  DWORD dwProviderFlags;
  GUID ProviderId;
  DWORD dwCatalogEntryId;
  WSAPROTOCOLCHAIN ProtocolChain;
  int iVersion;
  int iAddressFamily;
  int iMaxSockAddr;
  int iMinSockAddr;
  int iSocketType;
  int iProtocol;
  int iProtocolMaxOffset;
  int iNetworkByteOrder;
  int iSecurityScheme;
  DWORD dwMessageSize;
  DWORD dwProviderReserved;
  WCHAR szProtocol[WSAPROTOCOL_LEN + 1];
} WSAPROTOCOL_INFOW, *LPWSAPROTOCOL_INFOW;
#ifdef UNICODE
typedef WSAPROTOCOL_INFOW WSAPROTOCOL_INFO;
typedef LPWSAPROTOCOL_INFOW LPWSAPROTOCOL_INFO;
#else
typedef WSAPROTOCOL_INFOA WSAPROTOCOL_INFO;
typedef LPWSAPROTOCOL_INFOA LPWSAPROTOCOL_INFO;
#endif

#define PFL_MULTIPLE_PROTO_ENTRIES 0x00000001
#define PFL_RECOMMENDED_PROTO_ENTRY 0x00000002
#define PFL_HIDDEN 0x00000004
#define PFL_MATCHES_PROTOCOL_ZERO 0x00000008
#define PFL_NETWORKDIRECT_PROVIDER 0x00000010
#define XP1_CONNECTIONLESS 0x00000001
#define XP1_GUARANTEED_DELIVERY 0x00000002
#define XP1_GUARANTEED_ORDER 0x00000004
#define XP1_MESSAGE_ORIENTED 0x00000008
#define XP1_PSEUDO_STREAM 0x00000010
#define XP1_GRACEFUL_CLOSE 0x00000020
#define XP1_EXPEDITED_DATA 0x00000040
#define XP1_CONNECT_DATA 0x00000080
#define XP1_DISCONNECT_DATA 0x00000100
#define XP1_SUPPORT_BROADCAST 0x00000200
#define XP1_SUPPORT_MULTIPOINT 0x00000400
#define XP1_MULTIPOINT_CONTROL_PLANE 0x00000800
#define XP1_MULTIPOINT_DATA_PLANE 0x00001000
#define XP1_QOS_SUPPORTED 0x00002000
#define XP1_INTERRUPT 0x00004000
#define XP1_UNI_SEND 0x00008000
#define XP1_UNI_RECV 0x00010000
#define XP1_IFS_HANDLES 0x00020000
#define XP1_PARTIAL_MESSAGE 0x00040000
#define XP1_SAN_SUPPORT_SDP 0x00080000
#define BIGENDIAN 0x0000
#define LITTLEENDIAN 0x0001
#define SECURITY_PROTOCOL_NONE 0x0000
#define FROM_PROTOCOL_INFO (-1)
#define WSA_FLAG_OVERLAPPED 0x01
#define WSA_FLAG_MULTIPOINT_C_ROOT 0x02
#define WSA_FLAG_MULTIPOINT_C_LEAF 0x04
#define WSA_FLAG_MULTIPOINT_D_ROOT 0x08
#define WSA_FLAG_MULTIPOINT_D_LEAF 0x10
typedef unsigned int GROUP;

/* Quality of service (qos.h on Windows), in its layout; wasock's providers offer none. */
typedef ULONG SERVICETYPE;
typedef struct _flowspec {
  ULONG TokenRate;
  ULONG TokenBucketSize;
  ULONG PeakBandwidth;
  ULONG Latency;
  ULONG DelayVariation;
  SERVICETYPE ServiceType;
  ULONG MaxSduSize;
  ULONG MinimumPolicedSize;
} FLOWSPEC, *PFLOWSPEC, *LPFLOWSPEC;
typedef struct _QualityOfService {
  FLOWSPEC SendingFlowspec;
  FLOWSPEC ReceivingFlowspec;
  WSABUF ProviderSpecific;
} QOS, *LPQOS;

typedef int (CALLBACK *LPCONDITIONPROC)(LPWSABUF, LPWSABUF, LPQOS, LPQOS, LPWSABUF, LPWSABUF, GROUP *, DWORD_PTR);
#define CF_ACCEPT 0x0000
#define CF_REJECT 0x0001
#define CF_DEFER 0x0002
/* WSAAccept calls the condition function through this export, as it calls completion routines
 * through wasock_completion. TCP carries no connect data and wasock has no QOS or socket groups:
 * lpCallerData, lpSQOS and lpGQOS are NULL, and lpCalleeData has len 0. */
__attribute__((weak, export_name("wasock_condition"))) int __wasock_condition(
    LPCONDITIONPROC fn, LPWSABUF lpCallerId, LPWSABUF lpCalleeId, LPWSABUF lpCalleeData, GROUP *g,
    DWORD_PTR dwCallbackData) {
  return fn(lpCallerId, NULL, NULL, NULL, lpCalleeId, lpCalleeData, g, dwCallbackData);
}
typedef BOOL (CALLBACK *FARPROC_BLOCKINGHOOK)(void);

/* ---- functions (all from the ws2_32 import module) ---- */
int WSAAPI WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData) WASOCK_IMPORT(WSAStartup);
int WSAAPI WSACleanup(void) WASOCK_IMPORT(WSACleanup);
int WSAAPI WSAGetLastError(void) WASOCK_IMPORT(WSAGetLastError);
void WSAAPI WSASetLastError(int iError) WASOCK_IMPORT(WSASetLastError);
BOOL WSAAPI WSAIsBlocking(void) WASOCK_IMPORT(WSAIsBlocking);
int WSAAPI WSAUnhookBlockingHook(void) WASOCK_IMPORT(WSAUnhookBlockingHook);
FARPROC_BLOCKINGHOOK WSAAPI WSASetBlockingHook(FARPROC_BLOCKINGHOOK lpBlockFunc) WASOCK_IMPORT(WSASetBlockingHook);
int WSAAPI WSACancelBlockingCall(void) WASOCK_IMPORT(WSACancelBlockingCall);

SOCKET WSAAPI socket(int af, int type, int protocol) WASOCK_IMPORT(socket);
SOCKET WSAAPI WSASocketA(int af, int type, int protocol, LPWSAPROTOCOL_INFOA lpProtocolInfo, GROUP g, DWORD dwFlags) WASOCK_IMPORT(WSASocketA);
SOCKET WSAAPI WSASocketW(int af, int type, int protocol, LPWSAPROTOCOL_INFOW lpProtocolInfo, GROUP g, DWORD dwFlags) WASOCK_IMPORT(WSASocketW);
int WSAAPI closesocket(SOCKET s) WASOCK_IMPORT(closesocket);
int WSAAPI bind(SOCKET s, const struct sockaddr *name, int namelen) WASOCK_IMPORT(bind);
int WSAAPI listen(SOCKET s, int backlog) WASOCK_IMPORT(listen);
SOCKET WSAAPI accept(SOCKET s, struct sockaddr *addr, int *addrlen) WASOCK_IMPORT(accept);
SOCKET WSAAPI WSAAccept(SOCKET s, struct sockaddr *addr, LPINT addrlen, LPCONDITIONPROC lpfnCondition, DWORD_PTR dwCallbackData) WASOCK_IMPORT(WSAAccept);
int WSAAPI connect(SOCKET s, const struct sockaddr *name, int namelen) WASOCK_IMPORT(connect);
int WSAAPI WSAConnect(SOCKET s, const struct sockaddr *name, int namelen, LPWSABUF lpCallerData, LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS) WASOCK_IMPORT(WSAConnect);
int WSAAPI send(SOCKET s, const char *buf, int len, int flags) WASOCK_IMPORT(send);
int WSAAPI recv(SOCKET s, char *buf, int len, int flags) WASOCK_IMPORT(recv);
int WSAAPI sendto(SOCKET s, const char *buf, int len, int flags, const struct sockaddr *to, int tolen) WASOCK_IMPORT(sendto);
int WSAAPI recvfrom(SOCKET s, char *buf, int len, int flags, struct sockaddr *from, int *fromlen) WASOCK_IMPORT(recvfrom);
int WSAAPI shutdown(SOCKET s, int how) WASOCK_IMPORT(shutdown);
int WSAAPI getsockname(SOCKET s, struct sockaddr *name, int *namelen) WASOCK_IMPORT(getsockname);
int WSAAPI getpeername(SOCKET s, struct sockaddr *name, int *namelen) WASOCK_IMPORT(getpeername);
int WSAAPI getsockopt(SOCKET s, int level, int optname, char *optval, int *optlen) WASOCK_IMPORT(getsockopt);
int WSAAPI setsockopt(SOCKET s, int level, int optname, const char *optval, int optlen) WASOCK_IMPORT(setsockopt);
int WSAAPI ioctlsocket(SOCKET s, long cmd, u_long *argp) WASOCK_IMPORT(ioctlsocket);
int WSAAPI WSAIoctl(SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer, LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned, LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) WASOCK_IMPORT(WSAIoctl);
int WSAAPI select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const struct timeval *timeout) WASOCK_IMPORT(select);
int WSAAPI WSAPoll(LPWSAPOLLFD fdArray, ULONG fds, INT timeout) WASOCK_IMPORT(WSAPoll);

int WSAAPI WSASend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent, DWORD dwFlags, LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) WASOCK_IMPORT(WSASend);
int WSAAPI WSARecv(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags, LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) WASOCK_IMPORT(WSARecv);
int WSAAPI WSASendTo(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent, DWORD dwFlags, const struct sockaddr *lpTo, int iTolen, LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) WASOCK_IMPORT(WSASendTo);
int WSAAPI WSARecvFrom(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags, struct sockaddr *lpFrom, LPINT lpFromlen, LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) WASOCK_IMPORT(WSARecvFrom);
BOOL WSAAPI WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED lpOverlapped, LPDWORD lpcbTransfer, BOOL fWait, LPDWORD lpdwFlags) WASOCK_IMPORT(WSAGetOverlappedResult);

WSAEVENT WSAAPI WSACreateEvent(void) WASOCK_IMPORT(WSACreateEvent);
BOOL WSAAPI WSACloseEvent(WSAEVENT hEvent) WASOCK_IMPORT(WSACloseEvent);
BOOL WSAAPI WSASetEvent(WSAEVENT hEvent) WASOCK_IMPORT(WSASetEvent);
BOOL WSAAPI WSAResetEvent(WSAEVENT hEvent) WASOCK_IMPORT(WSAResetEvent);
DWORD WSAAPI WSAWaitForMultipleEvents(DWORD cEvents, const WSAEVENT *lphEvents, BOOL fWaitAll, DWORD dwTimeout, BOOL fAlertable) WASOCK_IMPORT(WSAWaitForMultipleEvents);
int WSAAPI WSAEventSelect(SOCKET s, WSAEVENT hEventObject, long lNetworkEvents) WASOCK_IMPORT(WSAEventSelect);
int WSAAPI WSAEnumNetworkEvents(SOCKET s, WSAEVENT hEventObject, LPWSANETWORKEVENTS lpNetworkEvents) WASOCK_IMPORT(WSAEnumNetworkEvents);

int WSAAPI WSAEnumProtocolsA(LPINT lpiProtocols, LPWSAPROTOCOL_INFOA lpProtocolBuffer, LPDWORD lpdwBufferLength) WASOCK_IMPORT(WSAEnumProtocolsA);
int WSAAPI WSAEnumProtocolsW(LPINT lpiProtocols, LPWSAPROTOCOL_INFOW lpProtocolBuffer, LPDWORD lpdwBufferLength) WASOCK_IMPORT(WSAEnumProtocolsW);
int WSAAPI WSAStringToAddressA(LPSTR AddressString, INT AddressFamily, LPWSAPROTOCOL_INFOA lpProtocolInfo, LPSOCKADDR lpAddress, LPINT lpAddressLength) WASOCK_IMPORT(WSAStringToAddressA);
int WSAAPI WSAStringToAddressW(LPWSTR AddressString, INT AddressFamily, LPWSAPROTOCOL_INFOW lpProtocolInfo, LPSOCKADDR lpAddress, LPINT lpAddressLength) WASOCK_IMPORT(WSAStringToAddressW);
int WSAAPI WSAAddressToStringA(LPSOCKADDR lpsaAddress, DWORD dwAddressLength, LPWSAPROTOCOL_INFOA lpProtocolInfo, LPSTR lpszAddressString, LPDWORD lpdwAddressStringLength) WASOCK_IMPORT(WSAAddressToStringA);
int WSAAPI WSAAddressToStringW(LPSOCKADDR lpsaAddress, DWORD dwAddressLength, LPWSAPROTOCOL_INFOW lpProtocolInfo, LPWSTR lpszAddressString, LPDWORD lpdwAddressStringLength) WASOCK_IMPORT(WSAAddressToStringW);
#ifdef UNICODE
#define WSASocket WSASocketW
#define WSAEnumProtocols WSAEnumProtocolsW
#define WSAStringToAddress WSAStringToAddressW
#define WSAAddressToString WSAAddressToStringW
#else
#define WSASocket WSASocketA
#define WSAEnumProtocols WSAEnumProtocolsA
#define WSAStringToAddress WSAStringToAddressA
#define WSAAddressToString WSAAddressToStringA
#endif

unsigned long WSAAPI inet_addr(const char *cp) WASOCK_IMPORT(inet_addr);
char *WSAAPI inet_ntoa(struct in_addr in) WASOCK_IMPORT(inet_ntoa);
u_short WSAAPI htons(u_short hostshort) WASOCK_IMPORT(htons);
u_long WSAAPI htonl(u_long hostlong) WASOCK_IMPORT(htonl);
u_short WSAAPI ntohs(u_short netshort) WASOCK_IMPORT(ntohs);
u_long WSAAPI ntohl(u_long netlong) WASOCK_IMPORT(ntohl);
int WSAAPI WSAHtons(SOCKET s, u_short hostshort, u_short *lpnetshort) WASOCK_IMPORT(WSAHtons);
int WSAAPI WSAHtonl(SOCKET s, u_long hostlong, u_long *lpnetlong) WASOCK_IMPORT(WSAHtonl);
int WSAAPI WSANtohs(SOCKET s, u_short netshort, u_short *lphostshort) WASOCK_IMPORT(WSANtohs);
int WSAAPI WSANtohl(SOCKET s, u_long netlong, u_long *lphostlong) WASOCK_IMPORT(WSANtohl);
struct hostent *WSAAPI gethostbyname(const char *name) WASOCK_IMPORT(gethostbyname);
struct hostent *WSAAPI gethostbyaddr(const char *addr, int len, int type) WASOCK_IMPORT(gethostbyaddr);
/* (namelen is Windows' int, declared as size_t: wasi-libc's <unistd.h> declares gethostname so, and a
 * program may include both; the import receives the same 32 bits.) */
int WSAAPI gethostname(char *name, size_t namelen) WASOCK_IMPORT(gethostname);
struct servent *WSAAPI getservbyname(const char *name, const char *proto) WASOCK_IMPORT(getservbyname);
struct servent *WSAAPI getservbyport(int port, const char *proto) WASOCK_IMPORT(getservbyport);
struct protoent *WSAAPI getprotobyname(const char *name) WASOCK_IMPORT(getprotobyname);
struct protoent *WSAAPI getprotobynumber(int number) WASOCK_IMPORT(getprotobynumber);

#ifdef __cplusplus
}
#endif

#endif /* _WINSOCK2API_ */
