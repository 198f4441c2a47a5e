/* test-row-slots.c — what list rows are made of: EdaadRowSlotModel (rows that keep their
 * place while their records change), the cell factory over it, EdaadRowLabel's sizes and
 * EdaadProgressCell. */
#include "config.h"

#include "edaad-record-cell-factory.h"
#include "edaad-progress-cell.h"
#include "edaad-record-list.h"
#include "edaad-row-label.h"
#include "edaad-row-slot-model.h"
#include "edaad-store.h"
#include "edaad-test-dir.h"

#include <adwaita.h>

#define N_PLANS 40

typedef struct
{
  char *dir;
  EdaadStore *store;
  EdaadRecordList *list;
  EdaadRowSlotModel *rows;
  GString *changes;     /* "pos,removed,added;" per items-changed of the rows */
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_string_append_printf (fixture->changes, "%u,%u,%u;", position, removed, added);
}

static void
save_plan (Fixture    *fixture,
           const char *code,
           const char *title)
{
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  g_autoptr(GError) error = NULL;

  edaad_record_set_string (plan, "code", code);
  edaad_record_set_string (plan, "title", title);
  edaad_record_set_string (plan, "change_type", "process");
  edaad_record_set_string (plan, "status", "draft");
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);
}

/* Plans "P-00" … "P-39"; the even ones are titled "Even …", the odd ones "Odd …". */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = edaad_test_dir_new ("row-slots");
  path = g_build_filename (fixture->dir, "edaad.db", NULL);
  fixture->store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_PLANS; i++)
    {
      g_autofree char *code = g_strdup_printf ("P-%02u", i);
      g_autofree char *title = g_strdup_printf ("%s plan %u", i % 2 == 0 ? "Even" : "Odd", i);

      save_plan (fixture, code, title);
    }
  fixture->list = edaad_record_list_new (fixture->store, "plan");
  edaad_record_list_set_sort (fixture->list, "code", FALSE);
  fixture->rows = edaad_row_slot_model_new (fixture->list);
  fixture->changes = g_string_new (NULL);
  g_signal_connect (fixture->rows, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->rows);
  g_clear_object (&fixture->list);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
  g_string_free (fixture->changes, TRUE);
}

static char *
take_changes (Fixture *fixture)
{
  char *text = g_strdup (fixture->changes->str);

  g_string_truncate (fixture->changes, 0);
  return text;
}

#define assert_changes(fixture, expected) \
  G_STMT_START { g_autofree char *got_ = take_changes (fixture); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static const char *
slot_code (EdaadRowSlot *slot)
{
  return edaad_record_get_string (edaad_row_slot_get_record (slot), "code");
}

/* The rows shown at `position` of both models are the same record. */
static void
assert_row_matches_list (Fixture *fixture,
                         guint    position)
{
  g_autoptr(EdaadRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (fixture->rows), position);
  g_autoptr(EdaadRecord) record = g_list_model_get_item (G_LIST_MODEL (fixture->list), position);

  g_assert_nonnull (slot);
  g_assert_nonnull (record);
  g_assert_cmpstr (edaad_record_get_id (edaad_row_slot_get_record (slot)), ==, edaad_record_get_id (record));
}

static void
count_notify (EdaadRowSlot *slot,
              GParamSpec   *pspec,
              guint        *count)
{
  (*count)++;
}

/* Holds the slots of the first `n` rows, as a list view holds the rows it shows. */
static GPtrArray *
hold_rows (Fixture *fixture,
           guint    n,
           guint   *notified)
{
  GPtrArray *held = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      EdaadRowSlot *slot = g_list_model_get_item (G_LIST_MODEL (fixture->rows), i);

      g_signal_connect (slot, "notify::record", G_CALLBACK (count_notify), notified);
      g_ptr_array_add (held, slot);
    }
  return held;
}

/* A sort changes every row into another: the held slots stay at their places and are
 * given the records now there, one notification each; no items-changed at all. */
