// Random sequences of API calls (fast-check): the core never traps, every failure carries a Winsock
// code, and each socket's state stays consistent with the calls that succeeded.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Winsock } from "./helpers.ts";
import { WSA, WSA_NAME } from "../../host/node/errors.ts";
import * as K from "../../host/node/constants.ts";

const FAMILIES = [K.AF_INET, K.AF_INET6, 0, 26, 99];
const TYPES = [K.SOCK_STREAM, K.SOCK_DGRAM, 0, K.SOCK_RAW, 77];
const PROTOS = [0, K.IPPROTO_TCP, K.IPPROTO_UDP, 255];
const OPTS: Array<[number, number]> = [
  [K.SOL_SOCKET, K.SO_REUSEADDR], [K.SOL_SOCKET, K.SO_EXCLUSIVEADDRUSE], [K.SOL_SOCKET, K.SO_KEEPALIVE],
  [K.SOL_SOCKET, K.SO_LINGER], [K.SOL_SOCKET, K.SO_DONTLINGER], [K.SOL_SOCKET, K.SO_SNDBUF], [K.SOL_SOCKET, K.SO_RCVBUF],
  [K.SOL_SOCKET, K.SO_BROADCAST], [K.SOL_SOCKET, K.SO_TYPE], [K.SOL_SOCKET, K.SO_ERROR], [K.SOL_SOCKET, K.SO_ACCEPTCONN],
  [K.SOL_SOCKET, K.SO_RCVTIMEO], [K.SOL_SOCKET, K.SO_SNDTIMEO], [K.SOL_SOCKET, K.SO_OOBINLINE],
  [K.SOL_SOCKET, K.SO_PROTOCOL_INFOW], [K.IPPROTO_TCP, K.TCP_NODELAY], [K.IPPROTO_IP, K.IP_TTL],
  [K.IPPROTO_IPV6, K.IPV6_V6ONLY], [12345, 1], [K.SOL_SOCKET, 0x7777],
];

const op = fc.oneof(
  fc.record({ k: fc.constant("socket"), af: fc.constantFrom(...FAMILIES), type: fc.constantFrom(...TYPES), proto: fc.constantFrom(...PROTOS) }),
  fc.record({ k: fc.constant("close"), i: fc.nat(12) }),
  fc.record({ k: fc.constant("bind"), i: fc.nat(12), fam: fc.constantFrom(2, 23, 0), len: fc.constantFrom(0, 8, 16, 28, 64), ip: fc.constantFrom("127.0.0.1", "::1", "192.0.2.1") }),
  fc.record({ k: fc.constant("listen"), i: fc.nat(12), backlog: fc.integer({ min: -2, max: 200 }) }),
  fc.record({ k: fc.constant("connect"), i: fc.nat(12), j: fc.nat(12), unspec: fc.boolean() }),
  fc.record({ k: fc.constant("accept"), i: fc.nat(12) }),
  fc.record({ k: fc.constant("send"), i: fc.nat(12), n: fc.nat(2000), flags: fc.constantFrom(0, 1, 4, 0x80) }),
  fc.record({ k: fc.constant("recv"), i: fc.nat(12), n: fc.nat(2000), flags: fc.constantFrom(0, 1, 2, 0x40) }),
  fc.record({ k: fc.constant("shutdown"), i: fc.nat(12), how: fc.integer({ min: -1, max: 3 }) }),
  fc.record({ k: fc.constant("setopt"), i: fc.nat(12), o: fc.nat(OPTS.length - 1), v: fc.integer({ min: -1, max: 70000 }), len: fc.constantFrom(0, 2, 4, 8) }),
  fc.record({ k: fc.constant("getopt"), i: fc.nat(12), o: fc.nat(OPTS.length - 1), len: fc.constantFrom(0, 3, 4, 628) }),
  fc.record({ k: fc.constant("ioctl"), i: fc.nat(12), cmd: fc.constantFrom(K.FIONBIO, K.FIONREAD, K.SIOCATMARK, 0x1234), v: fc.nat(1) }),
  fc.record({ k: fc.constant("select"), is: fc.array(fc.nat(12), { maxLength: 4 }) }),
  fc.record({ k: fc.constant("tick") }),
  fc.record({ k: fc.constant("evcreate") }),
  fc.record({ k: fc.constant("evclose"), e: fc.nat(8) }),
  fc.record({ k: fc.constant("evset"), e: fc.nat(8), reset: fc.boolean() }),
  fc.record({ k: fc.constant("evselect"), i: fc.nat(12), e: fc.nat(8), mask: fc.constantFrom(0, 1, 2, 8, 16, 32, 0x3f, 0x3ff, -1) }),
  fc.record({ k: fc.constant("evenum"), i: fc.nat(12), e: fc.nat(8), none: fc.boolean() }),
  fc.record({ k: fc.constant("evwait"), es: fc.array(fc.nat(8), { maxLength: 5 }), all: fc.boolean() }),
  // WSASend(To) / WSARecv(From) with WSABUF arrays (some buffers outside memory), overlapped or not.
  fc.record({ k: fc.constant("udppair") }),
  { weight: 2, arbitrary: fc.record({ k: fc.constant("tcppair") }) },
  { weight: 4, arbitrary: fc.record({
    k: fc.constantFrom("wsasend", "wsarecv"), i: fc.nat(12), to: fc.boolean(),
    bufs: fc.array(fc.record({ len: fc.nat(3000), bad: fc.nat(19).map((x) => x === 0) } as const), { maxLength: 5 }),
    flags: fc.constantFrom(0, 0, 0, 0, 1, 2, 0x8000, 0x8), slot: fc.nat(7), ovl: fc.boolean(), e: fc.nat(8),
  }) },
  fc.record({ k: fc.constant("ovresult"), i: fc.nat(12), slot: fc.nat(7) }),
  // WSAIoctl, overlapped or not; and WSAAccept's CF_DEFER (the core half: a connection back to a backlog)
  fc.record({ k: fc.constant("wsaioctl"), i: fc.nat(12), cmd: fc.constantFrom(K.FIONBIO, K.FIONREAD, K.SIOCATMARK, K.SIO_KEEPALIVE_VALS, 0x1234),
    v: fc.nat(1), slot: fc.nat(7), ovl: fc.boolean(), e: fc.nat(8), noBytes: fc.boolean() }),
  { weight: 4, arbitrary: fc.record({ k: fc.constant("verdict"), i: fc.nat(12), j: fc.nat(12), any: fc.boolean(),
    v: fc.constantFrom(K.CF_DEFER, K.CF_DEFER, K.CF_ACCEPT, K.CF_REJECT, 7) }) },
);

