/* test-plan-sections-a.c — the milestones and risks sections of a plan, in a real window
 * under Xvfb over a real store. */
#define G_LOG_DOMAIN "test-plan-sections-a"

#include "config.h"

#include "edaad-date.h"
#include "edaad-plan-metrics.h"
#include "edaad-row-label.h"
#include "edaad-test-dir.h"
#include "edaad-uuid.h"
#include "plans/edaad-milestones-section.h"
#include "plans/edaad-risks-section.h"
#include "plans/edaad-section-row.h"

#include <adwaita.h>
#include <locale.h>
#include <sqlite3.h>

typedef struct
{
  char *dir;
  char *path;
  EdaadStore *store;
  GtkWidget *window;
  char *plan_id;
  char *milestone_ids[3];
  AdwToast *toast;           /* the last toast a section asked to show */
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

static char *
put (EdaadStore  *store,
     EdaadRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = edaad_uuid_new ();

  edaad_record_set_id (record, id);
  edaad_record_set_scope (record, edaad_store_get_local_scope (store, EDAAD_SCOPE_INSTITUTION));
  edaad_record_set_version (record, 5);
  g_assert_true (edaad_store_put_synced (store, record, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&id);
}

static char *
put_milestone (Fixture    *fixture,
               const char *title,
               gint64      position,
               gint64      weight)
{
  g_autoptr(EdaadRecord) milestone = edaad_record_new_for_kind ("milestone");

  edaad_record_set_string (milestone, "plan_id", fixture->plan_id);
  edaad_record_set_string (milestone, "title", title);
  edaad_record_set_string (milestone, "status", "on_track");
  edaad_record_set_string (milestone, "due_on", "2030-03-01");
  edaad_record_set_int (milestone, "weight", weight);
  edaad_record_set_int (milestone, "position", position);
  return put (fixture->store, milestone);
}

static char *
put_risk (Fixture    *fixture,
          const char *title,
          gint64      likelihood,
          gint64      impact)
{
  g_autoptr(EdaadRecord) risk = edaad_record_new_for_kind ("risk");

  edaad_record_set_string (risk, "plan_id", fixture->plan_id);
  edaad_record_set_string (risk, "title", title);
  edaad_record_set_int (risk, "likelihood", likelihood);
  edaad_record_set_int (risk, "impact", impact);
  edaad_record_set_string (risk, "category", "technical");
  return put (fixture->store, risk);
}

static void
on_toast (GtkWidget *section,
          AdwToast  *toast,
          Fixture   *fixture)
{
  g_set_object (&fixture->toast, toast);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");

  fixture->dir = edaad_test_dir_new ("sections-a");
  fixture->path = g_build_filename (fixture->dir, "edaad.db", NULL);
  fixture->store = edaad_store_open (fixture->path, &error);
  g_assert_no_error (error);

  edaad_record_set_string (plan, "code", "CP-2030-01");
  edaad_record_set_string (plan, "title", "Digital licensing");
  edaad_record_set_string (plan, "change_type", "it_digital");
  edaad_record_set_string (plan, "status", "implementing");
  fixture->plan_id = put (fixture->store, plan);
  fixture->milestone_ids[0] = put_milestone (fixture, "Process mapped", 0, 1);
  fixture->milestone_ids[1] = put_milestone (fixture, "Pilot live", 1, 2);
  fixture->milestone_ids[2] = put_milestone (fixture, "Rollout", 2, 1);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin (20);
  g_clear_object (&fixture->toast);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
  g_free (fixture->path);
  g_free (fixture->plan_id);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->milestone_ids); i++)
    g_free (fixture->milestone_ids[i]);
}

static EdaadMilestonesSection *
show_milestones (Fixture *fixture)
{
  GtkWidget *section = edaad_milestones_section_new (fixture->store);

  g_signal_connect (section, "toast", G_CALLBACK (on_toast), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), section);
  gtk_window_present (GTK_WINDOW (fixture->window));
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), fixture->plan_id);
  spin (50);
  return EDAAD_MILESTONES_SECTION (section);
}

static EdaadRisksSection *
show_risks (Fixture *fixture)
{
  GtkWidget *section = edaad_risks_section_new (fixture->store);

  g_signal_connect (section, "toast", G_CALLBACK (on_toast), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), section);
  gtk_window_present (GTK_WINDOW (fixture->window));
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), fixture->plan_id);
  spin (50);
  return EDAAD_RISKS_SECTION (section);
}

