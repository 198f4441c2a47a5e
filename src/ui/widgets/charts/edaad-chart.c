/* edaad-chart.c — the base of our chart widgets: style colours, text, direction,
 * accessible description and tooltips. */
#define G_LOG_DOMAIN "edaad-chart"

#include "config.h"

#include "edaad-chart.h"

#include "edaad-ui-format.h"

#include <adwaita.h>

typedef struct
{
  GdkRGBA colors[EDAAD_CHART_N_COLORS];
  gboolean colors_valid;
  char *description;
  GListModel *records;
  GPtrArray *watched; /* the records whose field-changed we follow */
} EdaadChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (EdaadChart, edaad_chart, GTK_TYPE_WIDGET)

/* Named colours of the style (libadwaita's), with Adwaita's own values when a theme lacks
 * them: light, then dark. */
static const struct
{
  const char *name;
  const char *light;
  const char *dark;
} color_names[EDAAD_CHART_N_COLORS] = {
  [EDAAD_CHART_COLOR_FOREGROUND] = { "window_fg_color", "rgba(0,0,0,0.8)", "#ffffff" },
  [EDAAD_CHART_COLOR_BACKGROUND] = { "view_bg_color", "#ffffff", "#1e1e1e" },
  [EDAAD_CHART_COLOR_ACCENT] = { "accent_color", "#1c71d8", "#78aeed" },
  [EDAAD_CHART_COLOR_ACCENT_BG] = { "accent_bg_color", "#3584e4", "#3584e4" },
  [EDAAD_CHART_COLOR_SUCCESS] = { "success_color", "#1b8553", "#8ff0a4" },
  [EDAAD_CHART_COLOR_WARNING] = { "warning_color", "#9c6e03", "#f8e45c" },
  [EDAAD_CHART_COLOR_ERROR] = { "error_color", "#c01c28", "#ff7b63" },
  [EDAAD_CHART_COLOR_ORANGE] = { "orange_3", "#ff7800", "#ff7800" },
};

static void
invalidate_style (EdaadChart *self)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);

  priv->colors_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_colors (EdaadChart *self)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);
  GtkStyleContext *context;
  gboolean dark;

  if (priv->colors_valid)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  G_GNUC_END_IGNORE_DEPRECATIONS
  dark = edaad_chart_is_dark (self);

  for (guint i = 0; i < EDAAD_CHART_N_COLORS; i++)
    {
      gboolean found;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      found = gtk_style_context_lookup_color (context, color_names[i].name, &priv->colors[i]);
      G_GNUC_END_IGNORE_DEPRECATIONS
      if (!found && !gdk_rgba_parse (&priv->colors[i], dark ? color_names[i].dark : color_names[i].light))
        g_assert_not_reached ();
    }
  priv->colors_valid = TRUE;
}

static void
edaad_chart_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (edaad_chart_parent_class)->css_changed (widget, change);
  invalidate_style (EDAAD_CHART (widget));
}

static void
edaad_chart_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (edaad_chart_parent_class)->direction_changed (widget, previous);
  gtk_widget_queue_draw (widget);
}

static gboolean
edaad_chart_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip)
{
  EdaadChartClass *klass = EDAAD_CHART_GET_CLASS (widget);
  g_autofree char *text = NULL;

  if (klass->tooltip_at == NULL || keyboard_mode)
    return FALSE;

  text = klass->tooltip_at (EDAAD_CHART (widget), x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void records_changed (EdaadChart *self);

static void
unwatch_records (EdaadChart *self)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);

  for (guint i = 0; i < priv->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (priv->watched, i), records_changed, self);
  g_ptr_array_set_size (priv->watched, 0);
}

static void
watch_records (EdaadChart *self)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);
  guint n;

  unwatch_records (self);
  if (priv->records == NULL)
    return;

  n = g_list_model_get_n_items (priv->records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (priv->records, i);

      g_signal_connect_swapped (item, "field-changed", G_CALLBACK (records_changed), self);
      g_signal_connect_swapped (item, "notify::deleted", G_CALLBACK (records_changed), self);
      g_ptr_array_add (priv->watched, g_steal_pointer (&item));
    }
}

static void
records_changed (EdaadChart *self)
{
  EdaadChartClass *klass = EDAAD_CHART_GET_CLASS (self);

  if (klass->records_changed != NULL)
    klass->records_changed (self);
  edaad_chart_data_changed (self);
}

static void
on_items_changed (EdaadChart *self)
{
  watch_records (self);
  records_changed (self);
}

