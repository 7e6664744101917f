// Test harness: the wasock core plus a pass-through layered provider installed over the host
// provider's TCP/IPv4 entry, to show that a layer plugs into the catalog without api/ changes.
export * from "../../assembly/targets/wasock";
import { Provider } from "../../assembly/catalog/provider";
import { entryById, installLayered, ProtocolEntry } from "../../assembly/catalog/catalog";
import { hostProvider, installHostProvider } from "../../assembly/catalog/host-provider";
import { Sock } from "../../assembly/api/sock";

/** Forwards everything (the defaults) and counts the sends it saw. */
class CountingLayer extends Provider {
  sends: i32 = 0;
  send(s: Sock, buf: usize, len: i32, flags: i32, to: usize, tolen: i32): i32 {
    this.sends++;
    return this.lower!.send(s, buf, len, flags, to, tolen);
  }
}

const layer = new CountingLayer(hostProvider);

export function harness_install_layer(): u32 {
  installHostProvider();
  const over = new Array<ProtocolEntry>();
  over.push(entryById(1001)!);
  return installLayered(layer, "counting layer", over);
}

export function harness_layer_sends(): i32 {
  return layer.sends;
}