static EdaadRecord *
stored (Fixture    *fixture,
        const char *kind,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  EdaadRecord *record = edaad_store_get (fixture->store, kind, id, &error);

  g_assert_no_error (error);
  return record;
}

/* Outbox entries of one record, read straight from the database file. */
static int
outbox_entries (Fixture    *fixture,
                const char *id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM outbox WHERE id = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static const char *
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(EdaadRecord) record = g_list_model_get_item (model, position);

  g_assert_nonnull (record);
  /* The list holds its own reference, so the id outlives this one. */
  return edaad_record_get_id (record);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The row of milestone `id`, found the way a keyboard user gets there: by focusing it. */
static GtkWidget *
focus_row (Fixture                *fixture,
           EdaadMilestonesSection *section,
           const char             *id)
{
  GtkWidget *focus;

  g_assert_true (edaad_milestones_section_focus_milestone (section, id));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  return focus;
}

static void
set_form_text (GtkWidget  *widget,
               const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* ---- milestones ---- */

static void
test_milestones_order_and_add (Fixture       *fixture,
                               gconstpointer  data)
{
  EdaadMilestonesSection *section = show_milestones (fixture);
  GListModel *model = edaad_milestones_section_get_model (section);
  g_autoptr(EdaadRecord) added = NULL;
  const char *added_id;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (id_at (model, i), ==, fixture->milestone_ids[i]);

  /* A title is required: nothing is stored, the message is shown. */
  g_assert_false (edaad_milestones_section_add (section, "   "));
  g_assert_cmpstr (edaad_milestones_section_get_add_message (section), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);

  g_assert_true (edaad_milestones_section_add (section, "Evaluation"));
  g_assert_cmpstr (edaad_milestones_section_get_add_message (section), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  added_id = id_at (model, 3);
  added = stored (fixture, "milestone", added_id);
  g_assert_cmpstr (edaad_record_get_string (added, "title"), ==, "Evaluation");
  g_assert_cmpstr (edaad_record_get_string (added, "plan_id"), ==, fixture->plan_id);
  g_assert_cmpint (edaad_record_get_int (added, "position"), ==, 3);
  g_assert_cmpint (outbox_entries (fixture, added_id), ==, 1);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
}

static void
test_milestones_done (Fixture       *fixture,
                      gconstpointer  data)
{
  EdaadMilestonesSection *section = show_milestones (fixture);
  const char *id = fixture->milestone_ids[1];
  g_autofree char *today = edaad_date_today ();
  GtkWidget *check;

  g_assert_cmpfloat (edaad_milestones_section_get_progress (section), ==, 0.0);

  check = find_descendant (focus_row (fixture, section, id), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  spin (20);

  {
    g_autoptr(EdaadRecord) milestone = stored (fixture, "milestone", id);

    g_assert_cmpstr (edaad_record_get_string (milestone, "status"), ==, "done");
    g_assert_cmpstr (edaad_record_get_string (milestone, "done_on"), ==, today);
  }
  /* Weights 1, 2, 1: the done one is half of the plan. */
  g_assert_cmpfloat_with_epsilon (edaad_milestones_section_get_progress (section), 50.0, 1e-9);
  g_assert_cmpint (outbox_entries (fixture, id), ==, 1);
  /* The focus stays on the milestone the user just ticked. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (section)));

  /* Unticking (here from the keyboard, Ctrl+D's action) makes it planned again. */
  focus_row (fixture, section, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "milestones.toggle-done", NULL));
  spin (20);
  {
    g_autoptr(EdaadRecord) milestone = stored (fixture, "milestone", id);

    g_assert_cmpstr (edaad_record_get_string (milestone, "status"), ==, "planned");
    g_assert_false (edaad_record_has_value (milestone, "done_on"));
  }
  g_assert_cmpfloat (edaad_milestones_section_get_progress (section), ==, 0.0);
  g_assert_cmpint (outbox_entries (fixture, id), ==, 1);
}

static void
test_milestones_move (Fixture       *fixture,
                      gconstpointer  data)
{
  EdaadMilestonesSection *section = show_milestones (fixture);
  GListModel *model = edaad_milestones_section_get_model (section);
  const char *a = fixture->milestone_ids[0];
  const char *b = fixture->milestone_ids[1];
  const char *c = fixture->milestone_ids[2];

  focus_row (fixture, section, a);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "milestones.move-down", NULL));
  spin (20);
  {
    g_autoptr(EdaadRecord) ra = stored (fixture, "milestone", a);
    g_autoptr(EdaadRecord) rb = stored (fixture, "milestone", b);
    g_autoptr(EdaadRecord) rc = stored (fixture, "milestone", c);

    g_assert_cmpint (edaad_record_get_int (ra, "position"), ==, 1);
    g_assert_cmpint (edaad_record_get_int (rb, "position"), ==, 0);
    g_assert_cmpint (edaad_record_get_int (rc, "position"), ==, 2);
  }
  g_assert_cmpstr (id_at (model, 0), ==, b);
  g_assert_cmpstr (id_at (model, 1), ==, a);
  g_assert_cmpint (outbox_entries (fixture, a), ==, 1);
  g_assert_cmpint (outbox_entries (fixture, b), ==, 1);
  g_assert_cmpint (outbox_entries (fixture, c), ==, 0);

  /* The moved row keeps the focus, so Alt+Down again moves it further; each record still
   * has one (folded) outbox entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "milestones.move-down", NULL));
  spin (20);
  g_assert_cmpstr (id_at (model, 2), ==, a);
  g_assert_cmpstr (id_at (model, 1), ==, c);
  g_assert_cmpint (outbox_entries (fixture, a), ==, 1);
  g_assert_cmpint (outbox_entries (fixture, b), ==, 1);
  g_assert_cmpint (outbox_entries (fixture, c), ==, 1);

  /* The last one cannot go further down; the first cannot go up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "milestones.move-down", NULL));
  spin (20);
  g_assert_cmpstr (id_at (model, 2), ==, a);
  focus_row (fixture, section, b);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "milestones.move-up", NULL));
  spin (20);
  g_assert_cmpstr (id_at (model, 0), ==, b);

  focus_row (fixture, section, a);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "milestones.move-up", NULL));
  spin (20);
  g_assert_cmpstr (id_at (model, 0), ==, b);
  g_assert_cmpstr (id_at (model, 1), ==, a);
  g_assert_cmpstr (id_at (model, 2), ==, c);
  /* Rollout is back at its synced position: its change folded away; the others keep one
   * entry each. */
  g_assert_cmpint (outbox_entries (fixture, a), ==, 1);
  g_assert_cmpint (outbox_entries (fixture, b), ==, 1);
  g_assert_cmpint (outbox_entries (fixture, c), ==, 0);
}

static void
test_milestones_edit_invalid (Fixture       *fixture,
                              gconstpointer  data)
{
  EdaadMilestonesSection *section = show_milestones (fixture);
  const char *id = fixture->milestone_ids[0];
  GtkWidget *weight;
  GtkLabel *message;

  edaad_milestones_section_edit (section, id);
  weight = edaad_milestones_section_get_form_widget (section, "weight");
  message = edaad_milestones_section_get_form_message (section, "weight");
  g_assert_true (ADW_IS_ENTRY_ROW (weight));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (weight)), ==, "1");

  set_form_text (weight, "500");
  g_assert_false (edaad_milestones_section_save_form (section));
  g_assert_cmpstr (gtk_label_get_label (message), !=, "");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (message))));
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);

  set_form_text (weight, "a lot");
  g_assert_false (edaad_milestones_section_save_form (section));
  g_assert_cmpstr (gtk_label_get_label (message), !=, "");

  /* A date that is not a day is refused the same way. */
  set_form_text (weight, "3");
  set_form_text (edaad_milestones_section_get_form_widget (section, "due_on"), "2030-02-30");
  g_assert_false (edaad_milestones_section_save_form (section));
  g_assert_cmpstr (gtk_label_get_label (message), ==, "");
  g_assert_cmpstr (gtk_label_get_label (edaad_milestones_section_get_form_message (section, "due_on")), !=, "");
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);
  {
    g_autoptr(EdaadRecord) milestone = stored (fixture, "milestone", id);

    g_assert_cmpint (edaad_record_get_int (milestone, "weight"), ==, 1);
    g_assert_cmpstr (edaad_record_get_string (milestone, "due_on"), ==, "2030-03-01");
  }

  set_form_text (edaad_milestones_section_get_form_widget (section, "due_on"), "2030-04-15");
  set_form_text (edaad_milestones_section_get_form_widget (section, "title"), "Processes mapped");
  g_assert_true (edaad_milestones_section_save_form (section));
  {
    g_autoptr(EdaadRecord) milestone = stored (fixture, "milestone", id);

    g_assert_cmpint (edaad_record_get_int (milestone, "weight"), ==, 3);
    g_assert_cmpstr (edaad_record_get_string (milestone, "due_on"), ==, "2030-04-15");
    g_assert_cmpstr (edaad_record_get_string (milestone, "title"), ==, "Processes mapped");
  }
  g_assert_cmpint (outbox_entries (fixture, id), ==, 1);
}

