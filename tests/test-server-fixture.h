/* test-server-fixture.h — a real edaad-server on loopback against the PostgreSQL cluster that
 * tests/pg-harness.sh started, and real HTTP through libsoup. */
#pragma once

#include <json-glib/json-glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

typedef struct
{
  GPid  pid;
  char *url;       /* "http://127.0.0.1:PORT" or "https://…" (no trailing slash) */
} TestServer;

typedef struct
{
  guint     status;
  char     *body;
  JsonNode *json;         /* parsed body, or NULL */
  char     *retry_after;  /* the Retry-After header, or NULL */
  char     *content_type;
} TestResponse;

/* The harness's database: "host=DIR user=postgres dbname=postgres".  Fails the whole test
 * program loudly when there is none. */
const char   *test_conninfo            (void);

/* Runs `edaad-server ARGV…` with --db, feeding `input` on stdin; returns stdout (stripped) and
 * sets *exit_status. */
char         *test_admin               (const char   *input,
                                        int          *exit_status,
                                        ...) G_GNUC_NULL_TERMINATED;

/* Migrates, then starts `edaad-server serve` on a free loopback port with extra environment
 * `env` ("NAME=VALUE", NULL-terminated, may be NULL).  The server dies with the test. */
TestServer   *test_server_start        (const char * const *env);
/* The same with more arguments after `serve --listen 127.0.0.1:0` (e.g. --tls-cert F
 * --tls-key F: the url is then "https://…"). */
TestServer   *test_server_start_args   (const char * const *env,
                                        const char * const *args);
void          test_server_stop         (TestServer   *server);
void          test_server_kill9        (TestServer   *server);

TestResponse *test_request             (TestServer   *server,
                                        const char   *method,
                                        const char   *path,
                                        const char   *content_type,
                                        const char   *body,
                                        const char   *token,
                                        gboolean      sync_header);
void          test_response_free       (TestResponse *response);
/* Member access on the response object. */
const char   *test_response_string     (TestResponse *response,
                                        const char   *member);
gint64        test_response_int        (TestResponse *response,
                                        const char   *member);
JsonArray    *test_response_array      (TestResponse *response,
                                        const char   *member);

/* Creates an institution and returns its scope id. */
char         *test_make_institution    (const char   *name);
/* Creates a user (password "password-1234") and returns their id. */
char         *test_make_user           (const char   *username,
                                        const char   *role,
                                        const char   *institution);
/* Logs in; returns the login answer (status 200 asserted). */
TestResponse *test_login               (TestServer   *server,
                                        const char   *username,
                                        const char   *device_id);
/* The scope of `kind` in a login answer. */
const char   *test_scope_of_kind       (TestResponse *login,
                                        const char   *kind);

/* POST /v1/sync with `push_json` (a JSON array text, or NULL for none) and `cursor`. */
TestResponse *test_sync                (TestServer   *server,
                                        const char   *token,
                                        const char   *device_id,
                                        const char   *cursor,
                                        int           pull_limit,
                                        const char   *push_json);

/* Direct SQL for assertions (the harness's database). */
gint64        test_sql_int             (const char   *sql);
void          test_sql_exec            (const char   *sql);

char         *test_uuid                (void);
/* A unique name for this test program ("name-<n>"). */
char         *test_unique              (const char   *prefix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestResponse, test_response_free)

G_END_DECLS

G_BEGIN_DECLS

/* One push entry as JSON text; `scope` only for create; `changes`/`base` are JSON object
 * texts or NULL. */
char         *test_mutation            (gint64        seq,
                                        const char   *mutation_id,
                                        const char   *type,
                                        const char   *id,
                                        const char   *op,
                                        const char   *scope,
                                        gint64        base_version,
                                        const char   *changes,
                                        const char   *base);
/* results[index] of a sync answer. */
JsonObject   *test_result_at           (TestResponse *answer,
                                        guint         index);
/* The change for record `id` in a sync answer, or NULL. */
JsonObject   *test_change_for          (TestResponse *answer,
                                        const char   *id);

G_END_DECLS