static void
edaad_chart_dispose (GObject *object)
{
  EdaadChart *self = EDAAD_CHART (object);
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);

  unwatch_records (self);
  if (priv->records != NULL)
    g_signal_handlers_disconnect_by_func (priv->records, on_items_changed, self);
  g_clear_object (&priv->records);
  G_OBJECT_CLASS (edaad_chart_parent_class)->dispose (object);
}

static void
edaad_chart_finalize (GObject *object)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (EDAAD_CHART (object));

  g_clear_pointer (&priv->description, g_free);
  g_clear_pointer (&priv->watched, g_ptr_array_unref);
  G_OBJECT_CLASS (edaad_chart_parent_class)->finalize (object);
}

static void
edaad_chart_class_init (EdaadChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = edaad_chart_dispose;
  object_class->finalize = edaad_chart_finalize;

  widget_class->css_changed = edaad_chart_css_changed;
  widget_class->direction_changed = edaad_chart_direction_changed;
  widget_class->query_tooltip = edaad_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
edaad_chart_init (EdaadChart *self)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);

  priv->description = g_strdup ("");
  priv->watched = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (invalidate_style), self, G_CONNECT_SWAPPED);
}

void
edaad_chart_data_changed (EdaadChart *self)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);
  EdaadChartClass *klass;
  g_autofree char *description = NULL;

  g_return_if_fail (EDAAD_IS_CHART (self));

  klass = EDAAD_CHART_GET_CLASS (self);
  if (klass->describe != NULL)
    description = klass->describe (self);
  if (description == NULL)
    description = g_strdup ("");

  if (g_strcmp0 (description, priv->description) != 0)
    {
      g_free (priv->description);
      priv->description = g_steal_pointer (&description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, priv->description,
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
edaad_chart_set_records (EdaadChart *self,
                         GListModel *records)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);

  g_return_if_fail (EDAAD_IS_CHART (self));
  g_return_if_fail (records == NULL || G_IS_LIST_MODEL (records));

  if (priv->records == records)
    return;

  if (priv->records != NULL)
    g_signal_handlers_disconnect_by_func (priv->records, on_items_changed, self);
  g_set_object (&priv->records, records);
  if (records != NULL)
    g_signal_connect_swapped (records, "items-changed", G_CALLBACK (on_items_changed), self);
  on_items_changed (self);
}

GListModel *
edaad_chart_get_records (EdaadChart *self)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);

  g_return_val_if_fail (EDAAD_IS_CHART (self), NULL);
  return priv->records;
}

const char *
edaad_chart_get_description (EdaadChart *self)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);

  g_return_val_if_fail (EDAAD_IS_CHART (self), NULL);
  return priv->description;
}

void
edaad_chart_get_color (EdaadChart      *self,
                       EdaadChartColor  color,
                       double           alpha,
                       GdkRGBA         *rgba)
{
  EdaadChartPrivate *priv = edaad_chart_get_instance_private (self);

  g_return_if_fail (EDAAD_IS_CHART (self));
  g_return_if_fail (color < EDAAD_CHART_N_COLORS);
  g_return_if_fail (rgba != NULL);

  ensure_colors (self);
  *rgba = priv->colors[color];
  rgba->alpha *= alpha;
}

