/* edaad-row-label.c — a one-line label for rows made by the hundred.
 *
 * Showing a plan's 200 milestones, GTK spent most of the frame shaping their titles and
 * subtitles: once to measure each GtkLabel and again to draw it, for every row whether on
 * screen or not.  This label's height comes from its font's metrics (cached by Pango per
 * font and language), so measuring it shapes nothing; its text is laid out when it is
 * first drawn (EdaadSectionRow draws only the rows near the visible part of the list).
 *
 * The same held for the cells of the plans list: after a sort, GTK measured 200 rows of
 * GtkLabels, shaping each text several times.  A row label's width is either a number of
 * average characters of its font (from the same metrics) or its text's width, which all
 * row labels remember per font and text: the cells of an enum column show one of a few
 * texts.
 */
#define G_LOG_DOMAIN "edaad-row-label"

#include "config.h"

#include "edaad-row-label.h"

#include "edaad-font-metrics.h"

/* Text widths remembered for edaad_row_label_set_fit_text: "font\x1ftext" → width in
 * pixels.  Emptied when it grows past this many. */
#define TEXT_WIDTHS_MAX 4096

struct _EdaadRowLabel
{
  GtkWidget parent_instance;

  char *text;
  PangoLayout *layout;        /* NULL until drawn in view; dropped when the text changes */
  guint context_serial;       /* of the Pango context the metrics were read for */
  char *font;                 /* its font description, a key of text_widths */
  int line_height;            /* -1 until computed */
  int char_width;             /* an average character, in Pango units */
  int text_width;             /* of the text in pixels, -1 until measured (fit_text) */
  int width_chars;            /* -1: no width from characters */
  gboolean fit_text;
  gboolean shrinks;           /* fitting its text, it may be given less and ellipsize */
  float xalign;
};

static GHashTable *text_widths;

G_DEFINE_FINAL_TYPE (EdaadRowLabel, edaad_row_label, GTK_TYPE_WIDGET)

/* Reads the font's metrics again when the widget's Pango context changed. */
static int
line_height (EdaadRowLabel *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->line_height < 0 || self->context_serial != pango_context_get_serial (context))
    {
      EdaadFontMetrics metrics;

      self->context_serial = pango_context_get_serial (context);
      g_clear_object (&self->layout);
      self->text_width = -1;
      g_free (self->font);
      self->font = pango_font_description_to_string (pango_context_get_font_description (context));
      edaad_font_metrics_read (GTK_WIDGET (self), &metrics);
      self->line_height = metrics.line_height;
      self->char_width = metrics.char_width;
    }
  return self->line_height;
}

static PangoLayout *
ensure_layout (EdaadRowLabel *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
    }
  return self->layout;
}

/* The width of the text in the widget's font: this label's since its text or font last
 * changed, or any label's for that font and text (text_widths), or laid out now (the
 * layout is kept for drawing). */
static int
text_width (EdaadRowLabel *self)
{
  g_autofree char *key = NULL;
  gpointer width;

  line_height (self);   /* drops the layout and the width when the context changed */
  if (self->text_width >= 0)
    return self->text_width;
  if (self->text == NULL || self->text[0] == '\0')
    return self->text_width = 0;

  key = g_strconcat (self->font, "\x1f", self->text, NULL);
  if (text_widths == NULL)
    text_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  else if (g_hash_table_lookup_extended (text_widths, key, NULL, &width))
    return self->text_width = GPOINTER_TO_INT (width);

  pango_layout_set_width (ensure_layout (self), -1);
  pango_layout_get_pixel_size (self->layout, &self->text_width, NULL);
  if (g_hash_table_size (text_widths) >= TEXT_WIDTHS_MAX)
    g_hash_table_remove_all (text_widths);
  g_hash_table_insert (text_widths, g_steal_pointer (&key), GINT_TO_POINTER (self->text_width));
  return self->text_width;
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
  EdaadRowLabel *self = EDAAD_ROW_LABEL (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = line_height (self);
  else if (self->fit_text)
    {
      *natural = text_width (self);
      /* Narrower, it ellipsizes, unless it must not shrink. */
      *minimum = self->shrinks ? 0 : *natural;
    }
  else if (self->width_chars >= 0)
    {
      line_height (self);
      *minimum = *natural = PANGO_PIXELS_CEIL (self->width_chars * self->char_width);
    }
  else
    *minimum = *natural = 0;
}

static void
edaad_row_label_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  EdaadRowLabel *self = EDAAD_ROW_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  float align;
  int x;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;
  line_height (self);   /* drops the layout when the context changed */
  pango_layout_set_width (ensure_layout (self), width * PANGO_SCALE);
  pango_layout_get_extents (self->layout, NULL, &logical);

  /* Placed by xalign in the widget's direction, whatever the text's own, as GtkLabel
   * places its text; centred vertically. */
  align = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1.0f - self->xalign : self->xalign;
  x = -PANGO_PIXELS (logical.x) + (int) (align * MAX (0, width - PANGO_PIXELS (logical.width)));
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
  g_free (self->font);

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
  self->text_width = -1;
  self->width_chars = -1;
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
  self->text_width = -1;
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text != NULL ? self->text : "", -1);
  /* Unless it fits its text, its size does not depend on the text: no new layout of the
   * list is needed. */
  if (self->fit_text)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
edaad_row_label_set_width_chars (EdaadRowLabel *self,
                                 int            n_chars)
{
  g_return_if_fail (EDAAD_IS_ROW_LABEL (self));

  self->width_chars = MAX (n_chars, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
edaad_row_label_set_fit_text (EdaadRowLabel *self,
                              gboolean       fit_text,
                              gboolean       shrinks)
{
  g_return_if_fail (EDAAD_IS_ROW_LABEL (self));

  self->fit_text = !!fit_text;
  self->shrinks = !!shrinks;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
edaad_row_label_set_xalign (EdaadRowLabel *self,
                            float          xalign)
{
  g_return_if_fail (EDAAD_IS_ROW_LABEL (self));

  self->xalign = CLAMP (xalign, 0.0f, 1.0f);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
edaad_row_label_is_laid_out (EdaadRowLabel *self)
{
  g_return_val_if_fail (EDAAD_IS_ROW_LABEL (self), FALSE);

  return self->layout != NULL;
}
