/* edaad-adkar-section.c — a plan's ADKAR assessments by round: the latest round's five bars
 * with its barrier point marked and the previous round beside them for the trend, the
 * rounds below, and the form to add an assessment.  Assessments are append-only: added,
 * never edited, deleted (with undo) when mistaken.
 */
#define G_LOG_DOMAIN "edaad-adkar-section"

#include "config.h"

#include "edaad-adkar-section.h"

#include "edaad-adkar-bars.h"
#include "edaad-date.h"
#include "edaad-plan-metrics.h"
#include "edaad-plan-section.h"
#include "edaad-record-form.h"
#include "edaad-record-list.h"
#include "edaad-tooltip.h"
#include "edaad-ui-format.h"
#include "edaad-undo-toast.h"

#include <glib/gi18n-lib.h>

static const EdaadFormLayout assessment_layout[] = {
  { "round", EDAAD_FORM_INPUT_ENUM },
  { "assessed_on", EDAAD_FORM_INPUT_DATE },
  { "group_name", EDAAD_FORM_INPUT_TEXT },
  { "awareness", EDAAD_FORM_INPUT_REAL },
  { "desire", EDAAD_FORM_INPUT_REAL },
  { "knowledge", EDAAD_FORM_INPUT_REAL },
  { "ability", EDAAD_FORM_INPUT_REAL },
  { "reinforcement", EDAAD_FORM_INPUT_REAL },
  { "notes", EDAAD_FORM_INPUT_TEXT },
};

struct _EdaadAdkarSection
{
  EdaadPlanSection parent_instance;

  GtkStack *stack;
  EdaadAdkarBars *bars;
  GtkLabel *barrier_label;
  GtkLabel *rounds_label;
  GtkLabel *none_label;
  GtkListBox *list;
  GtkLabel *form_title;
  GtkListBox *form_list;
  GtkLabel *form_message;

  EdaadRecordList *assessments;  /* newest first */
  EdaadRecordForm *form;
};

G_DEFINE_FINAL_TYPE (EdaadAdkarSection, edaad_adkar_section, EDAAD_TYPE_PLAN_SECTION)


/* ---- the chart and the rounds ---- */

static char *
barrier_text (EdaadAdkarElement barrier)
{
  if (barrier == EDAAD_ADKAR_NONE)
    return g_strdup (_("No barrier point: every element is above 3."));
  /* Translators: the ADKAR element that blocks the change, e.g. "Barrier point: Knowledge" */
  return g_strdup_printf (_("Barrier point: %s"), edaad_adkar_element_get_label (barrier));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  EdaadRecord *assessment = item;
  const char *id = edaad_record_get_id (assessment);
  const char *group = edaad_record_get_string (assessment, "group_name");
  g_autofree char *date = edaad_ui_format_date (edaad_record_get_string (assessment, "assessed_on"));
  g_autofree char *subtitle = NULL;
  g_autofree char *barrier = barrier_text (edaad_adkar_barrier_point_for_record (assessment));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *barrier_label = gtk_label_new (NULL);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  if (group != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (group, -1);

      /* Translators: an ADKAR assessment's date and the group assessed */
      subtitle = g_strdup_printf (_("%s · %s"), date ?: "", escaped);
    }
  else
    subtitle = g_strdup (date ?: "");
  gtk_widget_set_name (row, id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 edaad_ui_enum_label ("adkar_assessment", "round",
                                                      edaad_record_get_string (assessment, "round")));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_label_set_text (GTK_LABEL (barrier_label), barrier);
  gtk_label_set_wrap (GTK_LABEL (barrier_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (barrier_label), 24);
  gtk_widget_add_css_class (barrier_label, "caption");
  gtk_widget_add_css_class (barrier_label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), barrier_label);

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  edaad_widget_set_tooltip (delete, _("Delete Assessment"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "adkar.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

static void
update_chart (EdaadAdkarSection *self)
{
  guint n = self->assessments != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->assessments)) : 0;
  g_autoptr(EdaadRecord) latest = n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->assessments), 0) : NULL;
  g_autoptr(EdaadRecord) previous = n > 1 ? g_list_model_get_item (G_LIST_MODEL (self->assessments), 1) : NULL;

  edaad_adkar_bars_set_assessments (self->bars, latest, previous);
  gtk_widget_set_visible (GTK_WIDGET (self->bars), latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->barrier_label), latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rounds_label), latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->none_label), latest == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), latest != NULL);
  if (latest != NULL)
    {
      g_autofree char *barrier = barrier_text (edaad_adkar_bars_get_barrier (self->bars));
      g_autofree char *text = NULL;
      const char *round = edaad_ui_enum_label ("adkar_assessment", "round",
                                               edaad_record_get_string (latest, "round"));

      if (previous != NULL)
        /* Translators: under the ADKAR bars: the round shown, the round beside it, the barrier */
        text = g_strdup_printf (_("Latest round: %s, compared with %s. %s"), round,
                                edaad_ui_enum_label ("adkar_assessment", "round",
                                                     edaad_record_get_string (previous, "round")),
                                barrier);
      else
        /* Translators: under the ADKAR bars: the round shown and the barrier */
        text = g_strdup_printf (_("Latest round: %s. %s"), round, barrier);
      gtk_label_set_text (self->barrier_label, text);
    }
}

/* ---- the form ---- */

