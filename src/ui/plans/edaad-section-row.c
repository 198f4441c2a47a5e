/* edaad-section-row.c — a light list row for a plan's sections, updated in place.
 *
 * AdwActionRow builds each row from a template with property bindings and expressions, and
 * wraps its labels, which makes GTK shape their text again for every width it tries: with
 * a few hundred rows that was most of the time to show a plan.  This row has the same CSS
 * nodes (row > box.header > box.prefixes, box.title > label.title + label.subtitle,
 * box.suffixes), made by hand, and its title and subtitle are EdaadRowLabels: one line
 * each, laid out only when drawn on screen.
 */
#define G_LOG_DOMAIN "edaad-section-row"

#include "config.h"

#include "edaad-section-row.h"

#include "edaad-row-label.h"

struct _EdaadSectionRow
{
  GtkListBoxRow parent_instance;

  GtkWidget *header;
  GtkWidget *prefixes;
  GtkWidget *suffixes;
  EdaadRowLabel *title;
  EdaadRowLabel *subtitle;
  char *id;
  GtkAdjustment *watched;   /* while the row waits to come into view (see snapshot) */
  gulong value_handler;
  gulong changed_handler;
};

G_DEFINE_FINAL_TYPE (EdaadSectionRow, edaad_section_row, GTK_TYPE_LIST_BOX_ROW)

static EdaadRowLabel *
new_label (const char *css_class)
{
  GtkWidget *label = edaad_row_label_new ();

  gtk_widget_add_css_class (label, css_class);
  return EDAAD_ROW_LABEL (label);
}

static GtkWidget *
new_box (GtkOrientation  orientation,
         const char     *css_class)
{
  GtkWidget *box = gtk_box_new (orientation, 0);

  gtk_widget_add_css_class (box, css_class);
  return box;
}

static void
unwatch (EdaadSectionRow *self)
{
  if (self->watched == NULL)
    return;
  g_clear_signal_handler (&self->value_handler, self->watched);
  g_clear_signal_handler (&self->changed_handler, self->watched);
  g_clear_object (&self->watched);
}

/* Whether the row lies within a page of the visible part of its scrolled window (TRUE
 * outside of one); `adjustment` is then the window's vertical adjustment. */
static gboolean
in_view (EdaadSectionRow *self,
         GtkAdjustment   **adjustment)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;
  float page;

  *adjustment = NULL;
  if (viewport == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (self), viewport, &bounds))
    return TRUE;
  *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  page = gtk_widget_get_height (viewport);
  return bounds.origin.y + bounds.size.height >= -page && bounds.origin.y <= 2 * page;
}

/* The viewport places its child anew only in the next frame's layout: the row checks
 * whether it came near in the snapshot that follows. */
static void
on_adjustment_changed (EdaadSectionRow *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch (EdaadSectionRow *self,
       GtkAdjustment   *adjustment)
{
  if (self->watched == adjustment)
    return;
  unwatch (self);
  if (adjustment == NULL)
    return;
  self->watched = g_object_ref (adjustment);
  self->value_handler = g_signal_connect_swapped (adjustment, "value-changed",
                                                  G_CALLBACK (on_adjustment_changed), self);
  self->changed_handler = g_signal_connect_swapped (adjustment, "changed",
                                                    G_CALLBACK (on_adjustment_changed), self);
}

/* A row far from the visible part of its list draws only its background: a plan's few
 * hundred rows would otherwise all be laid out, drawn and rendered on every change, most
 * of them off screen.  It watches the scrolled window's vertical adjustment and asks to be
 * drawn again when the view scrolls or changes size, to look again; changes to the rows
 * themselves (another plan, an edit) redraw them anyway. */
static void
edaad_section_row_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  EdaadSectionRow *self = EDAAD_SECTION_ROW (widget);
  GtkAdjustment *adjustment;

  if (!in_view (self, &adjustment))
    {
      watch (self, adjustment);
      return;
    }
  unwatch (self);
  GTK_WIDGET_CLASS (edaad_section_row_parent_class)->snapshot (widget, snapshot);
}

static void
edaad_section_row_dispose (GObject *object)
{
  unwatch (EDAAD_SECTION_ROW (object));

  G_OBJECT_CLASS (edaad_section_row_parent_class)->dispose (object);
}

static void
edaad_section_row_finalize (GObject *object)
{
  EdaadSectionRow *self = EDAAD_SECTION_ROW (object);

  g_free (self->id);

  G_OBJECT_CLASS (edaad_section_row_parent_class)->finalize (object);
}

static void
edaad_section_row_class_init (EdaadSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = edaad_section_row_dispose;
  object_class->finalize = edaad_section_row_finalize;
  widget_class->snapshot = edaad_section_row_snapshot;
}

