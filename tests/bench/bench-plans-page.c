/* bench-plans-page.c — main-loop time of the plans page over 10,000 plans.
 *
 * Run under a display (e.g. `xvfb-run -a build/tests/bench/bench-plans-page`).  For each
 * operation it prints the median (and min/max) of the main loop's busy time from the start
 * of the operation until the window has painted a frame and the loop has nothing left to
 * do.  Busy time is wall time minus the time spent blocked in poll(), so waiting for the
 * frame clock's next tick is not counted.  Target: under 16 ms each.
 *
 *   open       constructing the page and its first painted frame
 *   keystroke  one character typed into the search (the list settled and painted)
 *   sort-due   sorting by the due date column
 *   open-plan  selecting a plan with 200 milestones and 100 risks (pane populated)
 *   show-milestones  with such a plan selected, switching the pane to its milestones
 *   show-risks       the same, to its risks
 *   switch-plan-milestones  selecting the other such plan while its milestones show
 *   save-title  with the Plan tab shown, an edit of the plan's title saved (as after the
 *               pause in typing): the store, the list's row and its progress and RAG cells
 *
 * The two heavy plans' milestones and risks differ in title, date and status, as two real
 * plans' would: a pane that keeps its rows from one plan to the next has to show new text.
 *
 * `--db FILE` keeps the generated database in FILE and reuses it on later runs (generating
 * the data takes most of a minute); without it a temporary database is made and removed.
 */
#define G_LOG_DOMAIN "bench-plans-page"

#include "config.h"

#include "bench-data.h"
#include "bench-main-loop.h"
#include "edaad-renderer.h"
#include "edaad-plan-editor.h"
#include "edaad-plans-page.h"
#include "edaad-record-table.h"
#include "edaad-uuid.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#define N_PLANS 10000
#define N_RUNS 9

/* Edits the entry's text into `text` as typing does: what differs after the common prefix
 * is deleted and the rest inserted (gtk_editable_set_text would pass through an empty
 * text, which the search entry reports at once, so each keystroke would count twice). */
static void
type_text (GtkEditable *entry,
           const char  *text)
{
  const char *old = gtk_editable_get_text (entry);
  int common = 0;
  int position;

  while (old[common] != '\0' && old[common] == text[common])
    common++;
  gtk_editable_delete_text (entry, common, -1);
  position = common;
  gtk_editable_insert_text (entry, text + common, -1, &position);
}

typedef struct
{
  guint index;      /* in heavy_codes */
  char *plan_id;
} HeavyPlan;

/* The heavy plans are the generated plans with these codes (bench_data_generate numbers
 * them from CP-000001), so a reused database finds them again. */
static const char * const heavy_codes[] = { "CP-000001", "CP-005001" };

