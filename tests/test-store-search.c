/* test-store-search.c — full-text search (Arabic and English) and dashboard aggregates. */
#include "config.h"

#include <string.h>

#include "edaad-store.h"
#include "edaad-store-private.h"
#include "edaad-test-dir.h"

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

  fixture->dir = edaad_test_dir_new ("search");
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

static EdaadRecord *
save_plan (Fixture    *fixture,
           const char *title,
           const char *summary,
           const char *status,
           const char *due_on)
{
  g_autoptr(GError) error = NULL;
  EdaadRecord *plan = edaad_record_new_for_kind ("plan");

  edaad_record_set_string (plan, "title", title);
  edaad_record_set_string (plan, "summary", summary);
  edaad_record_set_string (plan, "change_type", "it_digital");
  edaad_record_set_string (plan, "status", status);
  edaad_record_set_string (plan, "due_on", due_on);
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);
  return plan;
}

static GPtrArray *
search (Fixture    *fixture,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = edaad_store_search (fixture->store, text, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static void
test_search_languages (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdaadRecord) arabic = save_plan (fixture, "التحول الرقمي للخدمات الحكومية",
                                             "خطة لتحويل الخدمات إلى خدمات إلكترونية", "draft", NULL);
  g_autoptr(EdaadRecord) english = save_plan (fixture, "Digital transformation of licensing",
                                              "Move the café licence to the portal", "draft", NULL);
  g_autoptr(EdaadRecord) service = edaad_record_new_for_kind ("service");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  EdaadSearchHit *hit;

  edaad_record_set_string (service, "name_en", "Vehicle registration renewal");
  edaad_record_set_string (service, "name_ar", "تجديد تسجيل المركبات");
  edaad_record_set_string (service, "maturity", "manual");
  g_assert_true (edaad_store_save (fixture->store, service, &error));

  /* Arabic: whole phrase, one word, a prefix. */
  hits = search (fixture, "التحول الرقمي");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->kind, ==, "plan");
  g_assert_cmpstr (hit->id, ==, edaad_record_get_id (arabic));
  g_assert_cmpstr (hit->title, ==, "التحول الرقمي للخدمات الحكومية");
  g_assert_nonnull (strstr (hit->snippet, "الرقمي"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture, "التحو");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture, "المركبات");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((EdaadSearchHit *) g_ptr_array_index (hits, 0))->kind, ==, "service");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* English: case, prefix, accents, and text from the body. */
  hits = search (fixture, "DIGI trans");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((EdaadSearchHit *) g_ptr_array_index (hits, 0))->id, ==, edaad_record_get_id (english));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture, "cafe");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_nonnull (strstr (((EdaadSearchHit *) g_ptr_array_index (hits, 0))->snippet, "café"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A title match ranks above a body match. */
  {
    g_autoptr(EdaadRecord) body_only = save_plan (fixture, "Permits", "The portal will list permits", "draft", NULL);
    g_autoptr(EdaadRecord) title_too = save_plan (fixture, "Portal onboarding", "Steps", "draft", NULL);

    hits = search (fixture, "portal");
    g_assert_cmpuint (hits->len, ==, 3);
    g_assert_cmpstr (((EdaadSearchHit *) g_ptr_array_index (hits, 0))->id, ==, edaad_record_get_id (title_too));
    g_clear_pointer (&hits, g_ptr_array_unref);
  }

  /* Edits re-index; deletes remove from the index; undo puts it back. */
  edaad_record_set_string (english, "title", "Licensing overhaul");
  g_assert_true (edaad_store_save (fixture->store, english, &error));
  hits = search (fixture, "transformation");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_true (edaad_store_delete (fixture->store, "plan", edaad_record_get_id (arabic), &error));
  hits = search (fixture, "الرقمي");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_true (edaad_store_undelete (fixture->store, "plan", edaad_record_get_id (arabic), &error));
  hits = search (fixture, "الرقمي");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_no_error (error);
}

static void
test_search_hostile_text (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = save_plan (fixture, "Say \"hello\" NEAR the OR gate", NULL, "draft", NULL);
  const char *inputs[] = { "\"", "\"hello", "NEAR(", "OR", "a OR", "title:x", "*", "-", "(((", "^hello",
                           "hello\"*", "   ", "", "AND NOT", "NEAR/2" };
  g_autoptr(GPtrArray) hits = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) some = search (fixture, inputs[i]);
      g_assert_cmpuint (some->len, <=, 1);
    }

  /* Operators are plain words. */
  hits = search (fixture, "OR gate");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "\"hello\"");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The query builder quotes every word and adds the prefix star. */
  {
    g_autofree char *q = edaad_store_search_query ("a\"b  c");
    g_autofree char *none = edaad_store_search_query ("  -- ");

    g_assert_cmpstr (q, ==, "\"a\"\"b\"* \"c\"*");
    g_assert_null (none);
  }
}

