/* test-record-list.c — EdaadRecordList: SQL filters and sorting, exact items-changed. */
#include "config.h"

#include "edaad-record-list.h"
#include "edaad-store-private.h"
#include "edaad-store.h"
#include "edaad-test-dir.h"

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

  fixture->dir = edaad_test_dir_new ("list");
  path = g_build_filename (fixture->dir, "edaad.db", NULL);
  fixture->store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  fixture->changes = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
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

  /* A move (B → G): out of its old place, into its new one. */
  edaad_record_set_string (b, "title", "G");
  g_assert_true (edaad_store_save (fixture->store, b, &error));
  assert_changes (fixture, "0,1,0;3,0,1;");
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

/* Replays items-changed on a copy of the list's records, so that every signal is checked
 * against the model's state at the moment it is emitted. */
typedef struct
{
  GPtrArray *mirror;   /* EdaadRecord, what the signals say the list holds */
  guint n_signals;
} Mirror;

static void
on_mirror_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->mirror->len);
  g_ptr_array_remove_range (mirror->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (mirror->mirror->len, ==, g_list_model_get_n_items (model));
  mirror->n_signals++;
}

static void
mirror_init (Mirror     *mirror,
             GListModel *model)
{
  mirror->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  mirror->n_signals = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (mirror->mirror, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_mirror_changed), mirror);
}

/* The mirror, the list and a list made afresh with the same settings agree, id by id and
 * value by value (so a row that changed in place was reported). */
static void
assert_consistent (Mirror          *mirror,
                   EdaadRecordList *list,
                   EdaadRecordList *fresh)
{
  GListModel *model = G_LIST_MODEL (list);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fresh));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpuint (mirror->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) expected = g_list_model_get_item (G_LIST_MODEL (fresh), i);
      g_autoptr(EdaadRecord) got = g_list_model_get_item (model, i);
      g_autoptr(GPtrArray) diff = edaad_record_diff (expected, g_ptr_array_index (mirror->mirror, i));

      g_assert_cmpstr (edaad_record_get_id (got), ==, edaad_record_get_id (expected));
      g_assert_cmpstr (edaad_record_get_id (g_ptr_array_index (mirror->mirror, i)), ==,
                       edaad_record_get_id (expected));
      g_assert_cmpuint (diff->len, ==, 0);
    }
}

static EdaadRecord *
save_plan_full (Fixture    *fixture,
                const char *title,
                const char *status,
                const char *due_on)
{
  g_autoptr(GError) error = NULL;
  EdaadRecord *plan = edaad_record_new_for_kind ("plan");

  edaad_record_set_string (plan, "title", title);
  edaad_record_set_string (plan, "change_type", "process");
  edaad_record_set_string (plan, "status", status);
  edaad_record_set_string (plan, "due_on", due_on);
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);
  return plan;
}

