/* test-server-crash.c — kill -9 of the server in the middle of a push, then a retry: every
 * mutation is applied exactly once. */
#define G_LOG_DOMAIN "test-server-crash"

#include "config.h"

#include "test-server-fixture.h"

#include <string.h>

typedef struct
{
  TestServer *server;
  const char *token;
  const char *device;
  const char *push;
  TestResponse *answer;
} Attempt;

static gpointer
send_push (gpointer data)
{
  Attempt *attempt = data;
  attempt->answer = test_sync (attempt->server, attempt->token, attempt->device, NULL, 10, attempt->push);
  return NULL;
}

static void
test_kill_mid_push (void)
{
  /* The test hook holds the push transaction open just before COMMIT, so the kill lands
   * after every row is written and before any is committed. */
  const char *slow_env[] = { "EDAAD_SERVER_TEST_COMMIT_DELAY_MS=60000", NULL };
  TestServer *slow = test_server_start (slow_env);
  TestServer *normal = NULL;
  g_autofree char *inst = test_make_institution ("Crash ministry");
  g_autofree char *name = test_unique ("crash");
  g_autofree char *user_id = test_make_user (name, "leader", inst);
  g_autofree char *device = test_uuid ();
  g_autoptr(TestResponse) login = test_login (slow, name, device);
  g_autoptr(GString) push = g_string_new ("[");
  g_autoptr(TestResponse) retry = NULL;
  g_autoptr(TestResponse) again = NULL;
  g_autofree char *count_sql = NULL, *seq_sql = NULL, *log_sql = NULL;
  Attempt attempt = { slow, NULL, device, NULL, NULL };
  GThread *thread;
  const char *held_sql = "SELECT count (*) FROM pg_stat_activity WHERE state = 'idle in transaction'"
                         " AND now () - state_change > interval '500 milliseconds'";

  for (int i = 1; i <= 200; i++)
    {
      g_autofree char *id = test_uuid (), *mid = test_uuid ();
      g_autofree char *m = test_mutation (i, mid, "plan", id, "create", inst, 0,
                                          "{\"title\":\"Crash\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
      g_string_append_printf (push, "%s%s", i > 1 ? "," : "", m);
    }
  g_string_append_c (push, ']');
  attempt.token = test_response_string (login, "access_token");
  attempt.push = push->str;
  count_sql = g_strdup_printf ("SELECT count (*) FROM record WHERE scope_id = '%s'", inst);
  seq_sql = g_strdup_printf ("SELECT coalesce (max (last_seq), 0) FROM device WHERE id = '%s'", device);
  log_sql = g_strdup_printf ("SELECT count (*) FROM mutation_log WHERE device_id = '%s'", device);

  thread = g_thread_new ("push", send_push, &attempt);
  /* Wait until the push holds its transaction open in the commit pause, then kill.  Between
   * two statements of the push the connection is briefly "idle in transaction" too, so only
   * a connection that has stayed so for a while counts.  Generous: on a loaded machine the
   * 200 creates can take several seconds to get there. */
  for (int i = 0; i < 3000 && test_sql_int (held_sql) == 0; i++)
    g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (test_sql_int (held_sql), >=, 1);
  test_server_kill9 (slow);
  g_thread_join (thread);
  g_assert_cmpuint (attempt.answer->status, ==, 0); /* no answer: the connection died */
  g_clear_pointer (&attempt.answer, test_response_free);

  /* PostgreSQL rolled the whole push back. */
  for (int i = 0; i < 100 && test_sql_int ("SELECT count (*) FROM pg_stat_activity WHERE state = 'idle in transaction'") > 0; i++)
    g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (test_sql_int (count_sql), ==, 0);
  g_assert_cmpint (test_sql_int (seq_sql), ==, 0);
  g_assert_cmpint (test_sql_int (log_sql), ==, 0);

  /* The client retries against a healthy server: applied once. */
  normal = test_server_start (NULL);
  retry = test_sync (normal, attempt.token, device, NULL, 10, push->str);
  g_assert_cmpuint (retry->status, ==, 200);
  g_assert_cmpint (test_response_int (retry, "last_seq"), ==, 200);
  for (guint i = 0; i < 200; i++)
    g_assert_cmpstr (json_object_get_string_member (test_result_at (retry, i), "status"), ==, "applied");
  g_assert_cmpint (test_sql_int (count_sql), ==, 200);

  /* And once more, as if that answer had been lost too: duplicates, nothing new. */
  again = test_sync (normal, attempt.token, device, NULL, 10, push->str);
  g_assert_cmpuint (again->status, ==, 200);
  for (guint i = 0; i < 200; i++)
    g_assert_cmpstr (json_object_get_string_member (test_result_at (again, i), "status"), ==, "duplicate");
  g_assert_cmpint (test_sql_int (count_sql), ==, 200);
  g_assert_cmpint (test_sql_int (log_sql), ==, 200);

  test_server_stop (normal);
  test_server_stop (slow);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server-crash/kill-mid-push", test_kill_mid_push);
  return g_test_run ();
}
