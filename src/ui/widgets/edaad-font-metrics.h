/* edaad-font-metrics.h — what widgets made by the hundred are measured by, without text. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  int line_height;  /* a line of the font: ascent + descent, in pixels */
  int char_width;   /* an average character, the wider of letters and digits, in Pango units */
} EdaadFontMetrics;

/* Reads them from `widget`'s font (its Pango context, so its CSS font).  Pango caches them
 * per font and language: no text is laid out.  All zero when the font cannot be loaded. */
void edaad_font_metrics_read (GtkWidget        *widget,
                              EdaadFontMetrics *metrics);

G_END_DECLS
