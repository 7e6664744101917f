// Elliptic-curve benchmark: X25519 and P-256 ECDH shared-secret operations per second against
// node:crypto (OpenSSL) in the same run (goal: >= 0.25x Node's each), plus Ed25519 and ECDSA P-256
// sign/verify for information. Every loop is bounded by time (~0.6 s per figure).
import crypto from "node:crypto";
import { instantiateCore } from "../host/node/wasm.ts";

const SLICE_MS = 600;

function opsPerSec(fn: () => unknown): number {
  for (let i = 0; i < 5; i++) fn(); // warm up
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < SLICE_MS) {
    for (let i = 0; i < 10; i++) fn();
    n += 10;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}

function row(name: string, ours: number, node: number, goal?: number): void {
  const ratio = ours / node;
  const verdict = goal === undefined ? "" : ratio >= goal ? `  (goal >= ${goal}x: met)` : `  (goal >= ${goal}x: NOT met)`;
  console.log(`${name.padEnd(22)} wasock ${ours.toFixed(0).padStart(7)} op/s   node ${node.toFixed(0).padStart(7)} op/s   ratio ${ratio.toFixed(2)}x${verdict}`);
}

export default async function (): Promise<void> {
  const ec: any = await instantiateCore("test/crypto-ec");

  // X25519: one shared-secret computation per operation
  const xa = crypto.generateKeyPairSync("x25519"), xb = crypto.generateKeyPairSync("x25519");
  const xaPriv = xa.privateKey.export({ format: "der", type: "pkcs8" }).subarray(16);
  const xbPub = xb.publicKey.export({ format: "der", type: "spki" }).subarray(12);
  row("X25519 shared secret", opsPerSec(() => ec.x25519(xaPriv, xbPub)),
    opsPerSec(() => crypto.diffieHellman({ privateKey: xa.privateKey, publicKey: xb.publicKey })), 0.25);

  // P-256 ECDH: validate the peer key and compute the shared secret
  const ea = crypto.createECDH("prime256v1"); ea.generateKeys();
  const eb = crypto.createECDH("prime256v1"); eb.generateKeys();
  const eaPriv = Uint8Array.from(Buffer.from(ea.getPrivateKey("hex").padStart(64, "0"), "hex"));
  const ebPub = eb.getPublicKey();
  row("P-256 ECDH", opsPerSec(() => ec.p256Ecdh(eaPriv, ebPub)), opsPerSec(() => ea.computeSecret(ebPub)), 0.25);

  // Ed25519 sign / verify (64-byte message)
  const msg = crypto.randomBytes(64);
  const seed = crypto.randomBytes(32);
  const edKey = crypto.createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]), format: "der", type: "pkcs8" });
  const edPubKey = crypto.createPublicKey(edKey);
  const edPub = ec.ed25519PublicKey(seed);
  const edSig = ec.ed25519Sign(seed, msg);
  row("Ed25519 sign", opsPerSec(() => ec.ed25519Sign(seed, msg)), opsPerSec(() => crypto.sign(null, msg, edKey)));
  row("Ed25519 verify", opsPerSec(() => ec.ed25519Verify(edPub, msg, edSig)), opsPerSec(() => crypto.verify(null, msg, edPubKey, edSig)));

  // ECDSA P-256 / SHA-256 sign / verify (node hashes the 64-byte message itself; we take the hash)
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" }) as crypto.JsonWebKey;
  const d = Buffer.from(jwk.d!, "base64url");
  const pub = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, "base64url"), Buffer.from(jwk.y!, "base64url")]);
  const h = crypto.createHash("sha256").update(msg).digest();
  const entropy = crypto.randomBytes(32);
  const sig = ec.ecdsaP256Sign(d, h, entropy);
  const r = sig.subarray(0, 32), s = sig.subarray(32);
  const nodeSig = crypto.sign("sha256", msg, privateKey);
  row("ECDSA P-256 sign", opsPerSec(() => ec.ecdsaP256Sign(d, h, entropy)), opsPerSec(() => crypto.sign("sha256", msg, privateKey)));
  row("ECDSA P-256 verify", opsPerSec(() => ec.ecdsaP256Verify(pub, h, r, s)), opsPerSec(() => crypto.verify("sha256", msg, publicKey, nodeSig)));
}
