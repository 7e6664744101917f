// Winsock numbers (winsock2.h, ws2tcpip.h, ws2def.h) the API layer and providers share.

export const AF_UNSPEC: i32 = 0;
export const AF_INET: i32 = 2;
export const AF_IRDA: i32 = 26;
export const AF_INET6: i32 = 23;

export const SOCK_STREAM: i32 = 1;
export const SOCK_DGRAM: i32 = 2;
export const SOCK_RAW: i32 = 3;
export const SOCK_RDM: i32 = 4;
export const SOCK_SEQPACKET: i32 = 5;

export const IPPROTO_IP: i32 = 0;
export const IPPROTO_TCP: i32 = 6;
export const IPPROTO_UDP: i32 = 17;
export const IPPROTO_IPV6: i32 = 41;

export const SOCKADDR_IN_LEN: i32 = 16;
export const SOCKADDR_IN6_LEN: i32 = 28;

export const MSG_OOB: i32 = 0x1;
export const MSG_PEEK: i32 = 0x2;
export const MSG_DONTROUTE: i32 = 0x4;

export const SD_RECEIVE: i32 = 0;
export const SD_SEND: i32 = 1;
export const SD_BOTH: i32 = 2;

export const SOL_SOCKET: i32 = 0xffff;
export const SO_DEBUG: i32 = 0x0001;
export const SO_ACCEPTCONN: i32 = 0x0002;
export const SO_REUSEADDR: i32 = 0x0004;
export const SO_KEEPALIVE: i32 = 0x0008;
export const SO_DONTROUTE: i32 = 0x0010;
export const SO_BROADCAST: i32 = 0x0020;
export const SO_LINGER: i32 = 0x0080;
export const SO_OOBINLINE: i32 = 0x0100;
export const SO_CONDITIONAL_ACCEPT: i32 = 0x3002;
export const SO_DONTLINGER: i32 = ~SO_LINGER;
export const SO_EXCLUSIVEADDRUSE: i32 = ~SO_REUSEADDR;
export const SO_SNDBUF: i32 = 0x1001;
export const SO_RCVBUF: i32 = 0x1002;
export const SO_SNDTIMEO: i32 = 0x1005;
export const SO_RCVTIMEO: i32 = 0x1006;
export const SO_ERROR: i32 = 0x1007;
export const SO_TYPE: i32 = 0x1008;
export const SO_PROTOCOL_INFOA: i32 = 0x2004;
export const SO_PROTOCOL_INFOW: i32 = 0x2005;
export const TCP_NODELAY: i32 = 0x0001;
export const IP_TTL: i32 = 4;
export const IPV6_V6ONLY: i32 = 27;

export const FIONBIO: i32 = <i32>0x8004667e;
export const FIONREAD: i32 = 0x4004667f;
export const SIOCATMARK: i32 = 0x40047307;
/** mstcpip.h: _WSAIOW(IOC_VENDOR, 4); input struct tcp_keepalive { u_long onoff, keepalivetime, keepaliveinterval } (ms). */
export const SIO_KEEPALIVE_VALS: i32 = <i32>0x98000004;
export const TCP_KEEPALIVE_LEN: i32 = 12;
// Windows' keep-alive defaults: the first probe after 2 hours idle, then one a second.
export const KEEPALIVE_TIME_DEFAULT: u32 = 7200000;
export const KEEPALIVE_INTERVAL_DEFAULT: u32 = 1000;
// Provider-level options (Provider.setOption, level IPPROTO_TCP), never setsockopt names: the
// SIO_KEEPALIVE_VALS times in milliseconds (clamped to i32), given before SO_KEEPALIVE turns it on.
export const PROV_KEEPALIVE_TIME: i32 = 0x7001;
export const PROV_KEEPALIVE_INTERVAL: i32 = 0x7002;

