/* test-plan-sections-b.c — the stakeholders, KPIs and ADKAR sections in a real window under
 * Xvfb, over a real store in a temporary directory. */
#define G_LOG_DOMAIN "test-plan-sections-b"

#include "config.h"

#include "edaad-adkar-bars.h"
#include "edaad-plan-metrics.h"
#include "edaad-power-interest-grid.h"
#include "edaad-record-list.h"
#include "edaad-sparkline.h"
#include "edaad-test-dir.h"
#include "edaad-ui-format.h"
#include "edaad-uuid.h"
#include "plans/edaad-adkar-section.h"
#include "plans/edaad-kpis-section.h"
#include "plans/edaad-milestones-section.h"
#include "plans/edaad-risks-section.h"
#include "plans/edaad-stakeholders-section.h"

#include <adwaita.h>
#include <locale.h>

typedef struct
{
  char *dir;
  EdaadStore *store;
  GtkWidget *window;
  char *plan_id;
  GPtrArray *toasts;
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

static EdaadRecord *
new_record (Fixture    *fixture,
            const char *kind)
{
  EdaadRecord *record = edaad_record_new_for_kind (kind);
  g_autofree char *id = edaad_uuid_new ();

  edaad_record_set_id (record, id);
  edaad_record_set_scope (record, edaad_store_get_local_scope (fixture->store, EDAAD_SCOPE_INSTITUTION));
  edaad_record_set_version (record, 2);
  return record;
}

static void
put (Fixture     *fixture,
     EdaadRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (edaad_store_put_synced (fixture->store, record, &error));
  g_assert_no_error (error);
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadRecord) plan = NULL;
  g_autofree char *path = NULL;

  fixture->dir = edaad_test_dir_new ("sections-b");
  path = g_build_filename (fixture->dir, "edaad.db", NULL);
  fixture->store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  fixture->toasts = g_ptr_array_new_with_free_func (g_object_unref);

  plan = new_record (fixture, "plan");
  edaad_record_set_string (plan, "title", "Digital licensing");
  edaad_record_set_string (plan, "change_type", "it_digital");
  edaad_record_set_string (plan, "status", "implementing");
  put (fixture, plan);
  fixture->plan_id = g_strdup (edaad_record_get_id (plan));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin (20);
  g_ptr_array_unref (fixture->toasts);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
  g_free (fixture->plan_id);
}

static void
on_toast (GtkWidget *section,
          AdwToast  *toast,
          Fixture   *fixture)
{
  g_ptr_array_add (fixture->toasts, g_object_ref (toast));
}

static void
show (Fixture   *fixture,
      GtkWidget *section)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 900);
  g_signal_connect (section, "toast", G_CALLBACK (on_toast), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), section);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin (50);
}

/* The first descendant of `widget` named `name` (widgets are named after their field or
 * record id), or NULL. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
field_row (GtkWidget  *section,
           const char *field)
{
  GtkWidget *row = find_named (section, field);

  g_assert_nonnull (row);
  return row;
}

static void
set_text (GtkWidget  *section,
          const char *field,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field_row (section, field)), text);
}

/* The message shown under `field` in a form, or NULL when none is shown. */
static const char *
field_message (GtkWidget  *section,
               const char *field)
{
  GtkWidget *row = field_row (section, field);
  GtkWidget *message_row = gtk_widget_get_next_sibling (row);
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message_row));

  if (!gtk_widget_get_visible (message_row))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

