// X.509 v3 certificates (RFC 5280 §4), parsed with the strict DER reader in der.ts.
//
// Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }
// Kept: the tbsCertificate bytes (what the issuer signed), serial, the signature algorithm (with
// RSASSA-PSS parameters, RFC 4055 §3.1), issuer and subject as raw Name bytes (compared byte for
// byte), validity in Unix seconds, the subject public key (RSA, EC P-256, Ed25519) and the
// extensions a path validator needs. An unknown extension marked critical is an error
// (RFC 5280 §4.2: "A certificate-using system MUST reject the certificate if it encounters a
// critical extension it does not recognize").
//
// Byte layout only: nothing here verifies signatures or decides trust (that is tls/certpath.ts).

import { DerReader, Tag, decodeString, isStringTag, oidIs, oidToString, onlySequence, stringValid } from "./der";

export enum X509Err {
  Ok = 0,
  Malformed = 1, // bad DER or a structure RFC 5280 does not allow
  UnknownCriticalExtension = 2,
  DuplicateExtension = 3,
}

// Signature algorithms (RFC 4055, RFC 5758 §3.2, RFC 8410 §3).
export namespace SigAlg {
  export const UNKNOWN: i32 = 0;
  export const RSA_PKCS1_SHA1: i32 = 1;
  export const RSA_PKCS1_SHA256: i32 = 2;
  export const RSA_PKCS1_SHA384: i32 = 3;
  export const RSA_PKCS1_SHA512: i32 = 4;
  export const RSA_PSS: i32 = 5; // hash and salt length in Certificate.pss*
  export const ECDSA_SHA256: i32 = 6;
  export const ECDSA_SHA384: i32 = 7;
  export const ECDSA_SHA512: i32 = 8;
  export const ED25519: i32 = 9;
}

// Subject public key types (RFC 3279 §2.3, RFC 5480 §2, RFC 8410 §3).
export namespace KeyType {
  export const UNKNOWN: i32 = 0;
  export const RSA: i32 = 1;
  export const EC_P256: i32 = 2;
  export const ED25519: i32 = 3;
  export const EC_OTHER: i32 = 4; // id-ecPublicKey on a curve this code does not verify
}

// Hash identifiers: the same numbers as HASH_* in tls/crypto/sha2.ts.
export const HASH_NONE: i32 = 0;
export const HASH_SHA1: i32 = 1;
export const HASH_SHA256: i32 = 2;
export const HASH_SHA384: i32 = 3;
export const HASH_SHA512: i32 = 4;

// KeyUsage bits (RFC 5280 §4.2.1.3), bit n of the BIT STRING is (1 << n) here.
export namespace KeyUsage {
  export const DIGITAL_SIGNATURE: i32 = 1 << 0;
  export const NON_REPUDIATION: i32 = 1 << 1;
  export const KEY_ENCIPHERMENT: i32 = 1 << 2;
  export const DATA_ENCIPHERMENT: i32 = 1 << 3;
  export const KEY_AGREEMENT: i32 = 1 << 4;
  export const KEY_CERT_SIGN: i32 = 1 << 5;
  export const CRL_SIGN: i32 = 1 << 6;
  export const ENCIPHER_ONLY: i32 = 1 << 7;
  export const DECIPHER_ONLY: i32 = 1 << 8;
}

// Extended key usage flags (RFC 5280 §4.2.1.12).
export namespace Eku {
  export const SERVER_AUTH: i32 = 1;
  export const CLIENT_AUTH: i32 = 2;
  export const ANY: i32 = 4;
  export const OTHER: i32 = 8;
}

