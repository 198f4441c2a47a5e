/* edaad-dashboard-page.c — the change leader's overview. */
#define G_LOG_DOMAIN "edaad-dashboard-page"

#include "config.h"

#include "edaad-dashboard-page.h"

#include "edaad-coursework-metrics.h"
#include "edaad-date.h"
#include "edaad-edition-choice.h"
#include "edaad-enum-chip.h"
#include "edaad-record-array.h"
#include "edaad-record-list.h"
#include "edaad-stat-card.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

#define MAX_DEADLINE_ROWS 8
/* The width from which the dashboard shows its lists in two columns. */
#define TWO_COLUMNS_WIDTH 720

struct _EdaadDashboardPage
{
  AdwBin parent_instance;

  EdaadStatCard *plans_card;
  EdaadStatCard *ready_card;
  EdaadStatCard *electronic_card;
  GtkFlowBox *columns;
  GtkListBox *plans_list;
  GtkListBox *services_list;
  AdwPreferencesGroup *deadlines_group;
  GtkListBox *deadlines_list;

  EdaadStore *store;
  GSettings *settings;
  EdaadRecordList *editions;
  guint refresh_id;
};

G_DEFINE_FINAL_TYPE (EdaadDashboardPage, edaad_dashboard_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  OPEN_PAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Where activating a card or row leads. */
static void
set_target (gpointer    widget,
            const char *page,
            const char *field,
            const char *value)
{
  g_object_set_data_full (G_OBJECT (widget), "edaad-page", g_strdup (page), g_free);
  g_object_set_data_full (G_OBJECT (widget), "edaad-field", g_strdup (field), g_free);
  g_object_set_data_full (G_OBJECT (widget), "edaad-value", g_strdup (value), g_free);
}

static void
open_target (EdaadDashboardPage *self,
             gpointer            widget)
{
  const char *page = g_object_get_data (G_OBJECT (widget), "edaad-page");

  if (page == NULL)
    return;
  g_signal_emit (self, signals[OPEN_PAGE], 0, page,
                 g_object_get_data (G_OBJECT (widget), "edaad-field"),
                 g_object_get_data (G_OBJECT (widget), "edaad-value"));
}

static void
on_card_clicked (GtkButton          *card,
                 EdaadDashboardPage *self)
{
  open_target (self, card);
}

static void
on_row_activated (GtkListBox         *list,
                  GtkListBoxRow      *row,
                  EdaadDashboardPage *self)
{
  open_target (self, row);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* The rows are laid out as AdwActionRow lays out its own (libadwaita's style sheet styles
 * `row > box.header > box.title > label.title, label.subtitle` and `box.suffixes`), but with
 * labels that keep to one line and ellipsize: status names, counts, dates and titles of
 * things due all fit, and the row leads to the whole record.  AdwActionRow's labels always
 * wrap, and a wrapping label is laid out again at every width its row is offered while the
 * page is measured, with its text shaped afresh each time.  With AdwActionRows the first
 * frame of a large store shaped text some 59,000 times (most of its layout time); with these
 * rows, about 3,400 for the whole window. */
static GtkWidget *
row_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_suffix (GtkWidget *row,
            GtkWidget *widget)
{
  GtkWidget *suffixes = g_object_get_data (G_OBJECT (row), "edaad-suffixes");

  gtk_box_append (GTK_BOX (suffixes), widget);
}

static GtkWidget *
add_row (GtkListBox *list,
         const char *name,
         const char *title,
         const char *subtitle,
         const char *figure)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title_label = row_label (title, "title");

  gtk_widget_add_css_class (header, "header");
  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (title_box, "title");
  gtk_widget_set_valign (title_box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (title_box, TRUE);
  gtk_box_append (GTK_BOX (title_box), title_label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title_label, NULL, -1);
  if (subtitle != NULL)
    {
      GtkWidget *subtitle_label = row_label (subtitle, "subtitle");

      gtk_box_append (GTK_BOX (title_box), subtitle_label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      subtitle_label, NULL, -1);
    }
  gtk_box_append (GTK_BOX (header), title_box);
  gtk_widget_add_css_class (suffixes, "suffixes");
  gtk_box_append (GTK_BOX (header), suffixes);
  g_object_set_data (G_OBJECT (row), "edaad-suffixes", suffixes);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), header);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (name != NULL)
    gtk_widget_set_name (row, name);
  if (figure != NULL)
    {
      GtkWidget *label = gtk_label_new (figure);

      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "heading");
      add_suffix (row, label);
      g_object_set_data (G_OBJECT (row), "edaad-figure", label);
    }
  gtk_list_box_append (list, row);
  return row;
}

