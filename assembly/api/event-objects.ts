// Event objects (WSACreateEvent and friends): manual-reset, initially non-signalled, as Windows
// makes them. A handle is ((generation << 10) | index) << 2 | 2: never 0 (WSA_INVALID_EVENT), and
// never equal to a SOCKET (those are multiples of 4), so an event passed where a socket belongs is
// WSAENOTSOCK and a socket passed where an event belongs is WSA_INVALID_HANDLE. A handle whose slot
// was closed (and perhaps reused) no longer matches its generation.
//
// The core never waits: hosts wait for `changes()` to move (it counts every set and close) and
// then ask again.

export const MAX_EVENTS: i32 = 1024;
const INDEX_BITS: i32 = 10;
const GEN_MASK: u32 = 0x7ffff;
const TAG: i32 = 2;

const FREE: u8 = 0;
const RESET: u8 = 1;
const SET: u8 = 2;

const states = new StaticArray<u8>(MAX_EVENTS);
const gens = new StaticArray<u32>(MAX_EVENTS);
let cursor: i32 = 0;
let live: i32 = 0;
let changeCount: u32 = 0;

/** A new non-signalled event, or 0 when the table is full. */
export function createEvent(): i32 {
  for (let k = 0; k < MAX_EVENTS; k++) {
    const i = (cursor + k) & (MAX_EVENTS - 1);
    if (unchecked(states[i]) == FREE) {
      let g = (unchecked(gens[i]) + 1) & GEN_MASK;
      if (g == 0) g = 1;
      unchecked((gens[i] = g));
      unchecked((states[i] = RESET));
      cursor = (i + 1) & (MAX_EVENTS - 1);
      live++;
      return <i32>(((g << INDEX_BITS) | <u32>i) << 2) | TAG;
    }
  }
  return 0;
}

/** The slot of a live event handle, or -1. */
function slot(h: i32): i32 {
  if ((h & 3) != TAG || h <= 0) return -1;
  const i = (h >> 2) & (MAX_EVENTS - 1);
  const g = <u32>(h >> (2 + INDEX_BITS));
  if (unchecked(states[i]) == FREE || unchecked(gens[i]) != g) return -1;
  return i;
}

/** 1 signalled, 0 not signalled, -1 not a live event handle. */
export function eventState(h: i32): i32 {
  const i = slot(h);
  if (i < 0) return -1;
  return unchecked(states[i]) == SET ? 1 : 0;
}

export function closeEvent(h: i32): bool {
  const i = slot(h);
  if (i < 0) return false;
  unchecked((states[i] = FREE));
  live--;
  changeCount++;
  return true;
}

export function setEvent(h: i32): bool {
  const i = slot(h);
  if (i < 0) return false;
  if (unchecked(states[i]) != SET) {
    unchecked((states[i] = SET));
    changeCount++;
  }
  return true;
}

export function resetEvent(h: i32): bool {
  const i = slot(h);
  if (i < 0) return false;
  unchecked((states[i] = RESET));
  return true;
}

/** Counts every event that became signalled and every close: a host's waiters re-check when it moves. */
export function eventChanges(): u32 {
  return changeCount;
}

export function liveEvents(): i32 {
  return live;
}