static void
save_or_fail (Fixture     *fixture,
              EdaadRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (edaad_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
}

/* One-record edits update the list in place with exact positions: moves up and down,
 * ties (ordered by creation), NULL keys (first when ascending, last when descending),
 * leaving and entering the filter, in ascending and descending order. */
static void
test_moves (Fixture       *fixture,
            gconstpointer  data)
{
  const char *titles_in[] = { "delta", "Alpha", "echo", "Charlie", "bravo", "Bravo", "foxtrot", "golf" };
  const char *due[] = { "2026-03-01", NULL, "2026-01-15", "2026-03-01", NULL, "2026-02-10", "2026-05-05", "2026-04-04" };
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  const gboolean descending[] = { FALSE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (titles_in); i++)
    g_ptr_array_add (plans, save_plan_full (fixture, titles_in[i], i % 3 == 0 ? "approved" : "draft", due[i]));

  for (guint d = 0; d < G_N_ELEMENTS (descending); d++)
    for (guint s = 0; s < 2; s++)
      {
        const char *sort = s == 0 ? "title" : "due_on";
        g_autoptr(EdaadRecordList) list = edaad_record_list_new (fixture->store, "plan");
        g_autoptr(EdaadRecordList) fresh = NULL;
        g_autofree char *summary = NULL;
        Mirror mirror;
        EdaadRecord *p;

        edaad_record_list_set_sort (list, sort, descending[d]);
        mirror_init (&mirror, G_LIST_MODEL (list));

#define CHECK(expected_signals) \
  G_STMT_START { \
    g_clear_object (&fresh); \
    fresh = edaad_record_list_new (fixture->store, "plan"); \
    edaad_record_list_set_sort (fresh, sort, descending[d]); \
    assert_consistent (&mirror, list, fresh); \
    g_assert_cmpuint (mirror.n_signals, ==, (expected_signals)); \
    mirror.n_signals = 0; \
  } G_STMT_END

        /* Case and ties: "bravo" and "Bravo" compare equal; creation order breaks the tie. */
        if (s == 0)
          {
            int lower = -1;
            int upper = -1;

            for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
              {
                g_autoptr(EdaadRecord) r = g_list_model_get_item (G_LIST_MODEL (list), i);
                if (g_strcmp0 (edaad_record_get_string (r, "title"), "bravo") == 0)
                  lower = (int) i;
                else if (g_strcmp0 (edaad_record_get_string (r, "title"), "Bravo") == 0)
                  upper = (int) i;
              }
            g_assert_cmpint (ABS (lower - upper), ==, 1);
            g_assert_true (descending[d] ? upper < lower : lower < upper);
          }

        /* In place: one signal replacing one row. */
        p = g_ptr_array_index (plans, 2);
        summary = g_strdup_printf ("Pass %u of %u", d, s);
        edaad_record_set_string (p, "summary", summary);
        save_or_fail (fixture, p);
        CHECK (1);

        /* To the other end and back. */
        p = g_ptr_array_index (plans, 0);
        edaad_record_set_string (p, "title", "zulu");
        edaad_record_set_string (p, "due_on", "2030-01-01");
        save_or_fail (fixture, p);
        CHECK (2);
        edaad_record_set_string (p, "title", "aardvark");
        edaad_record_set_string (p, "due_on", "2020-01-01");
        save_or_fail (fixture, p);
        CHECK (2);

        /* Into a tie, and to a NULL key and back. */
        p = g_ptr_array_index (plans, 6);
        edaad_record_set_string (p, "title", "BRAVO");
        edaad_record_set_value (p, "due_on", NULL);
        save_or_fail (fixture, p);
        CHECK (2);
        edaad_record_set_string (p, "title", "foxtrot");
        edaad_record_set_string (p, "due_on", "2026-05-05");
        save_or_fail (fixture, p);
        CHECK (2);

        /* Delete and undo: one removal, one insertion. */
        g_assert_true (edaad_store_delete (fixture->store, "plan", edaad_record_get_id (p), NULL));
        CHECK (1);
        g_assert_true (edaad_store_undelete (fixture->store, "plan", edaad_record_get_id (p), NULL));
        CHECK (1);
#undef CHECK

        /* With a filter: leaving it removes the row, entering it inserts it in order. */
        edaad_record_list_set_equals (list, "status", "approved");
        g_clear_object (&fresh);
        fresh = edaad_record_list_new (fixture->store, "plan");
        edaad_record_list_set_sort (fresh, sort, descending[d]);
        edaad_record_list_set_equals (fresh, "status", "approved");
        assert_consistent (&mirror, list, fresh);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
        mirror.n_signals = 0;
        p = g_ptr_array_index (plans, 3);
        edaad_record_set_string (p, "status", "draft");
        save_or_fail (fixture, p);
        g_assert_cmpuint (mirror.n_signals, ==, 1);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
        edaad_record_set_string (p, "status", "approved");
        save_or_fail (fixture, p);
        g_assert_cmpuint (mirror.n_signals, ==, 2);
        g_clear_object (&fresh);
        fresh = edaad_record_list_new (fixture->store, "plan");
        edaad_record_list_set_sort (fresh, sort, descending[d]);
        edaad_record_list_set_equals (fresh, "status", "approved");
        assert_consistent (&mirror, list, fresh);

        /* A record that is not in the list and stays out changes nothing. */
        mirror.n_signals = 0;
        p = g_ptr_array_index (plans, 1);
        edaad_record_set_string (p, "summary", d == 0 ? "out of view" : "still out of view");
        save_or_fail (fixture, p);
        g_assert_cmpuint (mirror.n_signals, ==, 0);

        g_signal_handlers_disconnect_by_data (list, &mirror);
        g_ptr_array_unref (mirror.mirror);
      }
}

/* The text filter keeps to the list's kind (rowids of different tables overlap), follows
 * edits into and out of the match, and combines with an equality filter and a case-blind
 * sort. */
static void
test_text_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdaadRecord) alpha = save_plan_full (fixture, "Alpha harbour", "draft", NULL);
  g_autoptr(EdaadRecord) beta = save_plan_full (fixture, "beta", "draft", NULL);
  g_autoptr(EdaadRecord) gamma = save_plan_full (fixture, "Gamma harbour", "approved", NULL);
  g_autoptr(EdaadRecord) milestone = edaad_record_new_for_kind ("milestone");
  g_autoptr(EdaadRecordList) plans = edaad_record_list_new (fixture->store, "plan");
  g_autoptr(EdaadRecordList) milestones = edaad_record_list_new (fixture->store, "milestone");

  edaad_record_set_string (milestone, "plan_id", edaad_record_get_id (alpha));
  edaad_record_set_string (milestone, "title", "Beta milestone");
  save_or_fail (fixture, milestone);

  edaad_record_list_set_text (plans, "beta");
  assert_titles (plans, "beta");
  edaad_record_list_set_text (milestones, "beta");
  assert_titles (milestones, "Beta milestone");
  edaad_record_list_set_text (milestones, "harbour");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (milestones)), ==, 0);

  edaad_record_list_set_text (plans, "harb");
  g_signal_connect (plans, "items-changed", G_CALLBACK (on_items_changed), fixture);
  assert_titles (plans, "Alpha harbour Gamma harbour");

  /* An edit brings a record into the match, in order; another takes one out. */
  edaad_record_set_string (beta, "summary", "Moves to the harbour");
  save_or_fail (fixture, beta);
  assert_changes (fixture, "1,0,1;");
  assert_titles (plans, "Alpha harbour beta Gamma harbour");
  edaad_record_set_string (alpha, "title", "Alpha");
  save_or_fail (fixture, alpha);
  assert_changes (fixture, "0,1,0;");
  assert_titles (plans, "beta Gamma harbour");

  /* With an equality filter the sort still ignores case. */
  edaad_record_list_set_text (plans, NULL);
  edaad_record_list_set_equals (plans, "status", "draft");
  assert_titles (plans, "Alpha beta");
  edaad_record_list_set_sort (plans, "title", TRUE);
  assert_titles (plans, "beta Alpha");
  take_changes (fixture);
  edaad_record_set_string (gamma, "status", "draft");
  save_or_fail (fixture, gamma);
  assert_changes (fixture, "0,0,1;");
  assert_titles (plans, "Gamma harbour beta Alpha");
}

