/* test-pages.c — the dashboard, plans, services and coursework pages over a real store
 * seeded with the demo data, in real windows under Xvfb. */
#define G_LOG_DOMAIN "test-pages"

#include "config.h"

#include "coursework/edaad-coursework-page.h"
#include "coursework/edaad-edition-choice.h"
#include "dashboard/edaad-dashboard-page.h"
#include "edaad-coursework-metrics.h"
#include "edaad-date.h"
#include "edaad-demo.h"
#include "edaad-enum-drop-down.h"
#include "edaad-plan-metrics.h"
#include "edaad-record-array.h"
#include "edaad-record-list.h"
#include "edaad-row-label.h"
#include "edaad-row-slot.h"
#include "edaad-service-metrics.h"
#include "edaad-test-dir.h"
#include "edaad-ui-format.h"
#include "plans/edaad-plans-page.h"
#include "services/edaad-services-page.h"

#include <adwaita.h>

typedef struct
{
  char *dir;
  EdaadStore *store;
  GtkWidget *window;
} Fixture;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean seed = GPOINTER_TO_INT (data);

  fixture->dir = edaad_test_dir_new ("pages");
  path = g_build_filename (fixture->dir, "edaad.db", NULL);
  fixture->store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  if (seed)
    {
      edaad_demo_seed (fixture->store, &error);
      g_assert_no_error (error);
    }
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin (20);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
}

static void
show (Fixture   *fixture,
      GtkWidget *page)
{
  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin (100);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
count_of (EdaadStore *store,
          const char *kind,
          const char *field,
          const char *nick)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = edaad_store_count_by (store, kind, field, &error);

  g_assert_no_error (error);
  return GPOINTER_TO_INT (g_hash_table_lookup (counts, nick));
}

static gint64
count_live (EdaadStore *store,
            const char *kind)
{
  g_autoptr(GError) error = NULL;
  gint64 n = edaad_store_count_live (store, kind, &error);

  g_assert_no_error (error);
  return n;
}

/* The record at `position` of a record list, or shown in that row of a table. */
static EdaadRecord *
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  /* The record list's cache keeps the record alive. */
  if (EDAAD_IS_ROW_SLOT (item))
    return edaad_row_slot_get_record (EDAAD_ROW_SLOT (item));
  g_assert_true (EDAAD_IS_RECORD (item));
  return EDAAD_RECORD (item);
}

static EdaadRecord *
selected_record (GtkSingleSelection *selection)
{
  EdaadRowSlot *row = gtk_single_selection_get_selected_item (selection);

  return row != NULL ? edaad_row_slot_get_record (row) : NULL;
}

static EdaadRecord *
first_of (EdaadStore *store,
          const char *kind)
{
  g_autoptr(EdaadRecordList) list = edaad_record_list_new (store, kind);
  g_autoptr(GError) error = NULL;
  EdaadRecord *record;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  record = g_list_model_get_item (G_LIST_MODEL (list), 0);
  return record;
}

/* ---- plans ---- */

static void
test_plans_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  EdaadPlansPage *plans = EDAAD_PLANS_PAGE (page);
  GListModel *model;

  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (plans));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_live (fixture->store, "plan"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12);
  g_assert_cmpstr (edaad_plans_page_get_state (plans), ==, "list");
  g_assert_null (edaad_plans_page_get_shown (plans));
  g_assert_nonnull (find_widget (page, GTK_TYPE_COLUMN_VIEW));
}

static void
test_plans_search (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  EdaadPlansPage *plans = EDAAD_PLANS_PAGE (page);
  GListModel *model;
  GtkEditable *entry;
  g_autofree char *code = NULL;
  guint n;
  gint64 deadline;

  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (plans));
  code = g_strdup (edaad_record_get_string (item_at (model, 3), "code"));
  g_assert_nonnull (code);

  /* Typing in the search entry narrows the list (after the entry's short delay). */
  entry = GTK_EDITABLE (find_widget (page, GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, code);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (model) == 12 && g_get_monotonic_time () < deadline)
    spin (10);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, 12);
  for (guint i = 0; i < n; i++)
    {
      EdaadRecord *plan = item_at (model, i);
      g_autofree char *haystack = g_strjoin (" ", edaad_record_get_string (plan, "code"),
                                             edaad_record_get_string (plan, "title"),
                                             edaad_record_get_string (plan, "summary"), NULL);
      g_assert_nonnull (strstr (haystack, code));
    }

  /* Nothing matches: the "no results" state, not the empty one. */
  edaad_plans_page_set_filter (plans, "text", "qqqq-no-such-plan-zzzz");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (edaad_plans_page_get_state (plans), ==, "no-results");

  /* Clearing every filter brings everything back. */
  edaad_plans_page_set_filter (plans, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpstr (edaad_plans_page_get_state (plans), ==, "list");
}

static void
test_plans_status_filter (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  EdaadPlansPage *plans = EDAAD_PLANS_PAGE (page);
  EdaadEnumDropDown *drop_down;
  GListModel *model;
  int approved = count_of (fixture->store, "plan", "status", "approved");
  int draft = count_of (fixture->store, "plan", "status", "draft");
  guint n;

  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (plans));
  g_assert_cmpint (approved, >, 0);
  g_assert_cmpint (approved, <, 12);

  /* Through the drop-down, as a user would. */
  drop_down = EDAAD_ENUM_DROP_DOWN (find_widget (page, EDAAD_TYPE_ENUM_DROP_DOWN));
  g_assert_nonnull (drop_down);
  g_assert_null (edaad_enum_drop_down_get_value (drop_down));
  edaad_enum_drop_down_set_value (drop_down, "approved");
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, approved);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (edaad_record_get_string (item_at (model, i), "status"), ==, "approved");

  /* Through set_filter, as the dashboard does: the drop-down follows. */
  edaad_plans_page_set_filter (plans, "status", "draft");
  g_assert_cmpstr (edaad_enum_drop_down_get_value (drop_down), ==, "draft");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, draft);

  /* An unknown nick selects "All statuses". */
  edaad_enum_drop_down_set_value (drop_down, "no-such-status");
  g_assert_null (edaad_enum_drop_down_get_value (drop_down));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12);

  /* Any other field filters by equality, and can be removed. */
  edaad_plans_page_set_filter (plans, "change_type", "it_digital");
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, count_of (fixture->store, "plan", "change_type", "it_digital"));
  edaad_plans_page_set_filter (plans, "change_type", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12);
}

