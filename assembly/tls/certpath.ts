// Certificate path validation (RFC 5280 §6, simplified to what a TLS peer needs) and host-name
// matching (RFC 6125 §6.4, §6.4.3 wildcards in the left-most label only; RFC 5280 §4.2.1.6 iPAddress).
//
// Input: the peer's chain as sent in a TLS Certificate message (leaf first, then any
// intermediates in any order), a set of trusted roots, the time in Unix seconds (the host's wall
// clock, passed in: nothing here reads a clock), an expected host name or IP literal, and a
// purpose (serverAuth / clientAuth). The path is built by issuer Name (byte-exact) narrowed by
// AKI/SKI, depth first with backtracking, within a bounded amount of work.
//
// Name constraints are enforced for dNSName and iPAddress subtrees; a directoryName (or other)
// constraint refuses the path. Not done here: revocation (CRL/OCSP), certificate policies (a
// certificate marking them critical is rejected by the parser as an unknown critical extension),
// the Common Name as a host name (RFC 6125 §6.4.4 allows skipping it; only SANs are used), and
// RFC 5280 §7.1 name normalisation (issuer and subject Names must match byte for byte).

import {
  Certificate, Eku, HASH_SHA1, HASH_SHA256, HASH_SHA384, HASH_SHA512, KeyType, KeyUsage, SigAlg, X509Err, bytesEqual,
  parseCertificate,
} from "../wire/x509";
import { hashOf } from "./crypto/sha2";
import { ed25519Verify } from "./crypto/ed25519";
import { ecdsaP256Verify, ecdsaSigFromDer } from "./crypto/ecdsa";
import { RSA_MAX_BITS, RSA_MIN_BITS, rsaPkcs1v15Verify, rsaPssVerify } from "./crypto/rsa";

/** Validation results; certErrAlert() is the one mapping to TLS alerts. */
export enum CertErr {
  Ok = 0,
  Malformed = 1,
  Expired = 2,
  NotYetValid = 3,
  UnknownIssuer = 4,
  BadSignature = 5,
  NotCa = 6,
  PathTooLong = 7,
  NameMismatch = 8,
  BadKeyUsage = 9,
  UnsupportedAlgorithm = 10,
  UnknownCriticalExtension = 11,
  NameConstraintViolation = 12, // a name outside a CA's permitted subtrees or inside its excluded ones
}

// TLS AlertDescription values (RFC 8446 §6.2).
const ALERT_BAD_CERTIFICATE: u8 = 42;
const ALERT_UNSUPPORTED_CERTIFICATE: u8 = 43;
const ALERT_CERTIFICATE_EXPIRED: u8 = 45;
const ALERT_UNKNOWN_CA: u8 = 48;

/** The fatal alert a TLS peer sends for a certificate that failed validation (0 for Ok). */
export function certErrAlert(e: CertErr): u8 {
  switch (e) {
    case CertErr.Ok: return 0;
    case CertErr.Malformed: return ALERT_BAD_CERTIFICATE;
    case CertErr.Expired: return ALERT_CERTIFICATE_EXPIRED;
    case CertErr.NotYetValid: return ALERT_CERTIFICATE_EXPIRED; // no separate alert exists
    case CertErr.UnknownIssuer: return ALERT_UNKNOWN_CA;
    // "contained signatures that did not verify correctly" (a failed CertificateVerify, checked
    // with verifySignatureScheme, is decrypt_error instead: the TLS engine sends that one)
    case CertErr.BadSignature: return ALERT_BAD_CERTIFICATE;
    case CertErr.NotCa: return ALERT_BAD_CERTIFICATE;
    case CertErr.PathTooLong: return ALERT_BAD_CERTIFICATE;
    case CertErr.NameMismatch: return ALERT_BAD_CERTIFICATE;
    case CertErr.BadKeyUsage: return ALERT_UNSUPPORTED_CERTIFICATE;
    case CertErr.UnsupportedAlgorithm: return ALERT_UNSUPPORTED_CERTIFICATE;
    case CertErr.UnknownCriticalExtension: return ALERT_UNSUPPORTED_CERTIFICATE;
    case CertErr.NameConstraintViolation: return ALERT_BAD_CERTIFICATE;
  }
  return 255; // not a CertErr: the totality test fails on this
}