// ---- OID content octets ----
/** rsaEncryption (RFC 8017 §A.1), 1.2.840.113549.1.1.1. */
export const OID_RSA_ENCRYPTION: StaticArray<u8> = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_SHA1_RSA: StaticArray<u8> = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05];
const OID_SHA256_RSA: StaticArray<u8> = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
const OID_SHA384_RSA: StaticArray<u8> = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c];
const OID_SHA512_RSA: StaticArray<u8> = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d];
const OID_RSA_PSS: StaticArray<u8> = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
const OID_MGF1: StaticArray<u8> = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08];
const OID_EC_PUBLIC_KEY: StaticArray<u8> = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_P256: StaticArray<u8> = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const OID_ECDSA_SHA256: StaticArray<u8> = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
const OID_ECDSA_SHA384: StaticArray<u8> = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03];
const OID_ECDSA_SHA512: StaticArray<u8> = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04];
const OID_ED25519: StaticArray<u8> = [0x2b, 0x65, 0x70];
const OID_SHA1: StaticArray<u8> = [0x2b, 0x0e, 0x03, 0x02, 0x1a];
const OID_SHA256: StaticArray<u8> = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
const OID_SHA384: StaticArray<u8> = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02];
const OID_SHA512: StaticArray<u8> = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03];
const OID_EKU_SERVER_AUTH: StaticArray<u8> = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01];
const OID_EKU_CLIENT_AUTH: StaticArray<u8> = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02];
const OID_EKU_ANY: StaticArray<u8> = [0x55, 0x1d, 0x25, 0x00];
const OID_EMAIL: StaticArray<u8> = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01];

// id-ce extensions are 2.5.29.n: content octets 55 1d n.
const CE_SKI: i32 = 14;
const CE_KEY_USAGE: i32 = 15;
const CE_SAN: i32 = 17;
const CE_BASIC_CONSTRAINTS: i32 = 19;
const CE_AKI: i32 = 35;
const CE_EKU: i32 = 37;
const CE_NAME_CONSTRAINTS: i32 = 30;

/** 2.5.29.n → n, or -1 for anything else. */
function idCe(oid: Uint8Array): i32 {
  if (oid.length != 3 || unchecked(oid[0]) != 0x55 || unchecked(oid[1]) != 0x1d) return -1;
  return <i32>unchecked(oid[2]);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): bool {
  const n = a.length;
  if (n != b.length) return false;
  for (let i = 0; i < n; i++) if (unchecked(a[i]) != unchecked(b[i])) return false;
  return true;
}

function hashFromOid(oid: Uint8Array): i32 {
  if (oidIs(oid, OID_SHA1)) return HASH_SHA1;
  if (oidIs(oid, OID_SHA256)) return HASH_SHA256;
  if (oidIs(oid, OID_SHA384)) return HASH_SHA384;
  if (oidIs(oid, OID_SHA512)) return HASH_SHA512;
  return HASH_NONE;
}

/** The parsed certificate. Fill with parseCertificate(); all arrays are views into `raw`. */
export class Certificate {
  raw: Uint8Array = new Uint8Array(0);
  /** tbsCertificate, header included: the bytes the issuer signed. */
  tbs: Uint8Array = new Uint8Array(0);
  version: i32 = 1;
  serial: Uint8Array = new Uint8Array(0);
  sigAlg: i32 = SigAlg.UNKNOWN;
  /** Hash of sigAlg (for PSS, from its parameters). */
  sigHash: i32 = HASH_NONE;
  /** RSASSA-PSS salt length (RFC 4055 default 20); -1 otherwise. */
  pssSaltLen: i32 = -1;
  sigAlgOid: Uint8Array = new Uint8Array(0);
  signature: Uint8Array = new Uint8Array(0);
  /** Name TLVs (SEQUENCE header included), for byte-exact issuer/subject matching. */
  issuer: Uint8Array = new Uint8Array(0);
  subject: Uint8Array = new Uint8Array(0);
  notBefore: i64 = 0;
  notAfter: i64 = 0;
  /** SubjectPublicKeyInfo TLV. */
  spki: Uint8Array = new Uint8Array(0);
  keyType: i32 = KeyType.UNKNOWN;
  keyAlgOid: Uint8Array = new Uint8Array(0);
  /** The subjectPublicKey BIT STRING octets (EC point, Ed25519 key, or RSAPublicKey DER). */
  publicKey: Uint8Array = new Uint8Array(0);
  /** RSA modulus and exponent as unsigned big-endian (sign octet stripped). */
  rsaN: Uint8Array = new Uint8Array(0);
  rsaE: Uint8Array = new Uint8Array(0);
  /** The key is id-RSASSA-PSS (RFC 4055 §1.2), usable for PSS signatures only. */
  rsaPssKey: bool = false;