static void
test_milestones_delete_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  EdaadMilestonesSection *section = show_milestones (fixture);
  GListModel *model = edaad_milestones_section_get_model (section);
  const char *id = fixture->milestone_ids[1];

  focus_row (fixture, section, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "milestones.delete", NULL));
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  {
    g_autoptr(EdaadRecord) milestone = stored (fixture, "milestone", id);

    g_assert_true (edaad_record_get_deleted (milestone));
  }
  g_assert_nonnull (fixture->toast);
  g_assert_cmpstr (adw_toast_get_button_label (fixture->toast), !=, NULL);

  g_signal_emit_by_name (fixture->toast, "button-clicked");
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (id_at (model, 1), ==, id);
  {
    g_autoptr(EdaadRecord) milestone = stored (fixture, "milestone", id);

    g_assert_false (edaad_record_get_deleted (milestone));
  }
}

static void
test_milestones_empty_and_no_plan (Fixture       *fixture,
                                   gconstpointer  data)
{
  EdaadMilestonesSection *section = show_milestones (fixture);
  g_autoptr(EdaadRecord) other = edaad_record_new_for_kind ("plan");
  g_autofree char *other_id = NULL;

  edaad_record_set_string (other, "title", "Empty plan");
  edaad_record_set_string (other, "change_type", "process");
  edaad_record_set_string (other, "status", "draft");
  other_id = put (fixture->store, other);

  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), other_id);
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (edaad_milestones_section_get_model (section)), ==, 0);
  g_assert_cmpfloat (edaad_milestones_section_get_progress (section), ==, 0.0);
  g_assert_true (edaad_milestones_section_add (section, "First step"));
  g_assert_cmpuint (g_list_model_get_n_items (edaad_milestones_section_get_model (section)), ==, 1);
  {
    g_autoptr(EdaadRecord) first = g_list_model_get_item (edaad_milestones_section_get_model (section), 0);

    g_assert_cmpint (edaad_record_get_int (first, "position"), ==, 0);
  }

  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), NULL);
  g_assert_null (edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (section)));
  g_assert_null (edaad_milestones_section_get_model (section));
  g_assert_false (edaad_milestones_section_save_form (section));
  /* The same plan again shows its milestones. */
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), fixture->plan_id);
  g_assert_cmpuint (g_list_model_get_n_items (edaad_milestones_section_get_model (section)), ==, 3);
}

