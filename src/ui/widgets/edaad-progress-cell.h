/* edaad-progress-cell.h — a progress bar and its percentage, drawn as one widget. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EDAAD_TYPE_PROGRESS_CELL (edaad_progress_cell_get_type ())
G_DECLARE_FINAL_TYPE (EdaadProgressCell, edaad_progress_cell, EDAAD, PROGRESS_CELL, GtkWidget)

/* For lists made of hundreds of rows: where a GtkBox of a GtkProgressBar (itself three
 * widgets) and a GtkLabel cost five widgets to build, style and measure, this is one.  The
 * bar fills from the start side in the text direction, the text sits at the end, dim and
 * in tabular digits; its accessible role is a progress bar (0–100) named `label`. */
GtkWidget  *edaad_progress_cell_new        (const char        *label);
/* `percent` 0–100, shown as `text` (formatted by the caller, e.g. edaad_ui_format_percent). */
void        edaad_progress_cell_set_value  (EdaadProgressCell *self,
                                            double             percent,
                                            const char        *text);
double      edaad_progress_cell_get_value  (EdaadProgressCell *self);
const char *edaad_progress_cell_get_text   (EdaadProgressCell *self);

G_END_DECLS
