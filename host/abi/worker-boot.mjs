// Entry of a C guest's worker thread: loads the TypeScript worker (guest-worker.ts) through tsx,
// which a worker does not inherit from the thread that started it.
import { register } from "tsx/esm/api";

// node:wasi is "experimental" in Node 20: that notice is not the program's output.
const emit = process.emitWarning.bind(process);
process.emitWarning = (w, ...rest) => {
  if (String(w).includes("WASI")) return;
  emit(w, ...rest);
};
register();
await import("./guest-worker.ts");
