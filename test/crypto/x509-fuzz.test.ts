// Fuzzing: the DER reader, the certificate parser and path validation must never trap (a trap
// surfaces as a thrown Error from the wasm call) on random bytes or on mutations of real
// certificates made by openssl in this run. Bounded: fixed run counts, seeded.
import fc from "fast-check";
import { X509Certificate } from "node:crypto";
import { rootCertificates } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import { buildPki, frame, type Pki } from "../fixtures/x509-pki.ts";

let x: any;
let pki: Pki;
let seeds: Uint8Array[];
let inters: Uint8Array[];
let roots: Uint8Array;
beforeAll(async () => {
  x = await instantiateCore("test/x509");
  pki = buildPki();
  seeds = [...pki.certs.values()].map((c) => c.der);
  now = BigInt(Math.floor(Date.now() / 1000));
  inters = [...pki.certs.keys()].filter((n) => n.includes("inter")).map((n) => pki.certs.get(n)!.der);
  roots = frame(["root-rsa", "root-ec", "root-ed", "root-v1"].map((n) => pki.certs.get(n)!.der));
  const valid = [...pki.certs.keys()].filter((n) => {
    const r: Int32Array = x.validate(frame([pki.certs.get(n)!.der, ...inters]), roots, now, "", 0);
    return r[0] === 0;
  });
  expect(valid.length, valid.join(" ")).toBeGreaterThan(15); // most unchanged certificates validate
});
afterAll(() => pki?.cleanup());

let now: bigint; // taken after the PKI exists: its certificates start being valid when made

/** A mutation of a real certificate: byte flips, truncation, insertion or deletion, length-octet pokes. */
const mutation = fc.record({
  seed: fc.nat(),
  kind: fc.integer({ min: 0, max: 5 }),
  pos: fc.nat(),
  val: fc.integer({ min: 0, max: 255 }),
  count: fc.integer({ min: 1, max: 8 }),
});

function mutate(der: Uint8Array, m: { kind: number; pos: number; val: number; count: number }): Uint8Array {
  const b = Uint8Array.from(der);
  const p = m.pos % b.length;
  switch (m.kind) {
    case 0: for (let i = 0; i < m.count; i++) b[(p + i * 37) % b.length] ^= 1 << ((m.val + i) & 7); return b;
    case 1: return b.subarray(0, p);
    case 2: return Uint8Array.from([...b.subarray(0, p), ...new Array(m.count).fill(m.val), ...b.subarray(p)]);
    case 3: return Uint8Array.from([...b.subarray(0, p), ...b.subarray(Math.min(b.length, p + m.count))]);
    case 4: {
      // poke a byte right after a likely tag (SEQUENCE, SET, OCTET STRING, BIT STRING, context tags)
      for (let i = p; i < b.length - 1; i++) if ([0x30, 0x31, 0x04, 0x03, 0xa0, 0xa3].includes(b[i])) { b[i + 1] = m.val; break; }
      return b;
    }
    default: b[p] = m.val; return b;
  }
}