static void
test_plans_sort (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  GtkColumnView *view;
  GListModel *columns;
  GListModel *model;
  GtkColumnViewColumn *code_column = NULL;

  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (EDAAD_PLANS_PAGE (page)));
  view = GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW));
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Code") == 0)
        code_column = column;
    }
  g_assert_nonnull (code_column);

  /* What a click on the header does: the SQL order follows. */
  gtk_column_view_sort_by_column (view, code_column, GTK_SORT_DESCENDING);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    g_assert_cmpint (g_strcmp0 (edaad_record_get_string (item_at (model, i - 1), "code"),
                                edaad_record_get_string (item_at (model, i), "code")), >=, 0);
  gtk_column_view_sort_by_column (view, code_column, GTK_SORT_ASCENDING);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    g_assert_cmpint (g_strcmp0 (edaad_record_get_string (item_at (model, i - 1), "code"),
                                edaad_record_get_string (item_at (model, i), "code")), <=, 0);
}

static void
test_plans_show_record (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  EdaadPlansPage *plans = EDAAD_PLANS_PAGE (page);
  GtkSingleSelection *selection;
  g_autoptr(EdaadRecord) milestone = NULL;
  g_autofree char *id = NULL;
  const char *status;
  EdaadRecord *selected;

  show (fixture, page);
  selection = edaad_plans_page_get_selection (plans);
  id = g_strdup (edaad_record_get_id (item_at (G_LIST_MODEL (selection), 7)));
  status = edaad_record_get_string (item_at (G_LIST_MODEL (selection), 7), "status");

  edaad_plans_page_show_record (plans, "plan", id);
  selected = selected_record (selection);
  g_assert_nonnull (selected);
  g_assert_cmpstr (edaad_record_get_id (selected), ==, id);
  g_assert_cmpstr (edaad_record_get_id (edaad_plans_page_get_shown (plans)), ==, id);

  /* A filter that hides the plan is cleared to reveal it. */
  edaad_plans_page_set_filter (plans, "status", g_strcmp0 (status, "draft") == 0 ? "closed" : "draft");
  g_assert_null (selected_record (selection));
  g_assert_null (edaad_plans_page_get_shown (plans));
  edaad_plans_page_set_filter (plans, "id", id);
  selected = selected_record (selection);
  g_assert_nonnull (selected);
  g_assert_cmpstr (edaad_record_get_id (selected), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 12);

  /* A milestone shows its plan. */
  milestone = first_of (fixture->store, "milestone");
  edaad_plans_page_show_record (plans, "milestone", edaad_record_get_id (milestone));
  g_assert_cmpstr (edaad_record_get_id (edaad_plans_page_get_shown (plans)), ==,
                   edaad_record_get_string (milestone, "plan_id"));

  /* An unknown record changes nothing. */
  edaad_plans_page_show_record (plans, "plan", "00000000-0000-7000-8000-000000000000");
  g_assert_cmpstr (edaad_record_get_id (edaad_plans_page_get_shown (plans)), ==,
                   edaad_record_get_string (milestone, "plan_id"));
  edaad_plans_page_show_record (plans, "risk", "00000000-0000-7000-8000-000000000000");
  g_assert_cmpstr (edaad_record_get_id (edaad_plans_page_get_shown (plans)), ==,
                   edaad_record_get_string (milestone, "plan_id"));

  /* A kind the page does not show is a programming error. */
  g_test_expect_message ("edaad-plans-page", G_LOG_LEVEL_CRITICAL, "*g_str_equal*");
  edaad_plans_page_show_record (plans, "service", id);
  g_test_assert_expected_messages ();
}

static GtkColumnViewColumn *
column_titled (GtkWidget  *page,
               const char *title)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column; /* the view keeps it */
    }
  g_assert_not_reached ();
}

static guint
count_capstone (EdaadStore *store)
{
  g_autoptr(EdaadRecordList) list = edaad_record_list_new (store, "plan");
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    if (edaad_record_get_bool (item_at (G_LIST_MODEL (list), i), "capstone"))
      n++;
  return n;
}

static void
test_plans_more_filters (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  EdaadPlansPage *plans = EDAAD_PLANS_PAGE (page);
  EdaadRecordTable *table = edaad_plans_page_get_table (plans);
  GListModel *model;
  gint64 all = count_live (fixture->store, "plan");
  int it = count_of (fixture->store, "plan", "change_type", "it_digital");
  int high = count_of (fixture->store, "plan", "priority", "high");
  guint capstone = count_capstone (fixture->store);
  guint n;

  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (plans));
  g_assert_nonnull (edaad_record_table_get_enum_filter (table, "change_type"));
  g_assert_nonnull (edaad_record_table_get_enum_filter (table, "priority"));
  /* The demo data must make each filter narrow the list, or the test proves nothing. */
  g_assert_cmpint (it, >, 0);
  g_assert_cmpint (it, <, all);
  g_assert_cmpint (high, >, 0);
  g_assert_cmpint (high, <, all);

  /* Type of change, through its drop-down. */
  edaad_enum_drop_down_set_value (EDAAD_ENUM_DROP_DOWN (edaad_record_table_get_enum_filter (table, "change_type")),
                                  "it_digital");
  spin (20);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, it);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (edaad_record_get_string (item_at (model, i), "change_type"), ==, "it_digital");

  /* Priority on top of it: both apply. */
  edaad_plans_page_set_filter (plans, "priority", "high");
  spin (20);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_assert_cmpstr (edaad_record_get_string (item_at (model, i), "change_type"), ==, "it_digital");
      g_assert_cmpstr (edaad_record_get_string (item_at (model, i), "priority"), ==, "high");
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), <=, MIN (it, high));
  edaad_plans_page_set_filter (plans, "change_type", NULL);
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, high);

  /* A value no plan has: the "no results" state, and clearing every filter brings all back. */
  edaad_plans_page_set_filter (plans, "priority", NULL);
  edaad_plans_page_set_filter (plans, "change_type", "environmental_sustainability");
  edaad_plans_page_set_filter (plans, "priority", "low");
  spin (20);
  if (g_list_model_get_n_items (model) == 0)
    g_assert_cmpstr (edaad_plans_page_get_state (plans), ==, "no-results");
  edaad_plans_page_set_filter (plans, NULL, NULL);
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  /* Capstone: only the capstone plans. */
  edaad_plans_page_set_filter (plans, "capstone", "1");
  spin (20);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, capstone);
  for (guint i = 0; i < n; i++)
    g_assert_true (edaad_record_get_bool (item_at (model, i), "capstone"));
  edaad_plans_page_set_filter (plans, "capstone", NULL);
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
}

