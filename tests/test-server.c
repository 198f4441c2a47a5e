/* test-server.c — edaad-server end to end: commands, endpoints, auth, statelessness. */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include "test-server-fixture.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

static TestServer *server;

static void
test_hello (void)
{
  g_autoptr(TestResponse) hello = test_request (server, "GET", "/v1/hello", NULL, NULL, NULL, FALSE);
  g_autoptr(TestResponse) health = test_request (server, "GET", "/healthz", NULL, NULL, NULL, FALSE);
  g_autoptr(TestResponse) missing = test_request (server, "GET", "/v1/nothing", NULL, NULL, NULL, FALSE);
  g_autoptr(TestResponse) method = test_request (server, "GET", "/v1/sync", NULL, NULL, NULL, FALSE);

  g_assert_cmpuint (hello->status, ==, 200);
  g_assert_cmpstr (hello->content_type, ==, "application/json");
  g_assert_cmpint (test_response_int (hello, "protocol_min"), ==, 1);
  g_assert_cmpint (test_response_int (hello, "protocol_max"), ==, 1);
  g_assert_nonnull (test_response_string (hello, "server_version"));
  g_assert_cmpuint (health->status, ==, 200);
  g_assert_cmpuint (missing->status, ==, 404);
  g_assert_cmpstr (test_response_string (missing, "error"), ==, "not_found");
  g_assert_cmpuint (method->status, ==, 405);
}

static void
test_happy_path (void)
{
  g_autofree char *inst = test_make_institution ("Happy ministry");
  g_autofree char *user = test_unique ("happy");
  g_autofree char *user_id = test_make_user (user, "leader", inst);
  g_autofree char *dev1 = test_uuid (), *dev2 = test_uuid ();
  g_autofree char *plan = test_uuid (), *mid = test_uuid ();
  g_autoptr(TestResponse) login1 = test_login (server, user, dev1);
  g_autoptr(TestResponse) login2 = test_login (server, user, dev2);
  g_autofree char *push = NULL;
  g_autofree char *m = NULL;
  g_autoptr(TestResponse) answer = NULL;
  g_autoptr(TestResponse) pulled = NULL;
  g_autoptr(TestResponse) again = NULL;
  JsonObject *result, *change, *fields, *user_json;

  user_json = json_object_get_object_member (json_node_get_object (login1->json), "user");
  g_assert_cmpstr (json_object_get_string_member (user_json, "id"), ==, user_id);
  g_assert_cmpstr (json_object_get_string_member (user_json, "role"), ==, "leader");
  g_assert_cmpint (test_response_int (login1, "expires_in"), ==, 900);
  g_assert_cmpuint (json_array_get_length (test_response_array (login1, "scopes")), ==, 3);
  g_assert_cmpstr (test_scope_of_kind (login1, "institution"), ==, inst);

  m = test_mutation (1, mid, "plan", plan, "create", inst, 0,
                     "{\"title\":\"Digital permits\",\"change_type\":\"it_digital\",\"status\":\"draft\",\"kotter_step\":2}",
                     NULL);
  push = g_strdup_printf ("[%s]", m);
  answer = test_sync (server, test_response_string (login1, "access_token"), dev1, NULL, 1000, push);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpint (test_response_int (answer, "last_seq"), ==, 1);
  result = test_result_at (answer, 0);
  g_assert_cmpint (json_object_get_int_member (result, "seq"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  g_assert_cmpint (json_object_get_int_member (result, "version"), >=, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "conflicts")), ==, 0);

  /* The other device pulls it. */
  pulled = test_sync (server, test_response_string (login2, "access_token"), dev2, NULL, 1000, NULL);
  g_assert_cmpuint (pulled->status, ==, 200);
  g_assert_cmpint (test_response_int (pulled, "last_seq"), ==, 0);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (pulled->json), "has_more"));
  g_assert_cmpint (test_response_int (pulled, "remaining"), ==, 0);
  change = test_change_for (pulled, plan);
  g_assert_nonnull (change);
  g_assert_cmpstr (json_object_get_string_member (change, "type"), ==, "plan");
  g_assert_cmpstr (json_object_get_string_member (change, "scope"), ==, inst);
  g_assert_cmpint (json_object_get_int_member (change, "version"), ==, json_object_get_int_member (result, "version"));
  g_assert_false (json_object_get_boolean_member (change, "deleted"));
  fields = json_object_get_object_member (change, "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "Digital permits");
  g_assert_cmpint (json_object_get_int_member (fields, "kotter_step"), ==, 2);
  g_assert_nonnull (test_change_for (pulled, inst)); /* the institution record, from the programme scope */
  g_assert_cmpuint (json_array_get_length (test_response_array (pulled, "scopes")), ==, 3);

  /* A no-op sync: nothing new, the same cursor. */
  again = test_sync (server, test_response_string (login2, "access_token"), dev2,
                     test_response_string (pulled, "cursor"), 1000, NULL);
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (test_response_array (again, "changes")), ==, 0);
  g_assert_cmpstr (test_response_string (again, "cursor"), ==, test_response_string (pulled, "cursor"));
}

