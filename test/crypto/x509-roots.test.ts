// Real-world certificates nobody here made: the Mozilla root store that node ships
// (tls.rootCertificates, ~140 CAs from many encoders and decades). Every one must parse, agree
// with node's X509Certificate (OpenSSL) on its fields, and its self-signature must verify with
// our RSA / ECDSA P-256 code (P-384 keys are reported unsupported, never bad).
import { X509Certificate } from "node:crypto";
import { rootCertificates } from "node:tls";
import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";

let x: any;
beforeAll(async () => { x = await instantiateCore("test/x509"); });

const roots = rootCertificates.map((pem) => new X509Certificate(pem));
const unescape = (s: string) => s.replace(/\\(.)/g, "$1"); // node escapes "," "+" "=" … in names

const frame = (list: Uint8Array[]) => Buffer.concat(list.flatMap((b) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(b.length); return [len, Buffer.from(b)];
}));

describe("node's root store", () => {
  it("loads into one TrustStore; each root is trusted as itself, and a stranger is not", () => {
    const ders = roots.map((c) => new Uint8Array(c.raw));
    expect(x.storeLoad(new Uint8Array(frame(ders)))).toBe(ders.length);
    const now = BigInt(Math.floor(Date.now() / 1000));
    for (const c of roots) {
      const want = Date.parse(c.validTo) < Date.now() ? 2 : 0; // an expired root is Expired
      expect(x.validateKept(new Uint8Array(frame([new Uint8Array(c.raw)])), now, "", 0), c.subject).toBe(want);
    }
    // a root changed in one serial bit is no longer itself, and has no issuer in the store (one
    // still valid today: an expired one is reported Expired before its issuer is looked for)
    const other = Uint8Array.from(roots.find((c) => Date.parse(c.validTo) > Date.now())!.raw);
    other[15] ^= 1;
    expect([4, 5]).toContain(x.validateKept(new Uint8Array(frame([other])), now, "", 0));
  });

  it("has enough certificates to mean something", () => { expect(roots.length).toBeGreaterThan(100); });

  it("every root parses and agrees with OpenSSL on subject, issuer, serial, validity and key", () => {
    for (const c of roots) {
      const j = JSON.parse(x.certInfo(new Uint8Array(c.raw)));
      const label = c.subject.replace(/\n/g, ", ");
      expect(j.err, label).toBe(0);
      expect(j.subject, label).toBe(unescape(c.subject));
      expect(j.issuer, label).toBe(unescape(c.issuer));
      expect(BigInt("0x" + j.serial), label).toBe(BigInt("0x" + c.serialNumber));
      expect(j.notBefore * 1000, label).toBe(Date.parse(c.validFrom));
      expect(j.notAfter * 1000, label).toBe(Date.parse(c.validTo));
      expect(j.spki, label).toBe(c.publicKey.export({ type: "spki", format: "der" }).toString("hex"));
      expect(j.isCa && (j.keyUsage === -1 || (j.keyUsage & 0x20) !== 0), label).toBe(c.ca);
    }
  });

  it("every self-signature verifies (P-384 keys: UnsupportedAlgorithm), as node:crypto says", () => {
    const tally: Record<string, number> = {};
    for (const c of roots) {
      const label = c.subject.replace(/\n/g, ", ");
      const curve = c.publicKey.asymmetricKeyDetails?.namedCurve;
      const r = x.verifySelf(new Uint8Array(c.raw));
      expect(c.verify(c.publicKey), label).toBe(true);
      if (c.publicKey.asymmetricKeyType === "ec" && curve !== "prime256v1") expect(r, label).toBe(10);
      else expect(r, label).toBe(0);
      const k = `${c.publicKey.asymmetricKeyType}${curve ? "/" + curve : ""}`;
      tally[k] = (tally[k] ?? 0) + 1;
    }
    expect(tally.rsa).toBeGreaterThan(50); // RSA 2048-4096 with SHA-1/256/384/512 signatures
    expect(tally["ec/prime256v1"] ?? 0).toBeGreaterThan(0);
  });
});