static GtkWidget *
find_toggle_by_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
plan_is_overdue (EdaadRecord *plan,
                 const char  *today)
{
  const char *due_on = edaad_record_get_string (plan, "due_on");
  const char *status = edaad_record_get_string (plan, "status");

  return due_on != NULL && g_strcmp0 (due_on, today) < 0 &&
         g_strcmp0 (status, "closed") != 0 && g_strcmp0 (status, "cancelled") != 0;
}

/* The overdue toggle narrows the list to plans due before today that are neither closed
 * nor cancelled, and toggling it off brings every plan back. */
static void
test_plans_overdue (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdaadRecordList) all_plans = edaad_record_list_new (fixture->store, "plan");
  g_autofree char *today = edaad_date_today ();
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GtkWidget *button;
  GtkWidget *capstone;
  GListModel *model;
  guint all;
  guint overdue = 0;
  guint n;

  /* Make sure the data has both kinds: one plan long overdue, one closed and overdue
   * (which does not count), one due far ahead. */
  all = g_list_model_get_n_items (G_LIST_MODEL (all_plans));
  g_assert_cmpuint (all, >=, 3);
  {
    g_autoptr(EdaadRecord) late = edaad_record_copy (item_at (G_LIST_MODEL (all_plans), 0));
    g_autoptr(EdaadRecord) closed = edaad_record_copy (item_at (G_LIST_MODEL (all_plans), 1));
    g_autoptr(EdaadRecord) ahead = edaad_record_copy (item_at (G_LIST_MODEL (all_plans), 2));

    /* Dates before the due date must not be after it. */
    for (guint i = 0; i < 2; i++)
      {
        EdaadRecord *plan = i == 0 ? late : closed;

        edaad_record_set_string (plan, "start_on", "2000-01-01");
        edaad_record_set_string (plan, "go_live_on", "2000-06-01");
      }
    edaad_record_set_string (late, "due_on", "2001-01-01");
    edaad_record_set_string (late, "status", "approved");
    edaad_record_set_string (closed, "due_on", "2001-01-01");
    edaad_record_set_string (closed, "status", "closed");
    edaad_record_set_string (ahead, "due_on", "2099-01-01");
    edaad_store_save (fixture->store, late, &error);
    g_assert_no_error (error);
    edaad_store_save (fixture->store, closed, &error);
    g_assert_no_error (error);
    edaad_store_save (fixture->store, ahead, &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < all; i++)
    if (plan_is_overdue (item_at (G_LIST_MODEL (all_plans), i), today))
      overdue++;
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (overdue, <, all);

  page = edaad_plans_page_new (fixture->store);
  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (EDAAD_PLANS_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  button = find_toggle_by_tooltip (page, "Only overdue plans");
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  spin (20);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, overdue);
  for (guint i = 0; i < n; i++)
    g_assert_true (plan_is_overdue (item_at (model, i), today));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  /* Both toggles on narrow the list to overdue capstone plans; clearing the filters (what
   * the "Clear Filters" button does) turns both off and shows every plan again. */
  capstone = find_toggle_by_tooltip (page, "Only capstone plans");
  g_assert_nonnull (capstone);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (capstone), TRUE);
  spin (20);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, <=, overdue);
  g_assert_cmpuint (n, <, all);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (plan_is_overdue (item_at (model, i), today));
      g_assert_true (edaad_record_get_bool (item_at (model, i), "capstone"));
    }
  edaad_plans_page_set_filter (EDAAD_PLANS_PAGE (page), NULL, NULL);
  spin (20);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (capstone)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
}

static guint
count_children (EdaadStore *store,
                const char *kind,
                const char *plan_id)
{
  g_autoptr(EdaadRecordList) list = edaad_record_list_new (store, kind);

  edaad_record_list_set_equals (list, "plan_id", plan_id);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_plans_delete_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  EdaadPlansPage *plans = EDAAD_PLANS_PAGE (page);
  g_autoptr(EdaadRecord) milestone = first_of (fixture->store, "milestone");
  g_autofree char *id = g_strdup (edaad_record_get_string (milestone, "plan_id"));
  g_autoptr(EdaadRecord) gone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = count_live (fixture->store, "plan");
  guint milestones = count_children (fixture->store, "milestone", id);
  guint risks = count_children (fixture->store, "risk", id);
  GListModel *model;

  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (plans));
  g_assert_cmpuint (milestones, >, 0);

  /* Nothing selected: the action is off and deletes nothing. */
  gtk_widget_activate_action (page, "plans.delete", NULL);
  g_assert_cmpint (count_live (fixture->store, "plan"), ==, before);

  edaad_plans_page_show_record (plans, "plan", id);
  g_assert_cmpstr (edaad_record_get_id (edaad_plans_page_get_shown (plans)), ==, id);
  g_assert_true (gtk_widget_activate_action (page, "plans.delete", NULL));
  spin (50);

  /* The plan and its children are tombstones; the list and the pane let go of it. */
  g_assert_cmpint (count_live (fixture->store, "plan"), ==, before - 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before - 1);
  g_assert_cmpuint (count_children (fixture->store, "milestone", id), ==, 0);
  g_assert_cmpuint (count_children (fixture->store, "risk", id), ==, 0);
  gone = edaad_store_get (fixture->store, "plan", id, &error);
  g_assert_no_error (error);
  g_assert_true (edaad_record_get_deleted (gone));
  g_assert_null (edaad_plans_page_get_shown (plans));

  /* The toast's Undo: everything back, selected again. */
  g_assert_true (gtk_widget_activate_action (page, "plans.undo-delete", "s", id));
  spin (50);
  g_assert_cmpint (count_live (fixture->store, "plan"), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before);
  g_assert_cmpuint (count_children (fixture->store, "milestone", id), ==, milestones);
  g_assert_cmpuint (count_children (fixture->store, "risk", id), ==, risks);
  g_assert_cmpstr (edaad_record_get_id (edaad_plans_page_get_shown (plans)), ==, id);

  /* Undo of an unknown plan fails without changing anything (its toast says why). */
  g_assert_true (gtk_widget_activate_action (page, "plans.undo-delete", "s",
                                             "00000000-0000-7000-8000-000000000000"));
  spin (20);
  g_assert_cmpint (count_live (fixture->store, "plan"), ==, before);
}

