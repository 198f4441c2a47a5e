/* test-store-crash.c — a writer killed with SIGKILL mid-way loses nothing it committed.
 *
 * A helper process makes 1,000 edits, each in its own transaction, and reports each one
 * once committed.  It is killed in the middle; the file must then pass integrity_check,
 * hold every reported edit, and have a consistent outbox: one unsent create per record
 * whose changes match the row.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "edaad-store.h"
#include "edaad-test-dir.h"

#define N_RECORDS 40
#define N_EDITS 1000
#define KILL_AFTER 300

static void
test_crash (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("crash");
  g_autofree char *path = g_build_filename (dir, "edaad.db", NULL);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "test-store-crash-helper", NULL);
  g_autofree char *n_records = g_strdup_printf ("%d", N_RECORDS);
  g_autofree char *n_edits = g_strdup_printf ("%d", N_EDITS);
  char *argv[] = { helper, path, n_records, n_edits, NULL };
  gint64 last_edit[N_RECORDS];
  int reported = 0;
  int status = 0;
  int out_fd = -1;
  GPid pid;
  FILE *out;
  char line[64];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rows = 0;

  for (guint i = 0; i < N_RECORDS; i++)
    last_edit[i] = -1;

  g_assert_true (g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  g_assert_nonnull (out);

  while (fgets (line, sizeof line, out) != NULL)
    {
      int edit = atoi (line);

      g_assert_cmpint (edit, ==, reported);
      last_edit[edit % N_RECORDS] = edit;
      reported++;
      if (reported == KILL_AFTER)
        kill (pid, SIGKILL);
    }
  fclose (out);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_test_message ("the helper reported %d edits before it died", reported);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_assert_cmpint (reported, >=, KILL_AFTER);
  g_assert_cmpint (reported, <, N_EDITS);

  /* The file as the killed process left it (hot WAL included). */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT p.title, p.kotter_step, o.op, o.seq, o.changes, "
                                       "  (SELECT count(*) FROM outbox AS x WHERE x.id = p.id) "
                                       "FROM rec_plan AS p LEFT JOIN outbox AS o ON o.id = p.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *title = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(JsonNode) changes = NULL;
      JsonObject *object;
      guint record = 0;
      guint edit = 0;

      g_assert_cmpint (sscanf (title, "P%u-%u", &record, &edit), ==, 2);
      g_assert_cmpuint (record, <, N_RECORDS);
      /* Every reported edit is there; at most the one in flight when killed is extra. */
      g_assert_cmpint ((gint64) edit, >=, last_edit[record]);
      g_assert_cmpint ((gint64) edit, <=, reported);

      /* One unsent create whose changes are the row. */
      g_assert_cmpint (sqlite3_column_int (stmt, 5), ==, 1);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "create");
      g_assert_cmpint (sqlite3_column_type (stmt, 3), ==, SQLITE_NULL);
      changes = json_from_string ((const char *) sqlite3_column_text (stmt, 4), &error);
      g_assert_no_error (error);
      object = json_node_get_object (changes);
      g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, title);
      g_assert_cmpint (json_object_get_int_member (object, "kotter_step"), ==, sqlite3_column_int (stmt, 1));
      rows++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* Every record reported at least once exists. */
  for (guint i = 0; i < N_RECORDS; i++)
    if (last_edit[i] >= 0)
      g_assert_cmpint (rows, >, (int) i);

  /* And the store opens it. */
  {
    g_autoptr(EdaadStore) store = edaad_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (edaad_store_count_outbox (store), ==, (guint) rows);
    g_assert_cmpint (edaad_store_count_live (store, "plan", &error), ==, rows);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/sigkill-mid-way", test_crash);

  return g_test_run ();
}