  hasKeyUsage: bool = false;
  keyUsage: i32 = 0;
  hasBasicConstraints: bool = false;
  isCa: bool = false;
  /** basicConstraints pathLenConstraint, -1 when absent. */
  pathLen: i32 = -1;
  hasEku: bool = false;
  eku: i32 = 0;
  hasSan: bool = false;
  sanDns: Array<string> = new Array<string>();
  sanIp: Array<Uint8Array> = new Array<Uint8Array>();
  /** Other GeneralName forms seen in the SAN (rfc822Name, URI, directoryName…), not interpreted. */
  sanOther: i32 = 0;
  /** nameConstraints (RFC 5280 §4.2.1.10): dNSName and iPAddress subtrees (IP as address||mask). */
  hasNameConstraints: bool = false;
  permittedDns: Array<string> = new Array<string>();
  excludedDns: Array<string> = new Array<string>();
  permittedIp: Array<Uint8Array> = new Array<Uint8Array>();
  excludedIp: Array<Uint8Array> = new Array<Uint8Array>();
  /** A directoryName constraint, which this code does not enforce (the validator refuses the path). */
  nameConstraintsUnsupported: bool = false;
  ski: Uint8Array | null = null;
  aki: Uint8Array | null = null;

  /** True when issuer and subject Names are byte-identical (RFC 5280 §6.1 "self-issued"). */
  get selfIssued(): bool { return bytesEqual(this.issuer, this.subject); }
}

/** Parses a DER certificate into `out`. The Certificate keeps views into `der`. */
export function parseCertificate(der: Uint8Array, out: Certificate): X509Err {
  out.raw = der;
  const top = new DerReader(der);
  if (!top.expect(Tag.SEQUENCE) || !top.finish()) return X509Err.Malformed;
  const cert = top.enter();
  if (!cert.expect(Tag.SEQUENCE)) return X509Err.Malformed;
  out.tbs = cert.element();
  const tbs = cert.enter();
  // signatureAlgorithm, then signatureValue
  if (!cert.expect(Tag.SEQUENCE)) return X509Err.Malformed;
  const outerAlg = cert.element();
  if (!parseSigAlg(cert.enter(), out)) return X509Err.Malformed;
  out.signature = cert.readOctetAlignedBits();
  if (!cert.finish()) return X509Err.Malformed;

  // TBSCertificate (RFC 5280 §4.1): version [0] EXPLICIT DEFAULT v1.
  out.version = 1;
  if (tbs.optional(Tag.ctxCons(0))) {
    const v = tbs.enter();
    const n = v.readSmallUint();
    if (!v.finish() || n < 0 || n > 2) return X509Err.Malformed;
    // DER omits a DEFAULT value (X.690 §11.5), so an explicit v1 is not DER.
    if (n == 0) return X509Err.Malformed;
    out.version = n + 1;
  }
  out.serial = tbs.readIntegerBytes();
  if (!tbs.ok) return X509Err.Malformed;
  // RFC 5280 §4.1.1.2: the inner signature field MUST equal signatureAlgorithm.
  if (!tbs.expect(Tag.SEQUENCE) || !bytesEqual(tbs.element(), outerAlg)) return X509Err.Malformed;
  if (!tbs.expect(Tag.SEQUENCE) || !checkName(tbs)) return X509Err.Malformed;
  out.issuer = tbs.element();
  if (!tbs.expect(Tag.SEQUENCE)) return X509Err.Malformed;
  const val = tbs.enter();
  out.notBefore = val.readTime();
  out.notAfter = val.readTime();
  if (!val.finish()) return X509Err.Malformed;
  if (!tbs.expect(Tag.SEQUENCE) || !checkName(tbs)) return X509Err.Malformed;
  out.subject = tbs.element();
  if (!tbs.expect(Tag.SEQUENCE)) return X509Err.Malformed;
  out.spki = tbs.element();
  if (!parseSpki(tbs.enter(), out)) return X509Err.Malformed;
  // issuerUniqueID [1] and subjectUniqueID [2] IMPLICIT BIT STRING (v2/v3 only): checked, unused.
  if (tbs.optional(Tag.ctx(1)) && (out.version < 2 || !tbs.checkBitString())) return X509Err.Malformed;
  if (tbs.optional(Tag.ctx(2)) && (out.version < 2 || !tbs.checkBitString())) return X509Err.Malformed;
  if (!tbs.ok) return X509Err.Malformed;
  if (tbs.optional(Tag.ctxCons(3))) {
    if (out.version != 3) return X509Err.Malformed;
    const e = parseExtensions(tbs.enter(), out);
    if (e != X509Err.Ok) return e;
  }
  if (!tbs.finish()) return X509Err.Malformed;
  return X509Err.Ok;
}

