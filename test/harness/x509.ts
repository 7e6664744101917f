// Test harness for assembly/wire/der.ts, assembly/wire/x509.ts and assembly/tls/certpath.ts.
import { DerReader, Tag, oidToString, parseTime, TIME_INVALID } from "../../assembly/wire/der";
import { Certificate, X509Err, nameToString, parseCertificate } from "../../assembly/wire/x509";
import { CertErr, PathResult, certErrAlert, certErrName, verifySignedBy, TrustStore, matchHost, parseIp, validateChain, verifySignatureScheme } from "../../assembly/tls/certpath";

function hex(b: Uint8Array | null): string {
  if (b === null) return "";
  let s = "";
  for (let i = 0; i < b.length; i++) {
    const v = <i32>b[i];
    s += (v < 16 ? "0" : "") + v.toString(16);
  }
  return s;
}

function jstr(s: string): string {
  let out = "\"";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 0x22) out += "\\\"";
    else if (c == 0x5c) out += "\\\\";
    else if (c < 0x20) out += "\\u00" + (c < 16 ? "0" : "") + c.toString(16);
    else out += String.fromCharCode(c);
  }
  return out + "\"";
}

/** Parses a certificate and describes it as JSON ({"err":n} alone when it does not parse). */
export function certInfo(der: Uint8Array): string {
  const c = new Certificate();
  const e = parseCertificate(der, c);
  if (e != X509Err.Ok) return "{\"err\":" + (<i32>e).toString() + "}";
  let dns = "[";
  for (let i = 0; i < c.sanDns.length; i++) dns += (i > 0 ? "," : "") + jstr(c.sanDns[i]);
  dns += "]";
  let ips = "[";
  for (let i = 0; i < c.sanIp.length; i++) ips += (i > 0 ? "," : "") + jstr(hex(c.sanIp[i]));
  ips += "]";
  return "{\"err\":0" +
    ",\"version\":" + c.version.toString() +
    ",\"serial\":" + jstr(hex(c.serial)) +
    ",\"sigAlg\":" + c.sigAlg.toString() +
    ",\"sigHash\":" + c.sigHash.toString() +
    ",\"pssSaltLen\":" + c.pssSaltLen.toString() +
    ",\"issuer\":" + jstr(nameToString(c.issuer)) +
    ",\"subject\":" + jstr(nameToString(c.subject)) +
    ",\"issuerDer\":" + jstr(hex(c.issuer)) +
    ",\"subjectDer\":" + jstr(hex(c.subject)) +
    ",\"notBefore\":" + c.notBefore.toString() +
    ",\"notAfter\":" + c.notAfter.toString() +
    ",\"keyType\":" + c.keyType.toString() +
    ",\"spki\":" + jstr(hex(c.spki)) +
    ",\"publicKey\":" + jstr(hex(c.publicKey)) +
    ",\"rsaN\":" + jstr(hex(c.rsaN)) +
    ",\"rsaE\":" + jstr(hex(c.rsaE)) +
    ",\"tbs\":" + jstr(hex(c.tbs)) +
    ",\"signature\":" + jstr(hex(c.signature)) +
    ",\"keyUsage\":" + (c.hasKeyUsage ? c.keyUsage : -1).toString() +
    ",\"basicConstraints\":" + (c.hasBasicConstraints ? "true" : "false") +
    ",\"isCa\":" + (c.isCa ? "true" : "false") +
    ",\"pathLen\":" + c.pathLen.toString() +
    ",\"eku\":" + (c.hasEku ? c.eku : -1).toString() +
    ",\"dns\":" + dns +
    ",\"ips\":" + ips +
    ",\"ski\":" + jstr(hex(c.ski)) +
    ",\"aki\":" + jstr(hex(c.aki)) +
    "}";
}

/** Parse error code only (for fuzzing: must never trap). */
export function certParse(der: Uint8Array): i32 {
  const c = new Certificate();
  return <i32>parseCertificate(der, c);
}

// Framing for lists of DER blobs across the boundary: [u32 big-endian length][bytes]...
function unframe(b: Uint8Array): Array<Uint8Array> {
  const out = new Array<Uint8Array>();
  let p = 0;
  while (p + 4 <= b.length) {
    const n = (<i32>b[p] << 24) | (<i32>b[p + 1] << 16) | (<i32>b[p + 2] << 8) | <i32>b[p + 3];
    p += 4;
    if (n < 0 || n > b.length - p) break;
    out.push(b.subarray(p, p + n));
    p += n;
  }
  return out;
}

/** Validates a framed chain (leaf first) against framed roots: [err, chain index per path element (-1 = root)]. */
export function validate(chain: Uint8Array, roots: Uint8Array, now: i64, host: string, purpose: i32): Int32Array {
  const store = new TrustStore();
  const rs = unframe(roots);
  for (let i = 0; i < rs.length; i++) store.add(rs[i]);
  const res = new PathResult();
  const e = validateChain(unframe(chain), store, now, host, purpose, res);
  const out = new Int32Array(1 + res.chainIndex.length);
  out[0] = <i32>e;
  for (let i = 0; i < res.chainIndex.length; i++) out[1 + i] = res.chainIndex[i];
  return out;
}

