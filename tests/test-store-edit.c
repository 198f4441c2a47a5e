/* test-store-edit.c — the edit path: validation, outbox folding, delete and undo, ::changed. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "edaad-store.h"
#include "edaad-store-private.h"
#include "edaad-test-dir.h"
#include "edaad-uuid.h"

typedef struct
{
  char *dir;
  char *path;
  EdaadStore *store;
  sqlite3 *db;          /* a second connection to look at the file */
  GPtrArray *signals;   /* "kind:id,id" per ::changed emission */
} Fixture;

static void
on_changed (EdaadStore         *store,
            const char         *kind,
            const char * const *ids,
            Fixture            *fixture)
{
  g_autofree char *joined = g_strjoinv (",", (char **) ids);

  g_ptr_array_add (fixture->signals, g_strdup_printf ("%s:%s", kind, joined));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = edaad_test_dir_new ("edit");
  fixture->path = g_build_filename (fixture->dir, "edaad.db", NULL);
  fixture->store = edaad_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (fixture->path, &fixture->db), ==, SQLITE_OK);
  fixture->signals = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3_close (fixture->db);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
  g_free (fixture->path);
  g_ptr_array_unref (fixture->signals);
}

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Every outbox entry of one record, oldest first, as "op|seq?|base_version|changes|base". */
static GPtrArray *
outbox_of (Fixture    *fixture,
           const char *id)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db,
                                       "SELECT op, seq IS NOT NULL, base_version, changes, base FROM outbox "
                                       "WHERE id = ?1 ORDER BY pos", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup_printf ("%s|%s|%lld|%s|%s", sqlite3_column_text (stmt, 0),
                                            sqlite3_column_int (stmt, 1) ? "sent" : "unsent",
                                            (long long) sqlite3_column_int64 (stmt, 2),
                                            sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 4)));
  sqlite3_finalize (stmt);
  return rows;
}

/* The whole outbox, for before/after comparisons. */
static char *
outbox_dump (Fixture *fixture)
{
  GString *s = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db,
                                       "SELECT pos, mutation_id, seq, type, id, op, base_version, changes, base "
                                       "FROM outbox ORDER BY pos", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 9; c++)
        g_string_append_printf (s, "%s|", sqlite3_column_text (stmt, c));
      g_string_append_c (s, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (s, FALSE);
}

static EdaadRecord *
new_plan (const char *title)
{
  EdaadRecord *plan = edaad_record_new_for_kind ("plan");

  edaad_record_set_string (plan, "title", title);
  edaad_record_set_string (plan, "change_type", "it_digital");
  edaad_record_set_string (plan, "status", "draft");
  return plan;
}

static EdaadRecord *
new_child (const char *kind,
           const char *plan_id,
           const char *title)
{
  EdaadRecord *child = edaad_record_new_for_kind (kind);

  edaad_record_set_string (child, "plan_id", plan_id);
  if (g_str_equal (kind, "stakeholder") || g_str_equal (kind, "kpi"))
    edaad_record_set_string (child, "name", title);
  else
    edaad_record_set_string (child, "title", title);
  if (g_str_equal (kind, "risk"))
    {
      edaad_record_set_int (child, "likelihood", 2);
      edaad_record_set_int (child, "impact", 3);
    }
  return child;
}

