/* edaad-list-box-focus.h — which row of a list box holds the keyboard focus. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The row of `list` that has the keyboard focus or contains the widget that has it, or
 * NULL: keyboard actions ("delete", "move up") act on it. */
GtkListBoxRow *edaad_list_box_get_focus_row (GtkListBox *list);

G_END_DECLS
