/* edaad-auth-message.h — the other bodies of DESIGN.md §5: GET /v1/hello, POST /v1/auth/login,
 * POST /v1/auth/refresh, and the error body {error, reason}.
 *
 * Parsing is as strict as for sync messages (EDAAD_SYNC_MESSAGE_ERROR_INVALID, messages safe
 * to send back).  Never log a password or a token from these structs.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "edaad-sync-message.h"

G_BEGIN_DECLS

#define EDAAD_AUTH_MAX_USERNAME_CHARS 200
#define EDAAD_AUTH_MAX_PASSWORD_BYTES 1024
#define EDAAD_AUTH_MAX_TOKEN_BYTES    512  /* printable ASCII, no spaces */
#define EDAAD_AUTH_MAX_BODY_BYTES     (64 * 1024)

/* {protocol_min, protocol_max, server_version} */
typedef struct
{
  gint64  protocol_min;    /* ≥ 1 */
  gint64  protocol_max;    /* ≥ protocol_min */
  char   *server_version;
} EdaadHelloAnswer;

EdaadHelloAnswer *edaad_hello_answer_parse     (const char             *data,
                                                gssize                  length,
                                                GError                **error);
char             *edaad_hello_answer_to_string (const EdaadHelloAnswer *hello);
void              edaad_hello_answer_free      (EdaadHelloAnswer       *hello);

/* {username, password, device_id, device_name} — all required, none blank. */
typedef struct
{
  char *username;
  char *password;
  char *device_id;    /* UUID */
  char *device_name;
} EdaadLoginRequest;

EdaadLoginRequest *edaad_login_request_parse     (const char              *data,
                                                  gssize                   length,
                                                  GError                 **error);
char              *edaad_login_request_to_string (const EdaadLoginRequest *login);
/* Overwrites the password with zeros before freeing it. */
void               edaad_login_request_free      (EdaadLoginRequest       *login);

/* {refresh_token} */
typedef struct
{
  char *refresh_token;
} EdaadRefreshRequest;

EdaadRefreshRequest *edaad_refresh_request_parse     (const char                *data,
                                                      gssize                     length,
                                                      GError                   **error);
char                *edaad_refresh_request_to_string (const EdaadRefreshRequest *refresh);
void                 edaad_refresh_request_free      (EdaadRefreshRequest       *refresh);

typedef struct
{
  char *id;        /* UUID */
  char *username;
  char *name;
  char *role;
} EdaadAuthUser;

/* Login answer: {access_token, refresh_token, expires_in, user:{id, username, name, role},
 * scopes:[{id, kind, name, writable}]}.  The refresh answer ("a new pair") is the same
 * object; there `user` and `scopes` may be absent (user NULL, scopes empty). */
typedef struct
{
  char          *access_token;
  char          *refresh_token;
  gint64         expires_in;   /* seconds, ≥ 1 */
  EdaadAuthUser *user;         /* NULL when absent (refresh only) */
  GPtrArray     *scopes;       /* of EdaadSyncScope, never NULL */
} EdaadAuthAnswer;

EdaadAuthAnswer *edaad_auth_answer_new       (void);
/* `require_user`: TRUE for the login answer, FALSE for the refresh answer. */
EdaadAuthAnswer *edaad_auth_answer_parse     (const char            *data,
                                              gssize                 length,
                                              gboolean               require_user,
                                              GError               **error);
char            *edaad_auth_answer_to_string (const EdaadAuthAnswer *answer);
void             edaad_auth_answer_free      (EdaadAuthAnswer       *answer);

/* {error, reason} plus, for 409 seq_gap, last_seq.  `error` is the code ("invalid",
 * "token_expired", "seq_gap"…: lowercase letters and "_"); reason may be NULL. */
typedef struct
{
  char   *error;
  char   *reason;
  gint64  last_seq;  /* -1 when absent */
} EdaadErrorBody;

EdaadErrorBody *edaad_error_body_new       (const char           *error_code,
                                            const char           *reason);
EdaadErrorBody *edaad_error_body_parse     (const char           *data,
                                            gssize                length,
                                            GError              **error);
char           *edaad_error_body_to_string (const EdaadErrorBody *body);
void            edaad_error_body_free      (EdaadErrorBody       *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadHelloAnswer, edaad_hello_answer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadLoginRequest, edaad_login_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadRefreshRequest, edaad_refresh_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadAuthAnswer, edaad_auth_answer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadErrorBody, edaad_error_body_free)

G_END_DECLS