static void
save_ok (Fixture     *fixture,
         EdaadRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (edaad_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
}

static void
test_validation_failure (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = new_plan ("x");
  g_autoptr(EdaadRecord) risk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  edaad_record_set_string (plan, "title", NULL);
  g_assert_false (edaad_store_save (fixture->store, plan, &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  /* Out of range. */
  risk = new_child ("risk", "0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b", "Too likely");
  edaad_record_set_int (risk, "likelihood", 9);
  g_assert_false (edaad_store_save (fixture->store, risk, &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID);

  rows = query_text (fixture, "SELECT (SELECT count(*) FROM rec_plan) + (SELECT count(*) FROM rec_risk)");
  g_assert_cmpstr (rows, ==, "0");
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);
  g_assert_cmpuint (fixture->signals->len, ==, 0);
}

static void
test_fold_unsent (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = new_plan ("First");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  save_ok (fixture, plan);
  id = edaad_record_get_id (plan);
  edaad_record_set_string (plan, "title", "Second");
  save_ok (fixture, plan);
  edaad_record_set_string (plan, "summary", "Why");
  save_ok (fixture, plan);

  /* Still one create carrying the latest values. */
  rows = outbox_of (fixture, id);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==,
                   "create|unsent|0|{\"title\":\"Second\",\"change_type\":\"it_digital\",\"status\":\"draft\","
                   "\"summary\":\"Why\"}|{}");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Sent: the next edit is a new entry whose base is what the server will hold. */
  g_assert_cmpint (edaad_store_outbox_assign_seqs (fixture->store, 100, &error), ==, 1);
  g_assert_no_error (error);
  edaad_record_set_string (plan, "title", "Third");
  save_ok (fixture, plan);
  edaad_record_set_string (plan, "title", "Fourth");
  edaad_record_set_string (plan, "priority", "high");
  save_ok (fixture, plan);

  rows = outbox_of (fixture, id);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==,
                   "update|unsent|0|{\"title\":\"Fourth\",\"priority\":\"high\"}|{\"title\":\"Second\",\"priority\":null}");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Going back to the base drops the field; nothing left drops the entry. */
  edaad_record_set_string (plan, "title", "Second");
  save_ok (fixture, plan);
  rows = outbox_of (fixture, id);
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==,
                   "update|unsent|0|{\"priority\":\"high\"}|{\"title\":\"Second\",\"priority\":null}");
  g_clear_pointer (&rows, g_ptr_array_unref);
  edaad_record_set_string (plan, "priority", NULL);
  save_ok (fixture, plan);
  rows = outbox_of (fixture, id);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);

  /* seq numbers are gap-free: the dropped entry never took one. */
  edaad_record_set_string (plan, "title", "Fifth");
  save_ok (fixture, plan);
  g_assert_cmpint (edaad_store_outbox_assign_seqs (fixture->store, 100, &error), ==, 1);
  {
    g_autofree char *seqs = query_text (fixture, "SELECT group_concat (seq) FROM (SELECT seq FROM outbox ORDER BY pos)");
    g_assert_cmpstr (seqs, ==, "1,2");
  }
}

