// The shared channel between a C guest's worker (guest + core) and the main thread (host I/O).
//
// One SharedArrayBuffer: a few Int32 control words, then a data area the main thread's host
// provider reads and writes as if it were core memory (sockaddrs in; datagrams, names and resolver
// answers out). Commands go worker -> main as messages on a MessagePort; for the ones whose result
// the core needs, the worker parks in Atomics.wait on CTL_STATE until the main thread has run the
// command and stored its result (the others are posted and not awaited). Events (the core's
// wasock_on_* calls) go main -> worker as batched messages on the same port, with a stream's
// received bytes attached (EV_BYTES, within PUSH_CREDIT); the main thread bumps CTL_WAKE after
// posting, so a worker that waits for I/O sleeps in Atomics.wait on CTL_WAKE and pulls the batches
// with receiveMessageOnPort. The worker checks CTL_WAKE (one atomic load) before a call and never
// crosses threads for a call that needs no I/O.
//
// A send's bytes and received bytes travel in two byte rings in this buffer when they fit (see Ring
// below), so that neither side allocates a buffer or transfers one per send or pushed chunk.
//
// Datagrams are pushed the same way (EV_DGRAM, within DGRAM_CREDIT) and datagram sends are posted,
// so UDP traffic makes no round trip; a socket's names come with the results and events that fix
// them (EV_NAMES), so getsockname/getpeername normally make none either.
//
// Small event batches skip the port: they travel inline in this buffer (OFF_INLINE). A batch of
// only send completions waits one turn of the main loop, so that it shares the guest's wake-up with
// the bytes that answer those sends; a recv that empties a stream's queue returns no credit by
// itself (STREAM_CREDIT_RETURN), since each message wakes the main thread.
//
// Measured here (2 shared cores, loaded): a command round trip costs ~75 us; a non-blocking recv or
// getsockopt from C, which never leaves the worker, 0.15-0.3 us; a 1-byte TCP round trip between
// two sockets of one guest ~51 us median (was ~90), of which WASOCK_HOPS=1 shows per direction:
// the posted send reaching the main thread 11-16 us, the host's write to the answer's read 15-18 us,
// the batch waking the worker 12-14 us, the drain 1 us. On a slower day (the TypeScript API's round
// trip 28 us instead of 16) the same hops were 25, 24, 19 and 3.5 us, ~105 us a round trip: two
// thread wake-ups per direction are most of it. No wait of the worker in that round trip, nor in a
// 64 MiB echo, ended within 20 us (most took over 80), so a spin of a few microseconds before
// Atomics.wait would save no wake-up; the worker does not spin.

/** Int32 index: 0 while a command runs, 1 when its result is stored. */
export const CTL_STATE = 0;
/** Int32 index: the command's result. */
export const CTL_RESULT = 1;
/** Int32 index: incremented after each batch of events is posted. */
export const CTL_WAKE = 2;
/** Int32 index: a second result (resolver: byte length of the answer). */
export const CTL_AUX = 3;

/**
 * Byte offset of four Float64 stamps (ns, process.hrtime) that WASOCK_HOPS=1 uses to time the hops of
 * a posted send to the bytes that answer it: posted (worker), seen (main), answer's bytes reported
 * by the provider (main), posted to the worker (main); the worker adds its wake-up and drain.
 */
export const HOP_AT = 16;

