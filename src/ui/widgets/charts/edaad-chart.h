/* edaad-chart.h — the base of our chart widgets (the power/interest grid, the risk heat
 * map, the sparkline and the ADKAR bars).
 *
 * It gives its subclasses the colours of the current style (following light and dark),
 * Pango layouts that follow the widget's font and text direction, x mirroring for
 * right-to-left text, the accessible description (from the `describe` vfunc) and
 * tooltips (from the `tooltip_at` vfunc). */
#pragma once

#include <gtk/gtk.h>

#include "edaad-chart-geometry.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_CHART (edaad_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (EdaadChart, edaad_chart, EDAAD, CHART, GtkWidget)

/* The colours a chart draws with, looked up by name in the current style. */
typedef enum
{
  EDAAD_CHART_COLOR_FOREGROUND, /* window_fg_color */
  EDAAD_CHART_COLOR_BACKGROUND, /* view_bg_color */
  EDAAD_CHART_COLOR_ACCENT,     /* accent_color: lines and text in the accent */
  EDAAD_CHART_COLOR_ACCENT_BG,  /* accent_bg_color: filled shapes in the accent */
  EDAAD_CHART_COLOR_SUCCESS,    /* success_color */
  EDAAD_CHART_COLOR_WARNING,    /* warning_color */
  EDAAD_CHART_COLOR_ERROR,      /* error_color */
  EDAAD_CHART_COLOR_ORANGE,     /* orange_3: between warning and error */
  EDAAD_CHART_N_COLORS
} EdaadChartColor;

struct _EdaadChartClass
{
  GtkWidgetClass parent_class;

  /* The accessible description of the chart's current data (newly allocated), or NULL. */
  char *(*describe)   (EdaadChart *self);
  /* The tooltip text at (x, y) in widget coordinates (newly allocated), or NULL. */
  char *(*tooltip_at) (EdaadChart *self,
                       double      x,
                       double      y);
  /* The records (edaad_chart_set_records()) changed: their list, or a field of one. */
  void  (*records_changed) (EdaadChart *self);

  gpointer padding[8];
};

/* Subclasses call this when their data changed: the description is asked for again and
 * the chart is redrawn. */
void         edaad_chart_data_changed       (EdaadChart      *self);
/* The records a chart shows (a GListModel of EdaadRecord; tombstones are for the
 * subclass to skip).  The chart follows the list's items-changed and each record's
 * field-changed and notify::deleted, calling `records_changed` and then edaad_chart_data_changed(). */
void         edaad_chart_set_records        (EdaadChart      *self,
                                             GListModel      *records);
GListModel  *edaad_chart_get_records        (EdaadChart      *self);
/* The accessible description last set from `describe` ("" before any). */
const char  *edaad_chart_get_description    (EdaadChart      *self);

/* A colour of the current style, `alpha` times its own opacity. */
void         edaad_chart_get_color          (EdaadChart      *self,
                                             EdaadChartColor  color,
                                             double           alpha,
                                             GdkRGBA         *rgba);
gboolean     edaad_chart_is_dark            (EdaadChart      *self);
gboolean     edaad_chart_is_rtl             (EdaadChart      *self);
/* x mirrored across the widget's width when its direction is right-to-left. */
double       edaad_chart_mirror_x           (EdaadChart      *self,
                                             double           x);

/* A layout of `text` in the widget's font and direction, `scale` times the font size
 * (1.0 for the normal size), bold or not. */
PangoLayout *edaad_chart_create_layout      (EdaadChart      *self,
                                             const char      *text,
                                             double           scale,
                                             gboolean         bold);
/* Draws `layout` with its centre at (cx, cy). */
void         edaad_chart_draw_layout_centered (EdaadChart    *self,
                                               GtkSnapshot   *snapshot,
                                               PangoLayout   *layout,
                                               double         cx,
                                               double         cy,
                                               const GdkRGBA *color);
/* The axes of a grid chart: the numbers 1…n along both axes and the two titles, the y
 * title turned along the start edge. */
void         edaad_chart_draw_grid_axes     (EdaadChart           *self,
                                             GtkSnapshot          *snapshot,
                                             const EdaadChartGrid *grid,
                                             const char           *x_title,
                                             const char           *y_title);
/* The strip sizes edaad_chart_grid_init() needs for those axes. */
void         edaad_chart_get_grid_axes_size (EdaadChart           *self,
                                             double               *axis_start,
                                             double               *axis_bottom);
/* A focus ring around `rect` (in the accent colour). */
void         edaad_chart_draw_focus_ring    (EdaadChart            *self,
                                             GtkSnapshot           *snapshot,
                                             const graphene_rect_t *rect,
                                             double                 radius);

G_END_DECLS
