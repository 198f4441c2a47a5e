/* test-charts.c — the chart widgets: their pure geometry (which cell is where, in left-to-right
 * and right-to-left text), and the real widgets in a window under Xvfb: clicks on the heat
 * map, moving stakeholders on the grid from the keyboard and through `grid.move`, accessible
 * descriptions that follow the data, and drawing with no data at all. */
#define G_LOG_DOMAIN "test-charts"

#include "config.h"

#include "edaad-adkar-bars.h"
#include "edaad-chart-geometry.h"
#include "edaad-power-interest-grid.h"
#include "edaad-risk-heat-map.h"
#include "edaad-sparkline.h"

#include <adwaita.h>
#include <math.h>

#define WAIT_SECONDS 20

/* ---- pure geometry ---- */

static void
test_geometry_grid (void)
{
  for (int dir = 0; dir < 2; dir++)
    {
      gboolean rtl = dir == 1;
      EdaadChartGrid grid;
      graphene_rect_t first, last;
      int column, row;

      /* 340 × 300 with 40-pixel axes and 4 pixels of padding: cells of 51 pixels, the
       * whole centred horizontally. */
      edaad_chart_grid_init (&grid, 340, 300, 40, 40, 4, 5, 5, rtl);
      g_assert_cmpfloat (edaad_chart_grid_cell_size (&grid), ==, 51);
      g_assert_cmpfloat (grid.area.size.width, ==, 255);
      g_assert_cmpfloat (grid.area.size.height, ==, 255);
      g_assert_cmpfloat (grid.area.origin.y, ==, 4);
      /* The axis strip sits on the start side. */
      if (rtl)
        g_assert_cmpfloat (340 - (grid.area.origin.x + grid.area.size.width), >=, 40);
      else
        g_assert_cmpfloat (grid.area.origin.x, >=, 40);

      /* Column 1 starts at the start edge; row 1 is the bottom row. */
      g_assert_true (edaad_chart_grid_cell_rect (&grid, 1, 1, &first));
      g_assert_true (edaad_chart_grid_cell_rect (&grid, 5, 5, &last));
      if (rtl)
        {
          g_assert_cmpfloat (first.origin.x + first.size.width, ==, grid.area.origin.x + grid.area.size.width);
          g_assert_cmpfloat (last.origin.x, ==, grid.area.origin.x);
        }
      else
        {
          g_assert_cmpfloat (first.origin.x, ==, grid.area.origin.x);
          g_assert_cmpfloat (last.origin.x + last.size.width, ==, grid.area.origin.x + grid.area.size.width);
        }
      g_assert_cmpfloat (first.origin.y + first.size.height, ==, grid.area.origin.y + grid.area.size.height);
      g_assert_cmpfloat (last.origin.y, ==, grid.area.origin.y);

      /* Every cell's centre, and points just inside its corners, lead back to it. */
      for (int c = 1; c <= 5; c++)
        for (int r = 1; r <= 5; r++)
          {
            graphene_rect_t rect;
            graphene_point_t center;

            g_assert_true (edaad_chart_grid_cell_center (&grid, c, r, &center));
            g_assert_true (edaad_chart_grid_cell_at (&grid, center.x, center.y, &column, &row));
            g_assert_cmpint (column, ==, c);
            g_assert_cmpint (row, ==, r);

            g_assert_true (edaad_chart_grid_cell_rect (&grid, c, r, &rect));
            g_assert_true (edaad_chart_grid_cell_at (&grid, rect.origin.x + 0.5, rect.origin.y + 0.5, &column, &row));
            g_assert_cmpint (column, ==, c);
            g_assert_cmpint (row, ==, r);
            g_assert_true (edaad_chart_grid_cell_at (&grid, rect.origin.x + rect.size.width - 0.5,
                                                     rect.origin.y + rect.size.height - 0.5, &column, &row));
            g_assert_cmpint (column, ==, c);
            g_assert_cmpint (row, ==, r);
          }

      /* Outside the cells: nothing, and (0, 0). */
      g_assert_false (edaad_chart_grid_cell_at (&grid, grid.area.origin.x - 1, 100, &column, &row));
      g_assert_cmpint (column, ==, 0);
      g_assert_cmpint (row, ==, 0);
      g_assert_false (edaad_chart_grid_cell_at (&grid, grid.area.origin.x + grid.area.size.width, 100, &column, &row));
      g_assert_false (edaad_chart_grid_cell_at (&grid, 150, grid.area.origin.y + grid.area.size.height, &column, &row));
      g_assert_false (edaad_chart_grid_cell_at (&grid, 150, 0, &column, &row));
      g_assert_false (edaad_chart_grid_cell_at (&grid, NAN, 100, &column, &row));

      /* Out-of-range cells have no place. */
      g_assert_false (edaad_chart_grid_cell_rect (&grid, 0, 1, &first));
      g_assert_false (edaad_chart_grid_cell_rect (&grid, 1, 6, &first));
      g_assert_false (edaad_chart_grid_cell_center (&grid, 6, 6, &(graphene_point_t) { 0 }));

      /* A drag that left the grid snaps to the nearest edge cell. */
      g_assert_true (edaad_chart_grid_snap (&grid, -1000, -1000, &column, &row));
      g_assert_cmpint (column, ==, rtl ? 5 : 1);
      g_assert_cmpint (row, ==, 5);
      g_assert_true (edaad_chart_grid_snap (&grid, 5000, 5000, &column, &row));
      g_assert_cmpint (column, ==, rtl ? 1 : 5);
      g_assert_cmpint (row, ==, 1);
      g_assert_false (edaad_chart_grid_snap (&grid, NAN, 0, &column, &row));
    }
}

