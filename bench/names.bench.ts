// Address text conversion through the core (host wrapper -> wasm, strings lowered each call) beside
// Node's own parsers measured in the same run: net.isIPv4/isIPv6 (validation only) and the WHATWG
// URL host parser (parse + canonical text, the closest Node analogue of inet_pton + inet_ntop).
// Bounded: a fixed number of calls per figure (about a second each on this kind of machine).
import { isIPv4, isIPv6 } from "node:net";
import dns from "node:dns";
import * as N from "../host/node/names.ts";
import * as R from "../host/node/resolver.ts";
import { instantiateCore } from "../host/node/wasm.ts";

function time(n: number, f: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(n, 20_000); i++) f(i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f(i);
  return Number(process.hrtime.bigint() - t0) / n; // ns per call
}

async function timeAsync(n: number, f: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await f();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await f();
  return Number(process.hrtime.bigint() - t0) / n / 1000; // µs per call
}

/** Best of three alternating rounds of each side: the machine is shared, so the minimum is the
 *  figure least disturbed by other work. */
function pair(n: number, ours: (i: number) => unknown, ref: (i: number) => unknown): [number, number] {
  let a = Infinity, b = Infinity;
  for (let r = 0; r < 3; r++) { a = Math.min(a, time(n, ours)); b = Math.min(b, time(n, ref)); }
  return [a, b];
}

async function pairAsync(n: number, ours: () => Promise<unknown>, ref: () => Promise<unknown>): Promise<[number, number]> {
  let a = Infinity, b = Infinity;
  for (let r = 0; r < 3; r++) { a = Math.min(a, await timeAsync(n, ours)); b = Math.min(b, await timeAsync(n, ref)); }
  return [a, b];
}

function row(name: string, [ours, ref]: [number, number], refName: string, unit = "ns"): void {
  console.log(`${name.padEnd(34)} wasock ${ours.toFixed(0).padStart(6)} ${unit}   ${refName.padEnd(26)} ${ref.toFixed(0).padStart(6)} ${unit}   ratio ${(ours / ref).toFixed(2)}`);
}

export default async function (): Promise<void> {
  const core: N.NamesCore = await instantiateCore("test/names");
  // A fixed pool of addresses in every IPv6 shape (seeded LCG, no Math.random).
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const v6: string[] = [];
  const v4: string[] = [];
  for (let i = 0; i < 1024; i++) {
    const b = new Uint8Array(16);
    for (let k = 0; k < 16; k += 2) if (next() % 3 !== 0) { b[k] = next() & 0xff; b[k + 1] = next() & 0xff; }
    v6.push(N.inet_ntop(core, N.AF_INET6, b));
    v4.push(`${next() & 255}.${next() & 255}.${next() & 255}.${next() & 255}`);
  }
  const n = 100_000;
  console.log(`per call, best of 3 rounds of ${n} calls (1024 distinct addresses)`);
  row("inet_pton(AF_INET6)", pair(n, (i) => N.inet_pton(core, N.AF_INET6, v6[i & 1023]), (i) => isIPv6(v6[i & 1023])), "net.isIPv6");
  row("inet_pton + inet_ntop (IPv6)", pair(n, (i) => N.inet_ntop(core, N.AF_INET6, N.inet_pton(core, N.AF_INET6, v6[i & 1023])!),
    (i) => new URL(`http://[${v6[i & 1023]}]/`).hostname), "new URL(...).hostname");
  row("inet_addr", pair(n, (i) => N.inet_addr(core, v4[i & 1023]), (i) => isIPv4(v4[i & 1023])), "net.isIPv4");
  row("inet_addr + inet_ntoa", pair(n, (i) => N.inet_ntoa(core, N.inet_addr(core, v4[i & 1023])),
    (i) => new URL(`http://${v4[i & 1023]}/`).hostname), "new URL(...).hostname");
  row("WSAStringToAddress (IPv6+port)", pair(n, (i) => N.WSAStringToAddressA(core, `[${v6[i & 1023]}]:8080`, N.AF_INET6),
    (i) => new URL(`http://[${v6[i & 1023]}]:8080/`).port), "new URL(...).port");
  const lookups = 1000;
  const nodeLookup = () => new Promise((res, rej) => dns.lookup("localhost", { all: true, family: 4 }, (e, a) => (e ? rej(e) : res(a))));
  row("getaddrinfo(\"localhost\")", await pairAsync(lookups, () => R.getaddrinfo(core, "localhost", "80", { family: N.AF_INET }), nodeLookup),
    "dns.lookup", "µs");
}
