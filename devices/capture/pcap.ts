// Capture files that Wireshark and tshark read: classic pcap (libpcap 2.4, microsecond stamps) or
// pcapng (Section Header, one Interface Description, Enhanced Packet Blocks carrying the direction
// in epb_flags). Generic over the link type: LINKTYPE 144 for IrLAP (reference
// irda-secure-raw-spi.md §3), 1 for Ethernet, 101 for raw IP.
//
// Formats: the libpcap file format (tcpdump.org pcap-savefile(5)) and draft-ietf-opsawg-pcapng
// (SHB 0x0A0D0D0A with byte-order magic 0x1A2B3C4D, IDB type 1, EPB type 6, epb_flags code 2 with
// bits 0-1 = direction 1 inbound / 2 outbound). Files are written little-endian.

import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";

export const LINKTYPE_ETHERNET = 1;
export const LINKTYPE_RAW = 101;
export const LINKTYPE_LINUX_IRDA = 144;

export type CaptureFormat = "pcap" | "pcapng";

export interface PcapOptions {
  /** default: "pcapng" when `out` is a path ending in .pcapng, else "pcap" */
  format?: CaptureFormat;
  /** largest stored packet; longer ones are cut (orig length kept). Default 262144. */
  snaplen?: number;
}

const FLUSH_BYTES = 1 << 16;

export class PcapWriter {
  readonly format: CaptureFormat;
  readonly linktype: number;
  readonly snaplen: number;
  private readonly out: Writable;
  private readonly ownsStream: boolean;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private closed = false;
  private lastWrite: Promise<void> = Promise.resolve();
  private failure: Error | null = null;

  constructor(out: string | Writable, linktype: number, opts: PcapOptions = {}) {
    if (!Number.isInteger(linktype) || linktype < 0 || linktype > 0xffff) {
      throw new TypeError("PcapWriter: linktype must be an integer 0..65535");
    }
    this.linktype = linktype;
    this.snaplen = opts.snaplen ?? 262144;
    if (!Number.isInteger(this.snaplen) || this.snaplen <= 0) throw new TypeError("PcapWriter: snaplen must be a positive integer");
    if (typeof out === "string") {
      this.format = opts.format ?? (out.endsWith(".pcapng") ? "pcapng" : "pcap");
      this.out = createWriteStream(out);
      this.ownsStream = true;
    } else if (out && typeof (out as Writable).write === "function") {
      this.format = opts.format ?? "pcap";
      this.out = out;
      this.ownsStream = false;
    } else {
      throw new TypeError("PcapWriter: out must be a file path or a Writable");
    }
    if (this.format !== "pcap" && this.format !== "pcapng") throw new TypeError(`PcapWriter: unknown format ${String(this.format)}`);
    this.out.on("error", (e: Error) => {
      this.failure ??= e;
    });
    this.push(this.format === "pcap" ? this.pcapHeader() : this.pcapngHeader());
  }

  /** Appends one packet stamped `tsUs` microseconds (simulated or real time; fractions are cut).
   *  `outgoing` (pcapng only) records the direction. */
  packet(tsUs: number, data: Uint8Array, opts: { outgoing?: boolean } = {}): void {
    if (this.closed) throw new Error("PcapWriter: packet() after close()");
    if (!Number.isFinite(tsUs) || tsUs < 0) throw new RangeError("PcapWriter: tsUs must be a finite, non-negative number");
    if (!(data instanceof Uint8Array)) throw new TypeError("PcapWriter: data must be a Uint8Array");
    const us = Math.floor(tsUs);
    const caplen = Math.min(data.length, this.snaplen);
    if (this.format === "pcap") {
      const h = Buffer.alloc(16);
      h.writeUInt32LE(Math.floor(us / 1e6) >>> 0, 0);
      h.writeUInt32LE(us % 1e6, 4);
      h.writeUInt32LE(caplen, 8);
      h.writeUInt32LE(data.length, 12);
      this.push(h);
      this.push(Buffer.from(data.buffer, data.byteOffset, caplen));
    } else {
      const pad = (4 - (caplen % 4)) % 4;
      const hasFlags = opts.outgoing !== undefined;
      const optLen = hasFlags ? 12 : 0; // epb_flags (code, length, 4-byte value) + opt_endofopt
      const total = 32 + caplen + pad + optLen;
      const h = Buffer.alloc(28);
      h.writeUInt32LE(6, 0); // Enhanced Packet Block
      h.writeUInt32LE(total, 4);
      h.writeUInt32LE(0, 8); // interface 0
      h.writeUInt32LE(Math.floor(us / 2 ** 32) >>> 0, 12);
      h.writeUInt32LE(us % 2 ** 32 >>> 0, 16);
      h.writeUInt32LE(caplen, 20);
      h.writeUInt32LE(data.length, 24);
      this.push(h);
      this.push(Buffer.from(data.buffer, data.byteOffset, caplen));
      const t = Buffer.alloc(pad + optLen + 4);
      let o = pad;
      if (hasFlags) {
        t.writeUInt16LE(2, o); // epb_flags
        t.writeUInt16LE(4, o + 2);
        t.writeUInt32LE(opts.outgoing ? 2 : 1, o + 4); // direction: 2 outbound, 1 inbound
        o += 8;
        o += 4; // opt_endofopt (zeros)
      }
      t.writeUInt32LE(total, o);
      this.push(t);
    }
  }

