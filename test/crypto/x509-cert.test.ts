// X.509 parsing and path validation against certificates openssl makes in this test run
// (test/fixtures/x509-pki.ts). Fields are checked against node's X509Certificate and
// `openssl x509 -noout -text`; the extracted tbsCertificate and signature are checked with
// node:crypto's verify; validation results are the ones RFC 5280 §6 / RFC 6125 §6.4 prescribe.
import { createHash, createPrivateKey, randomBytes, sign as nodeSign, verify as nodeVerify, constants } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { connect as tlsConnect, createServer as tlsServer, type DetailedPeerCertificate } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../../host/node/wasm.ts";
import { buildPki, frame, type Issued, type Pki } from "../fixtures/x509-pki.ts";

let x: any;
let pki: Pki;
beforeAll(async () => {
  x = await instantiateCore("test/x509");
  pki = buildPki();
});
afterAll(() => pki?.cleanup());

const CertErr = {
  Ok: 0, Malformed: 1, Expired: 2, NotYetValid: 3, UnknownIssuer: 4, BadSignature: 5, NotCa: 6,
  PathTooLong: 7, NameMismatch: 8, BadKeyUsage: 9, UnsupportedAlgorithm: 10, UnknownCriticalExtension: 11,
  NameConstraintViolation: 12,
} as const;
const Purpose = { ANY: 0, SERVER_AUTH: 1, CLIENT_AUTH: 2 };
const SigAlgName: Record<number, string> = {
  1: "sha1WithRSAEncryption", 2: "sha256WithRSAEncryption", 3: "sha384WithRSAEncryption",
  4: "sha512WithRSAEncryption", 5: "rsassaPss", 6: "ecdsa-with-SHA256", 7: "ecdsa-with-SHA384",
  8: "ecdsa-with-SHA512", 9: "ED25519",
};
const HashName: Record<number, string> = { 1: "sha1", 2: "sha256", 3: "sha384", 4: "sha512" };
const KeyType: Record<string, number> = { rsa: 1, "rsa-pss": 1, ec: 2, ed25519: 3 };

const c = (name: string): Issued => {
  const v = pki.certs.get(name);
  if (!v) throw new Error(`no certificate ${name}`);
  return v;
};
const info = (name: string) => JSON.parse(x.certInfo(c(name).der));
const now = () => BigInt(Math.floor(Date.now() / 1000));

function validate(chain: string[], roots: string[], host = "", purpose = Purpose.SERVER_AUTH, at = now()) {
  const r: Int32Array = x.validate(frame(chain.map((n) => c(n).der)), frame(roots.map((n) => c(n).der)), at, host, purpose);
  return { err: r[0], path: [...r.subarray(1)] };
}

/** openssl prints IPv6 SANs uncompressed ("0:0:0:0:0:0:0:1"); bytes as hex for comparison. */
function ipHex(text: string): string {
  if (text.includes(".")) return Buffer.from(text.split(".").map(Number)).toString("hex");
  return text.split(":").map((w) => w.padStart(4, "0")).join("").toLowerCase();
}

