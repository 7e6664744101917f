// The one SockErr -> WSAE* mapping (assembly/api/errors.ts) is total, and the host's mirror of the
// enum (host/node/sockerr.ts) matches the compiled core.
import { describe, expect, it } from "vitest";
import { Winsock } from "../../host/node/winsock.ts";
import { SOCK_ERR_NAMES, SockErr, sockErrFromNode } from "../../host/node/sockerr.ts";
import { WSA, WSA_NAME } from "../../host/node/errors.ts";

// Expected Windows code per SockErr name (winerror.h values).
const EXPECTED: Record<string, keyof typeof WSA | 0> = {
  Ok: 0, WouldBlock: "WSAEWOULDBLOCK", InProgress: "WSAEINPROGRESS", Already: "WSAEALREADY",
  NotSock: "WSAENOTSOCK", Fault: "WSAEFAULT", Inval: "WSAEINVAL", AfNoSupport: "WSAEAFNOSUPPORT",
  PfNoSupport: "WSAEPFNOSUPPORT", SockTNoSupport: "WSAESOCKTNOSUPPORT", ProtoNoSupport: "WSAEPROTONOSUPPORT",
  ProtoType: "WSAEPROTOTYPE", NoProtoOpt: "WSAENOPROTOOPT", OpNotSupp: "WSAEOPNOTSUPP", AddrInUse: "WSAEADDRINUSE",
  AddrNotAvail: "WSAEADDRNOTAVAIL", NetDown: "WSAENETDOWN", NetUnreach: "WSAENETUNREACH",
  HostUnreach: "WSAEHOSTUNREACH", ConnRefused: "WSAECONNREFUSED", ConnReset: "WSAECONNRESET",
  ConnAborted: "WSAECONNABORTED", NetReset: "WSAENETRESET", TimedOut: "WSAETIMEDOUT", NotConn: "WSAENOTCONN",
  IsConn: "WSAEISCONN", Shutdown: "WSAESHUTDOWN", MsgSize: "WSAEMSGSIZE", NoBufs: "WSAENOBUFS", MFile: "WSAEMFILE",
  Access: "WSAEACCES", DestAddrReq: "WSAEDESTADDRREQ", Intr: "WSAEINTR", NotInitialised: "WSANOTINITIALISED",
  VerNotSupported: "WSAVERNOTSUPPORTED", SysNotReady: "WSASYSNOTREADY", Disconnected: "WSAEDISCON",
  InvalidParameter: "WSA_INVALID_PARAMETER",
};

describe("toWsa", async () => {
  const ws = await Winsock.create();
  const core = ws.core;

  it("the host's SockErr mirror has exactly the core's variants", () => {
    expect(SOCK_ERR_NAMES.length).toBe(core.wasock_sockerr_count());
  });

  it.each(SOCK_ERR_NAMES.map((n, i) => [n, i] as const))("%s maps to its Windows code", (name, i) => {
    const code = core.wasock_sockerr_to_wsa(i);
    expect(code).not.toBe(-1); // the default branch means a variant is missing from the switch
    const want = EXPECTED[name];
    expect(want, `no expectation for ${name}`).not.toBeUndefined();
    expect(code).toBe(want === 0 ? 0 : WSA[want]);
    if (code !== 0) expect(WSA_NAME[code]).toBeTruthy();
  });

  it("values outside the enum reach the default branch, and only those", () => {
    expect(core.wasock_sockerr_to_wsa(core.wasock_sockerr_count())).toBe(-1);
    expect(core.wasock_sockerr_to_wsa(-1)).toBe(-1);
  });

  it("Node's connect and bind errors map to the codes Windows uses", () => {
    const m = (c: string) => WSA_NAME[core.wasock_sockerr_to_wsa(sockErrFromNode(c))];
    expect(m("ECONNREFUSED")).toBe("WSAECONNREFUSED");
    expect(m("ECONNRESET")).toBe("WSAECONNRESET");
    expect(m("ETIMEDOUT")).toBe("WSAETIMEDOUT");
    expect(m("EADDRINUSE")).toBe("WSAEADDRINUSE");
    expect(m("EADDRNOTAVAIL")).toBe("WSAEADDRNOTAVAIL");
    expect(m("ENETUNREACH")).toBe("WSAENETUNREACH");
    expect(m("EHOSTUNREACH")).toBe("WSAEHOSTUNREACH");
    expect(m("SOMETHING_NEW")).toBe("WSAENETDOWN");
    expect(SockErr.Ok).toBe(0);
  });
});