static guint
expected_ready (EdaadStore *store,
                guint      *target)
{
  g_autoptr(EdaadRecordList) editions = edaad_record_list_new (store, "edition");
  g_autoptr(EdaadRecordList) all = edaad_record_list_new (store, "plan");
  g_autoptr(GPtrArray) plans = edaad_record_array_from_model (G_LIST_MODEL (all));
  g_autofree char *today = edaad_date_today ();
  g_autoptr(EdaadRecord) edition = edaad_edition_choose (G_LIST_MODEL (editions), today);

  return edaad_ready_plans_count (edition, plans, target);
}

static void
test_plans_ready_header (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  EdaadPlansPage *plans = EDAAD_PLANS_PAGE (page);
  g_autoptr(EdaadRecordList) editions = edaad_record_list_new (fixture->store, "edition");
  g_autofree char *today = edaad_date_today ();
  g_autoptr(EdaadRecord) edition = edaad_edition_choose (G_LIST_MODEL (editions), today);
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint target = 0;
  guint page_target = 0;
  guint ready = expected_ready (fixture->store, &target);

  show (fixture, page);
  g_assert_cmpuint (edaad_plans_page_get_ready_count (plans, &page_target), ==, ready);
  g_assert_cmpuint (page_target, ==, target);
  text = g_strdup_printf ("Ready plans: %u of %u", ready, target);
  g_assert_cmpstr (edaad_plans_page_get_ready_text (plans), ==, text);

  /* A new plan of the edition counts once it is approved, at once. */
  edaad_record_set_string (plan, "title", "Ready plan from the test");
  edaad_record_set_string (plan, "change_type", "process");
  edaad_record_set_string (plan, "status", "draft");
  if (edition != NULL)
    edaad_record_set_string (plan, "edition_id", edaad_record_get_id (edition));
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);
  spin (20);
  g_assert_cmpuint (edaad_plans_page_get_ready_count (plans, NULL), ==, ready);
  edaad_record_set_string (plan, "status", "approved");
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  spin (20);
  g_assert_cmpuint (edaad_plans_page_get_ready_count (plans, NULL), ==, ready + 1);
  g_assert_cmpuint (expected_ready (fixture->store, NULL), ==, ready + 1);

  /* Deleted, it no longer counts. */
  g_assert_true (edaad_store_delete (fixture->store, "plan", edaad_record_get_id (plan), &error));
  spin (20);
  g_assert_cmpuint (edaad_plans_page_get_ready_count (plans, NULL), ==, ready);
}

static void
test_plans_sort_due (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  GtkColumnView *view;
  GListModel *model;
  GtkColumnViewColumn *due;
  guint n;

  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (EDAAD_PLANS_PAGE (page)));
  view = GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW));
  due = column_titled (page, "Due");
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 2);

  /* Dates sort as dates (ISO text); plans without one come first ascending. */
  gtk_column_view_sort_by_column (view, due, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_strcmp0 (edaad_record_get_string (item_at (model, i - 1), "due_on"),
                                edaad_record_get_string (item_at (model, i), "due_on")), <=, 0);
  gtk_column_view_sort_by_column (view, due, GTK_SORT_DESCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_strcmp0 (edaad_record_get_string (item_at (model, i - 1), "due_on"),
                                edaad_record_get_string (item_at (model, i), "due_on")), >=, 0);
  /* The first and the last differ: the order really changed something. */
  g_assert_cmpint (g_strcmp0 (edaad_record_get_string (item_at (model, 0), "due_on"),
                              edaad_record_get_string (item_at (model, n - 1), "due_on")), >, 0);

  /* Every other column that sorts names an SQL field the list accepts. */
  g_assert_nonnull (gtk_column_view_column_get_sorter (column_titled (page, "Type of change")));
  g_assert_nonnull (gtk_column_view_column_get_sorter (column_titled (page, "Status")));
  g_assert_nonnull (gtk_column_view_column_get_sorter (column_titled (page, "Capstone")));
}

static double
progress_of (EdaadStore  *store,
             EdaadRecord *plan)
{
  g_autoptr(EdaadRecordList) milestones = edaad_record_list_new (store, "milestone");
  g_autoptr(GPtrArray) array = NULL;

  edaad_record_list_set_equals (milestones, "plan_id", edaad_record_get_id (plan));
  array = edaad_record_array_from_model (G_LIST_MODEL (milestones));
  return edaad_plan_progress (array);
}

