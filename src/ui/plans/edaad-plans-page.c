/* edaad-plans-page.c — the change plans list with the plan's editor and sections beside it.
 *
 * The list (an EdaadRecordTable) filters and sorts in SQL; its progress, RAG and capstone
 * columns are edaad-plan-columns.c's, the first two read from one EdaadPlanRollups (each
 * plan's values computed in one query and cached until a plan or milestone changes).
 *
 * Above the list: "Ready plans: N of M" for the current edition (edaad_edition_choose),
 * counted by edaad_ready_plans_count over the edition's plans, kept live.
 *
 * Beside it: an AdwViewStack of the plan's editor and its sections.  Deleting a plan
 * (plans.delete, the Delete key on the list) tombstones it with its children and shows a
 * toast whose Undo restores them all; the sections' own toasts reach the same overlay. */
#define G_LOG_DOMAIN "edaad-plans-page"

#include "config.h"

#include "edaad-plans-page.h"

#include "edaad-adkar-section.h"
#include "edaad-coursework-metrics.h"
#include "edaad-date.h"
#include "edaad-edition-choice.h"
#include "edaad-kpis-section.h"
#include "edaad-milestones-section.h"
#include "edaad-plan-columns.h"
#include "edaad-plan-editor.h"
#include "edaad-plan-section.h"
#include "edaad-record-array.h"
#include "edaad-record-columns.h"
#include "edaad-record-list.h"
#include "edaad-record-table.h"
#include "edaad-risks-section.h"
#include "edaad-stakeholders-section.h"
#include "edaad-tooltip.h"
#include "edaad-ui-format.h"
#include "edaad-undo-toast.h"

#include <glib/gi18n-lib.h>

struct _EdaadPlansPage
{
  AdwBin parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkLabel *ready_label;
  EdaadRecordTable *table;
  AdwViewStack *pane_stack;
  AdwViewSwitcher *pane_switcher;
  EdaadPlanEditor *editor;
  EdaadMilestonesSection *milestones;
  GtkToggleButton *capstone_button;
  GtkToggleButton *overdue_button;
  char *plan_id;                    /* the selected plan, or NULL */

  EdaadStore *store;
  EdaadPlanRollups *rollups;        /* progress and RAG of the rows, cached */
  EdaadRecord *edition;             /* the current edition, or NULL */
  gulong store_changed_handler;
  guint ready_count;
  guint ready_target;
};

