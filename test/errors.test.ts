import { describe, expect, it } from "vitest";
import { WSA, WSA_NAME, WSA_TEXT, WinsockError, check } from "../host/node/errors.ts";

describe("WinsockError", () => {
  it.each(Object.entries(WSA))("%s carries its number, name and a description", (name, errno) => {
    const e = new WinsockError(errno);
    expect(e).toBeInstanceOf(Error);
    expect(e.errno).toBe(errno);
    expect(e.code).toBe(name);
    expect(e.name).toBe("WinsockError");
    expect(WSA_TEXT[errno]).toBeTruthy();
    expect(e.message).toBe(WSA_TEXT[errno]);
  });
  it("numbers are unique, so the name table is a bijection", () => {
    expect(Object.keys(WSA_NAME).length).toBe(Object.keys(WSA).length);
  });
  it("an unknown number keeps its errno and says so", () => {
    const e = new WinsockError(12345);
    expect(e.code).toBe("WSAEUNKNOWN");
    expect(e.message).toContain("12345");
  });
  it("WSAEWOULDBLOCK (flow control) carries no stack; other errors keep theirs, and the limit is restored", () => {
    const limit = Error.stackTraceLimit;
    const wb = new WinsockError(WSA.WSAEWOULDBLOCK);
    expect(wb.stack).toBe(`WinsockError: ${WSA_TEXT[WSA.WSAEWOULDBLOCK]}`);
    expect(wb.code).toBe("WSAEWOULDBLOCK");
    expect(Error.stackTraceLimit).toBe(limit);
    const other = new WinsockError(WSA.WSAECONNRESET);
    expect(other.stack).toMatch(/\n\s+at /);
  });
  it("check() throws only for non-zero", () => {
    expect(() => check(0)).not.toThrow();
    expect(() => check(10061)).toThrowError(expect.objectContaining({ code: "WSAECONNREFUSED" }));
  });
});
