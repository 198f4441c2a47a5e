/* edaad-row-label.h — a one-line label for rows made by the hundred. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EDAAD_TYPE_ROW_LABEL (edaad_row_label_get_type ())
G_DECLARE_FINAL_TYPE (EdaadRowLabel, edaad_row_label, EDAAD, ROW_LABEL, GtkWidget)

/* Shows one line of plain text, ellipsized at the end, at the start of its allocation (as
 * a GtkLabel with xalign 0 and ellipsize end would; its CSS name is "label", so label
 * styles apply).  Unlike a GtkLabel it never lays out its text to be measured: it is one
 * line of its font high and asks for no width, and it lays out its text only when it is
 * drawn: in rows that are drawn only near the visible part of their list
 * (EdaadSectionRow), a list of a few hundred rows shapes the text of the rows on screen,
 * not of all of them.  Its accessible name is its text; when the text does not fit, the
 * whole of it is its tooltip. */

GtkWidget  *edaad_row_label_new      (void);
const char *edaad_row_label_get_text (EdaadRowLabel *self);
void        edaad_row_label_set_text (EdaadRowLabel *self,
                                      const char    *text);

/* For tests: whether the label has laid out its text since it was last changed. */
gboolean    edaad_row_label_is_laid_out (EdaadRowLabel *self);

G_END_DECLS