gboolean
edaad_chart_is_dark (EdaadChart *self)
{
  g_return_val_if_fail (EDAAD_IS_CHART (self), FALSE);
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

gboolean
edaad_chart_is_rtl (EdaadChart *self)
{
  g_return_val_if_fail (EDAAD_IS_CHART (self), FALSE);
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

double
edaad_chart_mirror_x (EdaadChart *self,
                      double      x)
{
  g_return_val_if_fail (EDAAD_IS_CHART (self), x);
  return edaad_chart_geometry_mirror_x (gtk_widget_get_width (GTK_WIDGET (self)),
                                        edaad_chart_is_rtl (self), x);
}

PangoLayout *
edaad_chart_create_layout (EdaadChart *self,
                           const char *text,
                           double      scale,
                           gboolean    bold)
{
  PangoLayout *layout;
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  g_return_val_if_fail (EDAAD_IS_CHART (self), NULL);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

void
edaad_chart_draw_layout_centered (EdaadChart    *self,
                                  GtkSnapshot   *snapshot,
                                  PangoLayout   *layout,
                                  double         cx,
                                  double         cy,
                                  const GdkRGBA *color)
{
  int width, height;

  g_return_if_fail (EDAAD_IS_CHART (self));

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (cx - width / 2.0), round (cy - height / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

#define AXIS_SCALE 0.85
#define AXIS_GAP 4

static int
axis_line_height (EdaadChart *self)
{
  g_autoptr(PangoLayout) layout = edaad_chart_create_layout (self, "5", AXIS_SCALE, FALSE);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

void
edaad_chart_get_grid_axes_size (EdaadChart *self,
                                double     *axis_start,
                                double     *axis_bottom)
{
  int line;

  g_return_if_fail (EDAAD_IS_CHART (self));

  line = axis_line_height (self);
  /* Numbers, then the turned title, on the start side; numbers, then the title below. */
  if (axis_start != NULL)
    *axis_start = line + AXIS_GAP + line + AXIS_GAP;
  if (axis_bottom != NULL)
    *axis_bottom = line + AXIS_GAP + line + AXIS_GAP;
}

void
edaad_chart_draw_grid_axes (EdaadChart           *self,
                            GtkSnapshot          *snapshot,
                            const EdaadChartGrid *grid,
                            const char           *x_title,
                            const char           *y_title)
{
  const graphene_rect_t *area = &grid->area;
  GdkRGBA dim, fg;
  int line;
  double number_x, title_x;

  g_return_if_fail (EDAAD_IS_CHART (self));

  if (area->size.width <= 0)
    return;

  edaad_chart_get_color (self, EDAAD_CHART_COLOR_FOREGROUND, 0.55, &dim);
  edaad_chart_get_color (self, EDAAD_CHART_COLOR_FOREGROUND, 0.8, &fg);
  line = axis_line_height (self);

  /* The numbers along x, under each column. */
  for (int c = 1; c <= grid->n_columns; c++)
    {
      g_autofree char *text = edaad_ui_format_count (c);
      g_autoptr(PangoLayout) layout = edaad_chart_create_layout (self, text, AXIS_SCALE, FALSE);
      graphene_point_t center;

      edaad_chart_grid_cell_center (grid, c, 1, &center);
      edaad_chart_draw_layout_centered (self, snapshot, layout, center.x,
                                        area->origin.y + area->size.height + AXIS_GAP + line / 2.0, &dim);
    }

  /* The numbers along y, beside each row on the start side. */
  if (grid->rtl)
    number_x = area->origin.x + area->size.width + AXIS_GAP + line / 2.0;
  else
    number_x = area->origin.x - AXIS_GAP - line / 2.0;
  for (int r = 1; r <= grid->n_rows; r++)
    {
      g_autofree char *text = edaad_ui_format_count (r);
      g_autoptr(PangoLayout) layout = edaad_chart_create_layout (self, text, AXIS_SCALE, FALSE);
      graphene_point_t center;

      edaad_chart_grid_cell_center (grid, 1, r, &center);
      edaad_chart_draw_layout_centered (self, snapshot, layout, number_x, center.y, &dim);
    }

  if (x_title != NULL)
    {
      g_autoptr(PangoLayout) layout = edaad_chart_create_layout (self, x_title, AXIS_SCALE, TRUE);

      edaad_chart_draw_layout_centered (self, snapshot, layout, area->origin.x + area->size.width / 2,
                                        area->origin.y + area->size.height + 2 * AXIS_GAP + line * 1.5, &fg);
    }

  if (y_title != NULL)
    {
      g_autoptr(PangoLayout) layout = edaad_chart_create_layout (self, y_title, AXIS_SCALE, TRUE);
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      if (grid->rtl)
        title_x = area->origin.x + area->size.width + 2 * AXIS_GAP + line * 1.5;
      else
        title_x = area->origin.x - 2 * AXIS_GAP - line * 1.5;

      /* Turned to read upwards, centred on the rows. */
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (title_x, area->origin.y + area->size.height / 2));
      gtk_snapshot_rotate (snapshot, -90);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-width / 2.0, -height / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
    }
}

void
edaad_chart_draw_focus_ring (EdaadChart            *self,
                             GtkSnapshot           *snapshot,
                             const graphene_rect_t *rect,
                             double                 radius)
{
  GskRoundedRect outline;
  GdkRGBA accent;
  GdkRGBA colors[4];
  const float widths[4] = { 2, 2, 2, 2 };

  g_return_if_fail (EDAAD_IS_CHART (self));

  edaad_chart_get_color (self, EDAAD_CHART_COLOR_ACCENT, 1.0, &accent);
  for (guint i = 0; i < 4; i++)
    colors[i] = accent;
  gsk_rounded_rect_init_from_rect (&outline, rect, radius);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}