/* Counts the queries for a list's rows ("SELECT rowid FROM rec_milestone … ORDER BY …"). */
typedef struct
{
  guint n_queries;
  char *last;
} QueryLog;

static int
on_statement (unsigned  type,
              void     *data,
              void     *stmt,
              void     *sql)
{
  QueryLog *log = data;
  const char *text = sqlite3_sql (stmt);

  if (g_str_has_prefix (text, "SELECT rowid FROM \"rec_milestone\" WHERE") && strstr (text, " ORDER BY ") != NULL)
    {
      log->n_queries++;
      g_free (log->last);
      log->last = g_strdup (text);
    }
  return 0;
}

static void
save_milestone (Fixture     *fixture,
                EdaadRecord *plan,
                const char  *title,
                int          position)
{
  g_autoptr(EdaadRecord) m = edaad_record_new_for_kind ("milestone");
  g_autoptr(GError) error = NULL;

  edaad_record_set_string (m, "plan_id", edaad_record_get_id (plan));
  edaad_record_set_string (m, "title", title);
  edaad_record_set_int (m, "position", position);
  g_assert_true (edaad_store_save (fixture->store, m, &error));
  g_assert_no_error (error);
}

/* Making a list and setting its filter, search and sort cost no query: the first question
 * about its items runs one, with the filter in it.  A change before then emits nothing
 * unless someone listens; a first load that fails is tried again at the next question. */