static void
edaad_section_row_init (EdaadSectionRow *self)
{
  GtkWidget *title_box = new_box (GTK_ORIENTATION_VERTICAL, "title");

  self->header = new_box (GTK_ORIENTATION_HORIZONTAL, "header");
  gtk_widget_set_valign (self->header, GTK_ALIGN_CENTER);
  self->prefixes = new_box (GTK_ORIENTATION_HORIZONTAL, "prefixes");
  gtk_widget_set_visible (self->prefixes, FALSE);
  self->suffixes = new_box (GTK_ORIENTATION_HORIZONTAL, "suffixes");
  gtk_widget_set_visible (self->suffixes, FALSE);
  self->title = new_label ("title");
  self->subtitle = new_label ("subtitle");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), FALSE);

  gtk_widget_set_valign (title_box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (title_box, TRUE);
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (self->subtitle));
  gtk_box_append (GTK_BOX (self->header), self->prefixes);
  gtk_box_append (GTK_BOX (self->header), title_box);
  gtk_box_append (GTK_BOX (self->header), self->suffixes);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->header);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle, NULL,
                                  -1);
}

GtkWidget *
edaad_section_row_new (void)
{
  return g_object_new (EDAAD_TYPE_SECTION_ROW, NULL);
}

const char *
edaad_section_row_get_id (EdaadSectionRow *self)
{
  g_return_val_if_fail (EDAAD_IS_SECTION_ROW (self), NULL);

  return self->id;
}

void
edaad_section_row_set_id (EdaadSectionRow *self,
                          const char      *id)
{
  g_return_if_fail (EDAAD_IS_SECTION_ROW (self));

  if (g_strcmp0 (id, self->id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
}

const char *
edaad_section_row_get_title (EdaadSectionRow *self)
{
  g_return_val_if_fail (EDAAD_IS_SECTION_ROW (self), NULL);

  return edaad_row_label_get_text (self->title);
}

void
edaad_section_row_set_title (EdaadSectionRow *self,
                             const char      *title)
{
  g_return_if_fail (EDAAD_IS_SECTION_ROW (self));

  edaad_row_label_set_text (self->title, title);
}

const char *
edaad_section_row_get_subtitle (EdaadSectionRow *self)
{
  g_return_val_if_fail (EDAAD_IS_SECTION_ROW (self), NULL);

  return edaad_row_label_get_text (self->subtitle);
}

void
edaad_section_row_set_subtitle (EdaadSectionRow *self,
                                const char      *subtitle)
{
  g_return_if_fail (EDAAD_IS_SECTION_ROW (self));

  edaad_row_label_set_text (self->subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), subtitle != NULL && subtitle[0] != '\0');
}

void
edaad_section_row_add_prefix (EdaadSectionRow *self,
                              GtkWidget       *widget)
{
  g_return_if_fail (EDAAD_IS_SECTION_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->prefixes), widget);
  gtk_widget_set_visible (self->prefixes, TRUE);
}

void
edaad_section_row_add_suffix (EdaadSectionRow *self,
                              GtkWidget       *widget)
{
  g_return_if_fail (EDAAD_IS_SECTION_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->suffixes), widget);
  gtk_widget_set_visible (self->suffixes, TRUE);
}

EdaadSectionRow *
edaad_section_row_find (GtkListBox *list,
                        const char *id)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  if (id == NULL)
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (EDAAD_IS_SECTION_ROW (child) && g_strcmp0 (EDAAD_SECTION_ROW (child)->id, id) == 0)
      return EDAAD_SECTION_ROW (child);
  return NULL;
}

/* Rows removed by the first half of a replacement, kept for the second (see sync). */
typedef struct
{
  guint position;
  guint n_rows;
} Pending;

#define PENDING_KEY "edaad-section-row-pending"

static void
remove_rows (GtkListBox *list,
             guint       position,
             guint       n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    gtk_list_box_remove (list, GTK_WIDGET (gtk_list_box_get_row_at_index (list, position)));
}

void
edaad_section_row_sync (GtkListBox            *list,
                        GListModel            *model,
                        guint                  position,
                        guint                  removed,
                        guint                  added,
                        gboolean               replacing,
                        EdaadSectionRowCreate  create,
                        EdaadSectionRowUpdate  update,
                        gpointer               user_data)
{
  Pending *pending;
  guint common;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (G_IS_LIST_MODEL (model));

  pending = g_object_get_data (G_OBJECT (list), PENDING_KEY);
  if (pending != NULL)
    {
      /* The insertion that ends a replacement takes the rows its removal left. */
      if (removed == 0 && position == pending->position)
        removed = pending->n_rows;
      else
        remove_rows (list, pending->position, pending->n_rows);
      g_object_set_data (G_OBJECT (list), PENDING_KEY, NULL);
    }
  if (replacing && added == 0 && removed > 0)
    {
      pending = g_new (Pending, 1);
      pending->position = position;
      pending->n_rows = removed;
      g_object_set_data_full (G_OBJECT (list), PENDING_KEY, pending, g_free);
      return;
    }

  common = MIN (removed, added);
  for (guint i = 0; i < common; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position + i);

      update (GTK_WIDGET (gtk_list_box_get_row_at_index (list, position + i)), item, user_data);
    }
  remove_rows (list, position + common, removed - common);
  for (guint i = common; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position + i);
      GtkWidget *row = create (user_data);

      update (row, item, user_data);
      gtk_list_box_insert (list, row, position + i);
    }
}

void
edaad_section_row_clear (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  g_object_set_data (G_OBJECT (list), PENDING_KEY, NULL);
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}
