/* edaad-adkar-bars.c — the five ADKAR elements as bars with the barrier point marked. */
#define G_LOG_DOMAIN "edaad-adkar-bars"

#include "config.h"

#include "edaad-adkar-bars.h"

#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define NE EDAAD_ADKAR_N_ELEMENTS
#define SCALE_MAX 5.0
#define PADDING 4
#define GAP 8
#define LABEL_SCALE 0.9
#define MIN_ROW 22
#define NAT_ROW 30
#define MIN_BAR_WIDTH 80

struct _EdaadAdkarBars
{
  EdaadChart parent_instance;

  double scores[NE];   /* NaN: not assessed */
  double previous[NE]; /* NaN: not assessed, or no previous round */
  gboolean has_previous;
};

G_DEFINE_FINAL_TYPE (EdaadAdkarBars, edaad_adkar_bars, EDAAD_TYPE_CHART)

static gboolean
assessed (double score)
{
  return isfinite (score) && score > 0;
}

static void
copy_scores (double       to[NE],
             const double from[NE])
{
  for (guint i = 0; i < NE; i++)
    to[i] = from != NULL && assessed (from[i]) ? MIN (from[i], SCALE_MAX) : NAN;
}

static gboolean
any_assessed (const double scores[NE])
{
  for (guint i = 0; i < NE; i++)
    if (assessed (scores[i]))
      return TRUE;
  return FALSE;
}

static char *
format_score (double score)
{
  return assessed (score) ? edaad_ui_format_number (score, 1) : g_strdup ("—");
}