/* ---- risks ---- */

static void
test_risks_register_and_filter (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *low = put_risk (fixture, "Paper forms persist", 2, 2);
  g_autofree char *mid_a = put_risk (fixture, "Vendor delay", 3, 4);
  g_autofree char *mid_b = put_risk (fixture, "API changes", 3, 4);
  g_autofree char *critical = put_risk (fixture, "Data breach", 5, 5);
  EdaadRisksSection *section = show_risks (fixture);
  EdaadRiskHeatMap *heat_map = edaad_risks_section_get_heat_map (section);
  GListModel *model = edaad_risks_section_get_model (section);
  graphene_rect_t rect;
  int l = -1, i = -1;

  /* By score, highest first; equal scores by title. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (id_at (model, 0), ==, critical);
  g_assert_cmpstr (id_at (model, 1), ==, mid_b);
  g_assert_cmpstr (id_at (model, 2), ==, mid_a);
  g_assert_cmpstr (id_at (model, 3), ==, low);
  g_assert_cmpuint (edaad_risk_heat_map_get_count (heat_map, 3, 4), ==, 2);
  g_assert_false (edaad_risks_section_get_filter (section, &l, &i));
  g_assert_cmpstr (edaad_risks_section_get_filter_text (section), ==, "");

  /* A click on the cell (3, 4) filters the register to those two. */
  g_assert_true (edaad_risk_heat_map_get_cell_rect (heat_map, 3, 4, &rect));
  g_assert_true (edaad_risk_heat_map_activate_at (heat_map, rect.origin.x + rect.size.width / 2,
                                                  rect.origin.y + rect.size.height / 2));
  spin (20);
  g_assert_true (edaad_risks_section_get_filter (section, &l, &i));
  g_assert_cmpint (l, ==, 3);
  g_assert_cmpint (i, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  for (guint n = 0; n < 2; n++)
    {
      g_autoptr(EdaadRecord) risk = g_list_model_get_item (model, n);

      g_assert_cmpint (edaad_record_get_int (risk, "likelihood"), ==, 3);
      g_assert_cmpint (edaad_record_get_int (risk, "impact"), ==, 4);
    }
  g_assert_cmpstr (edaad_risks_section_get_filter_text (section), !=, "");
  /* The heat map still counts every risk of the plan. */
  g_assert_cmpuint (edaad_risk_heat_map_get_count (heat_map, 5, 5), ==, 1);

  /* An empty cell shows an empty register. */
  g_signal_emit_by_name (heat_map, "cell-activated", 1, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* Activating the selected cell again clears the selection: (0, 0) shows all. */
  g_signal_emit_by_name (heat_map, "cell-activated", 3, 4);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (edaad_risk_heat_map_activate_at (heat_map, rect.origin.x + rect.size.width / 2,
                                                  rect.origin.y + rect.size.height / 2));
  spin (20);
  g_assert_false (edaad_risks_section_get_filter (section, &l, &i));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (edaad_risks_section_get_filter_text (section), ==, "");

  /* The bar's Clear does the same. */
  edaad_risks_section_set_filter (section, 2, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "risks.clear-filter", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_false (edaad_risk_heat_map_get_selected (heat_map, &l, &i));
}

static void
test_risks_add_invalid (Fixture       *fixture,
                        gconstpointer  data)
{
  EdaadRisksSection *section = show_risks (fixture);
  GListModel *model = edaad_risks_section_get_model (section);
  GtkLabel *message = edaad_risks_section_get_form_message (section, "likelihood");
  g_autoptr(EdaadRecord) risk = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "risks.add", NULL));

  /* Likelihood and impact are required. */
  set_form_text (edaad_risks_section_get_form_widget (section, "title"), "Budget cut");
  g_assert_false (edaad_risks_section_save_form (section));
  g_assert_cmpstr (gtk_label_get_label (message), !=, "");
  g_assert_cmpstr (gtk_label_get_label (edaad_risks_section_get_form_message (section, "impact")), !=, "");

  /* 6 is outside 1–5. */
  set_form_text (edaad_risks_section_get_form_widget (section, "likelihood"), "6");
  set_form_text (edaad_risks_section_get_form_widget (section, "impact"), "2");
  g_assert_false (edaad_risks_section_save_form (section));
  g_assert_cmpstr (gtk_label_get_label (message), !=, "");
  g_assert_cmpstr (gtk_label_get_label (edaad_risks_section_get_form_message (section, "impact")), ==, "");
  g_assert_cmpint (edaad_store_count_live (fixture->store, "risk", NULL), ==, 0);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);

  /* The title is required too. */
  set_form_text (edaad_risks_section_get_form_widget (section, "likelihood"), "4");
  set_form_text (edaad_risks_section_get_form_widget (section, "title"), "");
  g_assert_false (edaad_risks_section_save_form (section));
  g_assert_cmpstr (gtk_label_get_label (edaad_risks_section_get_form_message (section, "title")), !=, "");
  g_assert_cmpint (edaad_store_count_live (fixture->store, "risk", NULL), ==, 0);

  set_form_text (edaad_risks_section_get_form_widget (section, "title"), "Budget cut");
  set_form_text (edaad_risks_section_get_form_widget (section, "owner"), "Finance director");
  g_assert_true (edaad_risks_section_save_form (section));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  risk = g_list_model_get_item (model, 0);
  g_assert_cmpstr (edaad_record_get_string (risk, "plan_id"), ==, fixture->plan_id);
  g_assert_cmpint (edaad_record_get_int (risk, "likelihood"), ==, 4);
  g_assert_cmpint (edaad_record_get_int (risk, "impact"), ==, 2);
  g_assert_cmpstr (edaad_record_get_string (risk, "owner"), ==, "Finance director");
  g_assert_cmpint (outbox_entries (fixture, edaad_record_get_id (risk)), ==, 1);
  g_assert_cmpuint (edaad_risk_heat_map_get_count (edaad_risks_section_get_heat_map (section), 4, 2), ==, 1);

  /* Editing it: a bad impact is refused and nothing changes. */
  edaad_risks_section_edit (section, edaad_record_get_id (risk));
  set_form_text (edaad_risks_section_get_form_widget (section, "impact"), "0");
  g_assert_false (edaad_risks_section_save_form (section));
  {
    g_autoptr(EdaadRecord) again = stored (fixture, "risk", edaad_record_get_id (risk));

    g_assert_cmpint (edaad_record_get_int (again, "impact"), ==, 2);
  }
  set_form_text (edaad_risks_section_get_form_widget (section, "impact"), "5");
  g_assert_true (edaad_risks_section_save_form (section));
  {
    g_autoptr(EdaadRecord) again = stored (fixture, "risk", edaad_record_get_id (risk));

    g_assert_cmpint (edaad_record_get_int (again, "impact"), ==, 5);
  }
  g_assert_cmpint (outbox_entries (fixture, edaad_record_get_id (risk)), ==, 1);
}

