// Overlapped completion routines from C (test/c/completion.c): queued at completion, run only in an
// alertable WSAWaitForMultipleEvents (WSA_WAIT_IO_COMPLETION), through the header's
// wasock_completion export. The peer is node:net on loopback.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { compileC, haveClang, runGuest } from "./guest.ts";

describe.skipIf(!haveClang)("completion routines in a C guest (test/c/completion.c)", () => {
  it("run in the alertable wait only, with the error, bytes, WSAOVERLAPPED and flags of the call", async () => {
    let got = "";
    const peers: net.Socket[] = [];
    const srv = net.createServer((c) => {
      peers.push(c);
      c.on("error", () => {});
      c.on("data", (b) => {
        got += b.toString("latin1");
        for (const ch of b.toString("latin1")) {
          if (ch === "A") c.write("hello-A");
          if (ch === "N") c.write("now");
        }
      });
    });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    try {
      const port = (srv.address() as net.AddressInfo).port;
      const run = await runGuest(compileC("test/c/completion.c"), [String(port)], 30000).done;
      expect(run.stderr).toBe("");
      expect(run.stdout).not.toMatch(/^not ok/m);
      for (const name of ["recv.alertable", "recv.not_alertable_no_call", "recv.data", "send.alertable", "now.alertable",
        "fail.nothing_queued", "abort.event_first", "abort.error", "sleepex.not_alertable_no_call", "sleepex.alertable_queued",
        "sleepex.alertable_during"]) {
        expect(run.stdout).toMatch(new RegExp(`^ok ${name.replace(".", "\\.")}$`, "m"));
      }
      expect(run.stdout).toMatch(/^0 failed$/m);
      expect(run.code).toBe(0);
      // The send routine's own send("r") went out after the overlapped send's bytes; "AA" are SleepEx's.
      expect(got).toBe("AB-datarNAA");
    } finally {
      for (const p of peers) p.destroy();
      srv.close();
    }
  }, 60000);

  it("a program without the header's wasock_completion / wasock_condition exports gets WSAEOPNOTSUPP for a routine or a condition function", async () => {
    const run = await runGuest(compileC("test/c/completion-noexport.c"), [], 20000).done;
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^recv -1 10045$/m);
    expect(run.stdout).toMatch(/^send -1 10045$/m);
    expect(run.stdout).toMatch(/^plain -1 10057$/m);
    expect(run.stdout).toMatch(/^accept -1 10045$/m);
    expect(run.stdout).toMatch(/^ioctl -1 10045$/m);
    expect(run.stdout).toMatch(/^calls 0$/m);
    expect(run.code).toBe(0);
  }, 30000);
});
