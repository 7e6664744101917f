// Test harness for the elliptic-curve primitives (assembly/tls/crypto: field25519, x25519,
// ed25519, p256, ecdsa): re-exports them to vitest.
export { x25519, x25519Base } from "../../assembly/tls/crypto/x25519";
export { ed25519PublicKey, ed25519Sign, ed25519Verify } from "../../assembly/tls/crypto/ed25519";