static void
test_risks_delete_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = put_risk (fixture, "Vendor delay", 3, 4);
  EdaadRisksSection *section = show_risks (fixture);
  GListModel *model = edaad_risks_section_get_model (section);

  g_assert_true (edaad_risks_section_focus_risk (section, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "risks.delete", NULL));
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (edaad_risk_heat_map_get_count (edaad_risks_section_get_heat_map (section), 3, 4), ==, 0);
  g_assert_nonnull (fixture->toast);
  g_signal_emit_by_name (fixture->toast, "button-clicked");
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (edaad_risk_heat_map_get_count (edaad_risks_section_get_heat_map (section), 3, 4), ==, 1);
}

/* ---- rows kept from one plan to the next ---- */

static char *
put_plan (Fixture    *fixture,
          const char *title)
{
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");

  edaad_record_set_string (plan, "title", title);
  edaad_record_set_string (plan, "change_type", "process");
  edaad_record_set_string (plan, "status", "implementing");
  return put (fixture->store, plan);
}

/* Gives plan `plan_id` `n` milestones titled "<prefix> 1"…, every third one done. */
static void
put_milestones (Fixture    *fixture,
                const char *plan_id,
                const char *prefix,
                guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) milestone = edaad_record_new_for_kind ("milestone");
      g_autofree char *title = g_strdup_printf ("%s %u", prefix, i + 1);
      g_autofree char *id = NULL;

      edaad_record_set_string (milestone, "plan_id", plan_id);
      edaad_record_set_string (milestone, "title", title);
      edaad_record_set_string (milestone, "status", i % 3 == 0 ? "done" : "on_track");
      if (i % 3 == 0)
        edaad_record_set_string (milestone, "done_on", "2030-01-15");
      edaad_record_set_string (milestone, "due_on", "2030-03-01");
      edaad_record_set_int (milestone, "position", i);
      id = put (fixture->store, milestone);
    }
}

