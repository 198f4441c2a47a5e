/* edaad-font-metrics.c — what widgets made by the hundred are measured by, without text. */
#define G_LOG_DOMAIN "edaad-font-metrics"

#include "config.h"

#include "edaad-font-metrics.h"

void
edaad_font_metrics_read (GtkWidget        *widget,
                         EdaadFontMetrics *metrics)
{
  PangoContext *context;
  g_autoptr(PangoFont) font = NULL;
  PangoFontMetrics *font_metrics;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (metrics != NULL);

  context = gtk_widget_get_pango_context (widget);
  font = pango_context_load_font (context, pango_context_get_font_description (context));
  metrics->line_height = metrics->char_width = 0;
  if (font == NULL)
    return;
  font_metrics = pango_font_get_metrics (font, pango_context_get_language (context));
  metrics->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (font_metrics) +
                                            pango_font_metrics_get_descent (font_metrics));
  metrics->char_width = MAX (pango_font_metrics_get_approximate_char_width (font_metrics),
                             pango_font_metrics_get_approximate_digit_width (font_metrics));
  pango_font_metrics_unref (font_metrics);
}