/** AlgorithmIdentifier of the signature (inside its SEQUENCE). */
function parseSigAlg(r: DerReader, out: Certificate): bool {
  const oid = r.readOid();
  if (!r.ok) return false;
  out.sigAlgOid = oid;
  out.sigAlg = SigAlg.UNKNOWN;
  out.sigHash = HASH_NONE;
  out.pssSaltLen = -1;
  let pkcs1 = HASH_NONE;
  if (oidIs(oid, OID_SHA1_RSA)) pkcs1 = HASH_SHA1;
  else if (oidIs(oid, OID_SHA256_RSA)) pkcs1 = HASH_SHA256;
  else if (oidIs(oid, OID_SHA384_RSA)) pkcs1 = HASH_SHA384;
  else if (oidIs(oid, OID_SHA512_RSA)) pkcs1 = HASH_SHA512;
  if (pkcs1 != HASH_NONE) {
    // RFC 4055 §5: parameters MUST be NULL; accept them absent too, as many verifiers do.
    if (!r.atEnd && !r.readNull()) return false;
    out.sigAlg = pkcs1 == HASH_SHA1 ? SigAlg.RSA_PKCS1_SHA1 : pkcs1 == HASH_SHA256 ? SigAlg.RSA_PKCS1_SHA256
      : pkcs1 == HASH_SHA384 ? SigAlg.RSA_PKCS1_SHA384 : SigAlg.RSA_PKCS1_SHA512;
    out.sigHash = pkcs1;
    return r.finish();
  }
  // RFC 5758 §3.2 and RFC 8410 §3: ECDSA and Ed25519 identifiers have absent parameters.
  let ec = 0;
  if (oidIs(oid, OID_ECDSA_SHA256)) ec = SigAlg.ECDSA_SHA256;
  else if (oidIs(oid, OID_ECDSA_SHA384)) ec = SigAlg.ECDSA_SHA384;
  else if (oidIs(oid, OID_ECDSA_SHA512)) ec = SigAlg.ECDSA_SHA512;
  else if (oidIs(oid, OID_ED25519)) ec = SigAlg.ED25519;
  if (ec != 0) {
    out.sigAlg = ec;
    out.sigHash = ec == SigAlg.ECDSA_SHA256 ? HASH_SHA256 : ec == SigAlg.ECDSA_SHA384 ? HASH_SHA384
      : ec == SigAlg.ECDSA_SHA512 ? HASH_SHA512 : HASH_NONE;
    return r.finish();
  }
  if (oidIs(oid, OID_RSA_PSS)) {
    if (!r.expect(Tag.SEQUENCE)) return false;
    if (!parsePssParams(r.enter(), out)) return false;
    return r.finish();
  }
  // Unknown algorithm: well-formed is enough here; the validator reports it unsupported.
  if (!r.atEnd) r.next();
  return r.finish();
}