describe("X.509 fields agree with node's X509Certificate and openssl -text", () => {
  const all = () => [...pki.certs.keys()].filter((n) => n !== "leaf-critical");
  it("subject, issuer, serial, validity, SPKI, CA flag, SANs", () => {
    for (const name of all()) {
      const cert = c(name), j = info(name), n = cert.x509;
      expect(j.err, name).toBe(0);
      expect(j.version, name).toBe(pki.text(cert).includes("Version: 3 (0x2)") ? 3 : 1);
      expect(j.subject, name).toBe(n.subject);
      expect(j.issuer, name).toBe(n.issuer);
      expect(BigInt("0x" + j.serial), name).toBe(BigInt("0x" + n.serialNumber));
      expect(j.notBefore * 1000, name).toBe(Date.parse(n.validFrom));
      expect(j.notAfter * 1000, name).toBe(Date.parse(n.validTo));
      const spki = n.publicKey.export({ type: "spki", format: "der" });
      expect(j.spki, name).toBe(spki.toString("hex"));
      expect(createHash("sha256").update(Buffer.from(j.spki, "hex")).digest("hex"))
        .toBe(createHash("sha256").update(spki).digest("hex"));
      // node's `ca` is OpenSSL's X509_check_ca: cA set and, when key usage is present, keyCertSign.
      expect(j.isCa && (j.keyUsage === -1 || (j.keyUsage & 0x20) !== 0), name).toBe(n.ca);
      const sans = (n.subjectAltName ?? "").split(", ").filter(Boolean);
      expect(j.dns, name).toEqual(sans.filter((s) => s.startsWith("DNS:")).map((s) => s.slice(4)));
      expect(j.ips, name).toEqual(sans.filter((s) => s.startsWith("IP Address:")).map((s) => ipHex(s.slice(11))));
      const kt = n.publicKey.asymmetricKeyType!;
      const curve = n.publicKey.asymmetricKeyDetails?.namedCurve;
      expect(j.keyType, name).toBe(kt === "ec" && curve !== "prime256v1" ? 4 : KeyType[kt]);
      if (kt === "rsa" || kt === "rsa-pss") {
        const d = n.publicKey.asymmetricKeyDetails!;
        expect(BigInt("0x" + j.rsaE), name).toBe(d.publicExponent);
        expect(BigInt("0x" + j.rsaN).toString(2).length, name).toBe(d.modulusLength);
      }
      if (kt === "rsa") {
        const jwk = n.publicKey.export({ format: "jwk" });
        expect(Buffer.from(j.rsaN, "hex").toString("base64url")).toBe(jwk.n);
        expect(Buffer.from(j.rsaE, "hex").toString("base64url")).toBe(jwk.e);
      }
    }
  });

  it("signature algorithm, key usage, EKU, basic constraints, key ids as openssl prints them", () => {
    for (const name of all()) {
      const j = info(name), text = pki.text(c(name));
      expect(text, name).toContain(`Signature Algorithm: ${SigAlgName[j.sigAlg]}`);
      const ku = /X509v3 Key Usage:.*\n\s*(.*)\n/.exec(text)?.[1];
      const kuNames = ["Digital Signature", "Non Repudiation", "Key Encipherment", "Data Encipherment",
        "Key Agreement", "Certificate Sign", "CRL Sign", "Encipher Only", "Decipher Only"];
      if (ku === undefined) expect(j.keyUsage, name).toBe(-1);
      else expect(kuNames.filter((_, i) => (j.keyUsage >> i) & 1).join(", "), name).toBe(ku.trim());
      const eku = /X509v3 Extended Key Usage:.*\n\s*(.*)\n/.exec(text)?.[1];
      if (eku === undefined) expect(j.eku, name).toBe(-1);
      else {
        const want = (eku.includes("TLS Web Server") ? 1 : 0) | (eku.includes("TLS Web Client") ? 2 : 0);
        expect(j.eku, name).toBe(want);
      }
      const bc = /X509v3 Basic Constraints:.*\n\s*(.*)\n/.exec(text)?.[1];
      expect(j.basicConstraints, name).toBe(bc !== undefined);
      const pl = bc ? /pathlen:(\d+)/.exec(bc) : null;
      expect(j.pathLen, name).toBe(pl ? Number(pl[1]) : -1);
      const hexColons = (h: string) => h.toUpperCase().match(/../g)?.join(":") ?? "";
      const ski = /X509v3 Subject Key Identifier:.*\n\s*(.*)\n/.exec(text)?.[1];
      expect(hexColons(j.ski), name).toBe(ski?.trim() ?? "");
      const aki = /X509v3 Authority Key Identifier:.*\n\s*(?:keyid:)?([0-9A-F]{2}(?::[0-9A-F]{2})+)/.exec(text)?.[1];
      expect(hexColons(j.aki), name).toBe(aki?.trim() ?? "");
      if (j.sigAlg === 5) {
        expect(text, name).toContain(`Hash Algorithm: ${HashName[j.sigHash]}`);
        expect(text, name).toContain(`Mask Algorithm: mgf1 with ${HashName[j.sigHash]}`);
        expect(text, name).toContain(`Salt Length: 0x${j.pssSaltLen.toString(16).toUpperCase()}`);
      }
    }
  });

  it("tbsCertificate and signature as extracted verify with node:crypto under the issuer's key", () => {
    for (const name of all()) {
      const cert = c(name), j = info(name);
      const issuer = [...pki.certs.values()].find((i) => i.x509.subject === cert.x509.issuer && cert.x509.verify(i.x509.publicKey));
      expect(issuer, name).toBeDefined();
      const key = issuer!.x509.publicKey;
      const tbs = Buffer.from(j.tbs, "hex"), sig = Buffer.from(j.signature, "hex");
      const alg = j.sigAlg === 9 ? null : HashName[j.sigHash];
      const opts = j.sigAlg === 5 ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: j.pssSaltLen } : key;
      expect(nodeVerify(alg, tbs, opts, sig), name).toBe(true);
      tbs[tbs.length - 1] ^= 1;
      expect(nodeVerify(alg, tbs, opts, sig), name).toBe(false);
    }
  });

  it("an unknown critical extension makes the certificate unusable (RFC 5280 §4.2)", () => {
    expect(info("leaf-critical").err).toBe(2);
    expect(validate(["leaf-critical"], ["root-ec"], "crit.example.test").err).toBe(CertErr.UnknownCriticalExtension);
  });
});

