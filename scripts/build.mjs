// Builds every wasm entry of the core with asc.
//   assembly/targets/<name>.ts -> build/<name>.wasm (+ build/<name>.js, asc's raw bindings)
//   test/harness/<name>.ts     -> build/test/<name>.wasm (entries that expose internal modules to tests)
// An entry is rebuilt only when a file in its import closure, asconfig.json or this script changed,
// so work in one area never waits on (or breaks) another area's build.
// Usage: node scripts/build.mjs [name ...]   (or WASOCK_ENTRIES=a,b); no names builds everything.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function listEntries() {
  const out = [];
  for (const [dir, outDir] of [["assembly/targets", "build"], ["test/harness", "build/test"]]) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).sort()) {
      if (!f.endsWith(".ts") || f.endsWith(".d.ts")) continue;
      const name = f.slice(0, -3);
      out.push({ name: outDir === "build" ? name : `test/${name}`, src: join(abs, f), out: join(root, outDir, name) });
    }
  }
  return out;
}

// The set of .ts files an entry imports, found by following relative import specifiers.
function closure(entry) {
  const seen = new Set();
  const stack = [entry];
  const re = /(?:import|export)\s[^;]*?from\s*["'](\.{1,2}\/[^"']+)["']|import\s*["'](\.{1,2}\/[^"']+)["']/g;
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    const text = readFileSync(f, "utf8");
    for (const m of text.matchAll(re)) {
      const spec = m[1] ?? m[2];
      let p = resolve(dirname(f), spec);
      if (!p.endsWith(".ts")) p = existsSync(p + ".ts") ? p + ".ts" : join(p, "index.ts");
      stack.push(p);
    }
  }
  return [...seen].sort();
}

function digest(files) {
  const h = createHash("sha256");
  for (const f of [...files, join(root, "asconfig.json"), fileURLToPath(import.meta.url)]) {
    h.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  }
  return h.digest("hex");
}

export async function build(names = []) {
  const { default: asc } = await import("assemblyscript/asc");
  const wanted = new Set(names);
  const entries = listEntries().filter((e) => wanted.size === 0 || wanted.has(e.name));
  const failed = [];
  for (const e of entries) {
    const hash = digest(closure(e.src));
    const stamp = e.out + ".hash";
    if (existsSync(e.out + ".wasm") && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) continue;
    mkdirSync(dirname(e.out), { recursive: true });
    // Write under a private name, then rename: concurrent builds never see half a file.
    const tmp = `${e.out}.${process.pid}.tmp`;
    let errText = "";
    const t0 = Date.now();
    const { error } = await asc.main(
      [relative(root, e.src), "--config", "asconfig.json", "--outFile", relative(root, tmp + ".wasm")],
      { stdout: { write() { return true; } }, stderr: { write(s) { errText += s; return true; } } },
    );
    if (error) {
      for (const ext of [".wasm", ".js", ".d.ts"]) rmSync(tmp + ext, { force: true });
      failed.push(e.name);
      process.stderr.write(`asc: ${e.name} failed\n${errText}\n`);
      continue;
    }
    renameSync(tmp + ".wasm", e.out + ".wasm");
    renameSync(tmp + ".js", e.out + ".js");
    if (existsSync(tmp + ".d.ts")) renameSync(tmp + ".d.ts", e.out + ".d.ts");
    writeFileSync(stamp, hash);
    process.stderr.write(`asc: built ${e.name} in ${Date.now() - t0} ms\n`);
  }
  if (failed.length) throw new Error(`asc failed for: ${failed.join(", ")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = process.argv.slice(2).concat((process.env.WASOCK_ENTRIES ?? "").split(",").filter(Boolean));
  build(names).catch((e) => { console.error(e.message); process.exit(1); });
}