static void
test_lazy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(EdaadRecord) p1 = save_plan (fixture, "One");
  g_autoptr(EdaadRecord) p2 = save_plan (fixture, "Two");
  g_autoptr(EdaadRecordList) list = NULL;
  g_autoptr(EdaadRecordList) quiet = NULL;
  g_autoptr(EdaadRecordList) heard = NULL;
  QueryLog log = { 0, NULL };
  sqlite3 *db = fixture->store->db;

  save_milestone (fixture, p1, "Third", 3);
  save_milestone (fixture, p1, "First", 1);
  save_milestone (fixture, p1, "Second", 2);
  save_milestone (fixture, p2, "Elsewhere", 1);

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, on_statement, &log);

  /* Made, narrowed, searched and sorted: no query yet, and no signal. */
  list = edaad_record_list_new (fixture->store, "milestone");
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), fixture);
  edaad_record_list_set_equals (list, "plan_id", edaad_record_get_id (p1));
  edaad_record_list_set_text (list, "i");
  edaad_record_list_set_text (list, NULL);
  edaad_record_list_set_sort (list, "title", TRUE);
  edaad_record_list_set_sort (list, "position", FALSE);
  g_assert_cmpuint (log.n_queries, ==, 0);
  assert_changes (fixture, "");

  /* The first question: one query, for that plan's rows only. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpuint (log.n_queries, ==, 1);
  g_assert_nonnull (strstr (log.last, "\"plan_id\" = ?"));
  assert_titles (list, "First Second Third");
  g_assert_cmpuint (log.n_queries, ==, 1);
  /* Loaded, it behaves as before: a new filter re-reads and says so. */
  edaad_record_list_set_sort (list, "position", TRUE);
  g_assert_cmpuint (log.n_queries, ==, 2);
  assert_changes (fixture, "0,3,3;");
  assert_titles (list, "Third Second First");

  /* Nobody reads or listens: a change costs nothing; a later read sees it. */
  quiet = edaad_record_list_new (fixture->store, "milestone");
  edaad_record_list_set_equals (quiet, "plan_id", edaad_record_get_id (p2));
  log.n_queries = 0;
  save_milestone (fixture, p2, "Later", 2);
  g_assert_cmpuint (log.n_queries, ==, 0);
  assert_changes (fixture, "");   /* `list` is loaded, and the milestone is not in it */
  assert_titles (quiet, "Elsewhere Later");
  g_assert_cmpuint (log.n_queries, ==, 1);

  /* Someone listens before reading: the change loads the list and adds every row. */
  heard = edaad_record_list_new (fixture->store, "milestone");
  edaad_record_list_set_equals (heard, "plan_id", edaad_record_get_id (p2));
  g_signal_connect (heard, "items-changed", G_CALLBACK (on_items_changed), fixture);
  save_milestone (fixture, p2, "Last", 3);
  assert_changes (fixture, "0,0,3;");
  assert_titles (heard, "Elsewhere Later Last");

  /* A first load that fails leaves the list empty and unloaded: the next question retries. */
  {
    g_autoptr(EdaadRecordList) retry = edaad_record_list_new (fixture->store, "milestone");

    g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE rec_milestone RENAME TO rec_milestone_away",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (retry)), ==, 0);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (retry), 0));
    g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE rec_milestone_away RENAME TO rec_milestone",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (retry)), ==, 6);
  }

  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_free (log.last);
}