static void
test_geometry_empty (void)
{
  EdaadChartGrid grid;
  graphene_rect_t rect;
  int column = -1, row = -1;

  /* Too small for any cell. */
  edaad_chart_grid_init (&grid, 30, 30, 40, 40, 4, 5, 5, FALSE);
  g_assert_cmpfloat (edaad_chart_grid_cell_size (&grid), ==, 0);
  g_assert_false (edaad_chart_grid_cell_at (&grid, 10, 10, &column, &row));
  g_assert_cmpint (column, ==, 0);
  g_assert_false (edaad_chart_grid_snap (&grid, 10, 10, &column, &row));

  /* No columns at all. */
  edaad_chart_grid_init (&grid, 300, 300, 0, 0, 0, 0, 5, FALSE);
  g_assert_cmpfloat (edaad_chart_grid_cell_size (&grid), ==, 0);
  g_assert_false (edaad_chart_grid_cell_rect (&grid, 1, 1, &rect));
}

static void
test_geometry_mirror_and_spread (void)
{
  double dx, dy;

  g_assert_cmpfloat (edaad_chart_geometry_mirror_x (200, FALSE, 30), ==, 30);
  g_assert_cmpfloat (edaad_chart_geometry_mirror_x (200, TRUE, 30), ==, 170);
  g_assert_cmpfloat (edaad_chart_geometry_mirror_x (200, TRUE, edaad_chart_geometry_mirror_x (200, TRUE, 42)), ==, 42);

  edaad_chart_spread (0, 1, &dx, &dy);
  g_assert_cmpfloat (dx, ==, 0);
  g_assert_cmpfloat (dy, ==, 0);

  /* Two side by side; three or four in a 2×2 pattern. */
  edaad_chart_spread (0, 2, &dx, &dy);
  g_assert_cmpfloat (dx, ==, -0.25);
  g_assert_cmpfloat (dy, ==, 0);
  edaad_chart_spread (1, 2, &dx, &dy);
  g_assert_cmpfloat (dx, ==, 0.25);
  g_assert_cmpfloat (dy, ==, 0);
  edaad_chart_spread (0, 3, &dx, &dy);
  g_assert_cmpfloat (dx, ==, -0.25);
  g_assert_cmpfloat (dy, ==, -0.25);
  edaad_chart_spread (3, 4, &dx, &dy);
  g_assert_cmpfloat (dx, ==, 0.25);
  g_assert_cmpfloat (dy, ==, 0.25);

  /* Five or more: 3×3, inside the cell. */
  for (guint i = 0; i < 9; i++)
    {
      edaad_chart_spread (i, 9, &dx, &dy);
      g_assert_cmpfloat (fabs (dx), <, 0.5);
      g_assert_cmpfloat (fabs (dy), <, 0.5);
      for (guint j = 0; j < i; j++)
        {
          double dx2, dy2;

          edaad_chart_spread (j, 9, &dx2, &dy2);
          g_assert_true (dx != dx2 || dy != dy2);
        }
    }
}

/* ---- the widgets, in a window ---- */

static GtkWidget *
show_in_window (GtkWidget *chart,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (chart) < width / 2 || gtk_widget_get_height (chart) < height / 2)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the window to show");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return window;
}

static EdaadRecord *
make_risk (const char *id,
           gint64      likelihood,
           gint64      impact)
{
  EdaadRecord *risk = edaad_record_new_for_kind ("risk");

  edaad_record_set_id (risk, id);
  edaad_record_set_string (risk, "title", id);
  if (likelihood != 0)
    edaad_record_set_int (risk, "likelihood", likelihood);
  if (impact != 0)
    edaad_record_set_int (risk, "impact", impact);
  return risk;
}

static void
add_record (GListStore  *store,
            EdaadRecord *record)
{
  g_list_store_append (store, record);
  g_object_unref (record);
}

typedef struct
{
  int calls;
  int a;
  int b;
  char *id;
} Emitted;

static void
on_cell_activated (EdaadRiskHeatMap *map,
                   int               likelihood,
                   int               impact,
                   Emitted          *emitted)
{
  emitted->calls++;
  emitted->a = likelihood;
  emitted->b = impact;
}

