/* edaad-power-interest-grid.c — the stakeholder power × interest grid. */
#define G_LOG_DOMAIN "edaad-power-interest-grid"

#include "config.h"

#include "edaad-power-interest-grid.h"

#include "edaad-plan-metrics.h"
#include "edaad-record.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

#define N EDAAD_POWER_INTEREST_GRID_SIZE
#define T EDAAD_QUADRANT_THRESHOLD
#define MIN_CELL 36
#define NAT_CELL 64
#define PADDING 4

typedef struct
{
  char *id;
  char *name;
  char *initials;
  char *attitude;
  int power;    /* 1–5 */
  int interest; /* 1–5 */
  guint slot;   /* its place among the dots of its cell */
  guint n_in_cell;
} Dot;

struct _EdaadPowerInterestGrid
{
  EdaadChart parent_instance;

  GArray *dots; /* of Dot, in the model's order */
  char *selected_id;

  char *drag_id; /* the dot being dragged, drawn at drag_x, drag_y */
  double drag_start_x;
  double drag_start_y;
  double drag_x;
  double drag_y;
};

G_DEFINE_FINAL_TYPE (EdaadPowerInterestGrid, edaad_power_interest_grid, EDAAD_TYPE_CHART)

enum
{
  STAKEHOLDER_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
dot_clear (Dot *dot)
{
  g_free (dot->id);
  g_free (dot->name);
  g_free (dot->initials);
  g_free (dot->attitude);
}

/* Up to two letters: the first of the first two words. */
static char *
make_initials (const char *name)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  g_auto(GStrv) words = g_strsplit_set (name != NULL ? name : "", " \t-", -1);

  for (guint i = 0; words[i] != NULL && g_utf8_strlen (initials->str, -1) < 2; i++)
    {
      gunichar c = g_utf8_get_char_validated (words[i], -1);

      if (words[i][0] == '\0' || c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isalnum (c))
        continue;
      g_string_append_unichar (initials, g_unichar_toupper (c));
    }
  if (initials->len == 0)
    g_string_append (initials, "?");
  return g_string_free (g_steal_pointer (&initials), FALSE);
}

static int
scale_value (EdaadRecord *record,
             const char  *field)
{
  if (!edaad_record_has_value (record, field))
    return T;
  return (int) CLAMP (edaad_record_get_int (record, field), 1, N);
}

static Dot *
find_dot (EdaadPowerInterestGrid *self,
          const char             *id,
          guint                  *index)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < self->dots->len; i++)
    {
      Dot *dot = &g_array_index (self->dots, Dot, i);

      if (g_strcmp0 (dot->id, id) == 0)
        {
          if (index != NULL)
            *index = i;
          return dot;
        }
    }
  return NULL;
}

static void
edaad_power_interest_grid_records_changed (EdaadChart *chart)
{
  EdaadPowerInterestGrid *self = EDAAD_POWER_INTEREST_GRID (chart);
  GListModel *stakeholders = edaad_chart_get_records (chart);
  guint per_cell[N][N] = { { 0 } };
  guint n;

  g_array_set_size (self->dots, 0);
  n = stakeholders != NULL ? g_list_model_get_n_items (stakeholders) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) record = g_list_model_get_item (stakeholders, i);
      Dot dot = { 0 };

      if (edaad_record_get_deleted (record))
        continue;
      dot.id = g_strdup (edaad_record_get_id (record));
      dot.name = g_strdup (edaad_record_get_string (record, "name"));
      dot.initials = make_initials (dot.name);
      dot.attitude = g_strdup (edaad_record_get_string (record, "attitude_now"));
      dot.power = scale_value (record, "power");
      dot.interest = scale_value (record, "interest");
      dot.slot = per_cell[dot.power - 1][dot.interest - 1]++;
      g_array_append_val (self->dots, dot);
    }
  for (guint i = 0; i < self->dots->len; i++)
    {
      Dot *dot = &g_array_index (self->dots, Dot, i);

      dot->n_in_cell = per_cell[dot->power - 1][dot->interest - 1];
    }

  if (self->selected_id != NULL && find_dot (self, self->selected_id, NULL) == NULL)
    g_clear_pointer (&self->selected_id, g_free);
}

