/* edaad-server-request.h — one HTTP request as the database workers see it, and its answer.
 *
 * The HTTP layer copies what handlers need out of the SoupServerMessage on the main thread;
 * handlers run on a worker thread and fill in the answer; the main thread sends it. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* request */
  char    *method;
  char    *path;
  char    *authorization;   /* the Authorization header, or NULL */
  char    *sync_protocol;   /* the Sync-Protocol header, or NULL */
  char    *remote_address;  /* the peer's address */
  GBytes  *body;

  /* answer */
  guint    status;
  char    *response;        /* JSON text, or NULL for an empty body */
  guint    retry_after;     /* seconds for a Retry-After header; 0 for none */
  char    *user_id;         /* who asked, for the log line */
} EdaadServerRequest;

EdaadServerRequest *edaad_server_request_new        (void);
void                edaad_server_request_free       (EdaadServerRequest *req);

/* Answers `status` with {"error": error, "reason": reason} plus the members of `extra`. */
void                edaad_server_request_error_full (EdaadServerRequest *req,
                                                     guint               status,
                                                     const char         *error,
                                                     const char         *reason,
                                                     JsonObject         *extra);
void                edaad_server_request_error      (EdaadServerRequest *req,
                                                     guint               status,
                                                     const char         *error,
                                                     const char         *reason);
/* The usual 503 when the database cannot be reached or keeps failing. */
void                edaad_server_request_unavailable (EdaadServerRequest *req);
/* Answers `status` with `node` serialised (NULL: empty body). */
void                edaad_server_request_reply      (EdaadServerRequest *req,
                                                     guint               status,
                                                     JsonNode           *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadServerRequest, edaad_server_request_free)

G_END_DECLS