static void
click_cell (EdaadRiskHeatMap *map,
            int               likelihood,
            int               impact)
{
  graphene_rect_t rect;
  graphene_point_t center;

  g_assert_true (edaad_risk_heat_map_get_cell_rect (map, likelihood, impact, &rect));
  graphene_rect_get_center (&rect, &center);
  g_assert_true (edaad_risk_heat_map_activate_at (map, center.x, center.y));
}

static void
check_heat_map_clicks (gboolean rtl)
{
  GtkWidget *widget = edaad_risk_heat_map_new ();
  EdaadRiskHeatMap *map = EDAAD_RISK_HEAT_MAP (widget);
  GtkWidget *window;
  Emitted emitted = { 0 };
  graphene_rect_t start, end;
  int likelihood, impact;

  gtk_widget_set_direction (widget, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  g_signal_connect (map, "cell-activated", G_CALLBACK (on_cell_activated), &emitted);
  window = show_in_window (widget, 400, 360);

  /* Impact 1 lies on the start side: left in LTR, right in RTL. */
  g_assert_true (edaad_risk_heat_map_get_cell_rect (map, 3, 1, &start));
  g_assert_true (edaad_risk_heat_map_get_cell_rect (map, 3, 5, &end));
  if (rtl)
    g_assert_cmpfloat (start.origin.x, >, end.origin.x);
  else
    g_assert_cmpfloat (start.origin.x, <, end.origin.x);

  /* A click in the leftmost column, top row: impact 1 (LTR) or 5 (RTL), likelihood 5. */
  g_assert_true (edaad_risk_heat_map_cell_at (map, MIN (start.origin.x, end.origin.x) + 2, start.origin.y - 2 * start.size.height + 2,
                                              &likelihood, &impact));
  g_assert_cmpint (likelihood, ==, 5);
  g_assert_cmpint (impact, ==, rtl ? 5 : 1);

  click_cell (map, 4, 2);
  g_assert_cmpint (emitted.calls, ==, 1);
  g_assert_cmpint (emitted.a, ==, 4);
  g_assert_cmpint (emitted.b, ==, 2);
  g_assert_true (edaad_risk_heat_map_get_selected (map, &likelihood, &impact));
  g_assert_cmpint (likelihood, ==, 4);
  g_assert_cmpint (impact, ==, 2);

  /* Another cell moves the selection; the same one again clears it. */
  click_cell (map, 1, 5);
  g_assert_cmpint (emitted.calls, ==, 2);
  g_assert_cmpint (emitted.a, ==, 1);
  g_assert_cmpint (emitted.b, ==, 5);
  click_cell (map, 1, 5);
  g_assert_cmpint (emitted.calls, ==, 3);
  g_assert_cmpint (emitted.a, ==, 0);
  g_assert_cmpint (emitted.b, ==, 0);
  g_assert_false (edaad_risk_heat_map_get_selected (map, &likelihood, &impact));
  g_assert_cmpint (likelihood, ==, 0);

  /* A click beside the cells (on the axes) does nothing. */
  g_assert_false (edaad_risk_heat_map_activate_at (map, rtl ? gtk_widget_get_width (widget) - 2 : 2, 10));
  g_assert_false (edaad_risk_heat_map_activate_at (map, 200, gtk_widget_get_height (widget) - 2));
  g_assert_cmpint (emitted.calls, ==, 3);

  /* Selecting from code does not emit. */
  edaad_risk_heat_map_set_selected (map, 5, 5);
  g_assert_cmpint (emitted.calls, ==, 3);
  g_assert_true (edaad_risk_heat_map_get_selected (map, NULL, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_heat_map_click_ltr (void)
{
  check_heat_map_clicks (FALSE);
}

static void
test_heat_map_click_rtl (void)
{
  check_heat_map_clicks (TRUE);
}

static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      return handled;
    }
  g_assert_not_reached ();
}

static void
test_heat_map_keyboard (void)
{
  GtkWidget *widget = edaad_risk_heat_map_new ();
  EdaadRiskHeatMap *map = EDAAD_RISK_HEAT_MAP (widget);
  GtkWidget *window;
  Emitted emitted = { 0 };

  g_signal_connect (map, "cell-activated", G_CALLBACK (on_cell_activated), &emitted);
  window = show_in_window (widget, 400, 360);
  g_assert_true (gtk_widget_get_focusable (widget));

  /* The cursor starts at (1, 1); Up twice, Right once, Enter. */
  g_assert_true (press_key (widget, GDK_KEY_Up, 0));
  g_assert_true (press_key (widget, GDK_KEY_Up, 0));
  g_assert_true (press_key (widget, GDK_KEY_Right, 0));
  g_assert_cmpint (emitted.calls, ==, 0);
  g_assert_true (press_key (widget, GDK_KEY_Return, 0));
  g_assert_cmpint (emitted.calls, ==, 1);
  g_assert_cmpint (emitted.a, ==, 3);
  g_assert_cmpint (emitted.b, ==, 2);
  /* Space on the same cell clears. */
  g_assert_true (press_key (widget, GDK_KEY_space, 0));
  g_assert_cmpint (emitted.calls, ==, 2);
  g_assert_cmpint (emitted.a, ==, 0);

  /* The cursor stops at the edges. */
  for (int i = 0; i < 8; i++)
    press_key (widget, GDK_KEY_Down, 0);
  press_key (widget, GDK_KEY_Return, 0);
  g_assert_cmpint (emitted.a, ==, 1);
  g_assert_cmpint (emitted.b, ==, 2);
  /* Escape clears a selection, and is not ours without one. */
  g_assert_true (press_key (widget, GDK_KEY_Escape, 0));
  g_assert_cmpint (emitted.a, ==, 0);
  g_assert_false (press_key (widget, GDK_KEY_Escape, 0));
  /* Unrelated keys pass on. */
  g_assert_false (press_key (widget, GDK_KEY_a, 0));

  /* In RTL, Right goes towards impact 1. */
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_RTL);
  press_key (widget, GDK_KEY_Right, 0);
  press_key (widget, GDK_KEY_Return, 0);
  g_assert_cmpint (emitted.a, ==, 1);
  g_assert_cmpint (emitted.b, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_heat_map_description (void)
{
  GtkWidget *widget = edaad_risk_heat_map_new ();
  EdaadRiskHeatMap *map = EDAAD_RISK_HEAT_MAP (widget);
  g_autoptr(GListStore) risks = g_list_store_new (EDAAD_TYPE_RECORD);
  EdaadRecord *deleted;
  EdaadRecord *first;

  g_object_ref_sink (widget);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (map)), ==, "Risk heat map: no risks.");

  add_record (risks, make_risk ("a", 5, 5));   /* 25 critical */
  add_record (risks, make_risk ("b", 4, 4));   /* 16 critical */
  add_record (risks, make_risk ("c", 3, 4));   /* 12 high */
  add_record (risks, make_risk ("d", 1, 2));   /* 2 low */
  add_record (risks, make_risk ("e", 0, 3));   /* not rated: not counted */
  add_record (risks, make_risk ("f", 9, 3));   /* out of range: not counted */
  deleted = make_risk ("g", 2, 3);
  edaad_record_set_deleted (deleted, TRUE);
  add_record (risks, deleted);

  edaad_risk_heat_map_set_risks (map, G_LIST_MODEL (risks));
  g_assert_cmpuint (edaad_risk_heat_map_get_count (map, 5, 5), ==, 1);
  g_assert_cmpuint (edaad_risk_heat_map_get_count (map, 2, 3), ==, 0);
  g_assert_cmpuint (edaad_risk_heat_map_get_count (map, 0, 3), ==, 0);
  g_assert_cmpuint (edaad_risk_heat_map_get_count (map, 6, 6), ==, 0);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (map)), ==,
                   "Risk heat map: 2 critical, 1 high, 0 medium, 1 low.");

  /* A risk's field changes: the map follows. */
  first = g_list_model_get_item (G_LIST_MODEL (risks), 0);
  edaad_record_set_int (first, "likelihood", 2); /* 10: high */
  g_object_unref (first);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (map)), ==,
                   "Risk heat map: 1 critical, 2 high, 0 medium, 1 low.");

  /* The list changes. */
  g_list_store_remove (risks, 3);
  add_record (risks, make_risk ("h", 2, 3)); /* 6 medium */
  edaad_risk_heat_map_set_selected (map, 2, 5);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (map)), ==,
                   "Risk heat map: 1 critical, 2 high, 1 medium, 0 low. Selected: likelihood 2, impact 5.");

  edaad_risk_heat_map_set_risks (map, NULL);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (map)), ==,
                   "Risk heat map: no risks. Selected: likelihood 2, impact 5.");
  g_object_unref (widget);
}