static const char *
visible_page (GtkWidget *section)
{
  GtkWidget *stack = adw_bin_get_child (ADW_BIN (section));

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* ---- stakeholders ---- */

static char *
put_stakeholder (Fixture    *fixture,
                 const char *name,
                 gint64      power,
                 gint64      interest)
{
  g_autoptr(EdaadRecord) stakeholder = new_record (fixture, "stakeholder");

  edaad_record_set_string (stakeholder, "plan_id", fixture->plan_id);
  edaad_record_set_string (stakeholder, "name", name);
  edaad_record_set_string (stakeholder, "role", "sponsor");
  edaad_record_set_int (stakeholder, "power", power);
  edaad_record_set_int (stakeholder, "interest", interest);
  edaad_record_set_string (stakeholder, "attitude_now", "critic");
  edaad_record_set_string (stakeholder, "attitude_target", "champion");
  put (fixture, stakeholder);
  return g_strdup (edaad_record_get_id (stakeholder));
}

static GtkWidget *
show_stakeholders (Fixture *fixture)
{
  GtkWidget *section = edaad_stakeholders_section_new (fixture->store);

  show (fixture, section);
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), fixture->plan_id);
  spin (50);
  return section;
}

static void
test_stakeholder_move (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = put_stakeholder (fixture, "Director General", 2, 2);
  GtkWidget *section = show_stakeholders (fixture);
  GtkWidget *grid = find_type (section, EDAAD_TYPE_POWER_INTEREST_GRID);
  GtkWidget *row;
  g_autoptr(EdaadRecord) moved = NULL;
  const char *manage_closely = edaad_quadrant_get_label (EDAAD_QUADRANT_MANAGE_CLOSELY);

  g_assert_cmpstr (visible_page (section), ==, "list");
  row = find_named (section, id);
  g_assert_nonnull (row);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), manage_closely));
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);

  g_assert_true (gtk_widget_get_focusable (grid));
  g_assert_true (gtk_widget_activate_action (grid, "grid.move", "(sii)", id, 5, 4));
  spin (50);

  moved = stored (fixture, "stakeholder", id);
  g_assert_cmpint (edaad_record_get_int (moved, "power"), ==, 5);
  g_assert_cmpint (edaad_record_get_int (moved, "interest"), ==, 4);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);

  /* The list follows: the row for the stakeholder now names the new quadrant. */
  row = find_named (section, id);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), manage_closely));

  /* A second move of the same record folds into the same outbox entry. */
  g_assert_true (gtk_widget_activate_action (grid, "grid.move", "(sii)", id, 1, 4));
  spin (50);
  g_clear_object (&moved);
  moved = stored (fixture, "stakeholder", id);
  g_assert_cmpint (edaad_record_get_int (moved, "power"), ==, 1);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
  row = find_named (section, id);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            edaad_quadrant_get_label (EDAAD_QUADRANT_KEEP_INFORMED)));
}

static void
test_stakeholder_add (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *section = show_stakeholders (fixture);
  g_autoptr(EdaadRecordList) list = edaad_record_list_new (fixture->store, "stakeholder");
  g_autoptr(EdaadRecord) added = NULL;

  g_assert_true (gtk_widget_activate_action (section, "stakeholders.add", NULL));
  spin (20);
  g_assert_cmpstr (visible_page (section), ==, "form");
  g_assert_null (field_message (section, "name"));

  /* No name: refused, with its message next to the field, and nothing stored. */
  set_text (section, "name", "   ");
  g_assert_true (gtk_widget_activate_action (section, "stakeholders.save", NULL));
  spin (20);
  g_assert_nonnull (field_message (section, "name"));
  g_assert_cmpstr (field_message (section, "name"), !=, "");
  g_assert_cmpstr (visible_page (section), ==, "form");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);

  /* With a name it is stored for the plan, and the form closes. */
  set_text (section, "name", "Citizens' council");
  set_text (section, "approach", "Monthly briefings");
  g_assert_true (gtk_widget_activate_action (section, "stakeholders.save", NULL));
  spin (50);
  g_assert_cmpstr (visible_page (section), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  added = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (edaad_record_get_string (added, "name"), ==, "Citizens' council");
  g_assert_cmpstr (edaad_record_get_string (added, "plan_id"), ==, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (added, "approach"), ==, "Monthly briefings");
  g_assert_cmpint (edaad_record_get_int (added, "power"), ==, 3);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
  g_assert_nonnull (find_named (section, edaad_record_get_id (added)));
}