static void
test_paging (void)
{
  g_autofree char *inst = test_make_institution ("Paging ministry");
  g_autofree char *user = test_unique ("pager");
  g_autofree char *user_id = test_make_user (user, "leader", inst);
  g_autofree char *dev = test_uuid ();
  g_autoptr(TestResponse) login = test_login (server, user, dev);
  const char *token = test_response_string (login, "access_token");
  g_autoptr(GString) push = g_string_new ("[");
  g_autoptr(TestResponse) answer = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  gboolean more = TRUE;
  gint64 first_remaining = -1;
  guint pages = 0;

  for (int i = 1; i <= 50; i++)
    {
      g_autofree char *id = test_uuid (), *mid = test_uuid ();
      g_autofree char *changes = g_strdup_printf ("{\"title\":\"Plan %d\",\"change_type\":\"process\",\"status\":\"draft\"}", i);
      g_autofree char *m = test_mutation (i, mid, "plan", id, "create", inst, 0, changes, NULL);
      g_string_append_printf (push, "%s%s", i > 1 ? "," : "", m);
    }
  g_string_append_c (push, ']');
  answer = test_sync (server, token, dev, NULL, 1, push->str);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpint (test_response_int (answer, "last_seq"), ==, 50);
  g_assert_cmpuint (json_array_get_length (test_response_array (answer, "results")), ==, 50);
  g_clear_pointer (&answer, test_response_free);

  while (more)
    {
      g_autoptr(TestResponse) page = test_sync (server, token, dev, cursor, 7, NULL);
      JsonArray *changes;

      g_assert_cmpuint (page->status, ==, 200);
      changes = test_response_array (page, "changes");
      g_assert_cmpuint (json_array_get_length (changes), <=, 7);
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *c = json_array_get_object_element (changes, i);
          g_hash_table_add (seen, g_strdup (json_object_get_string_member (c, "id")));
        }
      more = json_object_get_boolean_member (json_node_get_object (page->json), "has_more");
      if (first_remaining < 0)
        first_remaining = test_response_int (page, "remaining");
      if (!more)
        g_assert_cmpint (test_response_int (page, "remaining"), ==, 0);
      g_free (cursor);
      cursor = g_strdup (test_response_string (page, "cursor"));
      pages++;
      g_assert_cmpuint (pages, <, 100);
    }
  /* 50 plans + the institution record (and any other institutions in the programme scope). */
  g_assert_cmpuint (g_hash_table_size (seen), >=, 51);
  g_assert_cmpint (first_remaining, ==, (gint64) g_hash_table_size (seen) - 7);
}

