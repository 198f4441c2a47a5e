/* edaad-auth.h — passwords, tokens and the /v1/auth endpoints (DESIGN.md §5, Auth). */
#pragma once

#include <glib.h>

#include "edaad-access.h"
#include "edaad-pg.h"
#include "edaad-server-config.h"
#include "edaad-server-request.h"

G_BEGIN_DECLS

/* An argon2id PHC string for `password`, with a fresh random salt. */
char         *edaad_auth_hash_password    (const char               *password,
                                           GError                  **error);
gboolean      edaad_auth_verify_password  (const char               *encoded,
                                           const char               *password);

/* 256 random bits from getrandom(), base64url without padding (43 characters). */
char         *edaad_auth_new_token        (void);
/* Lowercase hex SHA-256 of a token: what the database stores. */
char         *edaad_auth_token_hash       (const char               *token);

/* Resolves "Authorization: Bearer …" to a live session, or answers 401 token_expired /
 * token_invalid (or 503) in `req` and returns NULL. */
EdaadSession *edaad_auth_authenticate     (EdaadPg                  *pg,
                                           EdaadServerRequest       *req);

void          edaad_auth_handle_login     (const EdaadServerConfig  *config,
                                           EdaadPg                  *pg,
                                           EdaadServerRequest       *req);
void          edaad_auth_handle_refresh   (const EdaadServerConfig  *config,
                                           EdaadPg                  *pg,
                                           EdaadServerRequest       *req);
void          edaad_auth_handle_logout    (const EdaadServerConfig  *config,
                                           EdaadPg                  *pg,
                                           EdaadServerRequest       *req);

G_END_DECLS
