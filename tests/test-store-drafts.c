/* test-store-drafts.c — editor drafts: kept per record and field, local only, durable. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "edaad-store.h"
#include "edaad-store-private.h"
#include "edaad-test-dir.h"
#include "edaad-uuid.h"

#define PLAN_A "0190f0a0-0000-7000-8000-00000000000a"
#define PLAN_B "0190f0a0-0000-7000-8000-00000000000b"

typedef struct
{
  char *dir;
  char *path;
  EdaadStore *store;
  guint n_changed;
} Fixture;

static void
on_changed (EdaadStore *store,
            const char *kind,
            GStrv       ids,
            Fixture    *fixture)
{
  fixture->n_changed++;
}

static void
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = edaad_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = edaad_test_dir_new ("drafts");
  fixture->path = g_build_filename (fixture->dir, "edaad.db", NULL);
  open_store (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
  g_free (fixture->path);
}

static void
set_draft (Fixture    *fixture,
           const char *kind,
           const char *id,
           const char *field,
           const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (edaad_store_draft_set (fixture->store, kind, id, field, text, &error));
  g_assert_no_error (error);
}

static GHashTable *
drafts_for (Fixture    *fixture,
            const char *kind,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  GHashTable *drafts = edaad_store_drafts_for (fixture->store, kind, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (drafts);
  return drafts;
}

static void
test_set_and_read (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) drafts = NULL;

  drafts = drafts_for (fixture, "plan", PLAN_A);
  g_assert_cmpuint (g_hash_table_size (drafts), ==, 0);
  g_clear_pointer (&drafts, g_hash_table_unref);

  set_draft (fixture, "plan", PLAN_A, "due_on", "2026-13-40");
  set_draft (fixture, "plan", PLAN_A, "title", "");
  set_draft (fixture, "plan", PLAN_A, "due_on", "2026-02-30");
  set_draft (fixture, "plan", PLAN_A, "summary", "نص عربي");

  drafts = drafts_for (fixture, "plan", PLAN_A);
  g_assert_cmpuint (g_hash_table_size (drafts), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (drafts, "due_on"), ==, "2026-02-30");
  g_assert_cmpstr (g_hash_table_lookup (drafts, "title"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (drafts, "summary"), ==, "نص عربي");

  /* Local only: no outbox entry, no ::changed for list models to react to. */
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_survives_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) drafts = NULL;

  set_draft (fixture, "plan", PLAN_A, "start_on", "2027-01-01");
  set_draft (fixture, "plan", PLAN_A, "go_live_on", "2026-01-01");
  g_clear_object (&fixture->store);

  open_store (fixture);
  drafts = drafts_for (fixture, "plan", PLAN_A);
  g_assert_cmpuint (g_hash_table_size (drafts), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (drafts, "start_on"), ==, "2027-01-01");
  g_assert_cmpstr (g_hash_table_lookup (drafts, "go_live_on"), ==, "2026-01-01");
}

static void
test_clear (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GHashTable) drafts = NULL;
  g_autoptr(GError) error = NULL;

  set_draft (fixture, "plan", PLAN_A, "title", "");
  set_draft (fixture, "plan", PLAN_A, "code", "CP-1");
  set_draft (fixture, "plan", PLAN_A, "due_on", "soon");

  g_assert_true (edaad_store_draft_clear (fixture->store, "plan", PLAN_A, "code", &error));
  g_assert_no_error (error);
  drafts = drafts_for (fixture, "plan", PLAN_A);
  g_assert_cmpuint (g_hash_table_size (drafts), ==, 2);
  g_assert_false (g_hash_table_contains (drafts, "code"));
  g_clear_pointer (&drafts, g_hash_table_unref);

  /* Clearing what is not there is not an error. */
  g_assert_true (edaad_store_draft_clear (fixture->store, "plan", PLAN_A, "code", &error));
  g_assert_no_error (error);

  g_assert_true (edaad_store_draft_clear (fixture->store, "plan", PLAN_A, NULL, &error));
  g_assert_no_error (error);
  drafts = drafts_for (fixture, "plan", PLAN_A);
  g_assert_cmpuint (g_hash_table_size (drafts), ==, 0);
  g_clear_pointer (&drafts, g_hash_table_unref);

  /* …and it lasts. */
  g_clear_object (&fixture->store);
  open_store (fixture);
  drafts = drafts_for (fixture, "plan", PLAN_A);
  g_assert_cmpuint (g_hash_table_size (drafts), ==, 0);
}

