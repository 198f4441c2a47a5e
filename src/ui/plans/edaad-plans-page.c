/* edaad-plans-page.c — the change plans list with an overview and an editor beside it. */
#define G_LOG_DOMAIN "edaad-plans-page"

#include "config.h"

#include "edaad-plans-page.h"

#include "edaad-field-sorter.h"
#include "edaad-plan-detail.h"
#include "edaad-plan-editor.h"
#include "edaad-plan-metrics.h"
#include "edaad-record-array.h"
#include "edaad-record-columns.h"
#include "edaad-record-list.h"
#include "edaad-record-table.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

struct _EdaadPlansPage
{
  AdwBin parent_instance;

  EdaadRecordTable *table;
  EdaadPlanDetail *detail;
  GtkStack *pane_stack;
  EdaadPlanEditor *editor;

  EdaadStore *store;
};

G_DEFINE_FINAL_TYPE (EdaadPlansPage, edaad_plans_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the progress column: each bound row follows its plan's milestones ---- */

static void
progress_cell_update (GtkWidget *cell)
{
  GtkProgressBar *bar = GTK_PROGRESS_BAR (gtk_widget_get_first_child (cell));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_last_child (cell));
  GListModel *milestones = g_object_get_data (G_OBJECT (cell), "edaad-milestones");
  g_autoptr(GPtrArray) array = NULL;
  g_autofree char *text = NULL;
  double progress = 0.0;

  if (milestones != NULL)
    {
      array = edaad_record_array_from_model (milestones);
      progress = edaad_plan_progress (array);
    }
  text = edaad_ui_format_percent (progress);
  gtk_progress_bar_set_fraction (bar, progress / 100.0);
  gtk_label_set_text (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
progress_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (cell, "edaad-progress-cell");
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (cell), bar);
  gtk_box_append (GTK_BOX (cell), label);
  gtk_list_item_set_child (item, cell);
}

static void
progress_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EdaadPlansPage           *self)
{
  EdaadRecord *plan = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  EdaadRecordList *milestones;

  milestones = edaad_record_list_new (self->store, "milestone");
  edaad_record_list_set_equals (milestones, "plan_id", edaad_record_get_id (plan));
  g_signal_connect_object (milestones, "items-changed",
                           G_CALLBACK (progress_cell_update), cell, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (cell), "edaad-milestones", milestones, g_object_unref);
  progress_cell_update (cell);
}

static void
progress_unbind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "edaad-milestones", NULL);
}

/* ---- the capstone column ---- */

