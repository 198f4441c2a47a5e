/* edaad-risks-section.c — a plan's risk register under its 5×5 likelihood × impact heat map.
 *
 * Two lists of the plan's risks come from the store: all of them feed the heat map, and
 * the register shows the ones in the selected cell (likelihood and impact filtered in
 * SQL), sorted by score, in EdaadSectionRows given the new risks in place when the plan or
 * the cell changes.  Adding and editing go through a form page inside the section.  The
 * rows are built in edaad-risks-section-rows.c; the plan, the store and toasts are
 * EdaadPlanSection's.
 */
#define G_LOG_DOMAIN "edaad-risks-section"

#include "config.h"

#include "edaad-risks-section.h"

#include "edaad-list-box-focus.h"
#include "edaad-plan-metrics.h"
#include "edaad-risks-section-private.h"
#include "edaad-section-row.h"
#include "edaad-ui-format.h"
#include "edaad-undo-toast.h"

#include <glib/gi18n-lib.h>

/* The fields of the form, in order. */
static const EdaadFormLayout form_layout[] = {
  { "title", EDAAD_FORM_INPUT_TEXT },
  { "category", EDAAD_FORM_INPUT_ENUM },
  { "likelihood", EDAAD_FORM_INPUT_COUNT },
  { "impact", EDAAD_FORM_INPUT_COUNT },
  { "mitigation", EDAAD_FORM_INPUT_TEXT },
  { "owner", EDAAD_FORM_INPUT_TEXT },
  { "status", EDAAD_FORM_INPUT_ENUM },
  { "review_on", EDAAD_FORM_INPUT_DATE },
};

G_DEFINE_FINAL_TYPE (EdaadRisksSection, edaad_risks_section, EDAAD_TYPE_PLAN_SECTION)

/* ---- finding risks ---- */

static GListModel *
register_model (EdaadRisksSection *self)
{
  return self->sorted != NULL ? G_LIST_MODEL (self->sorted) : NULL;
}

static int
index_of (EdaadRisksSection *self,
          const char        *id)
{
  GListModel *model = register_model (self);
  guint n;

  if (model == NULL || id == NULL)
    return -1;
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (edaad_record_get_id (record), id) == 0)
        return (int) i;
    }
  return -1;
}

static EdaadRecord *
find_risk (EdaadRisksSection *self,
           const char        *id)
{
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadRecord) record = NULL;

  if (id == NULL)
    return NULL;
  record = edaad_store_get (store, RISK_KIND, id, &error);
  if (record == NULL || edaad_record_get_deleted (record))
    return NULL;
  return g_steal_pointer (&record);
}

static const char *
focused_id (EdaadRisksSection *self)
{
  GtkListBoxRow *row = edaad_list_box_get_focus_row (self->list);

  return row != NULL ? edaad_section_row_get_id (EDAAD_SECTION_ROW (row)) : NULL;
}

/* ---- the register ---- */

static int
compare_risks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  EdaadRecord *ra = (EdaadRecord *) a;
  EdaadRecord *rb = (EdaadRecord *) b;
  int sa = edaad_risk_score_for_record (ra);
  int sb = edaad_risk_score_for_record (rb);
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (sa != sb)
    return sa > sb ? -1 : 1;
  ta = g_utf8_collate_key (edaad_record_get_string (ra, "title") != NULL ? edaad_record_get_string (ra, "title") : "", -1);
  tb = g_utf8_collate_key (edaad_record_get_string (rb, "title") != NULL ? edaad_record_get_string (rb, "title") : "", -1);
  return strcmp (ta, tb);
}

