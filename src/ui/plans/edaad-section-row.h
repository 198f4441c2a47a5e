/* edaad-section-row.h — a light list row for a plan's sections, updated in place. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EDAAD_TYPE_SECTION_ROW (edaad_section_row_get_type ())
G_DECLARE_FINAL_TYPE (EdaadSectionRow, edaad_section_row, EDAAD, SECTION_ROW, GtkListBoxRow)

/* A row with a title, a subtitle and widgets before and after them, as AdwActionRow shows
 * them (the same CSS nodes and classes, so it looks the same in a .boxed-list), but built
 * without a template or bindings, with one-line title and subtitle (EdaadRowLabel,
 * ellipsized; the whole text is their tooltip): a section makes hundreds of them and gives
 * them another record's text when the plan changes.  The row is labelled by its title and
 * described by its subtitle for assistive technologies. */

GtkWidget  *edaad_section_row_new          (void);

/* The id of the record the row shows (the sections find rows by it). */
const char *edaad_section_row_get_id       (EdaadSectionRow *self);
void        edaad_section_row_set_id       (EdaadSectionRow *self,
                                            const char      *id);

/* Plain text, never markup.  An empty or NULL subtitle hides it. */
const char *edaad_section_row_get_title    (EdaadSectionRow *self);
void        edaad_section_row_set_title    (EdaadSectionRow *self,
                                            const char      *title);
const char *edaad_section_row_get_subtitle (EdaadSectionRow *self);
void        edaad_section_row_set_subtitle (EdaadSectionRow *self,
                                            const char      *subtitle);

/* Appends a widget before the title (after the previous prefix) or after the subtitle. */
void        edaad_section_row_add_prefix   (EdaadSectionRow *self,
                                            GtkWidget       *widget);
void        edaad_section_row_add_suffix   (EdaadSectionRow *self,
                                            GtkWidget       *widget);

/* Makes the rows of `list` follow `model` (whose ::items-changed handler calls this with
 * its arguments): rows at replaced positions are given the new items by `update` in
 * place — a plan change replaces them all — and `create` makes rows only for the items
 * added beyond those removed.  `replacing`: the removal is the first half of a replacement
 * (edaad_record_list_is_replacing()); its rows then wait for the insertion that follows at
 * the same position, to be reused. */
typedef GtkWidget *(*EdaadSectionRowCreate) (gpointer user_data);
typedef void       (*EdaadSectionRowUpdate) (GtkWidget *row,
                                             gpointer   item,
                                             gpointer   user_data);

void        edaad_section_row_sync         (GtkListBox            *list,
                                            GListModel            *model,
                                            guint                  position,
                                            guint                  removed,
                                            guint                  added,
                                            gboolean               replacing,
                                            EdaadSectionRowCreate  create,
                                            EdaadSectionRowUpdate  update,
                                            gpointer               user_data);
/* Removes every row of `list`. */
void        edaad_section_row_clear        (GtkListBox            *list);

/* The row of `list` showing record `id`, or NULL. */
EdaadSectionRow *edaad_section_row_find    (GtkListBox      *list,
                                            const char      *id);

G_END_DECLS
