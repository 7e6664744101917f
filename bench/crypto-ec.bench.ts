// Elliptic-curve benchmark: X25519 and P-256 ECDH shared-secret operations per second against
// node:crypto (OpenSSL) in the same run (goal: >= 0.25x Node's each), plus Ed25519 and ECDSA P-256
// sign/verify for information. Every loop is bounded by time (5 slices of ~0.2 s of CPU per side).
import crypto from "node:crypto";
import { instantiateCore } from "../host/node/wasm.ts";

const SLICE_MS = 200;
const ROUNDS = 5;

/** CPU milliseconds of this process: both sides run synchronously on this thread, so time spent
 * descheduled by other processes on a shared machine counts for neither. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function opsPerSec(fn: () => unknown): number {
  let n = 0;
  const t0 = cpuMs();
  let t = t0;
  while (t - t0 < SLICE_MS) {
    for (let i = 0; i < 10; i++) fn();
    n += 10;
    t = cpuMs();
  }
  return (n * 1000) / (t - t0);
}

/** Best of ROUNDS slices for each side, the sides alternating. */
function pair(ours: () => unknown, node: () => unknown): [number, number] {
  for (let i = 0; i < 5; i++) { ours(); node(); } // warm up
  let a = 0, b = 0;
  for (let r = 0; r < ROUNDS; r++) {
    a = Math.max(a, opsPerSec(ours));
    b = Math.max(b, opsPerSec(node));
  }
  return [a, b];
}

function row(name: string, [ours, node]: [number, number], goal?: number): void {
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
  row("X25519 shared secret", pair(() => ec.x25519(xaPriv, xbPub),
    () => crypto.diffieHellman({ privateKey: xa.privateKey, publicKey: xb.publicKey })), 0.25);

  // P-256 ECDH: validate the peer key and compute the shared secret
  const ea = crypto.createECDH("prime256v1"); ea.generateKeys();
  const eb = crypto.createECDH("prime256v1"); eb.generateKeys();
  const eaPriv = Uint8Array.from(Buffer.from(ea.getPrivateKey("hex").padStart(64, "0"), "hex"));
  const ebPub = eb.getPublicKey();
  row("P-256 ECDH", pair(() => ec.p256Ecdh(eaPriv, ebPub), () => ea.computeSecret(ebPub)), 0.25);

  // Ed25519 sign / verify (64-byte message)
  const msg = crypto.randomBytes(64);
  const seed = crypto.randomBytes(32);
  const edKey = crypto.createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]), format: "der", type: "pkcs8" });
  const edPubKey = crypto.createPublicKey(edKey);
  const edPub = ec.ed25519PublicKey(seed);
  const edSig = ec.ed25519Sign(seed, msg);
  row("Ed25519 sign", pair(() => ec.ed25519Sign(seed, msg), () => crypto.sign(null, msg, edKey)));
  row("Ed25519 verify", pair(() => ec.ed25519Verify(edPub, msg, edSig), () => crypto.verify(null, msg, edPubKey, edSig)));

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
  row("ECDSA P-256 sign", pair(() => ec.ecdsaP256Sign(d, h, entropy), () => crypto.sign("sha256", msg, privateKey)));
  row("ECDSA P-256 verify", pair(() => ec.ecdsaP256Verify(pub, h, r, s), () => crypto.verify("sha256", msg, publicKey, nodeSig)));
}
