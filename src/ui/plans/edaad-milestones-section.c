/* edaad-milestones-section.c — a plan's milestones: ordered, added, edited, reordered, done.
 *
 * The rows come from an EdaadRecordList (the plan's milestones by position) and follow it
 * whenever the store changes, so every widget here only ever shows the store.  They are
 * light EdaadSectionRows, given the new records in place when the plan or a milestone
 * changes: showing another plan of 200 milestones makes no widget.
 * Edits go through a form page inside the section; reordering renumbers the milestones
 * whose position changes in one store batch.
 */
#define G_LOG_DOMAIN "edaad-milestones-section"

#include "config.h"

#include "edaad-milestones-section.h"

#include "edaad-date.h"
#include "edaad-list-box-focus.h"
#include "edaad-plan-metrics.h"
#include "edaad-record-array.h"
#include "edaad-record-form.h"
#include "edaad-record-list.h"
#include "edaad-section-row.h"
#include "edaad-tooltip.h"
#include "edaad-ui-format.h"
#include "edaad-undo-toast.h"
#include "edaad-validate.h"

#include <glib/gi18n-lib.h>

#define KIND "milestone"

/* The fields of the edit form, in order. */
static const EdaadFormLayout form_layout[] = {
  { "title", EDAAD_FORM_INPUT_TEXT },
  { "due_on", EDAAD_FORM_INPUT_DATE },
  { "baseline_due_on", EDAAD_FORM_INPUT_DATE },
  { "status", EDAAD_FORM_INPUT_ENUM },
  { "weight", EDAAD_FORM_INPUT_COUNT },
};

struct _EdaadMilestonesSection
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_caption;
  AdwEntryRow *add_row;
  GtkLabel *add_message;
  GtkStack *list_stack;
  GtkListBox *list;
  GtkLabel *form_heading;
  GtkListBox *form_list;
  GtkLabel *form_status;

  EdaadStore *store;
  EdaadRecordList *milestones;
  char *plan_id;
  double progress;
  EdaadRecordForm *form;
  char *editing_id;   /* the milestone in the form, NULL when the list is shown */
  char *today;        /* the day the rows' RAG lights were judged on */
};

G_DEFINE_FINAL_TYPE (EdaadMilestonesSection, edaad_milestones_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN_ID,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- finding milestones ---- */

static EdaadRecord *
milestone_at (EdaadMilestonesSection *self,
              guint                   position)
{
  if (self->milestones == NULL)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->milestones), position);
}

/* The position of milestone `id` in the list, or -1. */
static int
index_of (EdaadMilestonesSection *self,
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
  int position = index_of (self, id);

  return position < 0 ? NULL : milestone_at (self, (guint) position);
}

static const char *
focused_id (EdaadMilestonesSection *self)
{
  GtkListBoxRow *row = edaad_list_box_get_focus_row (self->list);

  return row != NULL ? edaad_section_row_get_id (EDAAD_SECTION_ROW (row)) : NULL;
}

static void
emit_toast (EdaadMilestonesSection *self,
            const char             *title)
{
  g_autoptr(AdwToast) toast = edaad_message_toast_new (title);

  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
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
  g_autoptr(GError) error = NULL;

  if (edaad_store_save (self->store, record, &error))
    return TRUE;
  emit_toast (self, error->message);
  return FALSE;
}