/** A hash AlgorithmIdentifier: OID with NULL or absent parameters (RFC 4055 §2.1). */
function readHashAlg(r: DerReader): i32 {
  if (!r.expect(Tag.SEQUENCE)) return -1;
  const a = r.enter();
  const h = hashFromOid(a.readOid());
  if (!a.atEnd) a.readNull();
  if (!a.finish() || !r.absorb(a)) return -1;
  return h;
}

/** RSASSA-PSS-params (RFC 4055 §3.1); the MGF1 hash must be the message hash. */
function parsePssParams(r: DerReader, out: Certificate): bool {
  let hash = HASH_SHA1; // every field has a DEFAULT (sha1, mgf1SHA1, 20, 1)
  let mgfHash = HASH_SHA1;
  let salt = 20;
  if (r.optional(Tag.ctxCons(0))) {
    const e = r.enter();
    hash = readHashAlg(e);
    if (!e.finish() || hash <= 0) return false;
  }
  if (r.optional(Tag.ctxCons(1))) {
    const e = r.enter();
    if (!e.expect(Tag.SEQUENCE)) return false;
    const m = e.enter();
    const mgfOid = m.readOid();
    if (!m.ok || !oidIs(mgfOid, OID_MGF1)) return false;
    mgfHash = readHashAlg(m);
    if (!m.finish() || !e.finish() || mgfHash <= 0) return false;
  }
  if (r.optional(Tag.ctxCons(2))) {
    const e = r.enter();
    salt = e.readSmallUint();
    if (!e.finish() || salt < 0) return false;
  }
  if (r.optional(Tag.ctxCons(3))) {
    const e = r.enter();
    const t = e.readSmallUint();
    if (!e.finish() || t != 1) return false; // trailerFieldBC is the only defined value
  }
  if (!r.finish()) return false;
  if (mgfHash != hash) return false;
  out.sigAlg = SigAlg.RSA_PSS;
  out.sigHash = hash;
  out.pssSaltLen = salt;
  return true;
}

/** An RSA public key's modulus and exponent as magnitudes (big-endian, no leading zeros). */
export class RsaKeyParts {
  n: Uint8Array = new Uint8Array(0);
  e: Uint8Array = new Uint8Array(0);
}

/**
 * RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 §A.1.1) filling
 * all of `der`; false when malformed, or when n or e is negative or zero.
 */
export function parseRsaPublicKey(der: Uint8Array, out: RsaKeyParts): bool {
  const s = onlySequence(der);
  if (s === null) return false;
  out.n = s.readUnsigned();
  out.e = s.readUnsigned();
  return s.finish() && out.n.length != 0 && out.e.length != 0;
}

/** SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) inside its SEQUENCE. */
function parseSpki(r: DerReader, out: Certificate): bool {
  if (!r.expect(Tag.SEQUENCE)) return false;
  const alg = r.enter();
  const oid = alg.readOid();
  if (!alg.ok) return false;
  out.keyAlgOid = oid;
  out.publicKey = r.readOctetAlignedBits();
  if (!r.finish()) return false;
  out.keyType = KeyType.UNKNOWN;
  if (oidIs(oid, OID_RSA_ENCRYPTION) || oidIs(oid, OID_RSA_PSS)) {
    // rsaEncryption has NULL parameters (RFC 3279 §2.3.1); id-RSASSA-PSS keys may carry
    // RSASSA-PSS-params restricting their use (RFC 4055 §3.1), which are checked only for form.
    if (oidIs(oid, OID_RSA_ENCRYPTION)) { if (!alg.atEnd && !alg.readNull()) return false; }
    else if (!alg.atEnd && !alg.expect(Tag.SEQUENCE)) return false;
    if (!alg.finish()) return false;
    const parts = new RsaKeyParts();
    if (!parseRsaPublicKey(out.publicKey, parts)) return false;
    out.rsaN = parts.n;
    out.rsaE = parts.e;
    out.rsaPssKey = oidIs(oid, OID_RSA_PSS);
    out.keyType = KeyType.RSA;
    return true;
  }
  if (oidIs(oid, OID_EC_PUBLIC_KEY)) {
    // ECParameters: namedCurve only (RFC 5480 §2.1.1: implicitCurve and specifiedCurve MUST NOT).
    const curve = alg.readOid();
    if (!alg.finish()) return false;
    if (oidIs(curve, OID_P256)) {
      // Uncompressed point (SEC 1 §2.3.3); compressed points are not supported by p256.ts.
      const pk = out.publicKey;
      if (pk.length != 65 || unchecked(pk[0]) != 0x04) { out.keyType = KeyType.EC_OTHER; return true; }
      out.keyType = KeyType.EC_P256;
    } else {
      out.keyType = KeyType.EC_OTHER;
    }
    return true;
  }
  if (oidIs(oid, OID_ED25519)) {
    // RFC 8410 §3: parameters MUST be absent; the key is 32 octets.
    if (!alg.finish()) return false;
    if (out.publicKey.length != 32) return false;
    out.keyType = KeyType.ED25519;
    return true;
  }
  if (!alg.atEnd) alg.next();
  return alg.finish();
}

/**
 * Name ::= SEQUENCE OF RelativeDistinguishedName (RFC 5280 §4.1.2.4); RDN ::= SET SIZE (1..MAX) OF
 * AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY }. `r`'s last element is the Name.
 */
function checkName(r: DerReader): bool {
  const seq = r.enter();
  while (!seq.atEnd) {
    if (!seq.expect(Tag.SET)) return r.absorb(seq);
    const set = seq.enter();
    if (set.atEnd) return false;
    while (!set.atEnd) {
      if (!set.expect(Tag.SEQUENCE)) return r.absorb(set);
      const atv = set.enter();
      atv.readOid();
      if (!atv.next()) return r.absorb(atv);
      // Attribute values are taken to be strings (DirectoryString, IA5String for emailAddress and
      // domainComponent…) holding what their type allows, e.g. UTF8String is valid UTF-8.
      if (!isStringTag(atv.tag) || !stringValid(atv.tag, atv.buf, atv.vStart, atv.vEnd)) return false;
      if (!atv.finish()) return r.absorb(atv);
    }
    if (!set.finish()) return r.absorb(set);
  }
  return seq.finish() ? true : r.absorb(seq);
}

/** Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension (inside [3] EXPLICIT). */
function parseExtensions(r: DerReader, out: Certificate): X509Err {
  if (!r.expect(Tag.SEQUENCE) || !r.finish()) return X509Err.Malformed;
  const list = r.enter();
  if (list.atEnd) return X509Err.Malformed;
  const seen = new Array<Uint8Array>();
  while (!list.atEnd) {
    // Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
    if (!list.expect(Tag.SEQUENCE)) return X509Err.Malformed;
    const ext = list.enter();
    const oid = ext.readOid();
    let critical = false;
    if (ext.peekTag() == Tag.BOOLEAN) {
      critical = ext.readBool();
      // X.690 §11.5: a DEFAULT value is not encoded in DER, so an explicit FALSE is rejected.
      if (!critical) return X509Err.Malformed;
    }
    const value = ext.readOctets();
    if (!ext.finish()) return X509Err.Malformed;
    // RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of a particular extension."
    for (let i = 0; i < seen.length; i++) if (bytesEqual(unchecked(seen[i]), oid)) return X509Err.DuplicateExtension;
    seen.push(oid);
    const ce = idCe(oid);
    let ok = true;
    if (ce == CE_KEY_USAGE) ok = parseKeyUsage(value, out);
    else if (ce == CE_BASIC_CONSTRAINTS) ok = parseBasicConstraints(value, out);
    else if (ce == CE_EKU) ok = parseEku(value, out);
    else if (ce == CE_SAN) ok = parseSan(value, out);
    else if (ce == CE_SKI) ok = parseSki(value, out);
    else if (ce == CE_AKI) ok = parseAki(value, out);
    else if (ce == CE_NAME_CONSTRAINTS) ok = parseNameConstraints(value, out);
    else if (critical) return X509Err.UnknownCriticalExtension;
    if (!ok) return X509Err.Malformed;
  }
  return list.finish() ? X509Err.Ok : X509Err.Malformed;
}

