/* edaad-risk-heat-map.c — the 5×5 likelihood × impact risk heat map. */
#define G_LOG_DOMAIN "edaad-risk-heat-map"

#include "config.h"

#include "edaad-risk-heat-map.h"

#include "edaad-plan-metrics.h"
#include "edaad-record.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

#define N EDAAD_RISK_HEAT_MAP_SIZE
#define MIN_CELL 28
#define NAT_CELL 52
#define PADDING 4

struct _EdaadRiskHeatMap
{
  EdaadChart parent_instance;

  guint counts[N][N]; /* [likelihood - 1][impact - 1] */
  int selected_likelihood;
  int selected_impact;
  int cursor_likelihood;
  int cursor_impact;
};

G_DEFINE_FINAL_TYPE (EdaadRiskHeatMap, edaad_risk_heat_map, EDAAD_TYPE_CHART)

enum
{
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
in_range (int value)
{
  return value >= 1 && value <= N;
}

static void
layout_grid (EdaadRiskHeatMap *self,
             EdaadChartGrid   *grid)
{
  double axis_start, axis_bottom;

  edaad_chart_get_grid_axes_size (EDAAD_CHART (self), &axis_start, &axis_bottom);
  edaad_chart_grid_init (grid, gtk_widget_get_width (GTK_WIDGET (self)),
                         gtk_widget_get_height (GTK_WIDGET (self)), axis_start, axis_bottom, PADDING, N, N,
                         edaad_chart_is_rtl (EDAAD_CHART (self)));
}

static EdaadChartColor
band_color (EdaadRiskBand band)
{
  switch (band)
    {
    case EDAAD_RISK_BAND_LOW: return EDAAD_CHART_COLOR_SUCCESS;
    case EDAAD_RISK_BAND_MEDIUM: return EDAAD_CHART_COLOR_WARNING;
    case EDAAD_RISK_BAND_HIGH: return EDAAD_CHART_COLOR_ORANGE;
    case EDAAD_RISK_BAND_CRITICAL: return EDAAD_CHART_COLOR_ERROR;
    case EDAAD_RISK_BAND_NONE:
    default: return EDAAD_CHART_COLOR_FOREGROUND;
    }
}

static EdaadRiskBand
cell_band (int likelihood,
           int impact)
{
  return edaad_risk_band_for_score (edaad_risk_score (likelihood, impact));
}

static void
edaad_risk_heat_map_records_changed (EdaadChart *chart)
{
  EdaadRiskHeatMap *self = EDAAD_RISK_HEAT_MAP (chart);
  GListModel *risks = edaad_chart_get_records (chart);
  guint n;

  memset (self->counts, 0, sizeof self->counts);
  if (risks == NULL)
    return;

  n = g_list_model_get_n_items (risks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) risk = g_list_model_get_item (risks, i);
      gint64 likelihood, impact;

      if (edaad_record_get_deleted (risk) || edaad_risk_score_for_record (risk) == 0)
        continue;
      likelihood = edaad_record_get_int (risk, "likelihood");
      impact = edaad_record_get_int (risk, "impact");
      self->counts[likelihood - 1][impact - 1]++;
    }
}

