// Strictness: an openssl certificate is taken apart into its TLV tree (a small walker here,
// independent of the AssemblyScript reader), one rule of DER (X.690 §10-11) or RFC 5280 is broken,
// the tree is re-encoded, and the parser must refuse it. The unbroken re-encoding must parse, so
// each case isolates one rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import { buildPki, type Pki } from "../fixtures/x509-pki.ts";

interface Node { tag: number; kids?: Node[]; value?: Uint8Array; longLen?: boolean }

function decode(b: Uint8Array, start = 0, end = b.length): Node[] {
  const out: Node[] = [];
  let p = start;
  while (p < end) {
    const tag = b[p++];
    let len = b[p++];
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + b[p++];
    }
    const v = b.subarray(p, p + len);
    // constructed (bit 6), but BIT/OCTET STRING contents stay opaque bytes
    out.push(tag & 0x20 ? { tag, kids: decode(b, p, p + len) } : { tag, value: v });
    p += len;
  }
  return out;
}

function encLen(n: number, long = false): number[] {
  if (n < 128 && !long) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 255);
  if (bytes.length === 0) bytes.push(0);
  return [0x80 | bytes.length, ...bytes];
}

function encode(n: Node): Uint8Array {
  const body = n.kids ? Buffer.concat(n.kids.map(encode)) : Buffer.from(n.value!);
  return Uint8Array.from([n.tag, ...encLen(body.length, n.longLen), ...body]);
}

const clone = (n: Node): Node => (n.kids ? { ...n, kids: n.kids.map(clone) } : { ...n, value: Uint8Array.from(n.value!) });
const h = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ""), "hex"));

let x: any;
let pki: Pki;
beforeAll(async () => {
  x = await instantiateCore("test/x509");
  pki = buildPki();
});
afterAll(() => pki?.cleanup());

/** The leaf's tree: cert = [tbs, sigAlg, sig]; tbs = [[0] version, serial, sigAlg, issuer, validity, subject, spki, [3] exts]. */
function leafTree(name = "leaf-ec"): Node {
  const [cert] = decode(Uint8Array.from(pki.certs.get(name)!.der)); // a copy: cases edit values in place
  return cert;
}
const tbsOf = (c: Node) => c.kids![0];
const extsOf = (c: Node) => tbsOf(c).kids!.find((k) => k.tag === 0xa3)!.kids![0];
const oidHex = (ext: Node) => Buffer.from(ext.kids![0].value!).toString("hex");
const extByOid = (c: Node, oid: string) => extsOf(c).kids!.find((e) => oidHex(e) === oid)!;
const OID = { bc: "551d13", ku: "551d0f", san: "551d11", eku: "551d25", ski: "551d0e", aki: "551d23", nc: "551d1e" };

const X509Err = { Ok: 0, Malformed: 1, UnknownCriticalExtension: 2, DuplicateExtension: 3 };

describe("the re-encoder is faithful", () => {
  it("decode + encode gives back openssl's bytes for every certificate", () => {
    for (const [name, c] of pki.certs) {
      expect(Buffer.from(encode(decode(c.der)[0])).equals(Buffer.from(c.der)), name).toBe(true);
    }
  });
});