static void
layout_grid (EdaadPowerInterestGrid *self,
             EdaadChartGrid         *grid)
{
  double axis_start, axis_bottom;

  edaad_chart_get_grid_axes_size (EDAAD_CHART (self), &axis_start, &axis_bottom);
  edaad_chart_grid_init (grid, gtk_widget_get_width (GTK_WIDGET (self)),
                         gtk_widget_get_height (GTK_WIDGET (self)), axis_start, axis_bottom, PADDING, N, N,
                         edaad_chart_is_rtl (EDAAD_CHART (self)));
}

static void
dot_geometry (const EdaadChartGrid *grid,
              const Dot            *dot,
              graphene_point_t     *center,
              double               *radius)
{
  double cell = edaad_chart_grid_cell_size (grid);
  double dx, dy;

  edaad_chart_grid_cell_center (grid, dot->interest, dot->power, center);
  edaad_chart_spread (dot->slot, dot->n_in_cell, &dx, &dy);
  if (grid->rtl)
    dx = -dx;
  center->x += dx * cell;
  center->y += dy * cell;
  *radius = cell * (dot->n_in_cell <= 1 ? 0.3 : dot->n_in_cell <= 4 ? 0.22 : 0.15);
}

static Dot *
dot_at (EdaadPowerInterestGrid *self,
        double                  x,
        double                  y)
{
  EdaadChartGrid grid;
  Dot *found = NULL;
  double best = G_MAXDOUBLE;

  layout_grid (self, &grid);
  for (guint i = 0; i < self->dots->len; i++)
    {
      Dot *dot = &g_array_index (self->dots, Dot, i);
      graphene_point_t center;
      double radius, distance;

      dot_geometry (&grid, dot, &center, &radius);
      distance = graphene_point_distance (&center, &GRAPHENE_POINT_INIT (x, y), NULL, NULL);
      if (distance <= radius + 2 && distance < best)
        {
          best = distance;
          found = dot;
        }
    }
  return found;
}

static EdaadChartColor
attitude_color (const char *attitude,
                double     *alpha)
{
  *alpha = 1.0;
  if (g_strcmp0 (attitude, "champion") == 0 || g_strcmp0 (attitude, "supporter") == 0)
    return EDAAD_CHART_COLOR_SUCCESS;
  if (g_strcmp0 (attitude, "critic") == 0)
    return EDAAD_CHART_COLOR_WARNING;
  if (g_strcmp0 (attitude, "opponent") == 0)
    return EDAAD_CHART_COLOR_ERROR;
  if (g_strcmp0 (attitude, "neutral") == 0)
    return EDAAD_CHART_COLOR_ACCENT_BG;
  *alpha = 0.55;
  return EDAAD_CHART_COLOR_FOREGROUND;
}

static char *
dot_summary (const Dot *dot)
{
  g_autofree char *power = edaad_ui_format_count (dot->power);
  g_autofree char *interest = edaad_ui_format_count (dot->interest);
  const char *quadrant = edaad_quadrant_get_label (edaad_stakeholder_quadrant (dot->power, dot->interest));

  /* Translators: a stakeholder on the power/interest grid: name, power, interest, quadrant */
  return g_strdup_printf (_("%s: power %s, interest %s (%s)"),
                          dot->name != NULL ? dot->name : "", power, interest, quadrant);
}

