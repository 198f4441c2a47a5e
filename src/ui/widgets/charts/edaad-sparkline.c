/* edaad-sparkline.c — a KPI's readings as a small line chart. */
#define G_LOG_DOMAIN "edaad-sparkline"

#include "config.h"

#include "edaad-sparkline.h"

#include "edaad-date.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define PADDING 5
#define POINT_RADIUS 3.5

typedef struct
{
  char *date;
  guint32 day; /* Julian day */
  guint order; /* place in the model: breaks ties of date */
  double value;
} Point;

struct _EdaadSparkline
{
  EdaadChart parent_instance;

  EdaadRecord *kpi;
  GArray *points; /* of Point, by date */
};

G_DEFINE_FINAL_TYPE (EdaadSparkline, edaad_sparkline, EDAAD_TYPE_CHART)

typedef enum
{
  TREND_NONE,
  TREND_BETTER,
  TREND_WORSE,
  TREND_STEADY,
} Trend;

static void
point_clear (Point *point)
{
  g_free (point->date);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *pa = a, *pb = b;

  if (pa->day != pb->day)
    return pa->day < pb->day ? -1 : 1;
  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

static gboolean
lower_is_better (EdaadSparkline *self)
{
  return self->kpi != NULL && g_strcmp0 (edaad_record_get_string (self->kpi, "direction"), "down") == 0;
}

static gboolean
get_target (EdaadSparkline *self,
            double         *target)
{
  if (self->kpi == NULL || !edaad_record_has_value (self->kpi, "target"))
    return FALSE;
  *target = edaad_record_get_real (self->kpi, "target");
  return isfinite (*target);
}

static Trend
get_trend (EdaadSparkline *self)
{
  double last, before;

  if (self->points->len < 2)
    return TREND_NONE;
  last = g_array_index (self->points, Point, self->points->len - 1).value;
  before = g_array_index (self->points, Point, self->points->len - 2).value;
  if (last == before)
    return TREND_STEADY;
  return ((last < before) == lower_is_better (self)) ? TREND_BETTER : TREND_WORSE;
}

static void
edaad_sparkline_records_changed (EdaadChart *chart)
{
  EdaadSparkline *self = EDAAD_SPARKLINE (chart);
  GListModel *readings = edaad_chart_get_records (chart);
  const char *kpi_id = self->kpi != NULL ? edaad_record_get_id (self->kpi) : NULL;
  guint n = readings != NULL ? g_list_model_get_n_items (readings) : 0;

  g_array_set_size (self->points, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) reading = g_list_model_get_item (readings, i);
      const char *date = edaad_record_get_string (reading, "measured_on");
      Point point = { 0 };
      GDate parsed;

      if (edaad_record_get_deleted (reading) || !edaad_record_has_value (reading, "value") ||
          !edaad_date_parse (date, &parsed))
        continue;
      if (kpi_id != NULL && g_strcmp0 (edaad_record_get_string (reading, "kpi_id"), kpi_id) != 0)
        continue;
      point.value = edaad_record_get_real (reading, "value");
      if (!isfinite (point.value))
        continue;
      point.date = g_strdup (date);
      point.day = g_date_get_julian (&parsed);
      point.order = i;
      g_array_append_val (self->points, point);
    }
  g_array_sort (self->points, compare_points);
}

static char *
format_value (EdaadSparkline *self,
              double          value)
{
  g_autofree char *number = edaad_ui_format_number (value, 2);
  const char *unit = self->kpi != NULL ? edaad_record_get_string (self->kpi, "unit") : NULL;

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);
  /* Translators: a KPI value and its unit, "72 %" or "3.5 days" */
  return g_strdup_printf (C_("kpi value", "%s %s"), number, unit);
}

