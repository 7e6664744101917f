// Test harness for assembly/api/names: the host-facing exports, the last-error slot, and a buffer in
// core memory where tests lay out C strings and structures for the pointer (C ABI) forms.
export * from "../../assembly/api/names-exports";
import { getLastError, setLastError } from "../../assembly/api/last-error";

const BUF_LEN: i32 = 8192;
const buf = memory.data(BUF_LEN, 16);

export function harness_get_last_error(): i32 { return getLastError(); }
export function harness_set_last_error(code: i32): void { setLastError(code); }
export function harness_buf(): usize { return buf; }
export function harness_buf_len(): i32 { return BUF_LEN; }