static void
capstone_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_halign (image, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (image, _("Counts toward the cohort's ready plans"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Capstone plan"), -1);
  gtk_widget_add_css_class (image, "accent");
  gtk_list_item_set_child (item, image);
}

static void
capstone_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  EdaadRecord *plan = gtk_list_item_get_item (item);

  gtk_widget_set_visible (gtk_list_item_get_child (item), edaad_record_get_bool (plan, "capstone"));
}

static void
on_selected_changed (EdaadPlansPage *self)
{
  EdaadRecord *selected = edaad_record_table_get_selected (self->table);

  edaad_plan_detail_set_plan (self->detail, selected);
  /* Switching saves what is pending, and keeps invalid input as drafts. */
  edaad_plan_editor_set_plan (self->editor, selected != NULL ? edaad_record_get_id (selected) : NULL);
}

/* The first valid save of a new plan creates it: select its row. */
static void
on_editor_plan_id_changed (EdaadPlansPage *self)
{
  const char *id = edaad_plan_editor_get_plan_id (self->editor);
  g_autoptr(EdaadRecord) plan = NULL;

  if (id == NULL)
    return;
  plan = edaad_store_get (self->store, "plan", id, NULL);
  if (plan != NULL)
    edaad_record_table_select_id (self->table, id);
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (widget);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (edaad_record_table_get_selection (self->table)));
  edaad_plan_editor_new_plan (self->editor);
  gtk_stack_set_visible_child_name (self->pane_stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

static void
append_column (EdaadPlansPage      *self,
               GtkColumnViewColumn *column)
{
  edaad_record_table_append_column (self->table, column);
  g_object_unref (column);
}

static void
add_columns (EdaadPlansPage *self)
{
  g_autoptr(GtkListItemFactory) progress = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) capstone = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  column = edaad_record_column_new_text (_("Code"), "code", "code");
  gtk_column_view_column_set_fixed_width (column, 100);
  append_column (self, column);
  /* The title takes whatever width the fixed columns leave. */
  column = edaad_record_column_new_title (_("Title"), "title");
  append_column (self, column);
  column = edaad_record_column_new_text (_("Type of change"), "change_type", "change_type");
  gtk_column_view_column_set_fixed_width (column, 130);
  append_column (self, column);
  column = edaad_record_column_new_chip (_("Status"), "plan", "status", "status");
  gtk_column_view_column_set_fixed_width (column, 110);
  append_column (self, column);

  g_signal_connect (progress, "setup", G_CALLBACK (progress_setup), NULL);
  g_signal_connect_object (progress, "bind", G_CALLBACK (progress_bind), self, 0);
  g_signal_connect (progress, "unbind", G_CALLBACK (progress_unbind), NULL);
  column = gtk_column_view_column_new (_("Progress"), g_object_ref (progress));
  gtk_column_view_column_set_fixed_width (column, 110);
  gtk_column_view_column_set_resizable (column, TRUE);
  append_column (self, column);

  column = edaad_record_column_new_text (_("Due"), "due_on", "due_on");
  gtk_column_view_column_set_fixed_width (column, 140);
  append_column (self, column);

  g_signal_connect (capstone, "setup", G_CALLBACK (capstone_setup), NULL);
  g_signal_connect (capstone, "bind", G_CALLBACK (capstone_bind), NULL);
  /* Translators: a narrow column header (80 pixels) over a check mark for the capstone plan */
  column = gtk_column_view_column_new (C_("column", "Capstone"), g_object_ref (capstone));
  gtk_column_view_column_set_fixed_width (column, 80);
  {
    g_autoptr(EdaadFieldSorter) sorter = edaad_field_sorter_new ("capstone");
    gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  }
  append_column (self, column);
}

static void
edaad_plans_page_constructed (GObject *object)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (object);

  G_OBJECT_CLASS (edaad_plans_page_parent_class)->constructed (object);

  g_return_if_fail (EDAAD_IS_STORE (self->store));

  add_columns (self);
  edaad_record_table_add_enum_filter (self->table, "status", _("All statuses"));
  g_object_set (self->detail, "store", self->store, NULL);

  self->editor = EDAAD_PLAN_EDITOR (edaad_plan_editor_new (self->store));
  gtk_stack_add_titled (self->pane_stack, GTK_WIDGET (self->editor), "edit", _("Edit"));
  g_signal_connect_object (self->editor, "notify::plan-id",
                           G_CALLBACK (on_editor_plan_id_changed), self, G_CONNECT_SWAPPED);
  {
    GtkWidget *new_button = gtk_button_new_from_icon_name ("list-add-symbolic");

    gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "plans.new");
    gtk_widget_set_valign (new_button, GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (new_button, _("New Plan"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (new_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Plan"), -1);
    gtk_widget_add_css_class (new_button, "suggested-action");
    edaad_record_table_add_toolbar_widget (self->table, new_button);
  }
  g_signal_connect_object (self->table, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  edaad_record_table_set_store (self->table, self->store);
}

static void
edaad_plans_page_dispose (GObject *object)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (object);

  /* AdwBin owns its child: let it go before the template drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_PLANS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (edaad_plans_page_parent_class)->dispose (object);
}

static void
edaad_plans_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (object);

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
edaad_plans_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_plans_page_class_init (EdaadPlansPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = edaad_plans_page_constructed;
  object_class->dispose = edaad_plans_page_dispose;
  object_class->get_property = edaad_plans_page_get_property;
  object_class->set_property = edaad_plans_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EDAAD_TYPE_RECORD_TABLE);
  g_type_ensure (EDAAD_TYPE_PLAN_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-plans-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadPlansPage, table);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlansPage, detail);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlansPage, pane_stack);

  gtk_widget_class_install_action (widget_class, "plans.new", NULL, new_plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "plans.new", NULL);
}

static void
edaad_plans_page_init (EdaadPlansPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
edaad_plans_page_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);
  return g_object_new (EDAAD_TYPE_PLANS_PAGE, "store", store, NULL);
}

EdaadStore *
edaad_plans_page_get_store (EdaadPlansPage *self)
{
  g_return_val_if_fail (EDAAD_IS_PLANS_PAGE (self), NULL);
  return self->store;
}

void
edaad_plans_page_show_record (EdaadPlansPage *self,
                              const char     *kind,
                              const char     *id)
{
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *plan_id;

  g_return_if_fail (EDAAD_IS_PLANS_PAGE (self));
  g_return_if_fail (kind != NULL && id != NULL);
  g_return_if_fail (g_str_equal (kind, "plan") || g_str_equal (kind, "milestone") ||
                    g_str_equal (kind, "risk") || g_str_equal (kind, "stakeholder") ||
                    g_str_equal (kind, "kpi"));

  if (g_str_equal (kind, "plan"))
    plan_id = id;
  else
    {
      record = edaad_store_get (self->store, kind, id, &error);
      if (record == NULL)
        {
          g_debug ("Cannot show %s %s: %s", kind, id, error->message);
          return;
        }
      plan_id = edaad_record_get_string (record, "plan_id");
      if (plan_id == NULL)
        return; /* a KPI of a service, not of a plan */
    }

  if (!edaad_record_table_select_id (self->table, plan_id))
    return;
  if (g_str_equal (kind, "milestone"))
    edaad_plan_detail_reveal_milestone (self->detail, id);
}

void
edaad_plans_page_set_filter (EdaadPlansPage *self,
                             const char     *field,
                             const char     *value)
{
  g_return_if_fail (EDAAD_IS_PLANS_PAGE (self));
  edaad_record_table_set_filter (self->table, field, value);
}

GtkSingleSelection *
edaad_plans_page_get_selection (EdaadPlansPage *self)
{
  g_return_val_if_fail (EDAAD_IS_PLANS_PAGE (self), NULL);
  return edaad_record_table_get_selection (self->table);
}

const char *
edaad_plans_page_get_state (EdaadPlansPage *self)
{
  g_return_val_if_fail (EDAAD_IS_PLANS_PAGE (self), NULL);
  return edaad_record_table_get_state (self->table);
}

EdaadRecord *
edaad_plans_page_get_shown (EdaadPlansPage *self)
{
  g_return_val_if_fail (EDAAD_IS_PLANS_PAGE (self), NULL);
  return edaad_plan_detail_get_plan (self->detail);
}

EdaadPlanEditor *
edaad_plans_page_get_editor (EdaadPlansPage *self)
{
  g_return_val_if_fail (EDAAD_IS_PLANS_PAGE (self), NULL);
  return self->editor;
}