describe("random call sequences", () => {
  it("never trap and keep every socket consistent", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const ws = await Winsock.create();
        expect(ws.WSAStartup(0x0202, {})).toBe(0);
        const c = ws.core;
        const S = c.wasock_scratch() >>> 0;
        const handles: number[] = [];
        const closed = new Set<number>();
        const deferred = new Map<number, number>(); // listener -> the connection deferred on it
        const accepted: number[] = [], listeners: number[] = [];
        const events: number[] = [];
        const deadEvents = new Set<number>();
        const dv = () => new DataView(c.memory.buffer);
        const pick = (i: number) => (handles.length ? handles[i % handles.length] : 4 * (i + 1));
        const pickEv = (i: number) => (events.length ? events[i % events.length] : 6); // 6: never an event handle
        // Core memory for the WSA data calls: 8 WSAOVERLAPPED slots, a WSABUF array, data buffers.
        const A = c.wasock_alloc(24576) >>> 0;
        new Uint8Array(c.memory.buffer, A, 24576).fill(0);
        const slotP = (k: number) => A + 32 * k;
        const STATUS_PENDING = 0x103;
        /** Two UDP sockets bound to 127.0.0.1, the first connected to the second. */
        const udpPair = (): number => {
          const m = new Uint8Array(c.memory.buffer);
          const pair: number[] = [];
          for (let k = 0; k < 2; k++) {
            const h = c.socket(K.AF_INET, K.SOCK_DGRAM, K.IPPROTO_UDP);
            handles.push(h);
            pair.push(h);
            m.fill(0, S, S + 16);
            dv().setUint16(S, K.AF_INET, true);
            m.set([127, 0, 0, 1], S + 4);
            expect(c.bind(h, S, 16)).toBe(0);
          }
          dv().setInt32(S + 64, 16, true);
          expect(c.getsockname(pair[1], S, S + 64)).toBe(0);
          return c.connect(pair[0], S, 16);
        };
        /** A TCP listener on 127.0.0.1, a client connected to it, and the connection accepted. */
        const tcpPair = async (): Promise<number> => {
          const m = new Uint8Array(c.memory.buffer);
          const l = c.socket(K.AF_INET, K.SOCK_STREAM, K.IPPROTO_TCP), cl = c.socket(K.AF_INET, K.SOCK_STREAM, K.IPPROTO_TCP);
          handles.push(l, cl);
          listeners.push(l);
          m.fill(0, S, S + 16);
          dv().setUint16(S, K.AF_INET, true);
          m.set([127, 0, 0, 1], S + 4);
          expect(c.bind(l, S, 16)).toBe(0);
          expect(c.listen(l, 4)).toBe(0);
          dv().setInt32(S + 64, 16, true);
          expect(c.getsockname(l, S, S + 64)).toBe(0);
          c.connect(cl, S, 16);
          for (let k = 0; k < 500 && c.wasock_sock_info(l, 4) === 0; k++) await new Promise((res) => setTimeout(res, 1));
          const a = c.accept(l, 0, 0);
          if (a !== -1) { handles.push(a); accepted.push(a); }
          return a;
        };
        if (ops.length % 2 === 0) udpPair(); // half the runs start with a datagram pair to move data through
        for (const o of ops) {
          let r = 0;
          switch (o.k) {
            case "socket": r = c.socket(o.af, o.type, o.proto); if (r !== -1) handles.push(r); break;
            case "close": {
              const h = pick(o.i);
              r = c.closesocket(h);
              if (r === 0) closed.add(h);
              if (r === 0 && deferred.has(h)) closed.add(deferred.get(h)!); // reset with its listener
              break;
            }
            case "bind": {
              const m = new Uint8Array(c.memory.buffer);
              m.fill(0, S, S + 64);
              dv().setUint16(S, o.fam, true);
              if (o.ip === "127.0.0.1") m.set([127, 0, 0, 1], S + 4);
              else if (o.ip === "::1") m[S + 8 + 15] = 1;
              else m.set([192, 0, 2, 1], S + 4);
              r = c.bind(pick(o.i), S, o.len);
              break;
            }
            case "listen": r = c.listen(pick(o.i), o.backlog); break;
            case "connect": {
              const target = pick(o.j);
              dv().setInt32(S + 64, 28, true);
              if (o.unspec || c.getsockname(target, S, S + 64) !== 0) new Uint8Array(c.memory.buffer).fill(0, S, S + 28);
              r = c.connect(pick(o.i), S, 28);
              break;
            }
            case "accept": {
              const l = pick(o.i);
              dv().setInt32(S + 64, 28, true);
              r = c.accept(l, S, S + 64);
              if (r !== -1 && deferred.get(l) === r) deferred.delete(l); // handed out again
              else if (r !== -1) { handles.push(r); accepted.push(r); }
              break;
            }
            case "send": { ws.host.src = new Uint8Array(o.n); r = c.send(pick(o.i), 0xffffffff, o.n, o.flags); ws.host.src = null; ws.host.flush(); break; }
            case "recv": { ws.host.dst = new Uint8Array(o.n); r = c.recv(pick(o.i), 0xffffffff, o.n, o.flags); ws.host.dst = null; break; }
            case "shutdown": r = c.shutdown(pick(o.i), o.how); break;
            case "setopt": { const [l, n] = OPTS[o.o]; dv().setInt32(S + 128, o.v, true); r = c.setsockopt(pick(o.i), l, n, S + 128, o.len); break; }
            case "getopt": { const [l, n] = OPTS[o.o]; dv().setInt32(S + 64, o.len, true); r = c.getsockopt(pick(o.i), l, n, S + 128, S + 64); break; }
            case "ioctl": {
              const selected = c.wasock_sock_info(pick(o.i), 12) > 0;
              dv().setInt32(S + 128, o.v, true);
              r = c.ioctlsocket(pick(o.i), o.cmd | 0, S + 128);
              if (selected && o.cmd === K.FIONBIO && o.v === 0) { expect(r).toBe(-1); expect(c.WSAGetLastError()).toBe(WSA.WSAEINVAL); }
              break;
            }
            case "select": {
              dv().setUint32(S + 2048, o.is.length, true);
              o.is.forEach((i, k) => dv().setUint32(S + 2052 + 4 * k, pick(i), true));
              r = c.select(0, S + 2048, 0, 0, 0);
              break;
            }
            case "tick": await new Promise((res) => setTimeout(res, 1)); break;
            case "evcreate": { const e = c.WSACreateEvent(); expect(e).not.toBe(0); events.push(e); break; }
            case "evclose": {
              const e = pickEv(o.e);
              const ok = c.WSACloseEvent(e);
              expect(ok).toBe(deadEvents.has(e) || e === 6 ? 0 : 1);
              deadEvents.add(e);
              break;
            }
            case "evset": {
              const e = pickEv(o.e);
              const ok = o.reset ? c.WSAResetEvent(e) : c.WSASetEvent(e);
              expect(ok).toBe(deadEvents.has(e) || e === 6 ? 0 : 1);
              if (ok) expect(c.wasock_event_state(e)).toBe(o.reset ? 0 : 1);
              else expect(c.WSAGetLastError()).toBe(WSA.WSA_INVALID_HANDLE);
              break;
            }
            case "evselect": r = c.WSAEventSelect(pick(o.i), pickEv(o.e), o.mask); break;
            case "evenum": {
              const e = o.none ? 0 : pickEv(o.e);
              r = c.WSAEnumNetworkEvents(pick(o.i), e, S + 512);
              if (r === 0) {
                expect(dv().getInt32(S + 512, true) & ~0x3b).toBe(0); // FD_READ/WRITE/ACCEPT/CONNECT/CLOSE, never FD_OOB
                if (e !== 0) expect(c.wasock_event_state(e)).toBe(0);
              }
              break;
            }
            case "udppair": r = udpPair(); break;
            case "tcppair": r = await tcpPair(); break;
            case "wsasend":
            case "wsarecv": {
              const d = dv();
              o.bufs.forEach((b, k) => {
                d.setUint32(A + 512 + 8 * k, b.len, true);
                d.setUint32(A + 512 + 8 * k + 4, b.bad ? 0xfffffff0 : A + 4096 + 256 * k, true);
              });
              const ov = o.ovl && d.getUint32(slotP(o.slot), true) !== STATUS_PENDING ? slotP(o.slot) : 0;
              if (ov) { d.setUint32(ov, 0, true); d.setInt32(ov + 16, pickEv(o.e), true); }
              d.setInt32(S + 64, 28, true);
              d.setUint32(A + 600, o.flags, true);
              const h = pick(o.i);
              if (o.k === "wsasend") {
                const tp = o.to && c.getsockname(h, S, S + 64) === 0 ? S : 0;
                r = c.WSASendTo(h, A + 512, o.bufs.length, A + 604, o.flags, tp, tp ? 28 : 0, ov, 0);
              } else {
                r = o.to ? c.WSARecvFrom(h, A + 512, o.bufs.length, A + 604, A + 600, S, S + 64, ov, 0)
                  : c.WSARecv(h, A + 512, o.bufs.length, A + 604, A + 600, ov, 0);
              }
              ws.host.flush();
              const err = c.WSAGetLastError();
              if (r === -1 && err === 997) expect(dv().getUint32(ov, true)).toBe(STATUS_PENDING);
              else if (ov) expect(dv().getUint32(ov, true)).not.toBe(STATUS_PENDING);
              if (o.bufs.some((b) => b.bad && b.len > 0)) { expect(r).toBe(-1); expect(err).not.toBe(997); }
              if (r === 0 && o.k === "wsarecv") expect(dv().getUint32(A + 600, true) & ~0x8000).toBe(0);
              break;
            }
            case "wsaioctl": {
              const d = dv();
              const ov = o.ovl && d.getUint32(slotP(o.slot), true) !== STATUS_PENDING ? slotP(o.slot) : 0;
              if (ov) { d.setUint32(ov, 0xdead, true); d.setInt32(ov + 16, pickEv(o.e), true); }
              d.setInt32(S + 128, o.v, true); d.setInt32(S + 132, 1000, true); d.setInt32(S + 136, 1000, true);
              const h = pick(o.i);
              r = c.WSAIoctl(h, o.cmd | 0, S + 128, 12, S + 256, 4, o.noBytes ? 0 : S + 64, ov, 0);
              // at once or not at all: never left pending; completed (Internal 0) exactly when it succeeded
              if (ov) expect(d.getUint32(ov, true)).toBe(r === 0 ? 0 : 0xdead);
              if (ov) d.setUint32(ov, 0, true);
              break;
            }
            case "verdict": {
              // mostly a listener and a connection it accepted; sometimes any two handles
              const l = o.any || !listeners.length ? pick(o.i) : listeners[o.i % listeners.length];
              const n = o.any || !accepted.length ? pick(o.j) : accepted[o.j % accepted.length];
              const before = c.wasock_sock_info(l, 4);
              r = c.wasock_accept_verdict(l, n, o.v);
              const e = c.WSAGetLastError();
              if (r !== -1) { expect(o.v).toBe(K.CF_ACCEPT); expect(r).toBe(n); }
              else if (c.wasock_sock_info(l, 4) === before + 1) { // deferred
                expect(e).toBe(o.v === K.CF_DEFER ? WSA.WSATRY_AGAIN : WSA.WSAEINVAL);
                deferred.set(l, n);
              } else if (c.wasock_sock_info(n, 0) === -1) closed.add(n); // reset
              break;
            }
            case "ovresult": {
              const ok = c.WSAGetOverlappedResult(pick(o.i), slotP(o.slot), S + 64, 0, S + 68);
              const st = dv().getUint32(slotP(o.slot), true);
              if (st === STATUS_PENDING) { expect(ok).toBe(0); expect([996, 10038]).toContain(c.WSAGetLastError()); }
              else expect(ok).toBe(st === 0 ? 1 : 0);
              break;
            }
            case "evwait": {
              const es = o.es.map(pickEv);
              es.forEach((e, k) => dv().setInt32(S + 1024 + 4 * k, e, true));
              const w = c.WSAWaitForMultipleEvents(es.length, S + 1024, o.all ? 1 : 0, 0, 0) >>> 0;
              const st = es.map((e) => c.wasock_event_state(e));
              if (es.length === 0) expect(w).toBe(0xffffffff);
              else if (st.includes(-1)) { expect(w).toBe(0xffffffff); expect(c.WSAGetLastError()).toBe(WSA.WSA_INVALID_HANDLE); }
              else if (o.all && new Set(es).size < es.length) expect(w).toBe(0xffffffff);
              else if (o.all) expect(w).toBe(st.every((x) => x === 1) ? 0 : 258);
              else expect(w).toBe(st.includes(1) ? st.indexOf(1) : 258);
              break;
            }
          }
          if (r === -1) expect(WSA_NAME[c.WSAGetLastError()], `${o.k} -> ${c.WSAGetLastError()}`).toBeTruthy();
          for (const h of handles) {
            const info = ws.sockInfo(h);
            if (closed.has(h)) { expect(info).toBeNull(); continue; }
            expect(info).not.toBeNull();
            const { state, flags, rxAvail, sndQueued, pendingAccepts } = info!;
            expect(state).toBeGreaterThanOrEqual(0);
            expect(state).toBeLessThanOrEqual(4);
            expect(rxAvail).toBeGreaterThanOrEqual(0);
            expect(sndQueued).toBeGreaterThanOrEqual(0);
            expect(pendingAccepts).toBeGreaterThanOrEqual(0);
            const type = c.wasock_sock_info(h, 5);
            if (state === 2) expect(type).toBe(K.SOCK_STREAM);           // only streams listen
            if (state >= 2) expect(flags & 2).toBe(2);                    // listening/connecting/connected => bound
            if (type === K.SOCK_DGRAM) expect(state).toBeLessThanOrEqual(1);
            if (state !== 4) expect(pendingAccepts === 0 || state === 2).toBe(true);
            expect(c.wasock_ready(h)).toBeGreaterThanOrEqual(0);
            const mask = c.wasock_sock_info(h, 12), rec = c.wasock_sock_info(h, 13);
            if (mask !== 0) expect(flags & 1).toBe(1);                    // WSAEventSelect => non-blocking
            expect(rec & ~mask).toBe(0);                                   // only selected events are recorded
          }
          for (const e of events) expect(c.wasock_event_state(e) === -1).toBe(deadEvents.has(e));
          // Every queued overlapped call is a slot still STATUS_PENDING, and the other way round.
          let queued = 0, pendingSlots = 0;
          for (const h of handles) if (!closed.has(h)) queued += c.wasock_overlapped_pending(h);
          for (let k = 0; k < 8; k++) if (dv().getUint32(slotP(k), true) === STATUS_PENDING) pendingSlots++;
          expect(queued).toBe(pendingSlots);
        }
        ws.WSACleanup();
        for (let k = 0; k < 8; k++) expect(dv().getUint32(slotP(k), true)).not.toBe(STATUS_PENDING); // cancelled
        c.wasock_free(A);
        for (const h of handles) expect(ws.sockInfo(h)).toBeNull();
        expect(ws.host.openCount).toBe(0);
      }),
      { numRuns: 120, seed: 20261122, interruptAfterTimeLimit: 20_000 },
    );
  });
});