G_DEFINE_FINAL_TYPE (EdaadPlansPage, edaad_plans_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- "Ready plans: N of M" ---- */

/* Reads the editions and the chosen edition's plans afresh (both are few: the lists are
 * narrowed before they load), so the count never depends on which ::changed handler ran
 * first. */
static void
update_ready (EdaadPlansPage *self)
{
  g_autoptr(EdaadRecordList) editions = edaad_record_list_new (self->store, "edition");
  g_autofree char *today = edaad_date_today ();
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *target = NULL;
  guint ready;
  guint expected = 10;

  g_clear_object (&self->edition);
  self->edition = edaad_edition_choose (G_LIST_MODEL (editions), today);
  if (self->edition != NULL)
    {
      g_autoptr(EdaadRecordList) plans = edaad_record_list_new (self->store, "plan");
      g_autoptr(GPtrArray) array = NULL;

      edaad_record_list_set_equals (plans, "edition_id", edaad_record_get_id (self->edition));
      array = edaad_record_array_from_model (G_LIST_MODEL (plans));
      ready = edaad_ready_plans_count (self->edition, array, &expected);
    }
  else
    {
      /* Without an edition every plan counts: count by status in SQL rather than load
       * them all (the same result as edaad_ready_plans_count (NULL, every plan)). */
      g_autoptr(GHashTable) by_status = NULL;
      g_autoptr(GError) error = NULL;
      GHashTableIter iter;
      gpointer status;
      gpointer n;

      ready = 0;
      by_status = edaad_store_count_by (self->store, "plan", "status", &error);
      if (by_status == NULL)
        g_warning ("Cannot count the ready plans: %s", error->message);
      else
        {
          g_hash_table_iter_init (&iter, by_status);
          while (g_hash_table_iter_next (&iter, &status, &n))
            if (edaad_plan_status_is_ready (status))
              ready += GPOINTER_TO_UINT (n);
        }
    }

  self->ready_count = ready;
  self->ready_target = expected;
  count = edaad_ui_format_count (ready);
  target = edaad_ui_format_count (expected);
  /* Translators: the header of the plans page, e.g. "Ready plans: 7 of 10" (plans approved
   * or further along, of the number the current Edaad edition expects) */
  text = g_strdup_printf (_("Ready plans: %s of %s"), count, target);
  gtk_label_set_text (self->ready_label, text);
}

static void
on_store_changed (EdaadStore         *store,
                  const char         *kind,
                  const char * const *ids,
                  EdaadPlansPage     *self)
{
  if (g_strcmp0 (kind, "plan") == 0 || g_strcmp0 (kind, "edition") == 0)
    update_ready (self);
}

/* ---- selection, new, delete ---- */

static void ensure_pane (EdaadPlansPage *self);

/* Tells the visible section the selected plan.  A section is told only when it is shown:
 * building one for a plan with hundreds of rows costs far more than a frame, and one
 * shows at a time (edaad_plan_section_set_plan does nothing for the plan it shows). */
static void
update_visible_section (EdaadPlansPage *self)
{
  GtkWidget *visible;

  if (self->pane_stack == NULL)
    return; /* going away with the template */
  visible = adw_view_stack_get_visible_child (self->pane_stack);
  if (EDAAD_IS_PLAN_SECTION (visible))
    edaad_plan_section_set_plan (EDAAD_PLAN_SECTION (visible), self->plan_id);
}

static void
on_selected_changed (EdaadPlansPage *self)
{
  EdaadRecord *selected = edaad_record_table_get_selected (self->table);
  const char *id = selected != NULL ? edaad_record_get_id (selected) : NULL;

  g_free (self->plan_id);
  self->plan_id = g_strdup (id);
  if (selected != NULL)
    ensure_pane (self);
  update_visible_section (self);
  /* Switching saves what is pending, and keeps invalid input as drafts. */
  if (self->editor != NULL)
    edaad_plan_editor_set_plan (self->editor, id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.delete", selected != NULL);
}

/* The first valid save of a new plan creates it: select its row. */
static void
on_editor_plan_id_changed (EdaadPlansPage *self)
{
  const char *id = edaad_plan_editor_get_plan_id (self->editor);
  g_autoptr(EdaadRecord) plan = NULL;

  /* Told the selected plan (on_selected_changed): its row is selected already. */
  if (id == NULL || g_strcmp0 (id, self->plan_id) == 0)
    return;
  plan = edaad_store_get (self->store, "plan", id, NULL);
  if (plan != NULL && !edaad_record_get_deleted (plan))
    edaad_record_table_select_id (self->table, id);
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (widget);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (edaad_record_table_get_selection (self->table)));
  ensure_pane (self);
  edaad_plan_editor_new_plan (self->editor);
  adw_view_stack_set_visible_child_name (self->pane_stack, "plan");
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

static void
delete_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (widget);
  EdaadRecord *selected = edaad_record_table_get_selected (self->table);
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (selected == NULL)
    return;
  id = g_strdup (edaad_record_get_id (selected));
  title = edaad_record_dup_title (selected);

  if (!edaad_store_delete (self->store, "plan", id, &error))
    {
      /* Translators: %s is why a change plan could not be deleted */
      message = g_strdup_printf (_("Could not delete the plan: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, edaad_message_toast_new (message));
      return;
    }

  /* Translators: a toast after deleting a change plan; %s is its title */
  message = g_strdup_printf (_("Plan “%s” deleted"), title);
  toast = edaad_message_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "plans.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (!edaad_store_undelete (self->store, "plan", id, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why a deleted change plan could not be restored */
      message = g_strdup_printf (_("Could not restore the plan: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, edaad_message_toast_new (message));
      return;
    }
  edaad_record_table_select_id (self->table, id);
}

/* A section's toast (e.g. "Milestone deleted" with Undo) shows over the whole page. */
static void
on_section_toast (GtkWidget      *section,
                  AdwToast       *toast,
                  EdaadPlansPage *self)
{
  g_return_if_fail (ADW_IS_TOAST (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void
on_capstone_toggled (EdaadPlansPage *self)
{
  EdaadRecordList *list = edaad_record_table_get_list (self->table);

  if (list != NULL)
    edaad_record_list_set_equals (list, "capstone",
                                  gtk_toggle_button_get_active (self->capstone_button) ? "1" : NULL);
}

/* Overdue: due before today and neither closed nor cancelled (filtered in the store). */
static void
on_overdue_toggled (EdaadPlansPage *self)
{
  EdaadRecordList *list = edaad_record_table_get_list (self->table);
  g_autofree char *today = NULL;

  if (list == NULL)
    return;
  if (gtk_toggle_button_get_active (self->overdue_button))
    today = edaad_date_today ();
  edaad_record_list_set_overdue (list, today);
}

/* ---- columns and pane ---- */

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
  gtk_column_view_column_set_fixed_width (column, 130);
  append_column (self, column);
  column = edaad_plan_column_new_progress (self->rollups);
  gtk_column_view_column_set_fixed_width (column, 110);
  append_column (self, column);
  column = edaad_record_column_new_text (_("Due"), "due_on", "due_on");
  gtk_column_view_column_set_fixed_width (column, 120);
  append_column (self, column);
  column = edaad_plan_column_new_rag (self->rollups);
  gtk_column_view_column_set_fixed_width (column, 120);
  append_column (self, column);
  column = edaad_plan_column_new_capstone ();
  gtk_column_view_column_set_fixed_width (column, 80);
  append_column (self, column);
}

static void
add_filters (EdaadPlansPage *self)
{
  GtkWidget *button;
  GtkEventController *shortcuts;

  edaad_record_table_add_enum_filter (self->table, "status", _("All statuses"));
  edaad_record_table_add_enum_filter (self->table, "change_type", _("All types of change"));
  edaad_record_table_add_enum_filter (self->table, "priority", _("All priorities"));

  self->capstone_button = edaad_record_table_add_toggle_filter (self->table, "emblem-default-symbolic",
                                                                _("Only capstone plans"));
  g_signal_connect_object (self->capstone_button, "toggled", G_CALLBACK (on_capstone_toggled),
                           self, G_CONNECT_SWAPPED);
  self->overdue_button = edaad_record_table_add_toggle_filter (self->table, "alarm-symbolic",
                                                               _("Only overdue plans"));
  g_signal_connect_object (self->overdue_button, "toggled", G_CALLBACK (on_overdue_toggled),
                           self, G_CONNECT_SWAPPED);

  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plans.new");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  edaad_widget_set_tooltip (button, _("New Plan"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Plan"), -1);
  gtk_widget_add_css_class (button, "suggested-action");
  edaad_record_table_add_toolbar_widget (self->table, button);

  /* Delete on the list (not while typing in the pane or the search) deletes the plan. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("plans.delete")));
  gtk_widget_add_controller (GTK_WIDGET (edaad_record_table_get_column_view (self->table)), shortcuts);
}

static void
add_pane_page (EdaadPlansPage *self,
               GtkWidget      *child,
               const char     *name,
               const char     *title,
               const char     *icon_name)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (self->pane_stack, child, name, title);

  adw_view_stack_page_set_icon_name (page, icon_name);
  adw_view_stack_page_set_use_underline (page, TRUE);
}

static void
add_section (EdaadPlansPage *self,
             GtkWidget      *widget,
             const char     *name,
             const char     *title,
             const char     *icon_name)
{
  g_signal_connect_object (widget, "toast", G_CALLBACK (on_section_toast), self, 0);
  add_pane_page (self, widget, name, title, icon_name);
}

/* The side pane (the plan's editor and its five sections) is built when first needed: a
 * plan selected, or a new one begun.  Until then the flap is closed, and opening the page
 * costs only the list. */
static void
ensure_pane (EdaadPlansPage *self)
{
  if (self->editor != NULL)
    return;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *delete_button = gtk_button_new_with_mnemonic (_("_Delete Plan"));

  self->editor = EDAAD_PLAN_EDITOR (edaad_plan_editor_new (self->store));
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor), TRUE);
  g_signal_connect_object (self->editor, "notify::plan-id",
                           G_CALLBACK (on_editor_plan_id_changed), self, G_CONNECT_SWAPPED);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "plans.delete");
  gtk_widget_add_css_class (delete_button, "destructive-action");
  gtk_widget_set_halign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (delete_button, 6);
  gtk_widget_set_margin_bottom (delete_button, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor));
  gtk_box_append (GTK_BOX (box), delete_button);
  /* Translators: the first tab of a plan's side pane: its fields (keep it short) */
  add_pane_page (self, box, "plan", C_("pane", "_Plan"), "document-edit-symbolic");

  /* Translators: a tab of a plan's side pane (keep it short) */
  self->milestones = EDAAD_MILESTONES_SECTION (edaad_milestones_section_new (self->store));
  add_section (self, GTK_WIDGET (self->milestones),
               "milestones", C_("pane", "_Milestones"), "view-list-ordered-symbolic");
  /* Translators: a tab of a plan's side pane (keep it short) */
  add_section (self, edaad_risks_section_new (self->store),
               "risks", C_("pane", "_Risks"), "dialog-warning-symbolic");
  /* Translators: a tab of a plan's side pane (keep it short) */
  add_section (self, edaad_stakeholders_section_new (self->store),
               "stakeholders", C_("pane", "_Stakeholders"), "system-users-symbolic");
  /* Translators: a tab of a plan's side pane (keep it short): key performance indicators */
  add_section (self, edaad_kpis_section_new (self->store),
               "kpis", C_("pane", "_KPIs"), "emblem-system-symbolic");
  /* Translators: a tab of a plan's side pane (keep it short): the ADKAR readiness model */
  add_section (self, edaad_adkar_section_new (self->store),
               "adkar", C_("pane", "_ADKAR"), "view-paged-symbolic");
  g_signal_connect_object (self->pane_stack, "notify::visible-child",
                           G_CALLBACK (update_visible_section), self, G_CONNECT_SWAPPED);
}

static void
edaad_plans_page_constructed (GObject *object)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (object);

  G_OBJECT_CLASS (edaad_plans_page_parent_class)->constructed (object);

  g_return_if_fail (EDAAD_IS_STORE (self->store));

  self->rollups = edaad_plan_rollups_new (self->store);
  add_columns (self);
  add_filters (self);
  g_signal_connect_object (self->table, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  edaad_record_table_set_store (self->table, self->store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.delete", FALSE);

  self->store_changed_handler = g_signal_connect (self->store, "changed",
                                                  G_CALLBACK (on_store_changed), self);
  /* The header's figures follow the "digits" setting, as the list's cells do. */
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (update_ready), self, G_CONNECT_SWAPPED);
  update_ready (self);
}

static void
edaad_plans_page_dispose (GObject *object)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_handler, self->store);
  /* The sections go with the template; page changes while it goes reach none. */
  if (self->pane_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->pane_stack, update_visible_section, self);
  self->milestones = NULL;
  /* The switcher lets go of the stack before either goes (libadwaita 1.2 warns otherwise). */
  if (self->pane_switcher != NULL)
    adw_view_switcher_set_stack (self->pane_switcher, NULL);
  /* The template's references go first (none of its bound objects is the AdwBin's own
   * child), then the child with everything in it. */
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_PLANS_PAGE);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->toast_overlay = NULL;
  g_clear_object (&self->edition);
  g_clear_object (&self->rollups);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (edaad_plans_page_parent_class)->dispose (object);
}

