// Loads a compiled core entry (build/<name>.wasm with asc's raw bindings in build/<name>.js).
// Every host and test loads wasm through here, so the imports a core gets are decided in one place.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const modules = new Map<string, WebAssembly.Module>();

/** The compiled module for an entry name such as "wasock" or "test/crypto" (cached per process). */
export function coreModule(name: string): WebAssembly.Module {
  let m = modules.get(name);
  if (!m) {
    m = new WebAssembly.Module(readFileSync(join(ROOT, "build", `${name}.wasm`)));
    modules.set(name, m);
  }
  return m;
}

/**
 * Instantiates an entry through asc's raw bindings, which lift and lower strings, arrays and typed
 * arrays. `imports` adds or overrides host functions (by module name, e.g. { env: { trace } }).
 * A trap (abort) surfaces as a thrown Error: it is always a bug in the core.
 */
export async function instantiateCore<T = Record<string, any>>(
  name: string,
  imports: Record<string, Record<string, unknown>> = {},
): Promise<T> {
  const bindings = await import(pathToFileURL(join(ROOT, "build", `${name}.js`)).href);
  return (await bindings.instantiate(coreModule(name), imports)) as T;
}
