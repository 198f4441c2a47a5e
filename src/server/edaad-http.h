/* edaad-http.h — the HTTP front of edaad-server: routing, limits, logging, and the pool of
 * database workers that keeps libpq's blocking calls off the main loop. */
#pragma once

#include <gio/gio.h>

#include "edaad-server-config.h"

G_BEGIN_DECLS

#define EDAAD_HTTP_MAX_BODY (8 * 1024 * 1024)
#define EDAAD_PROTOCOL_MIN 1
#define EDAAD_PROTOCOL_MAX 1

#define EDAAD_TYPE_HTTP_SERVER (edaad_http_server_get_type ())
G_DECLARE_FINAL_TYPE (EdaadHttpServer, edaad_http_server, EDAAD, HTTP_SERVER, GObject)

/* Takes ownership of `config`. */
EdaadHttpServer *edaad_http_server_new    (EdaadServerConfig  *config,
                                           GError            **error);

/* Listens on "ADDR:PORT" ("127.0.0.1:8080", "[::1]:8443", port 0 picks a free one), over TLS
 * when `tls_cert` and `tls_key` are given, and prints "Listening on URL" to stdout. */
gboolean         edaad_http_server_listen (EdaadHttpServer    *self,
                                           const char         *listen,
                                           const char         *tls_cert,
                                           const char         *tls_key,
                                           GError            **error);

G_END_DECLS