/* The Progress column sorts, in the store, by the same progress the cells show. */
static void
test_plans_sort_progress (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  GtkColumnView *view;
  GListModel *model;
  GtkColumnViewColumn *progress;
  guint n;

  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (EDAAD_PLANS_PAGE (page)));
  view = GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW));
  progress = column_titled (page, "Progress");
  g_assert_nonnull (gtk_column_view_column_get_sorter (progress));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 2);

  gtk_column_view_sort_by_column (view, progress, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (progress_of (fixture->store, item_at (model, i - 1)), <=,
                       progress_of (fixture->store, item_at (model, i)));
  gtk_column_view_sort_by_column (view, progress, GTK_SORT_DESCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (progress_of (fixture->store, item_at (model, i - 1)), >=,
                       progress_of (fixture->store, item_at (model, i)));
  /* The demo data has plans of different progress: the order really changed something. */
  g_assert_cmpfloat (progress_of (fixture->store, item_at (model, 0)), >,
                     progress_of (fixture->store, item_at (model, n - 1)));
}

/* none < done < green < amber < red: the order of the RAG column. */
static int
rag_rank (EdaadStore  *store,
          EdaadRecord *plan,
          const char  *today)
{
  g_autoptr(EdaadRecordList) milestones = edaad_record_list_new (store, "milestone");
  g_autoptr(GPtrArray) array = NULL;

  edaad_record_list_set_equals (milestones, "plan_id", edaad_record_get_id (plan));
  array = edaad_record_array_from_model (G_LIST_MODEL (milestones));
  return edaad_rag_severity (edaad_plan_rag (plan, array, today));
}

/* The RAG column sorts, in the store, by the RAG the cells show. */
static void
test_plans_sort_rag (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  g_autofree char *today = edaad_date_today ();
  GtkColumnView *view;
  GListModel *model;
  GtkColumnViewColumn *rag;
  guint n;

  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (EDAAD_PLANS_PAGE (page)));
  view = GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW));
  rag = column_titled (page, "RAG");
  g_assert_nonnull (gtk_column_view_column_get_sorter (rag));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 2);

  gtk_column_view_sort_by_column (view, rag, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (rag_rank (fixture->store, item_at (model, i - 1), today), <=,
                     rag_rank (fixture->store, item_at (model, i), today));
  gtk_column_view_sort_by_column (view, rag, GTK_SORT_DESCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (rag_rank (fixture->store, item_at (model, i - 1), today), >=,
                     rag_rank (fixture->store, item_at (model, i), today));
  g_assert_cmpint (rag_rank (fixture->store, item_at (model, 0), today), >,
                   rag_rank (fixture->store, item_at (model, n - 1), today));
}

static EdaadRecord *
milestone_new (const char *status,
               const char *due_on)
{
  EdaadRecord *milestone = edaad_record_new_for_kind ("milestone");

  edaad_record_set_string (milestone, "status", status);
  if (due_on != NULL)
    edaad_record_set_string (milestone, "due_on", due_on);
  return milestone;
}

static void
test_plans_rag (void)
{
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  g_autoptr(GPtrArray) milestones = g_ptr_array_new_with_free_func (g_object_unref);
  const char *today = "2026-06-01";

  /* No milestones: the plan's own due date and status. */
  edaad_record_set_string (plan, "status", "implementing");
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_NONE);
  edaad_record_set_string (plan, "due_on", "2026-05-01");
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_RED);
  edaad_record_set_string (plan, "due_on", "2026-06-05");
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_AMBER);
  edaad_record_set_string (plan, "due_on", "2026-09-01");
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_GREEN);
  edaad_record_set_string (plan, "status", "closed");
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_DONE);
  edaad_record_set_string (plan, "status", "cancelled");
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_NONE);

  /* With milestones: the worst of them; a deleted or dropped one does not count. */
  edaad_record_set_string (plan, "status", "implementing");
  g_ptr_array_add (milestones, milestone_new ("done", "2026-01-01"));
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_DONE);
  g_ptr_array_add (milestones, milestone_new ("on_track", "2026-08-01"));
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_GREEN);
  g_ptr_array_add (milestones, milestone_new ("at_risk", "2026-08-01"));
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_AMBER);
  g_ptr_array_add (milestones, milestone_new ("on_track", "2026-05-01"));
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_RED);
  edaad_record_set_deleted (g_ptr_array_index (milestones, 3), TRUE);
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_AMBER);
  g_ptr_array_set_size (milestones, 0);
  g_ptr_array_add (milestones, milestone_new ("dropped", "2026-05-01"));
  /* Only a dropped milestone: judged as a plan without milestones (due 2026-09-01). */
  edaad_record_set_string (plan, "due_on", "2026-09-01");
  g_assert_cmpint (edaad_plan_rag (plan, milestones, today), ==, EDAAD_RAG_GREEN);
}

static void
test_plans_new_and_edit (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  EdaadPlansPage *plans = EDAAD_PLANS_PAGE (page);
  EdaadPlanEditor *editor = edaad_plans_page_get_editor (plans);
  gint64 before = count_live (fixture->store, "plan");
  EdaadRecord *selected;

  show (fixture, page);

  /* Ctrl+N's action opens an empty form; nothing exists until the title is valid. */
  g_assert_true (gtk_widget_activate_action (page, "plans.new", NULL));
  g_assert_null (edaad_plan_editor_get_plan_id (editor));
  g_assert_cmpint (count_live (fixture->store, "plan"), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (edaad_plan_editor_get_field_widget (editor, "title")),
                         "Paperless records archive");
  g_assert_true (edaad_plan_editor_flush (editor));
  spin (100);

  /* The first save created the plan, and the list selects its new row. */
  g_assert_cmpint (count_live (fixture->store, "plan"), ==, before + 1);
  g_assert_nonnull (edaad_plan_editor_get_plan_id (editor));
  selected = selected_record (edaad_plans_page_get_selection (plans));
  g_assert_nonnull (selected);
  g_assert_cmpstr (edaad_record_get_id (selected), ==, edaad_plan_editor_get_plan_id (editor));
  g_assert_cmpstr (edaad_record_get_string (selected, "title"), ==, "Paperless records archive");

  /* Editing the selected plan in the pane updates its row. */
  gtk_editable_set_text (GTK_EDITABLE (edaad_plan_editor_get_field_widget (editor, "title")),
                         "Paperless archive for all directorates");
  g_assert_true (edaad_plan_editor_flush (editor));
  spin (100);
  selected = selected_record (edaad_plans_page_get_selection (plans));
  g_assert_cmpstr (edaad_record_get_string (selected, "title"), ==, "Paperless archive for all directorates");
  g_assert_cmpint (count_live (fixture->store, "plan"), ==, before + 1);
}

static void
test_plans_follow_store (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = edaad_plans_page_new (fixture->store);
  EdaadPlansPage *plans = EDAAD_PLANS_PAGE (page);
  GListModel *model;
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  g_autoptr(GError) error = NULL;

  show (fixture, page);
  model = G_LIST_MODEL (edaad_plans_page_get_selection (plans));
  edaad_record_set_string (plan, "title", "A brand-new plan from the test");
  edaad_record_set_string (plan, "change_type", "process");
  edaad_record_set_string (plan, "status", "draft");
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 13);

  /* The selected plan stays selected and shown when the store changes under it. */
  edaad_plans_page_show_record (plans, "plan", edaad_record_get_id (plan));
  edaad_record_set_string (plan, "title", "A renamed plan");
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  spin (50);
  g_assert_cmpstr (edaad_record_get_string (edaad_plans_page_get_shown (plans), "title"), ==, "A renamed plan");
}

/* ---- empty store ---- */

