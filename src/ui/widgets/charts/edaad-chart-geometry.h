/* edaad-chart-geometry.h — the pure geometry of the charts: where a cell of a grid chart
 * lies, which cell a point falls in, and how x mirrors in right-to-left text.  No widget,
 * no drawing: testable without a display. */
#pragma once

#include <graphene.h>
#include <glib.h>

G_BEGIN_DECLS

/* A grid of n_columns × n_rows square cells.  Columns are numbered 1…n_columns from the
 * start edge (the left in left-to-right text, the right in right-to-left text); rows
 * 1…n_rows from the bottom.  `area` is the rectangle the cells cover. */
typedef struct
{
  graphene_rect_t area;
  int             n_columns;
  int             n_rows;
  gboolean        rtl;
} EdaadChartGrid;

/* Lays out a grid in a width × height box that keeps `axis_start` pixels on the start
 * side and `axis_bottom` pixels at the bottom for the axes, and `padding` pixels on the
 * other sides.  The cells are square, as large as fit, the whole centred horizontally. */
void     edaad_chart_grid_init        (EdaadChartGrid       *grid,
                                       double                width,
                                       double                height,
                                       double                axis_start,
                                       double                axis_bottom,
                                       double                padding,
                                       int                   n_columns,
                                       int                   n_rows,
                                       gboolean              rtl);
/* The side of one cell (0 for an empty grid). */
double   edaad_chart_grid_cell_size   (const EdaadChartGrid *grid);
/* The cell under (x, y): TRUE and its column and row, or FALSE (and 0, 0) outside the
 * cells. */
gboolean edaad_chart_grid_cell_at     (const EdaadChartGrid *grid,
                                       double                x,
                                       double                y,
                                       int                  *column,
                                       int                  *row);
/* The nearest cell to (x, y), the point clamped into the grid first: where a drag that
 * left the grid snaps to.  FALSE only for an empty grid. */
gboolean edaad_chart_grid_snap        (const EdaadChartGrid *grid,
                                       double                x,
                                       double                y,
                                       int                  *column,
                                       int                  *row);
/* The rectangle of a cell; FALSE (and `rect` untouched) when it is out of range. */
gboolean edaad_chart_grid_cell_rect   (const EdaadChartGrid *grid,
                                       int                   column,
                                       int                   row,
                                       graphene_rect_t      *rect);
/* The centre of a cell; FALSE (and `point` untouched) when it is out of range. */
gboolean edaad_chart_grid_cell_center (const EdaadChartGrid *grid,
                                       int                   column,
                                       int                   row,
                                       graphene_point_t     *point);

/* x mirrored in a box `width` wide when `rtl`, else x. */
double   edaad_chart_geometry_mirror_x (double                width,
                                        gboolean              rtl,
                                        double                x);

/* Where the index-th of `count` dots sharing one cell sits, as an offset from the cell's
 * centre in cell sizes (each in −0.5…0.5): one dot in the centre, two side by side, three
 * or four in a 2×2 pattern, more in a 3×3 pattern that wraps.  The x offset is given for left-to-right
 * text; mirror it for right-to-left. */
void     edaad_chart_spread           (guint                 index,
                                       guint                 count,
                                       double               *dx,
                                       double               *dy);

G_END_DECLS
