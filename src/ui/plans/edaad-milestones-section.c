/* edaad-milestones-section.c — a plan's milestones: ordered, added, edited, reordered, done.
 *
 * The rows come from an EdaadRecordList (the plan's milestones by position) and follow it
 * whenever the store changes, so every widget here only ever shows the store.  They are
 * light EdaadSectionRows, given the new records in place when the plan or a milestone
 * changes: showing another plan of 200 milestones makes no widget.
 * Edits go through a form page inside the section; reordering renumbers the milestones
 * whose position changes in one store batch.  The rows are built in
 * edaad-milestones-section-rows.c, moves (drag and drop, Alt+Up/Down) made in
 * edaad-milestones-section-reorder.c; the plan, the store and toasts are EdaadPlanSection's.
 */
#define G_LOG_DOMAIN "edaad-milestones-section"

#include "config.h"

#include "edaad-milestones-section.h"

#include "edaad-date.h"
#include "edaad-list-box-focus.h"
#include "edaad-milestones-section-private.h"
#include "edaad-plan-metrics.h"
#include "edaad-record-array.h"
#include "edaad-section-row.h"
#include "edaad-ui-format.h"
#include "edaad-undo-toast.h"
#include "edaad-validate.h"

#include <glib/gi18n-lib.h>

/* The fields of the edit form, in order. */
static const EdaadFormLayout form_layout[] = {
  { "title", EDAAD_FORM_INPUT_TEXT },
  { "due_on", EDAAD_FORM_INPUT_DATE },
  { "baseline_due_on", EDAAD_FORM_INPUT_DATE },
  { "status", EDAAD_FORM_INPUT_ENUM },
  { "weight", EDAAD_FORM_INPUT_COUNT },
};

G_DEFINE_FINAL_TYPE (EdaadMilestonesSection, edaad_milestones_section, EDAAD_TYPE_PLAN_SECTION)

enum {
  PROP_0,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- finding milestones ---- */

static EdaadRecord *
milestone_at (EdaadMilestonesSection *self,
              guint                   position)
{
  if (self->milestones == NULL)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->milestones), position);
}

int
edaad_milestones_section_index_of (EdaadMilestonesSection *self,
                                   const char             *id)
{
  guint n;

  if (self->milestones == NULL || id == NULL)
    return -1;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->milestones));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) record = milestone_at (self, i);

      if (g_strcmp0 (edaad_record_get_id (record), id) == 0)
        return (int) i;
    }
  return -1;
}

static EdaadRecord *
find_milestone (EdaadMilestonesSection *self,
                const char             *id)
{
  int position = edaad_milestones_section_index_of (self, id);

  return position < 0 ? NULL : milestone_at (self, (guint) position);
}

static const char *
focused_id (EdaadMilestonesSection *self)
{
  GtkListBoxRow *row = edaad_list_box_get_focus_row (self->list);

  return row != NULL ? edaad_section_row_get_id (EDAAD_SECTION_ROW (row)) : NULL;
}

/* ---- progress and the empty state ---- */