static char *
describe_scores (const double scores[NE])
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < NE; i++)
    {
      g_autofree char *value = format_score (scores[i]);

      if (i > 0)
        /* Translators: separates the elements listed in the ADKAR chart's description */
        g_string_append (text, C_("adkar list", ", "));
      /* Translators: an ADKAR element and its score, "Desire 2.5" */
      g_string_append_printf (text, C_("adkar score", "%s %s"),
                              edaad_adkar_element_get_label ((EdaadAdkarElement) i), value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
edaad_adkar_bars_describe (EdaadChart *chart)
{
  EdaadAdkarBars *self = EDAAD_ADKAR_BARS (chart);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *scores = NULL;
  EdaadAdkarElement barrier;

  if (!any_assessed (self->scores))
    /* Translators: the accessible description of the ADKAR chart with no assessment */
    return g_strdup (_("ADKAR: not assessed."));

  scores = describe_scores (self->scores);
  /* Translators: the accessible description of the ADKAR chart: the five scores */
  g_string_append_printf (text, _("ADKAR: %s."), scores);

  barrier = edaad_adkar_barrier_point (self->scores);
  g_string_append_c (text, ' ');
  if (barrier == EDAAD_ADKAR_NONE)
    /* Translators: part of the ADKAR chart's accessible description */
    g_string_append (text, _("No barrier point."));
  else
    /* Translators: part of the ADKAR chart's accessible description */
    g_string_append_printf (text, _("Barrier point: %s."), edaad_adkar_element_get_label (barrier));

  if (self->has_previous)
    {
      g_autofree char *previous = describe_scores (self->previous);

      g_string_append_c (text, ' ');
      /* Translators: part of the ADKAR chart's accessible description */
      g_string_append_printf (text, _("Previous round: %s."), previous);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The layout, in left-to-right terms: mirror for right-to-left. */
typedef struct
{
  double label_x;
  double bar_x0, bar_x1;
  double top, row;
  double tail; /* room after the longest bar for the value and the barrier mark */
} Layout;

static int
text_width (EdaadAdkarBars *self,
            const char     *text,
            gboolean        bold)
{
  g_autoptr(PangoLayout) layout = edaad_chart_create_layout (EDAAD_CHART (self), text, LABEL_SCALE, bold);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
labels_width (EdaadAdkarBars *self)
{
  int width = 0;

  for (guint i = 0; i < NE; i++)
    width = MAX (width, text_width (self, edaad_adkar_element_get_label ((EdaadAdkarElement) i), TRUE));
  return width;
}

static const char *
barrier_text (void)
{
  /* Translators: marks the ADKAR element that is the barrier point */
  return _("Barrier point");
}

static double
tail_width (EdaadAdkarBars *self)
{
  g_autofree char *sample = edaad_ui_format_number (4.5, 1);

  return GAP + text_width (self, sample, FALSE) + GAP + text_width (self, barrier_text (), TRUE);
}

static void
make_layout (EdaadAdkarBars *self,
             Layout         *layout)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  layout->label_x = PADDING;
  layout->bar_x0 = PADDING + labels_width (self) + GAP;
  layout->tail = tail_width (self);
  layout->bar_x1 = MAX (width - PADDING - layout->tail, layout->bar_x0);
  layout->top = PADDING;
  layout->row = MAX (height - 2 * PADDING, 0) / (double) NE;
}

static double
score_x (const Layout *layout,
         double        score)
{
  return layout->bar_x0 + CLAMP (score, 0, SCALE_MAX) / SCALE_MAX * (layout->bar_x1 - layout->bar_x0);
}

/* A rectangle given in left-to-right terms, mirrored as the direction asks. */
static void
mirror_rect (EdaadAdkarBars  *self,
             graphene_rect_t *rect)
{
  if (edaad_chart_is_rtl (EDAAD_CHART (self)))
    rect->origin.x = gtk_widget_get_width (GTK_WIDGET (self)) - rect->origin.x - rect->size.width;
}

/* Draws `text` starting at x (in left-to-right terms) centred on y. */
static void
draw_text (EdaadAdkarBars *self,
           GtkSnapshot    *snapshot,
           const char     *text,
           gboolean        bold,
           double          x,
           double          y,
           const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = edaad_chart_create_layout (EDAAD_CHART (self), text, LABEL_SCALE, bold);
  graphene_rect_t rect;
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  graphene_rect_init (&rect, x, y - height / 2.0, width, height);
  mirror_rect (self, &rect);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (rect.origin.x), round (rect.origin.y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
fill_rect (EdaadAdkarBars *self,
           GtkSnapshot    *snapshot,
           double          x0,
           double          x1,
           double          y,
           double          height,
           const GdkRGBA  *color)
{
  graphene_rect_t rect;
  GskRoundedRect rounded;

  graphene_rect_init (&rect, x0, y, MAX (x1 - x0, 0), height);
  mirror_rect (self, &rect);
  gsk_rounded_rect_init_from_rect (&rounded, &rect, MIN (height / 2, 4));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &rect);
  gtk_snapshot_pop (snapshot);
}

static void
edaad_adkar_bars_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  EdaadAdkarBars *self = EDAAD_ADKAR_BARS (widget);
  EdaadChart *chart = EDAAD_CHART (widget);
  EdaadAdkarElement barrier = edaad_adkar_barrier_point (self->scores);
  GdkRGBA fg, dim, grid, bar, barrier_color, previous;
  Layout layout;

  make_layout (self, &layout);
  if (layout.row <= 0 || layout.bar_x1 <= layout.bar_x0)
    return;

  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_FOREGROUND, 1.0, &fg);
  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_FOREGROUND, 0.6, &dim);
  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_FOREGROUND, 0.1, &grid);
  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_ACCENT_BG, 1.0, &bar);
  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_WARNING, 1.0, &barrier_color);
  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_FOREGROUND, 0.35, &previous);

  /* The scale: a faint line at each whole score, a stronger one at the barrier threshold. */
  for (int s = 1; s <= (int) SCALE_MAX; s++)
    {
      GdkRGBA threshold;

      edaad_chart_get_color (chart, EDAAD_CHART_COLOR_WARNING, 0.6, &threshold);
      fill_rect (self, snapshot, score_x (&layout, s) - 0.5, score_x (&layout, s) + 0.5, layout.top,
                 layout.row * NE, s == (int) EDAAD_ADKAR_BARRIER_THRESHOLD ? &threshold : &grid);
    }

  for (guint i = 0; i < NE; i++)
    {
      gboolean is_barrier = (EdaadAdkarElement) i == barrier;
      double y = layout.top + i * layout.row;
      double middle = y + layout.row / 2;
      double thickness = layout.row * (self->has_previous ? 0.45 : 0.6);
      double bar_y = self->has_previous ? y + layout.row * 0.12 : middle - thickness / 2;
      g_autofree char *value = format_score (self->scores[i]);
      double end;

      draw_text (self, snapshot, edaad_adkar_element_get_label ((EdaadAdkarElement) i), is_barrier,
                 layout.label_x, middle, is_barrier ? &fg : &dim);

      end = assessed (self->scores[i]) ? score_x (&layout, self->scores[i]) : layout.bar_x0;
      if (assessed (self->scores[i]))
        fill_rect (self, snapshot, layout.bar_x0, end, bar_y, thickness, is_barrier ? &barrier_color : &bar);

      if (self->has_previous && assessed (self->previous[i]))
        fill_rect (self, snapshot, layout.bar_x0, score_x (&layout, self->previous[i]),
                   bar_y + thickness + layout.row * 0.08, layout.row * 0.18, &previous);

      end = MAX (end, self->has_previous && assessed (self->previous[i]) ? score_x (&layout, self->previous[i]) : end);
      draw_text (self, snapshot, value, FALSE, end + GAP, self->has_previous ? bar_y + thickness / 2 : middle, &fg);
      if (is_barrier)
        draw_text (self, snapshot, barrier_text (), TRUE,
                   end + GAP + text_width (self, value, FALSE) + GAP,
                   self->has_previous ? bar_y + thickness / 2 : middle, &barrier_color);
    }
}

