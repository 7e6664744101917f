// The one mapping from wasock's internal errors to Winsock's WSAE* codes.
// Providers and engines return a SockErr (their own per-layer enums map into SockErr at their
// boundary); only the API layer turns it into a number for WSAGetLastError, through toWsa().
// test/winsock/errors.test.ts walks every SockErr and fails if one reaches the default branch.

export enum SockErr {
  Ok = 0,
  WouldBlock,
  InProgress,
  Already,
  NotSock,
  Fault,
  Inval,
  AfNoSupport,
  PfNoSupport,
  SockTNoSupport,
  ProtoNoSupport,
  ProtoType,
  NoProtoOpt,
  OpNotSupp,
  AddrInUse,
  AddrNotAvail,
  NetDown,
  NetUnreach,
  HostUnreach,
  ConnRefused,
  ConnReset,
  ConnAborted,
  NetReset,
  TimedOut,
  NotConn,
  IsConn,
  Shutdown,
  MsgSize,
  NoBufs,
  MFile,
  Access,
  DestAddrReq,
  Intr,
  NotInitialised,
  VerNotSupported,
  SysNotReady,
  Disconnected,
  InvalidParameter,
  /** Not an error: one past the last variant, so tests can walk them all. */
  Count,
}

/** Windows' code for an internal error. Returns -1 (never a Winsock code) for a value out of range. */
export function toWsa(e: SockErr): i32 {
  switch (e) {
    case SockErr.Ok: return 0;
    case SockErr.WouldBlock: return 10035; // WSAEWOULDBLOCK
    case SockErr.InProgress: return 10036; // WSAEINPROGRESS
    case SockErr.Already: return 10037; // WSAEALREADY
    case SockErr.NotSock: return 10038; // WSAENOTSOCK
    case SockErr.Fault: return 10014; // WSAEFAULT
    case SockErr.Inval: return 10022; // WSAEINVAL
    case SockErr.AfNoSupport: return 10047; // WSAEAFNOSUPPORT
    case SockErr.PfNoSupport: return 10046; // WSAEPFNOSUPPORT
    case SockErr.SockTNoSupport: return 10044; // WSAESOCKTNOSUPPORT
    case SockErr.ProtoNoSupport: return 10043; // WSAEPROTONOSUPPORT
    case SockErr.ProtoType: return 10041; // WSAEPROTOTYPE
    case SockErr.NoProtoOpt: return 10042; // WSAENOPROTOOPT
    case SockErr.OpNotSupp: return 10045; // WSAEOPNOTSUPP
    case SockErr.AddrInUse: return 10048; // WSAEADDRINUSE
    case SockErr.AddrNotAvail: return 10049; // WSAEADDRNOTAVAIL
    case SockErr.NetDown: return 10050; // WSAENETDOWN
    case SockErr.NetUnreach: return 10051; // WSAENETUNREACH
    case SockErr.HostUnreach: return 10065; // WSAEHOSTUNREACH
    case SockErr.ConnRefused: return 10061; // WSAECONNREFUSED
    case SockErr.ConnReset: return 10054; // WSAECONNRESET
    case SockErr.ConnAborted: return 10053; // WSAECONNABORTED
    case SockErr.NetReset: return 10052; // WSAENETRESET
    case SockErr.TimedOut: return 10060; // WSAETIMEDOUT
    case SockErr.NotConn: return 10057; // WSAENOTCONN
    case SockErr.IsConn: return 10056; // WSAEISCONN
    case SockErr.Shutdown: return 10058; // WSAESHUTDOWN
    case SockErr.MsgSize: return 10040; // WSAEMSGSIZE
    case SockErr.NoBufs: return 10055; // WSAENOBUFS
    case SockErr.MFile: return 10024; // WSAEMFILE
    case SockErr.Access: return 10013; // WSAEACCES
    case SockErr.DestAddrReq: return 10039; // WSAEDESTADDRREQ
    case SockErr.Intr: return 10004; // WSAEINTR
    case SockErr.NotInitialised: return 10093; // WSANOTINITIALISED
    case SockErr.VerNotSupported: return 10092; // WSAVERNOTSUPPORTED
    case SockErr.SysNotReady: return 10091; // WSASYSNOTREADY
    case SockErr.Disconnected: return 10101; // WSAEDISCON
    case SockErr.InvalidParameter: return 87; // WSA_INVALID_PARAMETER
    default: return -1;
  }
}
