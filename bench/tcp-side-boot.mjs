// Entry of a tcp benchmark side's process: loads tcp-side.ts through tsx (whatever flags the parent
// ran with).
import { register } from "tsx/esm/api";

register();
await import("./tcp-side.ts");
