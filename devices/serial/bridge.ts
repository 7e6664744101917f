// A bridge between an endpoint's SIR byte stream (an IrdaStation, or anything with
// receive/takeTx/poll/pollAt/baud) and a serial port through the `serialport` package: a SIR dongle
// on a real UART, or a pseudo-terminal in tests. It is a byte pipe plus a real-time pump; it knows
// no IrLAP (the SIR framing lives in the core, assembly/wire/sir.ts).
//
// Real time: the bridge keeps its own µs clock from performance.now() (zero when it opened) and
// pumps the endpoint the way every host does: receive → poll → takeTx → write, then one timer armed
// for pollAt. When the endpoint's line rate changes (IrLAP applies negotiated QoS after the UA
// exchange, reference irda-secure-raw-spi.md §2.1), the bridge lets the bytes already written leave
// the UART (drain) and then retunes the port with `port.update({ baudRate })`. Note that serialport
// flushes both queues when it retunes (tcflush TCIOFLUSH); on a real UART, drained, at IrLAP's quiet
// point (after the UA, before the turnaround) that loses nothing. On a pseudo-terminal tcdrain does
// not wait for the far side to read, so the flush could discard the UA itself: there the bridge sets
// the termios speed with stty (TCSADRAIN, no flush) instead.
//
// Pacing: a real UART takes 10/baud s per byte, and the endpoint's timers assume it (an IrLAP core
// switches rate when its UA has left, by its own count of byte times). A pseudo-terminal moves bytes
// instantly, so a peer could answer a frame before the sender believes it has finished sending it.
// With `pace` (default: on for /dev/pts/* devices, off for real ports, whose UART paces itself) the
// bridge writes each frame when its last byte would have left the UART, so the far side gets it at
// the time the sender's own model says it ended.

import { execFile } from "node:child_process";
import { realpathSync } from "node:fs";

import { SerialPort } from "serialport";
import { airTimeUs } from "../ir/medium.ts";
import type { LinkEndpoint } from "../endpoint.ts";

/** The endpoint contract (devices/endpoint.ts), under the name the bridge's users know. */
export type SerialEndpoint = LinkEndpoint;

export interface SerialBridgeOptions {
  /** device path (/dev/ttyUSB0, a socat PTY link, …) */
  path: string;
  /** µs the line counts as busy after the last received byte (default 10 ms) */
  mediaBusyWindowUs?: number;
  /** write each frame when a UART at the line rate would have sent its last byte (default: true
   *  for pseudo-terminals, false for real ports) */
  pace?: boolean;
  /** how a rate change reaches the port: "update" = serialport's `port.update({ baudRate })` (it
   *  flushes both directions, harmless on a real UART once drained); "stty" = set the termios speed
   *  without flushing. Default: "stty" for pseudo-terminals, where tcdrain does not wait for the
   *  far side to read and a flush would discard a frame in flight, else "update". */
  retune?: "update" | "stty";
  /** called with errors from the port (writes, baud changes) and from the endpoint's calls;
   *  default: kept in `lastError` */
  onError?: (err: Error) => void;
}

export interface SerialBridgeStats {
  rxBytes: number;
  txBytes: number;
  baudChanges: number;
}

export class SerialBridge {
  readonly port: SerialPort;
  readonly stats: SerialBridgeStats = { rxBytes: 0, txBytes: 0, baudChanges: 0 };
  lastError: Error | null = null;
  private readonly endpoint: SerialEndpoint;
  private readonly t0 = performance.now();
  private readonly busyWindowUs: number;
  private readonly onError: (err: Error) => void;
  /** the rate the port is (or is about to be) set to */
  private lineBaud: number;
  private lastRxAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  /** writes and baud changes, in order */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private pumping = false;
  private readonly pace: boolean;
  private readonly retune: "update" | "stty";
  private readonly path: string;
  /** with pacing: when the emulated UART has sent everything written so far (µs) */
  private lineFreeAt = 0;

  private constructor(endpoint: SerialEndpoint, port: SerialPort, opts: SerialBridgeOptions) {
    this.endpoint = endpoint;
    this.port = port;
    this.lineBaud = endpoint.baud;
    this.busyWindowUs = opts.mediaBusyWindowUs ?? 10_000;
    this.onError = opts.onError ?? ((e) => void (this.lastError = e));
    const pty = isPseudoTerminal(opts.path);
    this.pace = opts.pace ?? pty;
    this.retune = opts.retune ?? (pty ? "stty" : "update");
    this.path = opts.path;
  }