static char *
edaad_adkar_bars_tooltip_at (EdaadChart *chart,
                             double      x,
                             double      y)
{
  EdaadAdkarBars *self = EDAAD_ADKAR_BARS (chart);
  g_autofree char *value = NULL;
  Layout layout;
  int i;

  make_layout (self, &layout);
  if (layout.row <= 0 || y < layout.top)
    return NULL;
  i = (int) ((y - layout.top) / layout.row);
  if (i < 0 || i >= NE)
    return NULL;

  value = format_score (self->scores[i]);
  if (self->has_previous)
    {
      g_autofree char *before = format_score (self->previous[i]);

      /* Translators: tooltip of an ADKAR bar: element, score, previous round's score */
      return g_strdup_printf (_("%s: %s (previous round %s)"),
                              edaad_adkar_element_get_label ((EdaadAdkarElement) i), value, before);
    }
  /* Translators: tooltip of an ADKAR bar: element, score */
  return g_strdup_printf (C_("adkar tooltip", "%s: %s"), edaad_adkar_element_get_label ((EdaadAdkarElement) i), value);
}

static void
edaad_adkar_bars_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  EdaadAdkarBars *self = EDAAD_ADKAR_BARS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int fixed = 2 * PADDING + labels_width (self) + GAP + (int) ceil (tail_width (self));

      *minimum = fixed + MIN_BAR_WIDTH;
      *natural = fixed + 3 * MIN_BAR_WIDTH;
    }
  else
    {
      *minimum = 2 * PADDING + NE * MIN_ROW;
      *natural = 2 * PADDING + NE * NAT_ROW;
    }
}

static void
edaad_adkar_bars_class_init (EdaadAdkarBarsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdaadChartClass *chart_class = EDAAD_CHART_CLASS (klass);

  widget_class->snapshot = edaad_adkar_bars_snapshot;
  widget_class->measure = edaad_adkar_bars_measure;

  chart_class->describe = edaad_adkar_bars_describe;
  chart_class->tooltip_at = edaad_adkar_bars_tooltip_at;

  gtk_widget_class_set_css_name (widget_class, "adkarbars");
}

static void
edaad_adkar_bars_init (EdaadAdkarBars *self)
{
  copy_scores (self->scores, NULL);
  copy_scores (self->previous, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the chart */
                                  _("ADKAR assessment"), -1);
  edaad_chart_data_changed (EDAAD_CHART (self));
}

GtkWidget *
edaad_adkar_bars_new (void)
{
  return g_object_new (EDAAD_TYPE_ADKAR_BARS, NULL);
}

void
edaad_adkar_bars_set_scores (EdaadAdkarBars *self,
                             const double    scores[EDAAD_ADKAR_N_ELEMENTS])
{
  g_return_if_fail (EDAAD_IS_ADKAR_BARS (self));

  copy_scores (self->scores, scores);
  edaad_chart_data_changed (EDAAD_CHART (self));
}

void
edaad_adkar_bars_set_previous (EdaadAdkarBars *self,
                               const double    previous[EDAAD_ADKAR_N_ELEMENTS])
{
  g_return_if_fail (EDAAD_IS_ADKAR_BARS (self));

  copy_scores (self->previous, previous);
  self->has_previous = previous != NULL;
  edaad_chart_data_changed (EDAAD_CHART (self));
}

static gboolean
record_scores (EdaadRecord *assessment,
               double       scores[NE])
{
  if (assessment == NULL || edaad_record_get_deleted (assessment))
    return FALSE;
  for (guint i = 0; i < NE; i++)
    {
      const char *field = edaad_adkar_element_field ((EdaadAdkarElement) i);

      scores[i] = edaad_record_has_value (assessment, field) ? edaad_record_get_real (assessment, field) : NAN;
    }
  return TRUE;
}

void
edaad_adkar_bars_set_assessments (EdaadAdkarBars *self,
                                  EdaadRecord    *current,
                                  EdaadRecord    *previous)
{
  double scores[NE], before[NE];

  g_return_if_fail (EDAAD_IS_ADKAR_BARS (self));
  g_return_if_fail (current == NULL || EDAAD_IS_RECORD (current));
  g_return_if_fail (previous == NULL || EDAAD_IS_RECORD (previous));

  copy_scores (self->scores, record_scores (current, scores) ? scores : NULL);
  self->has_previous = record_scores (previous, before);
  copy_scores (self->previous, self->has_previous ? before : NULL);
  edaad_chart_data_changed (EDAAD_CHART (self));
}

EdaadAdkarElement
edaad_adkar_bars_get_barrier (EdaadAdkarBars *self)
{
  g_return_val_if_fail (EDAAD_IS_ADKAR_BARS (self), EDAAD_ADKAR_NONE);
  return edaad_adkar_barrier_point (self->scores);
}
