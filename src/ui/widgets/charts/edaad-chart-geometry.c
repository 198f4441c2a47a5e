/* edaad-chart-geometry.c — the pure geometry of the charts. */
#define G_LOG_DOMAIN "edaad-chart-geometry"

#include "config.h"

#include "edaad-chart-geometry.h"

#include <math.h>

void
edaad_chart_grid_init (EdaadChartGrid *grid,
                       double          width,
                       double          height,
                       double          axis_start,
                       double          axis_bottom,
                       double          padding,
                       int             n_columns,
                       int             n_rows,
                       gboolean        rtl)
{
  double avail_w, avail_h, cell, cells_w, block_w, block_x, x;

  g_return_if_fail (grid != NULL);

  grid->n_columns = MAX (n_columns, 0);
  grid->n_rows = MAX (n_rows, 0);
  grid->rtl = rtl;

  avail_w = MAX (width - axis_start - padding, 0);
  avail_h = MAX (height - axis_bottom - padding, 0);
  if (grid->n_columns == 0 || grid->n_rows == 0)
    cell = 0;
  else
    cell = floor (MIN (avail_w / grid->n_columns, avail_h / grid->n_rows));

  cells_w = cell * grid->n_columns;
  block_w = axis_start + cells_w;
  block_x = MAX ((width - padding - block_w) / 2, 0);

  /* In left-to-right text the axis strip comes first, then the cells; mirrored otherwise. */
  if (rtl)
    x = width - block_x - axis_start - cells_w;
  else
    x = block_x + axis_start;

  graphene_rect_init (&grid->area, round (x), padding, cells_w, cell * grid->n_rows);
}

double
edaad_chart_grid_cell_size (const EdaadChartGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);

  if (grid->n_columns == 0)
    return 0;
  return grid->area.size.width / grid->n_columns;
}

static gboolean
grid_is_empty (const EdaadChartGrid *grid)
{
  return grid->n_columns <= 0 || grid->n_rows <= 0 || grid->area.size.width <= 0 || grid->area.size.height <= 0;
}

/* Column and row of a point known to be inside the area (edges included). */
static void
locate (const EdaadChartGrid *grid,
        double                x,
        double                y,
        int                  *column,
        int                  *row)
{
  double cell = edaad_chart_grid_cell_size (grid);
  double from_start, from_bottom;
  int c, r;

  if (grid->rtl)
    from_start = grid->area.origin.x + grid->area.size.width - x;
  else
    from_start = x - grid->area.origin.x;
  from_bottom = grid->area.origin.y + grid->area.size.height - y;

  c = (int) floor (from_start / cell) + 1;
  r = (int) floor (from_bottom / cell) + 1;
  *column = CLAMP (c, 1, grid->n_columns);
  *row = CLAMP (r, 1, grid->n_rows);
}

gboolean
edaad_chart_grid_cell_at (const EdaadChartGrid *grid,
                          double                x,
                          double                y,
                          int                  *column,
                          int                  *row)
{
  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (column != NULL && row != NULL, FALSE);

  *column = *row = 0;
  if (grid_is_empty (grid) || !isfinite (x) || !isfinite (y))
    return FALSE;
  if (x < grid->area.origin.x || x >= grid->area.origin.x + grid->area.size.width ||
      y < grid->area.origin.y || y >= grid->area.origin.y + grid->area.size.height)
    return FALSE;

  locate (grid, x, y, column, row);
  return TRUE;
}

gboolean
edaad_chart_grid_snap (const EdaadChartGrid *grid,
                       double                x,
                       double                y,
                       int                  *column,
                       int                  *row)
{
  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (column != NULL && row != NULL, FALSE);

  *column = *row = 0;
  if (grid_is_empty (grid) || isnan (x) || isnan (y))
    return FALSE;

  x = CLAMP (x, grid->area.origin.x, grid->area.origin.x + grid->area.size.width);
  y = CLAMP (y, grid->area.origin.y, grid->area.origin.y + grid->area.size.height);
  locate (grid, x, y, column, row);
  return TRUE;
}

gboolean
edaad_chart_grid_cell_rect (const EdaadChartGrid *grid,
                            int                   column,
                            int                   row,
                            graphene_rect_t      *rect)
{
  double cell, x;

  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (column < 1 || column > grid->n_columns || row < 1 || row > grid->n_rows)
    return FALSE;

  cell = edaad_chart_grid_cell_size (grid);
  if (grid->rtl)
    x = grid->area.origin.x + grid->area.size.width - column * cell;
  else
    x = grid->area.origin.x + (column - 1) * cell;

  graphene_rect_init (rect, x, grid->area.origin.y + grid->area.size.height - row * cell, cell, cell);
  return TRUE;
}

gboolean
edaad_chart_grid_cell_center (const EdaadChartGrid *grid,
                              int                   column,
                              int                   row,
                              graphene_point_t     *point)
{
  graphene_rect_t rect;

  g_return_val_if_fail (point != NULL, FALSE);

  if (!edaad_chart_grid_cell_rect (grid, column, row, &rect))
    return FALSE;
  graphene_rect_get_center (&rect, point);
  return TRUE;
}

double
edaad_chart_geometry_mirror_x (double   width,
                               gboolean rtl,
                               double   x)
{
  return rtl ? width - x : x;
}

void
edaad_chart_spread (guint   index,
                    guint   count,
                    double *dx,
                    double *dy)
{
  guint side, slot;

  g_return_if_fail (dx != NULL && dy != NULL);

  if (count <= 1)
    {
      *dx = *dy = 0;
      return;
    }

  side = count <= 4 ? 2 : 3;
  slot = index % (side * side);
  *dx = ((double) (slot % side) + 0.5) / side - 0.5;
  *dy = count == 2 ? 0 : ((double) (slot / side) + 0.5) / side - 0.5;
}
