// Test harness for assembly/api/names: the host-facing exports plus the last-error slot.
export * from "../../assembly/api/names-exports";
import { getLastError, setLastError } from "../../assembly/api/last-error";

export function harness_get_last_error(): i32 { return getLastError(); }
export function harness_set_last_error(code: i32): void { setLastError(code); }