static void
test_isolation (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GHashTable) a = NULL;
  g_autoptr(GHashTable) b = NULL;
  g_autoptr(GHashTable) milestone = NULL;
  g_autoptr(GError) error = NULL;

  set_draft (fixture, "plan", PLAN_A, "title", "A");
  set_draft (fixture, "plan", PLAN_B, "title", "B");
  set_draft (fixture, "plan", PLAN_B, "code", "B-1");
  /* Another kind with the same id and field name. */
  set_draft (fixture, "milestone", PLAN_A, "title", "M");

  g_assert_true (edaad_store_draft_clear (fixture->store, "plan", PLAN_B, NULL, &error));
  g_assert_no_error (error);

  a = drafts_for (fixture, "plan", PLAN_A);
  b = drafts_for (fixture, "plan", PLAN_B);
  milestone = drafts_for (fixture, "milestone", PLAN_A);
  g_assert_cmpuint (g_hash_table_size (a), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (a, "title"), ==, "A");
  g_assert_cmpuint (g_hash_table_size (b), ==, 0);
  g_assert_cmpuint (g_hash_table_size (milestone), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (milestone, "title"), ==, "M");
}

static void
test_ids (Fixture       *fixture,
          gconstpointer  data)
{
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) none = NULL;
  g_autoptr(GError) error = NULL;

  set_draft (fixture, "plan", PLAN_A, "title", "A");
  set_draft (fixture, "plan", PLAN_B, "title", "B");
  set_draft (fixture, "plan", PLAN_B, "code", "B");
  set_draft (fixture, "milestone", PLAN_A, "title", "M");

  ids = edaad_store_draft_ids (fixture->store, "plan", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) ids, PLAN_A));
  g_assert_true (g_strv_contains ((const char * const *) ids, PLAN_B));

  none = edaad_store_draft_ids (fixture->store, "risk", &error);
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_refuses_bad_text (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (EDAAD_STRING_MAX_BYTES + 1, 'x');

  g_assert_false (edaad_store_draft_set (fixture->store, "plan", PLAN_A, "title", "bad \xff text", &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (edaad_store_draft_set (fixture->store, "plan", PLAN_A, "summary", huge, &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID);

  drafts = drafts_for (fixture, "plan", PLAN_A);
  g_assert_cmpuint (g_hash_table_size (drafts), ==, 0);
}

static gboolean
draft_then_fail (EdaadStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  if (!edaad_store_draft_set (store, "plan", PLAN_A, "title", "in a batch", error))
    return FALSE;
  g_set_error_literal (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED, "stop");
  return FALSE;
}

static gboolean
draft_in_batch (EdaadStore  *store,
                gpointer     user_data,
                GError     **error)
{
  return edaad_store_draft_set (store, "plan", PLAN_A, "code", "kept", error);
}

static void
test_inside_batch (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) drafts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (edaad_store_run_batch (fixture->store, draft_then_fail, NULL, &error));
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (edaad_store_run_batch (fixture->store, draft_in_batch, NULL, &error));
  g_assert_no_error (error);

  drafts = drafts_for (fixture, "plan", PLAN_A);
  g_assert_cmpuint (g_hash_table_size (drafts), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (drafts, "code"), ==, "kept");
}

/* A file from before drafts existed gets the table when it is opened. */
static void
test_old_file_upgraded (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("drafts-old");
  g_autofree char *path = g_build_filename (dir, "edaad.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;
  g_autoptr(GHashTable) drafts = NULL;

  g_assert_true (edaad_store_create_at_version (path, 4, &error));
  g_assert_no_error (error);

  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (edaad_store_get_schema_version (store), ==, EDAAD_STORE_SCHEMA_VERSION);
  g_assert_true (edaad_store_draft_set (store, "plan", PLAN_A, "title", "x", &error));
  g_assert_no_error (error);
  drafts = edaad_store_drafts_for (store, "plan", PLAN_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (drafts, "title"), ==, "x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-drafts/set-and-read", test_set_and_read);
  ADD ("/store-drafts/survives-reopen", test_survives_reopen);
  ADD ("/store-drafts/clear", test_clear);
  ADD ("/store-drafts/isolation", test_isolation);
  ADD ("/store-drafts/ids", test_ids);
  ADD ("/store-drafts/refuses-bad-text", test_refuses_bad_text);
  ADD ("/store-drafts/inside-batch", test_inside_batch);
#undef ADD
  g_test_add_func ("/store-drafts/old-file-upgraded", test_old_file_upgraded);

  return g_test_run ();
}