static void
set_done (EdaadMilestonesSection *self,
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

static void
delete_milestone (EdaadMilestonesSection *self,
                  const char             *id)
{
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
  position = index_of (self, id);
  title = edaad_record_dup_title (record);

  if (!edaad_store_delete (self->store, KIND, id, &error))
    {
      emit_toast (self, error->message);
      return;
    }

  escaped = g_markup_escape_text (title, -1);
  /* Translators: a toast after deleting a milestone; %s is its title */
  text = g_strdup_printf (_("Milestone “%s” deleted"), escaped);
  toast = edaad_undo_toast_new_for_delete (self->store, KIND, keep_id, text);
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

  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
}

static gboolean
renumber_batch (EdaadStore *store,
                gpointer    user_data,
                GError    **error)
{
  GPtrArray *order = user_data;

  for (guint i = 0; i < order->len; i++)
    {
      EdaadRecord *record = g_ptr_array_index (order, i);
      g_autoptr(EdaadRecord) copy = NULL;

      if (edaad_record_get_int (record, "position") == (gint64) i)
        continue;
      copy = edaad_record_copy (record);
      edaad_record_set_int (copy, "position", i);
      if (!edaad_store_save (store, copy, error))
        return FALSE;
    }
  return TRUE;
}

/* Moves milestone `id` to `to` in the order, renumbering (in one transaction) every
 * milestone whose position changes. */
static gboolean
move_milestone (EdaadMilestonesSection *self,
                const char             *id,
                guint                   to)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep_id = g_strdup (id);
  gpointer moved;
  int from = index_of (self, id);

  if (from < 0)
    return FALSE;
  order = edaad_record_array_from_model (G_LIST_MODEL (self->milestones));
  to = MIN (to, order->len - 1);
  if ((guint) from == to)
    return FALSE;

  moved = g_ptr_array_steal_index (order, from);
  g_ptr_array_insert (order, to, moved);
  if (!edaad_store_run_batch (self->store, renumber_batch, order, &error))
    {
      emit_toast (self, error->message);
      return FALSE;
    }
  edaad_milestones_section_focus_milestone (self, keep_id);
  return TRUE;
}

/* ---- rows ---- */

static const char *
rag_style (EdaadRag rag)
{
  switch (rag)
    {
    case EDAAD_RAG_GREEN: return "success";
    case EDAAD_RAG_AMBER: return "warning";
    case EDAAD_RAG_RED: return "error";
    case EDAAD_RAG_DONE: return "accent";
    case EDAAD_RAG_NONE:
    default: return "dim-label";
    }
}

static char *
row_subtitle (EdaadRecord *record)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *due = edaad_ui_format_date (edaad_record_get_string (record, "due_on"));
  g_autofree char *done_on = edaad_ui_format_date (edaad_record_get_string (record, "done_on"));
  const char *status = edaad_record_get_string (record, "status");
  gint64 weight = edaad_record_has_value (record, "weight") ? edaad_record_get_int (record, "weight") : 1;
  g_autofree char *weight_text = edaad_ui_format_count (weight);

  if (done_on != NULL)
    /* Translators: a milestone's completion date in its row */
    g_ptr_array_add (parts, g_strdup_printf (_("Done %s"), done_on));
  else if (due != NULL)
    /* Translators: a milestone's due date in its row */
    g_ptr_array_add (parts, g_strdup_printf (_("Due %s"), due));
  else
    g_ptr_array_add (parts, g_strdup (_("No due date")));
  g_ptr_array_add (parts, g_strdup (edaad_ui_enum_label (KIND, "status", status != NULL ? status : "planned")));
  /* Translators: a milestone's weight toward the plan's progress, in its row */
  g_ptr_array_add (parts, g_strdup_printf (_("Weight %s"), weight_text));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the facts in a milestone's row; in Arabic prefer
   * "، " (a middle dot beside Arabic digits reads as a zero) */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* The widgets of a row that show its record, kept to update it in place. */
typedef struct
{
  GtkCheckButton *check;
  gulong check_handler;
  GtkWidget *dot;
  const char *dot_style;   /* the dot's current style class (static), or NULL */
} RowParts;

#define ROW_PARTS_KEY "edaad-milestone-row"

static const char *
row_id (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, EDAAD_TYPE_SECTION_ROW);

  return row != NULL ? edaad_section_row_get_id (EDAAD_SECTION_ROW (row)) : NULL;
}

static void
on_check_toggled (GtkCheckButton         *check,
                  EdaadMilestonesSection *self)
{
  set_done (self, row_id (GTK_WIDGET (check)), gtk_check_button_get_active (check));
}