static void
test_empty_store (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *plans = edaad_plans_page_new (fixture->store);
  GtkWidget *services = edaad_services_page_new (fixture->store);
  GtkWidget *coursework = edaad_coursework_page_new (fixture->store);
  GtkWidget *dashboard = edaad_dashboard_page_new (fixture->store);
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  g_autoptr(GError) error = NULL;

  gtk_box_append (GTK_BOX (box), plans);
  gtk_box_append (GTK_BOX (box), services);
  gtk_box_append (GTK_BOX (box), coursework);
  gtk_box_append (GTK_BOX (box), dashboard);
  show (fixture, box);

  g_assert_cmpstr (edaad_plans_page_get_state (EDAAD_PLANS_PAGE (plans)), ==, "empty");
  g_assert_cmpstr (edaad_services_page_get_state (EDAAD_SERVICES_PAGE (services)), ==, "empty");
  g_assert_cmpstr (edaad_coursework_page_get_state (EDAAD_COURSEWORK_PAGE (coursework)), ==, "empty");
  g_assert_null (edaad_coursework_page_get_edition (EDAAD_COURSEWORK_PAGE (coursework)));
  g_assert_cmpstr (edaad_dashboard_page_get_figure (EDAAD_DASHBOARD_PAGE (dashboard), "card-plans"), ==, "0");
  g_assert_null (edaad_dashboard_page_get_item (EDAAD_DASHBOARD_PAGE (dashboard), "plans-status-draft"));

  /* The first plan leaves the empty state. */
  edaad_record_set_string (plan, "title", "First plan");
  edaad_record_set_string (plan, "change_type", "process");
  edaad_record_set_string (plan, "status", "draft");
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);
  spin (50);
  g_assert_cmpstr (edaad_plans_page_get_state (EDAAD_PLANS_PAGE (plans)), ==, "list");
  g_assert_cmpstr (edaad_dashboard_page_get_figure (EDAAD_DASHBOARD_PAGE (dashboard), "card-plans"), ==, "1");
  g_assert_cmpstr (edaad_dashboard_page_get_figure (EDAAD_DASHBOARD_PAGE (dashboard), "plans-status-draft"), ==, "1");
}

/* ---- services ---- */

static void
test_services (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *page = edaad_services_page_new (fixture->store);
  EdaadServicesPage *services = EDAAD_SERVICES_PAGE (page);
  GtkSingleSelection *selection;
  GListModel *model;
  g_autoptr(EdaadRecord) survey = NULL;
  g_autoptr(EdaadRecordList) surveys = NULL;
  g_autoptr(EdaadRecord) latest = NULL;
  const char *service_id;
  int electronic = count_of (fixture->store, "service", "maturity", "electronic");
  int live = count_of (fixture->store, "service", "portal_stage", "live");
  guint n;

  show (fixture, page);
  selection = edaad_services_page_get_selection (services);
  model = G_LIST_MODEL (selection);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 40);
  g_assert_cmpstr (edaad_services_page_get_state (services), ==, "list");

  edaad_services_page_set_filter (services, "maturity", "electronic");
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, electronic);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (edaad_record_get_string (item_at (model, i), "maturity"), ==, "electronic");
  edaad_services_page_set_filter (services, NULL, NULL);
  edaad_services_page_set_filter (services, "portal_stage", "live");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, live);
  edaad_services_page_set_filter (services, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 40);

  /* show_record selects the service; the pane shows the latest survey's readiness. */
  survey = first_of (fixture->store, "readiness_survey");
  service_id = edaad_record_get_string (survey, "service_id");
  edaad_services_page_show_record (services, "service", service_id);
  g_assert_cmpstr (edaad_record_get_id (selected_record (selection)), ==, service_id);
  g_assert_cmpstr (edaad_record_get_id (edaad_services_page_get_shown (services)), ==, service_id);

  surveys = edaad_record_list_new (fixture->store, "readiness_survey");
  edaad_record_list_set_equals (surveys, "service_id", service_id);
  edaad_record_list_set_sort (surveys, "surveyed_on", TRUE);
  latest = g_list_model_get_item (G_LIST_MODEL (surveys), 0);
  {
    GtkWidget *bar = find_widget (page, GTK_TYPE_LEVEL_BAR);
    g_assert_nonnull (bar);
    g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (bar)),
                                    MAX (edaad_readiness_business_pct (latest), 0.0), 1e-9);
  }
}

/* ---- coursework ---- */

static void
test_coursework (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *page = edaad_coursework_page_new (fixture->store);
  EdaadCourseworkPage *coursework = EDAAD_COURSEWORK_PAGE (page);
  GListModel *modules;
  GListModel *assignments;
  g_autofree char *assignment_id = NULL;
  g_autofree char *module_id = NULL;

  show (fixture, page);
  g_assert_cmpstr (edaad_coursework_page_get_state (coursework), ==, "content");
  g_assert_nonnull (edaad_coursework_page_get_edition (coursework));

  modules = edaad_coursework_page_get_modules (coursework);
  g_assert_cmpuint (g_list_model_get_n_items (modules), ==, 5);
  for (guint i = 1; i < 5; i++)
    g_assert_cmpint (edaad_record_get_int (item_at (modules, i - 1), "position"), <=,
                     edaad_record_get_int (item_at (modules, i), "position"));
  assignments = edaad_coursework_page_get_assignments (coursework);
  g_assert_cmpuint (g_list_model_get_n_items (assignments), >, 0);

  assignment_id = g_strdup (edaad_record_get_id (item_at (assignments, g_list_model_get_n_items (assignments) - 1)));
  edaad_coursework_page_show_record (coursework, "assignment", assignment_id);
  g_assert_cmpstr (edaad_coursework_page_get_selected_id (coursework, "assignment"), ==, assignment_id);

  module_id = g_strdup (edaad_record_get_id (item_at (modules, 2)));
  edaad_coursework_page_show_record (coursework, "module", module_id);
  g_assert_cmpstr (edaad_coursework_page_get_selected_id (coursework, "module"), ==, module_id);

  /* Filtering assignments by kind, then revealing one it hides, clears the filter. */
  {
    const char *kind = edaad_record_get_string (item_at (assignments, 0), "kind");
    guint all = g_list_model_get_n_items (assignments);

    edaad_coursework_page_set_filter (coursework, "kind", g_strcmp0 (kind, "quiz") == 0 ? "presentation" : "quiz");
    g_assert_cmpuint (g_list_model_get_n_items (assignments), <, all);
    edaad_coursework_page_set_filter (coursework, "id", edaad_record_get_id (item_at (assignments, 0)) ? assignment_id : NULL);
    g_assert_cmpstr (edaad_coursework_page_get_selected_id (coursework, "assignment"), ==, assignment_id);
  }
}

/* ---- dashboard ---- */

typedef struct
{
  char *page;
  char *field;
  char *value;
  guint count;
} OpenPage;

