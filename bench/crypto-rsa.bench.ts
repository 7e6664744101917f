// RSA-2048 (and 3072/4096) PSS sign and PSS / PKCS#1 v1.5 verify per second: wasock's
// assembly/tls/crypto/rsa.ts (through the test harness entry) beside node:crypto (OpenSSL) in the
// same run. Messages are 64 bytes; node hashes them, the wasm side gets the SHA-256 digest (hashing
// 64 bytes is noise next to a modular exponentiation). The two sides alternate in 5 rounds of
// ~0.25 s each and each keeps its best round, so a busy shared machine skews the ratio less.
import { constants, createHash, generateKeyPairSync, randomBytes, sign, verify } from "node:crypto";
import { instantiateCore } from "../host/node/wasm.ts";
// @ts-expect-error: plain ESM build script without types
import { build } from "../scripts/build.mjs";

function rate(fn: () => void, ms = 800, max = 200_000): number {
  for (let i = 0; i < 3; i++) fn(); // warm up
  const t0 = performance.now();
  let n = 0;
  while (n < max && performance.now() - t0 < ms) { fn(); n++; }
  return n / ((performance.now() - t0) / 1000);
}

const fmt = (x: number) => x.toFixed(0).padStart(9);

export default async function (): Promise<void> {
  await build(["test/crypto-rsa"]);
  const w: any = await instantiateCore("test/crypto-rsa");
  const msg = randomBytes(64);
  const mh = Uint8Array.from(createHash("sha256").update(msg).digest());
  console.log("operation                       wasock/s    node/s   ratio");
  for (const bits of [2048, 3072, 4096]) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
    const jwk = publicKey.export({ format: "jwk" });
    const n = Uint8Array.from(Buffer.from(jwk.n!, "base64url"));
    const e = Uint8Array.from(Buffer.from(jwk.e!, "base64url"));
    const h = w.keyFromPkcs1(privateKey.export({ type: "pkcs1", format: "der" }));
    const pssPriv = { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    const pssPub = { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    const salt = randomBytes(32), ent = randomBytes(32);
    const sigPss = Uint8Array.from(sign("sha256", msg, pssPriv));
    const sigV15 = Uint8Array.from(sign("sha256", msg, privateKey));
    // Sanity: both sides agree before anything is timed.
    if (!w.pssVerify(n, e, 2, mh, sigPss, 32) || !w.pkcs1Verify(n, e, 2, mh, sigV15)) throw new Error("verify mismatch");
    if (!verify("sha256", msg, pssPub, w.pssSign(h, 2, mh, salt, ent))) throw new Error("sign mismatch");
    const rows: [string, () => void, () => void][] = [
      [`RSA-${bits} PSS verify`, () => w.pssVerify(n, e, 2, mh, sigPss, 32), () => verify("sha256", msg, pssPub, sigPss)],
      [`RSA-${bits} PKCS#1 v1.5 verify`, () => w.pkcs1Verify(n, e, 2, mh, sigV15), () => verify("sha256", msg, publicKey, sigV15)],
      [`RSA-${bits} PSS sign`, () => w.pssSign(h, 2, mh, salt, ent), () => sign("sha256", msg, pssPriv)],
    ];
    for (const [name, ours, theirs] of rows) {
      let a = 0, b = 0;
      for (let round = 0; round < 5; round++) {
        a = Math.max(a, rate(ours, 250));
        b = Math.max(b, rate(theirs, 250));
      }
      console.log(`${name.padEnd(30)} ${fmt(a)} ${fmt(b)}   ${(a / b).toFixed(2)}x`);
    }
  }
}