static void
make_activatable (GtkWidget *row)
{
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (arrow, "dim-label");
  add_suffix (row, arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
}

static int
count_of (GHashTable *counts,
          const char *nick)
{
  return counts != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (counts, nick)) : 0;
}

/* `all` (edaad_store_count_dashboard) is NULL when the counts could not be read: the page
 * then shows nothing counted. */
static void
refresh_plans (EdaadDashboardPage         *self,
               const EdaadDashboardCounts *all)
{
  const EdaadFieldSpec *status = edaad_kind_lookup_field (edaad_schema_lookup_kind ("plan"), "status");
  GHashTable *counts = all != NULL ? all->plans_by_status : NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *caption = NULL;
  gint64 total = all != NULL ? all->plans : 0;
  int implementing;

  clear_list (self->plans_list);

  for (guint i = 0; status->enum_values[i] != NULL; i++)
    {
      const char *nick = status->enum_values[i];
      int count = count_of (counts, nick);
      g_autofree char *name = NULL;
      g_autofree char *figure = NULL;
      GtkWidget *row;

      if (count == 0)
        continue;
      name = g_strconcat ("plans-status-", nick, NULL);
      figure = edaad_ui_format_count (count);
      row = add_row (self->plans_list, name, edaad_field_enum_label (status, nick), NULL, figure);
      set_target (row, "plans", "status", nick);
      make_activatable (row);
    }
  if (total == 0)
    add_row (self->plans_list, NULL, _("No change plans yet"), NULL, NULL);

  total_text = edaad_ui_format_count (total);
  edaad_stat_card_set_figure (self->plans_card, total_text);
  implementing = count_of (counts, "implementing");
  if (implementing > 0)
    {
      g_autofree char *number = edaad_ui_format_count (implementing);
      /* Translators: %s is a number of change plans */
      caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s being implemented", "%s being implemented",
                                              implementing), number);
    }
  edaad_stat_card_set_caption (self->plans_card, caption);
  set_target (self->plans_card, "plans", NULL, NULL);
}

static void
refresh_ready (EdaadDashboardPage         *self,
               const char                 *today,
               const EdaadDashboardCounts *all)
{
  g_autoptr(EdaadRecord) edition = edaad_edition_choose (G_LIST_MODEL (self->editions), today);
  g_autoptr(EdaadRecordList) plans = NULL;
  g_autoptr(GPtrArray) array = NULL;
  g_autofree char *ready_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *caption = NULL;
  guint target = 10;
  guint ready;

  if (edition != NULL)
    {
      /* An edition's plans are few: count them as the coursework page does. */
      plans = edaad_record_list_new (self->store, "plan");
      edaad_record_list_set_equals (plans, "edition_id", edaad_record_get_id (edition));
      array = edaad_record_array_from_model (G_LIST_MODEL (plans));
      ready = edaad_ready_plans_count (edition, array, &target);
    }
  else
    {
      /* Every plan counts: SQL has counted them by status rather than loading them all. */
      const EdaadFieldSpec *status = edaad_kind_lookup_field (edaad_schema_lookup_kind ("plan"), "status");
      GHashTable *counts = all != NULL ? all->plans_by_status : NULL;

      array = g_ptr_array_new ();
      edaad_ready_plans_count (NULL, array, &target);
      ready = 0;
      for (guint i = 0; status->enum_values[i] != NULL; i++)
        {
          if (edaad_plan_status_is_ready (status->enum_values[i]))
            ready += (guint) count_of (counts, status->enum_values[i]);
        }
    }

  ready_text = edaad_ui_format_count (ready);
  target_text = edaad_ui_format_count (target);
  /* Translators: ready change plans toward the edition's target, e.g. "7 of 10" */
  figure = g_strdup_printf (_("%s of %s"), ready_text, target_text);
  edaad_stat_card_set_figure (self->ready_card, figure);
  edaad_stat_card_set_fraction (self->ready_card, target > 0 ? (double) ready / target : 0.0);
  if (edition != NULL)
    {
      g_autofree char *name = edaad_record_dup_title (edition);
      /* Translators: %s is the name of an Edaad edition */
      caption = g_strdup_printf (_("Approved or further along, in %s"), name);
      set_target (self->ready_card, "plans", "edition_id", edaad_record_get_id (edition));
    }
  else
    {
      caption = g_strdup (_("Approved or further along"));
      set_target (self->ready_card, "plans", NULL, NULL);
    }
  edaad_stat_card_set_caption (self->ready_card, caption);
}