static void
update_summary (EdaadMilestonesSection *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *done_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *caption = NULL;
  guint done = 0;
  guint counted = 0;
  double progress;

  if (self->milestones == NULL)
    return;

  records = edaad_record_array_from_model (G_LIST_MODEL (self->milestones));
  for (guint i = 0; i < records->len; i++)
    {
      const char *status = edaad_record_get_string (g_ptr_array_index (records, i), "status");

      if (g_strcmp0 (status, "dropped") == 0)
        continue;
      counted++;
      if (g_strcmp0 (status, "done") == 0)
        done++;
    }

  progress = edaad_plan_progress (records);
  percent = edaad_ui_format_percent (progress);
  gtk_label_set_label (self->progress_label, percent);
  gtk_progress_bar_set_fraction (self->progress_bar, progress / 100.0);
  done_text = edaad_ui_format_count (done);
  total_text = edaad_ui_format_count (counted);
  /* Translators: under the plan's progress bar; "%1$s of %2$s" are counts of milestones */
  caption = g_strdup_printf (ngettext ("%1$s of %2$s milestone done, weighted by importance",
                                       "%1$s of %2$s milestones done, weighted by importance",
                                       counted),
                             done_text, total_text);
  gtk_label_set_label (self->progress_caption, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plan progress"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, percent,
                                  -1);

  gtk_stack_set_visible_child_name (self->list_stack, records->len > 0 ? "rows" : "empty");

  if (progress != self->progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
}

/* ---- edits ---- */

static gboolean
save_copy (EdaadMilestonesSection *self,
           EdaadRecord            *record)
{
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  g_autoptr(GError) error = NULL;

  if (edaad_store_save (store, record, &error))
    return TRUE;
  edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
  return FALSE;
}

void
edaad_milestones_section_set_done (EdaadMilestonesSection *self,
                                   const char             *id,
                                   gboolean                done)
{
  g_autoptr(EdaadRecord) record = find_milestone (self, id);
  g_autoptr(EdaadRecord) copy = NULL;
  g_autofree char *keep_id = g_strdup (id);

  if (record == NULL)
    return;
  if ((g_strcmp0 (edaad_record_get_string (record, "status"), "done") == 0) == done)
    return;

  copy = edaad_record_copy (record);
  if (done)
    {
      g_autofree char *today = edaad_date_today ();

      edaad_record_set_string (copy, "status", "done");
      edaad_record_set_string (copy, "done_on", today);
    }
  else
    {
      edaad_record_set_string (copy, "status", "planned");
      edaad_record_set_value (copy, "done_on", NULL);
    }
  if (save_copy (self, copy))
    edaad_milestones_section_focus_milestone (self, keep_id);
}

void
edaad_milestones_section_delete (EdaadMilestonesSection *self,
                                 const char             *id)
{
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  g_autoptr(EdaadRecord) record = find_milestone (self, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  g_autofree char *keep_id = g_strdup (id);  /* `id` may be a row's, gone with the delete */
  int position;

  if (record == NULL)
    return;
  position = edaad_milestones_section_index_of (self, id);
  title = edaad_record_dup_title (record);

  if (!edaad_store_delete (store, MILESTONE_KIND, id, &error))
    {
      edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
      return;
    }

  escaped = g_markup_escape_text (title, -1);
  /* Translators: a toast after deleting a milestone; %s is its title */
  text = g_strdup_printf (_("Milestone “%s” deleted"), escaped);
  toast = edaad_undo_toast_new_for_delete (store, MILESTONE_KIND, keep_id, text);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  /* Keep the keyboard where it was: on the next row, or the last one. */
  if (self->milestones != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->milestones)) > 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->milestones));
      g_autoptr(EdaadRecord) next = milestone_at (self, MIN ((guint) position, n - 1));

      edaad_milestones_section_focus_milestone (self, edaad_record_get_id (next));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_row));

  edaad_plan_section_toast (EDAAD_PLAN_SECTION (self), toast);
}

/* ---- rows (edaad-milestones-section-rows.c) ---- */

static void
on_row_activated (GtkListBox             *list,
                  GtkListBoxRow          *row,
                  EdaadMilestonesSection *self)
{
  edaad_milestones_section_edit (self, edaad_section_row_get_id (EDAAD_SECTION_ROW (row)));
}

static void
on_items_changed (GListModel             *model,
                  guint                   position,
                  guint                   removed,
                  guint                   added,
                  EdaadMilestonesSection *self)
{
  gboolean replacing = edaad_record_list_is_replacing (EDAAD_RECORD_LIST (model));

  /* Rows are updated in place when the plan changes; see edaad_section_row_sync(). */
  g_free (self->today);
  self->today = edaad_date_today ();
  edaad_section_row_sync (self->list, model, position, removed, added, replacing,
                          edaad_milestones_section_create_row, edaad_milestones_section_update_row,
                          self);
  if (!replacing)
    update_summary (self);
}

/* ---- the edit form ---- */

static void
on_form_entry_activated (EdaadMilestonesSection *self,
                         AdwEntryRow            *row)
{
  edaad_milestones_section_save_form (self);
}

/* ---- actions ---- */

static void
show_list (EdaadMilestonesSection *self)
{
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  g_autofree char *id = g_steal_pointer (&self->editing_id);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.cancel-edit", FALSE);
  if (plan_id == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
  if (id != NULL)
    edaad_milestones_section_focus_milestone (self, id);
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (widget);
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));

  if (plan_id == NULL)
    return;
  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
action_edit (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (widget);
  const char *id = focused_id (self);

  if (id != NULL)
    edaad_milestones_section_edit (self, id);
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (widget);
  g_autofree char *id = g_strdup (focused_id (self));

  if (id != NULL)
    edaad_milestones_section_delete (self, id);
}

