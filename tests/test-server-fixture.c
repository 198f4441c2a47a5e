/* test-server-fixture.c — see test-server-fixture.h. */
#define G_LOG_DOMAIN "test-server-fixture"

#include "config.h"

#include "test-server-fixture.h"

#include "edaad-uuid.h"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define PASSWORD "password-1234"

static void
bail_out (const char *why)
{
  g_print ("Bail out! %s\n", why);
  exit (1);
}

const char *
test_conninfo (void)
{
  static char *conninfo;

  if (conninfo == NULL)
    {
      const char *host = g_getenv ("EDAAD_TEST_PG_HOST");
      if (host == NULL || g_getenv ("EDAAD_SERVER_BINARY") == NULL)
        bail_out ("Run this test through tests/pg-harness.sh (meson test --suite server)");
      conninfo = g_strdup_printf ("host=%s user=postgres dbname=postgres", host);
    }
  return conninfo;
}

char *
test_admin (const char *input,
            int        *exit_status,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (char *) g_getenv ("EDAAD_SERVER_BINARY"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (char *) test_conninfo ());
  va_start (args, exit_status);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_printerr ("%s", err);
  *exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return g_strstrip (g_steal_pointer (&out));
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

TestServer *
test_server_start (const char * const *env)
{
  return test_server_start_args (env, NULL);
}

TestServer *
test_server_start_args (const char * const *env,
                        const char * const *args)
{
  g_autofree char *migrated = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *fixed[] = { g_getenv ("EDAAD_SERVER_BINARY"), "--db", test_conninfo (), "serve",
                          "--listen", "127.0.0.1:0" };
  g_autoptr(GError) error = NULL;
  TestServer *server = g_new0 (TestServer, 1);
  int out_fd = -1;
  FILE *out;
  char line[512];
  int status;

  migrated = test_admin (NULL, &status, "migrate", NULL);
  g_assert_cmpint (status, ==, 0);

  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);
      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (argv, (char *) fixed[i]);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                            die_with_parent, NULL, &server->pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  out = fdopen (out_fd, "r");
  g_assert_nonnull (out);
  if (fgets (line, sizeof line, out) == NULL || !g_str_has_prefix (line, "Listening on "))
    bail_out ("edaad-server serve did not start");
  server->url = g_strdup (g_strstrip (line + strlen ("Listening on ")));
  if (g_str_has_suffix (server->url, "/"))
    server->url[strlen (server->url) - 1] = '\0';
  /* Keep the pipe open (the server must never get SIGPIPE); it is closed with the process. */
  return server;
}

static void
reap (TestServer *server,
      int         signal_number)
{
  int status;

  if (server->pid == 0)
    return;
  kill (server->pid, signal_number);
  waitpid (server->pid, &status, 0);
  g_spawn_close_pid (server->pid);
  server->pid = 0;
}

void
test_server_stop (TestServer *server)
{
  if (server == NULL)
    return;
  reap (server, SIGTERM);
  g_free (server->url);
  g_free (server);
}

void
test_server_kill9 (TestServer *server)
{
  reap (server, SIGKILL);
}

TestResponse *
test_request (TestServer *server,
              const char *method,
              const char *path,
              const char *content_type,
              const char *body,
              const char *token,
              gboolean    sync_header)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 60, NULL);
  g_autofree char *uri = g_strconcat (server->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  TestResponse *response = g_new0 (TestResponse, 1);

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, content_type, request);
    }
  else if (content_type != NULL)
    soup_message_headers_replace (headers, "Content-Type", content_type);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (sync_header)
    soup_message_headers_replace (headers, "Sync-Protocol", "1");

  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  if (bytes == NULL)
    {
      response->status = 0;
      return response;
    }
  response->status = soup_message_get_status (msg);
  response->body = g_bytes_get_size (bytes) > 0 ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
                                                : g_strdup ("");
  response->retry_after = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                                  "Retry-After"));
  response->content_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (msg),
                                                                            NULL));
  if (response->body[0] != '\0')
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      if (json_parser_load_from_data (parser, response->body, -1, NULL))
        response->json = json_node_copy (json_parser_get_root (parser));
    }
  return response;
}

void
test_response_free (TestResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->body);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response->retry_after);
  g_free (response->content_type);
  g_free (response);
}

static JsonObject *
response_object (TestResponse *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_node_get_object (response->json);
}

const char *
test_response_string (TestResponse *response,
                      const char   *member)
{
  return json_object_get_string_member_with_default (response_object (response), member, NULL);
}

gint64
test_response_int (TestResponse *response,
                   const char   *member)
{
  JsonObject *object = response_object (response);
  g_assert_true (json_object_has_member (object, member));
  return json_object_get_int_member (object, member);
}