/* The page's side pane: the view stack holding the plan's sections. */
static AdwViewStack *
find_pane_stack (GtkWidget *widget)
{
  if (ADW_IS_VIEW_STACK (widget) &&
      adw_view_stack_get_child_by_name (ADW_VIEW_STACK (widget), "milestones") != NULL)
    return ADW_VIEW_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwViewStack *found = find_pane_stack (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Selects a heavy plan with the editor showing (not timed), then times switching the pane
 * to `tab`.  The first run shows the section for the first time; the others show it with
 * the other heavy plan's rows still in it. */
static void
time_show_tab (GtkWidget        *window,
               EdaadRecordTable *table,
               AdwViewStack     *pane,
               const HeavyPlan  *heavy,
               const char       *tab,
               GArray           *samples)
{
  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start;
      gint64 poll_start;
      double ms;

      adw_view_stack_set_visible_child_name (pane, "plan");
      edaad_record_table_select_id (table, heavy[run % 2].plan_id);
      bench_main_loop_settle (window, g_get_monotonic_time (), bench_main_loop_polled ());

      start = g_get_monotonic_time ();
      poll_start = bench_main_loop_polled ();
      adw_view_stack_set_visible_child_name (pane, tab);
      ms = bench_main_loop_settle (window, start, poll_start);
      g_array_append_val (samples, ms);
    }
}

static char *
find_plan_id (EdaadStore *store,
              const char *code)
{
  g_autoptr(EdaadRecordList) plans = edaad_record_list_new (store, "plan");
  g_autoptr(EdaadRecord) plan = NULL;

  edaad_record_list_set_equals (plans, "code", code);
  plan = g_list_model_get_item (G_LIST_MODEL (plans), 0);
  if (plan == NULL)
    g_error ("The database has no plan %s: remove it to generate it again", code);
  return g_strdup (edaad_record_get_id (plan));
}

static gboolean
add_children (EdaadStore  *store,
              gpointer     user_data,
              GError     **error)
{
  HeavyPlan *heavy = user_data;
  const char *code = heavy_codes[heavy->index];
  int k = (int) heavy->index;

  for (int i = 0; i < 200; i++)
    {
      g_autoptr(EdaadRecord) milestone = edaad_record_new_for_kind ("milestone");
      g_autofree char *title = g_strdup_printf ("Milestone %d of %s", i + 1, code);
      g_autofree char *due = g_strdup_printf ("2026-%02d-%02d", 1 + (i + 5 * k) % 12, 1 + (i + 11 * k) % 28);
      g_autofree char *id = edaad_uuid_new ();

      edaad_record_set_id (milestone, id);
      edaad_record_set_scope (milestone, edaad_store_get_local_scope (store, EDAAD_SCOPE_INSTITUTION));
      edaad_record_set_string (milestone, "plan_id", heavy->plan_id);
      edaad_record_set_string (milestone, "title", title);
      edaad_record_set_string (milestone, "due_on", due);
      edaad_record_set_string (milestone, "status", (i + k) % 3 == 0 ? "done" : "on_track");
      edaad_record_set_int (milestone, "position", i);
      if (!edaad_store_put_synced (store, milestone, error))
        return FALSE;
    }
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(EdaadRecord) risk = edaad_record_new_for_kind ("risk");
      g_autofree char *title = g_strdup_printf ("Risk %d of %s", i + 1, code);
      g_autofree char *id = edaad_uuid_new ();

      edaad_record_set_id (risk, id);
      edaad_record_set_scope (risk, edaad_store_get_local_scope (store, EDAAD_SCOPE_INSTITUTION));
      edaad_record_set_string (risk, "plan_id", heavy->plan_id);
      edaad_record_set_string (risk, "title", title);
      edaad_record_set_int (risk, "likelihood", 1 + (i + k) % 5);
      edaad_record_set_int (risk, "impact", 1 + (i / 5 + 2 * k) % 5);
      if (!edaad_store_put_synced (store, risk, error))
        return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EdaadStore) store = NULL;
  gboolean generate = TRUE;
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keystroke = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_plan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) show_milestones = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) show_risks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switch_milestones = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_title = g_array_new (FALSE, FALSE, sizeof (double));
  static const char * const texts[] = { "d", "di", "dig", "digi", "digit" };
  GtkWidget *window;
  const char *renderer;
  GtkWidget *page = NULL;
  EdaadRecordTable *table;
  GtkColumnView *view;
  GtkColumnViewColumn *due = NULL;
  GListModel *columns;
  AdwViewStack *pane;
  HeavyPlan heavy[G_N_ELEMENTS (heavy_codes)];

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  adw_init ();
  bench_main_loop_init ();
  /* The renderer Edaad itself would choose (edaad_renderer_choose). */
  renderer = edaad_renderer_choose ();

  if (argc == 3 && g_str_equal (argv[1], "--db"))
    {
      path = g_strdup (argv[2]);
      generate = !g_file_test (path, G_FILE_TEST_EXISTS);
    }
  else if (argc != 1)
    {
      g_printerr ("Usage: %s [--db FILE]\n", argv[0]);
      return EXIT_FAILURE;
    }
  else
    {
      dir = g_dir_make_tmp ("bench-plans-page-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "edaad.db", NULL);
    }
  store = edaad_store_open (path, &error);
  if (store == NULL)
    g_error ("Cannot open %s: %s", path, error->message);
  if (generate && !bench_data_generate (store, N_PLANS, NULL, &error))
    g_error ("Cannot generate the data: %s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (heavy); i++)
    {
      heavy[i].index = i;
      heavy[i].plan_id = find_plan_id (store, heavy_codes[i]);
      if (generate && !edaad_store_run_batch (store, add_children, &heavy[i], &error))
        g_error ("Cannot add the heavy plan's children: %s", error->message);
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  bench_main_loop_settle (window, g_get_monotonic_time (), bench_main_loop_polled ());

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 poll_start = bench_main_loop_polled ();
      double ms;

      page = edaad_plans_page_new (store);
      gtk_window_set_child (GTK_WINDOW (window), page);
      ms = bench_main_loop_settle (window, start, poll_start);
      g_array_append_val (open, ms);
      if (run + 1 < N_RUNS)
        gtk_window_set_child (GTK_WINDOW (window), NULL);
    }

  table = edaad_plans_page_get_table (EDAAD_PLANS_PAGE (page));
  for (guint run = 0; run < N_RUNS * G_N_ELEMENTS (texts); run++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 poll_start = bench_main_loop_polled ();
      double ms;

      type_text (edaad_record_table_get_search_entry (table), texts[run % G_N_ELEMENTS (texts)]);
      /* The search entry waits for a pause in typing; a keystroke is what follows it. */
      g_signal_emit_by_name (edaad_record_table_get_search_entry (table), "search-changed");
      ms = bench_main_loop_settle (window, start, poll_start);
      g_array_append_val (keystroke, ms);
    }
  gtk_editable_set_text (edaad_record_table_get_search_entry (table), "");
  g_signal_emit_by_name (edaad_record_table_get_search_entry (table), "search-changed");
  bench_main_loop_settle (window, g_get_monotonic_time (), bench_main_loop_polled ());

  view = edaad_record_table_get_column_view (table);
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Due") == 0)
        due = column;
    }
  g_assert_nonnull (due);
  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 poll_start = bench_main_loop_polled ();
      double ms;

      gtk_column_view_sort_by_column (view, due, run % 2 == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
      ms = bench_main_loop_settle (window, start, poll_start);
      g_array_append_val (sort, ms);
    }

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 poll_start = bench_main_loop_polled ();
      double ms;

      edaad_record_table_select_id (table, heavy[run % 2].plan_id);
      ms = bench_main_loop_settle (window, start, poll_start);
      g_array_append_val (open_plan, ms);
    }

  pane = find_pane_stack (page);
  g_assert_nonnull (pane);
  time_show_tab (window, table, pane, heavy, "milestones", show_milestones);
  time_show_tab (window, table, pane, heavy, "risks", show_risks);

  adw_view_stack_set_visible_child_name (pane, "milestones");
  bench_main_loop_settle (window, g_get_monotonic_time (), bench_main_loop_polled ());
  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 poll_start = bench_main_loop_polled ();
      double ms;

      edaad_record_table_select_id (table, heavy[(run + 1) % 2].plan_id);
      ms = bench_main_loop_settle (window, start, poll_start);
      g_array_append_val (switch_milestones, ms);
    }

  adw_view_stack_set_visible_child_name (pane, "plan");
  bench_main_loop_settle (window, g_get_monotonic_time (), bench_main_loop_polled ());
  for (guint run = 0; run < N_RUNS; run++)
    {
      EdaadPlanEditor *editor = edaad_plans_page_get_editor (EDAAD_PLANS_PAGE (page));
      GtkWidget *title = edaad_plan_editor_get_field_widget (editor, "title");
      g_autofree char *text = g_strdup_printf ("Renamed plan, edit %u", run);
      gint64 start;
      gint64 poll_start;
      double ms;

      gtk_editable_set_text (GTK_EDITABLE (title), text);
      bench_main_loop_settle (window, g_get_monotonic_time (), bench_main_loop_polled ());
      start = g_get_monotonic_time ();
      poll_start = bench_main_loop_polled ();
      if (!edaad_plan_editor_flush (editor))
        g_error ("The title edit was not saved");
      ms = bench_main_loop_settle (window, start, poll_start);
      g_array_append_val (save_title, ms);
    }

  g_print ("plans page over %d plans (main-loop busy time, target < 16 ms; renderer: %s)\n", N_PLANS,
           renderer != NULL ? renderer : g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "GTK's choice");
  bench_main_loop_report ("open", open);
  bench_main_loop_report ("keystroke", keystroke);
  bench_main_loop_report ("sort-due", sort);
  bench_main_loop_report ("open-plan", open_plan);
  bench_main_loop_report ("show-milestones", show_milestones);
  bench_main_loop_report ("show-risks", show_risks);
  bench_main_loop_report ("switch-plan-milestones", switch_milestones);
  bench_main_loop_report ("save-title", save_title);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (heavy); i++)
    g_free (heavy[i].plan_id);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return EXIT_SUCCESS;
}