static char *
edaad_risk_heat_map_describe (EdaadChart *chart)
{
  EdaadRiskHeatMap *self = EDAAD_RISK_HEAT_MAP (chart);
  guint per_band[EDAAD_RISK_BAND_CRITICAL + 1] = { 0 };
  guint total = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (int l = 1; l <= N; l++)
    for (int i = 1; i <= N; i++)
      {
        per_band[cell_band (l, i)] += self->counts[l - 1][i - 1];
        total += self->counts[l - 1][i - 1];
      }

  if (total == 0)
    {
      /* Translators: the accessible description of the risk heat map */
      g_string_append (text, _("Risk heat map: no risks."));
    }
  else
    {
      g_autofree char *critical = edaad_ui_format_count (per_band[EDAAD_RISK_BAND_CRITICAL]);
      g_autofree char *high = edaad_ui_format_count (per_band[EDAAD_RISK_BAND_HIGH]);
      g_autofree char *medium = edaad_ui_format_count (per_band[EDAAD_RISK_BAND_MEDIUM]);
      g_autofree char *low = edaad_ui_format_count (per_band[EDAAD_RISK_BAND_LOW]);
      g_autofree char *s_critical = NULL;
      g_autofree char *s_high = NULL;
      g_autofree char *s_medium = NULL;
      g_autofree char *s_low = NULL;

      /* Translators: counts of risks per band in the heat map's accessible description */
      s_critical = g_strdup_printf (ngettext ("%s critical", "%s critical", per_band[EDAAD_RISK_BAND_CRITICAL]), critical);
      /* Translators: counts of risks per band in the heat map's accessible description */
      s_high = g_strdup_printf (ngettext ("%s high", "%s high", per_band[EDAAD_RISK_BAND_HIGH]), high);
      /* Translators: counts of risks per band in the heat map's accessible description */
      s_medium = g_strdup_printf (ngettext ("%s medium", "%s medium", per_band[EDAAD_RISK_BAND_MEDIUM]), medium);
      /* Translators: counts of risks per band in the heat map's accessible description */
      s_low = g_strdup_printf (ngettext ("%s low", "%s low", per_band[EDAAD_RISK_BAND_LOW]), low);
      /* Translators: the accessible description of the risk heat map: "Risk heat map: 3
       * critical, 5 high, 2 medium, 0 low." */
      g_string_append_printf (text, _("Risk heat map: %s, %s, %s, %s."), s_critical, s_high, s_medium, s_low);
    }

  if (self->selected_likelihood != 0)
    {
      g_autofree char *l = edaad_ui_format_count (self->selected_likelihood);
      g_autofree char *i = edaad_ui_format_count (self->selected_impact);

      g_string_append_c (text, ' ');
      /* Translators: part of the risk heat map's accessible description */
      g_string_append_printf (text, _("Selected: likelihood %s, impact %s."), l, i);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
cell_summary (EdaadRiskHeatMap *self,
              int               likelihood,
              int               impact)
{
  guint count = self->counts[likelihood - 1][impact - 1];
  g_autofree char *l = edaad_ui_format_count (likelihood);
  g_autofree char *i = edaad_ui_format_count (impact);
  g_autofree char *c = edaad_ui_format_count (count);

  /* Translators: a heat map cell: likelihood, impact, risk band, number of risks */
  return g_strdup_printf (ngettext ("Likelihood %s, impact %s (%s): %s risk",
                                    "Likelihood %s, impact %s (%s): %s risks", count),
                          l, i, edaad_risk_band_get_label (cell_band (likelihood, impact)), c);
}

static char *
edaad_risk_heat_map_tooltip_at (EdaadChart *chart,
                                double      x,
                                double      y)
{
  EdaadRiskHeatMap *self = EDAAD_RISK_HEAT_MAP (chart);
  int likelihood, impact;

  if (!edaad_risk_heat_map_cell_at (self, x, y, &likelihood, &impact))
    return NULL;
  return cell_summary (self, likelihood, impact);
}

static void
edaad_risk_heat_map_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  EdaadRiskHeatMap *self = EDAAD_RISK_HEAT_MAP (widget);
  EdaadChart *chart = EDAAD_CHART (widget);
  EdaadChartGrid grid;
  GdkRGBA fg;
  double cell;

  layout_grid (self, &grid);
  cell = edaad_chart_grid_cell_size (&grid);
  if (cell <= 0)
    return;

  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_FOREGROUND, 1.0, &fg);

  for (int l = 1; l <= N; l++)
    for (int i = 1; i <= N; i++)
      {
        guint count = self->counts[l - 1][i - 1];
        graphene_rect_t rect;
        GskRoundedRect rounded;
        GdkRGBA fill;

        edaad_chart_grid_cell_rect (&grid, i, l, &rect);
        graphene_rect_inset (&rect, 2, 2);
        edaad_chart_get_color (chart, band_color (cell_band (l, i)), count > 0 ? 0.75 : 0.22, &fill);
        gsk_rounded_rect_init_from_rect (&rounded, &rect, 6);
        gtk_snapshot_push_rounded_clip (snapshot, &rounded);
        gtk_snapshot_append_color (snapshot, &fill, &rect);
        gtk_snapshot_pop (snapshot);

        if (count > 0)
          {
            g_autofree char *text = edaad_ui_format_count (count);
            g_autoptr(PangoLayout) layout = edaad_chart_create_layout (chart, text, 1.1, TRUE);
            graphene_point_t center;

            graphene_rect_get_center (&rect, &center);
            edaad_chart_draw_layout_centered (chart, snapshot, layout, center.x, center.y, &fg);
          }

        if (l == self->selected_likelihood && i == self->selected_impact)
          {
            const float widths[4] = { 3, 3, 3, 3 };
            const GdkRGBA colors[4] = { fg, fg, fg, fg };

            gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
          }
      }

  if (gtk_widget_has_visible_focus (widget))
    {
      graphene_rect_t rect;

      edaad_chart_grid_cell_rect (&grid, self->cursor_impact, self->cursor_likelihood, &rect);
      graphene_rect_inset (&rect, -1, -1);
      edaad_chart_draw_focus_ring (chart, snapshot, &rect, 8);
    }

  /* Translators: the x axis of the risk heat map */
  edaad_chart_draw_grid_axes (chart, snapshot, &grid, _("Impact"),
                              /* Translators: the y axis of the risk heat map */
                              _("Likelihood"));
}