static void
refresh_services (EdaadDashboardPage         *self,
                  const EdaadDashboardCounts *all)
{
  const EdaadFieldSpec *maturity = edaad_kind_lookup_field (edaad_schema_lookup_kind ("service"), "maturity");
  GHashTable *now = all != NULL ? all->services_by_maturity : NULL;
  GHashTable *target = all != NULL ? all->services_by_maturity_target : NULL;
  g_autofree char *figure = NULL;
  g_autofree char *caption = NULL;
  int total = 0;
  int electronic;

  clear_list (self->services_list);

  for (guint i = 0; maturity->enum_values[i] != NULL; i++)
    total += count_of (now, maturity->enum_values[i]);

  for (guint i = 0; total > 0 && maturity->enum_values[i] != NULL; i++)
    {
      const char *nick = maturity->enum_values[i];
      g_autofree char *name = g_strconcat ("services-maturity-", nick, NULL);
      g_autofree char *count = edaad_ui_format_count (count_of (now, nick));
      g_autofree char *target_count = edaad_ui_format_count (count_of (target, nick));
      /* Translators: how many services should reach this maturity, e.g. "Target: 30" */
      g_autofree char *subtitle = g_strdup_printf (_("Target: %s"), target_count);
      GtkWidget *row;

      row = add_row (self->services_list, name, edaad_field_enum_label (maturity, nick), subtitle, count);
      set_target (row, "services", "maturity", nick);
      make_activatable (row);
    }
  if (total == 0)
    add_row (self->services_list, NULL, _("No services yet"), NULL, NULL);

  electronic = count_of (now, "electronic");
  if (total > 0)
    {
      g_autofree char *count = edaad_ui_format_count (electronic);
      g_autofree char *total_text = edaad_ui_format_count (total);

      figure = edaad_ui_format_percent (100.0 * electronic / total);
      /* Translators: e.g. "14 of 40 services" */
      caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s service", "%s of %s services", total),
                                 count, total_text);
    }
  else
    {
      /* Translators: no figure to show */
      figure = g_strdup (C_("figure", "—"));
      caption = g_strdup (_("No services yet"));
    }
  edaad_stat_card_set_figure (self->electronic_card, figure);
  edaad_stat_card_set_caption (self->electronic_card, caption);
  set_target (self->electronic_card, "services", "maturity", "electronic");
}

/* The date a deadline falls on, as "YYYY-MM-DD". */
static char *
deadline_date (EdaadRecord *record)
{
  if (g_str_equal (edaad_record_get_kind_name (record), "assignment"))
    return edaad_instant_to_local_date (edaad_record_get_string (record, "due_at"));
  return g_strdup (edaad_record_get_string (record, "due_on"));
}