static void
test_aggregates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdaadRecord) a = save_plan (fixture, "A", NULL, "draft", "2026-03-10");
  g_autoptr(EdaadRecord) b = save_plan (fixture, "B", NULL, "draft", "2026-02-01");
  g_autoptr(EdaadRecord) c = save_plan (fixture, "C", NULL, "approved", "2026-12-01");
  g_autoptr(EdaadRecord) d = save_plan (fixture, "D", NULL, "closed", "2026-03-01");
  g_autoptr(EdaadRecord) milestone = edaad_record_new_for_kind ("milestone");
  g_autoptr(EdaadRecord) done = edaad_record_new_for_kind ("milestone");
  g_autoptr(EdaadRecord) assignment = edaad_record_new_for_kind ("assignment");
  g_autoptr(EdaadRecord) submitted = edaad_record_new_for_kind ("assignment");
  g_autoptr(EdaadRecord) submission = edaad_record_new_for_kind ("submission");
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  const char *edition = "0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b";

  edaad_record_set_string (milestone, "plan_id", edaad_record_get_id (c));
  edaad_record_set_string (milestone, "title", "Pilot");
  edaad_record_set_string (milestone, "due_on", "2026-03-05");
  g_assert_true (edaad_store_save (fixture->store, milestone, &error));
  edaad_record_set_string (done, "plan_id", edaad_record_get_id (c));
  edaad_record_set_string (done, "title", "Done already");
  edaad_record_set_string (done, "due_on", "2026-03-02");
  edaad_record_set_string (done, "status", "done");
  g_assert_true (edaad_store_save (fixture->store, done, &error));

  edaad_record_set_string (assignment, "edition_id", edition);
  edaad_record_set_string (assignment, "title_en", "Reflection");
  edaad_record_set_string (assignment, "due_at", "2026-03-08T20:00:00Z");
  g_assert_true (edaad_store_save (fixture->store, assignment, &error));
  edaad_record_set_string (submitted, "edition_id", edition);
  edaad_record_set_string (submitted, "title_en", "Quiz");
  edaad_record_set_string (submitted, "due_at", "2026-03-03T20:00:00Z");
  g_assert_true (edaad_store_save (fixture->store, submitted, &error));
  edaad_record_set_string (submission, "assignment_id", edaad_record_get_id (submitted));
  edaad_record_set_string (submission, "status", "submitted");
  g_assert_true (edaad_store_save (fixture->store, submission, &error));
  g_assert_no_error (error);

  g_assert_true (edaad_store_delete (fixture->store, "plan", edaad_record_get_id (a), &error));

  counts = edaad_store_count_by (fixture->store, "plan", "status", &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "draft")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "approved")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "closed")), ==, 1);
  g_assert_true (g_hash_table_contains (counts, "cancelled"));
  g_assert_cmpuint (g_hash_table_size (counts), ==, 9);
  g_assert_cmpint (edaad_store_count_live (fixture->store, "plan", &error), ==, 3);
  g_assert_cmpint (edaad_store_count_live (fixture->store, "milestone", &error), ==, 2);

  /* Next 6 days from 2026-03-01: B is overdue, the pilot milestone and the reflection are
   * due; A is deleted, C is later, D is closed, the done milestone and the submitted quiz
   * are finished. */
  deadlines = edaad_store_upcoming_deadlines (fixture->store, "2026-03-01", 6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadlines->len, ==, 2);
  g_assert_cmpstr (edaad_record_get_id (g_ptr_array_index (deadlines, 0)), ==, edaad_record_get_id (b));
  g_assert_cmpstr (edaad_record_get_id (g_ptr_array_index (deadlines, 1)), ==, edaad_record_get_id (milestone));
  g_clear_pointer (&deadlines, g_ptr_array_unref);

  deadlines = edaad_store_upcoming_deadlines (fixture->store, "2026-03-01", 7, &error);
  g_assert_cmpuint (deadlines->len, ==, 3);
  g_assert_cmpstr (edaad_record_get_kind_name (g_ptr_array_index (deadlines, 2)), ==, "assignment");
  g_clear_pointer (&deadlines, g_ptr_array_unref);

  /* The first few, in the same order, and how many there are in all. */
  for (guint limit = 0; limit <= 4; limit++)
    {
      guint n_total = 0;

      deadlines = edaad_store_upcoming_deadlines_first (fixture->store, "2026-03-01", 7, limit, &n_total, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (deadlines->len, ==, MIN (limit, 3));
      g_assert_cmpuint (n_total, ==, 3);
      if (limit > 0)
        g_assert_cmpstr (edaad_record_get_id (g_ptr_array_index (deadlines, 0)), ==, edaad_record_get_id (b));
      if (limit > 1)
        g_assert_cmpstr (edaad_record_get_id (g_ptr_array_index (deadlines, 1)), ==, edaad_record_get_id (milestone));
      g_clear_pointer (&deadlines, g_ptr_array_unref);
    }

  g_assert_null (edaad_store_upcoming_deadlines (fixture->store, "2026-02-30", 7, &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID);
}

static void
save_service (Fixture    *fixture,
              const char *name,
              const char *maturity,
              const char *maturity_target,
              gboolean    deleted)
{
  g_autoptr(EdaadRecord) service = edaad_record_new_for_kind ("service");
  g_autoptr(GError) error = NULL;

  edaad_record_set_string (service, "name_en", name);
  edaad_record_set_string (service, "maturity", maturity);
  edaad_record_set_string (service, "maturity_target", maturity_target);
  g_assert_true (edaad_store_save (fixture->store, service, &error));
  if (deleted)
    g_assert_true (edaad_store_delete (fixture->store, "service", edaad_record_get_id (service), &error));
  g_assert_no_error (error);
}

/* Every key of `expected` has the same count in `counts`, and `counts` has no other. */
static void
assert_same_counts (GHashTable *counts,
                    GHashTable *expected)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (counts), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_true (g_hash_table_contains (counts, key));
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, key)), ==, GPOINTER_TO_INT (value));
    }
}