describe("path validation (RFC 5280 §6)", () => {
  it("Ed25519 root → Ed25519 leaf", () => {
    expect(validate(["leaf-ed"], ["root-ed"], "ed.example.test")).toEqual({ err: CertErr.Ok, path: [0, -1] });
  });
  it("RSA root → leaves signed with RSASSA-PSS, sha1WithRSA and sha512WithRSA", () => {
    for (const n of ["pss", "sha1", "sha512"]) {
      expect(validate([`leaf-${n}`], ["root-rsa"], `${n}.example.test`), n).toEqual({ err: CertErr.Ok, path: [0, -1] });
    }
  });
  it("RSA root → P-256 intermediate as the end of a path", () => {
    expect(validate(["inter-ec"], ["root-rsa"], "", Purpose.ANY)).toEqual({ err: CertErr.Ok, path: [0, -1] });
  });
  it("a trusted root not in the path's issuer chain gives UnknownIssuer", () => {
    expect(validate(["leaf-ed"], ["root-rsa", "root-ec"], "ed.example.test").err).toBe(CertErr.UnknownIssuer);
    expect(validate(["leaf-pss"], [], "pss.example.test").err).toBe(CertErr.UnknownIssuer);
  });
  it("a leaf whose signature is altered gives BadSignature", () => {
    for (const name of ["leaf-ed", "leaf-pss", "leaf-sha1"]) {
      const der = Uint8Array.from(c(name).der);
      der[der.length - 5] ^= 0x40; // inside the signature BIT STRING (it ends the certificate)
      const root = name === "leaf-ed" ? "root-ed" : "root-rsa";
      const r: Int32Array = x.validate(frame([der]), frame([c(root).der]), now(), "", Purpose.ANY);
      expect(r[0], name).toBe(CertErr.BadSignature);
    }
  });
  it("a root outside its validity fails the path", () => {
    const j = info("root-ed");
    const after = BigInt(j.notAfter) + 1n;
    // the leaf outlives nothing here: a year's leaf under a ten-year root, checked after the root ends
    expect(validate(["leaf-ed"], ["root-ed"], "", Purpose.ANY, after).err).toBe(CertErr.Expired);
  });
  it("the validity window is inclusive at both ends (RFC 5280 §4.1.2.5)", () => {
    const j = info("leaf-ed");
    expect(validate(["leaf-ed"], ["root-ed"], "", Purpose.ANY, BigInt(j.notBefore)).err).toBe(CertErr.Ok);
    expect(validate(["leaf-ed"], ["root-ed"], "", Purpose.ANY, BigInt(j.notAfter)).err).toBe(CertErr.Ok);
    expect(validate(["leaf-ed"], ["root-ed"], "", Purpose.ANY, BigInt(j.notBefore) - 1n).err).toBe(CertErr.NotYetValid);
    expect(validate(["leaf-ed"], ["root-ed"], "", Purpose.ANY, BigInt(j.notAfter) + 1n).err).toBe(CertErr.Expired);
  });
  it("a self-signed leaf that is itself trusted validates without a path", () => {
    expect(validate(["root-ed"], ["root-ed"], "", Purpose.ANY)).toEqual({ err: CertErr.Ok, path: [0] });
  });
  it("work is bounded: a bag of self-issued look-alikes ends quickly without a path", () => {
    // 24 self-signed CAs with one name (copies and distinct keys): without a bound, depth-first
    // search over them is exponential. MAX_WORK (64 candidate issuers) ends it.
    const bag = [...Array(12).fill("root-ec"), ...Array(12).fill("root-ec-twin")];
    const t0 = performance.now();
    const r = validate(["leaf-rsa", ...bag], ["root-ed"], "rsa.example.test");
    expect(performance.now() - t0).toBeLessThan(2000);
    expect([CertErr.UnknownIssuer, CertErr.PathTooLong, CertErr.BadSignature]).toContain(r.err);
    // with the real root trusted, the same bag still validates (the leaf's issuer is tried first)
    expect(validate(["leaf-rsa", ...bag], ["root-ec"], "rsa.example.test").err).toBe(CertErr.Ok);
  });
  it("garbage in the chain is Malformed", () => {
    const r: Int32Array = x.validate(frame([Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01])]), frame([c("root-ed").der]), now(), "", 0);
    expect(r[0]).toBe(CertErr.Malformed);
  });
});

