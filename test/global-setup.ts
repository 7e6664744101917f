// Builds the core's wasm entries once per test run (incrementally: see scripts/build.mjs).
// WASOCK_ENTRIES=name,name limits the build to those entries while working on one area.
// @ts-expect-error: plain ESM build script without types
import { build } from "../scripts/build.mjs";

export default async function setup(): Promise<void> {
  const names = (process.env.WASOCK_ENTRIES ?? "").split(",").filter(Boolean);
  await build(names);
}