static void
test_stakeholder_delete_undo (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *id = put_stakeholder (fixture, "Head of IT", 4, 5);
  g_autofree char *other = put_stakeholder (fixture, "Union", 2, 1);
  GtkWidget *section = show_stakeholders (fixture);
  g_autoptr(EdaadRecord) deleted = NULL;
  g_autoptr(EdaadRecord) restored = NULL;
  AdwToast *toast;

  g_assert_true (gtk_widget_activate_action (section, "stakeholders.delete", "s", id));
  spin (50);
  deleted = stored (fixture, "stakeholder", id);
  g_assert_true (edaad_record_get_deleted (deleted));
  g_assert_null (find_named (section, id));
  g_assert_nonnull (find_named (section, other));
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  toast = g_ptr_array_index (fixture->toasts, 0);
  g_assert_nonnull (adw_toast_get_button_label (toast));

  g_signal_emit_by_name (toast, "button-clicked");
  spin (50);
  restored = stored (fixture, "stakeholder", id);
  g_assert_false (edaad_record_get_deleted (restored));
  g_assert_cmpstr (edaad_record_get_string (restored, "name"), ==, "Head of IT");
  g_assert_cmpint (edaad_record_get_int (restored, "power"), ==, 4);
  g_assert_nonnull (find_named (section, id));

  /* Without a plan: the empty state, and nothing to add to. */
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), NULL);
  g_assert_cmpstr (visible_page (section), ==, "empty");
  g_assert_false (gtk_widget_activate_action (section, "stakeholders.add", NULL)
                  && g_strcmp0 (visible_page (section), "form") == 0);
}

/* ---- KPIs ---- */

static void
test_kpi_reading (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdaadRecord) kpi = new_record (fixture, "kpi");
  g_autoptr(EdaadRecord) reading = new_record (fixture, "kpi_reading");
  g_autoptr(EdaadRecordList) readings = edaad_record_list_new (fixture->store, "kpi_reading");
  GtkWidget *section = edaad_kpis_section_new (fixture->store);
  GtkWidget *row, *sparkline, *progress;
  g_autofree char *expected = NULL;

  edaad_record_set_string (kpi, "plan_id", fixture->plan_id);
  edaad_record_set_string (kpi, "name", "Processing time");
  edaad_record_set_string (kpi, "unit", "days");
  edaad_record_set_string (kpi, "direction", "down");
  edaad_record_set_real (kpi, "baseline", 20);
  edaad_record_set_real (kpi, "target", 10);
  put (fixture, kpi);
  edaad_record_set_string (reading, "kpi_id", edaad_record_get_id (kpi));
  edaad_record_set_string (reading, "measured_on", "2026-01-01");
  edaad_record_set_real (reading, "value", 18);
  put (fixture, reading);

  show (fixture, section);
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), fixture->plan_id);
  spin (50);
  row = find_named (section, edaad_record_get_id (kpi));
  g_assert_nonnull (row);
  sparkline = find_named (row, "sparkline");
  progress = find_named (row, "progress");
  g_assert_cmpuint (edaad_sparkline_get_n_points (EDAAD_SPARKLINE (sparkline)), ==, 1);
  expected = edaad_ui_format_percent (20);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (progress)), ==, expected);

  /* A reading that is not a number is refused next to its field. */
  g_assert_true (gtk_widget_activate_action (section, "kpis.add-reading", "s", edaad_record_get_id (kpi)));
  spin (20);
  g_assert_cmpstr (visible_page (section), ==, "reading");
  set_text (section, "value", "fifteen");
  g_assert_true (gtk_widget_activate_action (section, "kpis.save", NULL));
  spin (20);
  g_assert_nonnull (field_message (section, "value"));
  g_assert_cmpstr (visible_page (section), ==, "reading");
  edaad_record_list_set_equals (readings, "kpi_id", edaad_record_get_id (kpi));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (readings)), ==, 1);

  /* A valid one is added: one more point, and progress from the latest reading. */
  set_text (section, "measured_on", "2026-02-01");
  set_text (section, "value", "15");
  set_text (section, "note", "After the new form");
  g_assert_true (gtk_widget_activate_action (section, "kpis.save", NULL));
  spin (50);
  g_assert_cmpstr (visible_page (section), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (readings)), ==, 2);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
  row = find_named (section, edaad_record_get_id (kpi));
  sparkline = find_named (row, "sparkline");
  progress = find_named (row, "progress");
  g_assert_cmpuint (edaad_sparkline_get_n_points (EDAAD_SPARKLINE (sparkline)), ==, 2);
  g_clear_pointer (&expected, g_free);
  expected = edaad_ui_format_percent (50);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (progress)), ==, expected);

  /* A KPI without a name is refused. */
  g_assert_true (gtk_widget_activate_action (section, "kpis.add", NULL));
  spin (20);
  g_assert_true (gtk_widget_activate_action (section, "kpis.save", NULL));
  spin (20);
  g_assert_cmpstr (visible_page (section), ==, "form");
  g_assert_nonnull (field_message (section, "name"));
}