static EdaadRecord *
make_stakeholder (const char *id,
                  const char *name,
                  gint64      power,
                  gint64      interest,
                  const char *attitude)
{
  EdaadRecord *stakeholder = edaad_record_new_for_kind ("stakeholder");

  edaad_record_set_id (stakeholder, id);
  edaad_record_set_string (stakeholder, "name", name);
  if (power != 0)
    edaad_record_set_int (stakeholder, "power", power);
  if (interest != 0)
    edaad_record_set_int (stakeholder, "interest", interest);
  if (attitude != NULL)
    edaad_record_set_string (stakeholder, "attitude_now", attitude);
  return stakeholder;
}

static void
on_stakeholder_moved (EdaadPowerInterestGrid *grid,
                      const char             *id,
                      int                     power,
                      int                     interest,
                      Emitted                *emitted)
{
  emitted->calls++;
  g_free (emitted->id);
  emitted->id = g_strdup (id);
  emitted->a = power;
  emitted->b = interest;
}

static void
assert_moved (Emitted    *emitted,
              int         calls,
              const char *id,
              int         power,
              int         interest)
{
  g_assert_cmpint (emitted->calls, ==, calls);
  g_assert_cmpstr (emitted->id, ==, id);
  g_assert_cmpint (emitted->a, ==, power);
  g_assert_cmpint (emitted->b, ==, interest);
}

