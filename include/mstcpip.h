/* mstcpip.h — Microsoft TCP/IP specific WSAIoctl codes and structures for wasm32-wasi guests on
 * wasock: SIO_KEEPALIVE_VALS and struct tcp_keepalive. Part of wasock. */
#ifndef _MSTCPIP_
#define _MSTCPIP_

#include "winsock2.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The WSAIoctl input of SIO_KEEPALIVE_VALS: onoff non-zero turns keep-alive on, with the first probe
 * after keepalivetime ms without activity and the next ones keepaliveinterval ms apart. Over the
 * host provider the interval is always 1 s and the time whole seconds in 1..32767. */
struct tcp_keepalive {
  u_long onoff;
  u_long keepalivetime;
  u_long keepaliveinterval;
};

#ifndef SIO_KEEPALIVE_VALS
#define SIO_KEEPALIVE_VALS _WSAIOW(IOC_VENDOR, 4)
#endif

#ifdef __cplusplus
}
#endif

#endif /* _MSTCPIP_ */
