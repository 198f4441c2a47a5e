/* edaad-tooltip.c — tooltips for widgets made by the hundred (list rows, cells).
 *
 * The text is kept on the widget and handed over in ::query-tooltip, which GTK emits only
 * when the pointer rests on the widget; has-tooltip alone asks nothing of the display. */
#define G_LOG_DOMAIN "edaad-tooltip"

#include "config.h"

#include "edaad-tooltip.h"

#define TEXT_KEY "edaad-tooltip-text"

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
edaad_widget_set_tooltip (GtkWidget  *widget,
                          const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TEXT_KEY) == NULL && text != NULL)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  else if (text == NULL)
    g_signal_handlers_disconnect_by_func (widget, on_query_tooltip, NULL);
  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
}