/** Host matching against a list of DNS SANs ("\n"-separated) and IP SANs (framed). */
export function hostMatches(dnsNames: string, ips: Uint8Array, host: string): bool {
  const c = new Certificate();
  if (dnsNames.length > 0) c.sanDns = dnsNames.split("\n");
  c.sanIp = unframe(ips);
  return matchHost(c, host);
}

export function ipParse(s: string): Uint8Array {
  const r = parseIp(s);
  return r === null ? new Uint8Array(0) : r;
}

// ---- DER primitives ----

/** Reads one element that must fill `b`: returns the DerErr (0 = ok). */
export function derElement(b: Uint8Array): i32 {
  const r = new DerReader(b);
  r.next();
  r.finish();
  return <i32>r.err;
}

/** Header of the one element in `b`: [err, tag, valueStart, valueEnd]. */
export function derHeader(b: Uint8Array): Int32Array {
  const r = new DerReader(b);
  r.next();
  const out = new Int32Array(4);
  out[0] = <i32>r.err; out[1] = r.tag; out[2] = r.vStart; out[3] = r.vEnd;
  return out;
}

export function derInteger(b: Uint8Array): i32 {
  const r = new DerReader(b);
  r.readIntegerBytes();
  r.finish();
  return <i32>r.err;
}

/** A non-negative INTEGER's magnitude as hex, or "ERR<n>" with the DerErr. */
export function derUnsigned(b: Uint8Array): string {
  const r = new DerReader(b);
  const v = r.readUnsigned();
  r.finish();
  if (!r.ok) return "ERR" + (<i32>r.err).toString();
  let out = "";
  for (let i = 0; i < v.length; i++) out += (<u32>v[i] + 0x100).toString(16).substr(1);
  return out;
}

export function derBool(b: Uint8Array): i32 {
  const r = new DerReader(b);
  const v = r.readBool();
  r.finish();
  return r.ok ? (v ? 1 : 0) : -(<i32>r.err);
}

/** Named-bit BIT STRING value (KeyUsage form) or -DerErr. */
export function derNamedBits(b: Uint8Array): i32 {
  const r = new DerReader(b);
  const v = r.readNamedBits();
  r.finish();
  return r.ok ? v : -(<i32>r.err);
}

export function derBitString(b: Uint8Array): i32 {
  const r = new DerReader(b);
  r.expect(Tag.BIT_STRING);
  r.checkBitString();
  r.finish();
  return <i32>r.err;
}

/** Dotted OID of a whole OID TLV, or "" when invalid. */
export function derOid(b: Uint8Array): string {
  const r = new DerReader(b);
  const v = r.readOid();
  if (!r.finish()) return "";
  return oidToString(v);
}

/** A time TLV as Unix seconds; i64.MIN_VALUE when invalid. */
export function derTime(b: Uint8Array): i64 {
  const r = new DerReader(b);
  if (!r.next() || !r.finish()) return TIME_INVALID;
  return parseTime(r.tag, b, r.vStart, r.vEnd);
}

/** A string TLV decoded; "\u0000ERR" when invalid. */
export function derString(b: Uint8Array): string {
  const r = new DerReader(b);
  const s = r.readString();
  if (!r.finish()) return "\u0000ERR";
  return s;
}

export const CERT_OK: i32 = CertErr.Ok;

/** verifySignatureScheme with the key of a DER certificate; -1 when the certificate does not parse. */
export function verifyScheme(der: Uint8Array, scheme: u16, msg: Uint8Array, sig: Uint8Array): i32 {
  const c = new Certificate();
  if (parseCertificate(der, c) != X509Err.Ok) return -1;
  return <i32>verifySignatureScheme(c, scheme, msg, sig);
}

/** certErrAlert and certErrName for error codes 0..count-1: [alert, name length] pairs. */
export function certErrTable(count: i32): Int32Array {
  const out = new Int32Array(count * 2);
  for (let i = 0; i < count; i++) {
    out[2 * i] = <i32>certErrAlert(<CertErr>i);
    out[2 * i + 1] = certErrName(<CertErr>i).length;
  }
  return out;
}

/** Checks a certificate's signature with its own key (self-signed roots). -1 when it does not parse. */
export function verifySelf(der: Uint8Array): i32 {
  const c = new Certificate();
  if (parseCertificate(der, c) != X509Err.Ok) return -1;
  return <i32>verifySignedBy(c, c);
}

// A store kept across calls, as a TLS engine keeps its roots.
let kept = new TrustStore();

/** Replaces the kept store with the framed roots; returns how many parsed. */
export function storeLoad(roots: Uint8Array): i32 {
  kept = new TrustStore();
  const rs = unframe(roots);
  for (let i = 0; i < rs.length; i++) kept.add(rs[i]);
  return kept.roots.length;
}

/** validate() against the kept store: the error only. */
export function validateKept(chain: Uint8Array, now: i64, host: string, purpose: i32): i32 {
  const res = new PathResult();
  return <i32>validateChain(unframe(chain), kept, now, host, purpose, res);
}
