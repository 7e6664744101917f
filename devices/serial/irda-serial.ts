// An IrLAP station on a serial port (a SIR transceiver on a UART, or a PTY), from the command line:
//
//   tsx devices/serial/irda-serial.ts discover --port /dev/ttyS1 [--slots 6]
//   tsx devices/serial/irda-serial.ts listen   --port /dev/ttyS1 [--once]      > received.bin
//   tsx devices/serial/irda-serial.ts send     --port /dev/ttyS1 --to 0xA1B2C3D4 < file.bin
//
// Common options: --seed, --address, --nickname, --max-baud, --capture file.pcapng (both directions
// as LINKTYPE 144). Messages go to stderr (JSON lines), data to stdout. It is glue only: the station
// is host/node/irda-station.ts, the pipe is bridge.ts. Plain SIR framing on the UART: dongles that
// need a speed-change sequence of their own (ACTiSYS, Tekram, ESI…) are not handled.

import { Command, InvalidArgumentError } from "commander";
import { IrdaStation, BAUD_RATES, type DiscoveryResult } from "../../host/node/irda-station.ts";
import { LINKTYPE_LINUX_IRDA, PcapWriter, traceIrda } from "../capture/pcap.ts";
import { SerialBridge } from "./bridge.ts";

interface Common {
  port: string;
  seed: number;
  address?: number;
  nickname: string;
  maxBaud: number;
  capture?: string;
}

function int(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new InvalidArgumentError("not an integer 0..0xFFFFFFFF");
  return n;
}

function say(event: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(JSON.stringify({ event, ...fields }) + "\n");
}

const hex32 = (n: number) => "0x" + (n >>> 0).toString(16).toUpperCase().padStart(8, "0");

async function open(o: Common): Promise<{ st: IrdaStation; bridge: SerialBridge; done: () => Promise<void> }> {
  const rates = BAUD_RATES.filter((r) => r >= 9600 && r <= Math.min(o.maxBaud, 115200));
  const st = await IrdaStation.create({
    seed: o.seed,
    deviceAddress: o.address,
    nickname: o.nickname,
    baudRates: rates,
    capture: o.capture !== undefined,
  });
  const cap = o.capture !== undefined ? new PcapWriter(o.capture, LINKTYPE_LINUX_IRDA) : null;
  if (cap) traceIrda(st, cap);
  const bridge = await SerialBridge.open(st, { path: o.port, onError: (e) => say("error", { message: e.message }) });
  say("open", { port: o.port, address: hex32(st.deviceAddress), nickname: o.nickname });
  return {
    st,
    bridge,
    done: async () => {
      await bridge.close();
      await cap?.close();
    },
  };
}

function withCommon(c: Command): Command {
  return c
    .requiredOption("--port <path>", "serial device (or PTY)")
    .option("--seed <n>", "seed for the station's random choices", int, Date.now() % 0x7fffffff)
    .option("--address <n>", "32-bit device address (default: random)", int)
    .option("--nickname <name>", "discovery nickname", "wasock")
    .option("--max-baud <n>", "highest rate offered (9600..115200)", int, 115200)
    .option("--capture <file>", "write both directions to a pcap/pcapng file");
}

const program = new Command("irda-serial").description("an IrLAP station on a serial port");

withCommon(program.command("discover").description("list the devices in view"))
  .option("--slots <n>", "discovery slots (1, 6, 8, 16)", int, 6)
  .option("--tries <n>", "discoveries to run until one finds a device", int, 3)
  .action(async (o: Common & { slots: number; tries: number }) => {
    const { st, bridge, done } = await open(o);
    for (let i = 0; i < Math.max(1, o.tries); i++) {
      const r = await new Promise<DiscoveryResult>((resolve) => {
        st.onDiscovery = resolve;
        st.discover(o.slots, bridge.now());
        bridge.pump();
      });
      if (r.mediaBusy) say("media-busy");
      for (const d of r.devices) say("device", { address: hex32(d.address), nickname: d.nickname, hints: d.hints, charset: d.charset });
      if (r.devices.length > 0) break;
    }
    await done();
  });

withCommon(program.command("listen").description("answer discovery, accept a connection, copy its data to stdout"))
  .option("--once", "exit after the first connection ends")
  .action(async (o: Common & { once?: boolean }) => {
    const { st, done } = await open(o);
    await new Promise<void>((resolve) => {
      st.onConnected = (p) => say("connected", { peer: hex32(p.peer), baud: p.baud, dataSize: p.rxDataSize, window: p.rxWindow });
      st.onData = (d) => process.stdout.write(d);
      st.onDisconnected = (reason) => {
        say("disconnected", { reason });
        if (o.once) resolve();
      };
    });
    await done();
  });

withCommon(program.command("send").description("connect to a device and send stdin"))
  .requiredOption("--to <address>", "the peer's device address", int)
  .action(async (o: Common & { to: number }) => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    const data = Buffer.concat(chunks);
    const { st, bridge, done } = await open(o);
    const reason = await new Promise<string>((resolve) => {
      st.onConnected = (p) => {
        say("connected", { peer: hex32(p.peer), baud: p.baud, dataSize: p.txDataSize, window: p.txWindow });
        if (data.length > 0) st.send(data, bridge.now());
        st.disconnect(bridge.now()); // after the queued data
        bridge.pump();
      };
      st.onDisconnected = (r) => resolve(r);
      st.connect(o.to, bridge.now());
      bridge.pump();
    });
    say("disconnected", { reason, sent: data.length });
    await done();
    if (reason !== "user") process.exitCode = 1;
  });

await program.parseAsync(process.argv);