describe("refused: DER encoding rules", () => {
  const cases: [string, (c: Node) => Node | Uint8Array][] = [
    ["long-form length where short form fits (X.690 §10.1)", (c) => { tbsOf(c).kids![4].longLen = true; return c; }],
    ["long-form length on the serial number", (c) => { tbsOf(c).kids![1].longLen = true; return c; }],
    ["a trailing byte after the certificate", (c) => Uint8Array.from([...encode(c), 0])],
    ["a byte after the signature inside the certificate", (c) => { c.kids!.push({ tag: 0x05, value: new Uint8Array(0) }); return c; }],
    ["serial with a redundant leading zero (X.690 §8.3.2)", (c) => { tbsOf(c).kids![1].value = Uint8Array.from([0, ...tbsOf(c).kids![1].value!]); return c; }],
    ["explicit version v1 (a DEFAULT value, X.690 §11.5)", (c) => { tbsOf(c).kids![0].kids![0].value = h("00"); return c; }],
    ["version 4", (c) => { tbsOf(c).kids![0].kids![0].value = h("03"); return c; }],
    ["UTCTime without seconds", (c) => { const t = tbsOf(c).kids![4].kids![0]; t.value = t.value!.subarray(0, 10).slice(); t.value = Uint8Array.from([...t.value, 0x5a]); return c; }],
    ["notBefore as an OCTET STRING", (c) => { tbsOf(c).kids![4].kids![0].tag = 0x04; return c; }],
    ["signature BIT STRING with unused bits", (c) => { c.kids![2].value![0] = 1; return c; }],
    ["a SET tag where the Name's RDN is", (c) => { tbsOf(c).kids![3].kids![0].tag = 0x30; return c; }],
    ["an empty RDN SET", (c) => { tbsOf(c).kids![5].kids!.push({ tag: 0x31, kids: [] }); return c; }],
    ["a PrintableString holding '@' in the subject", (c) => {
      tbsOf(c).kids![5].kids![0].kids![0].kids![1] = { tag: 0x13, value: Buffer.from("a@b") }; return c;
    }],
    ["an extension with an explicit critical FALSE", (c) => {
      const e = extByOid(c, OID.san); e.kids!.splice(1, 0, { tag: 0x01, value: h("00") }); return c;
    }],
    ["a BOOLEAN TRUE encoded as 0x01 (X.690 §11.1)", (c) => { extByOid(c, OID.ku).kids![1].value = h("01"); return c; }],
    ["an OID with a non-minimal sub-identifier", (c) => { extByOid(c, OID.san).kids![0].value = h("80551d11"); return c; }],
  ];
  it.each(cases)("%s", (_, f) => {
    const out = f(leafTree());
    const der = out instanceof Uint8Array ? out : encode(out);
    expect(x.certParse(der)).toBe(X509Err.Malformed);
  });
  it("the untouched re-encoding parses", () => { expect(x.certParse(encode(leafTree()))).toBe(X509Err.Ok); });
});

