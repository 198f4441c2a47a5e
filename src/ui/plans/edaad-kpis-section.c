/* edaad-kpis-section.c — a plan's KPIs: name, unit, direction, baseline → target and target
 * date, each with a sparkline over its readings and its progress %; the forms to add or edit
 * a KPI and to add a reading.  Readings are append-only: added, never edited, deleted (with
 * undo) when mistaken.
 */
#define G_LOG_DOMAIN "edaad-kpis-section"

#include "config.h"

#include "edaad-kpis-section.h"

#include "edaad-date.h"
#include "edaad-plan-metrics.h"
#include "edaad-plan-section.h"
#include "edaad-record-array.h"
#include "edaad-record-form.h"
#include "edaad-record-list.h"
#include "edaad-sparkline.h"
#include "edaad-tooltip.h"
#include "edaad-ui-format.h"
#include "edaad-undo-toast.h"

#include <glib/gi18n-lib.h>

static const EdaadFormLayout kpi_layout[] = {
  { "name", EDAAD_FORM_INPUT_TEXT },
  { "unit", EDAAD_FORM_INPUT_TEXT },
  { "direction", EDAAD_FORM_INPUT_ENUM },
  { "baseline", EDAAD_FORM_INPUT_REAL },
  { "target", EDAAD_FORM_INPUT_REAL },
  { "target_on", EDAAD_FORM_INPUT_DATE },
};

static const EdaadFormLayout reading_layout[] = {
  { "measured_on", EDAAD_FORM_INPUT_DATE },
  { "value", EDAAD_FORM_INPUT_REAL },
  { "note", EDAAD_FORM_INPUT_TEXT },
};

struct _EdaadKpisSection
{
  EdaadPlanSection parent_instance;

  GtkStack *stack;
  GtkLabel *none_label;
  GtkListBox *list;
  GtkLabel *form_title;
  GtkListBox *form_list;
  GtkLabel *form_message;
  GtkLabel *reading_title;
  GtkListBox *reading_list;
  GtkLabel *reading_message;

  EdaadRecordList *kpis;
  EdaadRecordForm *kpi_form;
  EdaadRecordForm *reading_form;
  char *editing_id;   /* the KPI in the KPI form (NULL: a new one), or the KPI of the reading form */
};

G_DEFINE_FINAL_TYPE (EdaadKpisSection, edaad_kpis_section, EDAAD_TYPE_PLAN_SECTION)

/* ---- the list: one expander row per KPI, its readings inside ---- */

typedef struct
{
  EdaadRecord     *kpi;
  EdaadRecordList *readings;
  GtkWidget       *expander;
  GtkLabel        *progress;
  GPtrArray       *reading_rows;
} KpiRow;

static void
kpi_row_free (gpointer data)
{
  KpiRow *row = data;

  g_object_unref (row->kpi);
  g_object_unref (row->readings);
  g_ptr_array_unref (row->reading_rows);
  g_free (row);
}

static char *
format_value (EdaadRecord *record,
              const char  *field,
              const char  *unit)
{
  g_autofree char *number = NULL;

  if (!edaad_record_has_value (record, field))
    return g_strdup ("—");
  number = edaad_ui_format_number (edaad_record_get_real (record, field), 2);
  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);
  /* Translators: a value and its unit, e.g. "42 days" */
  return g_strdup_printf (_("%s %s"), number, unit);
}

static char *
kpi_subtitle (EdaadRecord *kpi)
{
  const char *unit = edaad_record_get_string (kpi, "unit");
  g_autofree char *baseline = format_value (kpi, "baseline", unit);
  g_autofree char *target = format_value (kpi, "target", unit);
  g_autofree char *date = edaad_ui_format_date (edaad_record_get_string (kpi, "target_on"));
  const char *direction = edaad_ui_enum_label ("kpi", "direction",
                                               edaad_record_get_string (kpi, "direction") ?: "up");

  if (date != NULL)
    /* Translators: a KPI: baseline → target, by when, and which way is better,
     * e.g. "12 days → 3 days by 31 Dec 2026 · Lower is better" */
    return g_strdup_printf (_("%s → %s by %s · %s"), baseline, target, date, direction);
  /* Translators: a KPI: baseline → target and which way is better */
  return g_strdup_printf (_("%s → %s · %s"), baseline, target, direction);
}