static char *
edaad_power_interest_grid_describe (EdaadChart *chart)
{
  EdaadPowerInterestGrid *self = EDAAD_POWER_INTEREST_GRID (chart);
  static const EdaadQuadrant order[] = {
    EDAAD_QUADRANT_MANAGE_CLOSELY, EDAAD_QUADRANT_KEEP_SATISFIED,
    EDAAD_QUADRANT_KEEP_INFORMED, EDAAD_QUADRANT_MONITOR,
  };
  guint counts[4] = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *total = edaad_ui_format_count (self->dots->len);
  Dot *selected;

  for (guint i = 0; i < self->dots->len; i++)
    {
      Dot *dot = &g_array_index (self->dots, Dot, i);

      counts[edaad_stakeholder_quadrant (dot->power, dot->interest)]++;
    }

  /* Translators: the accessible description of the stakeholder grid starts with the
   * number of stakeholders */
  g_string_append_printf (text, ngettext ("Power and interest grid, %s stakeholder",
                                          "Power and interest grid, %s stakeholders", self->dots->len), total);
  for (guint q = 0; q < G_N_ELEMENTS (order); q++)
    {
      g_autofree char *count = edaad_ui_format_count (counts[order[q]]);

      /* Translators: a quadrant of the stakeholder grid and how many stakeholders are in it */
      g_string_append_printf (text, _("; %s: %s"), edaad_quadrant_get_label (order[q]), count);
    }
  g_string_append (text, ".");

  selected = find_dot (self, self->selected_id, NULL);
  if (selected != NULL)
    {
      g_autofree char *summary = dot_summary (selected);

      g_string_append_c (text, ' ');
      /* Translators: the selected stakeholder, in the grid's accessible description */
      g_string_append_printf (text, _("Selected: %s."), summary);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
edaad_power_interest_grid_tooltip_at (EdaadChart *chart,
                                      double      x,
                                      double      y)
{
  EdaadPowerInterestGrid *self = EDAAD_POWER_INTEREST_GRID (chart);
  Dot *dot = dot_at (self, x, y);
  int power, interest;

  if (dot != NULL)
    return dot_summary (dot);
  if (edaad_power_interest_grid_cell_at (self, x, y, &power, &interest))
    return g_strdup (edaad_quadrant_get_label (edaad_stakeholder_quadrant (power, interest)));
  return NULL;
}

/* The rectangle of a block of cells, columns c1…c2 and rows r1…r2. */
static void
block_rect (const EdaadChartGrid *grid,
            int                   c1,
            int                   c2,
            int                   r1,
            int                   r2,
            graphene_rect_t      *rect)
{
  graphene_rect_t a, b;

  edaad_chart_grid_cell_rect (grid, c1, r1, &a);
  edaad_chart_grid_cell_rect (grid, c2, r2, &b);
  graphene_rect_union (&a, &b, rect);
}

static void
draw_quadrants (EdaadPowerInterestGrid *self,
                GtkSnapshot            *snapshot,
                const EdaadChartGrid   *grid)
{
  EdaadChart *chart = EDAAD_CHART (self);
  static const struct
  {
    EdaadQuadrant quadrant;
    EdaadChartColor color;
    double alpha;
  } quadrants[] = {
    { EDAAD_QUADRANT_MONITOR, EDAAD_CHART_COLOR_FOREGROUND, 0.04 },
    { EDAAD_QUADRANT_KEEP_INFORMED, EDAAD_CHART_COLOR_SUCCESS, 0.12 },
    { EDAAD_QUADRANT_KEEP_SATISFIED, EDAAD_CHART_COLOR_WARNING, 0.12 },
    { EDAAD_QUADRANT_MANAGE_CLOSELY, EDAAD_CHART_COLOR_ACCENT_BG, 0.16 },
  };
  GdkRGBA label_color, line_color, divider_color;
  double cell = edaad_chart_grid_cell_size (grid);

  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_FOREGROUND, 0.6, &label_color);
  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_FOREGROUND, 0.08, &line_color);
  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_FOREGROUND, 0.35, &divider_color);

  for (guint q = 0; q < G_N_ELEMENTS (quadrants); q++)
    {
      gboolean high_power = quadrants[q].quadrant == EDAAD_QUADRANT_KEEP_SATISFIED ||
                            quadrants[q].quadrant == EDAAD_QUADRANT_MANAGE_CLOSELY;
      gboolean high_interest = quadrants[q].quadrant == EDAAD_QUADRANT_KEEP_INFORMED ||
                               quadrants[q].quadrant == EDAAD_QUADRANT_MANAGE_CLOSELY;
      g_autoptr(PangoLayout) layout = NULL;
      graphene_rect_t rect;
      GdkRGBA fill;
      double label_x;

      block_rect (grid, high_interest ? T : 1, high_interest ? N : T - 1,
                  high_power ? T : 1, high_power ? N : T - 1, &rect);
      edaad_chart_get_color (chart, quadrants[q].color, quadrants[q].alpha, &fill);
      gtk_snapshot_append_color (snapshot, &fill, &rect);

      /* The quadrant's name in its top corner on the start side. */
      layout = edaad_chart_create_layout (chart, edaad_quadrant_get_label (quadrants[q].quadrant), 0.75, TRUE);
      pango_layout_set_width (layout, (int) (rect.size.width - 8) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, (int) (cell * 0.45) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      label_x = grid->rtl ? rect.origin.x + rect.size.width - 4 - (rect.size.width - 8) : rect.origin.x + 4;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (label_x, rect.origin.y + 3));
      gtk_snapshot_append_layout (snapshot, layout, &label_color);
      gtk_snapshot_restore (snapshot);
    }

  /* Cell lines, then the dividers between low and high. */
  for (int i = 1; i < N; i++)
    {
      double x = grid->area.origin.x + i * cell;
      double y = grid->area.origin.y + i * cell;

      gtk_snapshot_append_color (snapshot, &line_color,
                                 &GRAPHENE_RECT_INIT (x, grid->area.origin.y, 1, grid->area.size.height));
      gtk_snapshot_append_color (snapshot, &line_color,
                                 &GRAPHENE_RECT_INIT (grid->area.origin.x, y, grid->area.size.width, 1));
    }
  {
    graphene_rect_t high;
    double divider_x;

    edaad_chart_grid_cell_rect (grid, T, T, &high);
    divider_x = grid->rtl ? high.origin.x + high.size.width : high.origin.x;
    gtk_snapshot_append_color (snapshot, &divider_color,
                               &GRAPHENE_RECT_INIT (divider_x - 1, grid->area.origin.y, 2, grid->area.size.height));
    gtk_snapshot_append_color (snapshot, &divider_color,
                               &GRAPHENE_RECT_INIT (grid->area.origin.x, high.origin.y + high.size.height - 1,
                                                    grid->area.size.width, 2));
  }
}