static GListStore *
make_stakeholders (void)
{
  GListStore *stakeholders = g_list_store_new (EDAAD_TYPE_RECORD);

  add_record (stakeholders, make_stakeholder ("s1", "Salim Al Harthy", 5, 5, "champion"));
  add_record (stakeholders, make_stakeholder ("s2", "Maryam Al Balushi", 4, 2, "critic"));
  add_record (stakeholders, make_stakeholder ("s3", "Citizens", 1, 4, NULL));
  add_record (stakeholders, make_stakeholder ("s4", "Finance", 0, 0, "neutral")); /* unset: 3, 3 */
  return stakeholders;
}

static void
test_grid_action (void)
{
  GtkWidget *widget = edaad_power_interest_grid_new ();
  EdaadPowerInterestGrid *grid = EDAAD_POWER_INTEREST_GRID (widget);
  g_autoptr(GListStore) stakeholders = make_stakeholders ();
  Emitted emitted = { 0 };

  g_object_ref_sink (widget);
  edaad_power_interest_grid_set_stakeholders (grid, G_LIST_MODEL (stakeholders));
  g_signal_connect (grid, "stakeholder-moved", G_CALLBACK (on_stakeholder_moved), &emitted);

  /* Out-of-range values are clamped to 1–5. */
  g_assert_true (gtk_widget_activate_action (widget, "grid.move", "(sii)", "s1", 9, 0));
  assert_moved (&emitted, 1, "s1", 5, 1);
  g_assert_cmpstr (edaad_power_interest_grid_get_selected (grid), ==, "s1");
  g_assert_true (gtk_widget_activate_action (widget, "grid.move", "(sii)", "s2", -3, 2));
  assert_moved (&emitted, 2, "s2", 1, 2);
  g_assert_true (gtk_widget_activate_action (widget, "grid.move", "(sii)", "s4", 2, 4));
  assert_moved (&emitted, 3, "s4", 2, 4);

  /* The grid wrote nothing itself: s1 is still at 5, 5, so moving it there is no move. */
  g_assert_true (gtk_widget_activate_action (widget, "grid.move", "(sii)", "s1", 5, 5));
  g_assert_true (edaad_power_interest_grid_move (grid, "s1", 7, 8));
  g_assert_cmpint (emitted.calls, ==, 3);

  /* An unknown stakeholder: nothing. */
  g_assert_true (gtk_widget_activate_action (widget, "grid.move", "(sii)", "nobody", 2, 2));
  g_assert_false (edaad_power_interest_grid_move (grid, "nobody", 2, 2));
  g_assert_cmpint (emitted.calls, ==, 3);
  g_assert_false (edaad_power_interest_grid_set_selected (grid, "nobody"));
  g_assert_cmpstr (edaad_power_interest_grid_get_selected (grid), ==, "s4");

  /* A parameter of the wrong type moves nothing. */
  gtk_widget_activate_action (widget, "grid.move", "(ii)", 2, 2);
  gtk_widget_activate_action (widget, "grid.move", NULL);
  g_assert_cmpint (emitted.calls, ==, 3);

  g_free (emitted.id);
  g_object_unref (widget);
}

/* What the plan editor does: write the move to the record. */
static void
apply_move (EdaadPowerInterestGrid *grid,
            const char             *id,
            int                     power,
            int                     interest,
            GListStore             *stakeholders)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (stakeholders));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) record = g_list_model_get_item (G_LIST_MODEL (stakeholders), i);

      if (g_strcmp0 (edaad_record_get_id (record), id) != 0)
        continue;
      edaad_record_set_int (record, "power", power);
      edaad_record_set_int (record, "interest", interest);
    }
}