function parseKeyUsage(v: Uint8Array, out: Certificate): bool {
  const r = new DerReader(v);
  const bits = r.readNamedBits();
  if (!r.finish() || bits <= 0) return false; // RFC 5280 §4.2.1.3: at least one bit set
  out.hasKeyUsage = true;
  out.keyUsage = bits;
  return true;
}

function parseBasicConstraints(v: Uint8Array, out: Certificate): bool {
  // BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
  const s = onlySequence(v, false);
  if (s === null) return false;
  let ca = false;
  if (s.peekTag() == Tag.BOOLEAN) {
    ca = s.readBool();
    if (!ca) return false; // DEFAULT FALSE must be omitted in DER
  }
  let pathLen = -1;
  if (s.peekTag() == Tag.INTEGER) {
    pathLen = s.readSmallUint();
    if (pathLen < 0) return false;
  }
  if (!s.finish()) return false;
  out.hasBasicConstraints = true;
  out.isCa = ca;
  out.pathLen = pathLen;
  return true;
}

function parseEku(v: Uint8Array, out: Certificate): bool {
  // ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
  const s = onlySequence(v, true);
  if (s === null) return false;
  let eku = 0;
  while (!s.atEnd) {
    const oid = s.readOid();
    if (!s.ok) return false;
    if (oidIs(oid, OID_EKU_SERVER_AUTH)) eku |= Eku.SERVER_AUTH;
    else if (oidIs(oid, OID_EKU_CLIENT_AUTH)) eku |= Eku.CLIENT_AUTH;
    else if (oidIs(oid, OID_EKU_ANY)) eku |= Eku.ANY;
    else eku |= Eku.OTHER;
  }
  out.hasEku = true;
  out.eku = eku;
  return true;
}

function parseSan(v: Uint8Array, out: Certificate): bool {
  // GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName (RFC 5280 §4.2.1.6)
  const s = onlySequence(v, true);
  if (s === null) return false;
  while (!s.atEnd) {
    if (!s.next()) return false;
    const t = s.tag;
    if (t == Tag.ctx(2)) {
      // dNSName [2] IA5String
      const name = decodeString(Tag.IA5_STRING, s.buf, s.vStart, s.vEnd);
      if (name === null) return false;
      out.sanDns.push(name);
    } else if (t == Tag.ctx(7)) {
      // iPAddress [7] OCTET STRING: 4 octets for IPv4, 16 for IPv6
      const n = s.valueLen;
      if (n != 4 && n != 16) return false;
      out.sanIp.push(s.value());
    } else if ((t & 0xc0) == 0x80 && (t & 0x1f) <= 8) {
      out.sanOther++;
    } else {
      return false;
    }
  }
  out.hasSan = true;
  return true;
}

function parseSki(v: Uint8Array, out: Certificate): bool {
  const r = new DerReader(v);
  const id = r.readOctets();
  if (!r.finish()) return false;
  out.ski = id;
  return true;
}