static void
draw_dot (EdaadPowerInterestGrid *self,
          GtkSnapshot            *snapshot,
          const Dot              *dot,
          const graphene_point_t *center,
          double                  radius,
          gboolean                selected,
          gboolean                focused)
{
  EdaadChart *chart = EDAAD_CHART (self);
  g_autoptr(PangoLayout) layout = NULL;
  graphene_rect_t rect;
  GskRoundedRect circle;
  GdkRGBA fill, text, ring;
  EdaadChartColor color;
  double alpha;

  color = attitude_color (dot->attitude, &alpha);
  edaad_chart_get_color (chart, color, alpha, &fill);
  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_BACKGROUND, 1.0, &text);
  edaad_chart_get_color (chart, EDAAD_CHART_COLOR_FOREGROUND, 1.0, &ring);

  graphene_rect_init (&rect, center->x - radius, center->y - radius, 2 * radius, 2 * radius);
  gsk_rounded_rect_init_from_rect (&circle, &rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  gtk_snapshot_pop (snapshot);

  if (selected)
    {
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colors[4] = { ring, ring, ring, ring };
      GskRoundedRect outer;

      graphene_rect_inset (&rect, -3, -3);
      gsk_rounded_rect_init_from_rect (&outer, &rect, radius + 3);
      if (focused)
        edaad_chart_draw_focus_ring (chart, snapshot, &rect, radius + 3);
      else
        gtk_snapshot_append_border (snapshot, &outer, widths, colors);
    }

  layout = edaad_chart_create_layout (chart, dot->initials, radius < 12 ? 0.65 : 0.85, TRUE);
  edaad_chart_draw_layout_centered (chart, snapshot, layout, center->x, center->y, &text);
}

static void
edaad_power_interest_grid_snapshot (GtkWidget   *widget,
                                    GtkSnapshot *snapshot)
{
  EdaadPowerInterestGrid *self = EDAAD_POWER_INTEREST_GRID (widget);
  gboolean focused = gtk_widget_has_visible_focus (widget);
  EdaadChartGrid grid;
  const Dot *dragged = NULL;

  layout_grid (self, &grid);
  if (edaad_chart_grid_cell_size (&grid) <= 0)
    return;

  draw_quadrants (self, snapshot, &grid);

  for (guint i = 0; i < self->dots->len; i++)
    {
      const Dot *dot = &g_array_index (self->dots, Dot, i);
      graphene_point_t center;
      double radius;

      if (g_strcmp0 (dot->id, self->drag_id) == 0)
        {
          dragged = dot;
          continue;
        }
      dot_geometry (&grid, dot, &center, &radius);
      draw_dot (self, snapshot, dot, &center, radius, g_strcmp0 (dot->id, self->selected_id) == 0, focused);
    }

  /* The dragged dot last, on top, under the pointer. */
  if (dragged != NULL)
    {
      graphene_point_t center;
      double radius;

      dot_geometry (&grid, dragged, &center, &radius);
      draw_dot (self, snapshot, dragged, &GRAPHENE_POINT_INIT (self->drag_x, self->drag_y), radius, TRUE, focused);
    }

  /* Translators: the x axis of the stakeholder grid */
  edaad_chart_draw_grid_axes (EDAAD_CHART (self), snapshot, &grid, _("Interest"),
                              /* Translators: the y axis of the stakeholder grid */
                              _("Power"));
}