/* The overdue filter: due before today and not closed or cancelled; no due date never is.
 * Closing a plan takes it out (one removal), reopening brings it back, and turning the
 * filter off shows every plan again. */
static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EdaadRecordList) list = edaad_record_list_new (fixture->store, "plan");
  g_autoptr(EdaadRecord) late = save_plan_full (fixture, "Late", "approved", "2026-01-10");
  g_autoptr(EdaadRecord) later = save_plan_full (fixture, "Later", "draft", "2026-03-01");
  g_autoptr(EdaadRecord) today = save_plan_full (fixture, "Today", "approved", "2026-03-02");
  g_autoptr(EdaadRecord) future = save_plan_full (fixture, "Future", "approved", "2026-09-01");
  g_autoptr(EdaadRecord) closed = save_plan_full (fixture, "Closed", "closed", "2025-12-01");
  g_autoptr(EdaadRecord) cancelled = save_plan_full (fixture, "Cancelled", "cancelled", "2025-12-01");
  g_autoptr(EdaadRecord) undated = save_plan_full (fixture, "Undated", "approved", NULL);
  g_autoptr(GError) error = NULL;

  edaad_record_list_set_overdue (list, "2026-03-02");
  edaad_record_list_set_sort (list, "title", FALSE);
  assert_titles (list, "Late Later");
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), fixture);

  /* Closing "Late" takes it out; reopening it brings it back in place. */
  edaad_record_set_string (late, "status", "closed");
  save_or_fail (fixture, late);
  assert_changes (fixture, "0,1,0;");
  assert_titles (list, "Later");
  edaad_record_set_string (late, "status", "sustaining");
  save_or_fail (fixture, late);
  assert_changes (fixture, "0,0,1;");
  assert_titles (list, "Late Later");

  /* A due date moved into the future leaves; one moved into the past joins. */
  edaad_record_set_string (later, "due_on", "2026-04-01");
  save_or_fail (fixture, later);
  assert_changes (fixture, "1,1,0;");
  edaad_record_set_string (undated, "due_on", "2026-02-01");
  save_or_fail (fixture, undated);
  assert_changes (fixture, "1,0,1;");
  assert_titles (list, "Late Undated");

  /* Deleting an overdue plan takes it out. */
  g_assert_true (edaad_store_delete (fixture->store, "plan", edaad_record_get_id (undated), &error));
  g_assert_no_error (error);
  assert_titles (list, "Late");
  take_changes (fixture);

  /* With an equality filter on top, both apply. */
  edaad_record_list_set_equals (list, "status", "draft");
  assert_titles (list, "");
  edaad_record_list_set_equals (list, "status", NULL);
  assert_titles (list, "Late");

  /* Off: every live plan. */
  edaad_record_list_set_overdue (list, NULL);
  assert_titles (list, "Cancelled Closed Future Late Later Today");
  g_assert_nonnull (today);
  g_assert_nonnull (future);
  g_assert_nonnull (closed);
  g_assert_nonnull (cancelled);
}

static EdaadRecord *
save_weighted_milestone (Fixture     *fixture,
                         EdaadRecord *plan,
                         const char  *status,
                         gint64       weight)
{
  EdaadRecord *milestone = edaad_record_new_for_kind ("milestone");

  edaad_record_set_string (milestone, "plan_id", edaad_record_get_id (plan));
  edaad_record_set_string (milestone, "title", "Step");
  edaad_record_set_string (milestone, "status", status);
  if (weight >= 0)
    edaad_record_set_int (milestone, "weight", weight);
  save_or_fail (fixture, milestone);
  return milestone;
}

/* The computed progress sort: weighted done share (weight unset = 1, dropped and deleted
 * milestones left out, no milestones = 0), ascending and descending, ties by creation; a
 * milestone change moves its plan with one removal and one insertion at exact positions. */