static void
test_base_from_synced (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = new_plan ("Server title");
  g_autoptr(EdaadRecord) mine = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = edaad_uuid_new ();

  edaad_record_set_id (plan, id);
  edaad_record_set_scope (plan, edaad_store_get_local_scope (fixture->store, EDAAD_SCOPE_INSTITUTION));
  edaad_record_set_version (plan, 1870);
  g_assert_true (edaad_store_put_synced (fixture->store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);
  g_assert_cmpuint (fixture->signals->len, ==, 1);

  mine = edaad_store_get (fixture->store, "plan", id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (edaad_record_get_version (mine), ==, 1870);
  edaad_record_set_string (mine, "title", "Mine");
  save_ok (fixture, mine);
  edaad_record_set_string (mine, "title", "Mine again");
  save_ok (fixture, mine);

  rows = outbox_of (fixture, id);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==,
                   "update|unsent|1870|{\"title\":\"Mine again\"}|{\"title\":\"Server title\"}");
  g_assert_cmpint (edaad_record_get_version (mine), ==, 1870);

  /* Saving what is already stored changes nothing and says nothing. */
  g_ptr_array_set_size (fixture->signals, 0);
  save_ok (fixture, mine);
  g_assert_cmpuint (fixture->signals->len, ==, 0);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
}

static void
test_append_only (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdaadRecord) reading = edaad_record_new_for_kind ("kpi_reading");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadRecord) back = NULL;

  edaad_record_set_string (reading, "kpi_id", "0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b");
  edaad_record_set_string (reading, "measured_on", "2026-01-31");
  edaad_record_set_real (reading, "value", 42.5);
  save_ok (fixture, reading);

  edaad_record_set_real (reading, "value", 43.0);
  g_assert_false (edaad_store_save (fixture->store, reading, &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  back = edaad_store_get (fixture->store, "kpi_reading", edaad_record_get_id (reading), &error);
  g_assert_cmpfloat (edaad_record_get_real (back, "value"), ==, 42.5);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
}

static gboolean
is_deleted (Fixture    *fixture,
            const char *kind,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadRecord) record = edaad_store_get (fixture->store, kind, id, &error);

  g_assert_no_error (error);
  return edaad_record_get_deleted (record);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = new_plan ("Synced plan");
  g_autoptr(EdaadRecord) milestone = NULL;
  g_autoptr(EdaadRecord) gone = NULL;
  g_autoptr(EdaadRecord) risk = NULL;
  g_autoptr(EdaadRecord) kpi = NULL;
  g_autoptr(EdaadRecord) reading = NULL;
  g_autoptr(EdaadRecord) other = new_plan ("Other plan");
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = edaad_uuid_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  edaad_record_set_id (plan, plan_id);
  edaad_record_set_scope (plan, edaad_store_get_local_scope (fixture->store, EDAAD_SCOPE_INSTITUTION));
  edaad_record_set_version (plan, 12);
  g_assert_true (edaad_store_put_synced (fixture->store, plan, &error));
  edaad_record_set_string (plan, "summary", "Edited locally");
  save_ok (fixture, plan);

  milestone = new_child ("milestone", plan_id, "Kick-off");
  save_ok (fixture, milestone);
  gone = new_child ("milestone", plan_id, "Already deleted");
  save_ok (fixture, gone);
  risk = new_child ("risk", plan_id, "Budget cut");
  save_ok (fixture, risk);
  kpi = new_child ("kpi", plan_id, "Uptake");
  save_ok (fixture, kpi);
  reading = edaad_record_new_for_kind ("kpi_reading");
  edaad_record_set_string (reading, "kpi_id", edaad_record_get_id (kpi));
  edaad_record_set_string (reading, "measured_on", "2026-02-01");
  edaad_record_set_real (reading, "value", 10);
  save_ok (fixture, reading);
  save_ok (fixture, other);

  /* A milestone deleted on its own stays deleted when the plan's delete is undone. */
  g_assert_true (edaad_store_delete (fixture->store, "milestone", edaad_record_get_id (gone), &error));
  g_assert_no_error (error);

  before = outbox_dump (fixture);
  g_ptr_array_set_size (fixture->signals, 0);

  g_assert_true (edaad_store_delete (fixture->store, "plan", plan_id, &error));
  g_assert_no_error (error);
  g_assert_true (is_deleted (fixture, "plan", plan_id));
  g_assert_true (is_deleted (fixture, "milestone", edaad_record_get_id (milestone)));
  g_assert_true (is_deleted (fixture, "risk", edaad_record_get_id (risk)));
  g_assert_true (is_deleted (fixture, "kpi", edaad_record_get_id (kpi)));
  g_assert_true (is_deleted (fixture, "kpi_reading", edaad_record_get_id (reading)));
  g_assert_false (is_deleted (fixture, "plan", edaad_record_get_id (other)));

  /* One committed transaction: one emission per kind. */
  g_assert_cmpuint (fixture->signals->len, ==, 5);

  /* The server knew the plan: one delete (its unsent update stashed).  The children were
   * never sent: their creates are gone. */
  rows = outbox_of (fixture, plan_id);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "delete|unsent|12|{}|{}");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = outbox_of (fixture, edaad_record_get_id (milestone));
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 2);

  /* Deleting twice is harmless. */
  g_assert_true (edaad_store_delete (fixture->store, "plan", plan_id, &error));
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 2);

  /* Undo, from any record of the batch. */
  g_ptr_array_set_size (fixture->signals, 0);
  g_assert_true (edaad_store_undelete (fixture->store, "risk", edaad_record_get_id (risk), &error));
  g_assert_no_error (error);
  g_assert_false (is_deleted (fixture, "plan", plan_id));
  g_assert_false (is_deleted (fixture, "milestone", edaad_record_get_id (milestone)));
  g_assert_false (is_deleted (fixture, "kpi_reading", edaad_record_get_id (reading)));
  g_assert_true (is_deleted (fixture, "milestone", edaad_record_get_id (gone)));
  g_assert_cmpuint (fixture->signals->len, ==, 5);

  /* The outbox is exactly as before: same entries, same positions, same mutation ids. */
  after = outbox_dump (fixture);
  g_assert_cmpstr (after, ==, before);

  /* Nothing left to undo. */
  g_assert_true (edaad_store_undelete (fixture->store, "plan", plan_id, &error));
  g_assert_no_error (error);
  /* The milestone's own delete is still undoable on its own. */
  g_assert_true (edaad_store_undelete (fixture->store, "milestone", edaad_record_get_id (gone), &error));
  g_assert_no_error (error);
  g_assert_false (is_deleted (fixture, "milestone", edaad_record_get_id (gone)));

  /* A tombstone that came from the server is no local delete to undo. */
  edaad_record_set_version (other, 40);
  edaad_record_set_deleted (other, TRUE);
  g_assert_true (edaad_store_put_synced (fixture->store, other, &error));
  g_assert_false (edaad_store_undelete (fixture->store, "plan", edaad_record_get_id (other), &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (edaad_store_delete (fixture->store, "plan", "0190a1b2-c3d4-7e5f-8a6b-000000000000", &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND);
}

static void
test_undo_after_delete_sent (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = new_plan ("Synced");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = edaad_uuid_new ();

  edaad_record_set_id (plan, id);
  edaad_record_set_scope (plan, edaad_store_get_local_scope (fixture->store, EDAAD_SCOPE_INSTITUTION));
  edaad_record_set_version (plan, 5);
  g_assert_true (edaad_store_put_synced (fixture->store, plan, &error));
  g_assert_true (edaad_store_delete (fixture->store, "plan", id, &error));
  g_assert_cmpint (edaad_store_outbox_assign_seqs (fixture->store, 10, &error), ==, 1);
  g_assert_true (edaad_store_undelete (fixture->store, "plan", id, &error));
  g_assert_no_error (error);

  rows = outbox_of (fixture, id);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "delete|sent|5|{}|{}");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, 1),
                                   "update|unsent|5|{\"title\":\"Synced\",\"change_type\":\"it_digital\",\"status\":\"draft\"}|"));
  g_assert_false (is_deleted (fixture, "plan", id));
}