static void
update_state (EdaadRisksSection *self)
{
  GListModel *model = register_model (self);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  gboolean filtered = self->filter_likelihood > 0;

  gtk_revealer_set_reveal_child (self->filter_revealer, filtered);
  if (filtered)
    {
      g_autofree char *likelihood = edaad_ui_format_count (self->filter_likelihood);
      g_autofree char *impact = edaad_ui_format_count (self->filter_impact);
      g_autofree char *text = NULL;

      /* Translators: the bar above a risk register filtered by a heat map cell */
      text = g_strdup_printf (_("Showing risks with likelihood %1$s and impact %2$s"), likelihood, impact);
      gtk_label_set_label (self->filter_label, text);
    }
  else
    gtk_label_set_label (self->filter_label, "");

  if (filtered)
    {
      adw_status_page_set_title (self->empty_page, _("No Risks in This Cell"));
      adw_status_page_set_description (self->empty_page, _("Choose another cell of the heat map, or clear the filter."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Risks"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add what could get in the way of this plan, how likely it is and how much it would hurt."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "rows" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.clear-filter", filtered);
}






/* A row without a risk: what does not change from one risk to the next. */

/* Shows `record` in `row`, changing only what differs from what it showed. */

static void
on_row_activated (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  EdaadRisksSection *self)
{
  edaad_risks_section_edit (self, edaad_section_row_get_id (EDAAD_SECTION_ROW (row)));
}

static void
on_items_changed (GListModel        *model,
                  guint              position,
                  guint              removed,
                  guint              added,
                  EdaadRisksSection *self)
{
  /* The sorted register passes on the filtered list's replacements as they come. */
  gboolean replacing = edaad_record_list_is_replacing (self->filtered);

  /* Rows are updated in place when the plan changes; see edaad_section_row_sync(). */
  edaad_section_row_sync (self->list, model, position, removed, added, replacing,
                          edaad_risks_section_create_row, edaad_risks_section_update_row, self);
  if (!replacing)
    update_state (self);
}

void
edaad_risks_section_delete (EdaadRisksSection *self,
                            const char        *id)
{
  EdaadStore *store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  g_autoptr(EdaadRecord) record = find_risk (self, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  int position;

  if (record == NULL)
    return;
  position = index_of (self, id);
  title = edaad_record_dup_title (record);

  if (!edaad_store_delete (store, RISK_KIND, id, &error))
    {
      edaad_plan_section_toast_error (EDAAD_PLAN_SECTION (self), error);
      return;
    }

  escaped = g_markup_escape_text (title, -1);
  /* Translators: a toast after deleting a risk; %s is its title */
  text = g_strdup_printf (_("Risk “%s” deleted"), escaped);
  toast = edaad_undo_toast_new_for_delete (store, RISK_KIND, id, text);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  if (position >= 0 && g_list_model_get_n_items (register_model (self)) > 0)
    {
      guint n = g_list_model_get_n_items (register_model (self));
      g_autoptr(EdaadRecord) next = g_list_model_get_item (register_model (self), MIN ((guint) position, n - 1));

      edaad_risks_section_focus_risk (self, edaad_record_get_id (next));
    }

  edaad_plan_section_toast (EDAAD_PLAN_SECTION (self), toast);
}

/* ---- the edit form ---- */

static void
on_form_entry_activated (EdaadRisksSection *self,
                         AdwEntryRow       *row)
{
  edaad_risks_section_save_form (self);
}

/* ---- pages and actions ---- */

static void
show_list (EdaadRisksSection *self)
{
  const char *plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));
  g_autofree char *id = g_steal_pointer (&self->editing_id);

  self->editing = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.cancel-edit", FALSE);
  if (plan_id == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
  if (id != NULL)
    edaad_risks_section_focus_risk (self, id);
}

static void
open_form (EdaadRisksSection *self,
           EdaadRecord       *record,
           const char        *heading)
{
  self->editing = TRUE;
  edaad_record_form_load (self->form, record);
  gtk_label_set_label (self->form_heading, heading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.save", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.cancel-edit", TRUE);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (edaad_record_form_get_first_row (self->form));
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  edaad_risks_section_add (EDAAD_RISKS_SECTION (widget));
}

static void
action_edit (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EdaadRisksSection *self = EDAAD_RISKS_SECTION (widget);
  const char *id = focused_id (self);

  if (id != NULL)
    edaad_risks_section_edit (self, id);
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EdaadRisksSection *self = EDAAD_RISKS_SECTION (widget);
  g_autofree char *id = g_strdup (focused_id (self));

  if (id != NULL)
    edaad_risks_section_delete (self, id);
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  edaad_risks_section_save_form (EDAAD_RISKS_SECTION (widget));
}

static void
action_cancel_edit (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_list (EDAAD_RISKS_SECTION (widget));
}

static void
action_clear_filter (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EdaadRisksSection *self = EDAAD_RISKS_SECTION (widget);

  edaad_risks_section_set_filter (self, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->heat_map));
}

static void
on_cell_activated (EdaadRiskHeatMap  *heat_map,
                   int                likelihood,
                   int                impact,
                   EdaadRisksSection *self)
{
  edaad_risks_section_set_filter (self, likelihood, impact);
}

/* ---- public ---- */

GtkWidget *
edaad_risks_section_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);

  return g_object_new (EDAAD_TYPE_RISKS_SECTION, "store", store, NULL);
}

static void
drop_lists (EdaadRisksSection *self)
{
  edaad_risk_heat_map_set_risks (self->heat_map, NULL);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->all);
  edaad_section_row_clear (self->list);
}



EdaadRiskHeatMap *
edaad_risks_section_get_heat_map (EdaadRisksSection *self)
{
  g_return_val_if_fail (EDAAD_IS_RISKS_SECTION (self), NULL);

  return self->heat_map;
}

