/* test-plan-rollups.c — EdaadPlanRollups, the plans list's cache of progress and RAG:
 * an edit forgets the rollups of the plans it touched, and only those. */
#include "config.h"

#include "plans/edaad-plan-rollups.h"
#include "edaad-test-dir.h"

#include <sqlite3.h>

typedef struct
{
  char *dir;
  char *path;
  EdaadStore *store;
  EdaadPlanRollups *rollups;
  GString *forgotten;     /* "id;" per ::changed, "*;" for every plan */
  EdaadRecord *plans[2];
  EdaadRecord *milestones[2];
} Fixture;

static void
on_changed (EdaadPlanRollups *rollups,
            const char       *plan_id,
            Fixture          *fixture)
{
  g_string_append_printf (fixture->forgotten, "%s;", plan_id != NULL ? plan_id : "*");
}

static void
save (Fixture     *fixture,
      EdaadRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (edaad_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
}

/* Two plans, each with one milestone not done: both at 0% progress. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = edaad_test_dir_new ("rollups");
  fixture->path = g_build_filename (fixture->dir, "edaad.db", NULL);
  fixture->store = edaad_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *title = g_strdup_printf ("Plan %u", i);

      fixture->plans[i] = edaad_record_new_for_kind ("plan");
      edaad_record_set_string (fixture->plans[i], "title", title);
      edaad_record_set_string (fixture->plans[i], "change_type", "process");
      edaad_record_set_string (fixture->plans[i], "status", "implementing");
      save (fixture, fixture->plans[i]);

      fixture->milestones[i] = edaad_record_new_for_kind ("milestone");
      edaad_record_set_string (fixture->milestones[i], "plan_id", edaad_record_get_id (fixture->plans[i]));
      edaad_record_set_string (fixture->milestones[i], "title", "Step");
      edaad_record_set_string (fixture->milestones[i], "status", "planned");
      save (fixture, fixture->milestones[i]);
    }
  fixture->rollups = edaad_plan_rollups_new (fixture->store);
  fixture->forgotten = g_string_new (NULL);
  g_signal_connect (fixture->rollups, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&fixture->plans[i]);
      g_clear_object (&fixture->milestones[i]);
    }
  g_clear_object (&fixture->rollups);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
  g_free (fixture->path);
  g_string_free (fixture->forgotten, TRUE);
}

static double
progress (Fixture *fixture,
          guint    plan)
{
  return edaad_plan_rollups_lookup (fixture->rollups, edaad_record_get_id (fixture->plans[plan])).progress;
}

/* Marks plan `plan`'s milestone done behind the store's back (no ::changed): only a
 * rollup asked again sees it. */
static void
mark_done_unseen (Fixture *fixture,
                  guint    plan)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE rec_milestone SET status = 'done' WHERE id = '%s'",
                                          edaad_record_get_id (fixture->milestones[plan]));

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
take_forgotten (Fixture *fixture)
{
  char *text = g_strdup (fixture->forgotten->str);

  g_string_truncate (fixture->forgotten, 0);
  return text;
}

#define assert_forgotten(fixture, expected) \
  G_STMT_START { g_autofree char *got_ = take_forgotten (fixture); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

/* Editing one plan forgets that plan's rollup and keeps the other's. */
static void
test_plan_edit_forgets_that_plan (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("%s;", edaad_record_get_id (fixture->plans[0]));

  g_assert_cmpfloat (progress (fixture, 0), ==, 0.0);
  g_assert_cmpfloat (progress (fixture, 1), ==, 0.0);
  mark_done_unseen (fixture, 0);
  mark_done_unseen (fixture, 1);
  g_assert_cmpfloat (progress (fixture, 0), ==, 0.0); /* cached */

  edaad_record_set_string (fixture->plans[0], "title", "Plan 0, renamed");
  save (fixture, fixture->plans[0]);

  assert_forgotten (fixture, expected);
  g_assert_cmpfloat (progress (fixture, 0), ==, 100.0);
  g_assert_cmpfloat (progress (fixture, 1), ==, 0.0); /* still the cached answer */
}

/* A milestone's edit forgets its plan's rollup, found through the milestone. */
static void
test_milestone_edit_forgets_its_plan (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("%s;", edaad_record_get_id (fixture->plans[1]));

  g_assert_cmpfloat (progress (fixture, 0), ==, 0.0);
  g_assert_cmpfloat (progress (fixture, 1), ==, 0.0);
  mark_done_unseen (fixture, 0);

  edaad_record_set_string (fixture->milestones[1], "status", "done");
  save (fixture, fixture->milestones[1]);

  assert_forgotten (fixture, expected);
  g_assert_cmpfloat (progress (fixture, 1), ==, 100.0);
  g_assert_cmpfloat (progress (fixture, 0), ==, 0.0); /* untouched, still cached */
}

/* A deleted milestone still names its plan. */
static void
test_milestone_delete_forgets_its_plan (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("%s;", edaad_record_get_id (fixture->plans[0]));
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (progress (fixture, 0), ==, 0.0);
  g_assert_true (edaad_store_delete (fixture->store, "milestone", edaad_record_get_id (fixture->milestones[0]), &error));
  g_assert_no_error (error);
  assert_forgotten (fixture, expected);
}

static gboolean
save_many_plans (EdaadStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");

      edaad_record_set_string (plan, "title", "Imported");
      edaad_record_set_string (plan, "change_type", "process");
      edaad_record_set_string (plan, "status", "draft");
      if (!edaad_store_save (store, plan, error))
        return FALSE;
    }
  return TRUE;
}

/* Many records changed at once (a sync, an import): every rollup is forgotten, once. */
static void
test_many_changes_forget_all (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (progress (fixture, 0), ==, 0.0);
  g_assert_cmpfloat (progress (fixture, 1), ==, 0.0);
  mark_done_unseen (fixture, 0);
  mark_done_unseen (fixture, 1);

  g_assert_true (edaad_store_run_batch (fixture->store, save_many_plans, NULL, &error));
  g_assert_no_error (error);

  assert_forgotten (fixture, "*;");
  g_assert_cmpfloat (progress (fixture, 0), ==, 100.0);
  g_assert_cmpfloat (progress (fixture, 1), ==, 100.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan-rollups/plan-edit-forgets-that-plan", test_plan_edit_forgets_that_plan);
  ADD ("/plan-rollups/milestone-edit-forgets-its-plan", test_milestone_edit_forgets_its_plan);
  ADD ("/plan-rollups/milestone-delete-forgets-its-plan", test_milestone_delete_forgets_its_plan);
  ADD ("/plan-rollups/many-changes-forget-all", test_many_changes_forget_all);
#undef ADD

  return g_test_run ();
}