/** Name of a CertErr for traces. */
export function certErrName(e: CertErr): string {
  switch (e) {
    case CertErr.Ok: return "ok";
    case CertErr.Malformed: return "malformed";
    case CertErr.Expired: return "expired";
    case CertErr.NotYetValid: return "not-yet-valid";
    case CertErr.UnknownIssuer: return "unknown-issuer";
    case CertErr.BadSignature: return "bad-signature";
    case CertErr.NotCa: return "not-a-ca";
    case CertErr.PathTooLong: return "path-too-long";
    case CertErr.NameMismatch: return "name-mismatch";
    case CertErr.BadKeyUsage: return "bad-key-usage";
    case CertErr.UnsupportedAlgorithm: return "unsupported-algorithm";
    case CertErr.UnknownCriticalExtension: return "unknown-critical-extension";
    case CertErr.NameConstraintViolation: return "name-constraint-violation";
  }
  return "";
}

export namespace Purpose {
  export const ANY: i32 = 0;
  export const SERVER_AUTH: i32 = 1;
  export const CLIENT_AUTH: i32 = 2;
}

/** Longest path tried: leaf + intermediates + root. */
export const MAX_PATH_LEN: i32 = 10;
/** Candidate issuers examined per validation, so a crafted bag of certificates cannot loop long. */
export const MAX_WORK: i32 = 64;

function parseErr(e: X509Err): CertErr {
  if (e == X509Err.UnknownCriticalExtension) return CertErr.UnknownCriticalExtension;
  return e == X509Err.Ok ? CertErr.Ok : CertErr.Malformed;
}

/** Trusted roots, parsed once. */
export class TrustStore {
  roots: Array<Certificate> = new Array<Certificate>();

  /** Adds a DER root; a root that does not parse is not added and its error returned. */
  add(der: Uint8Array): CertErr {
    const c = new Certificate();
    const e = parseCertificate(der, c);
    if (e != X509Err.Ok) return parseErr(e);
    this.roots.push(c);
    return CertErr.Ok;
  }
}

/** What validation found: the error and, on success, the path from leaf to root. */
export class PathResult {
  err: CertErr = CertErr.Ok;
  path: Array<Certificate> = new Array<Certificate>();
  /** Chain index (0 = leaf) of each path element, -1 for the root from the store. */
  chainIndex: Array<i32> = new Array<i32>();
}

// ---- signature verification ----

/** Does `issuer`'s key verify `subject`'s signature over its tbsCertificate? */
export function verifySignedBy(subject: Certificate, issuer: Certificate): CertErr {
  const alg = subject.sigAlg;
  const kt = issuer.keyType;
  if (alg == SigAlg.UNKNOWN) return CertErr.UnsupportedAlgorithm;
  if (kt == KeyType.UNKNOWN || kt == KeyType.EC_OTHER) return CertErr.UnsupportedAlgorithm;
  if (alg == SigAlg.ED25519) {
    if (kt != KeyType.ED25519) return CertErr.BadSignature;
    return verifyEd25519(issuer.publicKey, subject.tbs, subject.signature);
  }
  const hash = hashOf(subject.sigHash, subject.tbs);
  if (hash.length == 0) return CertErr.UnsupportedAlgorithm;
  if (alg == SigAlg.ECDSA_SHA256 || alg == SigAlg.ECDSA_SHA384 || alg == SigAlg.ECDSA_SHA512) {
    if (kt != KeyType.EC_P256) return CertErr.BadSignature;
    return verifyEcdsaP256(issuer.publicKey, hash, subject.signature);
  }
  if (kt != KeyType.RSA) return CertErr.BadSignature;
  if (alg == SigAlg.RSA_PSS) {
    return verifyRsaPss(issuer.rsaN, issuer.rsaE, subject.sigHash, hash, subject.signature, subject.pssSaltLen);
  }
  return verifyRsaPkcs1(issuer.rsaN, issuer.rsaE, subject.sigHash, hash, subject.signature);
}