static void
test_token_expiry_and_refresh (void)
{
  const char *env[] = { "EDAAD_SERVER_ACCESS_TTL=1", NULL };
  TestServer *short_lived = test_server_start (env);
  g_autofree char *inst = test_make_institution ("Expiry ministry");
  g_autofree char *user = test_unique ("expiry");
  g_autofree char *user_id = test_make_user (user, "leader", inst);
  g_autofree char *dev = test_uuid ();
  g_autoptr(TestResponse) login = test_login (short_lived, user, dev);
  g_autoptr(TestResponse) expired = NULL;
  g_autoptr(TestResponse) refreshed = NULL;
  g_autoptr(TestResponse) works = NULL;
  g_autoptr(TestResponse) reuse = NULL;
  g_autoptr(TestResponse) after = NULL;
  g_autoptr(TestResponse) refresh2 = NULL;
  g_autofree char *body = NULL, *body2 = NULL;

  g_assert_cmpint (test_response_int (login, "expires_in"), ==, 1);
  g_usleep (2100 * G_TIME_SPAN_MILLISECOND);
  expired = test_sync (short_lived, test_response_string (login, "access_token"), dev, NULL, 10, NULL);
  g_assert_cmpuint (expired->status, ==, 401);
  g_assert_cmpstr (test_response_string (expired, "error"), ==, "token_expired");

  body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", test_response_string (login, "refresh_token"));
  refreshed = test_request (short_lived, "POST", "/v1/auth/refresh", "application/json", body, NULL, FALSE);
  g_assert_cmpuint (refreshed->status, ==, 200);
  g_assert_cmpstr (test_response_string (refreshed, "refresh_token"), !=, test_response_string (login, "refresh_token"));
  g_assert_cmpstr (test_response_string (refreshed, "access_token"), !=, test_response_string (login, "access_token"));
  works = test_sync (short_lived, test_response_string (refreshed, "access_token"), dev, NULL, 10, NULL);
  g_assert_cmpuint (works->status, ==, 200);

  /* The old refresh token is dead; using it again revokes the whole family. */
  reuse = test_request (short_lived, "POST", "/v1/auth/refresh", "application/json", body, NULL, FALSE);
  g_assert_cmpuint (reuse->status, ==, 401);
  g_assert_cmpstr (test_response_string (reuse, "error"), ==, "token_invalid");
  after = test_sync (short_lived, test_response_string (refreshed, "access_token"), dev, NULL, 10, NULL);
  g_assert_cmpuint (after->status, ==, 401);
  g_assert_cmpstr (test_response_string (after, "error"), ==, "token_invalid");
  body2 = g_strdup_printf ("{\"refresh_token\":\"%s\"}", test_response_string (refreshed, "refresh_token"));
  refresh2 = test_request (short_lived, "POST", "/v1/auth/refresh", "application/json", body2, NULL, FALSE);
  g_assert_cmpuint (refresh2->status, ==, 401);

  test_server_stop (short_lived);
}

static void
test_logout (void)
{
  g_autofree char *inst = test_make_institution ("Logout ministry");
  g_autofree char *user = test_unique ("logout");
  g_autofree char *user_id = test_make_user (user, "leader", inst);
  g_autofree char *dev = test_uuid ();
  g_autoptr(TestResponse) login = test_login (server, user, dev);
  g_autoptr(TestResponse) out = NULL;
  g_autoptr(TestResponse) after = NULL;
  g_autoptr(TestResponse) refresh = NULL;
  g_autoptr(TestResponse) none = NULL;
  g_autoptr(TestResponse) garbage = NULL;
  g_autofree char *body = NULL;

  out = test_request (server, "POST", "/v1/auth/logout", NULL, NULL, test_response_string (login, "access_token"), FALSE);
  g_assert_cmpuint (out->status, ==, 204);
  after = test_sync (server, test_response_string (login, "access_token"), dev, NULL, 10, NULL);
  g_assert_cmpuint (after->status, ==, 401);
  g_assert_cmpstr (test_response_string (after, "error"), ==, "token_invalid");
  body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", test_response_string (login, "refresh_token"));
  refresh = test_request (server, "POST", "/v1/auth/refresh", "application/json", body, NULL, FALSE);
  g_assert_cmpuint (refresh->status, ==, 401);

  none = test_sync (server, NULL, dev, NULL, 10, NULL);
  g_assert_cmpuint (none->status, ==, 401);
  g_assert_cmpstr (test_response_string (none, "error"), ==, "token_invalid");
  garbage = test_sync (server, "not-a-token", dev, NULL, 10, NULL);
  g_assert_cmpuint (garbage->status, ==, 401);
}

