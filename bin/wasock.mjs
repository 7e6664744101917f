#!/usr/bin/env node
// The `wasock` command (host/node/cli.ts), run through tsx.
import { register } from "tsx/esm/api";
register();
await import("../host/node/cli.ts");
