/* edaad-progress-cell.c — a progress bar and its percentage, drawn as one widget.
 *
 * The plans list's progress column was a GtkBox holding a GtkProgressBar (a trough and a
 * progress gizmo inside) and a GtkLabel: five widgets in each of the ~200 rows GTK 4.8
 * builds, about a fifth of the cost of opening the page.  This widget draws the same: a
 * rounded trough in a light shade of the text colour, the part done in the accent colour,
 * and the percentage after it, dim.  Its text is laid out only when it is drawn.
 */
#define G_LOG_DOMAIN "edaad-progress-cell"

#include "config.h"

#include "edaad-progress-cell.h"

#include "edaad-font-metrics.h"

#define BAR_HEIGHT 6
#define BAR_MIN_WIDTH 48
#define SPACING 6
#define TEXT_CHARS 5          /* "100%", with the sign wider than a digit */

struct _EdaadProgressCell
{
  GtkWidget parent_instance;

  double percent;
  char *text;
  PangoLayout *layout;        /* NULL until drawn; dropped when the text or style changes */
  int text_width;             /* TEXT_CHARS of the font, in pixels; -1 until measured */
  int line_height;
  GdkRGBA accent;
  gboolean accent_valid;
};

G_DEFINE_FINAL_TYPE (EdaadProgressCell, edaad_progress_cell, GTK_TYPE_WIDGET)

static void
ensure_metrics (EdaadProgressCell *self)
{
  EdaadFontMetrics metrics;

  if (self->text_width >= 0)
    return;
  edaad_font_metrics_read (GTK_WIDGET (self), &metrics);
  self->text_width = PANGO_PIXELS_CEIL (TEXT_CHARS * metrics.char_width);
  self->line_height = metrics.line_height;
}

static void
edaad_progress_cell_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  EdaadProgressCell *self = EDAAD_PROGRESS_CELL (widget);

  ensure_metrics (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = BAR_MIN_WIDTH + SPACING + self->text_width;
  else
    *minimum = *natural = MAX (BAR_HEIGHT, self->line_height);
}

static const GdkRGBA *
accent_color (EdaadProgressCell *self)
{
  if (!self->accent_valid)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

      if (!gtk_style_context_lookup_color (context, "accent_bg_color", &self->accent))
        gdk_rgba_parse (&self->accent, "#3584e4");
      G_GNUC_END_IGNORE_DEPRECATIONS
      self->accent_valid = TRUE;
    }
  return &self->accent;
}

static void
edaad_progress_cell_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  EdaadProgressCell *self = EDAAD_PROGRESS_CELL (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int bar_width;
  GdkRGBA color;
  GdkRGBA shade;
  GskRoundedRect trough;
  graphene_rect_t bar;
  float done;

  ensure_metrics (self);
  bar_width = MAX (0, width - SPACING - self->text_width);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The trough, then the part done, clipped to its rounded ends. */
  bar = GRAPHENE_RECT_INIT (rtl ? width - bar_width : 0, (height - BAR_HEIGHT) / 2, bar_width, BAR_HEIGHT);
  gsk_rounded_rect_init_from_rect (&trough, &bar, BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &trough);
  shade = color;
  shade.alpha *= 0.15f;
  gtk_snapshot_append_color (snapshot, &shade, &bar);
  done = bar_width * CLAMP (self->percent, 0.0, 100.0) / 100.0f;
  if (done > 0)
    gtk_snapshot_append_color (snapshot, accent_color (self),
                               &GRAPHENE_RECT_INIT (rtl ? bar.origin.x + bar_width - done : bar.origin.x,
                                                    bar.origin.y, done, BAR_HEIGHT));
  gtk_snapshot_pop (snapshot);

  if (self->text == NULL || self->text[0] == '\0')
    return;
  if (self->layout == NULL)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      /* Tabular digits, so the percentages of a column line up. */
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (self->layout, attributes);
    }
  {
    PangoRectangle logical;
    int x;

    pango_layout_get_pixel_extents (self->layout, NULL, &logical);
    /* At the end: right-aligned after the bar, or left-aligned before it in RTL. */
    x = rtl ? -logical.x : width - logical.width - logical.x;
    color.alpha *= 0.55f;
    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (height - logical.height) / 2 - logical.y));
    gtk_snapshot_append_layout (snapshot, self->layout, &color);
    gtk_snapshot_restore (snapshot);
  }
}

static void
edaad_progress_cell_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  EdaadProgressCell *self = EDAAD_PROGRESS_CELL (widget);

  GTK_WIDGET_CLASS (edaad_progress_cell_parent_class)->css_changed (widget, change);
  self->accent_valid = FALSE;
  self->text_width = -1;
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

static void
edaad_progress_cell_direction_changed (GtkWidget        *widget,
                                       GtkTextDirection  previous)
{
  EdaadProgressCell *self = EDAAD_PROGRESS_CELL (widget);

  g_clear_object (&self->layout);
  gtk_widget_queue_draw (widget);
}

static void
edaad_progress_cell_dispose (GObject *object)
{
  EdaadProgressCell *self = EDAAD_PROGRESS_CELL (object);

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (edaad_progress_cell_parent_class)->dispose (object);
}

static void
edaad_progress_cell_finalize (GObject *object)
{
  EdaadProgressCell *self = EDAAD_PROGRESS_CELL (object);

  g_free (self->text);

  G_OBJECT_CLASS (edaad_progress_cell_parent_class)->finalize (object);
}

static void
edaad_progress_cell_class_init (EdaadProgressCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = edaad_progress_cell_dispose;
  object_class->finalize = edaad_progress_cell_finalize;
  widget_class->measure = edaad_progress_cell_measure;
  widget_class->snapshot = edaad_progress_cell_snapshot;
  widget_class->css_changed = edaad_progress_cell_css_changed;
  widget_class->direction_changed = edaad_progress_cell_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "progresscell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
edaad_progress_cell_init (EdaadProgressCell *self)
{
  self->text_width = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                  -1);
}

GtkWidget *
edaad_progress_cell_new (const char *label)
{
  GtkWidget *self = g_object_new (EDAAD_TYPE_PROGRESS_CELL, NULL);

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return self;
}

void
edaad_progress_cell_set_value (EdaadProgressCell *self,
                               double             percent,
                               const char        *text)
{
  g_return_if_fail (EDAAD_IS_PROGRESS_CELL (self));

  percent = CLAMP (percent, 0.0, 100.0);
  if (percent == self->percent && g_strcmp0 (text, self->text) == 0)
    return;
  self->percent = percent;
  if (g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
      g_clear_object (&self->layout);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, percent,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->text != NULL ? self->text : "",
                                  -1);
  /* Its size never depends on the value: nothing to lay out again. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
edaad_progress_cell_get_value (EdaadProgressCell *self)
{
  g_return_val_if_fail (EDAAD_IS_PROGRESS_CELL (self), 0.0);
  return self->percent;
}

const char *
edaad_progress_cell_get_text (EdaadProgressCell *self)
{
  g_return_val_if_fail (EDAAD_IS_PROGRESS_CELL (self), NULL);
  return self->text != NULL ? self->text : "";
}