static void
test_disabled_user (void)
{
  g_autofree char *inst = test_make_institution ("Disabled ministry");
  g_autofree char *user = test_unique ("disabled");
  g_autofree char *user_id = test_make_user (user, "leader", inst);
  g_autofree char *dev = test_uuid ();
  g_autoptr(TestResponse) login = test_login (server, user, dev);
  g_autoptr(TestResponse) before = NULL;
  g_autoptr(TestResponse) after = NULL;
  g_autoptr(TestResponse) again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *body = NULL;
  int status;

  before = test_sync (server, test_response_string (login, "access_token"), dev, NULL, 10, NULL);
  g_assert_cmpuint (before->status, ==, 200);
  out = test_admin (NULL, &status, "user", "disable", "--username", user, NULL);
  g_assert_cmpint (status, ==, 0);
  after = test_sync (server, test_response_string (login, "access_token"), dev, NULL, 10, NULL);
  g_assert_cmpuint (after->status, ==, 401);
  body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"password-1234\",\"device_id\":\"%s\",\"device_name\":\"x\"}",
                          user, dev);
  again = test_request (server, "POST", "/v1/auth/login", "application/json", body, NULL, FALSE);
  g_assert_cmpuint (again->status, ==, 401);
}

static void
test_login_rate_limit (void)
{
  const char *env[] = { "EDAAD_SERVER_LOGIN_LIMIT_ACCOUNT=3", NULL };
  TestServer *limited = test_server_start (env);
  g_autofree char *inst = test_make_institution ("Rate ministry");
  g_autofree char *user = test_unique ("rate");
  g_autofree char *other = test_unique ("rate-other");
  g_autofree char *user_id = test_make_user (user, "leader", inst);
  g_autofree char *other_id = test_make_user (other, "leader", inst);
  g_autofree char *dev = test_uuid ();
  g_autofree char *wrong = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"wrong-password\","
                                            "\"device_id\":\"%s\",\"device_name\":\"x\"}", user, dev);
  g_autofree char *right = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"password-1234\","
                                            "\"device_id\":\"%s\",\"device_name\":\"x\"}", user, dev);
  g_autoptr(TestResponse) limited_wrong = NULL;
  g_autoptr(TestResponse) limited_right = NULL;
  g_autoptr(TestResponse) other_login = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(TestResponse) r = test_request (limited, "POST", "/v1/auth/login", "application/json", wrong, NULL, FALSE);
      g_assert_cmpuint (r->status, ==, 401);
      g_assert_cmpstr (test_response_string (r, "error"), ==, "invalid_credentials");
    }
  limited_wrong = test_request (limited, "POST", "/v1/auth/login", "application/json", wrong, NULL, FALSE);
  g_assert_cmpuint (limited_wrong->status, ==, 429);
  g_assert_nonnull (limited_wrong->retry_after);
  g_assert_cmpint (atoi (limited_wrong->retry_after), >=, 1);
  g_assert_cmpint (atoi (limited_wrong->retry_after), <=, 900);
  /* The failures are counted in the database, so every instance sees them: two more on the
   * main server (limit 5) reach its limit, and then even the right password waits. */
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(TestResponse) r = test_request (server, "POST", "/v1/auth/login", "application/json", wrong, NULL, FALSE);
      g_assert_cmpuint (r->status, ==, 401);
    }
  limited_right = test_request (server, "POST", "/v1/auth/login", "application/json", right, NULL, FALSE);
  g_assert_cmpuint (limited_right->status, ==, 429);
  other_login = test_login (limited, other, dev);
  g_assert_cmpuint (other_login->status, ==, 200);

  test_server_stop (limited);
}