describe("DER and X.509 never trap", () => {
  it("random bytes (with a DER-ish first octet)", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(0x30, 0x02, 0x03, 0x06, 0x17, 0x18, 0x0c, 0xa3),
      (tail, t) => {
        const b = Uint8Array.from([t, ...tail]);
        expect(x.certParse(b)).toBeGreaterThan(0);
        x.derElement(b); x.derInteger(b); x.derOid(b); x.derTime(b); x.derString(b); x.derNamedBits(b); x.derBool(b);
      }), { numRuns: 3000, seed: 4 });
  });

  it("host names and IP literals of random text", async () => {
    const { isIP } = await import("node:net");
    const chars = fc.constantFrom(..."0123456789abcdefABCDEF:.[]*-xyz\u00e9 ".split(""));
    fc.assert(fc.property(fc.string({ unit: chars, maxLength: 48 }), (s) => {
      const ip: Uint8Array = x.ipParse(s);
      // what we read as an address, node reads as one too (we refuse leading zeros it allows)
      if (ip.length === 4) expect(isIP(s), s).toBe(4);
      if (ip.length === 16) expect(isIP(s), s).toBe(6);
      x.hostMatches("example.test\n*.wild.test\n*\n", frame([Uint8Array.from([127, 0, 0, 1])]), s);
    }), { numRuns: 5000, seed: 8 });
  });

  it("IPv4 and IPv6 literals read to the bytes the WHATWG URL parser gives", () => {
    const canon = (h: string) => new URL(`http://[${h}]/`).hostname;
    fc.assert(fc.property(fc.ipV6(), (s) => {
      const b: Uint8Array = x.ipParse(s);
      expect(b.length, s).toBe(16);
      const full = [...Array(8).keys()].map((i) => ((b[2 * i] << 8) | b[2 * i + 1]).toString(16)).join(":");
      expect(canon(full), s).toBe(canon(s));
    }), { numRuns: 3000, seed: 9 });
    fc.assert(fc.property(fc.ipV4(), (s) => {
      expect([...x.ipParse(s)].join("."), s).toBe(s);
    }), { numRuns: 1000, seed: 10 });
  });

  it("random SEQUENCE nests", () => {
    // Well-formed DER trees of random shape, so the parser gets past the outer layers.
    const tree: fc.Arbitrary<Uint8Array> = fc.letrec<{ node: Uint8Array }>((tie) => ({
      node: fc.oneof({ depthSize: "small", withCrossShrink: true },
        fc.tuple(fc.constantFrom(0x02, 0x04, 0x05, 0x06, 0x13, 0x17, 0x80, 0x82, 0x87), fc.uint8Array({ maxLength: 20 }))
          .map(([t, v]) => Uint8Array.from([t, v.length, ...v])),
        fc.tuple(fc.constantFrom(0x30, 0x31, 0xa0, 0xa3), fc.array(tie("node"), { maxLength: 5 })).map(([t, kids]) => {
          const body = Buffer.concat(kids);
          const len = body.length < 128 ? [body.length] : body.length < 256 ? [0x81, body.length] : [0x82, body.length >> 8, body.length & 255];
          return Uint8Array.from([t, ...len, ...body]);
        })),
    })).node;
    fc.assert(fc.property(tree, (b) => {
      expect(x.certParse(b)).toBeGreaterThan(0);
      x.certInfo(b);
    }), { numRuns: 3000, seed: 5 });
  });

  it("mutations of openssl certificates: parse, describe and validate", () => {
    let accepted = 0;
    fc.assert(fc.property(mutation, (m) => {
      const base = seeds[m.seed % seeds.length];
      const b = mutate(base, m);
      const e = x.certParse(b);
      const j = JSON.parse(x.certInfo(b));
      expect(j.err).toBe(e);
      if (e === 0) {
        accepted++;
        // Whatever we accept, OpenSSL (through node) must be able to decode as well.
        let openssl = "ok";
        try { new X509Certificate(b); } catch (err) { openssl = `${err}`; }
        expect(openssl, Buffer.from(b).toString("hex")).toBe("ok");
      }
      // Soundness: a changed certificate never validates (every byte is signed, or must equal a
      // signed byte, or breaks the encoding), while the unchanged ones mostly do.
      const r: Int32Array = x.validate(frame([b, ...inters]), roots, now, "", 0);
      expect(r[0]).toBeGreaterThanOrEqual(0);
      if (!Buffer.from(b).equals(Buffer.from(base))) expect(r[0], Buffer.from(b).toString("hex")).not.toBe(0);
    }), { numRuns: Number(process.env.X509_FUZZ_RUNS ?? 4000), seed: Number(process.env.X509_FUZZ_SEED ?? 6) });
    expect(accepted).toBeGreaterThan(50); // the fuzzer did reach past the parser
  });

  it("mutations of the Mozilla roots node ships: never trap, never validate once changed", () => {
    const real = rootCertificates.map((pem) => new Uint8Array(new X509Certificate(pem).raw));
    let accepted = 0;
    fc.assert(fc.property(mutation, (m) => {
      const base = real[m.seed % real.length];
      const b = mutate(base, m);
      const e = x.certParse(b);
      if (e === 0) accepted++;
      const r: Int32Array = x.validate(frame([b]), frame([base]), now, "", 0);
      if (!Buffer.from(b).equals(Buffer.from(base))) expect(r[0], Buffer.from(b).toString("hex")).not.toBe(0);
    }), { numRuns: Math.ceil(Number(process.env.X509_FUZZ_RUNS ?? 4000) / 2), seed: Number(process.env.X509_FUZZ_SEED ?? 6) + 1 });
    expect(accepted).toBeGreaterThan(20);
  });
});
