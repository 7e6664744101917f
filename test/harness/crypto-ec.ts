// Test harness for the elliptic-curve primitives (assembly/tls/crypto: field25519, x25519,
// ed25519, p256, ecdsa): re-exports them to vitest.
export { x25519, x25519Base } from "../../assembly/tls/crypto/x25519";
export { ed25519PublicKey, ed25519Sign, ed25519Verify } from "../../assembly/tls/crypto/ed25519";
export { p256PublicKey, p256Ecdh } from "../../assembly/tls/crypto/p256";

// Field-level probes, checked against BigInt arithmetic in the tests.
import {
  fpNew, fpFromBytes, fpToBytes, fpMul, fpSq, fpAdd, fpSub, fpInvert, fpMulK, fpSubK, fpSub2, fpAddLazy, fpSubLazy,
} from "../../assembly/tls/crypto/p256-field";

/** op: 0 mul, 1 sq (of a), 2 add, 3 sub, 4 invert (of a), 5 8a, 6 a - 8b, 7 a - 2b (sub2),
 *  8 (a + b)(a - b) and 9 (a - b)^2 with lazy sums; a, b 32-byte big-endian below p. */
export function p256FieldOp(op: i32, a: Uint8Array, b: Uint8Array): Uint8Array {
  const fa = fpNew(), fb = fpNew(), r = fpNew();
  const out = new Uint8Array(32);
  if (a.length != 32 || b.length != 32 || !fpFromBytes(fa, a, 0) || !fpFromBytes(fb, b, 0)) return new Uint8Array(0);
  if (op == 0) fpMul(r, fa, fb);
  else if (op == 1) fpSq(r, fa);
  else if (op == 2) fpAdd(r, fa, fb);
  else if (op == 3) fpSub(r, fa, fb);
  else if (op == 4) fpInvert(r, fa);
  else if (op == 5) fpMulK(r, fa, 8);
  else if (op == 6) fpSubK(r, fa, fb, 8);
  else if (op == 7) fpSub2(r, fa, fb, fb);
  else if (op == 8) { const u = fpNew(), v = fpNew(); fpAddLazy(u, fa, fb); fpSubLazy(v, fa, fb); fpMul(r, u, v); }
  else { const v = fpNew(); fpSubLazy(v, fa, fb); fpSq(r, v); }
  fpToBytes(out, 0, r);
  return out;
}
export { ecdsaP256Sign, ecdsaP256Verify, ecdsaSigFromDer, ecdsaSigToDer } from "../../assembly/tls/crypto/ecdsa";

