// Test harness for assembly/lib: exposes the shared helpers to vitest.
import { Rand } from "../../assembly/lib/rand";

export function randStream(seed: u64, count: i32): Uint32Array {
  const r = new Rand(seed);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = r.nextU32();
  return out;
}

export function randBelow(seed: u64, bound: u32, count: i32): Uint32Array {
  const r = new Rand(seed);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = r.below(bound);
  return out;
}