static void
test_delete_never_sent (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = new_plan ("Draft only here");
  g_autoptr(EdaadRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  save_ok (fixture, plan);
  id = g_strdup (edaad_record_get_id (plan));
  g_assert_true (edaad_store_delete (fixture->store, "plan", id, &error));
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);
  g_assert_true (is_deleted (fixture, "plan", id));

  /* Undo brings back the row and its create. */
  g_assert_true (edaad_store_undelete (fixture->store, "plan", id, &error));
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
  g_assert_true (edaad_store_delete (fixture->store, "plan", id, &error));

  /* The next session forgets a tombstone the server never heard of. */
  sqlite3_close (fixture->db);
  g_clear_object (&fixture->store);
  fixture->store = edaad_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (fixture->path, &fixture->db), ==, SQLITE_OK);
  back = edaad_store_get (fixture->store, "plan", id, &error);
  g_assert_null (back);
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND);
}

typedef struct
{
  Fixture *fixture;
  gboolean fail_inner;
  char *inner_id;
} BatchData;

static gboolean
inner_batch (EdaadStore  *store,
             gpointer     user_data,
             GError     **error)
{
  BatchData *data = user_data;
  g_autoptr(EdaadRecord) plan = new_plan ("Inner");

  if (!edaad_store_save (store, plan, error))
    return FALSE;
  data->inner_id = g_strdup (edaad_record_get_id (plan));
  if (data->fail_inner)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return FALSE;
    }
  return TRUE;
}