function verifyEd25519(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array): CertErr {
  // RFC 8410 §6: the signature is the 64-octet R || S of RFC 8032 (PureEdDSA over tbsCertificate).
  if (sig.length != 64 || pub.length != 32) return CertErr.BadSignature;
  return ed25519Verify(pub, msg, sig) ? CertErr.Ok : CertErr.BadSignature;
}

/**
 * ECDSA over P-256 (RFC 5758 §3.2: the signature is a DER Ecdsa-Sig-Value). A SHA-384/512 digest
 * is cut to its leftmost 256 bits, as FIPS 186-5 §6.4.2 (bits2int with qlen = 256) says.
 */
function verifyEcdsaP256(pub: Uint8Array, hash: Uint8Array, sigDer: Uint8Array): CertErr {
  const rs = ecdsaSigFromDer(sigDer);
  if (rs === null || rs.length != 64) return CertErr.BadSignature;
  const e = hash.length > 32 ? hash.subarray(0, 32) : hash;
  return ecdsaP256Verify(pub, e, rs.subarray(0, 32), rs.subarray(32, 64)) ? CertErr.Ok : CertErr.BadSignature;
}

/** RSASSA-PSS with the salt length the AlgorithmIdentifier declares (RFC 4055 §3.1), nothing else. */
function verifyRsaPss(n: Uint8Array, e: Uint8Array, hashAlg: i32, hash: Uint8Array, sig: Uint8Array, salt: i32): CertErr {
  if (!rsaKeySizeOk(n)) return CertErr.UnsupportedAlgorithm;
  return rsaPssVerify(n, e, hashAlg, hash, sig, salt) ? CertErr.Ok : CertErr.BadSignature;
}

function verifyRsaPkcs1(n: Uint8Array, e: Uint8Array, hashAlg: i32, hash: Uint8Array, sig: Uint8Array): CertErr {
  if (!rsaKeySizeOk(n)) return CertErr.UnsupportedAlgorithm;
  return rsaPkcs1v15Verify(n, e, hashAlg, hash, sig) ? CertErr.Ok : CertErr.BadSignature;
}

/** rsa.ts handles moduli of RSA_MIN_BITS..RSA_MAX_BITS (2048-4096); others are unsupported, not bad. */
function rsaKeySizeOk(n: Uint8Array): bool {
  const len = n.length; // no leading zero octet (x509.ts strips them)
  if (len == 0 || len > (RSA_MAX_BITS >> 3)) return false;
  const bits = (len - 1) * 8 + (32 - clz<i32>(<i32>unchecked(n[0])));
  return bits >= RSA_MIN_BITS && bits <= RSA_MAX_BITS;
}

// ---- TLS SignatureScheme (RFC 8446 §4.2.3) with a certificate's key ----

export namespace SigScheme {
  export const RSA_PKCS1_SHA1: u16 = 0x0201;
  export const RSA_PKCS1_SHA256: u16 = 0x0401;
  export const RSA_PKCS1_SHA384: u16 = 0x0501;
  export const RSA_PKCS1_SHA512: u16 = 0x0601;
  export const ECDSA_SECP256R1_SHA256: u16 = 0x0403;
  export const RSA_PSS_RSAE_SHA256: u16 = 0x0804;
  export const RSA_PSS_RSAE_SHA384: u16 = 0x0805;
  export const RSA_PSS_RSAE_SHA512: u16 = 0x0806;
  export const ED25519: u16 = 0x0807;
  export const RSA_PSS_PSS_SHA256: u16 = 0x0809;
  export const RSA_PSS_PSS_SHA384: u16 = 0x080a;
  export const RSA_PSS_PSS_SHA512: u16 = 0x080b;
}