static void
action_toggle_done (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (widget);
  g_autofree char *id = g_strdup (focused_id (self));
  g_autoptr(EdaadRecord) record = find_milestone (self, id);

  if (record != NULL)
    edaad_milestones_section_set_done (self, id, g_strcmp0 (edaad_record_get_string (record, "status"), "done") != 0);
}

static void
action_move (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (widget);
  g_autofree char *id = g_strdup (focused_id (self));
  int from = edaad_milestones_section_index_of (self, id);

  if (from < 0)
    return;
  if (g_str_equal (action_name, "milestones.move-up"))
    {
      if (from > 0)
        edaad_milestones_section_move (self, id, from - 1);
    }
  else
    edaad_milestones_section_move (self, id, from + 1);
}
static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  edaad_milestones_section_save_form (EDAAD_MILESTONES_SECTION (widget));
}

static void
action_cancel_edit (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_list (EDAAD_MILESTONES_SECTION (widget));
}

static void
on_add_apply (AdwEntryRow            *row,
              EdaadMilestonesSection *self)
{
  g_autofree char *title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (edaad_milestones_section_add (self, title))
    gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_add_changed (GtkEditable            *editable,
                EdaadMilestonesSection *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->add_message), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_row), "error");
}

/* ---- public ---- */

GtkWidget *
edaad_milestones_section_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);

  return g_object_new (EDAAD_TYPE_MILESTONES_SECTION, "store", store, NULL);
}



double
edaad_milestones_section_get_progress (EdaadMilestonesSection *self)
{
  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), 0.0);

  return self->progress;
}

GListModel *
edaad_milestones_section_get_model (EdaadMilestonesSection *self)
{
  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), NULL);

  return G_LIST_MODEL (self->milestones);
}

gboolean
edaad_milestones_section_focus_milestone (EdaadMilestonesSection *self,
                                          const char             *id)
{
  GtkListBoxRow *row;
  int position;

  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), FALSE);

  position = edaad_milestones_section_index_of (self, id);
  if (position < 0)
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->list, position);
  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}

gboolean
edaad_milestones_section_add (EdaadMilestonesSection *self,
                              const char             *title)
{
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  EdaadStore *store;
  const char *plan_id;
  gint64 position = 0;
  guint n;

  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), FALSE);
  store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  g_return_val_if_fail (plan_id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->milestones));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) other = milestone_at (self, i);

      position = MAX (position, edaad_record_get_int (other, "position") + 1);
    }

  stripped = g_strstrip (g_strdup (title != NULL ? title : ""));
  record = edaad_record_new_for_kind (MILESTONE_KIND);
  edaad_record_set_string (record, "plan_id", plan_id);
  edaad_record_set_string (record, "title", stripped);
  edaad_record_set_string (record, "status", "planned");
  edaad_record_set_int (record, "position", position);

  if (!edaad_validate_field (record, "title", &error) || !edaad_store_save (store, record, &error))
    {
      gtk_label_set_label (self->add_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->add_message), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->add_row), "error");
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->add_message), FALSE);
  return TRUE;
}

void
edaad_milestones_section_edit (EdaadMilestonesSection *self,
                               const char             *id)
{
  g_autoptr(EdaadRecord) record = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (EDAAD_IS_MILESTONES_SECTION (self));

  record = find_milestone (self, id);
  if (record == NULL)
    return;

  g_free (self->editing_id);
  self->editing_id = g_strdup (id);
  edaad_record_form_load (self->form, record);
  title = edaad_record_dup_title (record);
  gtk_label_set_label (self->form_heading, title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.save", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.cancel-edit", TRUE);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (edaad_record_form_get_first_row (self->form));
}

GtkWidget *
edaad_milestones_section_get_form_widget (EdaadMilestonesSection *self,
                                          const char             *field)
{
  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), NULL);

  return edaad_record_form_get_row (self->form, field);
}

GtkLabel *
edaad_milestones_section_get_form_message (EdaadMilestonesSection *self,
                                           const char             *field)
{
  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), NULL);

  return edaad_record_form_get_message (self->form, field);
}

