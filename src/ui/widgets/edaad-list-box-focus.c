/* edaad-list-box-focus.c — which row of a list box holds the keyboard focus. */
#define G_LOG_DOMAIN "edaad-list-box-focus"

#include "config.h"

#include "edaad-list-box-focus.h"

GtkListBoxRow *
edaad_list_box_get_focus_row (GtkListBox *list)
{
  GtkRoot *root;
  GtkWidget *widget;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (list));
  widget = root != NULL ? gtk_root_get_focus (root) : NULL;
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_get_parent (widget) == GTK_WIDGET (list))
      return GTK_LIST_BOX_ROW (widget);
  return NULL;
}