/**
 * Verifies a TLS signature (CertificateVerify, or a TLS 1.2 ServerKeyExchange) made with the key
 * of `cert` under `scheme` over `msg`. RSASSA-PSS uses a salt as long as the hash (RFC 8446
 * §4.2.3). ECDSA signatures are DER. A scheme the key cannot make is BadSignature; a scheme this
 * code does not know is UnsupportedAlgorithm.
 */
export function verifySignatureScheme(cert: Certificate, scheme: u16, msg: Uint8Array, sig: Uint8Array): CertErr {
  const kt = cert.keyType;
  let hashAlg = 0;
  let kind = 0; // 1 PKCS#1, 2 PSS, 3 ECDSA, 4 Ed25519
  switch (scheme) {
    case SigScheme.RSA_PKCS1_SHA1: hashAlg = HASH_SHA1; kind = 1; break;
    case SigScheme.RSA_PKCS1_SHA256: hashAlg = HASH_SHA256; kind = 1; break;
    case SigScheme.RSA_PKCS1_SHA384: hashAlg = HASH_SHA384; kind = 1; break;
    case SigScheme.RSA_PKCS1_SHA512: hashAlg = HASH_SHA512; kind = 1; break;
    case SigScheme.RSA_PSS_RSAE_SHA256: case SigScheme.RSA_PSS_PSS_SHA256: hashAlg = HASH_SHA256; kind = 2; break;
    case SigScheme.RSA_PSS_RSAE_SHA384: case SigScheme.RSA_PSS_PSS_SHA384: hashAlg = HASH_SHA384; kind = 2; break;
    case SigScheme.RSA_PSS_RSAE_SHA512: case SigScheme.RSA_PSS_PSS_SHA512: hashAlg = HASH_SHA512; kind = 2; break;
    case SigScheme.ECDSA_SECP256R1_SHA256: hashAlg = HASH_SHA256; kind = 3; break;
    case SigScheme.ED25519: kind = 4; break;
    default: return CertErr.UnsupportedAlgorithm;
  }
  if (kind == 4) return kt == KeyType.ED25519 ? verifyEd25519(cert.publicKey, msg, sig) : CertErr.BadSignature;
  const hash = hashOf(hashAlg, msg);
  if (kind == 3) return kt == KeyType.EC_P256 ? verifyEcdsaP256(cert.publicKey, hash, sig) : CertErr.BadSignature;
  if (kt != KeyType.RSA) return CertErr.BadSignature;
  // rsa_pss_pss_* needs an id-RSASSA-PSS key, rsa_pss_rsae_* an rsaEncryption key (RFC 8446 §4.2.3).
  if (kind == 2 && (scheme >= SigScheme.RSA_PSS_PSS_SHA256) != cert.rsaPssKey) return CertErr.BadSignature;
  if (kind == 2) return verifyRsaPss(cert.rsaN, cert.rsaE, hashAlg, hash, sig, hash.length);
  if (cert.rsaPssKey) return CertErr.BadSignature; // a PSS-only key never signs PKCS#1 v1.5
  return verifyRsaPkcs1(cert.rsaN, cert.rsaE, hashAlg, hash, sig);
}

// ---- path building ----

function checkValidity(c: Certificate, now: i64): CertErr {
  if (now < c.notBefore) return CertErr.NotYetValid;
  if (now > c.notAfter) return CertErr.Expired; // RFC 5280 §4.1.2.5: notAfter is inclusive
  return CertErr.Ok;
}

/** Could `issuer` have issued `c`? Name match, and key ids when both are present (RFC 5280 §4.2.1.1). */
function mayHaveIssued(c: Certificate, issuer: Certificate): bool {
  if (!bytesEqual(c.issuer, issuer.subject)) return false;
  const aki = c.aki, ski = issuer.ski;
  if (aki !== null && ski !== null && !bytesEqual(aki, ski)) return false;
  return true;
}

