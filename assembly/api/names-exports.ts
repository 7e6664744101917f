// The host-facing exports of the Names part of the Winsock API (inet_addr, inet_pton, ...).
// assembly/targets/wasock.ts re-exports everything here with `export * from "../api/names-exports"`.
export {};