static void
update_kpi_row (KpiRow *row)
{
  g_autoptr(GPtrArray) readings = edaad_record_array_from_model (G_LIST_MODEL (row->readings));
  double progress = edaad_kpi_progress_for_records (row->kpi, readings);
  const char *unit = edaad_record_get_string (row->kpi, "unit");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (row->readings));

  if (progress < 0)
    {
      gtk_label_set_text (row->progress, "—");
      edaad_widget_set_tooltip (GTK_WIDGET (row->progress), _("Progress unknown: the KPI needs a baseline, a target and a reading"));
    }
  else
    {
      g_autofree char *text = edaad_ui_format_percent (progress);

      gtk_label_set_text (row->progress, text);
      edaad_widget_set_tooltip (GTK_WIDGET (row->progress), _("Progress from baseline to target"));
    }

  for (guint i = 0; i < row->reading_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (row->expander), g_ptr_array_index (row->reading_rows, i));
  g_ptr_array_set_size (row->reading_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) reading = g_list_model_get_item (G_LIST_MODEL (row->readings), i);
      g_autofree char *value = format_value (reading, "value", unit);
      g_autofree char *date = edaad_ui_format_date (edaad_record_get_string (reading, "measured_on"));
      const char *note = edaad_record_get_string (reading, "note");
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped_note = note != NULL ? g_markup_escape_text (note, -1) : NULL;
      GtkWidget *reading_row = adw_action_row_new ();
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      if (note != NULL)
        /* Translators: a KPI reading's date and note */
        subtitle = g_strdup_printf (_("%s · %s"), date ?: "", escaped_note);
      else
        subtitle = g_strdup (date ?: "");
      gtk_widget_set_name (reading_row, edaad_record_get_id (reading));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reading_row), value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (reading_row), subtitle);
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      edaad_widget_set_tooltip (delete, _("Delete Reading"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "kpis.delete-reading");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", edaad_record_get_id (reading));
      adw_action_row_add_suffix (ADW_ACTION_ROW (reading_row), delete);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), reading_row);
      g_ptr_array_add (row->reading_rows, reading_row);
    }
}

static void
on_readings_changed (GtkWidget *expander)
{
  update_kpi_row (g_object_get_data (G_OBJECT (expander), "kpi-row"));
}

static GtkWidget *
action_button (const char *icon,
               const char *label,
               const char *action,
               const char *id)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  EdaadKpisSection *self = user_data;
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  EdaadRecord *kpi = item;
  const char *id = edaad_record_get_id (kpi);
  g_autofree char *title = g_markup_escape_text (edaad_record_get_string (kpi, "name") ?: "", -1);
  g_autofree char *subtitle = kpi_subtitle (kpi);
  KpiRow *row = g_new0 (KpiRow, 1);
  GtkWidget *sparkline = edaad_sparkline_new ();
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *actions_row = gtk_list_box_row_new ();

  row->kpi = g_object_ref (kpi);
  row->readings = edaad_record_list_new (store, "kpi_reading");
  edaad_record_list_set_equals (row->readings, "kpi_id", id);
  edaad_record_list_set_sort (row->readings, "measured_on", TRUE);
  row->reading_rows = g_ptr_array_new ();
  row->expander = adw_expander_row_new ();
  gtk_widget_set_name (row->expander, id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->expander), subtitle);

  gtk_widget_set_name (sparkline, "sparkline");
  gtk_widget_set_size_request (sparkline, 96, 32);
  gtk_widget_set_valign (sparkline, GTK_ALIGN_CENTER);
  edaad_sparkline_set_kpi (EDAAD_SPARKLINE (sparkline), kpi);
  edaad_sparkline_set_readings (EDAAD_SPARKLINE (sparkline), G_LIST_MODEL (row->readings));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row->expander), sparkline);

  row->progress = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (row->progress), "progress");
  gtk_label_set_width_chars (row->progress, 5);
  gtk_label_set_xalign (row->progress, 1);
  gtk_widget_add_css_class (GTK_WIDGET (row->progress), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (row->progress), "heading");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row->expander), GTK_WIDGET (row->progress));

  gtk_widget_set_margin_top (actions, 6);
  gtk_widget_set_margin_bottom (actions, 6);
  gtk_widget_set_margin_start (actions, 6);
  gtk_widget_set_margin_end (actions, 6);
  gtk_box_append (GTK_BOX (actions), action_button ("list-add-symbolic", _("Add _Reading"), "kpis.add-reading", id));
  gtk_box_append (GTK_BOX (actions), action_button ("document-edit-symbolic", _("_Edit KPI"), "kpis.edit", id));
  gtk_box_append (GTK_BOX (actions), action_button ("user-trash-symbolic", _("_Delete KPI"), "kpis.delete", id));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions_row), actions);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  gtk_widget_set_focusable (actions_row, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), actions_row);

  g_object_set_data_full (G_OBJECT (row->expander), "kpi-row", row, kpi_row_free);
  g_signal_connect_object (row->readings, "items-changed", G_CALLBACK (on_readings_changed),
                           row->expander, G_CONNECT_SWAPPED);
  update_kpi_row (row);
  return row->expander;
}

static void
update_none (EdaadKpisSection *self)
{
  gboolean empty = self->kpis == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->kpis)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->none_label), empty);
  gtk_widget_set_visible (GTK_WIDGET (self->list), !empty);
}

