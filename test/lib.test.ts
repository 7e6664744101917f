import { beforeAll, describe, expect, it } from "vitest";
import { instantiateCore } from "../host/node/wasm.ts";

let lib: any;
beforeAll(async () => { lib = await instantiateCore("test/lib"); });

describe("lib/rand", () => {
  it("is deterministic per seed and differs between seeds", () => {
    const a = lib.randStream(1n, 64), b = lib.randStream(1n, 64), c = lib.randStream(2n, 64);
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });
  it("seed 0 does not give a stuck all-zero stream", () => {
    expect(new Set(lib.randStream(0n, 32)).size).toBeGreaterThan(30);
  });
  it("below(bound) stays in range and covers it", () => {
    const v: Uint32Array = lib.randBelow(7n, 6, 6000);
    const counts = new Array(6).fill(0);
    for (const x of v) { expect(x).toBeLessThan(6); counts[x]++; }
    for (const n of counts) expect(n).toBeGreaterThan(850);
  });
});