describe("refused: RFC 5280 structure", () => {
  it("tbsCertificate.signature differing from signatureAlgorithm (§4.1.1.2)", () => {
    const c = leafTree("leaf-rsa"); // signed with ecdsa-with-SHA384; say SHA-256 inside
    tbsOf(c).kids![2].kids![0].value = h("2a8648ce3d040302");
    expect(x.certParse(encode(c))).toBe(X509Err.Malformed);
  });
  it("a duplicate extension (§4.2)", () => {
    const c = leafTree();
    extsOf(c).kids!.push(clone(extByOid(c, OID.san)));
    expect(x.certParse(encode(c))).toBe(X509Err.DuplicateExtension);
  });
  it("an unknown critical extension, but not an unknown non-critical one (§4.2)", () => {
    const c = leafTree();
    extsOf(c).kids!.push({ tag: 0x30, kids: [{ tag: 0x06, value: h("2b0601040183b2430101") }, { tag: 0x04, value: h("0500") }] });
    expect(x.certParse(encode(c))).toBe(X509Err.Ok);
    extsOf(c).kids!.at(-1)!.kids!.splice(1, 0, { tag: 0x01, value: h("ff") });
    expect(x.certParse(encode(c))).toBe(X509Err.UnknownCriticalExtension);
  });
  it("issuerUniqueID must be a BIT STRING (§4.1.2.8)", () => {
    const good = leafTree(); tbsOf(good).kids!.splice(7, 0, { tag: 0x81, value: h("00ff") });
    expect(x.certParse(encode(good))).toBe(X509Err.Ok);
    const bad = leafTree(); tbsOf(bad).kids!.splice(7, 0, { tag: 0x81, value: h("09ff") });
    expect(x.certParse(encode(bad))).toBe(X509Err.Malformed);
  });
  it("extensions in a version 1 certificate", () => {
    const c = leafTree();
    tbsOf(c).kids!.shift(); // drop [0] version
    expect(x.certParse(encode(c))).toBe(X509Err.Malformed);
  });
  it("an empty extension list, an empty SAN, an empty EKU, a key usage with no bit set", () => {
    const empty = leafTree(); extsOf(empty).kids = [];
    expect(x.certParse(encode(empty))).toBe(X509Err.Malformed);
    const san = leafTree(); extByOid(san, OID.san).kids!.at(-1)!.value = h("3000");
    expect(x.certParse(encode(san))).toBe(X509Err.Malformed);
    const eku = leafTree(); extByOid(eku, OID.eku).kids!.at(-1)!.value = h("3000");
    expect(x.certParse(encode(eku))).toBe(X509Err.Malformed);
    const ku = leafTree(); extByOid(ku, OID.ku).kids!.at(-1)!.value = h("030100");
    expect(x.certParse(encode(ku))).toBe(X509Err.Malformed);
  });
  it("basicConstraints with an explicit cA FALSE, or a negative path length", () => {
    const f = leafTree(); extByOid(f, OID.bc).kids!.at(-1)!.value = h("3003010100");
    expect(x.certParse(encode(f))).toBe(X509Err.Malformed);
    const n = leafTree(); extByOid(n, OID.bc).kids!.at(-1)!.value = h("30060101ff0201ff");
    expect(x.certParse(encode(n))).toBe(X509Err.Malformed);
    const ok = leafTree(); extByOid(ok, OID.bc).kids!.at(-1)!.value = h("30060101ff020105");
    expect(JSON.parse(x.certInfo(encode(ok)))).toMatchObject({ isCa: true, pathLen: 5 });
  });
  it("name constraints: empty, or with minimum/maximum, or an IP subtree without a mask (§4.2.1.10)", () => {
    const set = (hex: string) => { const c = leafTree("inter-nc"); extByOid(c, OID.nc).kids!.at(-1)!.value = h(hex); return x.certParse(encode(c)); };
    expect(set("3008a0063004820261 62")).toBe(X509Err.Ok);
    expect(set("3000")).toBe(X509Err.Malformed);
    expect(set("3002a000")).toBe(X509Err.Malformed);
    expect(set("300ba0093007820261628101 01")).toBe(X509Err.Malformed);
    expect(set("300ba00930078202616280 0100")).toBe(X509Err.Malformed);
    expect(set("300aa0083006870401020304")).toBe(X509Err.Malformed);
  });
  it("an iPAddress SAN of 5 octets, a dNSName that is not IA5", () => {
    const ip = leafTree(); extByOid(ip, OID.san).kids!.at(-1)!.value = h("3007870501020304 05");
    expect(x.certParse(encode(ip))).toBe(X509Err.Malformed);
    const dns = leafTree(); extByOid(dns, OID.san).kids!.at(-1)!.value = h("30048202c3a9");
    expect(x.certParse(encode(dns))).toBe(X509Err.Malformed);
  });
  it("an EC key that is not an uncompressed P-256 point is parsed as an unusable key", () => {
    const c = leafTree();
    const spki = tbsOf(c).kids![6];
    spki.kids![1].value = Uint8Array.from([0, 0x02, ...spki.kids![1].value!.subarray(2, 34)]); // compressed form
    expect(JSON.parse(x.certInfo(encode(c)))).toMatchObject({ err: 0, keyType: 4 });
  });
  it("an Ed25519 key of 31 octets, or with parameters (RFC 8410 §3)", () => {
    const c = leafTree("leaf-ed");
    const spki = tbsOf(c).kids![6];
    const short = clone(c); tbsOf(short).kids![6].kids![1].value = spki.kids![1].value!.subarray(0, 32).slice();
    expect(x.certParse(encode(short))).toBe(X509Err.Malformed);
    const params = clone(c); tbsOf(params).kids![6].kids![0].kids!.push({ tag: 0x05, value: new Uint8Array(0) });
    expect(x.certParse(encode(params))).toBe(X509Err.Malformed);
  });
  it("RSASSA-PSS parameters whose MGF1 hash differs from the message hash", () => {
    const c = leafTree("leaf-pss");
    // AlgorithmIdentifier { id-RSASSA-PSS, params { [0] hash, [1] { mgf1, { sha256 } }, [2] salt } },
    // in both places it occurs (they must stay byte-equal)
    for (const alg of [c.kids![1], tbsOf(c).kids![2]]) {
      const mgf = alg.kids![1].kids!.find((k) => k.tag === 0xa1)!;
      mgf.kids![0].kids![1].kids![0].value = h("608648016503040202"); // sha384
    }
    expect(x.certParse(encode(c))).toBe(X509Err.Malformed);
  });
});