static void
edaad_risk_heat_map_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  double axis_start, axis_bottom, axis;

  edaad_chart_get_grid_axes_size (EDAAD_CHART (widget), &axis_start, &axis_bottom);
  axis = (orientation == GTK_ORIENTATION_HORIZONTAL ? axis_start : axis_bottom) + PADDING;
  *minimum = (int) axis + N * MIN_CELL;
  *natural = (int) axis + N * NAT_CELL;
}

static void
select_cell (EdaadRiskHeatMap *self,
             int               likelihood,
             int               impact)
{
  self->selected_likelihood = likelihood;
  self->selected_impact = impact;
  if (likelihood != 0)
    {
      self->cursor_likelihood = likelihood;
      self->cursor_impact = impact;
    }
  edaad_chart_data_changed (EDAAD_CHART (self));
}

static void
activate_cell (EdaadRiskHeatMap *self,
               int               likelihood,
               int               impact)
{
  if (likelihood == self->selected_likelihood && impact == self->selected_impact)
    likelihood = impact = 0;

  select_cell (self, likelihood, impact);
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, likelihood, impact);
}

static void
on_released (GtkGestureClick  *gesture,
             int               n_press,
             double            x,
             double            y,
             EdaadRiskHeatMap *self)
{
  if (edaad_risk_heat_map_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EdaadRiskHeatMap      *self)
{
  int forward = edaad_chart_is_rtl (EDAAD_CHART (self)) ? -1 : 1;
  int dl = 0, di = 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dl = 1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dl = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: di = forward; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: di = -forward; break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      activate_cell (self, self->cursor_likelihood, self->cursor_impact);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->selected_likelihood == 0)
        return FALSE;
      activate_cell (self, self->selected_likelihood, self->selected_impact);
      return TRUE;
    default:
      return FALSE;
    }

  if (!in_range (self->cursor_likelihood + dl) || !in_range (self->cursor_impact + di))
    return TRUE; /* at the edge: stay, rather than leave the map by accident */

  self->cursor_likelihood += dl;
  self->cursor_impact += di;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