/**
 * Checks `ca` as an issuer in the path, with `below` non-self-issued intermediates between it and
 * the leaf (RFC 5280 §6.1.4 (k) basicConstraints, (l)-(m) path length, (n) keyCertSign).
 */
function checkCa(ca: Certificate, isRoot: bool, below: i32, now: i64): CertErr {
  const v = checkValidity(ca, now);
  if (v != CertErr.Ok) return v;
  if (ca.version == 3 || !isRoot) {
    // A v1/v2 certificate has no basicConstraints: acceptable only as a trust anchor.
    if (!ca.hasBasicConstraints || !ca.isCa) return CertErr.NotCa;
  }
  if (ca.hasKeyUsage && (ca.keyUsage & KeyUsage.KEY_CERT_SIGN) == 0) return CertErr.BadKeyUsage;
  if (ca.pathLen >= 0 && below > ca.pathLen) return CertErr.PathTooLong;
  return CertErr.Ok;
}

/** Keeps the most telling error: any specific failure beats "no issuer found". */
function better(best: CertErr, e: CertErr): CertErr {
  return best == CertErr.UnknownIssuer ? e : best;
}

class Search {
  chain: Array<Certificate> = new Array<Certificate>();
  roots: Array<Certificate> = new Array<Certificate>();
  now: i64 = 0;
  work: i32 = 0;
  path: Array<Certificate> = new Array<Certificate>();
  idx: Array<i32> = new Array<i32>();

  /** Extends the path whose last element is `c`; on Ok, `path` holds the full path. */
  extend(c: Certificate, below: i32): CertErr {
    let best = CertErr.UnknownIssuer;
    const roots = this.roots;
    for (let i = 0; i < roots.length; i++) {
      const r = unchecked(roots[i]);
      if (!mayHaveIssued(c, r)) continue;
      if (++this.work > MAX_WORK) return better(best, CertErr.PathTooLong);
      let e = verifySignedBy(c, r);
      if (e == CertErr.Ok) e = checkCa(r, true, below, this.now);
      if (e == CertErr.Ok) {
        this.path.push(r);
        this.idx.push(-1);
        return CertErr.Ok;
      }
      best = better(best, e);
    }
    const chain = this.chain;
    for (let i = 1; i < chain.length; i++) {
      const ic = unchecked(chain[i]);
      if (!mayHaveIssued(c, ic) || this.inPath(ic)) continue;
      if (++this.work > MAX_WORK) return better(best, CertErr.PathTooLong);
      if (this.path.length + 1 >= MAX_PATH_LEN) { best = better(best, CertErr.PathTooLong); continue; }
      let e = verifySignedBy(c, ic);
      if (e == CertErr.Ok) e = checkCa(ic, false, below, this.now);
      if (e == CertErr.Ok) {
        this.path.push(ic);
        this.idx.push(i);
        // RFC 5280 §6.1.4 (l): self-issued certificates do not count against path lengths.
        e = this.extend(ic, ic.selfIssued ? below : below + 1);
        if (e == CertErr.Ok) return e;
        this.path.pop();
        this.idx.pop();
      }
      best = better(best, e);
    }
    return best;
  }

  /** Already in the path, as this object or as a byte-identical copy (so duplicates cost nothing). */
  inPath(c: Certificate): bool {
    const p = this.path;
    for (let i = 0; i < p.length; i++) {
      const q = unchecked(p[i]);
      if (q === c || bytesEqual(q.raw, c.raw)) return true;
    }
    return false;
  }
}

/**
 * Validates `chain` (DER, leaf first) against `store` at `now` (Unix seconds) for `purpose`, and
 * the leaf against `host` (a DNS name or an IPv4/IPv6 literal; "" skips the name check).
 */
