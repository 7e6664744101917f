/* enumprotocols — lists the Winsock protocol catalog, one block per entry, the way the classic
 * protocol enumerators print it: name, service flags spelled out, byte order, family, socket type,
 * protocol, catalog entry id and chain length. Build: see examples/README.md. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>

static const struct { DWORD bit; const char *name; } service_flags[] = {
  { XP1_CONNECTIONLESS, "XP1_CONNECTIONLESS" },
  { XP1_GUARANTEED_DELIVERY, "XP1_GUARANTEED_DELIVERY" },
  { XP1_GUARANTEED_ORDER, "XP1_GUARANTEED_ORDER" },
  { XP1_MESSAGE_ORIENTED, "XP1_MESSAGE_ORIENTED" },
  { XP1_PSEUDO_STREAM, "XP1_PSEUDO_STREAM" },
  { XP1_GRACEFUL_CLOSE, "XP1_GRACEFUL_CLOSE" },
  { XP1_EXPEDITED_DATA, "XP1_EXPEDITED_DATA" },
  { XP1_CONNECT_DATA, "XP1_CONNECT_DATA" },
  { XP1_DISCONNECT_DATA, "XP1_DISCONNECT_DATA" },
  { XP1_SUPPORT_BROADCAST, "XP1_SUPPORT_BROADCAST" },
  { XP1_SUPPORT_MULTIPOINT, "XP1_SUPPORT_MULTIPOINT" },
  { XP1_MULTIPOINT_CONTROL_PLANE, "XP1_MULTIPOINT_CONTROL_PLANE" },
  { XP1_MULTIPOINT_DATA_PLANE, "XP1_MULTIPOINT_DATA_PLANE" },
  { XP1_QOS_SUPPORTED, "XP1_QOS_SUPPORTED" },
  { XP1_INTERRUPT, "XP1_INTERRUPT" },
  { XP1_UNI_SEND, "XP1_UNI_SEND" },
  { XP1_UNI_RECV, "XP1_UNI_RECV" },
  { XP1_IFS_HANDLES, "XP1_IFS_HANDLES" },
  { XP1_PARTIAL_MESSAGE, "XP1_PARTIAL_MESSAGE" },
  { XP1_SAN_SUPPORT_SDP, "XP1_SAN_SUPPORT_SDP" },
};

static const char *family_name(int af) {
  switch (af) {
    case AF_INET: return "AF_INET";
    case AF_INET6: return "AF_INET6";
    case AF_IRDA: return "AF_IRDA";
    case AF_UNSPEC: return "AF_UNSPEC";
    default: return "?";
  }
}

static const char *type_name(int type) {
  switch (type) {
    case SOCK_STREAM: return "SOCK_STREAM";
    case SOCK_DGRAM: return "SOCK_DGRAM";
    case SOCK_RAW: return "SOCK_RAW";
    case SOCK_RDM: return "SOCK_RDM";
    case SOCK_SEQPACKET: return "SOCK_SEQPACKET";
    default: return "?";
  }
}

/* szProtocol is UTF-16 (WCHAR is 16-bit); print it as ASCII, '?' for anything else. */
static void print_wide(const WCHAR *s) {
  for (int i = 0; i <= WSAPROTOCOL_LEN && s[i]; i++) putchar(s[i] < 0x80 ? (int)s[i] : '?');
}

int main(void) {
  WSADATA wsa;
  int rc = WSAStartup(MAKEWORD(2, 2), &wsa);
  if (rc != 0) {
    fprintf(stderr, "WSAStartup failed: %d\n", rc);
    return 1;
  }
  DWORD len = 0;
  if (WSAEnumProtocolsW(NULL, NULL, &len) != SOCKET_ERROR || WSAGetLastError() != WSAENOBUFS) {
    fprintf(stderr, "sizing WSAEnumProtocolsW failed: %d\n", WSAGetLastError());
    WSACleanup();
    return 1;
  }
  WSAPROTOCOL_INFOW *info = (WSAPROTOCOL_INFOW *)malloc(len);
  int n = WSAEnumProtocolsW(NULL, info, &len);
  if (n == SOCKET_ERROR) {
    fprintf(stderr, "WSAEnumProtocolsW failed: %d\n", WSAGetLastError());
    free(info);
    WSACleanup();
    return 1;
  }
  printf("Winsock %u.%u (high %u.%u): %d catalog entries\n", LOBYTE(wsa.wVersion), HIBYTE(wsa.wVersion),
         LOBYTE(wsa.wHighVersion), HIBYTE(wsa.wHighVersion), n);
  for (int i = 0; i < n; i++) {
    const WSAPROTOCOL_INFOW *p = &info[i];
    printf("\nProtocol: ");
    print_wide(p->szProtocol);
    printf("\n  Service flags: 0x%08lx\n", (unsigned long)p->dwServiceFlags1);
    for (size_t f = 0; f < sizeof service_flags / sizeof service_flags[0]; f++)
      if (p->dwServiceFlags1 & service_flags[f].bit) printf("    %s\n", service_flags[f].name);
    printf("  Byte order: %s\n", p->iNetworkByteOrder == BIGENDIAN ? "BIGENDIAN" : "LITTLEENDIAN");
    printf("  Address family: %d (%s)\n", p->iAddressFamily, family_name(p->iAddressFamily));
    printf("  Socket type: %d (%s)\n", p->iSocketType, type_name(p->iSocketType));
    printf("  Protocol: %d\n", p->iProtocol);
    printf("  Catalog entry id: %lu\n", (unsigned long)p->dwCatalogEntryId);
    printf("  Chain length: %d (%s)\n", p->ProtocolChain.ChainLen,
           p->ProtocolChain.ChainLen == BASE_PROTOCOL ? "base provider"
           : p->ProtocolChain.ChainLen == LAYERED_PROTOCOL ? "layered provider" : "protocol chain");
  }
  free(info);
  return WSACleanup() == 0 ? 0 : 1;
}