/** Byte offsets in the shared buffer. */
export const OFF_ADDR = 64;    // a sockaddr passed in (64 bytes)
export const OFF_OUT = 128;    // a sockaddr passed out, or a socket's names (local at +0, remote at +32)
export const OFF_TEXT = 192;   // resolver answers and names (4 KiB)
export const TEXT_CAP = 4096;
export const OFF_PULL = 4288;  // the main thread's own: a datagram's source while it moves it (64 bytes)
export const OFF_DATA = 4352;  // received datagrams
export const DATA_CAP = 1 << 20;
/** The inline batch (below). */
export const OFF_INLINE = OFF_DATA + DATA_CAP;
export const INLINE_CAP = 8192;
/** Int32 words of the two data rings (below): where each ring's freed space ends. */
export const OFF_RING_CTL = OFF_INLINE + INLINE_CAP;
/** Word at OFF_RING_CTL: the send ring's tail, stored by the main thread. */
export const RING_SEND_TAIL = 0;
/** Word at OFF_RING_CTL: the receive ring's tail, stored by the worker. */
export const RING_RECV_TAIL = 1;
/** The send ring: a send's bytes, worker -> main thread. */
export const OFF_SEND = OFF_RING_CTL + 64;
export const SEND_CAP = 2 << 20;
/** The receive ring: a stream's received bytes and datagrams, main thread -> worker. */
export const OFF_RECV = OFF_SEND + SEND_CAP;
export const RECV_CAP = 4 << 20;
export const SHARED_LEN = OFF_RECV + RECV_CAP;

/**
 * The data rings. A send's bytes and received bytes travel through two byte rings in this buffer
 * instead of as transferred ArrayBuffers: allocating a 64 KiB ArrayBuffer costs ~30 us here and
 * moving it through postMessage ~35 us more, where copying it into the ring costs ~3 us. One side
 * writes a slot at the ring's head and names only its length in the command or event; the other
 * side keeps a mirror of the head and, applying the same rule (Ring.take), knows where the slot
 * lies. The reading side frees slots in any order (a stream's bytes wait for its recv, a send for
 * its socket's write) and stores the end of the freed run in the ring's tail word; the writing side
 * uses the ring only when the slot fits between head and tail, and otherwise falls back to a
 * message with its own buffer, so a full ring slows a socket but never stalls one.
 */
export class Ring {
  /** Where the next slot starts, as a uint32 position that wraps (the ring offset is head & mask). */
  head = 0;
  private readonly mask: number;
  constructor(readonly cap: number) { this.mask = cap - 1; }
  /** The slot of `len` bytes fits between head and `tail` (len > 0). */
  fits(len: number, tail: number): boolean {
    const off = this.head & this.mask;
    const pad = off + len > this.cap ? this.cap - off : 0;
    return len <= this.cap && ((this.head - tail) >>> 0) + pad + len <= this.cap;
  }
  /** Takes a slot of `len` bytes (a slot never wraps: it starts at the ring's start if it would); its ring offset. */
  take(len: number): number {
    const off = this.head & this.mask;
    if (off + len > this.cap) this.head = (this.head + this.cap - off) >>> 0;
    const at = this.head & this.mask;
    this.head = (this.head + len) >>> 0;
    return at;
  }
  /**
   * The slot just taken from head `before` holds only `len` bytes: takes it again at that length,
   * as the other side will (a shorter slot may not need the wrap to the start the longer one did).
   * Its ring offset; the caller moves the bytes if it changed.
   */
  shrink(before: number, len: number): number {
    this.head = before;
    return this.take(len);
  }
}

/** The reading side's record of a ring's slots, in the order they were taken: frees them in any order. */
export class RingSlots {
  private ends: number[] = [];
  private freed: boolean[] = [];
  /** ends[first] is the oldest slot not yet freed (the ones before it are dropped now and then). */
  private first = 0;
  /** The id of ends[0]. */
  private base = 0;
  constructor(private readonly words: Int32Array, private readonly word: number) {}
  /** Records the slot just taken (the ring's head is its end); its id. */
  add(ring: Ring): number {
    this.ends.push(ring.head);
    this.freed.push(false);
    return this.base + this.ends.length - 1;
  }
  /** Frees a slot; once the oldest ones are free, stores the new tail for the writing side. */
  free(id: number): void {
    const f = this.freed;
    f[id - this.base] = true;
    let k = this.first;
    if (!f[k]) return;
    while (k < f.length && f[k]) k++;
    Atomics.store(this.words, this.word, this.ends[k - 1] | 0);
    this.first = k;
    // drop the freed run in one go once it is long (a queue of many small datagrams frees one by one)
    if (k === f.length || k >= 256) {
      this.ends.splice(0, k);
      f.splice(0, k);
      this.base += k;
      this.first = 0;
    }
  }
}

