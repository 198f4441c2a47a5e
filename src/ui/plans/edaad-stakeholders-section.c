/* edaad-stakeholders-section.c — a plan's stakeholders: the power/interest grid, the list
 * with attitude now → target, and the form to add or edit one.
 *
 * Moving a dot on the grid (drag, Shift/Ctrl + arrows, or `grid.move`) saves the new power
 * and interest through the store; the grid and the list follow the store's ::changed.
 */
#define G_LOG_DOMAIN "edaad-stakeholders-section"

#include "config.h"

#include "edaad-stakeholders-section.h"

#include "edaad-plan-metrics.h"
#include "edaad-plan-section.h"
#include "edaad-power-interest-grid.h"
#include "edaad-record-form.h"
#include "edaad-record-list.h"
#include "edaad-tooltip.h"
#include "edaad-ui-format.h"
#include "edaad-undo-toast.h"

#include <glib/gi18n-lib.h>

/* The form, in order. */
static const EdaadFormLayout form_layout[] = {
  { "name", EDAAD_FORM_INPUT_TEXT },
  { "role", EDAAD_FORM_INPUT_ENUM },
  { "power", EDAAD_FORM_INPUT_SPIN },
  { "interest", EDAAD_FORM_INPUT_SPIN },
  { "attitude_now", EDAAD_FORM_INPUT_ENUM },
  { "attitude_target", EDAAD_FORM_INPUT_ENUM },
  { "approach", EDAAD_FORM_INPUT_TEXT },
};

struct _EdaadStakeholdersSection
{
  EdaadPlanSection parent_instance;

  GtkStack *stack;
  EdaadPowerInterestGrid *grid;
  GtkLabel *none_label;
  GtkListBox *list;
  GtkLabel *form_title;
  GtkListBox *form_list;
  GtkLabel *form_message;

  EdaadRecordList *stakeholders;
  EdaadRecordForm *form;
  char *editing_id;   /* the stakeholder in the form; NULL for a new one */
};

G_DEFINE_FINAL_TYPE (EdaadStakeholdersSection, edaad_stakeholders_section, EDAAD_TYPE_PLAN_SECTION)

/* ---- the list ---- */

static GtkWidget *
attitude_label (EdaadRecord *record,
                const char  *field)
{
  GtkWidget *label = gtk_label_new (edaad_ui_enum_label ("stakeholder", field,
                                                         edaad_record_get_string (record, field)));

  gtk_widget_add_css_class (label, "caption");
  return label;
}