static void
test_stateless (void)
{
  TestServer *second = test_server_start (NULL);
  g_autofree char *inst = test_make_institution ("Stateless ministry");
  g_autofree char *user = test_unique ("stateless");
  g_autofree char *user_id = test_make_user (user, "leader", inst);
  g_autofree char *dev = test_uuid ();
  g_autoptr(TestResponse) login = test_login (server, user, dev);
  const char *token = test_response_string (login, "access_token");
  gint64 previous = 0;

  for (int i = 1; i <= 6; i++)
    {
      TestServer *target = i % 2 ? second : server;
      g_autofree char *id = test_uuid (), *mid = test_uuid ();
      g_autofree char *m = test_mutation (i, mid, "plan", id, "create", inst, 0,
                                          "{\"title\":\"x\",\"change_type\":\"other\",\"status\":\"draft\"}", NULL);
      g_autofree char *push = g_strdup_printf ("[%s]", m);
      g_autoptr(TestResponse) answer = test_sync (target, token, dev, NULL, 1, push);
      gint64 version;

      g_assert_cmpuint (answer->status, ==, 200);
      g_assert_cmpint (test_response_int (answer, "last_seq"), ==, i);
      version = json_object_get_int_member (test_result_at (answer, 0), "version");
      g_assert_cmpint (version, ==, previous + 1);
      previous = version;
    }
  test_server_stop (second);
}

/* GET `url` through `session`; returns the status (0 when the request failed, with *error). */
static guint
tls_get (SoupSession  *session,
         const char   *url,
         char        **body,
         GError      **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) bytes = soup_session_send_and_read (session, msg, NULL, error);

  if (bytes == NULL)
    return 0;
  if (body != NULL)
    *body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return soup_message_get_status (msg);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* `serve --tls-cert --tls-key` with a self-signed certificate made here by openssl: HTTPS
 * works for a client that trusts it, a client that does not is refused, and plain HTTP on
 * the TLS port gets no answer. */