JsonArray *
test_response_array (TestResponse *response,
                     const char   *member)
{
  JsonObject *object = response_object (response);
  g_assert_true (json_object_has_member (object, member));
  return json_object_get_array_member (object, member);
}

char *
test_make_institution (const char *name)
{
  int status;
  char *id = test_admin (NULL, &status, "institution", "add", "--name-en", name, NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (edaad_uuid_is_valid (id));
  return id;
}

char *
test_make_user (const char *username,
                const char *role,
                const char *institution)
{
  int status;
  char *id;

  if (institution != NULL)
    id = test_admin (PASSWORD "\n", &status, "user", "add", "--username", username, "--name", username,
                     "--role", role, "--institution", institution, NULL);
  else
    id = test_admin (PASSWORD "\n", &status, "user", "add", "--username", username, "--name", username,
                     "--role", role, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (edaad_uuid_is_valid (id));
  return id;
}

TestResponse *
test_login (TestServer *server,
            const char *username,
            const char *device_id)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"" PASSWORD "\","
                                           "\"device_id\":\"%s\",\"device_name\":\"test\"}",
                                           username, device_id);
  TestResponse *response = test_request (server, "POST", "/v1/auth/login", "application/json", body, NULL, FALSE);

  if (response->status != 200)
    g_printerr ("login %s: %u %s\n", username, response->status, response->body);
  g_assert_cmpuint (response->status, ==, 200);
  return response;
}

const char *
test_scope_of_kind (TestResponse *login,
                    const char   *kind)
{
  JsonArray *scopes = test_response_array (login, "scopes");

  for (guint i = 0; i < json_array_get_length (scopes); i++)
    {
      JsonObject *scope = json_array_get_object_element (scopes, i);
      if (g_strcmp0 (json_object_get_string_member (scope, "kind"), kind) == 0)
        return json_object_get_string_member (scope, "id");
    }
  g_assert_not_reached ();
}

TestResponse *
test_sync (TestServer *server,
           const char *token,
           const char *device_id,
           const char *cursor,
           int         pull_limit,
           const char *push_json)
{
  g_autofree char *cursor_json = cursor != NULL ? g_strdup_printf ("\"%s\"", cursor) : g_strdup ("null");
  g_autofree char *body = g_strdup_printf ("{\"device_id\":\"%s\",\"cursor\":%s,\"pull_limit\":%d,\"push\":%s}",
                                           device_id, cursor_json, pull_limit,
                                           push_json != NULL ? push_json : "[]");

  return test_request (server, "POST", "/v1/sync", "application/json", body, token, TRUE);
}

static PGconn *
connect_db (void)
{
  PGconn *conn = PQconnectdb (test_conninfo ());

  if (PQstatus (conn) != CONNECTION_OK)
    bail_out ("cannot connect to the test database");
  return conn;
}

gint64
test_sql_int (const char *sql)
{
  PGconn *conn = connect_db ();
  PGresult *result = PQexec (conn, sql);
  gint64 value;

  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return value;
}

void
test_sql_exec (const char *sql)
{
  PGconn *conn = connect_db ();
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

char *
test_uuid (void)
{
  return edaad_uuid_new ();
}

char *
test_unique (const char *prefix)
{
  static gint counter;
  return g_strdup_printf ("%s-%d", prefix, g_atomic_int_add (&counter, 1));
}

char *
test_mutation (gint64      seq,
               const char *mutation_id,
               const char *type,
               const char *id,
               const char *op,
               const char *scope,
               gint64      base_version,
               const char *changes,
               const char *base)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "{\"seq\":%" G_GINT64_FORMAT ",\"mutation_id\":\"%s\",\"type\":\"%s\","
                          "\"id\":\"%s\",\"op\":\"%s\"", seq, mutation_id, type, id, op);
  if (scope != NULL)
    g_string_append_printf (text, ",\"scope\":\"%s\"", scope);
  g_string_append_printf (text, ",\"base_version\":%" G_GINT64_FORMAT, base_version);
  if (changes != NULL)
    g_string_append_printf (text, ",\"changes\":%s", changes);
  if (base != NULL)
    g_string_append_printf (text, ",\"base\":%s", base);
  g_string_append_c (text, '}');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

JsonObject *
test_result_at (TestResponse *answer,
                guint         index)
{
  JsonArray *results = test_response_array (answer, "results");

  g_assert_cmpuint (index, <, json_array_get_length (results));
  return json_array_get_object_element (results, index);
}

JsonObject *
test_change_for (TestResponse *answer,
                 const char   *id)
{
  JsonArray *changes = test_response_array (answer, "changes");

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      if (g_strcmp0 (json_object_get_string_member (change, "id"), id) == 0)
        return change;
    }
  return NULL;
}