describe("chains root → intermediate → leaf (ECDSA P-256 and RSA)", () => {
  const chain = (leaf: string, inter: string[] = ["inter-ec"]) => [leaf, ...inter];
  it("RSA root → P-256 intermediate → P-256 leaf, by DNS name, wildcard and IP", () => {
    for (const host of ["example.test", "Example.TEST.", "a.wild.test", "127.0.0.1", "::1", "2001:db8::7", "[::1]"]) {
      expect(validate(chain("leaf-ec"), ["root-rsa"], host), host).toEqual({ err: CertErr.Ok, path: [0, 1, -1] });
    }
  });
  it("the path is found whatever the order of extra certificates in the chain", () => {
    const r = validate(["leaf-ec", "leaf-ed", "inter-deep", "fake-inter", "root-ec", "inter-ec"], ["root-ed", "root-rsa"], "example.test");
    expect(r).toEqual({ err: CertErr.Ok, path: [0, 5, -1] });
  });
  it("P-256 root → RSA leaf signed with ecdsa-with-SHA384", () => {
    expect(validate(["leaf-rsa"], ["root-ec"], "rsa.example.test")).toEqual({ err: CertErr.Ok, path: [0, -1] });
  });
  it("NameMismatch for other names and addresses", () => {
    for (const host of ["example.org", "wild.test", "a.b.wild.test", "127.0.0.2", "::2", "localhost"]) {
      expect(validate(chain("leaf-ec"), ["root-rsa"], host).err, host).toBe(CertErr.NameMismatch);
    }
  });
  it("UnknownIssuer without the intermediate or without the root", () => {
    expect(validate(["leaf-ec"], ["root-rsa"], "example.test").err).toBe(CertErr.UnknownIssuer);
    expect(validate(chain("leaf-ec"), ["root-ec", "root-ed"], "example.test").err).toBe(CertErr.UnknownIssuer);
  });
  it("a leaf signed by the wrong key (an impostor with the intermediate's name) gives BadSignature", () => {
    expect(validate(chain("leaf-wrongkey"), ["root-rsa"], "example.test").err).toBe(CertErr.BadSignature);
    // …and the impostor itself, once in the chain, is a valid issuer (signed by the root).
    expect(validate(chain("leaf-wrongkey", ["inter-ec", "fake-inter"]), ["root-rsa"], "example.test").err).toBe(CertErr.Ok);
  });
  it("AKI/SKI pick the issuer among same-named certificates (RFC 5280 §4.2.1.1)", () => {
    expect(info("leaf-aki").aki).toBe(info("fake-inter").ski);
    expect(validate(["leaf-aki", "inter-ec"], ["root-rsa"], "example.test").err).toBe(CertErr.UnknownIssuer);
    expect(validate(["leaf-aki", "inter-ec", "fake-inter"], ["root-rsa"], "example.test")).toEqual({ err: CertErr.Ok, path: [0, 2, -1] });
  });
  it("a CA without basicConstraints is NotCa", () => {
    expect(validate(["leaf-nobc", "inter-nobc"], ["root-ec"], "nobc.example.test").err).toBe(CertErr.NotCa);
  });
  it("a CA whose key usage lacks keyCertSign is BadKeyUsage", () => {
    expect(validate(["leaf-nokcs", "inter-nokcs"], ["root-ec"], "nokcs.example.test").err).toBe(CertErr.BadKeyUsage);
  });
  it("a CA below a pathlen:0 intermediate is PathTooLong", () => {
    expect(validate(["leaf-deep", "inter-deep", "inter-ec"], ["root-rsa"], "deep.example.test").err).toBe(CertErr.PathTooLong);
    // the intermediate itself, as an end entity, is fine
    expect(validate(["inter-deep", "inter-ec"], ["root-rsa"], "", Purpose.ANY).err).toBe(CertErr.Ok);
  });
  it("a self-issued rollover CA below a pathlen:0 CA does not count (RFC 5280 §6.1.4 (l))", () => {
    expect(info("inter-roll-b").issuer).toBe(info("inter-roll-b").subject);
    expect(validate(["leaf-roll", "inter-roll-a", "inter-roll-b"], ["root-ec"], "roll.example.test"))
      .toEqual({ err: CertErr.Ok, path: [0, 2, 1, -1] });
  });
  it("expired and not-yet-valid leaves, against node's view of their dates", () => {
    const exp = c("leaf-expired").x509, fut = c("leaf-future").x509;
    expect(Date.parse(exp.validTo)).toBeLessThan(Date.now());
    expect(Date.parse(fut.validFrom)).toBeGreaterThan(Date.now());
    expect(validate(chain("leaf-expired"), ["root-rsa"], "expired.example.test").err).toBe(CertErr.Expired);
    expect(validate(chain("leaf-future"), ["root-rsa"], "future.example.test").err).toBe(CertErr.NotYetValid);
    // inside their windows they validate (the intermediate is then checked at that time too: it is
    // not valid in 2020, so this is Expired/NotYetValid from the intermediate instead)
    const in2020 = BigInt(Date.UTC(2020, 6, 1) / 1000);
    expect(validate(chain("leaf-expired"), ["root-rsa"], "expired.example.test", Purpose.SERVER_AUTH, in2020).err)
      .toBe(CertErr.NotYetValid);
  });
  it("EKU: a clientAuth-only leaf is refused for serverAuth and accepted for clientAuth", () => {
    expect(validate(["leaf-client"], ["root-ec"], "client.example.test", Purpose.SERVER_AUTH).err).toBe(CertErr.BadKeyUsage);
    expect(validate(["leaf-client"], ["root-ec"], "client.example.test", Purpose.CLIENT_AUTH).err).toBe(CertErr.Ok);
    expect(validate(["leaf-ec", "inter-ec"], ["root-rsa"], "example.test", Purpose.CLIENT_AUTH).err).toBe(CertErr.BadKeyUsage);
  });
  it("name constraints on DNS and IP SANs (RFC 5280 §4.2.1.10)", () => {
    expect(info("inter-nc")).toMatchObject({ err: 0 });
    expect(validate(["leaf-nc-ok", "inter-nc"], ["root-ec"], "www.nc.test")).toEqual({ err: CertErr.Ok, path: [0, 1, -1] });
    for (const n of ["outside", "suffix", "excluded", "ip", "ip6"]) {
      expect(validate([`leaf-nc-${n}`, "inter-nc"], ["root-ec"], "").err, n).toBe(CertErr.NameConstraintViolation);
    }
    // A wildcard whose range holds an excluded name is refused. OpenSSL compares "*.nc.test" with
    // "bad.nc.test" as plain strings and accepts it: a deliberate difference.
    expect(validate(["leaf-nc-wild", "inter-nc"], ["root-ec"], "").err).toBe(CertErr.NameConstraintViolation);
    // a directoryName constraint is not enforced here, so the path is refused, not trusted blindly
    expect(validate(["leaf-ncdir", "inter-ncdir"], ["root-ec"], "ncdir.example.test").err).toBe(CertErr.UnknownCriticalExtension);
  });
  it("version 1: a trust anchor, never an intermediate CA", () => {
    expect(info("root-v1").version).toBe(1);
    expect(info("inter-v1").version).toBe(1);
    expect(validate(["leaf-under-v1"], ["root-v1"], "v1.example.test").err).toBe(CertErr.Ok);
    expect(validate(["leaf-v1inter", "inter-v1"], ["root-ec"], "v1i.example.test").err).toBe(CertErr.NotCa);
  });
  it("RSA-3072 issuer with sha384WithRSA and RSASSA-PSS SHA-512 (salt 64)", () => {
    expect(info("leaf-pss512")).toMatchObject({ sigAlg: 5, sigHash: 4, pssSaltLen: 64 });
    expect(validate(["leaf-rsa3072", "inter-rsa3072"], ["root-ec"], "r3.example.test")).toEqual({ err: CertErr.Ok, path: [0, 1, -1] });
    expect(validate(["leaf-pss512", "inter-rsa3072"], ["root-ec"], "pss512.example.test")).toEqual({ err: CertErr.Ok, path: [0, 1, -1] });
  });
  it("a P-384 key is parsed but its signatures are UnsupportedAlgorithm", () => {
    expect(validate(["leaf-under-p384"], ["root-p384"], "u384.example.test").err).toBe(CertErr.UnsupportedAlgorithm);
    // a P-384 leaf key under a P-256 root is fine: only the issuer's key is used here
    expect(validate(["leaf-p384"], ["root-ec"], "p384.example.test").err).toBe(CertErr.Ok);
  });
  it("every result agrees with `openssl verify` on the same files", () => {
    const cases: [string, string[], string, number][] = [
      ["leaf-ec", ["inter-ec"], "root-rsa", CertErr.Ok],
      ["leaf-rsa", [], "root-ec", CertErr.Ok],
      ["leaf-ed", [], "root-ed", CertErr.Ok],
      ["leaf-pss", [], "root-rsa", CertErr.Ok],
      ["leaf-wrongkey", ["inter-ec"], "root-rsa", CertErr.BadSignature],
      ["leaf-nobc", ["inter-nobc"], "root-ec", CertErr.NotCa],
      ["leaf-nokcs", ["inter-nokcs"], "root-ec", CertErr.BadKeyUsage],
      ["leaf-deep", ["inter-deep", "inter-ec"], "root-rsa", CertErr.PathTooLong],
      ["leaf-expired", ["inter-ec"], "root-rsa", CertErr.Expired],
      ["leaf-future", ["inter-ec"], "root-rsa", CertErr.NotYetValid],
      ["leaf-ec", [], "root-rsa", CertErr.UnknownIssuer],
      ["leaf-under-v1", [], "root-v1", CertErr.Ok],
      ["leaf-v1inter", ["inter-v1"], "root-ec", CertErr.NotCa],
      ["leaf-rsa3072", ["inter-rsa3072"], "root-ec", CertErr.Ok],
      ["leaf-pss512", ["inter-rsa3072"], "root-ec", CertErr.Ok],
      ["leaf-roll", ["inter-roll-b", "inter-roll-a"], "root-ec", CertErr.Ok],
      ["leaf-nc-ok", ["inter-nc"], "root-ec", CertErr.Ok],
      ["leaf-nc-outside", ["inter-nc"], "root-ec", CertErr.NameConstraintViolation],
      ["leaf-nc-suffix", ["inter-nc"], "root-ec", CertErr.NameConstraintViolation],
      ["leaf-nc-excluded", ["inter-nc"], "root-ec", CertErr.NameConstraintViolation],
      ["leaf-nc-ip", ["inter-nc"], "root-ec", CertErr.NameConstraintViolation],
      ["leaf-nc-ip6", ["inter-nc"], "root-ec", CertErr.NameConstraintViolation],
    ];
    for (const [leaf, inters, root, want] of cases) {
      // Not -x509_strict: that refuses version 1 trust anchors, which RFC 5280 §6.1.1 (d) allows.
      const args = ["verify", "-purpose", "sslserver", "-CAfile", c(root).pem];
      if (inters.length) {
        const bundle = `${pki.dir}/${leaf}-untrusted.pem`;
        writeFileSync(bundle, inters.map((n) => readFileSync(c(n).pem, "utf8")).join(""));
        args.push("-untrusted", bundle);
      }
      args.push(c(leaf).pem);
      let ok = true;
      try { pki.openssl(args); } catch { ok = false; }
      expect(ok, leaf).toBe(want === CertErr.Ok);
      expect(validate([leaf, ...inters], [root], "").err, leaf).toBe(want);
    }
  });
});