/* ---- the forms ---- */

static void
close_form (EdaadKpisSection *self)
{
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));

  g_clear_pointer (&self->editing_id, g_free);
  edaad_record_form_clear (self->kpi_form);
  edaad_record_form_clear (self->reading_form);
  gtk_stack_set_visible_child_name (self->stack, plan_id != NULL ? "list" : "empty");
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
save_kpi (EdaadKpisSection *self)
{
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (self->editing_id != NULL)
    {
      record = edaad_store_get (store, "kpi", self->editing_id, &error);
      if (record == NULL)
        {
          edaad_record_form_set_message (self->kpi_form, error->message);
          return;
        }
    }
  else
    {
      record = edaad_record_new_for_kind ("kpi");
      edaad_record_set_string (record, "plan_id", plan_id);
    }
  if (!edaad_record_form_read (self->kpi_form, record))
    return;
  if (!edaad_store_save (store, record, &error))
    {
      edaad_record_form_set_message (self->kpi_form, error->message);
      return;
    }
  close_form (self);
}

static void
save_reading (EdaadKpisSection *self)
{
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  g_autoptr(EdaadRecord) record = edaad_record_new_for_kind ("kpi_reading");
  g_autoptr(GError) error = NULL;

  g_assert (self->editing_id != NULL);
  edaad_record_set_string (record, "kpi_id", self->editing_id);
  if (!edaad_record_form_read (self->reading_form, record))
    return;
  if (!edaad_store_save (store, record, &error))
    {
      edaad_record_form_set_message (self->reading_form, error->message);
      return;
    }
  close_form (self);
}

/* ---- actions ---- */

static const char *
visible_page (EdaadKpisSection *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (widget);
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  g_autoptr(EdaadRecord) fresh = edaad_record_new_for_kind ("kpi");

  if (plan_id == NULL)
    return;
  g_clear_pointer (&self->editing_id, g_free);
  gtk_label_set_text (self->form_title, _("New KPI"));
  edaad_record_form_load (self->kpi_form, fresh);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (edaad_record_form_get_first_row (self->kpi_form));
}

/* The KPI an action names: its parameter, or for "" the one whose row has the focus. */
static const char *
target_id (EdaadKpisSection *self,
           GVariant         *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);
  GtkWidget *focus;

  if (id[0] != '\0')
    return id;
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      return gtk_widget_get_name (w);
  return NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (widget);
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  const char *id = target_id (self, parameter);
  g_autoptr(EdaadRecord) kpi = NULL;
  g_autoptr(GError) error = NULL;

  if (id == NULL || plan_id == NULL)
    return;
  kpi = edaad_store_get (store, "kpi", id, &error);
  if (kpi == NULL)
    {
      edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
      return;
    }
  g_free (self->editing_id);
  self->editing_id = g_strdup (id);
  gtk_label_set_text (self->form_title, _("Edit KPI"));
  edaad_record_form_load (self->kpi_form, kpi);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (edaad_record_form_get_first_row (self->kpi_form));
}

static void
add_reading_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (widget);
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  const char *id = target_id (self, parameter);
  g_autoptr(EdaadRecord) kpi = NULL;
  g_autoptr(EdaadRecord) fresh = edaad_record_new_for_kind ("kpi_reading");
  g_autoptr(GError) error = NULL;
  g_autofree char *today = edaad_date_today ();
  g_autofree char *title = NULL;

  if (id == NULL || plan_id == NULL)
    return;
  kpi = edaad_store_get (store, "kpi", id, &error);
  if (kpi == NULL)
    {
      edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
      return;
    }
  g_free (self->editing_id);
  self->editing_id = g_strdup (id);
  /* Translators: the title of the form to add a reading to KPI %s */
  title = g_strdup_printf (_("New Reading of “%s”"), edaad_record_get_string (kpi, "name") ?: "");
  gtk_label_set_text (self->reading_title, title);
  edaad_record_set_string (fresh, "measured_on", today);
  edaad_record_form_load (self->reading_form, fresh);
  gtk_stack_set_visible_child_name (self->stack, "reading");
  gtk_widget_grab_focus (edaad_record_form_get_row (self->reading_form, "value"));
}

