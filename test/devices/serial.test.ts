// The serial bridge over real pseudo-terminals (socat PTY pair, opened with serialport): bytes written
// on one side arrive exactly and in order on the other, before and after a baud change, and the
// bridge pumps its endpoint on time.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { SerialBridge, type SerialEndpoint } from "../../devices/serial/bridge.ts";
import { SKIP_NO_SOCAT, haveSocat, ptyPair, sttySpeed, until, type PtyPair } from "./pty.ts";

/** A plain byte endpoint: what it is given to send goes out, what arrives is kept. */
class ByteEndpoint implements SerialEndpoint {
  baud: number;
  received: Uint8Array[] = [];
  stamps: number[] = [];
  polls: number[] = [];
  wantPollAt = Infinity;
  mediaBusy?: (now: number) => boolean;
  private out: Uint8Array[] = [];
  constructor(baud = 9600) {
    this.baud = baud;
  }
  send(b: Uint8Array): void {
    this.out.push(b);
  }
  receive(bytes: Uint8Array, now: number): void {
    this.received.push(bytes.slice());
    this.stamps.push(now);
  }
  takeTx(): Uint8Array | null {
    return this.out.shift() ?? null;
  }
  poll(now: number): void {
    this.polls.push(now);
    if (now >= this.wantPollAt) this.wantPollAt = Infinity;
  }
  pollAt(): number {
    return this.wantPollAt;
  }
  get receivedBytes(): Buffer {
    return Buffer.concat(this.received);
  }
}



const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.close();
});

async function bridged(baud = 9600, pace = false, retune: "update" | "stty" = "update") {
  const pty: PtyPair = await ptyPair();
  opened.push(pty);
  const ea = new ByteEndpoint(baud);
  const eb = new ByteEndpoint(baud);
  const ba = await SerialBridge.open(ea, { path: pty.a, pace, retune });
  opened.push(ba);
  const bb = await SerialBridge.open(eb, { path: pty.b, pace, retune });
  opened.push(bb);
  return { pty, ea, eb, ba, bb };
}

