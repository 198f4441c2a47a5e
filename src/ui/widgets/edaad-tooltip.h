/* edaad-tooltip.h — tooltips for widgets made by the hundred (list rows, cells). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows `text` (plain, not markup; NULL removes it) as `widget`'s tooltip, like
 * gtk_widget_set_tooltip_text() but without asking the display where the pointer is:
 * GTK 4.8 does that on every gtk_widget_set_tooltip_text() call, one round trip to the
 * X server per widget, which dominates building a list of a few hundred rows. */
void edaad_widget_set_tooltip (GtkWidget  *widget,
                               const char *text);

G_END_DECLS