static void
test_sort_keeps_slots (Fixture       *fixture,
                       gconstpointer  data)
{
  guint notified = 0;
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(EdaadRowSlot) again = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->rows)), ==, N_PLANS);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->rows)) == EDAAD_TYPE_ROW_SLOT);
  held = hold_rows (fixture, 10, &notified);
  g_assert_cmpstr (slot_code (g_ptr_array_index (held, 0)), ==, "P-00");

  edaad_record_list_set_sort (fixture->list, "code", TRUE);

  assert_changes (fixture, "");
  g_assert_cmpuint (notified, ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->rows)), ==, N_PLANS);
  g_assert_cmpstr (slot_code (g_ptr_array_index (held, 0)), ==, "P-39");
  g_assert_cmpstr (slot_code (g_ptr_array_index (held, 9)), ==, "P-30");
  again = g_list_model_get_item (G_LIST_MODEL (fixture->rows), 3);
  g_assert_true (again == g_ptr_array_index (held, 3));
  for (guint i = 0; i < N_PLANS; i++)
    assert_row_matches_list (fixture, i);
}

/* A search that narrows the list keeps the first rows (given new records) and removes the
 * rest; clearing it adds them back at the end. */
static void
test_search_narrows_and_widens (Fixture       *fixture,
                                gconstpointer  data)
{
  guint notified = 0;
  g_autoptr(GPtrArray) held = hold_rows (fixture, 30, &notified);

  edaad_record_list_set_text (fixture->list, "Odd");

  /* P-00 … P-39 became P-01 P-03 … P-39: the list keeps its last row (P-39, in both) and
   * changes the 39 before it into 19 others.  The rows show those 19 in place and drop
   * the 20 after them. */
  assert_changes (fixture, "19,20,0;");
  g_assert_cmpuint (notified, ==, 19);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->rows)), ==, N_PLANS / 2);
  for (guint i = 0; i < N_PLANS / 2; i++)
    assert_row_matches_list (fixture, i);
  g_assert_cmpstr (slot_code (g_ptr_array_index (held, 0)), ==, "P-01");
  g_assert_cmpstr (slot_code (g_ptr_array_index (held, 18)), ==, "P-37");
  /* The dropped rows keep what they showed; the model forgot them. */
  g_assert_cmpstr (slot_code (g_ptr_array_index (held, 19)), ==, "P-19");
  g_assert_cmpstr (slot_code (g_ptr_array_index (held, 25)), ==, "P-25");

  edaad_record_list_set_text (fixture->list, NULL);

  assert_changes (fixture, "19,0,20;");
  for (guint i = 0; i < N_PLANS; i++)
    assert_row_matches_list (fixture, i);
  g_assert_cmpstr (slot_code (g_ptr_array_index (held, 1)), ==, "P-01");
}

/* One record edited in place: its row's slot gets the new record, nothing moves. */
static void
test_edit_in_place (Fixture       *fixture,
                    gconstpointer  data)
{
  guint notified = 0;
  g_autoptr(GPtrArray) held = hold_rows (fixture, 5, &notified);
  g_autoptr(EdaadRecord) plan = edaad_record_copy (edaad_row_slot_get_record (g_ptr_array_index (held, 2)));
  g_autoptr(GError) error = NULL;

  edaad_record_set_string (plan, "title", "Renamed");
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);

  assert_changes (fixture, "");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (edaad_record_get_string (edaad_row_slot_get_record (g_ptr_array_index (held, 2)), "title"),
                   ==, "Renamed");
}

/* A record that moves: one removal and one insertion, and the slots between the two
 * places shift with their records (no notification for them). */
static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  guint notified = 0;
  g_autoptr(GPtrArray) held = hold_rows (fixture, 6, &notified);
  g_autoptr(EdaadRecord) plan = edaad_record_copy (edaad_row_slot_get_record (g_ptr_array_index (held, 1)));
  g_autoptr(EdaadRowSlot) shifted = NULL;
  g_autoptr(GError) error = NULL;

  edaad_record_set_string (plan, "code", "P-04b");
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);

  /* P-00 P-01 P-02 P-03 P-04 P-05 → P-00 P-02 P-03 P-04 P-04b P-05 */
  assert_changes (fixture, "1,1,0;4,0,1;");
  g_assert_cmpuint (notified, ==, 0);
  for (guint i = 0; i < N_PLANS; i++)
    assert_row_matches_list (fixture, i);
  shifted = g_list_model_get_item (G_LIST_MODEL (fixture->rows), 1);
  g_assert_true (shifted == g_ptr_array_index (held, 2));
  g_assert_cmpstr (slot_code (shifted), ==, "P-02");
}

