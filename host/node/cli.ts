// The `wasock` command. `wasock run prog.wasm [args…]` runs a Winsock C program compiled for
// wasm32-wasi against include/winsock2.h, and exits with the program's exit code.
import { Command } from "commander";
import { runGuest } from "../abi/run.ts";

function collect(v: string, list: string[]): string[] { return [...list, v]; }

const program = new Command();
program.name("wasock").enablePositionalOptions().description("Winsock 2.2 as a portable WebAssembly runtime");
program
  .command("run")
  .description("run a Winsock C program compiled to wasm32-wasi")
  .argument("<wasm>", "the program (.wasm)")
  .argument("[args...]", "its arguments")
  .option("--env <name=value>", "an environment variable for the program (repeatable)", collect, [])
  .option("--dir <guest[=host]>", "a directory the program may open, as a WASI preopen (repeatable)", collect, [])
  .allowUnknownOption()
  .passThroughOptions()
  .action(async (wasm: string, args: string[], o: { env?: string[]; dir?: string[] }) => {
    const env: Record<string, string> = {};
    for (const e of o.env ?? []) { const i = e.indexOf("="); if (i > 0) env[e.slice(0, i)] = e.slice(i + 1); }
    const preopens: Record<string, string> = {};
    for (const d of o.dir ?? []) { const i = d.indexOf("="); preopens[i > 0 ? d.slice(0, i) : d] = i > 0 ? d.slice(i + 1) : d; }
    let code: number;
    try {
      code = await runGuest(wasm, args, { env, preopens });
    } catch (e) {
      process.stderr.write(`wasock: ${(e as Error).message}\n`);
      code = 1;
    }
    process.exitCode = code;
    // Sockets the program left open would keep the process alive: give queued data a moment.
    setTimeout(() => process.exit(code), 2000).unref();
  });
await program.parseAsync(process.argv);