static void
test_progress_sort (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdaadRecord) none = save_plan (fixture, "None");       /* 0 */
  g_autoptr(EdaadRecord) half = save_plan (fixture, "Half");       /* 1 of 2 */
  g_autoptr(EdaadRecord) most = save_plan (fixture, "Most");       /* 3 of 4 by weight */
  g_autoptr(EdaadRecord) quarter = save_plan (fixture, "Quarter"); /* 1 of 4, a dropped one left out */
  g_autoptr(EdaadRecord) all = save_plan (fixture, "All");         /* done, a deleted one left out */
  g_autoptr(EdaadRecord) step = NULL;
  g_autoptr(EdaadRecord) gone = NULL;
  g_autoptr(GError) error = NULL;
  const gboolean descending[] = { FALSE, TRUE };

  g_clear_object (&step);
  step = save_weighted_milestone (fixture, half, "done", -1);
  g_clear_object (&step);
  step = save_weighted_milestone (fixture, half, "planned", -1);
  g_clear_object (&step);
  step = save_weighted_milestone (fixture, most, "done", 3);
  g_clear_object (&step);
  step = save_weighted_milestone (fixture, most, "late", 1);
  g_clear_object (&step);
  step = save_weighted_milestone (fixture, most, "done", 0);
  g_clear_object (&step);
  step = save_weighted_milestone (fixture, quarter, "done", 1);
  g_clear_object (&step);
  step = save_weighted_milestone (fixture, quarter, "dropped", 5);
  g_clear_object (&step);
  step = save_weighted_milestone (fixture, all, "done", 2);
  g_clear_object (&step);
  /* The one the test moves on. */
  step = save_weighted_milestone (fixture, quarter, "on_track", 3);
  gone = save_weighted_milestone (fixture, all, "planned", 2);
  g_assert_true (edaad_store_delete (fixture->store, "milestone", edaad_record_get_id (gone), &error));
  g_assert_no_error (error);

  for (guint d = 0; d < G_N_ELEMENTS (descending); d++)
    {
      g_autoptr(EdaadRecordList) list = edaad_record_list_new (fixture->store, "plan");
      g_autoptr(EdaadRecordList) fresh = NULL;
      g_autoptr(EdaadRecord) extra = NULL;
      Mirror mirror;

      edaad_record_list_set_sort (list, "progress", descending[d]);
      assert_titles (list, descending[d] ? "All Most Half Quarter None" : "None Quarter Half Most All");
      mirror_init (&mirror, G_LIST_MODEL (list));
      g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), fixture);

      /* Quarter's open milestone done: 4 of 4, it moves next to All (a tie, broken by
       * creation: Quarter first ascending, All first descending); a weight-0 milestone
       * changes nothing, so no signal. */
      extra = save_weighted_milestone (fixture, quarter, "done", 0);
      assert_changes (fixture, "");
      g_clear_object (&extra);
      edaad_record_set_string (step, "status", "done");
      save_or_fail (fixture, step);
      if (descending[d])
        {
          assert_changes (fixture, "3,1,0;1,0,1;");
          assert_titles (list, "All Quarter Most Half None");
        }
      else
        {
          assert_changes (fixture, "1,1,0;3,0,1;");
          assert_titles (list, "None Half Most Quarter All");
        }

      /* An edit of the plan itself under this sort keeps its place (one in-place signal). */
      edaad_record_set_string (half, "summary", descending[d] ? "down" : "up");
      save_or_fail (fixture, half);
      assert_changes (fixture, descending[d] ? "3,1,1;" : "1,1,1;");

      fresh = edaad_record_list_new (fixture->store, "plan");
      edaad_record_list_set_sort (fresh, "progress", descending[d]);
      assert_consistent (&mirror, list, fresh);

      /* And back, for the next pass. */
      edaad_record_set_string (step, "status", "on_track");
      save_or_fail (fixture, step);
      assert_titles (list, descending[d] ? "All Most Half Quarter None" : "None Quarter Half Most All");
      g_clear_object (&fresh);
      fresh = edaad_record_list_new (fixture->store, "plan");
      edaad_record_list_set_sort (fresh, "progress", descending[d]);
      assert_consistent (&mirror, list, fresh);
      take_changes (fixture);
      g_signal_handlers_disconnect_by_data (list, &mirror);
      g_signal_handlers_disconnect_by_data (list, fixture);
      g_ptr_array_unref (mirror.mirror);
    }
}