/* The model keeps no slot alive by itself: one nobody holds is made again on demand. */
static void
test_slots_are_not_kept (Fixture       *fixture,
                         gconstpointer  data)
{
  EdaadRowSlot *slot = g_list_model_get_item (G_LIST_MODEL (fixture->rows), 7);
  g_autoptr(EdaadRowSlot) again = NULL;

  g_object_add_weak_pointer (G_OBJECT (slot), (gpointer *) &slot);
  g_object_unref (slot);
  g_assert_null (slot);

  again = g_list_model_get_item (G_LIST_MODEL (fixture->rows), 7);
  g_assert_cmpstr (slot_code (again), ==, "P-07");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->rows), N_PLANS));
}

/* ---- the cell factory, in a real column view ---- */

typedef struct
{
  guint setups;
  guint binds;
} CellCounts;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CellCounts               *counts)
{
  counts->setups++;
  gtk_list_item_set_child (item, edaad_row_label_new ());
}

static void
bind_cell (GtkListItem *item,
           EdaadRecord *record,
           gpointer     user_data)
{
  CellCounts *counts = user_data;

  counts->binds++;
  edaad_row_label_set_text (EDAAD_ROW_LABEL (gtk_list_item_get_child (item)),
                            edaad_record_get_string (record, "code"));
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (EDAAD_IS_ROW_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, g_strdup (edaad_row_label_get_text (EDAAD_ROW_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
texts_contain (GtkWidget  *widget,
               const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;
  return FALSE;
}

static void
iterate_until_drawn (GtkWidget *window)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* A sorted column view shows the new order in the cells it already had. */
static void
test_cells_follow_slots (Fixture       *fixture,
                         gconstpointer  data)
{
  CellCounts counts = { 0, 0 };
  GtkListItemFactory *factory = edaad_record_cell_factory_new (G_CALLBACK (setup_cell), bind_cell, &counts, NULL);
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (fixture->rows)));
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  GtkWidget *window = gtk_window_new ();
  GtkColumnViewColumn *column = gtk_column_view_column_new ("Code", factory);
  CellCounts before;

  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
  g_object_unref (column);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 2000);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until_drawn (window);

  g_assert_true (texts_contain (view, "P-00"));
  g_assert_true (texts_contain (view, "P-39"));
  g_assert_cmpuint (counts.setups, >=, N_PLANS);
  g_assert_cmpuint (counts.binds, >=, N_PLANS);

  before = counts;
  edaad_record_list_set_text (fixture->list, "Odd");
  iterate_until_drawn (window);
  g_assert_false (texts_contain (view, "P-00"));
  g_assert_true (texts_contain (view, "P-01"));
  g_assert_true (texts_contain (view, "P-37"));
  g_assert_true (texts_contain (view, "P-39"));
  /* The 19 rows that changed show their new plan in the cells they had: no cell is made,
   * and about one bind per changed row (GTK may bind a row again as it tracks focus). */
  g_assert_cmpuint (counts.setups, ==, before.setups);
  g_assert_cmpuint (counts.binds - before.binds, >=, 19);
  g_assert_cmpuint (counts.binds - before.binds, <=, 21);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- EdaadRowLabel ---- */

static int
natural_width (GtkWidget *widget,
               int       *minimum)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, minimum, &natural, NULL, NULL);
  return natural;
}