GListModel *
edaad_risks_section_get_model (EdaadRisksSection *self)
{
  g_return_val_if_fail (EDAAD_IS_RISKS_SECTION (self), NULL);

  return register_model (self);
}

void
edaad_risks_section_set_filter (EdaadRisksSection *self,
                                int                likelihood,
                                int                impact)
{
  g_return_if_fail (EDAAD_IS_RISKS_SECTION (self));
  g_return_if_fail ((likelihood == 0 && impact == 0) ||
                    (likelihood >= 1 && likelihood <= EDAAD_RISK_HEAT_MAP_SIZE &&
                     impact >= 1 && impact <= EDAAD_RISK_HEAT_MAP_SIZE));

  self->filter_likelihood = likelihood;
  self->filter_impact = impact;
  edaad_risk_heat_map_set_selected (self->heat_map, likelihood, impact);
  if (self->filtered != NULL)
    {
      g_autofree char *l = likelihood > 0 ? g_strdup_printf ("%d", likelihood) : NULL;
      g_autofree char *i = impact > 0 ? g_strdup_printf ("%d", impact) : NULL;

      edaad_record_list_set_equals (self->filtered, "likelihood", l);
      edaad_record_list_set_equals (self->filtered, "impact", i);
    }
  update_state (self);
}

gboolean
edaad_risks_section_get_filter (EdaadRisksSection *self,
                                int               *likelihood,
                                int               *impact)
{
  g_return_val_if_fail (EDAAD_IS_RISKS_SECTION (self), FALSE);

  if (likelihood != NULL)
    *likelihood = self->filter_likelihood;
  if (impact != NULL)
    *impact = self->filter_impact;
  return self->filter_likelihood > 0;
}

const char *
edaad_risks_section_get_filter_text (EdaadRisksSection *self)
{
  g_return_val_if_fail (EDAAD_IS_RISKS_SECTION (self), NULL);

  return gtk_label_get_label (self->filter_label);
}

void
edaad_risks_section_add (EdaadRisksSection *self)
{
  g_autoptr(EdaadRecord) record = NULL;

  g_return_if_fail (EDAAD_IS_RISKS_SECTION (self));

  if (edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self)) == NULL)
    return;
  g_clear_pointer (&self->editing_id, g_free);
  record = edaad_record_new_for_kind (RISK_KIND);
  /* A cell chosen on the heat map is where the new risk most likely belongs. */
  if (self->filter_likelihood > 0)
    {
      edaad_record_set_int (record, "likelihood", self->filter_likelihood);
      edaad_record_set_int (record, "impact", self->filter_impact);
    }
  open_form (self, record, _("New Risk"));
}

void
edaad_risks_section_edit (EdaadRisksSection *self,
                          const char        *id)
{
  g_autoptr(EdaadRecord) record = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (EDAAD_IS_RISKS_SECTION (self));

  record = find_risk (self, id);
  if (record == NULL)
    return;
  g_free (self->editing_id);
  self->editing_id = g_strdup (id);
  title = edaad_record_dup_title (record);
  open_form (self, record, title);
}

gboolean
edaad_risks_section_focus_risk (EdaadRisksSection *self,
                                const char        *id)
{
  GtkListBoxRow *row;
  int position;

  g_return_val_if_fail (EDAAD_IS_RISKS_SECTION (self), FALSE);

  position = index_of (self, id);
  if (position < 0)
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->list, position);
  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}

GtkWidget *
edaad_risks_section_get_form_widget (EdaadRisksSection *self,
                                     const char        *field)
{
  g_return_val_if_fail (EDAAD_IS_RISKS_SECTION (self), NULL);

  return edaad_record_form_get_row (self->form, field);
}

GtkLabel *
edaad_risks_section_get_form_message (EdaadRisksSection *self,
                                      const char        *field)
{
  g_return_val_if_fail (EDAAD_IS_RISKS_SECTION (self), NULL);

  return edaad_record_form_get_message (self->form, field);
}

gboolean
edaad_risks_section_save_form (EdaadRisksSection *self)
{
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  EdaadStore *store;
  const char *plan_id;

  g_return_val_if_fail (EDAAD_IS_RISKS_SECTION (self), FALSE);
  store = edaad_plan_section_get_store (EDAAD_PLAN_SECTION (self));
  plan_id = edaad_plan_section_get_plan_id (EDAAD_PLAN_SECTION (self));

  if (!self->editing || plan_id == NULL)
    return FALSE;
  if (self->editing_id != NULL)
    {
      g_autoptr(EdaadRecord) stored = find_risk (self, self->editing_id);

      if (stored == NULL)
        {
          edaad_record_form_set_message (self->form, _("This risk no longer exists."));
          return FALSE;
        }
      record = edaad_record_copy (stored);
    }
  else
    {
      record = edaad_record_new_for_kind (RISK_KIND);
      edaad_record_set_string (record, "plan_id", plan_id);
    }

  if (!edaad_record_form_read (self->form, record))
    return FALSE;

  if (!edaad_store_save (store, record, &error))
    {
      edaad_record_form_set_message (self->form, error->message);
      return FALSE;
    }
  g_free (self->editing_id);
  self->editing_id = g_strdup (edaad_record_get_id (record));
  show_list (self);
  return TRUE;
}

