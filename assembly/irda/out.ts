// The IrLAP station's emitter: framed bytes for the transceiver and event records for the host.
// AssemblyScript has no closures, so the engine writes into this object and the host drains it.
// Event record: kind u8 | length u32 LE | payload (layouts in irda/lap.ts, LapEvent).

export class ByteBuf {
  data: Uint8Array;
  len: i32 = 0;
  constructor(cap: i32) { this.data = new Uint8Array(cap); }
  /** Makes room for n more bytes (grows by doubling). */
  ensure(n: i32): void {
    const need = this.len + n;
    if (need <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < need) cap *= 2;
    const d = new Uint8Array(cap);
    memory.copy(d.dataStart, this.data.dataStart, <usize>this.len);
    this.data = d;
  }
  clear(): void { this.len = 0; }
  u8(v: u32): void { this.ensure(1); store<u8>(this.data.dataStart + <usize>this.len, <u8>v); this.len++; }
  u32le(v: u32): void { this.ensure(4); store<u32>(this.data.dataStart + <usize>this.len, v); this.len += 4; }
  bytes(src: Uint8Array, off: i32, n: i32): void {
    if (<u32>off > <u32>src.length || <u32>n > <u32>(src.length - off)) return;
    this.ensure(n);
    memory.copy(this.data.dataStart + <usize>this.len, src.dataStart + <usize>off, <usize>n);
    this.len += n;
  }
  ascii(s: string): void { for (let i = 0; i < s.length; i++) this.u8(<u32>s.charCodeAt(i) & 0x7f); }
}

export class LapOut {
  /** SIR (or FIR) bytes ready for the transceiver, whole frames. */
  tx: ByteBuf = new ByteBuf(4096);
  /** Event records. */
  ev: ByteBuf = new ByteBuf(4096);
  /** Emit Frame events (de-framed IrLAP frames both ways) for capture. */
  capture: bool = false;
  /** Emit Trace events (drop reasons, state changes). */
  trace: bool = false;

  /** Starts an event record of `len` payload bytes; the caller appends exactly len bytes. */
  begin(kind: u8, len: i32): void {
    this.ev.ensure(5 + len);
    this.ev.u8(kind);
    this.ev.u32le(<u32>len);
  }
}