static void
on_delete_clicked (GtkButton              *button,
                   EdaadMilestonesSection *self)
{
  g_autofree char *id = g_strdup (row_id (GTK_WIDGET (button)));

  delete_milestone (self, id);
}

static void
on_row_activated (GtkListBox             *list,
                  GtkListBoxRow          *row,
                  EdaadMilestonesSection *self)
{
  edaad_milestones_section_edit (self, row_id (GTK_WIDGET (row)));
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  return gdk_content_provider_new_typed (G_TYPE_STRING, row_id (row));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop (GtkDropTarget          *target,
         const GValue           *value,
         double                  x,
         double                  y,
         EdaadMilestonesSection *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_autofree char *id = g_strdup (g_value_get_string (value));
  int to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (id == NULL || to < 0 || index_of (self, id) < 0)
    return FALSE;
  move_milestone (self, id, (guint) to);
  return TRUE;
}

/* A row without a record: what does not change from one milestone to the next. */
static GtkWidget *
create_row (gpointer user_data)
{
  EdaadMilestonesSection *self = user_data;
  GtkWidget *row = edaad_section_row_new ();
  RowParts *parts = g_new0 (RowParts, 1);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  edaad_widget_set_tooltip (row, _("Edit the milestone (Enter); move it with Alt+Up and Alt+Down"));

  parts->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (parts->check), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
  parts->check_handler = g_signal_connect_object (parts->check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
  edaad_section_row_add_prefix (EDAAD_SECTION_ROW (row), GTK_WIDGET (parts->check));

  parts->dot = gtk_label_new ("●");
  edaad_section_row_add_suffix (EDAAD_SECTION_ROW (row), parts->dot);

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  edaad_widget_set_tooltip (delete, _("Delete Milestone"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Milestone"), -1);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked), self, 0);
  edaad_section_row_add_suffix (EDAAD_SECTION_ROW (row), delete);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), NULL);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  g_object_set_data_full (G_OBJECT (row), ROW_PARTS_KEY, parts, g_free);
  return row;
}

/* Shows `record` in `row`, changing only what differs from what it showed. */
static void
update_row (GtkWidget   *row,
            gpointer     item,
            gpointer     user_data)
{
  EdaadMilestonesSection *self = user_data;
  EdaadRecord *record = item;
  RowParts *parts = g_object_get_data (G_OBJECT (row), ROW_PARTS_KEY);
  g_autofree char *title = edaad_record_dup_title (record);
  g_autofree char *subtitle = row_subtitle (record);
  g_autofree char *rag_text = NULL;
  EdaadRag rag = edaad_milestone_rag (record, self->today);
  const char *style = rag_style (rag);
  gboolean done = g_strcmp0 (edaad_record_get_string (record, "status"), "done") == 0;

  edaad_section_row_set_id (EDAAD_SECTION_ROW (row), edaad_record_get_id (record));
  edaad_section_row_set_title (EDAAD_SECTION_ROW (row), title);
  edaad_section_row_set_subtitle (EDAAD_SECTION_ROW (row), subtitle);

  /* Showing the state is not the user ticking the box. */
  g_signal_handler_block (parts->check, parts->check_handler);
  gtk_check_button_set_active (parts->check, done);
  g_signal_handler_unblock (parts->check, parts->check_handler);
  edaad_widget_set_tooltip (GTK_WIDGET (parts->check), done ? _("Mark as not done") : _("Mark as done"));

  if (style != parts->dot_style)
    {
      if (parts->dot_style != NULL)
        gtk_widget_remove_css_class (parts->dot, parts->dot_style);
      gtk_widget_add_css_class (parts->dot, style);
      parts->dot_style = style;
    }
  /* Translators: the accessible text of a milestone's red/amber/green light; %s is "Red"… */
  rag_text = g_strdup_printf (_("Status light: %s"), edaad_rag_get_label (rag));
  edaad_widget_set_tooltip (parts->dot, rag_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->dot), GTK_ACCESSIBLE_PROPERTY_LABEL, rag_text, -1);
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
                          create_row, update_row, self);
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
  g_autofree char *id = g_steal_pointer (&self->editing_id);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.cancel-edit", FALSE);
  if (self->plan_id == NULL)
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

  if (self->plan_id == NULL)
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
    delete_milestone (self, id);
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
    set_done (self, id, g_strcmp0 (edaad_record_get_string (record, "status"), "done") != 0);
}