static char *
edaad_sparkline_describe (EdaadChart *chart)
{
  EdaadSparkline *self = EDAAD_SPARKLINE (chart);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *count = edaad_ui_format_count (self->points->len);
  double target;

  if (self->points->len == 0)
    /* Translators: the accessible description of a KPI's sparkline */
    g_string_append (text, _("KPI trend: no readings."));
  else
    {
      g_autofree char *latest = format_value (self, g_array_index (self->points, Point, self->points->len - 1).value);

      /* Translators: the accessible description of a KPI's sparkline: the number of
       * readings and the latest value */
      g_string_append_printf (text, ngettext ("KPI trend: %s reading, latest %s.",
                                              "KPI trend: %s readings, latest %s.", self->points->len),
                              count, latest);
    }

  if (get_target (self, &target))
    {
      g_autofree char *value = format_value (self, target);

      g_string_append_c (text, ' ');
      /* Translators: part of a KPI sparkline's accessible description */
      g_string_append_printf (text, _("Target %s."), value);
    }

  switch (get_trend (self))
    {
    case TREND_BETTER:
      g_string_append_c (text, ' ');
      /* Translators: the last change of a KPI went the better way */
      g_string_append (text, _("Improving."));
      break;
    case TREND_WORSE:
      g_string_append_c (text, ' ');
      /* Translators: the last change of a KPI went the worse way */
      g_string_append (text, _("Worsening."));
      break;
    case TREND_STEADY:
      g_string_append_c (text, ' ');
      /* Translators: the last reading of a KPI equals the one before */
      g_string_append (text, _("Steady."));
      break;
    case TREND_NONE:
    default:
      break;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Where the plot maps values and days: x in left-to-right terms (mirror for RTL). */
typedef struct
{
  double x0, x1, y0, y1; /* the plot rectangle's edges (y1 bottom) */
  double min, max;       /* values at y1 and y0 */
  guint32 first, last;   /* days at x0 and x1 */
} Plot;

static gboolean
make_plot (EdaadSparkline *self,
           Plot           *plot)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double target;

  plot->x0 = PADDING;
  plot->x1 = width - PADDING;
  plot->y0 = PADDING;
  plot->y1 = height - PADDING;
  if (plot->x1 <= plot->x0 || plot->y1 <= plot->y0)
    return FALSE;

  plot->min = G_MAXDOUBLE;
  plot->max = -G_MAXDOUBLE;
  for (guint i = 0; i < self->points->len; i++)
    {
      double value = g_array_index (self->points, Point, i).value;

      plot->min = MIN (plot->min, value);
      plot->max = MAX (plot->max, value);
    }
  if (get_target (self, &target))
    {
      plot->min = MIN (plot->min, target);
      plot->max = MAX (plot->max, target);
    }
  if (plot->min > plot->max)
    plot->min = plot->max = 0;
  if (plot->max - plot->min < 1e-9)
    {
      double spread = MAX (fabs (plot->max) * 0.1, 1.0);

      plot->min -= spread;
      plot->max += spread;
    }

  plot->first = self->points->len > 0 ? g_array_index (self->points, Point, 0).day : 0;
  plot->last = self->points->len > 0 ? g_array_index (self->points, Point, self->points->len - 1).day : 0;
  return TRUE;
}

static double
plot_y (const Plot *plot,
        double      value)
{
  return plot->y1 - (value - plot->min) / (plot->max - plot->min) * (plot->y1 - plot->y0);
}

static double
plot_x (EdaadSparkline *self,
        const Plot     *plot,
        guint32         day)
{
  double x;

  if (plot->last == plot->first)
    x = (plot->x0 + plot->x1) / 2; /* one day only: in the middle */
  else
    x = plot->x0 + (double) (day - plot->first) / (plot->last - plot->first) * (plot->x1 - plot->x0);
  return edaad_chart_mirror_x (EDAAD_CHART (self), x);
}

static char *
edaad_sparkline_tooltip_at (EdaadChart *chart,
                            double      x,
                            double      y)
{
  EdaadSparkline *self = EDAAD_SPARKLINE (chart);
  const Point *nearest;
  double best = G_MAXDOUBLE;
  g_autofree char *date = NULL;
  g_autofree char *value = NULL;
  Plot plot;

  if (self->points->len == 0 || !make_plot (self, &plot))
    return NULL;

  nearest = &g_array_index (self->points, Point, 0);
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);
      double distance = fabs (plot_x (self, &plot, point->day) - x);

      if (distance <= best) /* the later reading of one day wins */
        {
          best = distance;
          nearest = point;
        }
    }

  date = edaad_ui_format_date (nearest->date);
  value = format_value (self, nearest->value);
  /* Translators: a KPI reading in its sparkline's tooltip: date, value */
  return g_strdup_printf (C_("kpi reading", "%s: %s"), date != NULL ? date : nearest->date, value);
}