/* The section's rows, in order. */
static GPtrArray *
section_rows (GtkWidget *section)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *first = find_descendant (section, EDAAD_TYPE_SECTION_ROW);
  GtkListBox *list;
  GtkListBoxRow *row;

  if (first == NULL)
    return rows;
  list = GTK_LIST_BOX (gtk_widget_get_parent (first));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    g_ptr_array_add (rows, row);
  return rows;
}

/* The rows show `model`, item by item: id, title, and for milestones the done box. */
static void
assert_rows_show (GPtrArray  *rows,
                  GListModel *model)
{
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < rows->len; i++)
    {
      EdaadSectionRow *row = g_ptr_array_index (rows, i);
      g_autoptr(EdaadRecord) record = g_list_model_get_item (model, i);
      g_autofree char *title = edaad_record_dup_title (record);
      GtkWidget *check = find_descendant (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);

      g_assert_cmpstr (edaad_section_row_get_id (row), ==, edaad_record_get_id (record));
      g_assert_cmpstr (edaad_section_row_get_title (row), ==, title);
      g_assert_cmpstr (edaad_section_row_get_subtitle (row), !=, "");
      if (check != NULL)
        g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) ==
                       (g_strcmp0 (edaad_record_get_string (record, "status"), "done") == 0));
    }
}

