// The C conformance suite (conformance.c) run through the real ABI: compiled with clang-14 during the
// test run, executed by `wasock run`, each of its checks reported as one test here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../host/node/wasm.ts";
import { compileC, haveClang, runGuest } from "./guest.ts";

const source = readFileSync(join(ROOT, "test/c/conformance.c"), "utf8");
const names = [
  ...[...source.matchAll(/\b(?:EQ|ERR|CHECK)\("([^"]+)"/g)].map((m) => m[1]),
  // bad_pointer_checks: each case with a pointer outside memory and one straddling its end
  ...[...source.matchAll(/\bBAD(?:NULL|RC)?\("([^"]+)"/g)].flatMap((m) => [`badptr.outside.${m[1]}`, `badptr.straddling.${m[1]}`]),
];

describe.skipIf(!haveClang)("C conformance (test/c/conformance.c via ws2_32)", () => {
  const results = new Map<string, string>();
  let run: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    run = await runGuest(compileC("test/c/conformance.c"), [], 30000).done;
    for (const line of run.stdout.split("\n")) {
      const m = line.match(/^(ok|not ok) (\S+)(.*)$/);
      if (m) results.set(m[2], m[1] === "ok" ? "ok" : `not ok${m[3]}`);
    }
  }, 60000);

  it("runs to the end and exits 0", () => {
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^0 failed$/m);
    expect(run.code).toBe(0);
    expect(names.length).toBeGreaterThan(100);
  });

  it.each(names)("%s", (name) => {
    expect(results.get(name) ?? "not run").toBe("ok");
  });
});