  /** Flushes everything; ends the file (or resolves once a caller's Writable took the last bytes). */
  async close(): Promise<void> {
    if (this.closed) return this.lastWrite;
    this.closed = true;
    this.flush();
    await this.lastWrite;
    if (this.ownsStream) {
      await new Promise<void>((resolve, reject) => {
        this.out.end(() => resolve());
        this.out.once("error", reject);
      });
    }
    if (this.failure) throw this.failure;
  }

  private push(b: Buffer): void {
    // copy: callers may reuse their buffers after packet() returns
    this.chunks.push(Buffer.from(b));
    this.buffered += b.length;
    if (this.buffered >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    const buf = Buffer.concat(this.chunks, this.buffered);
    this.chunks = [];
    this.buffered = 0;
    this.lastWrite = new Promise<void>((resolve) => {
      this.out.write(buf, (err) => {
        if (err) this.failure ??= err;
        resolve();
      });
    });
  }

  private pcapHeader(): Buffer {
    const h = Buffer.alloc(24);
    h.writeUInt32LE(0xa1b2c3d4, 0); // microsecond timestamps
    h.writeUInt16LE(2, 4);
    h.writeUInt16LE(4, 6);
    h.writeInt32LE(0, 8); // thiszone
    h.writeUInt32LE(0, 12); // sigfigs
    h.writeUInt32LE(this.snaplen, 16);
    h.writeUInt32LE(this.linktype, 20);
    return h;
  }

  private pcapngHeader(): Buffer {
    const shb = Buffer.alloc(28);
    shb.writeUInt32LE(0x0a0d0d0a, 0);
    shb.writeUInt32LE(28, 4);
    shb.writeUInt32LE(0x1a2b3c4d, 8);
    shb.writeUInt16LE(1, 12);
    shb.writeUInt16LE(0, 14);
    shb.writeInt32LE(-1, 16); // section length unknown (-1 as i64)
    shb.writeInt32LE(-1, 20);
    shb.writeUInt32LE(28, 24);
    const idb = Buffer.alloc(20); // no options: if_tsresol defaults to 10^-6 s
    idb.writeUInt32LE(1, 0);
    idb.writeUInt32LE(20, 4);
    idb.writeUInt16LE(this.linktype, 8);
    idb.writeUInt16LE(0, 10);
    idb.writeUInt32LE(this.snaplen, 12);
    idb.writeUInt32LE(20, 16);
    return Buffer.concat([shb, idb]);
  }
}

// --- IrDA (LINKTYPE_LINUX_IRDA = 144) -------------------------------------------------------------

/** ARPHRD_IRDA, what Linux puts in the (unused) hardware-type field. */
const ARPHRD_IRDA = 783;
const IRDA_PROTOCOL = 0x0017;
export const IRDA_HEADER_LEN = 16;

/** Prepends the 16-byte LINKTYPE 144 header (reference §3) to a de-framed IrLAP frame (address,
 *  control, information; no BOF/EOF/escapes/FCS). */
export function irdaRecord(frame: Uint8Array, outgoing: boolean): Uint8Array {
  if (!(frame instanceof Uint8Array)) throw new TypeError("irdaRecord: frame must be a Uint8Array");
  const rec = new Uint8Array(IRDA_HEADER_LEN + frame.length);
  const v = new DataView(rec.buffer);
  v.setUint16(0, outgoing ? 4 : 0); // class 0 = IrDA frame; 0 incoming, 4 outgoing
  v.setUint16(2, ARPHRD_IRDA);
  v.setUint16(4, 0); // link-layer address length (unused)
  v.setUint16(14, IRDA_PROTOCOL);
  rec.set(frame, IRDA_HEADER_LEN);
  return rec;
}

/** A frame callback that records both directions of one station into `writer` (LINKTYPE 144):
 *  assign it to a station's `onFrame`, or call it from your own. */
export function irdaTracer(writer: PcapWriter): (frame: Uint8Array, outgoing: boolean, now: number) => void {
  if (writer.linktype !== LINKTYPE_LINUX_IRDA) throw new TypeError("irdaTracer: the writer's linktype must be 144");
  return (frame, outgoing, now) => writer.packet(now, irdaRecord(frame, outgoing), { outgoing });
}

/** Wires irdaTracer into anything with an `onFrame` hook (an IrdaStation), keeping a previous hook. */
export function traceIrda(
  target: { onFrame?: (frame: Uint8Array, outgoing: boolean, now: number) => void },
  writer: PcapWriter,
): void {
  const prev = target.onFrame;
  const trace = irdaTracer(writer);
  target.onFrame = (frame, outgoing, now) => {
    trace(frame, outgoing, now);
    prev?.(frame, outgoing, now);
  };
}