  /** Opens the port at the endpoint's current rate and starts pumping. */
  static async open(endpoint: SerialEndpoint, opts: SerialBridgeOptions): Promise<SerialBridge> {
    for (const m of ["receive", "takeTx", "poll", "pollAt"] as const) {
      if (typeof endpoint?.[m] !== "function") throw new TypeError(`SerialBridge: endpoint.${m} must be a function`);
    }
    if (typeof endpoint.baud !== "number" || !(endpoint.baud > 0)) throw new TypeError("SerialBridge: endpoint.baud must be a positive number");
    if (typeof opts?.path !== "string" || opts.path.length === 0) throw new TypeError("SerialBridge: path must be a non-empty string");
    const port = new SerialPort({ path: opts.path, baudRate: endpoint.baud, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    const bridge = new SerialBridge(endpoint, port, opts);
    bridge.start();
    return bridge;
  }

  /** µs since the bridge opened. */
  now(): number {
    return (performance.now() - this.t0) * 1000;
  }

  /** The rate the serial port runs at (after any pending change). */
  get baudRate(): number {
    return this.lineBaud;
  }

  /** Runs the endpoint now: poll, take and write everything it has, follow its rate, re-arm the
   *  timer. Call it after handing the endpoint a request (discover, connect, send…). */
  pump(): void {
    if (this.closed || this.pumping) return;
    this.pumping = true;
    try {
      const now = this.now();
      this.endpoint.poll(now);
      for (let tx = this.endpoint.takeTx(now); tx !== null; tx = this.endpoint.takeTx(now)) {
        if (tx.length > 0) this.write(tx);
      }
      if (this.endpoint.baud !== this.lineBaud) this.changeBaud(this.endpoint.baud);
      this.arm(this.endpoint.pollAt(now), now);
    } catch (e) {
      // the endpoint's fault must not take the process down from a timer or a data event
      this.onError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      this.pumping = false;
    }
  }

  /** Resolves once everything queued so far has been written (and baud changes applied). */
  flushed(): Promise<void> {
    return this.queue;
  }

  /** Stops pumping, drops frames not yet handed to the port, closes it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
    if (this.port.isOpen) await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }

  private start(): void {
    this.endpoint.mediaBusy = (now: number) => now - this.lastRxAt < this.busyWindowUs;
    this.port.on("data", (chunk: Buffer) => {
      if (this.closed) return;
      const now = this.now();
      this.lastRxAt = now;
      this.stats.rxBytes += chunk.length;
      try {
        this.endpoint.receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length), now);
      } catch (e) {
        this.onError(e instanceof Error ? e : new Error(String(e)));
      }
      this.pump();
    });
    this.port.on("error", (err: Error) => this.onError(err));
    this.pump();
  }

  private write(bytes: Uint8Array): void {
    const copy = Buffer.from(bytes); // the endpoint may reuse its buffer
    this.stats.txBytes += copy.length;
    let sendAt = 0;
    if (this.pace) {
      this.lineFreeAt = Math.max(this.now(), this.lineFreeAt) + airTimeUs(copy.length, this.lineBaud);
      sendAt = this.lineFreeAt;
    }
    this.enqueue(async () => {
      if (this.closed) return; // close() drops frames not yet handed to the port
      // a timer can fire early by the age of the event loop's cached time: wait until it is due
      for (let waitMs = (sendAt - this.now()) / 1000; waitMs > 0 && !this.closed; waitMs = (sendAt - this.now()) / 1000) {
        await new Promise((r) => setTimeout(r, Math.ceil(waitMs)));
      }
      if (this.closed || !this.port.isOpen) return;
      await new Promise<void>((resolve) => {
        this.port.write(copy, (err) => {
          if (err) this.onError(err);
          resolve();
        });
      });
    });
  }

  private changeBaud(baud: number): void {
    this.lineBaud = baud;
    this.stats.baudChanges++;
    this.enqueue(async () => {
      // the frames written at the old rate must leave the UART before it is retuned
      if (!this.port.isOpen) return;
      await new Promise<void>((resolve) => this.port.drain(() => resolve()));
      if (!this.port.isOpen) return;
      if (this.retune === "stty") {
        // termios only (TCSADRAIN, no flush); serialport's own rate is not changed then
        await new Promise<void>((resolve) => {
          execFile("stty", ["-F", this.path, String(baud)], (err) => {
            if (err) this.onError(err);
            resolve();
          });
        });
        return;
      }
      await new Promise<void>((resolve) => {
        this.port.update({ baudRate: baud }, (err) => {
          if (err) this.onError(err);
          resolve();
        });
      });
    });
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue.then(step, step);
  }

  private arm(at: number, now: number): void {
    if (at === this.timerAt && this.timer !== null) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = at;
    if (!Number.isFinite(at)) return;
    const delayMs = Math.max(0, (at - now) / 1000);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.pump();
    }, Math.ceil(delayMs));
  }
}

function isPseudoTerminal(path: string): boolean {
  try {
    return realpathSync(path).startsWith("/dev/pts/");
  } catch {
    return false;
  }
}