gboolean
edaad_milestones_section_save_form (EdaadMilestonesSection *self)
{
  g_autoptr(EdaadRecord) stored = NULL;
  g_autoptr(EdaadRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  EdaadStore *store;

  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), FALSE);
  store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));

  if (self->editing_id == NULL)
    return FALSE;
  stored = edaad_store_get (store, MILESTONE_KIND, self->editing_id, &error);
  if (stored == NULL || edaad_record_get_deleted (stored))
    {
      edaad_record_form_set_message (self->form, _("This milestone no longer exists."));
      return FALSE;
    }

  copy = edaad_record_copy (stored);
  if (!edaad_record_form_read (self->form, copy))
    return FALSE;

  if (!edaad_store_save (store, copy, &error))
    {
      edaad_record_form_set_message (self->form, error->message);
      return FALSE;
    }
  show_list (self);
  return TRUE;
}

const char *
edaad_milestones_section_get_add_message (EdaadMilestonesSection *self)
{
  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->add_message)) ? gtk_label_get_label (self->add_message) : "";
}

/* ---- GObject ---- */

static void
edaad_milestones_section_dispose (GObject *object)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (object);

  if (self->milestones != NULL)
    g_signal_handlers_disconnect_by_data (self->milestones, self);
  g_clear_object (&self->milestones);

  G_OBJECT_CLASS (edaad_milestones_section_parent_class)->dispose (object);
}

static void
edaad_milestones_section_finalize (GObject *object)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (object);

  g_free (self->editing_id);
  g_free (self->today);
  g_clear_pointer (&self->form, edaad_record_form_free);

  G_OBJECT_CLASS (edaad_milestones_section_parent_class)->finalize (object);
}

static void
edaad_milestones_section_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_milestones_section_plan_changed (EdaadPlanSection *section,
                                       const char       *plan_id)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (section);

  g_clear_pointer (&self->editing_id, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  on_add_changed (GTK_EDITABLE (self->add_row), self);

  if (plan_id == NULL)
    {
      if (self->milestones != NULL)
        g_signal_handlers_disconnect_by_data (self->milestones, self);
      g_clear_object (&self->milestones);
      edaad_section_row_clear (self->list);
    }
  else if (self->milestones == NULL)
    {
      guint n;

      self->milestones = edaad_record_list_new (edaad_plan_section_get_store (section), MILESTONE_KIND);
      edaad_record_list_set_sort (self->milestones, "position", FALSE);
      edaad_record_list_set_equals (self->milestones, "plan_id", plan_id);
      g_signal_connect (self->milestones, "items-changed", G_CALLBACK (on_items_changed), self);
      n = g_list_model_get_n_items (G_LIST_MODEL (self->milestones));
      on_items_changed (G_LIST_MODEL (self->milestones), 0, 0, n, self);
    }
  else
    /* The rows follow through ::items-changed, updated in place. */
    edaad_record_list_set_equals (self->milestones, "plan_id", plan_id);

  update_summary (self);
  show_list (self);
}

static void
edaad_milestones_section_class_init (EdaadMilestonesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdaadPlanSectionClass *section_class = EDAAD_PLAN_SECTION_CLASS (klass);

  object_class->dispose = edaad_milestones_section_dispose;
  object_class->finalize = edaad_milestones_section_finalize;
  object_class->get_property = edaad_milestones_section_get_property;
  section_class->plan_changed = edaad_milestones_section_plan_changed;

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 100.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/edaad-milestones-section.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, progress_caption);
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, add_row);
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, add_message);
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, list_stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, list);
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, form_heading);
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, form_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadMilestonesSection, form_status);

  gtk_widget_class_install_action (widget_class, "milestones.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "milestones.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "milestones.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "milestones.toggle-done", NULL, action_toggle_done);
  gtk_widget_class_install_action (widget_class, "milestones.move-up", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "milestones.move-down", NULL, action_move);
  gtk_widget_class_install_action (widget_class, "milestones.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "milestones.cancel-edit", NULL, action_cancel_edit);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "milestones.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "milestones.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "milestones.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "milestones.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "milestones.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "milestones.toggle-done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "milestones.cancel-edit", NULL);
}

static void
edaad_milestones_section_init (EdaadMilestonesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self, 0);
  self->form = edaad_record_form_new (MILESTONE_KIND, form_layout, G_N_ELEMENTS (form_layout),
                                      EDAAD_RECORD_FORM_DATE_HINT, self->form_list, self->form_status,
                                      G_CALLBACK (on_form_entry_activated), self);
  g_signal_connect_object (self->add_row, "apply", G_CALLBACK (on_add_apply), self, 0);
  g_signal_connect_object (self->add_row, "entry-activated", G_CALLBACK (on_add_apply), self, 0);
  g_signal_connect_object (self->add_row, "changed", G_CALLBACK (on_add_changed), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.cancel-edit", FALSE);
}
