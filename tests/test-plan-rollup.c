/* test-plan-rollup.c — the store's plan progress and RAG (edaad_store_plan_rollup) against
 * the pure computations of edaad-plan-metrics.c, over plans of every shape. */
#include "config.h"

#include "edaad-date.h"
#include "edaad-plan-metrics.h"
#include "edaad-record-list.h"
#include "edaad-store.h"
#include "edaad-test-dir.h"

#define TODAY "2026-06-01"

typedef struct
{
  char *dir;
  EdaadStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = edaad_test_dir_new ("rollup");
  path = g_build_filename (fixture->dir, "edaad.db", NULL);
  fixture->store = edaad_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
}

/* A due date relative to TODAY: none, long past, yesterday, today, within the amber days,
 * just past them, far ahead. */
static char *
pick_due (GRand *rand)
{
  static const int offsets[] = { -40, -1, 0, 3, EDAAD_RAG_AMBER_DAYS, EDAAD_RAG_AMBER_DAYS + 1, 90 };
  int pick = g_rand_int_range (rand, -1, G_N_ELEMENTS (offsets));

  return pick < 0 ? NULL : edaad_date_add_days (TODAY, offsets[pick]);
}

static EdaadRecord *
save_plan (EdaadStore *store,
           GRand      *rand,
           guint       n)
{
  static const char * const statuses[] = { "draft", "approved", "implementing", "closed", "cancelled" };
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Plan %u", n);
  g_autofree char *due = pick_due (rand);
  EdaadRecord *plan = edaad_record_new_for_kind ("plan");

  edaad_record_set_string (plan, "title", title);
  edaad_record_set_string (plan, "change_type", "process");
  edaad_record_set_string (plan, "status", statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]);
  if (due != NULL)
    edaad_record_set_string (plan, "due_on", due);
  g_assert_true (edaad_store_save (store, plan, &error));
  g_assert_no_error (error);
  return plan;
}

static void
save_milestone (EdaadStore  *store,
                GRand       *rand,
                EdaadRecord *plan)
{
  static const char * const statuses[] = { NULL, "planned", "on_track", "at_risk", "late", "done", "dropped" };
  g_autoptr(EdaadRecord) milestone = edaad_record_new_for_kind ("milestone");
  g_autoptr(GError) error = NULL;
  g_autofree char *due = pick_due (rand);
  const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
  int weight = g_rand_int_range (rand, -1, 4);

  edaad_record_set_string (milestone, "plan_id", edaad_record_get_id (plan));
  edaad_record_set_string (milestone, "title", "A milestone");
  if (status != NULL)
    edaad_record_set_string (milestone, "status", status);
  if (due != NULL)
    edaad_record_set_string (milestone, "due_on", due);
  if (weight >= 0)
    edaad_record_set_int (milestone, "weight", weight);
  else
    edaad_record_set_value (milestone, "weight", NULL);
  g_assert_true (edaad_store_save (store, milestone, &error));
  g_assert_no_error (error);
  /* Some go to the bin: tombstones count for nothing on either side. */
  if (g_rand_int_range (rand, 0, 6) == 0)
    {
      g_assert_true (edaad_store_delete (store, "milestone", edaad_record_get_id (milestone), &error));
      g_assert_no_error (error);
    }
}

static GPtrArray *
milestones_of (EdaadStore  *store,
               EdaadRecord *plan)
{
  g_autoptr(EdaadRecordList) list = edaad_record_list_new (store, "milestone");
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  edaad_record_list_set_equals (list, "plan_id", edaad_record_get_id (plan));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_ptr_array_add (array, g_list_model_get_item (G_LIST_MODEL (list), i));
  return array;
}

static void
test_matches_metrics (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260601);
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  guint seen[EDAAD_RAG_DONE + 1] = { 0 };
  guint partial = 0;

  for (guint i = 0; i < 300; i++)
    {
      EdaadRecord *plan = save_plan (fixture->store, rand, i);
      guint n_milestones = g_rand_int_range (rand, 0, 6);

      for (guint m = 0; m < n_milestones; m++)
        save_milestone (fixture->store, rand, plan);
      g_ptr_array_add (plans, plan);
    }

  for (guint i = 0; i < plans->len; i++)
    {
      EdaadRecord *plan = g_ptr_array_index (plans, i);
      g_autoptr(GPtrArray) milestones = milestones_of (fixture->store, plan);
      g_autoptr(GError) error = NULL;
      EdaadPlanRollup rollup = { -1, -1 };

      g_assert_true (edaad_store_plan_rollup (fixture->store, edaad_record_get_id (plan), TODAY, &rollup, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (rollup.progress, edaad_plan_progress (milestones), 1e-9);
      g_assert_cmpint (rollup.rag, ==, edaad_plan_rag (plan, milestones, TODAY));
      seen[rollup.rag]++;
      if (rollup.progress > 0 && rollup.progress < 100)
        partial++;
    }

  /* The data reached every RAG and partial progress: the comparison proved something. */
  for (guint rag = 0; rag <= EDAAD_RAG_DONE; rag++)
    g_assert_cmpuint (seen[rag], >, 0);
  g_assert_cmpuint (partial, >, 0);
}

static void
test_missing_plan (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(EdaadRecord) plan = save_plan (fixture->store, rand, 1);
  g_autoptr(GError) error = NULL;
  EdaadPlanRollup rollup;

  g_assert_false (edaad_store_plan_rollup (fixture->store, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", TODAY, &rollup, &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (edaad_store_delete (fixture->store, "plan", edaad_record_get_id (plan), &error));
  g_assert_no_error (error);
  g_assert_false (edaad_store_plan_rollup (fixture->store, edaad_record_get_id (plan), TODAY, &rollup, &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/plan-rollup/matches-metrics", Fixture, NULL,
              fixture_set_up, test_matches_metrics, fixture_tear_down);
  g_test_add ("/store/plan-rollup/missing-plan", Fixture, NULL,
              fixture_set_up, test_missing_plan, fixture_tear_down);

  return g_test_run ();
}