/* The dashboard's one-statement counts equal the separate ones, records without a value
 * (or with one the schema does not know) and deleted records included. */
static void
test_dashboard_counts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdaadRecord) a = save_plan (fixture, "A", NULL, "draft", NULL);
  g_autoptr(EdaadRecord) b = save_plan (fixture, "B", NULL, "draft", NULL);
  g_autoptr(EdaadRecord) c = save_plan (fixture, "C", NULL, "approved", NULL);
  g_autoptr(EdaadRecord) d = save_plan (fixture, "D", NULL, "closed", NULL);
  g_autoptr(EdaadRecord) e = save_plan (fixture, "E", NULL, "implementing", NULL);
  g_autoptr(EdaadRecord) f = save_plan (fixture, "F", NULL, "implementing", NULL);
  g_autoptr(EdaadDashboardCounts) counts = NULL;
  g_autoptr(GHashTable) by_status = NULL;
  g_autoptr(GHashTable) by_maturity = NULL;
  g_autoptr(GHashTable) by_target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *plan = NULL;
  sqlite3_stmt *stmt = NULL;

  /* An empty store: every value present, with nothing counted. */
  {
    g_autoptr(EdaadStore) empty = NULL;
    g_autofree char *path = g_build_filename (fixture->dir, "empty.db", NULL);

    empty = edaad_store_open (path, &error);
    g_assert_no_error (error);
    counts = edaad_store_count_dashboard (empty, &error);
    g_assert_no_error (error);
    g_assert_cmpint (counts->plans, ==, 0);
    g_assert_cmpint (counts->services, ==, 0);
    g_assert_cmpuint (g_hash_table_size (counts->plans_by_status), ==, 9);
    g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts->plans_by_status, "draft")), ==, 0);
    g_assert_cmpuint (g_hash_table_size (counts->services_by_maturity), ==, 3);
    g_assert_cmpuint (g_hash_table_size (counts->services_by_maturity_target), ==, 3);
    g_clear_pointer (&counts, edaad_dashboard_counts_free);
  }

  g_assert_true (edaad_store_delete (fixture->store, "plan", edaad_record_get_id (a), &error));
  g_assert_no_error (error);
  /* What validation never lets through but an old or foreign row may hold. */
  sql = g_strdup_printf ("UPDATE rec_plan SET status = NULL WHERE id = '%s';"
                         "UPDATE rec_plan SET status = 'legacy' WHERE id = '%s'",
                         edaad_record_get_id (e), edaad_record_get_id (f));
  g_assert_true (edaad_store_exec (fixture->store, sql, &error));
  g_assert_no_error (error);

  save_service (fixture, "Manual one", "manual", "electronic", FALSE);
  save_service (fixture, "Manual two", "manual", "semi_electronic", FALSE);
  save_service (fixture, "Semi", "semi_electronic", "electronic", FALSE);
  save_service (fixture, "Online", "electronic", "electronic", FALSE);
  save_service (fixture, "Gone", "electronic", "electronic", TRUE);
  save_service (fixture, "No target", "manual", NULL, FALSE);
  g_assert_true (edaad_store_exec (fixture->store,
                                   "UPDATE rec_service SET maturity_target = NULL WHERE name_en = 'No target'",
                                   &error));
  g_assert_no_error (error);

  counts = edaad_store_count_dashboard (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (counts);

  by_status = edaad_store_count_by (fixture->store, "plan", "status", &error);
  by_maturity = edaad_store_count_by (fixture->store, "service", "maturity", &error);
  by_target = edaad_store_count_by (fixture->store, "service", "maturity_target", &error);
  g_assert_no_error (error);
  g_assert_cmpint (counts->plans, ==, edaad_store_count_live (fixture->store, "plan", &error));
  g_assert_cmpint (counts->plans, ==, 5);
  g_assert_cmpint (counts->services, ==, edaad_store_count_live (fixture->store, "service", &error));
  g_assert_cmpint (counts->services, ==, 5);
  assert_same_counts (counts->plans_by_status, by_status);
  assert_same_counts (counts->services_by_maturity, by_maturity);
  assert_same_counts (counts->services_by_maturity_target, by_target);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts->plans_by_status, "draft")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts->plans_by_status, "implementing")), ==, 0);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts->plans_by_status, "legacy")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts->services_by_maturity, "manual")), ==, 3);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts->services_by_maturity_target, "electronic")), ==, 3);

  /* Counting by target maturity reads an index, not the table. */
  g_assert_cmpint (sqlite3_prepare_v2 (fixture->store->db,
                                       "EXPLAIN QUERY PLAN SELECT \"maturity_target\", count(*) FROM \"rec_service\""
                                       " WHERE deleted = 0 GROUP BY 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  plan = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (plan, "COVERING INDEX"));
}

static gboolean
add_many_harbours (EdaadStore  *store,
                   gpointer     user_data,
                   GError     **error)
{
  const char *word = user_data;

  for (guint i = 0; i < 1500; i++)
    {
      g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
      g_autofree char *title = i % 2 == 0 ? g_strdup_printf ("%s plan %u", word, i)
                                          : g_strdup_printf ("Plan %u", i);

      edaad_record_set_string (plan, "title", title);
      g_autofree char *summary = g_strdup_printf ("Quay works near the %s", word);

      edaad_record_set_string (plan, "summary", i % 2 == 0 ? "Quay works" : summary);
      edaad_record_set_string (plan, "change_type", "process");
      edaad_record_set_string (plan, "status", "draft");
      if (!edaad_store_save (store, plan, error))
        return FALSE;
    }
  return TRUE;
}

/* A term with more matches than are ranked: still `limit` hits, title matches first, with
 * snippets; rarer terms among them are still found; a rebuilt index answers the same. */
static void
test_search_many_matches (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdaadRecord) old_title = save_plan (fixture, "Harbour master plan", "The first of all", "draft", NULL);
  g_autoptr(EdaadRecord) service = edaad_record_new_for_kind ("service");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  edaad_record_set_string (service, "name_en", "Harbour berth booking");
  edaad_record_set_string (service, "maturity", "manual");
  g_assert_true (edaad_store_save (fixture->store, service, &error));
  g_assert_true (edaad_store_run_batch (fixture->store, add_many_harbours, "Harbour", &error));
  g_assert_no_error (error);

  hits = search (fixture, "harb");
  g_assert_cmpuint (hits->len, ==, 20);
  for (guint i = 0; i < hits->len; i++)
    {
      EdaadSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_cmpstr (hit->kind, ==, "plan");
      g_assert_true (g_str_has_prefix (hit->title, "Harbour"));
      g_assert_nonnull (strstr (hit->snippet, "Harbour"));
    }

  /* The oldest record and a record of another kind are found by their rarer words. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "harbour master");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((EdaadSearchHit *) g_ptr_array_index (hits, 0))->id, ==, edaad_record_get_id (old_title));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "berth");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((EdaadSearchHit *) g_ptr_array_index (hits, 0))->kind, ==, "service");

  /* A rebuild gives every record the same docid again. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "quay");
  g_assert_true (edaad_store_exec (fixture->store, "BEGIN", &error));
  g_assert_true (edaad_store_search_rebuild (fixture->store->db, &error));
  g_assert_true (edaad_store_exec (fixture->store, "COMMIT", &error));
  g_assert_no_error (error);
  again = search (fixture, "quay");
  g_assert_cmpuint (hits->len, ==, 20);
  g_assert_cmpuint (again->len, ==, hits->len);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (((EdaadSearchHit *) g_ptr_array_index (hits, i))->id, ==,
                     ((EdaadSearchHit *) g_ptr_array_index (again, i))->id);

  /* Newer records that share only the first letters ("Harness") do not crowd the older
   * harbour plans out of the candidates. */
  g_assert_true (edaad_store_run_batch (fixture->store, add_many_harbours, "Harness", &error));
  g_assert_no_error (error);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "harbo");
  g_assert_cmpuint (hits->len, ==, 20);
  for (guint i = 0; i < hits->len; i++)
    g_assert_true (g_str_has_prefix (((EdaadSearchHit *) g_ptr_array_index (hits, i))->title, "Harbour"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "harn");
  g_assert_cmpuint (hits->len, ==, 20);
  for (guint i = 0; i < hits->len; i++)
    g_assert_true (g_str_has_prefix (((EdaadSearchHit *) g_ptr_array_index (hits, i))->title, "Harness"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/search/languages", test_search_languages);
  ADD ("/store/search/hostile-text", test_search_hostile_text);
  ADD ("/store/search/many-matches", test_search_many_matches);
  ADD ("/store/aggregates/dashboard", test_aggregates);
  ADD ("/store/aggregates/dashboard-counts", test_dashboard_counts);
#undef ADD

  return g_test_run ();
}
