// Golden transcript (STYLE §8): discovery, connection, a data exchange and DISC between two stations
// with fixed seeds, as station a sees it (time µs, direction, IrLAP frame). Injected time and
// randomness make it byte-exact; any change in what goes on the air shows up here.
// Regenerate deliberately with WASOCK_UPDATE_GOLDEN=1 and review the diff.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Net, facing, origin } from "./helpers.ts";

const FILE = join(dirname(fileURLToPath(import.meta.url)), "golden", "irlap-session.hex");

async function transcript(): Promise<string> {
  const net = new Net({ seed: 1 });
  const a = await net.add("a", origin, { seed: 1001, nickname: "alpha", capture: true });
  const b = await net.add("b", facing(0.5), { seed: 1002, nickname: "bravo", capture: true });
  const lines: string[] = [];
  a.station.onFrame = (f, out, now) => lines.push(`${Math.round(now)} ${out ? ">" : "<"} ${Buffer.from(f).toString("hex")}`);
  const r = await net.discover(a, 6);
  net.connect(a, b);
  a.station.send(new TextEncoder().encode("hello, bravo ".repeat(200)), net.t);
  b.station.send(new TextEncoder().encode("hello, alpha"), net.t);
  a.station.disconnect(net.t);
  net.run(30e6, () => a.disconnected !== null && b.disconnected !== null);
  expect(r.devices.length).toBe(1);
  return lines.join("\n") + "\n";
}

describe("golden transcript", () => {
  it("a discovery, connect, exchange and disconnect are byte-exact", async () => {
    const got = await transcript();
    if (process.env.WASOCK_UPDATE_GOLDEN === "1" || !existsSync(FILE)) writeFileSync(FILE, got);
    expect(got).toBe(readFileSync(FILE, "utf8"));
    // the same run twice gives the same bytes (no hidden clock or randomness)
    expect(await transcript()).toBe(got);
  });
});
