/* edaad-row-label.c — a one-line label for rows made by the hundred.
 *
 * Showing a plan's 200 milestones, GTK spent most of the frame shaping their titles and
 * subtitles: once to measure each GtkLabel and again to draw it, for every row whether on
 * screen or not.  This label's height comes from its font's metrics (cached by Pango per
 * font and language), so measuring it shapes nothing; its text is laid out when it is
 * first drawn (EdaadSectionRow draws only the rows near the visible part of the list).
 */
#define G_LOG_DOMAIN "edaad-row-label"

#include "config.h"

#include "edaad-row-label.h"

struct _EdaadRowLabel
{
  GtkWidget parent_instance;

  char *text;
  PangoLayout *layout;        /* NULL until drawn in view; dropped when the text changes */
  guint context_serial;       /* of the Pango context line_height was computed for */
  int line_height;            /* -1 until computed */
};

G_DEFINE_FINAL_TYPE (EdaadRowLabel, edaad_row_label, GTK_TYPE_WIDGET)

static int
line_height (EdaadRowLabel *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->line_height < 0 || self->context_serial != pango_context_get_serial (context))
    {
      g_autoptr(PangoFont) font = pango_context_load_font (context, pango_context_get_font_description (context));
      PangoFontMetrics *metrics;

      self->context_serial = pango_context_get_serial (context);
      g_clear_object (&self->layout);
      if (font == NULL)
        return self->line_height = 0;
      metrics = pango_font_get_metrics (font, pango_context_get_language (context));
      self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                             pango_font_metrics_get_descent (metrics));
      pango_font_metrics_unref (metrics);
    }
  return self->line_height;
}

static void
edaad_row_label_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = line_height (EDAAD_ROW_LABEL (widget));
}

static void
edaad_row_label_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  EdaadRowLabel *self = EDAAD_ROW_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  int x;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;
  line_height (self);   /* drops the layout when the context changed */
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
    }
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_extents (self->layout, NULL, &logical);

  /* At the start of the allocation in the widget's direction, whatever the text's own,
   * as GtkLabel places a label with xalign 0; centred vertically. */
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    x = width - PANGO_PIXELS (logical.x + logical.width);
  else
    x = -PANGO_PIXELS (logical.x);
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x,
                              (height - PANGO_PIXELS_CEIL (logical.height)) / 2 - PANGO_PIXELS (logical.y),
                              self->layout);
}

static gboolean
edaad_row_label_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  EdaadRowLabel *self = EDAAD_ROW_LABEL (widget);

  if (self->layout == NULL || !pango_layout_is_ellipsized (self->layout))
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

static void
edaad_row_label_dispose (GObject *object)
{
  EdaadRowLabel *self = EDAAD_ROW_LABEL (object);

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (edaad_row_label_parent_class)->dispose (object);
}

static void
edaad_row_label_finalize (GObject *object)
{
  EdaadRowLabel *self = EDAAD_ROW_LABEL (object);

  g_free (self->text);

  G_OBJECT_CLASS (edaad_row_label_parent_class)->finalize (object);
}

static void
edaad_row_label_class_init (EdaadRowLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = edaad_row_label_dispose;
  object_class->finalize = edaad_row_label_finalize;
  widget_class->measure = edaad_row_label_measure;
  widget_class->snapshot = edaad_row_label_snapshot;
  widget_class->query_tooltip = edaad_row_label_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
edaad_row_label_init (EdaadRowLabel *self)
{
  self->line_height = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
edaad_row_label_new (void)
{
  return g_object_new (EDAAD_TYPE_ROW_LABEL, NULL);
}

const char *
edaad_row_label_get_text (EdaadRowLabel *self)
{
  g_return_val_if_fail (EDAAD_IS_ROW_LABEL (self), NULL);

  return self->text != NULL ? self->text : "";
}

void
edaad_row_label_set_text (EdaadRowLabel *self,
                          const char    *text)
{
  g_return_if_fail (EDAAD_IS_ROW_LABEL (self));

  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text != NULL ? self->text : "", -1);
  /* The size does not depend on the text: no new layout of the list is needed. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
edaad_row_label_is_laid_out (EdaadRowLabel *self)
{
  g_return_val_if_fail (EDAAD_IS_ROW_LABEL (self), FALSE);

  return self->layout != NULL;
}