static void
action_move (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (widget);
  g_autofree char *id = g_strdup (focused_id (self));
  int from = index_of (self, id);

  if (from < 0)
    return;
  if (g_str_equal (action_name, "milestones.move-up"))
    {
      if (from > 0)
        move_milestone (self, id, from - 1);
    }
  else
    move_milestone (self, id, from + 1);
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

void
edaad_milestones_section_set_plan (EdaadMilestonesSection *self,
                                   const char             *plan_id)
{
  g_return_if_fail (EDAAD_IS_MILESTONES_SECTION (self));

  if (g_strcmp0 (plan_id, self->plan_id) == 0)
    return;

  g_free (self->plan_id);
  self->plan_id = g_strdup (plan_id);
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

      self->milestones = edaad_record_list_new (self->store, KIND);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
}

const char *
edaad_milestones_section_get_plan_id (EdaadMilestonesSection *self)
{
  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), NULL);

  return self->plan_id;
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

  position = index_of (self, id);
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
  gint64 position = 0;
  guint n;

  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), FALSE);
  g_return_val_if_fail (self->plan_id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->milestones));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) other = milestone_at (self, i);

      position = MAX (position, edaad_record_get_int (other, "position") + 1);
    }

  stripped = g_strstrip (g_strdup (title != NULL ? title : ""));
  record = edaad_record_new_for_kind (KIND);
  edaad_record_set_string (record, "plan_id", self->plan_id);
  edaad_record_set_string (record, "title", stripped);
  edaad_record_set_string (record, "status", "planned");
  edaad_record_set_int (record, "position", position);

  if (!edaad_validate_field (record, "title", &error) || !edaad_store_save (self->store, record, &error))
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

  g_return_val_if_fail (EDAAD_IS_MILESTONES_SECTION (self), FALSE);

  if (self->editing_id == NULL)
    return FALSE;
  stored = edaad_store_get (self->store, KIND, self->editing_id, &error);
  if (stored == NULL || edaad_record_get_deleted (stored))
    {
      edaad_record_form_set_message (self->form, _("This milestone no longer exists."));
      return FALSE;
    }

  copy = edaad_record_copy (stored);
  if (!edaad_record_form_read (self->form, copy))
    return FALSE;

  if (!edaad_store_save (self->store, copy, &error))
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
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_MILESTONES_SECTION);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (edaad_milestones_section_parent_class)->dispose (object);
}

static void
edaad_milestones_section_finalize (GObject *object)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (object);

  g_free (self->plan_id);
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
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLAN_ID:
      g_value_set_string (value, self->plan_id);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_milestones_section_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  EdaadMilestonesSection *self = EDAAD_MILESTONES_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PLAN_ID:
      edaad_milestones_section_set_plan (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_milestones_section_class_init (EdaadMilestonesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = edaad_milestones_section_dispose;
  object_class->finalize = edaad_milestones_section_finalize;
  object_class->get_property = edaad_milestones_section_get_property;
  object_class->set_property = edaad_milestones_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_ID] =
    g_param_spec_string ("plan-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 100.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

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
  self->form = edaad_record_form_new (KIND, form_layout, G_N_ELEMENTS (form_layout),
                                      EDAAD_RECORD_FORM_DATE_HINT, self->form_list, self->form_status,
                                      G_CALLBACK (on_form_entry_activated), self);
  g_signal_connect_object (self->add_row, "apply", G_CALLBACK (on_add_apply), self, 0);
  g_signal_connect_object (self->add_row, "entry-activated", G_CALLBACK (on_add_apply), self, 0);
  g_signal_connect_object (self->add_row, "changed", G_CALLBACK (on_add_changed), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.cancel-edit", FALSE);
}
