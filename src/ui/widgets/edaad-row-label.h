/* edaad-row-label.h — a one-line label for rows made by the hundred. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EDAAD_TYPE_ROW_LABEL (edaad_row_label_get_type ())
G_DECLARE_FINAL_TYPE (EdaadRowLabel, edaad_row_label, EDAAD, ROW_LABEL, GtkWidget)

/* Shows one line of plain text, ellipsized at the end (its CSS name is "label", so label
 * styles apply).  Unlike a GtkLabel, measuring it shapes no text: it is one line of its
 * font high, and as wide as its sizing says (edaad_row_label_set_width_chars,
 * edaad_row_label_set_fit_text; by default it asks for no width).  It lays out its text
 * when it is first drawn: in rows that are drawn only near the visible part of their list
 * (EdaadSectionRow), a list of a few hundred rows shapes the text of the rows on screen,
 * not of all of them.  Its accessible name is its text; when the text does not fit, the
 * whole of it is its tooltip. */

GtkWidget  *edaad_row_label_new      (void);
const char *edaad_row_label_get_text (EdaadRowLabel *self);
void        edaad_row_label_set_text (EdaadRowLabel *self,
                                      const char    *text);

/* Asks for the width of `n_chars` average characters of its font, as GtkLabel's
 * width-chars does; -1 (the default) asks for none. */
void        edaad_row_label_set_width_chars (EdaadRowLabel *self,
                                             int            n_chars);
/* Asks for the width of its text, measured once per text and font and remembered by all
 * row labels: for labels that show one of a few texts (an enum's values, dates), whose
 * measure then costs a table lookup.  That width is its natural one; it is also its minimum
 * unless it `shrinks` (narrower, it ellipsizes). */
void        edaad_row_label_set_fit_text    (EdaadRowLabel *self,
                                             gboolean       fit_text,
                                             gboolean       shrinks);
/* Where the text sits in a wider allocation: 0 at the start (the default), 1 at the end,
 * in the widget's direction. */
void        edaad_row_label_set_xalign      (EdaadRowLabel *self,
                                             float          xalign);

/* For tests: whether the label has laid out its text since it was last changed. */
gboolean    edaad_row_label_is_laid_out (EdaadRowLabel *self);

G_END_DECLS