static void
test_grid_keyboard (void)
{
  GtkWidget *widget = edaad_power_interest_grid_new ();
  EdaadPowerInterestGrid *grid = EDAAD_POWER_INTEREST_GRID (widget);
  g_autoptr(GListStore) stakeholders = make_stakeholders ();
  GtkWidget *window;
  Emitted emitted = { 0 };

  edaad_power_interest_grid_set_stakeholders (grid, G_LIST_MODEL (stakeholders));
  g_signal_connect (grid, "stakeholder-moved", G_CALLBACK (on_stakeholder_moved), &emitted);
  g_signal_connect_after (grid, "stakeholder-moved", G_CALLBACK (apply_move), stakeholders);
  window = show_in_window (widget, 420, 420);
  g_assert_true (gtk_widget_get_focusable (widget));

  /* Taking the focus selects the first stakeholder; Tab walks through the others, then
   * lets the focus leave. */
  edaad_power_interest_grid_set_selected (grid, NULL);
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_assert_null (edaad_power_interest_grid_get_selected (grid));
  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_cmpstr (edaad_power_interest_grid_get_selected (grid), ==, "s1");
  g_assert_true (press_key (widget, GDK_KEY_Tab, 0));
  g_assert_true (press_key (widget, GDK_KEY_Tab, 0));
  g_assert_true (press_key (widget, GDK_KEY_Tab, 0));
  g_assert_cmpstr (edaad_power_interest_grid_get_selected (grid), ==, "s4");
  g_assert_false (press_key (widget, GDK_KEY_Tab, 0));
  g_assert_true (press_key (widget, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpstr (edaad_power_interest_grid_get_selected (grid), ==, "s3");
  /* Plain arrows select too. */
  g_assert_true (press_key (widget, GDK_KEY_Left, 0));
  g_assert_cmpstr (edaad_power_interest_grid_get_selected (grid), ==, "s2");
  g_assert_cmpint (emitted.calls, ==, 0);

  /* Shift+arrows move s2 (power 4, interest 2) one step; the handler writes the record. */
  g_assert_true (press_key (widget, GDK_KEY_Up, GDK_SHIFT_MASK));
  assert_moved (&emitted, 1, "s2", 5, 2);
  g_assert_true (press_key (widget, GDK_KEY_Right, GDK_SHIFT_MASK));
  assert_moved (&emitted, 2, "s2", 5, 3);
  g_assert_true (press_key (widget, GDK_KEY_Down, GDK_CONTROL_MASK));
  assert_moved (&emitted, 3, "s2", 4, 3);
  g_assert_cmpstr (edaad_power_interest_grid_get_selected (grid), ==, "s2");

  /* At the edge it stays: power 5 cannot go up. */
  g_assert_true (press_key (widget, GDK_KEY_Up, GDK_SHIFT_MASK));
  assert_moved (&emitted, 4, "s2", 5, 3);
  g_assert_true (press_key (widget, GDK_KEY_Up, GDK_SHIFT_MASK));
  g_assert_cmpint (emitted.calls, ==, 4);

  /* In RTL the interest axis runs right to left: Shift+Left raises interest. */
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_RTL);
  g_assert_true (press_key (widget, GDK_KEY_Left, GDK_SHIFT_MASK));
  assert_moved (&emitted, 5, "s2", 5, 4);
  g_assert_true (press_key (widget, GDK_KEY_Right, GDK_SHIFT_MASK));
  assert_moved (&emitted, 6, "s2", 5, 3);

  /* The dot follows the record: it is drawn in the cell (5, 3). */
  {
    graphene_point_t center;
    int power, interest;

    g_assert_true (edaad_power_interest_grid_get_dot_center (grid, "s2", &center));
    g_assert_true (edaad_power_interest_grid_cell_at (grid, center.x, center.y, &power, &interest));
    g_assert_cmpint (power, ==, 5);
    g_assert_cmpint (interest, ==, 3);
  }

  g_free (emitted.id);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_grid_description (void)
{
  GtkWidget *widget = edaad_power_interest_grid_new ();
  EdaadPowerInterestGrid *grid = EDAAD_POWER_INTEREST_GRID (widget);
  g_autoptr(GListStore) stakeholders = make_stakeholders ();
  EdaadRecord *citizens;

  g_object_ref_sink (widget);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (grid)), ==,
                   "Power and interest grid, 0 stakeholders; Manage closely: 0; Keep satisfied: 0; "
                   "Keep informed: 0; Monitor: 0.");

  edaad_power_interest_grid_set_stakeholders (grid, G_LIST_MODEL (stakeholders));
  /* s1 (5, 5) and s4 (3, 3) manage closely; s2 (4, 2) keep satisfied; s3 (1, 4) keep informed. */
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (grid)), ==,
                   "Power and interest grid, 4 stakeholders; Manage closely: 2; Keep satisfied: 1; "
                   "Keep informed: 1; Monitor: 0.");

  citizens = g_list_model_get_item (G_LIST_MODEL (stakeholders), 2);
  edaad_record_set_int (citizens, "interest", 1);
  g_assert_true (edaad_power_interest_grid_set_selected (grid, "s3"));
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (grid)), ==,
                   "Power and interest grid, 4 stakeholders; Manage closely: 2; Keep satisfied: 1; "
                   "Keep informed: 0; Monitor: 1. Selected: Citizens: power 1, interest 1 (Monitor).");

  /* A deleted stakeholder leaves the grid, and the selection with it. */
  edaad_record_set_deleted (citizens, TRUE);
  g_object_unref (citizens);
  g_assert_null (edaad_power_interest_grid_get_selected (grid));
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (grid)), ==,
                   "Power and interest grid, 3 stakeholders; Manage closely: 2; Keep satisfied: 1; "
                   "Keep informed: 0; Monitor: 0.");

  g_list_store_remove_all (stakeholders);
  g_list_store_append (stakeholders, edaad_record_new_for_kind ("stakeholder"));
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (stakeholders), 0));
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (grid)), ==,
                   "Power and interest grid, 1 stakeholder; Manage closely: 1; Keep satisfied: 0; "
                   "Keep informed: 0; Monitor: 0.");
  g_object_unref (widget);
}

static EdaadRecord *
make_reading (const char *kpi_id,
              const char *date,
              double      value)
{
  EdaadRecord *reading = edaad_record_new_for_kind ("kpi_reading");

  edaad_record_set_string (reading, "kpi_id", kpi_id);
  if (date != NULL)
    edaad_record_set_string (reading, "measured_on", date);
  edaad_record_set_real (reading, "value", value);
  return reading;
}