static void
delete_record (EdaadKpisSection *self,
               const char       *kind,
               const char       *id)
{
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owned_id = g_strdup (id);
  g_autofree char *title = NULL;

  record = edaad_store_get (store, kind, owned_id, &error);
  if (record == NULL || !edaad_store_delete (store, kind, owned_id, &error))
    {
      edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
      return;
    }
  if (g_str_equal (kind, "kpi"))
    /* Translators: a toast after deleting a KPI; %s is its name */
    title = g_strdup_printf (_("“%s” deleted"), edaad_record_get_string (record, "name") ?: "");
  else
    title = g_strdup (_("Reading deleted"));
  toast = edaad_undo_toast_new_for_delete (store, g_str_equal (kind, "kpi") ? "kpi" : "kpi_reading", owned_id, title);
  edaad_plan_section_toast (EDAAD_PLAN_SECTION (self), toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (widget);
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  const char *id = target_id (self, parameter);

  if (id != NULL && plan_id != NULL && g_str_equal (visible_page (self), "list"))
    delete_record (self, "kpi", id);
}

static void
delete_reading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (widget);
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));

  if (plan_id != NULL)
    delete_record (self, "kpi_reading", g_variant_get_string (parameter, NULL));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (widget);

  if (g_str_equal (visible_page (self), "form"))
    save_kpi (self);
  else if (g_str_equal (visible_page (self), "reading"))
    save_reading (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (widget);

  if (g_str_equal (visible_page (self), "form") || g_str_equal (visible_page (self), "reading"))
    close_form (self);
}

/* ---- GObject ---- */

static void
edaad_kpis_section_dispose (GObject *object)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->kpis);

  G_OBJECT_CLASS (edaad_kpis_section_parent_class)->dispose (object);
}

static void
edaad_kpis_section_finalize (GObject *object)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (object);

  g_clear_pointer (&self->kpi_form, edaad_record_form_free);
  g_clear_pointer (&self->reading_form, edaad_record_form_free);
  g_free (self->editing_id);

  G_OBJECT_CLASS (edaad_kpis_section_parent_class)->finalize (object);
}

static void
edaad_kpis_section_plan_changed (EdaadPlanSection *section,
                                 const char       *plan_id)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (section);

  g_clear_pointer (&self->editing_id, g_free);

  if (self->kpis != NULL)
    edaad_record_list_set_equals (self->kpis, "plan_id", plan_id != NULL ? plan_id : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpis.add", plan_id != NULL);
  gtk_stack_set_visible_child_name (self->stack, plan_id != NULL ? "list" : "empty");
}

static void
edaad_kpis_section_constructed (GObject *object)
{
  EdaadKpisSection *self = EDAAD_KPIS_SECTION (object);

  G_OBJECT_CLASS (edaad_kpis_section_parent_class)->constructed (object);

  self->kpis = edaad_record_list_new (edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self)), "kpi");
  edaad_record_list_set_sort (self->kpis, "name", FALSE);
  /* Nothing until a plan is set. */
  edaad_record_list_set_equals (self->kpis, "plan_id", "");
  g_signal_connect_object (self->kpis, "items-changed", G_CALLBACK (update_none), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->kpis), create_row, self, NULL);
  update_none (self);
}

static void
edaad_kpis_section_class_init (EdaadKpisSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdaadPlanSectionClass *section_class = EDAAD_PLAN_SECTION_CLASS (klass);

  object_class->dispose = edaad_kpis_section_dispose;
  object_class->finalize = edaad_kpis_section_finalize;
  object_class->constructed = edaad_kpis_section_constructed;
  section_class->plan_changed = edaad_kpis_section_plan_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/edaad-kpis-section.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadKpisSection, stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadKpisSection, none_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadKpisSection, list);
  gtk_widget_class_bind_template_child (widget_class, EdaadKpisSection, form_title);
  gtk_widget_class_bind_template_child (widget_class, EdaadKpisSection, form_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadKpisSection, form_message);
  gtk_widget_class_bind_template_child (widget_class, EdaadKpisSection, reading_title);
  gtk_widget_class_bind_template_child (widget_class, EdaadKpisSection, reading_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadKpisSection, reading_message);

  gtk_widget_class_install_action (widget_class, "kpis.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "kpis.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "kpis.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "kpis.add-reading", "s", add_reading_action);
  gtk_widget_class_install_action (widget_class, "kpis.delete-reading", "s", delete_reading_action);
  gtk_widget_class_install_action (widget_class, "kpis.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "kpis.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "kpis.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "kpis.add-reading", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "kpis.delete", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "kpis.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "kpis.cancel", NULL);
}

static void
edaad_kpis_section_init (EdaadKpisSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kpi_form = edaad_record_form_new ("kpi", kpi_layout, G_N_ELEMENTS (kpi_layout),
                                          EDAAD_RECORD_FORM_NONE, self->form_list,
                                          self->form_message, NULL, NULL);
  self->reading_form = edaad_record_form_new ("kpi_reading", reading_layout,
                                              G_N_ELEMENTS (reading_layout), EDAAD_RECORD_FORM_NONE,
                                              self->reading_list, self->reading_message, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpis.add", FALSE);
}

GtkWidget *
edaad_kpis_section_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);

  return g_object_new (EDAAD_TYPE_KPIS_SECTION, "store", store, NULL);
}

