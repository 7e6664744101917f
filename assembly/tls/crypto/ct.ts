// Constant-time helpers: comparisons and selections whose timing and memory access pattern do not
// depend on secret values (only on lengths, which are public). Shared by every crypto module.

/** All-ones if x == 0, else 0 (branch-free). */
// @ts-ignore: decorator
@inline export function ctIsZeroMask(x: u32): u32 {
  return <u32>((<u64>x - 1) >> 32);
}

/** All-ones if a == b, else 0. */
// @ts-ignore: decorator
@inline export function ctEqMask(a: u32, b: u32): u32 {
  return ctIsZeroMask(a ^ b);
}

/** `mask` is all-ones or zero: returns a where mask is set, b elsewhere. */
// @ts-ignore: decorator
@inline export function ctSelect(mask: u32, a: u32, b: u32): u32 {
  return b ^ (mask & (a ^ b));
}

/** True if the `len` bytes at `a` and `b` are equal; always reads all `len` bytes. */
export function ctEqualPtr(a: usize, b: usize, len: i32): bool {
  let acc: u32 = 0;
  let i = 0;
  for (; i + 4 <= len; i += 4) acc |= load<u32>(a + <usize>i) ^ load<u32>(b + <usize>i);
  for (; i < len; i++) acc |= <u32>(load<u8>(a + <usize>i) ^ load<u8>(b + <usize>i));
  return ctIsZeroMask(acc) != 0;
}

/** True if a and b have the same length and contents; the time depends only on the lengths. */
export function ctEqual(a: Uint8Array, b: Uint8Array): bool {
  if (a.length != b.length) return false;
  return ctEqualPtr(a.dataStart, b.dataStart, a.length);
}

/** Copies `src` into `dst` where mask is all-ones, leaves `dst` alone where it is zero (len bytes). */
export function ctCopyIf(mask: u32, dst: usize, src: usize, len: i32): void {
  const m8 = <u8>mask;
  for (let i: usize = 0; i < <usize>len; i++) {
    const d = load<u8>(dst + i);
    store<u8>(dst + i, d ^ (m8 & (d ^ load<u8>(src + i))));
  }
}

/** Overwrites `len` bytes at `p` with zeros (for wiping key material). */
export function wipe(p: usize, len: i32): void {
  if (len > 0) memory.fill(p, 0, <usize>len);
}