static void
test_sparkline_description (void)
{
  GtkWidget *widget = edaad_sparkline_new ();
  EdaadSparkline *sparkline = EDAAD_SPARKLINE (widget);
  g_autoptr(GListStore) readings = g_list_store_new (EDAAD_TYPE_RECORD);
  g_autoptr(EdaadRecord) kpi = edaad_record_new_for_kind ("kpi");

  g_object_ref_sink (widget);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (sparkline)), ==, "KPI trend: no readings.");

  edaad_record_set_id (kpi, "k1");
  edaad_record_set_string (kpi, "name", "Processing time");
  edaad_record_set_string (kpi, "direction", "down");
  edaad_record_set_real (kpi, "target", 3);
  edaad_record_set_string (kpi, "unit", "days");
  edaad_sparkline_set_kpi (sparkline, kpi);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (sparkline)), ==, "KPI trend: no readings. Target 3 days.");

  /* Out of order; one of another KPI and one without a date are left out. */
  add_record (readings, make_reading ("k1", "2025-03-01", 9));
  add_record (readings, make_reading ("k1", "2025-01-01", 12));
  add_record (readings, make_reading ("k2", "2025-04-01", 1));
  add_record (readings, make_reading ("k1", NULL, 2));
  edaad_sparkline_set_readings (sparkline, G_LIST_MODEL (readings));
  g_assert_cmpuint (edaad_sparkline_get_n_points (sparkline), ==, 2);
  /* Lower is better: 12 → 9 improves. */
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (sparkline)), ==,
                   "KPI trend: 2 readings, latest 9 days. Target 3 days. Improving.");

  add_record (readings, make_reading ("k1", "2025-05-01", 10.5));
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (sparkline)), ==,
                   "KPI trend: 3 readings, latest 10.5 days. Target 3 days. Worsening.");

  /* The KPI turns to "up": the same change now improves. */
  edaad_record_set_string (kpi, "direction", "up");
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (sparkline)), ==,
                   "KPI trend: 3 readings, latest 10.5 days. Target 3 days. Improving.");

  add_record (readings, make_reading ("k1", "2025-06-01", 10.5));
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (sparkline)), ==,
                   "KPI trend: 4 readings, latest 10.5 days. Target 3 days. Steady.");

  g_list_store_remove_all (readings);
  add_record (readings, make_reading ("k1", "2025-06-01", 1));
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (sparkline)), ==,
                   "KPI trend: 1 reading, latest 1 days. Target 3 days.");

  edaad_sparkline_set_kpi (sparkline, NULL);
  edaad_sparkline_set_readings (sparkline, NULL);
  g_assert_cmpuint (edaad_sparkline_get_n_points (sparkline), ==, 0);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (sparkline)), ==, "KPI trend: no readings.");
  g_object_unref (widget);
}

static void
test_adkar_description (void)
{
  GtkWidget *widget = edaad_adkar_bars_new ();
  EdaadAdkarBars *bars = EDAAD_ADKAR_BARS (widget);
  const double scores[5] = { 4.5, 2.5, 3.0, 4.0, 3.5 };
  const double previous[5] = { 4.0, 2.0, NAN, 3.0, 3.0 };
  const double strong[5] = { 4.5, 4.0, 3.5, 4.0, 5.0 };
  g_autoptr(EdaadRecord) assessment = edaad_record_new_for_kind ("adkar_assessment");

  g_object_ref_sink (widget);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (bars)), ==, "ADKAR: not assessed.");
  g_assert_cmpint (edaad_adkar_bars_get_barrier (bars), ==, EDAAD_ADKAR_NONE);

  edaad_adkar_bars_set_scores (bars, scores);
  g_assert_cmpint (edaad_adkar_bars_get_barrier (bars), ==, EDAAD_ADKAR_DESIRE);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (bars)), ==,
                   "ADKAR: Awareness 4.5, Desire 2.5, Knowledge 3, Ability 4, Reinforcement 3.5. "
                   "Barrier point: Desire.");

  edaad_adkar_bars_set_previous (bars, previous);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (bars)), ==,
                   "ADKAR: Awareness 4.5, Desire 2.5, Knowledge 3, Ability 4, Reinforcement 3.5. "
                   "Barrier point: Desire. Previous round: Awareness 4, Desire 2, Knowledge —, Ability 3, "
                   "Reinforcement 3.");

  edaad_adkar_bars_set_previous (bars, NULL);
  edaad_adkar_bars_set_scores (bars, strong);
  g_assert_cmpint (edaad_adkar_bars_get_barrier (bars), ==, EDAAD_ADKAR_NONE);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (bars)), ==,
                   "ADKAR: Awareness 4.5, Desire 4, Knowledge 3.5, Ability 4, Reinforcement 5. No barrier point.");

  /* From a record: unset elements are not assessed (and not a barrier). */
  edaad_record_set_real (assessment, "awareness", 4);
  edaad_record_set_real (assessment, "ability", 2);
  edaad_adkar_bars_set_assessments (bars, assessment, NULL);
  g_assert_cmpint (edaad_adkar_bars_get_barrier (bars), ==, EDAAD_ADKAR_ABILITY);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (bars)), ==,
                   "ADKAR: Awareness 4, Desire —, Knowledge —, Ability 2, Reinforcement —. Barrier point: Ability.");

  edaad_adkar_bars_set_assessments (bars, NULL, NULL);
  g_assert_cmpstr (edaad_chart_get_description (EDAAD_CHART (bars)), ==, "ADKAR: not assessed.");
  g_object_unref (widget);
}

