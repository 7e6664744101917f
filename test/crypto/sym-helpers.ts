// Shared helpers for the symmetric-crypto tests (test/crypto/sym*.test.ts).
export const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
export const unhex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ""), "hex"));
export const ascii = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

/** Deterministic pseudo-random test data (xorshift32), so a failure can be replayed. */
export function prng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  return {
    next,
    bytes(n: number) { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = next() & 0xff; return b; },
    below(n: number) { return next() % n; },
  };
}