/** Int32 index: 1 while the inline batch holds events the worker has not taken. */
export const CTL_INLINE = 12; // (words 4-11 hold the HOP_AT stamps)
/** Int32 index: event batches posted as messages (main thread). */
export const CTL_POSTED = 13;
/** Int32 index: event batches taken from the port (worker). */
export const CTL_TAKEN = 14;

/**
 * A small batch of events (a ping-pong's byte, a send's completion) travels inline in the shared
 * buffer instead of as a message: postMessage and receiveMessageOnPort cost more than the copy. The
 * main thread writes it only while the slot is free and no posted message is still untaken, so the
 * inline batch is always older than every message in the port and the worker takes it first. Layout
 * (Int32 words at OFF_INLINE): events triples count, chunk count, the triples, each chunk's length;
 * then the chunks' bytes.
 */

/** Event kinds in a batch (triples kind, handle, n). */
export const EV_CONNECTED = 0;
export const EV_INCOMING = 1;
export const EV_DATA = 2;
export const EV_EOF = 3;
export const EV_RESET = 4;
export const EV_SENT = 5;
/** Received stream bytes: n indexes the batch's chunks (the worker queues them, then wasock_on_data). */
export const EV_BYTES = 6;
/** Received stream bytes in the receive ring: n is their length. */
export const EV_RBYTES = 9;
/** A received datagram in the receive ring (its source in DGRAM_HEAD bytes, then its bytes): n is the slot's length. */
export const EV_RDGRAM = 10;
/** A socket's names: n indexes a chunk of NAMES_LEN bytes (the names block below). */
export const EV_NAMES = 7;
/** A received datagram: n indexes a chunk, its source sockaddr (DGRAM_HEAD bytes) then its bytes. */
export const EV_DGRAM = 8;

/**
 * A socket's local and remote sockaddr in one block, as the main thread hands them over with the
 * results of bind, connect and accept and with a stream's connected event, so that getsockname and
 * getpeername are answered in the worker: byte 0 local length, byte 1 remote length (0: unknown),
 * local at 4, remote at 32.
 */
export const NAMES_LEN = 64;
export const NAMES_LOCAL = 4;
export const NAMES_REMOTE = 32;
/** Room for a sockaddr in front of a pushed datagram (sockaddr_in6). */
export const DGRAM_HEAD = 28;

/**
 * Bytes a stream socket may have pushed to the worker and not yet consumed by recv. The main thread
 * moves a stream's received bytes to the worker with its data events (so a recv never waits for a
 * round trip), up to this credit; the worker returns credit with "consumed" commands as recv takes
 * bytes, and the host provider's own backpressure (pausing the Node stream) does the rest.
 */
export const PUSH_CREDIT = 1 << 20;
/** The same for a datagram socket (each datagram counts DGRAM_HEAD more than its bytes). */
export const DGRAM_CREDIT = 256 * 1024;
/** A datagram socket's credit goes back once this much was consumed (never all of DGRAM_CREDIT). */
export const CREDIT_RETURN = 64 * 1024;
/** The same for a stream socket (a quarter of PUSH_CREDIT: the main thread keeps pushing meanwhile). */
export const STREAM_CREDIT_RETURN = 256 * 1024;

/** One message of events: triples (kind, handle, n) and the byte chunks EV_BYTES refers to. */
export interface EventBatch {
  e: number[];
  d: Uint8Array[];
}

export const HOST_BUFFER = 0xffffffff;

/** A command from the worker: op name, numeric arguments, optional bytes (sockaddr or data). */
export interface Command {
  op: string;
  a: number[];
  b?: Uint8Array;
  c?: Uint8Array;
  s?: string;
}

/** What the worker is started with (workerData). */
export interface WorkerInit {
  sab: SharedArrayBuffer;
  port: import("node:worker_threads").MessagePort;
  wasm: string;
  args: string[];
  env: Record<string, string>;
  preopens: Record<string, string>;
}
