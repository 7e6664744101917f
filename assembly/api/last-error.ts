// WSAGetLastError / WSASetLastError storage. The core runs one calling context per instance (a C
// guest and its core share one worker; the TypeScript API calls in one thread), so one slot is
// per calling context. Every api/ module that fails a call sets it here.

let lastError: i32 = 0;

export function setLastError(code: i32): void {
  lastError = code;
}

export function getLastError(): i32 {
  return lastError;
}