static void
close_form (EdaadAdkarSection *self)
{
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));

  edaad_record_form_clear (self->form);
  gtk_stack_set_visible_child_name (self->stack, plan_id != NULL ? "list" : "empty");
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
save_form (EdaadAdkarSection *self)
{
  EdaadPlanSection *section = EDAAD_PLAN_SECTION (self);
  g_autoptr(EdaadRecord) record = edaad_record_new_for_kind ("adkar_assessment");
  g_autoptr(GError) error = NULL;

  edaad_record_set_string (record, "plan_id", edaad_plan_section_get_plan_id (section));
  if (!edaad_record_form_read (self->form, record))
    return;
  if (!edaad_store_save (edaad_plan_section_get_store (section), record, &error))
    {
      edaad_record_form_set_message (self->form, error->message);
      return;
    }
  close_form (self);
}

/* ---- actions ---- */

static const char *
visible_page (EdaadAdkarSection *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EdaadAdkarSection *self = EDAAD_ADKAR_SECTION (widget);
  g_autoptr(EdaadRecord) fresh = edaad_record_new_for_kind ("adkar_assessment");
  g_autofree char *today = edaad_date_today ();

  if (edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self)) == NULL)
    return;
  edaad_record_set_string (fresh, "assessed_on", today);
  gtk_label_set_text (self->form_title, _("New ADKAR Assessment"));
  edaad_record_form_load (self->form, fresh);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (edaad_record_form_get_first_row (self->form));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EdaadAdkarSection *self = EDAAD_ADKAR_SECTION (widget);
  EdaadPlanSection *section = EDAAD_PLAN_SECTION (widget);
  EdaadStore *store = edaad_plan_section_get_store (section);
  g_autofree char *id = g_strdup (g_variant_get_string (parameter, NULL));
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;

  if (edaad_plan_section_get_plan_id (section) == NULL || !g_str_equal (visible_page (self), "list"))
    return;
  if (id[0] == '\0')
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

      if (row == NULL)
        return;
      g_free (id);
      id = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));
    }
  if (!edaad_store_delete (store, "adkar_assessment", id, &error))
    {
      edaad_plan_section_toast_error (section, error);
      return;
    }
  toast = edaad_undo_toast_new_for_delete (store, "adkar_assessment", id, _("Assessment deleted"));
  edaad_plan_section_toast (section, toast);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdaadAdkarSection *self = EDAAD_ADKAR_SECTION (widget);

  if (g_str_equal (visible_page (self), "form"))
    save_form (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EdaadAdkarSection *self = EDAAD_ADKAR_SECTION (widget);

  if (g_str_equal (visible_page (self), "form"))
    close_form (self);
}

/* ---- GObject ---- */

static void
edaad_adkar_section_dispose (GObject *object)
{
  EdaadAdkarSection *self = EDAAD_ADKAR_SECTION (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->assessments);

  G_OBJECT_CLASS (edaad_adkar_section_parent_class)->dispose (object);
}

static void
edaad_adkar_section_finalize (GObject *object)
{
  EdaadAdkarSection *self = EDAAD_ADKAR_SECTION (object);

  g_clear_pointer (&self->form, edaad_record_form_free);

  G_OBJECT_CLASS (edaad_adkar_section_parent_class)->finalize (object);
}

static void
edaad_adkar_section_plan_changed (EdaadPlanSection *section,
                                  const char       *plan_id)
{
  EdaadAdkarSection *self = EDAAD_ADKAR_SECTION (section);

  if (self->assessments != NULL)
    edaad_record_list_set_equals (self->assessments, "plan_id", plan_id != NULL ? plan_id : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "adkar.add", plan_id != NULL);
  gtk_stack_set_visible_child_name (self->stack, plan_id != NULL ? "list" : "empty");
}

static void
edaad_adkar_section_constructed (GObject *object)
{
  EdaadAdkarSection *self = EDAAD_ADKAR_SECTION (object);

  G_OBJECT_CLASS (edaad_adkar_section_parent_class)->constructed (object);

  self->assessments = edaad_record_list_new (edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self)),
                                             "adkar_assessment");
  edaad_record_list_set_sort (self->assessments, "assessed_on", TRUE);
  /* Nothing until a plan is set. */
  edaad_record_list_set_equals (self->assessments, "plan_id", "");
  g_signal_connect_object (self->assessments, "items-changed", G_CALLBACK (update_chart), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->assessments), create_row, self, NULL);
  update_chart (self);
}

static void
edaad_adkar_section_class_init (EdaadAdkarSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdaadPlanSectionClass *section_class = EDAAD_PLAN_SECTION_CLASS (klass);

  object_class->dispose = edaad_adkar_section_dispose;
  object_class->finalize = edaad_adkar_section_finalize;
  object_class->constructed = edaad_adkar_section_constructed;
  section_class->plan_changed = edaad_adkar_section_plan_changed;

  g_type_ensure (EDAAD_TYPE_ADKAR_BARS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/edaad-adkar-section.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadAdkarSection, stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadAdkarSection, bars);
  gtk_widget_class_bind_template_child (widget_class, EdaadAdkarSection, barrier_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadAdkarSection, rounds_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadAdkarSection, none_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadAdkarSection, list);
  gtk_widget_class_bind_template_child (widget_class, EdaadAdkarSection, form_title);
  gtk_widget_class_bind_template_child (widget_class, EdaadAdkarSection, form_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadAdkarSection, form_message);

  gtk_widget_class_install_action (widget_class, "adkar.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "adkar.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "adkar.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "adkar.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "adkar.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "adkar.delete", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "adkar.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "adkar.cancel", NULL);
}

static void
edaad_adkar_section_init (EdaadAdkarSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->form = edaad_record_form_new ("adkar_assessment", assessment_layout,
                                      G_N_ELEMENTS (assessment_layout), EDAAD_RECORD_FORM_NONE,
                                      self->form_list, self->form_message, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "adkar.add", FALSE);
}

GtkWidget *
edaad_adkar_section_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);

  return g_object_new (EDAAD_TYPE_ADKAR_SECTION, "store", store, NULL);
}