export function validateChain(chain: Array<Uint8Array>, store: TrustStore, now: i64, host: string,
                              purpose: i32, out: PathResult): CertErr {
  out.path = new Array<Certificate>();
  out.chainIndex = new Array<i32>();
  out.err = CertErr.Malformed;
  if (chain.length == 0) return CertErr.Malformed;
  const certs = new Array<Certificate>();
  for (let i = 0; i < chain.length; i++) {
    const c = new Certificate();
    const e = parseErr(parseCertificate(unchecked(chain[i]), c));
    if (e != CertErr.Ok) return (out.err = e);
    certs.push(c);
  }
  const leaf = unchecked(certs[0]);
  let e = checkValidity(leaf, now);
  if (e == CertErr.Ok) e = checkLeafUsage(leaf, purpose);
  if (e != CertErr.Ok) return (out.err = e);

  const s = new Search();
  s.chain = certs;
  s.roots = store.roots;
  s.now = now;
  s.path.push(leaf);
  s.idx.push(0);
  // A leaf that is itself a trusted root (a pinned self-signed certificate) needs no path.
  let trusted = false;
  for (let i = 0; i < store.roots.length; i++) {
    if (bytesEqual(unchecked(store.roots[i]).raw, leaf.raw)) { trusted = true; break; }
  }
  if (!trusted) {
    e = s.extend(leaf, 0);
    if (e != CertErr.Ok) return (out.err = e);
    e = checkNameConstraints(s.path);
    if (e != CertErr.Ok) return (out.err = e);
  }
  if (host.length > 0 && !matchHost(leaf, host)) return (out.err = CertErr.NameMismatch);
  out.path = s.path;
  out.chainIndex = s.idx;
  return (out.err = CertErr.Ok);
}

// ---- name constraints (RFC 5280 §4.2.1.10, §6.1.4 (g)) ----

/**
 * Every CA's constraints hold for the dNSName and iPAddress SANs of every certificate below it
 * (self-issued intermediates excepted, §6.1.3 (b)). Checking each CA on its own is the same as
 * intersecting their permitted subtrees. Subject Names are not constrained here: a CA with a
 * directoryName constraint makes the path UnknownCriticalExtension.
 */
function checkNameConstraints(path: Array<Certificate>): CertErr {
  for (let k = 1; k < path.length; k++) {
    const ca = unchecked(path[k]);
    if (!ca.hasNameConstraints) continue;
    if (ca.nameConstraintsUnsupported) return CertErr.UnknownCriticalExtension;
    for (let i = 0; i < k; i++) {
      const c = unchecked(path[i]);
      if (i > 0 && c.selfIssued) continue;
      for (let j = 0; j < c.sanDns.length; j++) {
        if (!dnsAllowed(ca, canonicalDns(unchecked(c.sanDns[j])))) return CertErr.NameConstraintViolation;
      }
      for (let j = 0; j < c.sanIp.length; j++) {
        if (!ipAllowed(ca, unchecked(c.sanIp[j]))) return CertErr.NameConstraintViolation;
      }
    }
  }
  return CertErr.Ok;
}

/**
 * "Any DNS name that can be constructed by simply adding zero or more labels to the left-hand
 * side of the name satisfies the name constraint" (§4.2.1.10). A leading '.' (a common
 * extension) asks for at least one added label. An empty constraint matches every name.
 */
function dnsInSubtree(name: string, base: string): bool {
  if (base.length == 0) return true;
  const sub = base.charCodeAt(0) == 0x2e;
  const b = canonicalDns(sub ? base.slice(1) : base);
  if (b.length == 0) return false; // a malformed constraint matches nothing
  if (name == b) return !sub;
  return name.length > b.length && name.endsWith(b) && name.charCodeAt(name.length - b.length - 1) == 0x2e;
}

