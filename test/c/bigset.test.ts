// select with fd_sets bigger than the header's FD_SETSIZE (test/c/bigset.c defines 200).
import { describe, expect, it } from "vitest";
import { compileC, haveClang, runGuest } from "./guest.ts";

describe.skipIf(!haveClang)("select with a larger FD_SETSIZE (test/c/bigset.c)", () => {
  it("reads, filters and writes back every entry of three 150-socket sets", async () => {
    const run = await runGuest(compileC("test/c/bigset.c"), [], 30000).done;
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toMatch(/^not ok/m);
    expect(run.stdout).toMatch(/^ok bigset\.read_140$/m);
    expect(run.stdout).toMatch(/^ok bigset\.closed_member_error$/m);
    expect(run.stdout).toMatch(/^0 failed$/m);
    expect(run.code).toBe(0);
  }, 60000);
});
