/* winsock.h — Winsock 1.1 programs get the same declarations as Winsock 2 (a superset), as they do
 * when a Windows program includes windows.h after winsock2.h. Part of wasock. */
#ifndef _WINSOCKAPI_
#include "winsock2.h"
#endif