/* ---- ADKAR ---- */

static void
test_adkar_add (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EdaadRecord) first = new_record (fixture, "adkar_assessment");
  g_autoptr(EdaadRecordList) assessments = edaad_record_list_new (fixture->store, "adkar_assessment");
  GtkWidget *section = edaad_adkar_section_new (fixture->store);
  EdaadAdkarBars *bars;

  edaad_record_set_string (first, "plan_id", fixture->plan_id);
  edaad_record_set_string (first, "round", "baseline");
  edaad_record_set_string (first, "assessed_on", "2026-01-15");
  edaad_record_set_real (first, "awareness", 4.5);
  edaad_record_set_real (first, "desire", 2.0);
  edaad_record_set_real (first, "knowledge", 2.5);
  edaad_record_set_real (first, "ability", 2.0);
  edaad_record_set_real (first, "reinforcement", 1.5);
  put (fixture, first);

  show (fixture, section);
  edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (section), fixture->plan_id);
  spin (50);
  bars = EDAAD_ADKAR_BARS (find_type (section, EDAAD_TYPE_ADKAR_BARS));
  g_assert_cmpint (edaad_adkar_bars_get_barrier (bars), ==, EDAAD_ADKAR_DESIRE);
  g_assert_nonnull (find_named (section, edaad_record_get_id (first)));

  g_assert_true (gtk_widget_activate_action (section, "adkar.add", NULL));
  spin (20);
  g_assert_cmpstr (visible_page (section), ==, "form");
  set_text (section, "assessed_on", "2026-03-01");
  set_text (section, "awareness", "6");
  set_text (section, "desire", "4");
  set_text (section, "knowledge", "3.5");
  set_text (section, "ability", "2");
  set_text (section, "reinforcement", "2.5");

  /* 6 is beyond the 1–5 scale: refused next to its field, nothing stored. */
  g_assert_true (gtk_widget_activate_action (section, "adkar.save", NULL));
  spin (20);
  g_assert_cmpstr (visible_page (section), ==, "form");
  g_assert_nonnull (field_message (section, "awareness"));
  g_assert_null (field_message (section, "desire"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assessments)), ==, 1);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);

  /* Corrected, with Arabic-Indic digits: stored, and the bars show its barrier. */
  set_text (section, "awareness", "٤٫٥");
  g_assert_true (gtk_widget_activate_action (section, "adkar.save", NULL));
  spin (50);
  g_assert_cmpstr (visible_page (section), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assessments)), ==, 2);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
  g_assert_cmpint (edaad_adkar_bars_get_barrier (bars), ==, EDAAD_ADKAR_ABILITY);

  /* Deleting the new round brings the old barrier back; undo restores it. */
  {
    g_autoptr(EdaadRecord) latest = g_list_model_get_item (G_LIST_MODEL (assessments), 1);
    const char *id = NULL;

    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(EdaadRecord) item = g_list_model_get_item (G_LIST_MODEL (assessments), i);

        if (g_strcmp0 (edaad_record_get_id (item), edaad_record_get_id (first)) != 0)
          g_set_object (&latest, item);
      }
    id = edaad_record_get_id (latest);
    g_assert_cmpfloat_with_epsilon (edaad_record_get_real (latest, "awareness"), 4.5, 1e-9);
    g_assert_true (gtk_widget_activate_action (section, "adkar.delete", "s", id));
    spin (50);
    g_assert_cmpint (edaad_adkar_bars_get_barrier (bars), ==, EDAAD_ADKAR_DESIRE);
    g_assert_cmpuint (fixture->toasts->len, ==, 1);
    g_signal_emit_by_name (g_ptr_array_index (fixture->toasts, 0), "button-clicked");
    spin (50);
    g_assert_cmpint (edaad_adkar_bars_get_barrier (bars), ==, EDAAD_ADKAR_ABILITY);
  }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* What every section has from EdaadPlanSection: the store as a property, the plan told
 * once (the same plan again is nothing: no notify, no rebuild), "plan-id" as a property,
 * and error toasts. */
