// Errors of the wire layer: what a parser says about bytes that came from outside. Shared by every
// format in wire/ (each format documents which of these it returns). Never a trap: a bad frame is
// one of these values and the engine drops it with a trace reason.
export enum WireErr {
  Ok = 0,
  /** Fewer bytes than the fixed part of the format needs. */
  Truncated = 1,
  /** Frame check sequence (CRC) does not match. */
  BadFcs = 2,
  /** A field holds a value the format does not allow (bad format id, bad parameter length…). */
  Malformed = 3,
  /** More bytes than the receiver accepts. */
  TooLong = 4,
  /** Well formed, but a code point this implementation does not handle. */
  Unsupported = 5,
  /** The sender aborted the frame (SIR: escape followed by a control byte). */
  Aborted = 6,
  /** The output buffer is too small for emit. */
  NoSpace = 7,
}

export function wireErrName(e: WireErr): string {
  switch (e) {
    case WireErr.Ok: return "ok";
    case WireErr.Truncated: return "truncated";
    case WireErr.BadFcs: return "bad FCS";
    case WireErr.Malformed: return "malformed";
    case WireErr.TooLong: return "too long";
    case WireErr.Unsupported: return "unsupported";
    case WireErr.Aborted: return "aborted";
    case WireErr.NoSpace: return "no space";
  }
  return "unknown";
}