static void
on_open_page (EdaadDashboardPage *dashboard,
              const char         *page,
              const char         *field,
              const char         *value,
              OpenPage           *open)
{
  g_free (open->page);
  g_free (open->field);
  g_free (open->value);
  open->page = g_strdup (page);
  open->field = g_strdup (field);
  open->value = g_strdup (value);
  open->count++;
}

static void
test_dashboard (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page = edaad_dashboard_page_new (fixture->store);
  EdaadDashboardPage *dashboard = EDAAD_DASHBOARD_PAGE (page);
  const EdaadFieldSpec *status = edaad_kind_lookup_field (edaad_schema_lookup_kind ("plan"), "status");
  g_autofree char *total = edaad_ui_format_count (count_live (fixture->store, "plan"));
  g_autofree char *today = edaad_date_today ();
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  OpenPage open = { 0 };
  GtkWidget *item;

  show (fixture, page);
  g_signal_connect (dashboard, "open-page", G_CALLBACK (on_open_page), &open);

  g_assert_cmpstr (edaad_dashboard_page_get_figure (dashboard, "card-plans"), ==, total);
  for (guint i = 0; status->enum_values[i] != NULL; i++)
    {
      int count = count_of (fixture->store, "plan", "status", status->enum_values[i]);
      g_autofree char *name = g_strconcat ("plans-status-", status->enum_values[i], NULL);
      g_autofree char *figure = edaad_ui_format_count (count);

      if (count == 0)
        g_assert_null (edaad_dashboard_page_get_item (dashboard, name));
      else
        g_assert_cmpstr (edaad_dashboard_page_get_figure (dashboard, name), ==, figure);
    }
  {
    g_autofree char *manual = edaad_ui_format_count (count_of (fixture->store, "service", "maturity", "manual"));
    g_autofree char *pct = edaad_ui_format_percent (100.0 * count_of (fixture->store, "service", "maturity", "electronic") / 40);

    g_assert_cmpstr (edaad_dashboard_page_get_figure (dashboard, "services-maturity-manual"), ==, manual);
    g_assert_cmpstr (edaad_dashboard_page_get_figure (dashboard, "card-electronic"), ==, pct);
  }
  g_assert_nonnull (strstr (edaad_dashboard_page_get_figure (dashboard, "card-ready"), " of "));

  /* Activating a row or a card asks for the filtered list behind it. */
  item = edaad_dashboard_page_get_item (dashboard, "plans-status-approved");
  g_assert_nonnull (item);
  gtk_widget_activate (item);
  g_assert_cmpuint (open.count, ==, 1);
  g_assert_cmpstr (open.page, ==, "plans");
  g_assert_cmpstr (open.field, ==, "status");
  g_assert_cmpstr (open.value, ==, "approved");

  gtk_widget_activate (edaad_dashboard_page_get_item (dashboard, "services-maturity-semi_electronic"));
  g_assert_cmpstr (open.page, ==, "services");
  g_assert_cmpstr (open.field, ==, "maturity");
  g_assert_cmpstr (open.value, ==, "semi_electronic");

  /* A button's activation ends with ::clicked once its short press animation is over. */
  gtk_widget_activate (edaad_dashboard_page_get_item (dashboard, "card-electronic"));
  spin (400);
  g_assert_cmpuint (open.count, ==, 3);
  g_assert_cmpstr (open.page, ==, "services");
  g_assert_cmpstr (open.value, ==, "electronic");

  gtk_widget_activate (edaad_dashboard_page_get_item (dashboard, "card-plans"));
  spin (400);
  g_assert_cmpstr (open.page, ==, "plans");
  g_assert_null (open.field);
  g_assert_null (open.value);

  /* The first deadline leads to its record. */
  deadlines = edaad_store_upcoming_deadlines (fixture->store, today, 14, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadlines->len, >, 0);
  {
    EdaadRecord *first = g_ptr_array_index (deadlines, 0);
    g_autofree char *name = g_strconcat ("deadline-", edaad_record_get_id (first), NULL);
    const char *kind = edaad_record_get_kind_name (first);

    item = edaad_dashboard_page_get_item (dashboard, name);
    g_assert_nonnull (item);
    gtk_widget_activate (item);
    g_assert_cmpstr (open.field, ==, "id");
    if (g_str_equal (kind, "assignment"))
      {
        g_assert_cmpstr (open.page, ==, "coursework");
        g_assert_cmpstr (open.value, ==, edaad_record_get_id (first));
      }
    else
      {
        g_assert_cmpstr (open.page, ==, "plans");
        g_assert_cmpstr (open.value, ==, g_str_equal (kind, "plan") ? edaad_record_get_id (first)
                                                                     : edaad_record_get_string (first, "plan_id"));
      }
  }

  g_free (open.page);
  g_free (open.field);
  g_free (open.value);
}

/* ---- the "digits" setting ---- */

/* The text of a GtkLabel or an EdaadRowLabel (list cells), or NULL. */
static const char *
label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (EDAAD_IS_ROW_LABEL (widget))
    return edaad_row_label_get_text (EDAAD_ROW_LABEL (widget));
  return NULL;
}