function parseAki(v: Uint8Array, out: Certificate): bool {
  // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] OPTIONAL, authorityCertIssuer [1]
  //   OPTIONAL, authorityCertSerialNumber [2] OPTIONAL }
  const s = onlySequence(v, false);
  if (s === null) return false;
  if (s.optional(Tag.ctx(0))) out.aki = s.value();
  s.optional(Tag.ctxCons(1)); // issuer and serial of the issuer's issuer: not used for matching
  s.optional(Tag.ctx(2));
  return s.finish();
}

/**
 * NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL,
 *   excludedSubtrees [1] GeneralSubtrees OPTIONAL }  (RFC 5280 §4.2.1.10)
 * GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] DEFAULT 0, maximum [1] OPTIONAL };
 * §4.2.1.10: minimum MUST be zero and maximum MUST be absent, so neither may appear in DER.
 * rfc822Name and URI subtrees constrain names TLS does not use, and are skipped.
 */
function parseNameConstraints(v: Uint8Array, out: Certificate): bool {
  const s = onlySequence(v, true); // "conforming CAs MUST NOT issue ... where name constraints is an empty sequence"
  if (s === null) return false;
  if (s.optional(Tag.ctxCons(0)) && !parseSubtrees(s.enter(), out.permittedDns, out.permittedIp, out)) return false;
  if (s.optional(Tag.ctxCons(1)) && !parseSubtrees(s.enter(), out.excludedDns, out.excludedIp, out)) return false;
  if (!s.finish()) return false;
  out.hasNameConstraints = true;
  return true;
}

function parseSubtrees(r: DerReader, dns: Array<string>, ip: Array<Uint8Array>, out: Certificate): bool {
  if (r.atEnd) return false; // GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree
  while (!r.atEnd) {
    if (!r.expect(Tag.SEQUENCE)) return false;
    const st = r.enter();
    if (!st.next()) return false;
    const t = st.tag;
    if (t == Tag.ctx(2)) {
      const name = decodeString(Tag.IA5_STRING, st.buf, st.vStart, st.vEnd);
      if (name === null) return false;
      dns.push(name);
    } else if (t == Tag.ctx(7)) {
      const n = st.valueLen;
      if (n != 8 && n != 32) return false; // address and mask, IPv4 or IPv6 (§4.2.1.10)
      ip.push(st.value());
    } else if (t == Tag.ctxCons(4)) {
      out.nameConstraintsUnsupported = true; // directoryName
    } else if (t != Tag.ctx(1) && t != Tag.ctx(6)) {
      out.nameConstraintsUnsupported = true; // otherName, x400Address, ediPartyName, registeredID
    }
    if (!st.finish()) return false; // minimum / maximum present
  }
  return true;
}

// ---- text forms, for tests and traces ----

function attrName(oid: Uint8Array): string {
  if (oid.length == 3 && unchecked(oid[0]) == 0x55 && unchecked(oid[1]) == 0x04) {
    const n = <i32>unchecked(oid[2]);
    switch (n) {
      case 3: return "CN";
      case 5: return "serialNumber";
      case 6: return "C";
      case 7: return "L";
      case 8: return "ST";
      case 10: return "O";
      case 11: return "OU";
      case 97: return "organizationIdentifier";
    }
  }
  if (oidIs(oid, OID_EMAIL)) return "emailAddress";
  return oidToString(oid);
}

/** "C=US\nO=Example\nCN=host" (one attribute a line, in order), or "" for a malformed Name. */
export function nameToString(name: Uint8Array): string {
  const top = new DerReader(name);
  if (!top.expect(Tag.SEQUENCE)) return "";
  const seq = top.enter();
  let out = "";
  while (!seq.atEnd) {
    if (!seq.expect(Tag.SET)) return "";
    const set = seq.enter();
    while (!set.atEnd) {
      if (!set.expect(Tag.SEQUENCE)) return "";
      const atv = set.enter();
      const oid = atv.readOid();
      const val = atv.readString();
      if (!atv.ok) return "";
      if (out.length > 0) out += "\n";
      out += attrName(oid) + "=" + val;
    }
  }
  return out;
}