function dnsAllowed(ca: Certificate, name: string): bool {
  // A wildcard SAN stands for its names: "*.x.y" is within "x.y"'s subtree (it adds one label).
  for (let i = 0; i < ca.excludedDns.length; i++) {
    if (dnsInSubtree(name, unchecked(ca.excludedDns[i]))) return false;
    // an excluded subtree overlapping the wildcard's range excludes it (conservatively: deeper too)
    if (name.startsWith("*.") && dnsInSubtree(unchecked(ca.excludedDns[i]), name.slice(2))) return false;
  }
  if (ca.permittedDns.length == 0) return true;
  for (let i = 0; i < ca.permittedDns.length; i++) if (dnsInSubtree(name, unchecked(ca.permittedDns[i]))) return true;
  return false;
}

function ipInSubtree(ip: Uint8Array, net: Uint8Array): bool {
  const n = ip.length;
  if (net.length != 2 * n) return false; // other family
  for (let i = 0; i < n; i++) {
    const m = unchecked(net[n + i]);
    if ((unchecked(ip[i]) & m) != (unchecked(net[i]) & m)) return false;
  }
  return true;
}

function ipAllowed(ca: Certificate, ip: Uint8Array): bool {
  for (let i = 0; i < ca.excludedIp.length; i++) if (ipInSubtree(ip, unchecked(ca.excludedIp[i]))) return false;
  if (ca.permittedIp.length == 0) return true;
  // Any permitted iPAddress subtree restricts every address, of either family (as OpenSSL does).
  for (let i = 0; i < ca.permittedIp.length; i++) if (ipInSubtree(ip, unchecked(ca.permittedIp[i]))) return true;
  return false;
}

/** EKU (RFC 5280 §4.2.1.12) and key usage of the end-entity certificate for a TLS purpose. */
function checkLeafUsage(leaf: Certificate, purpose: i32): CertErr {
  if (purpose == Purpose.ANY) return CertErr.Ok;
  if (leaf.hasEku) {
    const want = purpose == Purpose.SERVER_AUTH ? Eku.SERVER_AUTH : Eku.CLIENT_AUTH;
    if ((leaf.eku & (want | Eku.ANY)) == 0) return CertErr.BadKeyUsage;
  }
  // A TLS key signs (digitalSignature), or is used for RSA key transport or (EC)DH in TLS 1.2.
  const tlsUses = KeyUsage.DIGITAL_SIGNATURE | KeyUsage.KEY_ENCIPHERMENT | KeyUsage.KEY_AGREEMENT;
  if (leaf.hasKeyUsage && (leaf.keyUsage & tlsUses) == 0) return CertErr.BadKeyUsage;
  return CertErr.Ok;
}

// ---- host names ----

/** RFC 6125 §6.4 against the DNS SANs, or RFC 5280 iPAddress SANs for an IP literal. No CN fallback. */
export function matchHost(leaf: Certificate, host: string): bool {
  let h = host;
  if (h.length >= 2 && h.charCodeAt(0) == 0x5b && h.charCodeAt(h.length - 1) == 0x5d) h = h.slice(1, h.length - 1);
  const ip = parseIp(h);
  if (ip !== null) {
    for (let i = 0; i < leaf.sanIp.length; i++) if (bytesEqual(unchecked(leaf.sanIp[i]), ip)) return true;
    return false;
  }
  const name = canonicalDns(h);
  // A reference identity is a plain name: a '*' in it matches nothing (RFC 6125 §6.4.3 is about
  // wildcards in the certificate only).
  if (name.length == 0 || name.indexOf("*") >= 0) return false;
  for (let i = 0; i < leaf.sanDns.length; i++) {
    if (dnsMatch(canonicalDns(unchecked(leaf.sanDns[i])), name)) return true;
  }
  return false;
}

/** ASCII lower case without one trailing dot; "" for an empty name or an empty label. */
function canonicalDns(s: string): string {
  let n = s.length;
  if (n > 0 && s.charCodeAt(n - 1) == 0x2e) n--;
  if (n == 0) return "";
  let out = "";
  let prevDot = true;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c == 0x2e) { if (prevDot) return ""; prevDot = true; } else prevDot = false;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out += String.fromCharCode(c);
  }
  return prevDot ? "" : out;
}

