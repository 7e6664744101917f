// Time in the core is an i64 count of microseconds since an arbitrary zero chosen by the host.
// Engines never read a clock: every entry point takes `now`, and pollAt(now) answers when the
// engine next needs to run. 0 (or any time <= now) means "now"; NEVER means "only on ingress".

export const NEVER: i64 = i64.MAX_VALUE;

export const MICROS_PER_MS: i64 = 1_000;
export const MICROS_PER_SEC: i64 = 1_000_000;

/** The earlier of two poll times. */
// @ts-ignore: decorator
@inline export function earliest(a: i64, b: i64): i64 {
  return a < b ? a : b;
}