static void
test_plan_section_base (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *(*new_section[]) (EdaadStore *) = {
    edaad_milestones_section_new, edaad_risks_section_new, edaad_stakeholders_section_new,
    edaad_kpis_section_new, edaad_adkar_section_new,
  };

  for (guint i = 0; i < G_N_ELEMENTS (new_section); i++)
    {
      GtkWidget *widget = new_section[i] (fixture->store);
      EdaadPlanSection *section = EDAAD_PLAN_SECTION (widget);
      g_autoptr(EdaadStore) store = NULL;
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "Disk <full>");
      g_autofree char *plan_id = NULL;
      guint notified = 0;

      g_object_ref_sink (widget);
      g_signal_connect (widget, "toast", G_CALLBACK (on_toast), fixture);
      g_signal_connect (widget, "notify::plan-id", G_CALLBACK (count_notify), &notified);
      g_object_get (widget, "store", &store, NULL);
      g_assert_true (store == fixture->store);
      g_assert_true (edaad_plan_section_get_store (section) == fixture->store);
      g_assert_null (edaad_plan_section_get_plan_id (section));

      edaad_plan_section_set_plan (section, fixture->plan_id);
      edaad_plan_section_set_plan (section, fixture->plan_id);
      g_assert_cmpuint (notified, ==, 1);
      g_assert_cmpstr (edaad_plan_section_get_plan_id (section), ==, fixture->plan_id);
      g_object_get (widget, "plan-id", &plan_id, NULL);
      g_assert_cmpstr (plan_id, ==, fixture->plan_id);
      g_object_set (widget, "plan-id", NULL, NULL);
      g_assert_cmpuint (notified, ==, 2);
      g_assert_null (edaad_plan_section_get_plan_id (section));

      edaad_plan_section_toast_error (section, error);
      g_assert_cmpuint (fixture->toasts->len, ==, i + 1);
      g_assert_cmpstr (adw_toast_get_title (g_ptr_array_index (fixture->toasts, i)), ==, "Disk &lt;full&gt;");

      g_object_unref (widget);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sections-b/stakeholders/move", test_stakeholder_move);
  ADD ("/sections-b/stakeholders/add", test_stakeholder_add);
  ADD ("/sections-b/stakeholders/delete-undo", test_stakeholder_delete_undo);
  ADD ("/sections-b/kpis/reading", test_kpi_reading);
  ADD ("/sections-b/adkar/add", test_adkar_add);
  ADD ("/sections-b/plan-section/base", test_plan_section_base);
#undef ADD

  return g_test_run ();
}