describe.skipIf(!haveSocat)(`serial bridge over a socat PTY pair${SKIP_NO_SOCAT}`, () => {
  it("bytes written on one side arrive exactly, in order, on the other (both ways at once)", async () => {
    const { pty, ea, eb, ba, bb } = await bridged(9600);
    expect(sttySpeed(pty.a)).toBe(9600);
    const ab = randomBytes(64 * 1024);
    const ba_ = randomBytes(48 * 1024);
    for (let i = 0; i < ab.length; i += 1000) ea.send(ab.subarray(i, i + 1000));
    for (let i = 0; i < ba_.length; i += 777) eb.send(ba_.subarray(i, i + 777));
    ba.pump();
    bb.pump();
    await until(() => eb.receivedBytes.length >= ab.length && ea.receivedBytes.length >= ba_.length, 10_000, "64 KiB + 48 KiB");
    expect(eb.receivedBytes.equals(ab)).toBe(true);
    expect(ea.receivedBytes.equals(ba_)).toBe(true);
    expect(ba.stats.txBytes).toBe(ab.length);
    expect(bb.stats.rxBytes).toBe(ab.length);
    // receive stamps come from the bridge's µs clock and never go back
    for (let i = 1; i < eb.stamps.length; i++) expect(eb.stamps[i]).toBeGreaterThanOrEqual(eb.stamps[i - 1]);
    expect(eb.mediaBusy!(eb.stamps.at(-1)!)).toBe(true);
    expect(eb.mediaBusy!(eb.stamps.at(-1)! + 1e6)).toBe(false);
  });

  for (const retune of ["update", "stty"] as const) it(`follows the endpoint's baud change (${retune}) and carries bytes exactly before and after it`, async () => {
    const { pty, ea, eb, ba, bb } = await bridged(9600, false, retune);
    const before = randomBytes(8 * 1024);
    ea.send(before);
    if (retune === "stty") ea.baud = 115200; // right behind the bytes: stty does not flush them
    ba.pump();
    // serialport's update flushes both queues, and a PTY's drain does not wait for the far side to
    // read: with "update" the rate changes at a quiet point, as IrLAP's does (after the UA has arrived)
    await until(() => eb.receivedBytes.length >= before.length, 10_000, "8 KiB at 9600");
    expect(eb.receivedBytes.equals(before)).toBe(true);
    if (retune === "update") {
      ea.baud = 115200;
      ba.pump();
    }
    await ba.flushed();
    expect(ba.baudRate).toBe(115200);
    if (retune === "update") expect(ba.port.baudRate).toBe(115200);
    expect(ba.stats.baudChanges).toBe(1);
    expect(sttySpeed(pty.a)).toBe(115200);
    eb.baud = 115200;
    bb.pump();
    await bb.flushed();
    expect(sttySpeed(pty.b)).toBe(115200);

    const after = randomBytes(32 * 1024);
    ea.send(after);
    ba.pump();
    await until(() => eb.receivedBytes.length >= before.length + after.length, 10_000, "32 KiB at 115200");
    expect(eb.receivedBytes.subarray(before.length).equals(after)).toBe(true);

    ea.baud = 57600;
    ba.pump();
    await ba.flushed();
    expect(sttySpeed(pty.a)).toBe(57600);
    expect(ba.lastError).toBeNull();
  });

  it("paces writes to the line rate on a pseudo-terminal (which has no UART of its own)", async () => {
    const { ea, eb } = await bridged(9600, true);
    const frame = randomBytes(96); // 96 × 10 bits at 9600 = 100 ms
    const t0 = performance.now();
    ea.send(frame);
    ea.send(frame);
    (opened.at(-2) as SerialBridge).pump();
    await until(() => eb.receivedBytes.length >= 2 * frame.length, 5_000, "two paced frames");
    const ms = performance.now() - t0;
    expect(ms).toBeGreaterThanOrEqual(195); // the second frame leaves 200 ms after the first began
    expect(ms).toBeLessThan(2_000);
    expect(eb.receivedBytes.equals(Buffer.concat([frame, frame]))).toBe(true);
  });

  it("arms one timer for pollAt and polls the endpoint when it is due", async () => {
    const { ea, ba } = await bridged(9600);
    const start = ba.now();
    ea.wantPollAt = start + 50_000; // 50 ms
    ba.pump();
    await until(() => ea.wantPollAt === Infinity, 2_000, "the due poll");
    const due = ea.polls.find((t) => t >= start + 50_000)!;
    expect(due).toBeGreaterThanOrEqual(start + 50_000);
    expect(due).toBeLessThan(start + 50_000 + 500_000); // generous: 2 shared cores
  });

  it("an endpoint that throws is reported through onError, and the bridge keeps running", async () => {
    const pty = await ptyPair();
    opened.push(pty);
    const errors: Error[] = [];
    const bad = new ByteEndpoint();
    let fail = true;
    bad.receive = function (this: ByteEndpoint, bytes: Uint8Array, now: number) {
      if (fail) {
        fail = false;
        throw new Error("endpoint fault");
      }
      ByteEndpoint.prototype.receive.call(this, bytes, now);
    };
    const good = new ByteEndpoint();
    const bBad = await SerialBridge.open(bad, { path: pty.a, onError: (e) => errors.push(e), pace: false });
    opened.push(bBad);
    const bGood = await SerialBridge.open(good, { path: pty.b, pace: false });
    opened.push(bGood);
    good.send(Uint8Array.of(1, 2, 3));
    bGood.pump();
    await until(() => errors.length === 1, 5_000, "the reported fault");
    expect(errors[0].message).toBe("endpoint fault");
    good.send(Uint8Array.of(4, 5));
    bGood.pump();
    await until(() => bad.receivedBytes.length === 2, 5_000, "bytes after the fault");
    expect([...bad.receivedBytes]).toEqual([4, 5]);
  });

  it("rejects a bad endpoint or path", async () => {
    await expect(SerialBridge.open({} as SerialEndpoint, { path: "/tmp/x" })).rejects.toThrow(TypeError);
    await expect(SerialBridge.open(new ByteEndpoint(), { path: "" })).rejects.toThrow(TypeError);
    await expect(SerialBridge.open(new ByteEndpoint(), { path: "/nonexistent/tty" })).rejects.toThrow();
  });
});