static gboolean
outer_batch (EdaadStore  *store,
             gpointer     user_data,
             GError     **error)
{
  BatchData *data = user_data;
  g_autoptr(EdaadRecord) a = new_plan ("A");
  g_autoptr(EdaadRecord) b = new_plan ("B");
  g_autoptr(EdaadRecord) m = NULL;
  g_autoptr(GError) inner_error = NULL;

  if (!edaad_store_save (store, a, error) || !edaad_store_save (store, b, error))
    return FALSE;
  m = new_child ("milestone", edaad_record_get_id (a), "M");
  if (!edaad_store_save (store, m, error))
    return FALSE;
  /* Nothing is emitted before the outer commit. */
  g_assert_cmpuint (data->fixture->signals->len, ==, 0);

  /* A failing nested batch rolls back only its own work. */
  g_assert_false (edaad_store_run_batch (store, inner_batch, data, &inner_error));
  g_assert_error (inner_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  return TRUE;
}

static gboolean
failing_batch (EdaadStore  *store,
               gpointer     user_data,
               GError     **error)
{
  g_autoptr(EdaadRecord) a = new_plan ("Rolled back");

  if (!edaad_store_save (store, a, error))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no");
  return FALSE;
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = new_plan ("Signal");
  g_autoptr(GError) error = NULL;
  BatchData batch = { fixture, TRUE, NULL };
  g_autofree char *expected = NULL;
  g_autofree char *count = NULL;

  save_ok (fixture, plan);
  g_assert_cmpuint (fixture->signals->len, ==, 1);
  expected = g_strconcat ("plan:", edaad_record_get_id (plan), NULL);
  g_assert_cmpstr (g_ptr_array_index (fixture->signals, 0), ==, expected);
  g_ptr_array_set_size (fixture->signals, 0);

  /* A batch: one emission per kind, after commit, without the rolled-back inner work. */
  g_assert_true (edaad_store_run_batch (fixture->store, outer_batch, &batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->signals->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->signals, 0), "plan:"));
  g_assert_cmpuint (strlen (g_ptr_array_index (fixture->signals, 0)), ==, strlen ("plan:") + 36 * 2 + 1);
  g_assert_null (strstr (g_ptr_array_index (fixture->signals, 0), batch.inner_id));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->signals, 1), "milestone:"));
  g_assert_null (edaad_store_get (fixture->store, "plan", batch.inner_id, &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&batch.inner_id, g_free);

  /* A batch that fails: nothing stored, nothing emitted. */
  g_ptr_array_set_size (fixture->signals, 0);
  g_assert_false (edaad_store_run_batch (fixture->store, failing_batch, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (fixture->signals->len, ==, 0);
  count = query_text (fixture, "SELECT count(*) FROM rec_plan");
  g_assert_cmpstr (count, ==, "3");
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 4);
}

static void
test_service_events (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdaadRecord) service = edaad_record_new_for_kind ("service");
  g_autofree char *events = NULL;
  g_autofree char *sql = NULL;

  edaad_record_set_string (service, "name_en", "Birth registration");
  edaad_record_set_string (service, "maturity", "manual");
  save_ok (fixture, service);
  edaad_record_set_string (service, "maturity", "semi_electronic");
  edaad_record_set_string (service, "portal_stage", "survey");
  save_ok (fixture, service);
  edaad_record_set_string (service, "description", "Unrelated change");
  save_ok (fixture, service);

  sql = g_strdup_printf ("SELECT group_concat (\"field\" || ':' || coalesce (\"from\", '-') || '>' || \"to\", ' ') "
                         "FROM (SELECT * FROM rec_service_event WHERE service_id = '%s' ORDER BY rowid)",
                         edaad_record_get_id (service));
  events = query_text (fixture, sql);
  g_assert_cmpstr (events, ==, "maturity:->manual maturity:manual>semi_electronic portal_stage:->survey");
  /* Each event is a create in the outbox, in the service's scope. */
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 4);
}

static void
test_conflict_scope (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = new_plan ("Shared");
  g_autoptr(EdaadRecord) conflict = edaad_record_new_for_kind ("conflict");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = edaad_uuid_new ();
  g_autofree char *scope = edaad_uuid_new ();

  edaad_record_set_id (plan, id);
  edaad_record_set_scope (plan, scope);
  edaad_record_set_version (plan, 3);
  g_assert_true (edaad_store_put_synced (fixture->store, plan, &error));

  edaad_record_set_string (conflict, "record_type", "plan");
  edaad_record_set_string (conflict, "record_id", id);
  edaad_record_set_string (conflict, "kind", "field");
  save_ok (fixture, conflict);
  g_assert_cmpstr (edaad_record_get_scope (conflict), ==, scope);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/edit/validation-failure", test_validation_failure);
  ADD ("/store/edit/fold-unsent", test_fold_unsent);
  ADD ("/store/edit/base-from-synced", test_base_from_synced);
  ADD ("/store/edit/append-only", test_append_only);
  ADD ("/store/edit/delete-and-undo", test_delete_and_undo);
  ADD ("/store/edit/undo-after-delete-sent", test_undo_after_delete_sent);
  ADD ("/store/edit/delete-never-sent", test_delete_never_sent);
  ADD ("/store/edit/changed-signal", test_changed_signal);
  ADD ("/store/edit/service-events", test_service_events);
  ADD ("/store/edit/conflict-scope", test_conflict_scope);
#undef ADD

  return g_test_run ();
}