/* Renders a widget the way GTK would and returns the node (NULL when nothing was drawn). */
static GskRenderNode *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  if (node != NULL)
    {
      g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (renderer, node, NULL);

      g_assert_nonnull (texture);
      g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
    }
  gsk_renderer_unrealize (renderer);
  return node;
}

static void
check_renders (GtkWidget *chart,
               gboolean   rtl,
               gboolean   dark)
{
  GtkWidget *window;
  GskRenderNode *node;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_widget_set_direction (chart, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  window = show_in_window (chart, 420, 380);
  node = render (chart);
  /* Even with no data there are axes, labels, a baseline: something is drawn. */
  g_assert_nonnull (node);
  gsk_render_node_unref (node);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_render_empty (void)
{
  for (int variant = 0; variant < 4; variant++)
    {
      gboolean rtl = variant & 1, dark = variant & 2;

      check_renders (edaad_risk_heat_map_new (), rtl, dark);
      check_renders (edaad_power_interest_grid_new (), rtl, dark);
      check_renders (edaad_sparkline_new (), rtl, dark);
      check_renders (edaad_adkar_bars_new (), rtl, dark);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_render_data (void)
{
  g_autoptr(GListStore) risks = g_list_store_new (EDAAD_TYPE_RECORD);
  g_autoptr(GListStore) stakeholders = make_stakeholders ();
  g_autoptr(GListStore) readings = g_list_store_new (EDAAD_TYPE_RECORD);
  const double scores[5] = { 4.5, 2.5, 3.0, 4.0, 3.5 };
  GtkWidget *map = edaad_risk_heat_map_new ();
  GtkWidget *grid = edaad_power_interest_grid_new ();
  GtkWidget *sparkline = edaad_sparkline_new ();
  GtkWidget *bars = edaad_adkar_bars_new ();

  add_record (risks, make_risk ("a", 5, 5));
  edaad_risk_heat_map_set_risks (EDAAD_RISK_HEAT_MAP (map), G_LIST_MODEL (risks));
  edaad_risk_heat_map_set_selected (EDAAD_RISK_HEAT_MAP (map), 5, 5);
  /* Nine stakeholders in one cell, and more: they wrap without harm. */
  for (int i = 0; i < 11; i++)
    {
      g_autofree char *id = g_strdup_printf ("x%d", i);

      add_record (stakeholders, make_stakeholder (id, "Many", 2, 2, "opponent"));
    }
  edaad_power_interest_grid_set_stakeholders (EDAAD_POWER_INTEREST_GRID (grid), G_LIST_MODEL (stakeholders));
  add_record (readings, make_reading ("k", "2025-01-01", 3));
  add_record (readings, make_reading ("k", "2025-01-01", 4)); /* the same day */
  edaad_sparkline_set_readings (EDAAD_SPARKLINE (sparkline), G_LIST_MODEL (readings));
  edaad_adkar_bars_set_scores (EDAAD_ADKAR_BARS (bars), scores);
  edaad_adkar_bars_set_previous (EDAAD_ADKAR_BARS (bars), scores);

  check_renders (map, FALSE, FALSE);
  check_renders (grid, TRUE, TRUE);
  check_renders (sparkline, TRUE, FALSE);
  check_renders (bars, FALSE, TRUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/charts/geometry/grid", test_geometry_grid);
  g_test_add_func ("/charts/geometry/empty", test_geometry_empty);
  g_test_add_func ("/charts/geometry/mirror-and-spread", test_geometry_mirror_and_spread);
  g_test_add_func ("/charts/heat-map/click-ltr", test_heat_map_click_ltr);
  g_test_add_func ("/charts/heat-map/click-rtl", test_heat_map_click_rtl);
  g_test_add_func ("/charts/heat-map/keyboard", test_heat_map_keyboard);
  g_test_add_func ("/charts/heat-map/description", test_heat_map_description);
  g_test_add_func ("/charts/grid/action", test_grid_action);
  g_test_add_func ("/charts/grid/keyboard", test_grid_keyboard);
  g_test_add_func ("/charts/grid/description", test_grid_description);
  g_test_add_func ("/charts/sparkline/description", test_sparkline_description);
  g_test_add_func ("/charts/adkar/description", test_adkar_description);
  g_test_add_func ("/charts/render/empty", test_render_empty);
  g_test_add_func ("/charts/render/data", test_render_data);

  return g_test_run ();
}