static void
test_tls (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("edaad-tls-XXXXXX", &error);
  g_autofree char *cert = NULL, *key = NULL, *other = NULL, *openssl_err = NULL;
  g_autofree char *hello_url = NULL, *plain_url = NULL, *body = NULL, *login_url = NULL;
  g_autoptr(GTlsDatabase) trusted = NULL;
  g_autoptr(SoupSession) trusting = NULL;
  g_autoptr(SoupSession) untrusting = NULL;
  g_autoptr(SoupSession) plain = NULL;
  g_autofree char *inst = test_make_institution ("TLS ministry");
  g_autofree char *user = test_unique ("tls");
  g_autofree char *user_id = test_make_user (user, "leader", inst);
  g_autofree char *device = test_uuid ();
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  TestServer *tls_server;
  int wait_status = 0;
  int status;
  char *out;

  /* build-aux/install-deps installs it: a missing openssl is a broken setup, not a skip. */
  if (openssl == NULL)
    g_error ("openssl is not installed; run build-aux/install-deps");
  g_assert_no_error (error);
  cert = g_build_filename (dir, "cert.pem", NULL);
  key = g_build_filename (dir, "key.pem", NULL);
  {
    const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                           "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                           "-keyout", key, "-out", cert, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                  NULL, NULL, NULL, &openssl_err, &wait_status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (wait_status, NULL))
      g_error ("openssl req failed: %s", openssl_err);
  }

  /* Refused at start: half a pair, or a key that is not one. */
  out = test_admin (NULL, &status, "serve", "--listen", "127.0.0.1:0", "--tls-cert", cert, NULL);
  g_assert_cmpint (status, ==, 1);
  g_free (out);
  other = g_build_filename (dir, "not-a-key.pem", NULL);
  g_assert_true (g_file_set_contents (other, "not a key\n", -1, NULL));
  out = test_admin (NULL, &status, "serve", "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", other, NULL);
  g_assert_cmpint (status, ==, 1);
  g_free (out);

  tls_server = test_server_start_args (NULL, (const char * const []) { "--tls-cert", cert, "--tls-key", key, NULL });
  g_assert_true (g_str_has_prefix (tls_server->url, "https://127.0.0.1:"));
  hello_url = g_strconcat (tls_server->url, "/v1/hello", NULL);
  login_url = g_strconcat (tls_server->url, "/v1/auth/login", NULL);
  plain_url = g_strconcat ("http://", tls_server->url + strlen ("https://"), "/v1/hello", NULL);

  /* A client that trusts this certificate. */
  trusted = g_tls_file_database_new (cert, &error);
  g_assert_no_error (error);
  trusting = soup_session_new_with_options ("tls-database", trusted, "timeout", 30, NULL);
  g_assert_cmpuint (tls_get (trusting, hello_url, &body, &error), ==, 200);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (body, "\"protocol_max\":1"));
  {
    /* A whole request through a worker and the database, over TLS. */
    g_autofree char *json = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"password-1234\","
                                             "\"device_id\":\"%s\",\"device_name\":\"tls\"}", user, device);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", login_url);
    g_autoptr(GBytes) request = g_bytes_new (json, strlen (json));
    g_autoptr(GBytes) answer = NULL;

    soup_message_set_request_body_from_bytes (msg, "application/json", request);
    answer = soup_session_send_and_read (trusting, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (answer, NULL), (gssize) g_bytes_get_size (answer),
                                    "\"access_token\""));
  }

  /* A client with only the system's authorities: the self-signed certificate is refused. */
  untrusting = soup_session_new_with_options ("timeout", 30, NULL);
  g_assert_cmpuint (tls_get (untrusting, hello_url, NULL, &error), ==, 0);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  g_clear_error (&error);

  /* Plain HTTP to the TLS port: no HTTP answer, the connection is dropped. */
  plain = soup_session_new_with_options ("timeout", 30, NULL);
  g_assert_cmpuint (tls_get (plain, plain_url, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT));
  g_clear_error (&error);

  /* And the server still serves HTTPS after both. */
  g_clear_pointer (&body, g_free);
  g_assert_cmpuint (tls_get (trusting, hello_url, &body, &error), ==, 200);
  g_assert_no_error (error);

  test_server_stop (tls_server);
  remove_tree (dir);
}