/* ---- GObject ---- */

static void
edaad_risks_section_dispose (GObject *object)
{
  EdaadRisksSection *self = EDAAD_RISKS_SECTION (object);

  if (self->list != NULL)
    drop_lists (self);

  G_OBJECT_CLASS (edaad_risks_section_parent_class)->dispose (object);
}

static void
edaad_risks_section_finalize (GObject *object)
{
  EdaadRisksSection *self = EDAAD_RISKS_SECTION (object);

  g_free (self->editing_id);
  g_clear_pointer (&self->form, edaad_record_form_free);

  G_OBJECT_CLASS (edaad_risks_section_parent_class)->finalize (object);
}

static void
edaad_risks_section_plan_changed (EdaadPlanSection *section,
                                  const char       *plan_id)
{
  EdaadRisksSection *self = EDAAD_RISKS_SECTION (section);
  EdaadStore *store = edaad_plan_section_get_store (section);

  g_clear_pointer (&self->editing_id, g_free);
  self->filter_likelihood = self->filter_impact = 0;
  edaad_risk_heat_map_set_selected (self->heat_map, 0, 0);

  if (plan_id == NULL)
    drop_lists (self);
  else if (self->all == NULL)
    {
      GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_risks, NULL, NULL);

      self->all = edaad_record_list_new (store, RISK_KIND);
      edaad_record_list_set_equals (self->all, "plan_id", plan_id);
      self->filtered = edaad_record_list_new (store, RISK_KIND);
      edaad_record_list_set_equals (self->filtered, "plan_id", plan_id);
      self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), GTK_SORTER (sorter));
      g_signal_connect (self->sorted, "items-changed", G_CALLBACK (on_items_changed), self);
      edaad_risk_heat_map_set_risks (self->heat_map, G_LIST_MODEL (self->all));
      on_items_changed (G_LIST_MODEL (self->sorted), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sorted)), self);
    }
  else
    {
      edaad_record_list_set_equals (self->filtered, "likelihood", NULL);
      edaad_record_list_set_equals (self->filtered, "impact", NULL);
      edaad_record_list_set_equals (self->all, "plan_id", plan_id);
      edaad_record_list_set_equals (self->filtered, "plan_id", plan_id);
    }

  update_state (self);
  show_list (self);
}

static void
edaad_risks_section_class_init (EdaadRisksSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EdaadPlanSectionClass *section_class = EDAAD_PLAN_SECTION_CLASS (klass);

  object_class->dispose = edaad_risks_section_dispose;
  object_class->finalize = edaad_risks_section_finalize;
  section_class->plan_changed = edaad_risks_section_plan_changed;

  g_type_ensure (EDAAD_TYPE_RISK_HEAT_MAP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/edaad-risks-section.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadRisksSection, stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadRisksSection, heat_map);
  gtk_widget_class_bind_template_child (widget_class, EdaadRisksSection, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, EdaadRisksSection, filter_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadRisksSection, list_stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadRisksSection, list);
  gtk_widget_class_bind_template_child (widget_class, EdaadRisksSection, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EdaadRisksSection, form_heading);
  gtk_widget_class_bind_template_child (widget_class, EdaadRisksSection, form_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadRisksSection, form_status);

  gtk_widget_class_install_action (widget_class, "risks.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "risks.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "risks.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "risks.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "risks.cancel-edit", NULL, action_cancel_edit);
  gtk_widget_class_install_action (widget_class, "risks.clear-filter", NULL, action_clear_filter);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "risks.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "risks.cancel-edit", NULL);
}

static void
edaad_risks_section_init (EdaadRisksSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self, 0);
  self->form = edaad_record_form_new (RISK_KIND, form_layout, G_N_ELEMENTS (form_layout),
                                      EDAAD_RECORD_FORM_DATE_HINT, self->form_list, self->form_status,
                                      G_CALLBACK (on_form_entry_activated), self);
  g_signal_connect_object (self->heat_map, "cell-activated", G_CALLBACK (on_cell_activated), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.cancel-edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.clear-filter", FALSE);
  update_state (self);
}
