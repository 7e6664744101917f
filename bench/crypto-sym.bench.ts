// Symmetric crypto throughput on 16 KiB records, wasm (in-wasm loop over a record already in wasm
// memory, sealed in place) side by side with node:crypto (OpenSSL) in the same run.
// Runs the harness both as the project builds it and rebuilt with wasm SIMD enabled.
import { createCipheriv, createHash } from "node:crypto";
import { loadSym } from "../test/crypto/sym-helpers.ts";

const LEN = 16 * 1024;
const BUDGET_MS = 1500; // per measurement

function rate(fn: (n: number) => void): number {
  fn(4); // warm up
  let n = 8;
  for (;;) {
    const t0 = performance.now();
    fn(n);
    const dt = performance.now() - t0;
    if (dt > BUDGET_MS / 3 || n >= 1 << 16) return (n * LEN) / (dt / 1000) / 1e6; // MB/s
    n *= 2;
  }
}
function best(fn: (n: number) => void): number {
  return Math.max(rate(fn), rate(fn));
}

export default async function main(): Promise<void> {
  const key = Buffer.alloc(32, 7), nonce = Buffer.alloc(12, 1), aad = Buffer.alloc(13), pt = Buffer.alloc(LEN, 0x5a);
  const node = {
    chacha: best((n) => {
      for (let i = 0; i < n; i++) {
        const c = createCipheriv("chacha20-poly1305", key, nonce, { authTagLength: 16 });
        c.setAAD(aad); c.update(pt); c.final(); c.getAuthTag();
      }
    }),
    gcm: best((n) => {
      for (let i = 0; i < n; i++) {
        const c = createCipheriv("aes-128-gcm", key.subarray(0, 16), nonce);
        c.setAAD(aad); c.update(pt); c.final(); c.getAuthTag();
      }
    }),
    sha: best((n) => { for (let i = 0; i < n; i++) createHash("sha256").update(pt).digest(); }),
  };
  const goals = { chacha: 0.5, gcm: 0.15, sha: 0.3 };
  const names = { chacha: "ChaCha20-Poly1305 seal", gcm: "AES-128-GCM seal", sha: "SHA-256" };
  for (const simd of [false, true]) {
    const w = await loadSym(simd);
    const wasm = {
      chacha: best((n) => w.benchChachaSeal(n, LEN)),
      gcm: best((n) => w.benchGcmSeal(n, LEN)),
      sha: best((n) => w.benchSha256(n, LEN)),
    };
    console.log(`\nwasm build: ${simd ? "--enable simd" : "default (asconfig.json)"}; 16 KiB records; MB/s`);
    console.log("primitive                  wasm      node   ratio   goal");
    for (const k of ["chacha", "gcm", "sha"] as const) {
      const r = wasm[k] / node[k];
      console.log(`${names[k].padEnd(24)} ${wasm[k].toFixed(0).padStart(6)} ${node[k].toFixed(0).padStart(9)} ${r.toFixed(2).padStart(7)}x  ${goals[k]}x ${r >= goals[k] ? "met" : "NOT met"}`);
    }
  }
}
