// X.509 benchmark: certificate parsing and chain validation per second against node:crypto's
// X509Certificate (OpenSSL) in the same run. No goal in the issue; figures for information.
// Certificates come from openssl (test/fixtures/x509-pki.ts) in a temp dir. Loops are time-bounded.
import { X509Certificate } from "node:crypto";
import { rootCertificates } from "node:tls";
import { instantiateCore } from "../host/node/wasm.ts";
import { buildPki, frame } from "../test/fixtures/x509-pki.ts";

const SLICE_MS = 600;

function opsPerSec(fn: () => unknown): number {
  for (let i = 0; i < 5; i++) fn();
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

function row(name: string, ours: number, node: number): void {
  console.log(`${name.padEnd(42)} wasock ${ours.toFixed(0).padStart(7)} op/s   node ${node.toFixed(0).padStart(7)} op/s   ratio ${(ours / node).toFixed(2)}x`);
}

export default async function (): Promise<void> {
  const { build } = await import("../scripts/build.mjs" as string);
  await build(["test/x509"]);
  const x: any = await instantiateCore("test/x509");
  const pki = buildPki();
  try {
    const der = (n: string) => pki.certs.get(n)!.der;
    const now = BigInt(Math.floor(Date.now() / 1000));

    const leaf = der("leaf-ec");
    row("parse P-256 leaf", opsPerSec(() => x.certParse(leaf)), opsPerSec(() => new X509Certificate(leaf)));

    // Whole validation: parse the chain and the root, check two signatures, dates, constraints, name.
    const cases: [string, string[], string, string][] = [
      ["RSA-2048 → P-256 → P-256 leaf", ["leaf-ec", "inter-ec"], "root-rsa", "example.test"],
      ["Ed25519 root → Ed25519 leaf", ["leaf-ed"], "root-ed", "ed.example.test"],
      ["P-256 root → RSA leaf (ECDSA)", ["leaf-rsa"], "root-ec", "rsa.example.test"],
    ];
    for (const [name, chain, root, host] of cases) {
      const fc = frame(chain.map(der)), fr = frame([der(root)]);
      const r = x.validate(fc, fr, now, host, 1);
      if (r[0] !== 0) throw new Error(`${name}: validation failed (${r[0]})`);
      const nodeChain = [...chain.map(der), der(root)];
      const nodeValidate = () => {
        const certs = nodeChain.map((b) => new X509Certificate(b));
        for (let i = 0; i + 1 < certs.length; i++) {
          if (!certs[i].checkIssued(certs[i + 1]) || !certs[i].verify(certs[i + 1].publicKey)) throw new Error("node");
        }
        if (certs[0].checkHost(host) === undefined) throw new Error("node host");
      };
      row(`validate ${name}`, opsPerSec(() => x.validate(fc, fr, now, host, 1)), opsPerSec(nodeValidate));
    }

    // A TLS client's view: 144-odd Mozilla roots (plus our test root) loaded once, then chains
    // checked against that store. Node: the same roots in an array, issuer found by checkIssued.
    const mozilla = rootCertificates.map((pem) => new Uint8Array(new X509Certificate(pem).raw));
    const all = frame([...mozilla, der("root-rsa")]);
    row(`load ${mozilla.length + 1} roots into a store`, opsPerSec(() => x.storeLoad(all)),
      opsPerSec(() => [...mozilla, der("root-rsa")].map((b) => new X509Certificate(b))));
    x.storeLoad(all);
    const nodeRoots = [...mozilla, der("root-rsa")].map((b) => new X509Certificate(b));
    const chain = frame([der("leaf-ec"), der("inter-ec")]);
    if (x.validateKept(chain, now, "example.test", 1) !== 0) throw new Error("kept-store validation failed");
    row("validate against the store", opsPerSec(() => x.validateKept(chain, now, "example.test", 1)), opsPerSec(() => {
      const leafC = new X509Certificate(der("leaf-ec")), interC = new X509Certificate(der("inter-ec"));
      if (!leafC.checkIssued(interC) || !leafC.verify(interC.publicKey)) throw new Error("node");
      const root = nodeRoots.find((r) => interC.checkIssued(r) && interC.verify(r.publicKey));
      if (!root || leafC.checkHost("example.test") === undefined) throw new Error("node");
    }));
  } finally {
    pki.cleanup();
  }
}