static void
test_milestones_rows_in_place (Fixture       *fixture,
                               gconstpointer  data)
{
  /* 40 and 35 milestones: enough for the list to tell the change of plan as a removal of
   * every row and an insertion of the new ones. */
  g_autofree char *big = put_plan (fixture, "Big plan");
  g_autofree char *other = put_plan (fixture, "Other plan");
  EdaadMilestonesSection *section;
  GListModel *model;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *check;

  put_milestones (fixture, big, "Big step", 40);
  put_milestones (fixture, other, "Other step", 35);
  section = show_milestones (fixture);
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), big);
  spin (20);
  model = edaad_milestones_section_get_model (section);
  before = section_rows (GTK_WIDGET (section));
  assert_rows_show (before, model);
  g_assert_cmpstr (edaad_section_row_get_title (g_ptr_array_index (before, 0)), ==, "Big step 1");

  /* Another plan: the same row widgets show its milestones; the extra ones go. */
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), other);
  spin (20);
  after = section_rows (GTK_WIDGET (section));
  assert_rows_show (after, model);
  g_assert_cmpuint (after->len, ==, 35);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));
  g_assert_cmpstr (edaad_section_row_get_title (g_ptr_array_index (after, 1)), ==, "Other step 2");

  /* A small plan (a plain items-changed, not a replacement) reuses the first rows too. */
  g_clear_pointer (&after, g_ptr_array_unref);
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), fixture->plan_id);
  spin (20);
  after = section_rows (GTK_WIDGET (section));
  assert_rows_show (after, model);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (before, 0));
  g_assert_cmpstr (edaad_section_row_get_title (g_ptr_array_index (after, 0)), ==, "Process mapped");

  /* And back to the big plan: rows are made again for what is beyond. */
  g_clear_pointer (&after, g_ptr_array_unref);
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), big);
  spin (20);
  after = section_rows (GTK_WIDGET (section));
  assert_rows_show (after, model);
  g_assert_cmpstr (edaad_section_row_get_title (g_ptr_array_index (after, 39)), ==, "Big step 40");

  /* Edits show in the row in place: a new title from the store, and ticking a box. */
  {
    g_autoptr(EdaadRecord) record = g_list_model_get_item (model, 1);
    g_autoptr(EdaadRecord) copy = edaad_record_copy (record);
    g_autoptr(GError) error = NULL;

    edaad_record_set_string (copy, "title", "Renamed step");
    g_assert_true (edaad_store_save (fixture->store, copy, &error));
    g_assert_no_error (error);
  }
  spin (20);
  g_clear_pointer (&before, g_ptr_array_unref);
  before = section_rows (GTK_WIDGET (section));
  g_assert_true (g_ptr_array_index (before, 1) == g_ptr_array_index (after, 1));
  g_assert_cmpstr (edaad_section_row_get_title (g_ptr_array_index (before, 1)), ==, "Renamed step");
  assert_rows_show (before, model);

  check = find_descendant (g_ptr_array_index (before, 1), GTK_TYPE_CHECK_BUTTON);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  spin (20);
  {
    g_autoptr(EdaadRecord) milestone = g_list_model_get_item (model, 1);

    g_assert_cmpstr (edaad_record_get_string (milestone, "status"), ==, "done");
  }
  g_clear_pointer (&after, g_ptr_array_unref);
  after = section_rows (GTK_WIDGET (section));
  g_assert_true (g_ptr_array_index (after, 1) == g_ptr_array_index (before, 1));
  assert_rows_show (after, model);
  g_assert_nonnull (strstr (edaad_section_row_get_subtitle (g_ptr_array_index (after, 1)), "Done"));

  /* Showing another milestone's state in a reused row ticked nothing in the store: only the
   * milestone edited above is pending (its two edits folded into one entry). */
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
}