static void
edaad_sparkline_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  EdaadSparkline *self = EDAAD_SPARKLINE (widget);
  EdaadChart *chart = EDAAD_CHART (widget);
  GdkRGBA line, dim, last_color;
  Plot plot;
  double target;
  cairo_t *cr;

  if (!make_plot (self, &plot))
    return;

  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_ACCENT, 1.0, &line);
  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_FOREGROUND, 0.45, &dim);
  switch (get_trend (self))
    {
    case TREND_BETTER: edaad_chart_get_color (chart, EDAAD_CHART_COLOR_SUCCESS, 1.0, &last_color); break;
    case TREND_WORSE: edaad_chart_get_color (chart, EDAAD_CHART_COLOR_ERROR, 1.0, &last_color); break;
    case TREND_STEADY: case TREND_NONE: default: last_color = line; break;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (get_target (self, &target))
    {
      const double dashes[] = { 4, 3 };
      double y = round (plot_y (&plot, target)) + 0.5;

      cairo_save (cr);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, 1);
      gdk_cairo_set_source_rgba (cr, &dim);
      cairo_move_to (cr, plot.x0, y);
      cairo_line_to (cr, plot.x1, y);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (self->points->len == 0)
    {
      /* No reading yet: a faint baseline says "nothing to show" without words. */
      cairo_set_line_width (cr, 1);
      gdk_cairo_set_source_rgba (cr, &dim);
      cairo_move_to (cr, plot.x0, round (plot.y1) - 0.5);
      cairo_line_to (cr, plot.x1, round (plot.y1) - 0.5);
      cairo_stroke (cr);
    }
  else
    {
      const Point *last = &g_array_index (self->points, Point, self->points->len - 1);

      if (self->points->len > 1)
        {
          cairo_set_line_width (cr, 2);
          gdk_cairo_set_source_rgba (cr, &line);
          for (guint i = 0; i < self->points->len; i++)
            {
              const Point *point = &g_array_index (self->points, Point, i);

              cairo_line_to (cr, plot_x (self, &plot, point->day), plot_y (&plot, point->value));
            }
          cairo_stroke (cr);
        }

      cairo_arc (cr, plot_x (self, &plot, last->day), plot_y (&plot, last->value), POINT_RADIUS, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &last_color);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
edaad_sparkline_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 60;
      *natural = 160;
    }
  else
    {
      *minimum = 24;
      *natural = 40;
    }
}

static void
on_kpi_changed (EdaadSparkline *self)
{
  edaad_sparkline_records_changed (EDAAD_CHART (self));
  edaad_chart_data_changed (EDAAD_CHART (self));
}

static void
edaad_sparkline_dispose (GObject *object)
{
  EdaadSparkline *self = EDAAD_SPARKLINE (object);

  if (self->kpi != NULL)
    g_signal_handlers_disconnect_by_func (self->kpi, on_kpi_changed, self);
  g_clear_object (&self->kpi);
  G_OBJECT_CLASS (edaad_sparkline_parent_class)->dispose (object);
}

static void
edaad_sparkline_finalize (GObject *object)
{
  EdaadSparkline *self = EDAAD_SPARKLINE (object);

  g_clear_pointer (&self->points, g_array_unref);
  G_OBJECT_CLASS (edaad_sparkline_parent_class)->finalize (object);
}

static void
edaad_sparkline_class_init (EdaadSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdaadChartClass *chart_class = EDAAD_CHART_CLASS (klass);

  object_class->dispose = edaad_sparkline_dispose;
  object_class->finalize = edaad_sparkline_finalize;

  widget_class->snapshot = edaad_sparkline_snapshot;
  widget_class->measure = edaad_sparkline_measure;

  chart_class->describe = edaad_sparkline_describe;
  chart_class->tooltip_at = edaad_sparkline_tooltip_at;
  chart_class->records_changed = edaad_sparkline_records_changed;

  gtk_widget_class_set_css_name (widget_class, "sparkline");
}

static void
edaad_sparkline_init (EdaadSparkline *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, (GDestroyNotify) point_clear);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the chart */
                                  _("KPI trend"), -1);
  edaad_chart_data_changed (EDAAD_CHART (self));
}

GtkWidget *
edaad_sparkline_new (void)
{
  return g_object_new (EDAAD_TYPE_SPARKLINE, NULL);
}

void
edaad_sparkline_set_kpi (EdaadSparkline *self,
                         EdaadRecord    *kpi)
{
  g_return_if_fail (EDAAD_IS_SPARKLINE (self));
  g_return_if_fail (kpi == NULL || EDAAD_IS_RECORD (kpi));

  if (self->kpi == kpi)
    return;
  if (self->kpi != NULL)
    g_signal_handlers_disconnect_by_func (self->kpi, on_kpi_changed, self);
  g_set_object (&self->kpi, kpi);
  if (kpi != NULL)
    g_signal_connect_swapped (kpi, "field-changed", G_CALLBACK (on_kpi_changed), self);
  on_kpi_changed (self);
}

void
edaad_sparkline_set_readings (EdaadSparkline *self,
                              GListModel     *readings)
{
  g_return_if_fail (EDAAD_IS_SPARKLINE (self));
  g_return_if_fail (readings == NULL || G_IS_LIST_MODEL (readings));

  edaad_chart_set_records (EDAAD_CHART (self), readings);
}

guint
edaad_sparkline_get_n_points (EdaadSparkline *self)
{
  g_return_val_if_fail (EDAAD_IS_SPARKLINE (self), 0);
  return self->points->len;
}
