// Imports of the core from a JavaScript host (host/node/host-provider.ts implements them).
// Every call passes handles, lengths and pointers into core memory; the host reads or writes core
// memory at those pointers, or at the caller's own buffer when a pointer is HOST_BUFFER.
// Results: >= 0 success (a count where one is meaningful), < 0 is -SockErr (assembly/api/errors.ts).
// send on a stream may add SENT_NOW (0x40000000) to its count when the bytes already left.
// None of them re-enters the core: events the host learns during a call are delivered afterwards.

// @ts-ignore: decorator
@external("wasock_host", "open") export declare function hostOpen(h: i32, af: i32, type: i32, protocol: i32): i32;
// @ts-ignore: decorator
@external("wasock_host", "bind") export declare function hostBind(h: i32, addr: usize, len: i32, reuse: i32): i32;
// @ts-ignore: decorator
@external("wasock_host", "listen") export declare function hostListen(h: i32, backlog: i32): i32;
// @ts-ignore: decorator
@external("wasock_host", "connect") export declare function hostConnect(h: i32, addr: usize, len: i32): i32;
// @ts-ignore: decorator
@external("wasock_host", "accept") export declare function hostAccept(listener: i32, h: i32): i32;
// @ts-ignore: decorator
@external("wasock_host", "send") export declare function hostSend(h: i32, buf: usize, len: i32, flags: i32, to: usize, tolen: i32): i32;
// @ts-ignore: decorator
@external("wasock_host", "recv") export declare function hostRecv(h: i32, buf: usize, len: i32, flags: i32, from: usize, fromCap: i32): i32;
// @ts-ignore: decorator
@external("wasock_host", "shutdown") export declare function hostShutdown(h: i32, how: i32): i32;
// @ts-ignore: decorator
@external("wasock_host", "close") export declare function hostClose(h: i32, abortive: i32, lingerSecs: i32): void;
// @ts-ignore: decorator
@external("wasock_host", "setopt") export declare function hostSetOpt(h: i32, level: i32, name: i32, value: i32): i32;
// @ts-ignore: decorator
@external("wasock_host", "name") export declare function hostName(h: i32, peer: i32, out: usize, cap: i32): i32;