static char *
row_subtitle (EdaadRecord *record)
{
  const char *role = edaad_record_get_string (record, "role");
  const char *quadrant = edaad_quadrant_get_label (edaad_stakeholder_quadrant_for_record (record));

  if (role == NULL)
    return g_strdup (quadrant);
  /* Translators: a stakeholder's role and quadrant, e.g. "Sponsor · Manage closely" */
  return g_strdup_printf (_("%s · %s"), edaad_ui_enum_label ("stakeholder", "role", role), quadrant);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  EdaadRecord *record = item;
  const char *id = edaad_record_get_id (record);
  g_autofree char *subtitle = row_subtitle (record);
  g_autofree char *name = g_markup_escape_text (edaad_record_get_string (record, "name") ?: "", -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *attitudes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *attitude_text = NULL;

  gtk_widget_set_name (row, id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* Translators: the attitude now and the target attitude, read by screen readers */
  attitude_text = g_strdup_printf (_("Attitude: %s, target %s"),
                                   edaad_ui_enum_label ("stakeholder", "attitude_now",
                                                        edaad_record_get_string (record, "attitude_now")),
                                   edaad_ui_enum_label ("stakeholder", "attitude_target",
                                                        edaad_record_get_string (record, "attitude_target")));
  gtk_widget_set_valign (attitudes, GTK_ALIGN_CENTER);
  edaad_widget_set_tooltip (attitudes, attitude_text);
  gtk_widget_add_css_class (arrow, "dim-label");
  gtk_box_append (GTK_BOX (attitudes), attitude_label (record, "attitude_now"));
  gtk_box_append (GTK_BOX (attitudes), arrow);
  gtk_box_append (GTK_BOX (attitudes), attitude_label (record, "attitude_target"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), attitudes);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  edaad_widget_set_tooltip (edit, _("Edit Stakeholder"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "stakeholders.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  edaad_widget_set_tooltip (delete, _("Delete Stakeholder"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "stakeholders.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  return row;
}

static void
update_none (EdaadStakeholdersSection *self)
{
  gboolean empty = self->stakeholders == NULL
                   || g_list_model_get_n_items (G_LIST_MODEL (self->stakeholders)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->none_label), empty);
  gtk_widget_set_visible (GTK_WIDGET (self->list), !empty);
}

static void
on_row_activated (EdaadStakeholdersSection *self,
                  GtkListBoxRow            *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "stakeholders.edit", "s",
                              gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_row_selected (EdaadStakeholdersSection *self,
                 GtkListBoxRow            *row)
{
  if (row != NULL)
    edaad_power_interest_grid_set_selected (self->grid, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* The id an action's parameter names: itself, or the selected row for "". */
static const char *
target_id (EdaadStakeholdersSection *self,
           GVariant                 *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);
  GtkListBoxRow *row;

  if (id[0] != '\0')
    return id;
  row = gtk_list_box_get_selected_row (self->list);
  if (row != NULL)
    return gtk_widget_get_name (GTK_WIDGET (row));
  return edaad_power_interest_grid_get_selected (self->grid);
}

/* ---- moving on the grid ---- */

static void
on_stakeholder_moved (EdaadStakeholdersSection *self,
                      const char               *id,
                      int                       power,
                      int                       interest)
{
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = edaad_store_get (store, "stakeholder", id, &error);
  if (record == NULL)
    {
      edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
      return;
    }
  edaad_record_set_int (record, "power", power);
  edaad_record_set_int (record, "interest", interest);
  if (!edaad_store_save (store, record, &error))
    edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
}

/* ---- the form ---- */

static void
open_form (EdaadStakeholdersSection *self,
           EdaadRecord              *record)
{
  g_autoptr(EdaadRecord) fresh = NULL;

  g_clear_pointer (&self->editing_id, g_free);
  if (record != NULL)
    self->editing_id = g_strdup (edaad_record_get_id (record));
  else
    record = fresh = edaad_record_new_for_kind ("stakeholder");

  gtk_label_set_text (self->form_title, self->editing_id != NULL ? _("Edit Stakeholder") : _("New Stakeholder"));
  edaad_record_form_load (self->form, record);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (edaad_record_form_get_first_row (self->form));
}

static void
close_form (EdaadStakeholdersSection *self)
{
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));

  g_clear_pointer (&self->editing_id, g_free);
  edaad_record_form_clear (self->form);
  gtk_stack_set_visible_child_name (self->stack, plan_id != NULL ? "list" : "empty");
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
save_form (EdaadStakeholdersSection *self)
{
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (self->editing_id != NULL)
    {
      record = edaad_store_get (store, "stakeholder", self->editing_id, &error);
      if (record == NULL)
        {
          edaad_record_form_set_message (self->form, error->message);
          return;
        }
    }
  else
    {
      record = edaad_record_new_for_kind ("stakeholder");
      edaad_record_set_string (record, "plan_id", plan_id);
      edaad_record_set_int (record, "position",
                            g_list_model_get_n_items (G_LIST_MODEL (self->stakeholders)));
    }
  if (!edaad_record_form_read (self->form, record))
    return;

  if (!edaad_store_save (store, record, &error))
    {
      edaad_record_form_set_message (self->form, error->message);
      return;
    }
  close_form (self);
}

/* ---- actions ---- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EdaadStakeholdersSection *self = EDAAD_STAKEHOLDERS_SECTION (widget);
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));

  if (plan_id != NULL)
    open_form (self, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdaadStakeholdersSection *self = EDAAD_STAKEHOLDERS_SECTION (widget);
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  const char *id = target_id (self, parameter);
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (id == NULL || plan_id == NULL)
    return;
  record = edaad_store_get (store, "stakeholder", id, &error);
  if (record == NULL)
    {
      edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
      return;
    }
  open_form (self, record);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EdaadStakeholdersSection *self = EDAAD_STAKEHOLDERS_SECTION (widget);
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  const char *id = target_id (self, parameter);
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  g_autofree char *owned_id = NULL;

  if (id == NULL || plan_id == NULL)
    return;
  owned_id = g_strdup (id);
  record = edaad_store_get (store, "stakeholder", owned_id, &error);
  if (record == NULL || !edaad_store_delete (store, "stakeholder", owned_id, &error))
    {
      edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
      return;
    }

  /* Translators: a toast after deleting a stakeholder; %s is their name */
  title = g_strdup_printf (_("“%s” deleted"), edaad_record_get_string (record, "name") ?: "");
  toast = edaad_undo_toast_new_for_delete (store, "stakeholder", owned_id, title);
  edaad_plan_section_toast (EDAAD_PLAN_SECTION (self), toast);
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdaadStakeholdersSection *self = EDAAD_STAKEHOLDERS_SECTION (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
    save_form (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EdaadStakeholdersSection *self = EDAAD_STAKEHOLDERS_SECTION (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
    close_form (self);
}

/* ---- GObject ---- */

static void
edaad_stakeholders_section_dispose (GObject *object)
{
  EdaadStakeholdersSection *self = EDAAD_STAKEHOLDERS_SECTION (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  if (self->grid != NULL)
    edaad_power_interest_grid_set_stakeholders (self->grid, NULL);
  g_clear_object (&self->stakeholders);

  G_OBJECT_CLASS (edaad_stakeholders_section_parent_class)->dispose (object);
}

static void
edaad_stakeholders_section_finalize (GObject *object)
{
  EdaadStakeholdersSection *self = EDAAD_STAKEHOLDERS_SECTION (object);

  g_free (self->editing_id);
  g_clear_pointer (&self->form, edaad_record_form_free);

  G_OBJECT_CLASS (edaad_stakeholders_section_parent_class)->finalize (object);
}

static void
edaad_stakeholders_section_plan_changed (EdaadPlanSection *section,
                                         const char       *plan_id)
{
  EdaadStakeholdersSection *self = EDAAD_STAKEHOLDERS_SECTION (section);

  g_clear_pointer (&self->editing_id, g_free);

  if (self->stakeholders != NULL)
    edaad_record_list_set_equals (self->stakeholders, "plan_id", plan_id != NULL ? plan_id : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.add", plan_id != NULL);
  gtk_stack_set_visible_child_name (self->stack, plan_id != NULL ? "list" : "empty");
}

static void
edaad_stakeholders_section_constructed (GObject *object)
{
  EdaadStakeholdersSection *self = EDAAD_STAKEHOLDERS_SECTION (object);

  G_OBJECT_CLASS (edaad_stakeholders_section_parent_class)->constructed (object);

  self->stakeholders = edaad_record_list_new (edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self)),
                                              "stakeholder");
  edaad_record_list_set_sort (self->stakeholders, "position", FALSE);
  /* Nothing until a plan is set. */
  edaad_record_list_set_equals (self->stakeholders, "plan_id", "");
  g_signal_connect_object (self->stakeholders, "items-changed", G_CALLBACK (update_none), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->stakeholders), create_row, self, NULL);
  edaad_power_interest_grid_set_stakeholders (self->grid, G_LIST_MODEL (self->stakeholders));
  update_none (self);
}

static void
edaad_stakeholders_section_class_init (EdaadStakeholdersSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdaadPlanSectionClass *section_class = EDAAD_PLAN_SECTION_CLASS (klass);

  object_class->dispose = edaad_stakeholders_section_dispose;
  object_class->finalize = edaad_stakeholders_section_finalize;
  object_class->constructed = edaad_stakeholders_section_constructed;
  section_class->plan_changed = edaad_stakeholders_section_plan_changed;

  g_type_ensure (EDAAD_TYPE_POWER_INTEREST_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/edaad-stakeholders-section.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadStakeholdersSection, stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadStakeholdersSection, grid);
  gtk_widget_class_bind_template_child (widget_class, EdaadStakeholdersSection, none_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadStakeholdersSection, list);
  gtk_widget_class_bind_template_child (widget_class, EdaadStakeholdersSection, form_title);
  gtk_widget_class_bind_template_child (widget_class, EdaadStakeholdersSection, form_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadStakeholdersSection, form_message);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_stakeholder_moved);

  gtk_widget_class_install_action (widget_class, "stakeholders.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "stakeholders.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "stakeholders.delete", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "stakeholders.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "stakeholders.cancel", NULL);
}

static void
edaad_stakeholders_section_init (EdaadStakeholdersSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->form = edaad_record_form_new ("stakeholder", form_layout, G_N_ELEMENTS (form_layout),
                                      EDAAD_RECORD_FORM_NONE, self->form_list, self->form_message,
                                      NULL, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (edaad_record_form_get_row (self->form, "power")),
                               _("1 (low) to 5 (high)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (edaad_record_form_get_row (self->form, "interest")),
                               _("1 (low) to 5 (high)"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.add", FALSE);
}

GtkWidget *
edaad_stakeholders_section_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);

  return g_object_new (EDAAD_TYPE_STAKEHOLDERS_SECTION, "store", store, NULL);
}