/**
 * Exact match, or "*.rest": the wildcard is the whole left-most label, stands for exactly one
 * non-empty label, and `rest` has at least two labels (so "*.com" matches nothing). A '*'
 * anywhere else makes the pattern match nothing (RFC 6125 §6.4.3 lets clients refuse partial-label
 * wildcards, and CA/Browser Forum rules forbid them).
 */
function dnsMatch(pattern: string, name: string): bool {
  if (pattern.length == 0) return false;
  if (pattern.charCodeAt(0) == 0x2a && pattern.length > 2 && pattern.charCodeAt(1) == 0x2e) {
    const rest = pattern.slice(2);
    if (rest.indexOf("*") >= 0 || rest.indexOf(".") < 0) return false;
    const dot = name.indexOf(".");
    if (dot <= 0) return false;
    return name.slice(dot + 1) == rest;
  }
  if (pattern.indexOf("*") >= 0) return false;
  return pattern == name;
}

/** Dotted-quad IPv4 (4 bytes) or RFC 4291 §2.2 IPv6 text (16 bytes); null for anything else. */
export function parseIp(s: string): Uint8Array | null {
  if (s.indexOf(":") >= 0) return parseIpv6(s);
  return parseIpv4(s, 0, s.length);
}

function parseIpv4(s: string, from: i32, to: i32): Uint8Array | null {
  const out = new Uint8Array(4);
  let part = 0, val = 0, digits = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : 0x2e;
    if (c == 0x2e) {
      if (digits == 0 || part > 3) return null;
      out[part++] = <u8>val;
      val = 0; digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (digits > 0 && val == 0) return null; // no leading zeros (they read as octal elsewhere)
      val = val * 10 + (c - 0x30);
      if (++digits > 3 || val > 255) return null;
    } else {
      return null;
    }
  }
  return part == 4 ? out : null;
}

function hexVal(c: i32): i32 {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

function parseIpv6(s: string): Uint8Array | null {
  const n = s.length;
  if (n < 2 || n > 45) return null;
  const words = new Array<i32>();
  let gap = -1;
  let i = 0;
  if (s.charCodeAt(0) == 0x3a) {
    if (s.charCodeAt(1) != 0x3a) return null;
    gap = 0;
    i = 2;
  }
  while (i < n) {
    // An embedded IPv4 tail (RFC 4291 §2.2 form 3).
    let j = i;
    while (j < n && s.charCodeAt(j) != 0x3a) j++;
    const seg = s.slice(i, j);
    if (j == n && seg.indexOf(".") >= 0) {
      const v4 = parseIpv4(s, i, n);
      if (v4 === null) return null;
      words.push((<i32>v4[0] << 8) | <i32>v4[1]);
      words.push((<i32>v4[2] << 8) | <i32>v4[3]);
      i = n;
      break;
    }
    if (seg.length == 0 || seg.length > 4) return null;
    let w = 0;
    for (let k = 0; k < seg.length; k++) {
      const h = hexVal(seg.charCodeAt(k));
      if (h < 0) return null;
      w = (w << 4) | h;
    }
    words.push(w);
    if (j == n) { i = n; break; }
    // j is a ':'
    if (j + 1 < n && s.charCodeAt(j + 1) == 0x3a) {
      if (gap >= 0) return null;
      gap = words.length;
      i = j + 2;
    } else {
      if (j + 1 == n) return null; // trailing single ':'
      i = j + 1;
    }
  }
  if (gap < 0 && words.length != 8) return null;
  if (gap >= 0 && words.length > 7) return null;
  const out = new Uint8Array(16);
  const tail = gap < 0 ? 0 : words.length - gap;
  for (let k = 0; k < words.length; k++) {
    const pos = gap >= 0 && k >= gap ? 8 - tail + (k - gap) : k;
    out[pos * 2] = <u8>(words[k] >> 8);
    out[pos * 2 + 1] = <u8>words[k];
  }
  return out;
}