static EdaadRecord *
save_dated_milestone (Fixture     *fixture,
                      EdaadRecord *plan,
                      const char  *status,
                      const char  *due_on)
{
  EdaadRecord *milestone = edaad_record_new_for_kind ("milestone");

  edaad_record_set_string (milestone, "plan_id", edaad_record_get_id (plan));
  edaad_record_set_string (milestone, "title", "Step");
  edaad_record_set_string (milestone, "status", status);
  edaad_record_set_string (milestone, "due_on", due_on);
  save_or_fail (fixture, milestone);
  return milestone;
}

/* The computed RAG sort: none < done < green < amber < red, the worst live milestone's,
 * else the plan's own (closed done, open judged by its due date); a milestone turning late
 * moves its plan with exact positions. */
static void
test_rag_sort (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EdaadRecord) none = save_plan_full (fixture, "None", "draft", NULL);
  g_autoptr(EdaadRecord) closed = save_plan_full (fixture, "Closed", "closed", NULL);
  g_autoptr(EdaadRecord) green = save_plan_full (fixture, "Green", "approved", NULL);
  g_autoptr(EdaadRecord) amber = save_plan_full (fixture, "Amber", "approved", "2099-01-01");
  g_autoptr(EdaadRecord) red = save_plan_full (fixture, "Red", "approved", "2099-01-01");
  g_autoptr(EdaadRecord) own_red = save_plan_full (fixture, "OwnRed", "draft", "2001-01-01");
  g_autoptr(EdaadRecord) dropped = save_plan_full (fixture, "Dropped", "approved", "2099-01-01");
  g_autoptr(EdaadRecord) turning = NULL;
  g_autoptr(EdaadRecord) gone = NULL;
  g_autoptr(EdaadRecord) step = NULL;
  g_autoptr(EdaadRecordList) list = edaad_record_list_new (fixture->store, "plan");
  g_autoptr(EdaadRecordList) fresh = NULL;
  g_autoptr(GError) error = NULL;
  Mirror mirror;

  turning = save_dated_milestone (fixture, green, "on_track", "2099-06-01");
  step = save_dated_milestone (fixture, amber, "at_risk", NULL);
  g_clear_object (&step);
  step = save_dated_milestone (fixture, amber, "done", "2001-01-01");
  g_clear_object (&step);
  step = save_dated_milestone (fixture, red, "planned", "2001-01-01");
  g_clear_object (&step);
  step = save_dated_milestone (fixture, dropped, "dropped", "2001-01-01");
  /* A deleted late milestone counts for nothing. */
  gone = save_dated_milestone (fixture, none, "late", NULL);
  g_assert_true (edaad_store_delete (fixture->store, "milestone", edaad_record_get_id (gone), &error));
  g_assert_no_error (error);

  edaad_record_list_set_sort (list, "rag", FALSE);
  assert_titles (list, "None Closed Green Dropped Amber Red OwnRed");
  edaad_record_list_set_sort (list, "rag", TRUE);
  assert_titles (list, "OwnRed Red Amber Dropped Green Closed None");
  edaad_record_list_set_sort (list, "rag", FALSE);

  mirror_init (&mirror, G_LIST_MODEL (list));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), fixture);
  edaad_record_set_string (turning, "status", "late");
  save_or_fail (fixture, turning);
  assert_changes (fixture, "2,1,0;4,0,1;");
  assert_titles (list, "None Closed Dropped Amber Green Red OwnRed");

  /* With no milestone left to judge by, the plan's own: open without a due date, none
   * (a tie with None, which was created first). */
  g_assert_true (edaad_store_delete (fixture->store, "milestone", edaad_record_get_id (turning), &error));
  g_assert_no_error (error);
  assert_changes (fixture, "4,1,0;1,0,1;");
  assert_titles (list, "None Green Closed Dropped Amber Red OwnRed");

  fresh = edaad_record_list_new (fixture->store, "plan");
  edaad_record_list_set_sort (fresh, "rag", FALSE);
  assert_consistent (&mirror, list, fresh);
  g_signal_handlers_disconnect_by_data (list, &mirror);
  g_ptr_array_unref (mirror.mirror);
  g_assert_nonnull (closed);
  g_assert_nonnull (own_red);
}

