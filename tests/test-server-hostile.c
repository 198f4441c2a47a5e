/* test-server-hostile.c — every malformed or hostile request is a 4xx with {error, reason}
 * and writes nothing; never a 500. */
#define G_LOG_DOMAIN "test-server-hostile"

#include "config.h"

#include "test-server-fixture.h"

#include <gio/gio.h>
#include <string.h>

static TestServer *server;
static char *inst;
static char *token;
static char *device;

/* Rows that any write would touch. */
static gint64
footprint (void)
{
  return test_sql_int ("SELECT (SELECT count (*) FROM record) + (SELECT count (*) FROM mutation_log) "
                       "+ (SELECT coalesce (sum (last_seq), 0) FROM device) + (SELECT sum (version) FROM scope)");
}

static void
assert_refused (TestResponse *r,
                guint         status,
                const char   *error)
{
  if (r->status != status)
    g_printerr ("got %u: %s\n", r->status, r->body);
  g_assert_cmpuint (r->status, ==, status);
  g_assert_nonnull (r->json);
  g_assert_cmpstr (test_response_string (r, "error"), ==, error);
  g_assert_nonnull (test_response_string (r, "reason"));
}

static void
post_sync_body (const char *body,
                guint       status,
                const char *error)
{
  gint64 before = footprint ();
  g_autoptr(TestResponse) r = test_request (server, "POST", "/v1/sync", "application/json", body, token, TRUE);

  assert_refused (r, status, error);
  g_assert_cmpint (footprint (), ==, before);
}

static char *
with_push (const char *changes,
           const char *type,
           const char *id)
{
  g_autofree char *mid = test_uuid ();
  g_autofree char *m = test_mutation (1, mid, type, id, "create", inst, 0, changes, NULL);
  return g_strdup_printf ("{\"device_id\":\"%s\",\"cursor\":null,\"pull_limit\":10,\"push\":[%s]}", device, m);
}