static void
refresh_deadlines (EdaadDashboardPage *self,
                   const char         *today)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *days_text = NULL;
  int days = g_settings_get_int (self->settings, "deadline-days");
  guint n_deadlines = 0;

  clear_list (self->deadlines_list);
  days_text = edaad_ui_format_count (days);
  /* Translators: the description of the deadlines card; %s is a number of days */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue, or due in the next %s day",
                                              "Overdue, or due in the next %s days", days), days_text);
  adw_preferences_group_set_description (self->deadlines_group, description);

  /* Only the rows shown are loaded: a large store can have thousands of overdue items. */
  deadlines = edaad_store_upcoming_deadlines_first (self->store, today, days, MAX_DEADLINE_ROWS,
                                                    &n_deadlines, &error);
  if (deadlines == NULL)
    {
      g_warning ("Cannot list deadlines: %s", error->message);
      return;
    }

  for (guint i = 0; i < deadlines->len && i < MAX_DEADLINE_ROWS; i++)
    {
      EdaadRecord *record = g_ptr_array_index (deadlines, i);
      const char *kind = edaad_record_get_kind_name (record);
      g_autofree char *title = edaad_record_dup_title (record);
      g_autofree char *date = deadline_date (record);
      g_autofree char *shown_date = edaad_ui_format_date (date);
      g_autofree char *name = g_strconcat ("deadline-", edaad_record_get_id (record), NULL);
      g_autofree char *subtitle = NULL;
      g_autofree char *when = NULL;
      const char *tone = "dim-label";
      GtkWidget *row;
      GtkWidget *label;
      int left = edaad_date_is_valid (date) ? edaad_date_days_between (today, date) : 0;

      /* Translators: what is due and when, e.g. "Milestone · 3 Dec 2026" */
      subtitle = g_strdup_printf (_("%s · %s"), g_dgettext (GETTEXT_PACKAGE, edaad_record_get_kind (record)->label),
                                  shown_date != NULL ? shown_date : "");
      row = add_row (self->deadlines_list, name, title, subtitle, NULL);

      if (left < 0)
        {
          when = g_strdup (_("Overdue"));
          tone = "error";
        }
      else if (left == 0)
        {
          when = g_strdup (_("Today"));
          tone = "warning";
        }
      else
        {
          g_autofree char *left_text = edaad_ui_format_count (left);
          /* Translators: when a deadline falls; %s is a number of days */
          when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %s day", "In %s days", left), left_text);
        }
      label = gtk_label_new (when);
      gtk_widget_add_css_class (label, "edaad-chip");
      gtk_widget_add_css_class (label, tone);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      add_suffix (row, label);

      if (g_str_equal (kind, "assignment"))
        set_target (row, "coursework", "id", edaad_record_get_id (record));
      else if (g_str_equal (kind, "plan"))
        set_target (row, "plans", "id", edaad_record_get_id (record));
      else if (edaad_record_get_string (record, "plan_id") != NULL)
        set_target (row, "plans", "id", edaad_record_get_string (record, "plan_id"));
      if (g_object_get_data (G_OBJECT (row), "edaad-page") != NULL)
        make_activatable (row);
    }

  if (n_deadlines > MAX_DEADLINE_ROWS)
    {
      guint more = n_deadlines - MAX_DEADLINE_ROWS;
      g_autofree char *more_text = edaad_ui_format_count (more);
      /* Translators: %s is a number of further deadlines */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more", "And %s more", more),
                                               more_text);
      GtkWidget *row = add_row (self->deadlines_list, NULL, text, NULL, NULL);

      gtk_widget_add_css_class (row, "dim-label");
    }
  else if (n_deadlines == 0)
    add_row (self->deadlines_list, NULL, _("Nothing is due"), NULL, NULL);
}