export const FD_SETSIZE: i32 = 64;
export const POLLRDNORM: i32 = 0x0100;
export const POLLRDBAND: i32 = 0x0200;
export const POLLIN: i32 = POLLRDNORM | POLLRDBAND;
export const POLLPRI: i32 = 0x0400;
export const POLLWRNORM: i32 = 0x0010;
export const POLLOUT: i32 = POLLWRNORM;
export const POLLWRBAND: i32 = 0x0020;
export const POLLERR: i32 = 0x0001;
export const POLLHUP: i32 = 0x0002;
export const POLLNVAL: i32 = 0x0004;

export const WSA_FLAG_OVERLAPPED: i32 = 0x01;
export const FROM_PROTOCOL_INFO: i32 = -1;
export const INVALID_SOCKET: i32 = -1;
export const SOCKET_ERROR: i32 = -1;

/** Default SO_SNDBUF / SO_RCVBUF of the Windows CE stack (reference/tcp-behaviour.md). */
export const DEFAULT_BUF: i32 = 8192;

// WSAEventSelect network events (winsock2.h): bit n of lNetworkEvents, iErrorCode[n] its error.
export const FD_READ: i32 = 1 << 0;
export const FD_WRITE: i32 = 1 << 1;
export const FD_OOB: i32 = 1 << 2;
export const FD_ACCEPT: i32 = 1 << 3;
export const FD_CONNECT: i32 = 1 << 4;
export const FD_CLOSE: i32 = 1 << 5;
export const FD_CONNECT_BIT: i32 = 4;
export const FD_CLOSE_BIT: i32 = 5;
export const FD_MAX_EVENTS: i32 = 10;
export const FD_ALL_EVENTS: i32 = (1 << FD_MAX_EVENTS) - 1;
/** 32-bit WSANETWORKEVENTS: long lNetworkEvents; int iErrorCode[FD_MAX_EVENTS]. */
export const WSANETWORKEVENTS_LEN: i32 = 4 + 4 * FD_MAX_EVENTS;

// Event objects and WSAWaitForMultipleEvents (winsock2.h / winerror.h).
export const WSA_INVALID_EVENT: i32 = 0;
export const WSA_MAXIMUM_WAIT_EVENTS: u32 = 64;
export const WSA_WAIT_EVENT_0: u32 = 0;
export const WSA_WAIT_TIMEOUT: u32 = 258;
export const WSA_WAIT_FAILED: u32 = 0xffffffff;
export const WSA_INVALID_HANDLE: i32 = 6;
export const WSA_NOT_ENOUGH_MEMORY: i32 = 8;
export const WSA_INVALID_PARAMETER: i32 = 87;

// WSASend / WSARecv and overlapped I/O (api/overlapped.ts)
export const MSG_PARTIAL: i32 = 0x8000;
export const WSABUF_LEN: i32 = 8;         // 32-bit WSABUF: u_long len; char* buf
export const WSAOVERLAPPED_LEN: i32 = 20; // 32-bit: Internal, InternalHigh, Offset, OffsetHigh, hEvent
export const WSA_IO_PENDING: i32 = 997;
export const WSATRY_AGAIN: i32 = 11002;
// WSAAccept condition function verdicts
export const CF_ACCEPT: i32 = 0;
export const CF_REJECT: i32 = 1;
export const CF_DEFER: i32 = 2;
export const WSA_IO_INCOMPLETE: i32 = 996;
export const WSA_OPERATION_ABORTED: i32 = 995;
// NTSTATUS values kept in WSAOVERLAPPED.Internal, as Windows keeps them.
export const STATUS_SUCCESS: u32 = 0;
export const STATUS_PENDING: u32 = 0x103;
export const STATUS_BUFFER_OVERFLOW: u32 = 0x80000005;
export const STATUS_CANCELLED: u32 = 0xc0000120;
export const STATUS_CONNECTION_RESET: u32 = 0xc000020d;
export const STATUS_CONNECTION_ABORTED: u32 = 0xc0000241;