static void
test_deep_nesting (void)
{
  gsize depth = 100000;
  g_autoptr(GString) body = g_string_new ("{\"device_id\":\"");

  g_string_append_printf (body, "%s\",\"cursor\":null,\"pull_limit\":10,\"push\":", device);
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (body, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (body, ']');
  g_string_append_c (body, '}');
  post_sync_body (body->str, 400, "invalid");
}

static void
test_nul (void)
{
  g_autofree char *id = test_uuid ();
  g_autofree char *body = with_push ("{\"title\":\"a\\u0000b\",\"change_type\":\"process\",\"status\":\"draft\"}", "plan", id);
  post_sync_body (body, 400, "invalid");
}

static void
test_int_overflow (void)
{
  g_autofree char *id = test_uuid (), *plan = test_uuid ();
  g_autofree char *changes = g_strdup_printf ("{\"plan_id\":\"%s\",\"title\":\"r\",\"likelihood\":9223372036854775808,\"impact\":1}", plan);
  g_autofree char *body = with_push (changes, "risk", id);
  post_sync_body (body, 400, "invalid");
}

static void
test_duplicate_keys (void)
{
  g_autofree char *id = test_uuid ();
  g_autofree char *body = with_push ("{\"title\":\"a\",\"title\":\"b\",\"change_type\":\"process\",\"status\":\"draft\"}", "plan", id);
  post_sync_body (body, 400, "invalid");
}

static void
test_schema_violations (void)
{
  g_autofree char *id = test_uuid (), *plan = test_uuid ();
  g_autofree char *unknown_type = with_push ("{\"title\":\"a\"}", "spaceship", id);
  g_autofree char *unknown_field = with_push ("{\"title\":\"a\",\"change_type\":\"process\",\"status\":\"draft\",\"colour\":\"red\"}", "plan", id);
  g_autofree char *bad_enum = with_push ("{\"title\":\"a\",\"change_type\":\"magic\",\"status\":\"draft\"}", "plan", id);
  g_autofree char *range_changes = g_strdup_printf ("{\"plan_id\":\"%s\",\"title\":\"r\",\"likelihood\":9,\"impact\":1}", plan);
  g_autofree char *bad_range = with_push (range_changes, "risk", id);
  g_autofree char *bad_uuid = with_push ("{\"title\":\"a\",\"change_type\":\"process\",\"status\":\"draft\"}", "plan", "not-a-uuid");
  g_autofree char *missing_required = with_push ("{\"change_type\":\"process\",\"status\":\"draft\"}", "plan", id);
  g_autofree char *bad_date = with_push ("{\"title\":\"a\",\"change_type\":\"process\",\"status\":\"draft\",\"due_on\":\"2026-02-30\"}", "plan", id);
  g_autofree char *wrong_type = with_push ("{\"title\":42,\"change_type\":\"process\",\"status\":\"draft\"}", "plan", id);
  g_autoptr(GString) long_string = g_string_new ("{\"title\":\"a\",\"change_type\":\"process\",\"status\":\"draft\",\"summary\":\"");
  g_autofree char *too_long = NULL;
  g_autofree char *bad_device = g_strdup ("{\"device_id\":\"xyz\",\"cursor\":null,\"pull_limit\":10,\"push\":[]}");

  for (int i = 0; i < 70 * 1024; i++)
    g_string_append_c (long_string, 'x');
  g_string_append (long_string, "\"}");
  too_long = with_push (long_string->str, "plan", id);

  post_sync_body (unknown_type, 400, "invalid");
  post_sync_body (unknown_field, 400, "invalid");
  post_sync_body (bad_enum, 400, "invalid");
  post_sync_body (bad_range, 400, "invalid");
  post_sync_body (bad_uuid, 400, "invalid");
  post_sync_body (missing_required, 400, "invalid");
  post_sync_body (bad_date, 400, "invalid");
  post_sync_body (wrong_type, 400, "invalid");
  post_sync_body (too_long, 400, "invalid");
  post_sync_body (bad_device, 400, "invalid");
  post_sync_body ("", 400, "invalid");
  post_sync_body ("[]", 400, "invalid");
  post_sync_body ("{\"device_id\":", 400, "invalid");
  post_sync_body ("null", 400, "invalid");
}

static void
test_too_many_mutations (void)
{
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_append_printf (body, "{\"device_id\":\"%s\",\"cursor\":null,\"pull_limit\":10,\"push\":[", device);
  for (int i = 1; i <= 501; i++)
    {
      g_autofree char *id = test_uuid (), *mid = test_uuid ();
      g_autofree char *m = test_mutation (i, mid, "plan", id, "create", inst, 0,
                                          "{\"title\":\"a\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
      g_string_append_printf (body, "%s%s", i > 1 ? "," : "", m);
    }
  g_string_append (body, "]}");
  post_sync_body (body->str, 400, "invalid");
}

static void
test_content_type_and_protocol (void)
{
  g_autofree char *body = g_strdup_printf ("{\"device_id\":\"%s\",\"cursor\":null,\"pull_limit\":10,\"push\":[]}", device);
  g_autoptr(TestResponse) plain = test_request (server, "POST", "/v1/sync", "text/plain", body, token, TRUE);
  g_autoptr(TestResponse) none = test_request (server, "POST", "/v1/sync", NULL, body, token, TRUE);
  g_autoptr(TestResponse) login = test_request (server, "POST", "/v1/auth/login", "application/x-www-form-urlencoded",
                                                "username=a&password=b", NULL, FALSE);
  g_autoptr(TestResponse) no_protocol = test_request (server, "POST", "/v1/sync", "application/json", body, token, FALSE);
  g_autoptr(TestResponse) with_charset = test_request (server, "POST", "/v1/sync", "application/json; charset=utf-8",
                                                       body, token, TRUE);
  g_autoptr(TestResponse) bad_login = test_request (server, "POST", "/v1/auth/login", "application/json",
                                                    "{\"username\":\"a\"}", NULL, FALSE);
  g_autoptr(TestResponse) bad_refresh = test_request (server, "POST", "/v1/auth/refresh", "application/json",
                                                      "{\"refresh_token\":5}", NULL, FALSE);

  assert_refused (plain, 415, "unsupported_media_type");
  assert_refused (none, 415, "unsupported_media_type");
  assert_refused (login, 415, "unsupported_media_type");
  assert_refused (no_protocol, 426, "upgrade_required");
  g_assert_cmpuint (with_charset->status, ==, 200);
  assert_refused (bad_login, 400, "invalid");
  assert_refused (bad_refresh, 400, "invalid");
}

/* 9 MiB announced: the answer is 413 before a byte of the body is sent. */
static void
test_too_large (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (server->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *request = NULL;
  char buffer[4096] = "";
  gsize read = 0;
  gint64 before = footprint ();

  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri), (guint16) g_uri_get_port (uri),
                                                NULL, &error);
  g_assert_no_error (error);
  request = g_strdup_printf ("POST /v1/sync HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                             "Authorization: Bearer %s\r\nSync-Protocol: 1\r\nContent-Length: %d\r\n\r\n",
                             token, 9 * 1024 * 1024);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request, strlen (request),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_input_stream_read_all (g_io_stream_get_input_stream (G_IO_STREAM (connection)), buffer, sizeof buffer - 1,
                           &read, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (buffer, "HTTP/1.1 413"));
  g_assert_nonnull (strstr (buffer, "\"error\":\"too_large\""));
  g_assert_cmpint (footprint (), ==, before);

  /* And the same through libsoup with the whole body. */
  {
    g_autofree char *big = g_malloc (9 * 1024 * 1024 + 1);
    g_autoptr(TestResponse) r = NULL;
    memset (big, ' ', 9 * 1024 * 1024);
    big[9 * 1024 * 1024] = '\0';
    r = test_request (server, "POST", "/v1/sync", "application/json", big, token, TRUE);
    g_assert_true (r->status == 413 || r->status == 0); /* 0: the server closed while we were still sending */
    g_assert_cmpint (footprint (), ==, before);
  }
}

static void
test_bad_auth_headers (void)
{
  g_autofree char *body = g_strdup_printf ("{\"device_id\":\"%s\",\"cursor\":null,\"pull_limit\":10,\"push\":[]}", device);
  g_autofree char *long_token = g_strnfill (5000, 'a');
  g_autoptr(TestResponse) none = test_request (server, "POST", "/v1/sync", "application/json", body, NULL, TRUE);
  g_autoptr(TestResponse) huge = test_request (server, "POST", "/v1/sync", "application/json", body, long_token, TRUE);
  g_autoptr(TestResponse) quote = test_request (server, "POST", "/v1/sync", "application/json", body, "'; DROP TABLE record; --", TRUE);

  assert_refused (none, 401, "token_invalid");
  assert_refused (huge, 401, "token_invalid");
  assert_refused (quote, 401, "token_invalid");
  g_assert_cmpint (test_sql_int ("SELECT count (*) FROM pg_tables WHERE tablename = 'record'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *user_id = NULL;
  g_autoptr(TestResponse) login = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  server = test_server_start (NULL);
  inst = test_make_institution ("Hostile ministry");
  name = test_unique ("hostile");
  user_id = test_make_user (name, "leader", inst);
  device = test_uuid ();
  login = test_login (server, name, device);
  token = g_strdup (test_response_string (login, "access_token"));

  g_test_add_func ("/server-hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/server-hostile/nul", test_nul);
  g_test_add_func ("/server-hostile/int-overflow", test_int_overflow);
  g_test_add_func ("/server-hostile/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/server-hostile/schema-violations", test_schema_violations);
  g_test_add_func ("/server-hostile/too-many-mutations", test_too_many_mutations);
  g_test_add_func ("/server-hostile/content-type-and-protocol", test_content_type_and_protocol);
  g_test_add_func ("/server-hostile/too-large", test_too_large);
  g_test_add_func ("/server-hostile/bad-auth-headers", test_bad_auth_headers);

  status = g_test_run ();
  test_server_stop (server);
  g_free (inst);
  g_free (token);
  g_free (device);
  return status;
}
