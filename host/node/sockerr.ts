// The core's SockErr values (assembly/api/errors.ts, same order), and the one table from Node's
// errno names to them. test/winsock/errors.test.ts checks this mirror against the compiled core.

export const SOCK_ERR_NAMES = [
  "Ok", "WouldBlock", "InProgress", "Already", "NotSock", "Fault", "Inval", "AfNoSupport", "PfNoSupport",
  "SockTNoSupport", "ProtoNoSupport", "ProtoType", "NoProtoOpt", "OpNotSupp", "AddrInUse", "AddrNotAvail",
  "NetDown", "NetUnreach", "HostUnreach", "ConnRefused", "ConnReset", "ConnAborted", "NetReset", "TimedOut",
  "NotConn", "IsConn", "Shutdown", "MsgSize", "NoBufs", "MFile", "Access", "DestAddrReq", "Intr",
  "NotInitialised", "VerNotSupported", "SysNotReady", "Disconnected", "InvalidParameter",
] as const;

export type SockErrName = (typeof SOCK_ERR_NAMES)[number];
export const SockErr = Object.freeze(
  Object.fromEntries(SOCK_ERR_NAMES.map((n, i) => [n, i])) as Record<SockErrName, number>,
);

/** Node / libuv errno names to SockErr. Anything unlisted is a network failure (WSAENETDOWN). */
const FROM_NODE: Record<string, number> = {
  ECONNREFUSED: SockErr.ConnRefused,
  ECONNRESET: SockErr.ConnReset,
  EPIPE: SockErr.ConnReset,
  ECONNABORTED: SockErr.ConnAborted,
  ETIMEDOUT: SockErr.TimedOut,
  EADDRINUSE: SockErr.AddrInUse,
  EADDRNOTAVAIL: SockErr.AddrNotAvail,
  ENETUNREACH: SockErr.NetUnreach,
  EHOSTUNREACH: SockErr.HostUnreach,
  ENETDOWN: SockErr.NetDown,
  EACCES: SockErr.Access,
  EPERM: SockErr.Access,
  EAFNOSUPPORT: SockErr.AfNoSupport,
  EINVAL: SockErr.Inval,
  EMSGSIZE: SockErr.MsgSize,
  ENOBUFS: SockErr.NoBufs,
  ENOMEM: SockErr.NoBufs,
  EMFILE: SockErr.MFile,
  ENFILE: SockErr.MFile,
  ENOTCONN: SockErr.NotConn,
  EISCONN: SockErr.IsConn,
  EALREADY: SockErr.Already,
  ENOTSOCK: SockErr.NotSock,
  EBADF: SockErr.NotSock,
};

export function sockErrFromNode(code: string | undefined): number {
  return (code && FROM_NODE[code]) || SockErr.NetDown;
}