static void
test_row_label_sizes (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *plain = edaad_row_label_new ();
  GtkWidget *chars = edaad_row_label_new ();
  GtkWidget *fit = edaad_row_label_new ();
  GtkWidget *reference = gtk_label_new ("Implementing");
  int minimum;
  int natural;
  int label_natural;
  int height;

  gtk_box_append (GTK_BOX (box), plain);
  gtk_box_append (GTK_BOX (box), chars);
  gtk_box_append (GTK_BOX (box), fit);
  gtk_box_append (GTK_BOX (box), reference);
  gtk_window_set_child (GTK_WINDOW (window), box);

  /* By default: no width at all, whatever the text. */
  edaad_row_label_set_text (EDAAD_ROW_LABEL (plain), "A long title that would be wide");
  g_assert_cmpint (natural_width (plain, &minimum), ==, 0);
  g_assert_cmpint (minimum, ==, 0);
  gtk_widget_measure (plain, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, >, 0);
  g_assert_false (edaad_row_label_is_laid_out (EDAAD_ROW_LABEL (plain)));

  /* Width in characters: the same for any text, and proportional. */
  edaad_row_label_set_width_chars (EDAAD_ROW_LABEL (chars), 10);
  natural = natural_width (chars, &minimum);
  g_assert_cmpint (natural, >, 0);
  g_assert_cmpint (minimum, ==, natural);
  edaad_row_label_set_text (EDAAD_ROW_LABEL (chars), "x");
  g_assert_cmpint (natural_width (chars, NULL), ==, natural);
  edaad_row_label_set_width_chars (EDAAD_ROW_LABEL (chars), 20);
  g_assert_cmpint (natural_width (chars, NULL), >=, 2 * natural - 1);
  g_assert_false (edaad_row_label_is_laid_out (EDAAD_ROW_LABEL (chars)));

  /* Fitting its text: as wide as a GtkLabel with that text, and, if it shrinks, down to
   * nothing. */
  edaad_row_label_set_fit_text (EDAAD_ROW_LABEL (fit), TRUE, FALSE);
  edaad_row_label_set_text (EDAAD_ROW_LABEL (fit), "Implementing");
  label_natural = natural_width (reference, NULL);
  g_assert_cmpint (natural_width (fit, &minimum), ==, label_natural);
  g_assert_cmpint (minimum, ==, label_natural);
  edaad_row_label_set_fit_text (EDAAD_ROW_LABEL (fit), TRUE, TRUE);
  g_assert_cmpint (natural_width (fit, &minimum), ==, label_natural);
  g_assert_cmpint (minimum, ==, 0);
  /* Another text, then the first again: remembered, so not laid out to be measured. */
  edaad_row_label_set_text (EDAAD_ROW_LABEL (fit), "Draft");
  g_assert_cmpint (natural_width (fit, NULL), <, label_natural);
  edaad_row_label_set_text (EDAAD_ROW_LABEL (fit), "Implementing");
  g_assert_false (edaad_row_label_is_laid_out (EDAAD_ROW_LABEL (fit)));
  g_assert_cmpint (natural_width (fit, NULL), ==, label_natural);
  g_assert_false (edaad_row_label_is_laid_out (EDAAD_ROW_LABEL (fit)));
  edaad_row_label_set_text (EDAAD_ROW_LABEL (fit), NULL);
  g_assert_cmpint (natural_width (fit, NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- EdaadProgressCell ---- */

static void
test_progress_cell (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *cell = edaad_progress_cell_new ("Progress");
  EdaadProgressCell *progress = EDAAD_PROGRESS_CELL (cell);
  int minimum;
  int natural;
  int height;

  gtk_window_set_child (GTK_WINDOW (window), cell);
  g_assert_cmpfloat (edaad_progress_cell_get_value (progress), ==, 0.0);
  g_assert_cmpstr (edaad_progress_cell_get_text (progress), ==, "");

  natural = natural_width (cell, &minimum);
  g_assert_cmpint (minimum, >, 48);
  g_assert_cmpint (natural, ==, minimum);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, >=, 6);

  edaad_progress_cell_set_value (progress, 40.0, "40%");
  g_assert_cmpfloat (edaad_progress_cell_get_value (progress), ==, 40.0);
  g_assert_cmpstr (edaad_progress_cell_get_text (progress), ==, "40%");
  /* Out of range is held to 0–100; the size never follows the value. */
  edaad_progress_cell_set_value (progress, 250.0, "100%");
  g_assert_cmpfloat (edaad_progress_cell_get_value (progress), ==, 100.0);
  edaad_progress_cell_set_value (progress, -3.0, "0%");
  g_assert_cmpfloat (edaad_progress_cell_get_value (progress), ==, 0.0);
  g_assert_cmpint (natural_width (cell, NULL), ==, natural);

  /* Drawn in both directions. */
  edaad_progress_cell_set_value (progress, 65.0, "65%");
  gtk_window_present (GTK_WINDOW (window));
  iterate_until_drawn (window);
  gtk_widget_set_direction (cell, GTK_TEXT_DIR_RTL);
  iterate_until_drawn (window);
  g_assert_cmpint (gtk_widget_get_width (cell), >=, natural);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/row-slots/sort-keeps-slots", test_sort_keeps_slots);
  ADD ("/row-slots/search-narrows-and-widens", test_search_narrows_and_widens);
  ADD ("/row-slots/edit-in-place", test_edit_in_place);
  ADD ("/row-slots/move", test_move);
  ADD ("/row-slots/slots-are-not-kept", test_slots_are_not_kept);
  ADD ("/row-slots/cells-follow-slots", test_cells_follow_slots);
#undef ADD
  g_test_add_func ("/row-label/sizes", test_row_label_sizes);
  g_test_add_func ("/progress-cell/value-and-size", test_progress_cell);

  return g_test_run ();
}
