// The contract between a sans-I/O byte endpoint (an IrdaStation core, or anything else that frames
// its own bytes) and whatever moves those bytes: IrSimulation over the optical medium in simulated
// time (devices/ir/sim.ts) and SerialBridge to a real port in real time (devices/serial/bridge.ts).
// Both pump it the same way: receive → poll → takeTx until null → follow baud, then wait until pollAt.
// Times are µs (simulated or real, the wiring decides).

export interface LinkEndpoint {
  /** bytes off the line; `now` is when the last of them arrived */
  receive(bytes: Uint8Array, now: number): void;
  /** bytes to put on the line now (whole frames), or null */
  takeTx(now: number): Uint8Array | null;
  poll(now: number): void;
  /** µs of the next poll: `now` while bytes wait to be taken, Infinity = only on ingress */
  pollAt(now: number): number;
  /** current line rate; the transceiver or port follows it */
  readonly baud: number;
  /** if present, the simulated transceiver's minimum turnaround follows it */
  readonly minTurnaroundUs?: number;
  /** set by the wiring when the endpoint has the hook: whether the medium or line is busy now */
  mediaBusy?: (now: number) => boolean;
}
