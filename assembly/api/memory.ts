// Bounds checks for pointers the caller hands the core: a pointer outside memory is WSAEFAULT,
// never a trap.

/** True when [p, p + n) is non-null and inside core memory. */
export function inMem(p: usize, n: i32): bool {
  if (p == 0 || n < 0) return false;
  return <u64>p + <u64><u32>n <= (<u64>memory.size() << 16);
}

/** Reads the i32 at p, or `dflt` when p is outside memory. */
export function readI32(p: usize, dflt: i32): i32 {
  return inMem(p, 4) ? load<i32>(p) : dflt;
}