static void
edaad_power_interest_grid_measure (GtkWidget      *widget,
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
select_id (EdaadPowerInterestGrid *self,
           const char             *id)
{
  if (g_strcmp0 (self->selected_id, id) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  edaad_chart_data_changed (EDAAD_CHART (self));
}

/* Selects the next (step 1) or previous (−1) stakeholder; FALSE at the end. */
static gboolean
select_step (EdaadPowerInterestGrid *self,
             int                     step)
{
  guint index;
  gint64 next;

  if (self->dots->len == 0)
    return FALSE;
  if (find_dot (self, self->selected_id, &index) == NULL)
    next = step > 0 ? 0 : (gint64) self->dots->len - 1;
  else
    next = (gint64) index + step;
  if (next < 0 || next >= self->dots->len)
    return FALSE;

  select_id (self, g_array_index (self->dots, Dot, next).id);
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag         *gesture,
               double                  x,
               double                  y,
               EdaadPowerInterestGrid *self)
{
  Dot *dot = dot_at (self, x, y);

  if (dot == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  select_id (self, dot->id);
  g_free (self->drag_id);
  self->drag_id = g_strdup (dot->id);
  self->drag_start_x = self->drag_x = x;
  self->drag_start_y = self->drag_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag         *gesture,
                double                  offset_x,
                double                  offset_y,
                EdaadPowerInterestGrid *self)
{
  if (self->drag_id == NULL)
    return;
  self->drag_x = self->drag_start_x + offset_x;
  self->drag_y = self->drag_start_y + offset_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag         *gesture,
             double                  offset_x,
             double                  offset_y,
             EdaadPowerInterestGrid *self)
{
  g_autofree char *id = g_steal_pointer (&self->drag_id);
  EdaadChartGrid grid;
  int interest, power;

  if (id == NULL)
    return;

  layout_grid (self, &grid);
  if (edaad_chart_grid_snap (&grid, self->drag_start_x + offset_x, self->drag_start_y + offset_y,
                             &interest, &power))
    edaad_power_interest_grid_move (self, id, power, interest);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey  *controller,
                guint                   keyval,
                guint                   keycode,
                GdkModifierType         state,
                EdaadPowerInterestGrid *self)
{
  int forward = edaad_chart_is_rtl (EDAAD_CHART (self)) ? -1 : 1;
  gboolean move = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  int dp = 0, di = 0;
  Dot *dot;

  if (state & GDK_ALT_MASK)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab: case GDK_KEY_KP_Tab:
      if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
        return FALSE;
      return select_step (self, 1);
    case GDK_KEY_ISO_Left_Tab:
      if (state & GDK_CONTROL_MASK)
        return FALSE;
      return select_step (self, -1);
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dp = 1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dp = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: di = forward; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: di = -forward; break;
    default:
      return FALSE;
    }

  if (!move)
    {
      /* Plain arrows walk through the stakeholders: forward is up or to the end side. */
      select_step (self, dp + di > 0 ? 1 : -1);
      return TRUE;
    }

  dot = find_dot (self, self->selected_id, NULL);
  if (dot == NULL)
    return select_step (self, 1);

  edaad_power_interest_grid_move (self, dot->id, dot->power + dp, dot->interest + di);
  return TRUE;
}

static void
on_focus_enter (EdaadPowerInterestGrid *self)
{
  if (self->selected_id == NULL)
    select_step (self, 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *id;
  gint32 power, interest;

  /* GTK 4.8 does not check the parameter against the action's type. */
  if (parameter == NULL || !g_variant_is_of_type (parameter, G_VARIANT_TYPE ("(sii)")))
    {
      g_debug ("grid.move: wrong parameter");
      return;
    }
  g_variant_get (parameter, "(&sii)", &id, &power, &interest);
  if (!edaad_power_interest_grid_move (EDAAD_POWER_INTEREST_GRID (widget), id, power, interest))
    g_debug ("grid.move: no stakeholder %s in the grid", id);
}

static void
edaad_power_interest_grid_finalize (GObject *object)
{
  EdaadPowerInterestGrid *self = EDAAD_POWER_INTEREST_GRID (object);

  g_clear_pointer (&self->dots, g_array_unref);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->drag_id, g_free);
  G_OBJECT_CLASS (edaad_power_interest_grid_parent_class)->finalize (object);
}

static void
edaad_power_interest_grid_class_init (EdaadPowerInterestGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdaadChartClass *chart_class = EDAAD_CHART_CLASS (klass);

  object_class->finalize = edaad_power_interest_grid_finalize;

  widget_class->snapshot = edaad_power_interest_grid_snapshot;
  widget_class->measure = edaad_power_interest_grid_measure;

  chart_class->describe = edaad_power_interest_grid_describe;
  chart_class->tooltip_at = edaad_power_interest_grid_tooltip_at;
  chart_class->records_changed = edaad_power_interest_grid_records_changed;

  /**
   * EdaadPowerInterestGrid::stakeholder-moved:
   * @id: the stakeholder's id
   * @power: the new power, 1–5
   * @interest: the new interest, 1–5
   */
  signals[STAKEHOLDER_MOVED] = g_signal_new ("stakeholder-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                             G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "grid.move", "(sii)", move_action);

  gtk_widget_class_set_css_name (widget_class, "powerinterestgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
edaad_power_interest_grid_init (EdaadPowerInterestGrid *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->dots = g_array_new (FALSE, TRUE, sizeof (Dot));
  g_array_set_clear_func (self->dots, (GDestroyNotify) dot_clear);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the chart */
                                  _("Stakeholder power and interest grid"), -1);
  edaad_chart_data_changed (EDAAD_CHART (self));
}

GtkWidget *
edaad_power_interest_grid_new (void)
{
  return g_object_new (EDAAD_TYPE_POWER_INTEREST_GRID, NULL);
}

void
edaad_power_interest_grid_set_stakeholders (EdaadPowerInterestGrid *self,
                                            GListModel             *stakeholders)
{
  g_return_if_fail (EDAAD_IS_POWER_INTEREST_GRID (self));
  g_return_if_fail (stakeholders == NULL || G_IS_LIST_MODEL (stakeholders));

  edaad_chart_set_records (EDAAD_CHART (self), stakeholders);
}

const char *
edaad_power_interest_grid_get_selected (EdaadPowerInterestGrid *self)
{
  g_return_val_if_fail (EDAAD_IS_POWER_INTEREST_GRID (self), NULL);
  return self->selected_id;
}

gboolean
edaad_power_interest_grid_set_selected (EdaadPowerInterestGrid *self,
                                        const char             *id)
{
  g_return_val_if_fail (EDAAD_IS_POWER_INTEREST_GRID (self), FALSE);

  if (id != NULL && find_dot (self, id, NULL) == NULL)
    return FALSE;
  select_id (self, id);
  return TRUE;
}

gboolean
edaad_power_interest_grid_move (EdaadPowerInterestGrid *self,
                                const char             *id,
                                int                     power,
                                int                     interest)
{
  g_autofree char *moved_id = NULL;
  Dot *dot;

  g_return_val_if_fail (EDAAD_IS_POWER_INTEREST_GRID (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  dot = find_dot (self, id, NULL);
  if (dot == NULL)
    return FALSE;

  power = CLAMP (power, 1, N);
  interest = CLAMP (interest, 1, N);
  if (power == dot->power && interest == dot->interest)
    return TRUE;

  /* A handler may change the record, and so rebuild the dots: keep our own copy. */
  moved_id = g_strdup (id);
  select_id (self, moved_id);
  g_signal_emit (self, signals[STAKEHOLDER_MOVED], 0, moved_id, power, interest);
  return TRUE;
}

gboolean
edaad_power_interest_grid_get_dot_center (EdaadPowerInterestGrid *self,
                                          const char             *id,
                                          graphene_point_t       *center)
{
  EdaadChartGrid grid;
  Dot *dot;
  double radius;

  g_return_val_if_fail (EDAAD_IS_POWER_INTEREST_GRID (self), FALSE);
  g_return_val_if_fail (center != NULL, FALSE);

  dot = find_dot (self, id, NULL);
  if (dot == NULL)
    return FALSE;
  layout_grid (self, &grid);
  if (edaad_chart_grid_cell_size (&grid) <= 0)
    return FALSE;
  dot_geometry (&grid, dot, center, &radius);
  return TRUE;
}

gboolean
edaad_power_interest_grid_cell_at (EdaadPowerInterestGrid *self,
                                   double                  x,
                                   double                  y,
                                   int                    *power,
                                   int                    *interest)
{
  EdaadChartGrid grid;
  int column, row;
  gboolean found;

  g_return_val_if_fail (EDAAD_IS_POWER_INTEREST_GRID (self), FALSE);

  layout_grid (self, &grid);
  found = edaad_chart_grid_cell_at (&grid, x, y, &column, &row);
  if (power != NULL)
    *power = row;
  if (interest != NULL)
    *interest = column;
  return found;
}