static void
edaad_plans_page_finalize (GObject *object)
{
  EdaadPlansPage *self = EDAAD_PLANS_PAGE (object);

  g_clear_pointer (&self->plan_id, g_free);

  G_OBJECT_CLASS (edaad_plans_page_parent_class)->finalize (object);
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
  object_class->finalize = edaad_plans_page_finalize;
  object_class->get_property = edaad_plans_page_get_property;
  object_class->set_property = edaad_plans_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EDAAD_TYPE_RECORD_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-plans-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadPlansPage, ready_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlansPage, table);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlansPage, pane_stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlansPage, pane_switcher);

  gtk_widget_class_install_action (widget_class, "plans.new", NULL, new_plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "plans.new", NULL);
  gtk_widget_class_install_action (widget_class, "plans.delete", NULL, delete_plan_action);
  gtk_widget_class_install_action (widget_class, "plans.undo-delete", "s", undo_delete_action);
}

static void
edaad_plans_page_init (EdaadPlansPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's root (not a bound child: AdwBin lets it go in dispose). */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
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
  if (g_str_equal (kind, "milestone") && self->milestones != NULL)
    {
      adw_view_stack_set_visible_child_name (self->pane_stack, "milestones");
      edaad_milestones_section_focus_milestone (self->milestones, id);
    }
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
  return edaad_record_table_get_selected (self->table);
}

EdaadPlanEditor *
edaad_plans_page_get_editor (EdaadPlansPage *self)
{
  g_return_val_if_fail (EDAAD_IS_PLANS_PAGE (self), NULL);
  ensure_pane (self);
  return self->editor;
}

EdaadRecordTable *
edaad_plans_page_get_table (EdaadPlansPage *self)
{
  g_return_val_if_fail (EDAAD_IS_PLANS_PAGE (self), NULL);
  return self->table;
}

guint
edaad_plans_page_get_ready_count (EdaadPlansPage *self,
                                  guint          *target)
{
  g_return_val_if_fail (EDAAD_IS_PLANS_PAGE (self), 0);
  if (target != NULL)
    *target = self->ready_target;
  return self->ready_count;
}

const char *
edaad_plans_page_get_ready_text (EdaadPlansPage *self)
{
  g_return_val_if_fail (EDAAD_IS_PLANS_PAGE (self), NULL);
  return gtk_label_get_text (self->ready_label);
}