static void
test_admin_commands (void)
{
  g_autofree char *inst = test_make_institution ("Admin ministry");
  g_autofree char *name = test_unique ("admin");
  g_autofree char *office = test_unique ("office");
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *office_id = NULL;
  g_autofree char *dev = test_uuid ();
  g_autoptr(TestResponse) login = NULL;
  g_autoptr(TestResponse) pulled = NULL;
  int status;

  out = test_admin ("password-1234\n", &status, "user", "add", "--username", name, "--name", "N", "--role", "leader", NULL);
  g_assert_cmpint (status, ==, 1); /* a leader needs an institution */
  g_clear_pointer (&out, g_free);
  out = test_admin ("short\n", &status, "user", "add", "--username", name, "--name", "N", "--role", "leader",
                    "--institution", inst, NULL);
  g_assert_cmpint (status, ==, 1); /* password too short */
  g_clear_pointer (&out, g_free);
  out = test_admin ("password-1234\n", &status, "user", "add", "--username", name, "--name", "N", "--role", "boss", NULL);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);
  out = test_admin ("password-1234\n", &status, "user", "add", "--username", name, "--name", "N", "--role", "leader",
                    "--institution", "00000000-0000-4000-8000-000000000000", NULL);
  g_assert_cmpint (status, ==, 1); /* no such institution */
  g_clear_pointer (&out, g_free);
  out = test_admin ("password-1234\n", &status, "user", "add", "--username", name, "--name", "N", "--role", "leader",
                    "--institution", inst, NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = test_admin ("password-1234\n", &status, "user", "add", "--username", name, "--name", "N", "--role", "leader",
                    "--institution", inst, NULL);
  g_assert_cmpint (status, ==, 1); /* taken */
  g_clear_pointer (&out, g_free);
  out = test_admin (NULL, &status, "user", "disable", "--username", "nobody-at-all", NULL);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);
  out = test_admin (NULL, &status, "frobnicate", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  out = test_admin (NULL, &status, "institution", "add", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  out = test_admin (NULL, &status, "migrate", "--username", "x", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);

  /* programme import: an edition, two modules, an assignment naming its module by position. */
  dir = g_dir_make_tmp ("edaad-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "edition.json", NULL);
  g_file_set_contents (path,
                       "{\"edition\":{\"id\":\"0190a3c4-5b6e-7abc-9def-0123456789ab\",\"name_en\":\"Edaad 9\","
                       "\"starts_on\":\"2026-01-01\",\"ends_on\":\"2026-06-30\"},"
                       "\"modules\":[{\"id\":\"0190a3c4-5b6e-7abc-9def-0123456789ac\",\"position\":1,\"title_en\":\"Day 1\"},"
                       "{\"id\":\"0190a3c4-5b6e-7abc-9def-0123456789ad\",\"position\":2,\"title_en\":\"Day 2\"}],"
                       "\"assignments\":[{\"id\":\"0190a3c4-5b6e-7abc-9def-0123456789ae\",\"module_position\":2,"
                       "\"title_en\":\"ADKAR baseline\",\"due_at\":\"2026-02-01T12:00:00Z\"}]}", -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&out, g_free);
  out = test_admin (NULL, &status, "programme", "import", path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "Imported 4 records");
  g_clear_pointer (&out, g_free);
  out = test_admin (NULL, &status, "programme", "import", path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "Imported 0 records");
  g_assert_cmpint (test_sql_int ("SELECT count (*) FROM record WHERE fields->>'module_id' = "
                                 "'0190a3c4-5b6e-7abc-9def-0123456789ad'"), ==, 1);
  g_assert_cmpint (test_sql_int ("SELECT count (*) FROM report_module WHERE edition_id = "
                                 "'0190a3c4-5b6e-7abc-9def-0123456789ab'"), ==, 2);
  g_file_set_contents (path, "{\"edition\":{\"name_en\":\"No dates\"}}", -1, &error);
  g_clear_pointer (&out, g_free);
  out = test_admin (NULL, &status, "programme", "import", path, NULL);
  g_assert_cmpint (status, ==, 1);
  g_unlink (path);
  g_rmdir (dir);

  /* The programme office reads the programme scope, the edition included. */
  office_id = test_make_user (office, "programme_office", NULL);
  login = test_login (server, office, dev);
  pulled = test_sync (server, test_response_string (login, "access_token"), dev, NULL, 5000, NULL);
  g_assert_cmpuint (pulled->status, ==, 200);
  g_assert_nonnull (test_change_for (pulled, "0190a3c4-5b6e-7abc-9def-0123456789ae"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = test_server_start (NULL);

  g_test_add_func ("/server/hello", test_hello);
  g_test_add_func ("/server/happy-path", test_happy_path);
  g_test_add_func ("/server/paging", test_paging);
  g_test_add_func ("/server/auth/expiry-and-refresh", test_token_expiry_and_refresh);
  g_test_add_func ("/server/auth/logout", test_logout);
  g_test_add_func ("/server/auth/disabled-user", test_disabled_user);
  g_test_add_func ("/server/auth/rate-limit", test_login_rate_limit);
  g_test_add_func ("/server/stateless", test_stateless);
  g_test_add_func ("/server/admin", test_admin_commands);
  g_test_add_func ("/server/tls", test_tls);

  status = g_test_run ();
  test_server_stop (server);
  return status;
}