/* More rows than one block read (and than the cache holds): every item is the record at
 * its position, read in blocks, before and after edits; find_id agrees with get_item and
 * answers G_MAXUINT for what the list does not hold. */
static void
test_blocks_and_find_id (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdaadRecordList) list = edaad_record_list_new (fixture->store, "plan");
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EdaadRecord) hidden = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 700;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Plan %04u", i);

      g_ptr_array_add (plans, save_plan (fixture, title));
    }
  edaad_record_list_set_sort (list, "title", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  /* Read backwards, then forwards: blocks start wherever the reader is. */
  for (guint round = 0; round < 2; round++)
    for (guint k = 0; k < n; k++)
      {
        guint i = round == 0 ? n - 1 - k : k;
        g_autoptr(EdaadRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);
        g_autofree char *title = g_strdup_printf ("Plan %04u", i);

        g_assert_cmpstr (edaad_record_get_string (item, "title"), ==, title);
        g_assert_cmpuint (edaad_record_list_find_id (list, edaad_record_get_id (item)), ==, i);
      }

  /* An edit moves its row: positions and contents follow. */
  edaad_record_set_string (g_ptr_array_index (plans, 5), "title", "Plan 9999");
  g_assert_true (edaad_store_save (fixture->store, g_ptr_array_index (plans, 5), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (edaad_record_list_find_id (list, edaad_record_get_id (g_ptr_array_index (plans, 5))), ==, n - 1);
  {
    g_autoptr(EdaadRecord) item = g_list_model_get_item (G_LIST_MODEL (list), 5);
    g_autoptr(EdaadRecord) last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);

    g_assert_cmpstr (edaad_record_get_string (item, "title"), ==, "Plan 0006");
    g_assert_cmpstr (edaad_record_get_string (last, "title"), ==, "Plan 9999");
  }

  /* Not held: unknown, filtered out, deleted. */
  g_assert_cmpuint (edaad_record_list_find_id (list, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), ==, G_MAXUINT);
  g_assert_cmpuint (edaad_record_list_find_id (list, NULL), ==, G_MAXUINT);
  edaad_record_list_set_text (list, "0007");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (edaad_record_list_find_id (list, edaad_record_get_id (g_ptr_array_index (plans, 7))), ==, 0);
  g_assert_cmpuint (edaad_record_list_find_id (list, edaad_record_get_id (g_ptr_array_index (plans, 8))), ==, G_MAXUINT);
  edaad_record_list_set_text (list, NULL);
  hidden = g_object_ref (g_ptr_array_index (plans, 8));
  g_assert_true (edaad_store_delete (fixture->store, "plan", edaad_record_get_id (hidden), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (edaad_record_list_find_id (list, edaad_record_get_id (hidden)), ==, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/record-list/items-changed", test_items_changed);
  ADD ("/store/record-list/children-of-plan", test_children_of_plan);
  ADD ("/store/record-list/moves", test_moves);
  ADD ("/store/record-list/text-filter", test_text_filter);
  ADD ("/store/record-list/lazy", test_lazy);
  ADD ("/store/record-list/overdue", test_overdue);
  ADD ("/store/record-list/progress-sort", test_progress_sort);
  ADD ("/store/record-list/rag-sort", test_rag_sort);
  ADD ("/store/record-list/blocks-and-find-id", test_blocks_and_find_id);
#undef ADD

  return g_test_run ();
}