edaad_risk_heat_map_class_init (EdaadRiskHeatMapClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdaadChartClass *chart_class = EDAAD_CHART_CLASS (klass);

  widget_class->snapshot = edaad_risk_heat_map_snapshot;
  widget_class->measure = edaad_risk_heat_map_measure;

  chart_class->describe = edaad_risk_heat_map_describe;
  chart_class->tooltip_at = edaad_risk_heat_map_tooltip_at;
  chart_class->records_changed = edaad_risk_heat_map_records_changed;

  /**
   * EdaadRiskHeatMap::cell-activated:
   * @likelihood: 1–5, or 0 when the selection was cleared
   * @impact: 1–5, or 0 when the selection was cleared
   */
  signals[CELL_ACTIVATED] = g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "riskheatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
edaad_risk_heat_map_init (EdaadRiskHeatMap *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->cursor_likelihood = 1;
  self->cursor_impact = 1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the chart */
                                  _("Risk heat map"), -1);
  edaad_chart_data_changed (EDAAD_CHART (self));
}

GtkWidget *
edaad_risk_heat_map_new (void)
{
  return g_object_new (EDAAD_TYPE_RISK_HEAT_MAP, NULL);
}

void
edaad_risk_heat_map_set_risks (EdaadRiskHeatMap *self,
                               GListModel       *risks)
{
  g_return_if_fail (EDAAD_IS_RISK_HEAT_MAP (self));
  g_return_if_fail (risks == NULL || G_IS_LIST_MODEL (risks));

  edaad_chart_set_records (EDAAD_CHART (self), risks);
}

guint
edaad_risk_heat_map_get_count (EdaadRiskHeatMap *self,
                               int               likelihood,
                               int               impact)
{
  g_return_val_if_fail (EDAAD_IS_RISK_HEAT_MAP (self), 0);

  if (!in_range (likelihood) || !in_range (impact))
    return 0;
  return self->counts[likelihood - 1][impact - 1];
}

gboolean
edaad_risk_heat_map_get_selected (EdaadRiskHeatMap *self,
                                  int              *likelihood,
                                  int              *impact)
{
  g_return_val_if_fail (EDAAD_IS_RISK_HEAT_MAP (self), FALSE);

  if (likelihood != NULL)
    *likelihood = self->selected_likelihood;
  if (impact != NULL)
    *impact = self->selected_impact;
  return self->selected_likelihood != 0;
}

void
edaad_risk_heat_map_set_selected (EdaadRiskHeatMap *self,
                                  int               likelihood,
                                  int               impact)
{
  g_return_if_fail (EDAAD_IS_RISK_HEAT_MAP (self));
  g_return_if_fail ((likelihood == 0 && impact == 0) || (in_range (likelihood) && in_range (impact)));

  select_cell (self, likelihood, impact);
}

gboolean
edaad_risk_heat_map_activate_at (EdaadRiskHeatMap *self,
                                 double            x,
                                 double            y)
{
  int likelihood, impact;

  g_return_val_if_fail (EDAAD_IS_RISK_HEAT_MAP (self), FALSE);

  if (!edaad_risk_heat_map_cell_at (self, x, y, &likelihood, &impact))
    return FALSE;
  activate_cell (self, likelihood, impact);
  return TRUE;
}

gboolean
edaad_risk_heat_map_cell_at (EdaadRiskHeatMap *self,
                             double            x,
                             double            y,
                             int              *likelihood,
                             int              *impact)
{
  EdaadChartGrid grid;
  int column, row;
  gboolean found;

  g_return_val_if_fail (EDAAD_IS_RISK_HEAT_MAP (self), FALSE);

  layout_grid (self, &grid);
  found = edaad_chart_grid_cell_at (&grid, x, y, &column, &row);
  if (likelihood != NULL)
    *likelihood = row;
  if (impact != NULL)
    *impact = column;
  return found;
}

gboolean
edaad_risk_heat_map_get_cell_rect (EdaadRiskHeatMap *self,
                                   int               likelihood,
                                   int               impact,
                                   graphene_rect_t  *rect)
{
  EdaadChartGrid grid;

  g_return_val_if_fail (EDAAD_IS_RISK_HEAT_MAP (self), FALSE);

  layout_grid (self, &grid);
  return edaad_chart_grid_cell_rect (&grid, impact, likelihood, rect);
}
