// `npm run bench [name ...]`: runs every bench/*.bench.ts (or the named ones) one after another, so
// that each prints its figures beside its reference without competing for the CPU.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, "")))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches ${wanted.join(", ") || "(any)"}`);
  process.exit(1);
}
for (const f of files) {
  console.log(`\n=== ${f.replace(/\.bench\.ts$/, "")} ===`);
  const mod = await import(pathToFileURL(join(here, f)).href);
  if (typeof mod.default === "function") await mod.default();
}
