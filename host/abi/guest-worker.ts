// A C guest's worker thread: instantiates the core (build/wasock.wasm) with the channel proxy as its
// host provider, then the guest with WASI preview1 (node:wasi), ws2_32 and kernel32, runs its _start
// and reports the exit code to the main thread (run.ts).
import { readFileSync } from "node:fs";
import { WASI } from "node:wasi";
import { parentPort, workerData } from "node:worker_threads";
import { coreModule } from "../node/wasm.ts";
import { WorkerInit } from "./channel.ts";
import { CoreProxy } from "./core-proxy.ts";
import { AbiCore, Ws2_32 } from "./ws2_32.ts";

const init = workerData as WorkerInit;
const proxy = new CoreProxy(init.sab, init.port);
const bindings = await import(new URL("../../build/wasock.js", import.meta.url).href);
const core = (await bindings.instantiate(coreModule("wasock"), { wasock_host: proxy.imports() })) as AbiCore;
proxy.core = core as any;

const guestModule = await WebAssembly.compile(readFileSync(init.wasm));
const wasi = new WASI({
  version: "preview1",
  args: [init.wasm, ...init.args],
  env: init.env,
  preopens: init.preopens,
  returnOnExit: true,
});
const ws2 = new Ws2_32(core, proxy);
const instance = await WebAssembly.instantiate(guestModule, {
  wasi_snapshot_preview1: wasi.wasiImport,
  ws2_32: ws2.imports(guestModule),
  kernel32: ws2.kernel32(),
} as WebAssembly.Imports);
ws2.attach(instance.exports);
let code: number;
try {
  code = wasi.start(instance);
} catch (e) {
  process.stderr.write(`wasock: the guest trapped: ${(e as Error).message}\n`);
  code = 134;
}
// A process that exits closes its sockets (gracefully, as closesocket does): the last WSACleanup
// closes every socket; then one round trip makes sure the main thread has run those closes.
for (let i = 0; i < 1000 && core.WSACleanup() === 0; i++);
proxy.call({ op: "sync", a: [] });
if (process.env.WASOCK_HOPS) process.stderr.write(proxy.hopReport());
parentPort!.postMessage({ exit: code });
