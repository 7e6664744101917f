// Runs a C guest (a wasm32-wasi program built against include/winsock2.h): the guest and its core in
// a worker thread, host I/O (node:net, node:dgram, dns) here in the calling thread (io.ts).
import { Worker, MessageChannel } from "node:worker_threads";
import { resolve } from "node:path";
import { SHARED_LEN, WorkerInit } from "./channel.ts";
import { GuestIo } from "./io.ts";

export interface RunOptions {
  env?: Record<string, string>;
  /** Guest path -> host directory, as node:wasi preopens. */
  preopens?: Record<string, string>;
}

/** Runs the guest to completion; resolves with its exit code. */
export function runGuest(wasm: string, args: string[], opts: RunOptions = {}): Promise<number> {
  const sab = new SharedArrayBuffer(SHARED_LEN);
  const { port1, port2 } = new MessageChannel();
  const io = new GuestIo(sab, port1);
  const init: WorkerInit = {
    sab, port: port2 as any, wasm: resolve(wasm), args,
    env: opts.env ?? {}, preopens: opts.preopens ?? {},
  };
  const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: init, transferList: [port2 as any] });
  return new Promise((done, fail) => {
    let code: number | null = null;
    worker.on("message", (m: { exit?: number }) => { if (typeof m.exit === "number") code = m.exit; });
    worker.on("error", (e) => { io.close(); fail(e); });
    worker.on("exit", (c) => { io.close(); done(code ?? (c === 0 ? 0 : 1)); });
  });
}
