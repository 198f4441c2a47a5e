/* edaad-milestones-section-rows.c — a milestone's row in the section: its done box, title,
 * due date, status and weight, its red/amber/green light and its delete button.
 *
 * Rows are EdaadSectionRows made once and given another milestone in place
 * (edaad_section_row_sync()): what does not change from one milestone to the next is made
 * in create_row, what does is set in update_row, touching only what differs.
 */
#define G_LOG_DOMAIN "edaad-milestones-section"

#include "config.h"

#include "edaad-milestones-section-private.h"

#include "edaad-plan-metrics.h"
#include "edaad-section-row.h"
#include "edaad-tooltip.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

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
  g_ptr_array_add (parts, g_strdup (edaad_ui_enum_label (MILESTONE_KIND, "status", status != NULL ? status : "planned")));
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
  edaad_milestones_section_set_done (self, row_id (GTK_WIDGET (check)), gtk_check_button_get_active (check));
}

static void
on_delete_clicked (GtkButton              *button,
                   EdaadMilestonesSection *self)
{
  g_autofree char *id = g_strdup (row_id (GTK_WIDGET (button)));

  edaad_milestones_section_delete (self, id);
}

/* A row without a record: what does not change from one milestone to the next. */
GtkWidget *
edaad_milestones_section_create_row (gpointer user_data)
{
  EdaadMilestonesSection *self = user_data;
  GtkWidget *row = edaad_section_row_new ();
  RowParts *parts = g_new0 (RowParts, 1);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

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

  edaad_milestones_section_add_drag (self, row);

  g_object_set_data_full (G_OBJECT (row), ROW_PARTS_KEY, parts, g_free);
  return row;
}

/* Shows `record` in `row`, changing only what differs from what it showed. */
void
edaad_milestones_section_update_row (GtkWidget *row,
                                     gpointer   item,
                                     gpointer   user_data)
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
