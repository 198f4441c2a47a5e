/* test-record-list.c — EdaadRecordList: SQL filters and sorting, exact items-changed. */
#include "config.h"

#include <glib/gstdio.h>

#include "edaad-record-list.h"
#include "edaad-store.h"

typedef struct
{
  char *dir;
  EdaadStore *store;
  GString *changes;     /* "pos,removed,added;" per items-changed */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("edaad-list-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "edaad.db", NULL);
  fixture->store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  fixture->changes = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *name;
  GDir *d;

  g_clear_object (&fixture->store);
  d = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_dir_close (d);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_string_free (fixture->changes, TRUE);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_string_append_printf (fixture->changes, "%u,%u,%u;", position, removed, added);
}

static char *
take_changes (Fixture *fixture)
{
  char *text = g_strdup (fixture->changes->str);

  g_string_truncate (fixture->changes, 0);
  return text;
}

/* The titles in list order, "A B C". */
static char *
titles (GListModel *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EdaadRecord) record = g_list_model_get_item (model, i);
      const char *title = edaad_record_get_string (record, "title");

      g_string_append_printf (s, "%s%s", i > 0 ? " " : "", title != NULL ? title : edaad_record_get_string (record, "name"));
    }
  return g_string_free (s, FALSE);
}

static EdaadRecord *
save_plan (Fixture    *fixture,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  EdaadRecord *plan = edaad_record_new_for_kind ("plan");

  edaad_record_set_string (plan, "title", title);
  edaad_record_set_string (plan, "change_type", "process");
  edaad_record_set_string (plan, "status", "draft");
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);
  return plan;
}

#define assert_changes(fixture, expected) \
  G_STMT_START { g_autofree char *got_ = take_changes (fixture); g_assert_cmpstr (got_, ==, expected); } G_STMT_END
#define assert_titles(model, expected) \
  G_STMT_START { g_autofree char *got_ = titles (G_LIST_MODEL (model)); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static gboolean
add_three (EdaadStore  *store,
           gpointer     user_data,
           GError     **error)
{
  const char *names[] = { "A1", "A2", "A3" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");

      edaad_record_set_string (plan, "title", names[i]);
      edaad_record_set_string (plan, "change_type", "process");
      edaad_record_set_string (plan, "status", "draft");
      if (!edaad_store_save (store, plan, error))
        return FALSE;
    }
  return TRUE;
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdaadRecord) b = save_plan (fixture, "B");
  g_autoptr(EdaadRecord) d = save_plan (fixture, "D");
  g_autoptr(EdaadRecord) f = save_plan (fixture, "F");
  g_autoptr(EdaadRecord) c = NULL;
  g_autoptr(EdaadRecordList) list = edaad_record_list_new (fixture->store, "plan");
  g_autoptr(GError) error = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), fixture);
  g_assert_cmpstr (edaad_record_list_get_kind (list), ==, "plan");
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == EDAAD_TYPE_RECORD);
  assert_titles (list, "B D F");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));

  /* An insert in the middle. */
  c = save_plan (fixture, "c");
  assert_changes (fixture, "1,0,1;");
  assert_titles (list, "B c D F");

  /* An edit in place: exactly that row. */
  edaad_record_set_string (d, "summary", "New summary");
  g_assert_true (edaad_store_save (fixture->store, d, &error));
  assert_changes (fixture, "2,1,1;");
  {
    g_autoptr(EdaadRecord) shown = g_list_model_get_item (G_LIST_MODEL (list), 2);
    g_assert_cmpstr (edaad_record_get_string (shown, "summary"), ==, "New summary");
  }

  /* A move (B → G): the range between the unchanged ends. */
  edaad_record_set_string (b, "title", "G");
  g_assert_true (edaad_store_save (fixture->store, b, &error));
  assert_changes (fixture, "0,4,4;");
  assert_titles (list, "c D F G");

  /* A delete at the start, undo puts it back. */
  g_assert_true (edaad_store_delete (fixture->store, "plan", edaad_record_get_id (c), &error));
  assert_changes (fixture, "0,1,0;");
  g_assert_true (edaad_store_undelete (fixture->store, "plan", edaad_record_get_id (c), &error));
  assert_changes (fixture, "0,0,1;");

  /* A batch: one items-changed. */
  g_assert_true (edaad_store_run_batch (fixture->store, add_three, NULL, &error));
  assert_changes (fixture, "0,0,3;");
  assert_titles (list, "A1 A2 A3 c D F G");

  /* Another kind changing does not touch the list. */
  {
    g_autoptr(EdaadRecord) risk = edaad_record_new_for_kind ("risk");
    edaad_record_set_string (risk, "plan_id", edaad_record_get_id (d));
    edaad_record_set_string (risk, "title", "R");
    edaad_record_set_int (risk, "likelihood", 1);
    edaad_record_set_int (risk, "impact", 1);
    g_assert_true (edaad_store_save (fixture->store, risk, &error));
    assert_changes (fixture, "");
  }

  /* Sorting and search-as-you-type run in SQL. */
  edaad_record_list_set_sort (list, "title", TRUE);
  assert_changes (fixture, "0,7,7;");
  assert_titles (list, "G F D c A3 A2 A1");
  edaad_record_list_set_text (list, "a");
  assert_titles (list, "A3 A2 A1");
  edaad_record_list_set_text (list, "new summ");
  assert_titles (list, "D");
  edaad_record_list_set_text (list, "  ");
  assert_titles (list, "G F D c A3 A2 A1");
  edaad_record_list_set_equals (list, "status", "draft");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
  edaad_record_list_set_equals (list, "status", "approved");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  edaad_record_list_set_equals (list, "status", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
  g_assert_no_error (error);
}

static void
test_children_of_plan (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdaadRecord) p1 = save_plan (fixture, "One");
  g_autoptr(EdaadRecord) p2 = save_plan (fixture, "Two");
  g_autoptr(EdaadRecordList) list = edaad_record_list_new (fixture->store, "milestone");
  g_autoptr(GError) error = NULL;
  const char *titles_p1[] = { "Third", "First", "Second" };
  const int positions[] = { 3, 1, 2 };

  edaad_record_list_set_equals (list, "plan_id", edaad_record_get_id (p1));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), fixture);

  for (guint i = 0; i < G_N_ELEMENTS (titles_p1); i++)
    {
      g_autoptr(EdaadRecord) m = edaad_record_new_for_kind ("milestone");
      edaad_record_set_string (m, "plan_id", edaad_record_get_id (p1));
      edaad_record_set_string (m, "title", titles_p1[i]);
      edaad_record_set_int (m, "position", positions[i]);
      g_assert_true (edaad_store_save (fixture->store, m, &error));
    }
  assert_changes (fixture, "0,0,1;0,0,1;1,0,1;");
  assert_titles (list, "First Second Third");

  /* A milestone of the other plan is not in this list and changes nothing. */
  {
    g_autoptr(EdaadRecord) m = edaad_record_new_for_kind ("milestone");
    edaad_record_set_string (m, "plan_id", edaad_record_get_id (p2));
    edaad_record_set_string (m, "title", "Elsewhere");
    g_assert_true (edaad_store_save (fixture->store, m, &error));
  }
  assert_changes (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  /* Deleting the plan empties the list (its milestones are tombstoned with it). */
  g_assert_true (edaad_store_delete (fixture->store, "plan", edaad_record_get_id (p1), &error));
  assert_changes (fixture, "0,3,0;");
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/record-list/items-changed", test_items_changed);
  ADD ("/store/record-list/children-of-plan", test_children_of_plan);
#undef ADD

  return g_test_run ();
}