/* Counts the shown labels under `widget` whose text holds Latin and Arabic-Indic digits. */
static void
count_digit_labels (GtkWidget *widget,
                    guint     *latin,
                    guint     *arabic)
{
  const char *text = label_text (widget);

  if (text != NULL && gtk_widget_get_mapped (widget))
    {
      /* Plan codes ("CP-2026-05") and record names ("Edaad — 2nd edition") are data,
       * shown as they were typed. */
      if (strpbrk (text, "0123456789") != NULL && strstr (text, "CP-") == NULL &&
          strstr (text, "2nd edition") == NULL)
        {
          g_test_message ("Latin digits in “%s”", text);
          (*latin)++;
        }
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c >= 0x0660 && c <= 0x0669)
            {
              g_test_message ("Arabic-Indic digits in “%s”", text);
              (*arabic)++;
              break;
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_digit_labels (child, latin, arabic);
}

/* In Arabic, "As in my language" writes Arabic-Indic digits everywhere, and "Latin" Latin
 * ones; the pages follow a change at once. */
static void
test_digits_follow_setting (Fixture       *fixture,
                            gconstpointer  data)
{
  GSettings *settings = edaad_ui_format_get_settings ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *dashboard = edaad_dashboard_page_new (fixture->store);
  GtkWidget *plans = edaad_plans_page_new (fixture->store);
  g_autoptr(EdaadRecord) plan = first_of (fixture->store, "plan");
  guint latin = 0, arabic = 0;

  g_setenv ("LANGUAGE", "ar", TRUE);
  g_settings_set_enum (settings, "digits", EDAAD_UI_DIGITS_LOCALE);
  gtk_widget_set_hexpand (dashboard, TRUE);
  gtk_widget_set_hexpand (plans, TRUE);
  gtk_box_append (GTK_BOX (box), dashboard);
  gtk_box_append (GTK_BOX (box), plans);
  show (fixture, box);
  edaad_plans_page_show_record (EDAAD_PLANS_PAGE (plans), "plan", edaad_record_get_id (plan));
  spin (200);

  g_assert_nonnull (g_utf8_strchr (edaad_dashboard_page_get_figure (EDAAD_DASHBOARD_PAGE (dashboard), "card-plans"),
                                   -1, 0x0660 + count_live (fixture->store, "plan") % 10));
  count_digit_labels (box, &latin, &arabic);
  g_assert_cmpuint (arabic, >, 10);
  g_assert_cmpuint (latin, ==, 0);

  g_settings_set_enum (settings, "digits", EDAAD_UI_DIGITS_LATIN);
  spin (200);
  {
    g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, count_live (fixture->store, "plan"));

    g_assert_cmpstr (edaad_dashboard_page_get_figure (EDAAD_DASHBOARD_PAGE (dashboard), "card-plans"), ==, total);
  }
  latin = arabic = 0;
  count_digit_labels (box, &latin, &arabic);
  g_assert_cmpuint (latin, >, 10);
  g_assert_cmpuint (arabic, ==, 0);

  g_settings_reset (settings, "digits");
  g_unsetenv ("LANGUAGE");
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (g_strcmp0 (label_text (widget), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether `widget` lies wholly inside `view`'s area as laid out (not just as scrolled). */
static gboolean
shown_in (GtkWidget *widget,
          GtkWidget *view)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, view, &bounds));
  return bounds.origin.x >= 0 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (view);
}

/* Whether the header `title` comes to lie inside `view` (waits for the layout, at most 5 s). */
static gboolean
header_shown (GtkWidget  *view,
              const char *title)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!shown_in (find_label (view, title), view) && g_get_monotonic_time () < deadline)
    spin (20);
  return shown_in (find_label (view, title), view);
}

/* Whether the columns come to be scrolled to their end (waits, at most 5 s). */
static gboolean
scrolled_to_end (GtkAdjustment *columns)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

#define AT_END() (ABS (gtk_adjustment_get_value (columns) - \
                       (gtk_adjustment_get_upper (columns) - gtk_adjustment_get_page_size (columns))) <= 1.0)
  while (!AT_END () && g_get_monotonic_time () < deadline)
    spin (20);
  return AT_END ();
#undef AT_END
}

/* Right to left, a plans list wider than its view opens on its first columns (GTK 4.8 would
 * show the last ones), follows width changes, and leaves alone a view the user scrolled. */
static void
test_plans_rtl_columns (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *page;
  GtkColumnView *view;
  GtkAdjustment *columns;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 600);
  page = edaad_plans_page_new (fixture->store);
  show (fixture, page);
  view = edaad_record_table_get_column_view (edaad_plans_page_get_table (EDAAD_PLANS_PAGE (page)));
  columns = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (columns), >, gtk_adjustment_get_page_size (columns));
  g_assert_true (scrolled_to_end (columns));
  g_assert_true (header_shown (GTK_WIDGET (view), "Code"));
  g_assert_true (shown_in (find_label (GTK_WIDGET (view), "CP-2026-01"), GTK_WIDGET (view)));
  g_assert_false (shown_in (find_label (GTK_WIDGET (view), "Capstone"), GTK_WIDGET (view)));

  /* Narrower: still on the first columns. */
  gtk_widget_set_size_request (page, 560, -1);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 560, 600);
  spin (100);
  g_assert_true (scrolled_to_end (columns));
  g_assert_true (header_shown (GTK_WIDGET (view), "Code"));

  /* Scrolled to the last columns by the user: a width change keeps that. */
  gtk_adjustment_set_value (columns, 0);
  gtk_widget_set_size_request (page, 600, -1);
  spin (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (columns), <, 1.0);
  g_assert_true (header_shown (GTK_WIDGET (view), "Capstone"));
  g_assert_false (shown_in (find_label (GTK_WIDGET (view), "Code"), GTK_WIDGET (view)));

  gtk_window_set_child (GTK_WINDOW (fixture->window), NULL);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/pages/plans/rows", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_rows, fixture_tear_down);
  g_test_add ("/pages/plans/search", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_search, fixture_tear_down);
  g_test_add ("/pages/plans/status-filter", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_status_filter, fixture_tear_down);
  g_test_add ("/pages/plans/sort", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_sort, fixture_tear_down);
  g_test_add ("/pages/plans/more-filters", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_more_filters, fixture_tear_down);
  g_test_add ("/pages/plans/overdue", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_overdue, fixture_tear_down);
  g_test_add ("/pages/plans/delete-undo", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_delete_undo, fixture_tear_down);
  g_test_add ("/pages/plans/ready-header", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_ready_header, fixture_tear_down);
  g_test_add ("/pages/plans/sort-due", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_sort_due, fixture_tear_down);
  g_test_add ("/pages/plans/sort-progress", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_sort_progress, fixture_tear_down);
  g_test_add ("/pages/plans/sort-rag", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_sort_rag, fixture_tear_down);
  g_test_add_func ("/pages/plans/rag", test_plans_rag);
  g_test_add ("/pages/plans/show-record", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_show_record, fixture_tear_down);
  g_test_add ("/pages/plans/new-and-edit", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_new_and_edit, fixture_tear_down);
  g_test_add ("/pages/plans/rtl-columns", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_rtl_columns, fixture_tear_down);
  g_test_add ("/pages/plans/follow-store", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_plans_follow_store, fixture_tear_down);
  g_test_add ("/pages/empty-store", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_empty_store, fixture_tear_down);
  g_test_add ("/pages/services", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_services, fixture_tear_down);
  g_test_add ("/pages/coursework", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_coursework, fixture_tear_down);
  g_test_add ("/pages/dashboard", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_dashboard, fixture_tear_down);
  g_test_add ("/pages/digits", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_digits_follow_setting, fixture_tear_down);

  return g_test_run ();
}
