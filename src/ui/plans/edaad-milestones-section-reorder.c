/* edaad-milestones-section-reorder.c — moving a plan's milestones: a row dragged onto
 * another, or Alt+Up and Alt+Down on the focused row (the section's move actions).  The
 * order is the milestones' `position`; a move renumbers, in one store batch, only the
 * milestones whose position changes, and the rows follow the store.
 */
#define G_LOG_DOMAIN "edaad-milestones-section"

#include "config.h"

#include "edaad-milestones-section-private.h"

#include "edaad-record-array.h"
#include "edaad-section-row.h"

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

gboolean
edaad_milestones_section_move (EdaadMilestonesSection *self,
                               const char             *id,
                               guint                   to)
{
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep_id = g_strdup (id);
  gpointer moved;
  int from = edaad_milestones_section_index_of (self, id);

  if (from < 0)
    return FALSE;
  order = edaad_record_array_from_model (G_LIST_MODEL (self->milestones));
  to = MIN (to, order->len - 1);
  if ((guint) from == to)
    return FALSE;

  moved = g_ptr_array_steal_index (order, from);
  g_ptr_array_insert (order, to, moved);
  if (!edaad_store_run_batch (store, renumber_batch, order, &error))
    {
      edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
      return FALSE;
    }
  edaad_milestones_section_focus_milestone (self, keep_id);
  return TRUE;
}

/* ---- drag and drop ---- */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  const char *id = edaad_section_row_get_id (EDAAD_SECTION_ROW (row));

  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
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

  if (id == NULL || to < 0 || edaad_milestones_section_index_of (self, id) < 0)
    return FALSE;
  edaad_milestones_section_move (self, id, (guint) to);
  return TRUE;
}

void
edaad_milestones_section_add_drag (EdaadMilestonesSection *self,
                                   GtkWidget              *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), NULL);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}