void
edaad_dashboard_page_refresh (EdaadDashboardPage *self)
{
  g_autofree char *today = edaad_date_today ();
  g_autoptr(EdaadDashboardCounts) counts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (EDAAD_IS_DASHBOARD_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* One statement for every figure but the deadlines: it reads only indexes. */
  counts = edaad_store_count_dashboard (self->store, &error);
  if (counts == NULL)
    g_warning ("Cannot count change plans and services: %s", error->message);
  refresh_plans (self, counts);
  refresh_ready (self, today, counts);
  refresh_services (self, counts);
  refresh_deadlines (self, today);
}

static gboolean
refresh_cb (gpointer user_data)
{
  EdaadDashboardPage *self = user_data;

  self->refresh_id = 0;
  edaad_dashboard_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (EdaadDashboardPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
edaad_dashboard_page_constructed (GObject *object)
{
  EdaadDashboardPage *self = EDAAD_DASHBOARD_PAGE (object);

  G_OBJECT_CLASS (edaad_dashboard_page_parent_class)->constructed (object);

  g_return_if_fail (EDAAD_IS_STORE (self->store));

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::deadline-days",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  self->editions = edaad_record_list_new (self->store, "edition");
  edaad_dashboard_page_refresh (self);
}

static void
edaad_dashboard_page_dispose (GObject *object)
{
  EdaadDashboardPage *self = EDAAD_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->editions);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  /* AdwBin owns its child: let it go before the template drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (edaad_dashboard_page_parent_class)->dispose (object);
}

static void
edaad_dashboard_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EdaadDashboardPage *self = EDAAD_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_dashboard_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EdaadDashboardPage *self = EDAAD_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The page lays out its one child as a bin does, but first chooses one or two columns:
 * two when they both have room, one under the other otherwise (a flow box on its own goes
 * by its children's natural widths, which long titles make too wide). */
static void
layout_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
layout_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  EdaadDashboardPage *self = EDAAD_DASHBOARD_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  guint per_line = width >= TWO_COLUMNS_WIDTH ? 2 : 1;

  if (self->columns != NULL && gtk_flow_box_get_min_children_per_line (self->columns) != per_line)
    gtk_flow_box_set_min_children_per_line (self->columns, per_line);
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
edaad_dashboard_page_class_init (EdaadDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = edaad_dashboard_page_constructed;
  object_class->dispose = edaad_dashboard_page_dispose;
  object_class->get_property = edaad_dashboard_page_get_property;
  object_class->set_property = edaad_dashboard_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_PAGE] =
    g_signal_new ("open-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (EDAAD_TYPE_STAT_CARD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadDashboardPage, plans_card);
  gtk_widget_class_bind_template_child (widget_class, EdaadDashboardPage, ready_card);
  gtk_widget_class_bind_template_child (widget_class, EdaadDashboardPage, electronic_card);
  gtk_widget_class_bind_template_child (widget_class, EdaadDashboardPage, columns);
  gtk_widget_class_bind_template_child (widget_class, EdaadDashboardPage, plans_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadDashboardPage, services_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadDashboardPage, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, EdaadDashboardPage, deadlines_list);
  gtk_widget_class_bind_template_callback (widget_class, on_card_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
edaad_dashboard_page_init (EdaadDashboardPage *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_custom_layout_new (NULL, layout_measure, layout_allocate));
  gtk_widget_init_template (GTK_WIDGET (self));
  edaad_stat_card_set_heading (self->plans_card, _("Change Plans"));
  edaad_stat_card_set_heading (self->ready_card, _("Ready Plans"));
  edaad_stat_card_set_heading (self->electronic_card, _("Services Fully Electronic"));
}

GtkWidget *
edaad_dashboard_page_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);
  return g_object_new (EDAAD_TYPE_DASHBOARD_PAGE, "store", store, NULL);
}

EdaadStore *
edaad_dashboard_page_get_store (EdaadDashboardPage *self)
{
  g_return_val_if_fail (EDAAD_IS_DASHBOARD_PAGE (self), NULL);
  return self->store;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
edaad_dashboard_page_get_item (EdaadDashboardPage *self,
                               const char         *name)
{
  g_return_val_if_fail (EDAAD_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return find_named (GTK_WIDGET (self), name);
}

const char *
edaad_dashboard_page_get_figure (EdaadDashboardPage *self,
                                 const char         *name)
{
  GtkWidget *item;
  GtkLabel *label;

  g_return_val_if_fail (EDAAD_IS_DASHBOARD_PAGE (self), NULL);

  item = edaad_dashboard_page_get_item (self, name);
  if (item == NULL)
    return NULL;
  if (EDAAD_IS_STAT_CARD (item))
    return edaad_stat_card_get_figure (EDAAD_STAT_CARD (item));
  label = g_object_get_data (G_OBJECT (item), "edaad-figure");
  return label != NULL ? gtk_label_get_text (label) : NULL;
}