describe("a chain as a real TLS peer sends it", () => {
  it("node's TLS server on 127.0.0.1 sends leaf + intermediate; we validate what arrived", async () => {
    const pem = (n: string) => readFileSync(c(n).pem, "utf8");
    const server = tlsServer({ key: readFileSync(c("leaf-ec").key), cert: pem("leaf-ec") + pem("inter-ec") }, (s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const chain = await new Promise<Uint8Array[]>((resolve, reject) => {
        const sock = tlsConnect({ host: "127.0.0.1", port, servername: "example.test", rejectUnauthorized: false }, () => {
          const out: Uint8Array[] = [];
          const seen = new Set<string>();
          for (let p: DetailedPeerCertificate | undefined = sock.getPeerCertificate(true); p?.raw && !seen.has(p.fingerprint256);
            p = p.issuerCertificate) {
            seen.add(p.fingerprint256);
            out.push(new Uint8Array(p.raw));
          }
          sock.end();
          resolve(out);
        });
        sock.on("error", reject);
        sock.setTimeout(5000, () => reject(new Error("TLS timeout")));
      });
      expect(chain.length).toBe(2);
      const r: Int32Array = x.validate(frame(chain), frame([c("root-rsa").der]), now(), "example.test", Purpose.SERVER_AUTH);
      expect([...r]).toEqual([CertErr.Ok, 0, 1, -1]);
      const wrongName: Int32Array = x.validate(frame(chain), frame([c("root-rsa").der]), now(), "example.org", Purpose.SERVER_AUTH);
      expect(wrongName[0]).toBe(CertErr.NameMismatch);
    } finally {
      server.close();
    }
  });
});

describe("host names (RFC 6125 §6.4) and IP addresses against SANs", () => {
  const dns = ["example.test", "*.wild.test", "Mixed.Case.Test"].join("\n");
  const ips = frame([Uint8Array.from([127, 0, 0, 1]), Uint8Array.from(Buffer.from("20010db8000000000000000000000007", "hex"))]);
  it.each([
    ["example.test", true], ["EXAMPLE.test", true], ["example.test.", true], ["mixed.case.test", true],
    ["a.wild.test", true], ["A-b.Wild.Test", true], ["wild.test", false], ["a.b.wild.test", false],
    [".wild.test", false], ["example.tes", false], ["xexample.test", false], ["", false],
    ["127.0.0.1", true], ["127.0.0.2", false], ["2001:db8::7", true], ["[2001:db8::7]", true],
    ["2001:DB8:0:0:0:0:0:7", true], ["2001:db8::8", false], ["::ffff:127.0.0.1", false], ["127.000.0.1", false],
  ])("%s -> %s", (host, want) => {
    expect(x.hostMatches(dns, ips, host)).toBe(want);
  });
  it("wildcards only as the whole left-most label, never over a public suffix alone", () => {
    expect(x.hostMatches("*.com", frame([]), "example.com")).toBe(false);
    expect(x.hostMatches("f*.example.test", frame([]), "foo.example.test")).toBe(false);
    expect(x.hostMatches("a.*.example.test", frame([]), "a.b.example.test")).toBe(false);
    expect(x.hostMatches("*", frame([]), "localhost")).toBe(false);
    expect(x.hostMatches("*.*.test", frame([]), "a.b.test")).toBe(false);
  });
  it("agrees with OpenSSL's X509_check_host (node checkHost) on ~1 000 generated names", () => {
    // Three deliberate differences are left out: one trailing dot (an absolute name) matches here
    // and not in OpenSSL; OpenSSL's own ".example.test" subdomain form is not RFC 6125; and a
    // host name holding '*' matches nothing here (OpenSSL matches "*.wild.test" to itself).
    const leaf = c("leaf-ec"), dnsList = info("leaf-ec").dns.join("\n");
    const labels = ["a", "wild", "test", "example", "EXAMPLE", "x-y", "xn--bcher-kva", "Wild", "exa", "wild-", "1"];
    let n = 0;
    for (const a of labels) for (const b of labels) for (const tld of ["test", "TEST", "tes", ""]) {
      for (const host of [[a, b, tld], [a, a, b, tld]].map((l) => l.filter(Boolean).join("."))) {
        expect(x.hostMatches(dnsList, frame([]), host), host).toBe(leaf.x509.checkHost(host) !== undefined);
        n++;
      }
    }
    expect(n).toBeGreaterThan(900);
    expect(x.hostMatches(dnsList, frame([]), "*.wild.test")).toBe(false);
    expect(leaf.x509.checkHost("*.wild.test")).toBe("*.wild.test");
  });
  it("an IP literal never matches a DNS SAN, nor a name an IP SAN", () => {
    expect(x.hostMatches("127.0.0.1", frame([]), "127.0.0.1")).toBe(false);
    expect(x.hostMatches("", frame([Uint8Array.from([127, 0, 0, 1])]), "localhost")).toBe(false);
  });
  it("IPv6 text forms parse as node's net module reads them", async () => {
    const { isIPv6 } = await import("node:net");
    for (const s of ["::", "::1", "1::", "1:2:3:4:5:6:7:8", "1::8", "::ffff:10.0.0.1", "fe80::1:2", "1:2:3:4:5:6:1.2.3.4",
      ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "1:2:3:4:5:6:7", "::1.2.3", "1:", ":1", "g::"]) {
      expect(x.ipParse(s).length === 16, s).toBe(isIPv6(s));
    }
  });
});

describe("TLS signature schemes with a certificate's key (RFC 8446 §4.2.3)", () => {
  const S = {
    rsa_pkcs1_sha1: 0x0201, rsa_pkcs1_sha256: 0x0401, rsa_pkcs1_sha384: 0x0501, rsa_pkcs1_sha512: 0x0601,
    ecdsa_secp256r1_sha256: 0x0403, rsa_pss_rsae_sha256: 0x0804, rsa_pss_rsae_sha384: 0x0805,
    rsa_pss_rsae_sha512: 0x0806, ed25519: 0x0807, rsa_pss_pss_sha256: 0x0809, rsa_pss_pss_sha384: 0x080a,
    rsa_pss_pss_sha512: 0x080b,
  };
  type Case = [cert: string, scheme: keyof typeof S, hash: string | null, pss: boolean];
  const cases: Case[] = [
    ["leaf-ec", "ecdsa_secp256r1_sha256", "sha256", false],
    ["leaf-ed", "ed25519", null, false],
    ["leaf-rsa", "rsa_pkcs1_sha1", "sha1", false],
    ["leaf-rsa", "rsa_pkcs1_sha256", "sha256", false],
    ["leaf-rsa", "rsa_pkcs1_sha384", "sha384", false],
    ["leaf-rsa", "rsa_pkcs1_sha512", "sha512", false],
    ["leaf-rsa", "rsa_pss_rsae_sha256", "sha256", true],
    ["leaf-rsa", "rsa_pss_rsae_sha384", "sha384", true],
    ["leaf-rsa", "rsa_pss_rsae_sha512", "sha512", true],
    ["leaf-rsapss", "rsa_pss_pss_sha256", "sha256", true],
  ];
  it.each(cases)("%s signs %s with node:crypto; we verify, and refuse a flipped bit", (cert, scheme, hash, pss) => {
    const key = createPrivateKey(readFileSync(c(cert).key));
    const der = c(cert).der;
    for (let i = 0; i < 8; i++) {
      const msg = randomBytes(1 + i * 37);
      const opts = pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : key;
      const sig = new Uint8Array(nodeSign(hash, msg, opts));
      expect(x.verifyScheme(der, S[scheme], msg, sig), `${scheme} #${i}`).toBe(CertErr.Ok);
      sig[i % sig.length] ^= 0x10;
      expect(x.verifyScheme(der, S[scheme], msg, sig)).toBe(CertErr.BadSignature);
    }
  });
  it("a scheme the key cannot make is BadSignature; an unknown scheme is UnsupportedAlgorithm", () => {
    const msg = randomBytes(32);
    const sig = new Uint8Array(nodeSign("sha256", msg, createPrivateKey(readFileSync(c("leaf-rsa").key))));
    expect(x.verifyScheme(c("leaf-rsa").der, S.ecdsa_secp256r1_sha256, msg, sig)).toBe(CertErr.BadSignature);
    expect(x.verifyScheme(c("leaf-ec").der, S.rsa_pkcs1_sha256, msg, sig)).toBe(CertErr.BadSignature);
    expect(x.verifyScheme(c("leaf-rsa").der, S.rsa_pss_pss_sha256, msg, sig)).toBe(CertErr.BadSignature);
    expect(x.verifyScheme(c("leaf-rsapss").der, S.rsa_pkcs1_sha256, msg, sig)).toBe(CertErr.BadSignature);
    expect(x.verifyScheme(c("leaf-rsa").der, 0x0503 /* ecdsa_secp384r1_sha384 */, msg, sig)).toBe(CertErr.UnsupportedAlgorithm);
  });
});

describe("CertErr → TLS alert (RFC 8446 §6.2), total", () => {
  it("every CertErr has an alert and a name; nothing past the last one", () => {
    const n = Object.keys(CertErr).length;
    const t: Int32Array = x.certErrTable(n + 1);
    const alert = (e: number) => t[2 * e];
    expect(alert(CertErr.Ok)).toBe(0);
    for (let e = 1; e < n; e++) {
      expect([42, 43, 45, 48], `CertErr ${e}`).toContain(alert(e));
      expect(t[2 * e + 1], `name of ${e}`).toBeGreaterThan(0);
    }
    expect(alert(n)).toBe(255);
    expect(alert(CertErr.Expired)).toBe(45); // certificate_expired
    expect(alert(CertErr.UnknownIssuer)).toBe(48); // unknown_ca
    expect(alert(CertErr.UnsupportedAlgorithm)).toBe(43); // unsupported_certificate
  });
});