/* Rows far below the visible part are not laid out until a scroll brings them near. */
static void
test_milestones_rows_drawn_near_view (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *big = put_plan (fixture, "Long plan");
  EdaadMilestonesSection *section;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *first_title;
  GtkWidget *last_title;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  put_milestones (fixture, big, "Long step", 120);
  section = show_milestones (fixture);
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), big);
  spin (100);
  rows = section_rows (GTK_WIDGET (section));
  g_assert_cmpuint (rows->len, ==, 120);
  first_title = find_descendant (g_ptr_array_index (rows, 0), EDAAD_TYPE_ROW_LABEL);
  last_title = find_descendant (g_ptr_array_index (rows, 119), EDAAD_TYPE_ROW_LABEL);
  g_assert_true (edaad_row_label_is_laid_out (EDAAD_ROW_LABEL (first_title)));
  g_assert_false (edaad_row_label_is_laid_out (EDAAD_ROW_LABEL (last_title)));
  /* Not drawn, but there for assistive technologies and tests all the same. */
  g_assert_cmpstr (edaad_row_label_get_text (EDAAD_ROW_LABEL (last_title)), ==, "Long step 120");

  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (g_ptr_array_index (rows, 0)), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  spin (100);
  g_assert_true (edaad_row_label_is_laid_out (EDAAD_ROW_LABEL (last_title)));
}

static void
test_risks_rows_in_place (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *other = put_plan (fixture, "Other plan");
  g_autofree char *a = put_risk (fixture, "Vendor delay", 3, 4);
  g_autofree char *b = put_risk (fixture, "Data breach", 5, 5);
  EdaadRisksSection *section;
  GListModel *model;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(EdaadRecord) risk = edaad_record_new_for_kind ("risk");
      g_autofree char *title = g_strdup_printf ("Other risk %02u", i + 1);
      g_autofree char *id = NULL;

      edaad_record_set_string (risk, "plan_id", other);
      edaad_record_set_string (risk, "title", title);
      edaad_record_set_int (risk, "likelihood", 1 + i % 5);
      edaad_record_set_int (risk, "impact", 1 + (i / 5) % 5);
      id = put (fixture->store, risk);
    }
  section = show_risks (fixture);
  model = edaad_risks_section_get_model (section);
  before = section_rows (GTK_WIDGET (section));
  assert_rows_show (before, model);
  g_assert_cmpstr (edaad_section_row_get_id (g_ptr_array_index (before, 0)), ==, b);

  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), other);
  spin (20);
  after = section_rows (GTK_WIDGET (section));
  assert_rows_show (after, model);
  g_assert_cmpuint (after->len, ==, 40);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (before, 0));
  g_assert_true (g_ptr_array_index (after, 1) == g_ptr_array_index (before, 1));
  /* The heat map follows: risks 2 and 27 are at likelihood 2, impact 1. */
  g_assert_cmpuint (edaad_risk_heat_map_get_count (edaad_risks_section_get_heat_map (section), 2, 1), ==, 2);

  /* A heat map cell's filter, and back to the whole register. */
  edaad_risks_section_set_filter (section, 2, 1);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = section_rows (GTK_WIDGET (section));
  assert_rows_show (after, model);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (before, 0));
  edaad_risks_section_set_filter (section, 0, 0);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = section_rows (GTK_WIDGET (section));
  assert_rows_show (after, model);

  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), fixture->plan_id);
  spin (20);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = section_rows (GTK_WIDGET (section));
  assert_rows_show (after, model);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpstr (edaad_section_row_get_id (g_ptr_array_index (after, 1)), ==, a);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sections-a/milestones/order-and-add", test_milestones_order_and_add);
  ADD ("/sections-a/milestones/done", test_milestones_done);
  ADD ("/sections-a/milestones/move", test_milestones_move);
  ADD ("/sections-a/milestones/edit-invalid", test_milestones_edit_invalid);
  ADD ("/sections-a/milestones/delete-undo", test_milestones_delete_undo);
  ADD ("/sections-a/milestones/empty-and-no-plan", test_milestones_empty_and_no_plan);
  ADD ("/sections-a/risks/register-and-filter", test_risks_register_and_filter);
  ADD ("/sections-a/risks/add-invalid", test_risks_add_invalid);
  ADD ("/sections-a/risks/delete-undo", test_risks_delete_undo);
  ADD ("/sections-a/milestones/rows-in-place", test_milestones_rows_in_place);
  ADD ("/sections-a/milestones/rows-drawn-near-view", test_milestones_rows_drawn_near_view);
  ADD ("/sections-a/risks/rows-in-place", test_risks_rows_in_place);
#undef ADD

  return g_test_run ();
}
