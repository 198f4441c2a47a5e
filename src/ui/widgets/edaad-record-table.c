/* edaad-record-table.c — the list half of a records page. */
#define G_LOG_DOMAIN "edaad-record-table"

#include "config.h"

#include "edaad-record-table.h"

#include "edaad-enum-drop-down.h"
#include "edaad-field-sorter.h"
#include "edaad-row-slot-model.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

struct _EdaadRecordTable
{
  AdwBin parent_instance;

  AdwFlap *flap;
  GtkFlowBox *toolbar;
  GtkWidget *actions;       /* the toolbar's last group: toggles and buttons, or NULL */
  GPtrArray *toggles;       /* GtkToggleButton: the page's on/off filters */
  GtkSearchEntry *search_entry;
  GtkButton *extra_filter_button;
  AdwButtonContent *extra_filter_content;
  GtkStack *stack;
  GtkColumnView *column_view;
  AdwStatusPage *empty_page;
  AdwStatusPage *no_results_page;

  char *kind;
  const EdaadKindSpec *kind_spec;

  EdaadStore *store;
  EdaadRecordList *list;
  EdaadRowSlotModel *rows;   /* the list's rows, as the column view shows them */
  GtkSingleSelection *selection;
  GtkWidget *detail;

  GHashTable *enum_filters; /* field → EdaadEnumDropDown (owned by the toolbar) */
  char *extra_field;
  char *selected_id;
  gint64 total;
  gboolean in_items_changed;
  guint columns_start_idle;  /* RTL: brings the first columns into view (see keep_columns_start) */
  double columns_start;      /* RTL: the scroll value that last showed them */
  EdaadRecord *reselecting;  /* the selected record, while a refresh replaces its row */
  gboolean clearing;
};

G_DEFINE_FINAL_TYPE (EdaadRecordTable, edaad_record_table, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_KIND,
  PROP_STORE,
  PROP_DETAIL,
  PROP_SELECTED,
  PROP_STATE,
  PROP_SEARCH_PLACEHOLDER,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (EdaadRecordTable *self)
{
  const char *old_state = gtk_stack_get_visible_child_name (self->stack);
  const char *state;

  if (self->list == NULL || self->total == 0)
    state = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    state = "no-results";
  else
    state = "list";

  gtk_widget_set_visible (GTK_WIDGET (self->toolbar), g_strcmp0 (state, "empty") != 0);
  if (g_strcmp0 (old_state, state) != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, state);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
update_total (EdaadRecordTable *self)
{
  g_autoptr(GError) error = NULL;

  self->total = 0;
  if (self->store == NULL)
    return;

  self->total = edaad_store_count_live (self->store, self->kind, &error);
  if (self->total < 0)
    {
      g_warning ("Cannot count %s records: %s", self->kind, error->message);
      self->total = 0;
    }
}

static void
on_store_changed (EdaadRecordTable *self,
                  const char       *kind,
                  GStrv             ids)
{
  if (g_strcmp0 (kind, self->kind) != 0)
    return;
  update_total (self);
  update_state (self);
}

static guint
find_position (EdaadRecordTable *self,
               const char       *id)
{
  guint position = edaad_record_list_find_id (self->list, id);

  return position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION;
}

static void
scroll_to (EdaadRecordTable *self,
           guint             position)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_column_view_scroll_to (self->column_view, position, NULL,
                             GTK_LIST_SCROLL_FOCUS | GTK_LIST_SCROLL_SELECT, NULL);
#else
  /* GTK 4.8: the column view's inner list view scrolls on its "list.scroll-to-item" action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        break;
      }
#endif
}

/* The record of the selected row, or NULL. */
static EdaadRecord *
selected_record (EdaadRecordTable *self)
{
  EdaadRowSlot *row = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  return row != NULL ? edaad_row_slot_get_record (row) : NULL;
}

static gboolean
same_record (EdaadRecord *a,
             EdaadRecord *b)
{
  return a != NULL && b != NULL && g_strcmp0 (edaad_record_get_id (a), edaad_record_get_id (b)) == 0;
}

static void
on_selected_item_changed (EdaadRecordTable *self)
{
  EdaadRecord *record = selected_record (self);

  if (same_record (record, self->reselecting))
    {
      /* The same record, selected again after a refresh moved it: nothing changed. */
      g_clear_object (&self->reselecting);
      return;
    }
  if (record != NULL)
    {
      g_clear_object (&self->reselecting);
      g_free (self->selected_id);
      self->selected_id = g_strdup (edaad_record_get_id (record));
      adw_flap_set_reveal_flap (self->flap, self->detail != NULL);
    }
  else if (!self->in_items_changed)
    {
      g_clear_pointer (&self->selected_id, g_free);
      adw_flap_set_reveal_flap (self->flap, FALSE);
    }
  else
    return; /* a refresh: on_items_changed_after finds the record again */

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Runs ahead of the rows' and so of the selection's own handler: the selected row may be
 * given another record in place, or dropped with the rows replaced.  on_items_changed_after
 * selects the record again by its id, and the record kept here tells
 * on_selected_item_changed that nothing changed if it is the same one. */
static void
on_items_changed_before (EdaadRecordTable *self,
                         guint             position,
                         guint             removed,
                         guint             added)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  self->in_items_changed = TRUE;
  if (selected != GTK_INVALID_LIST_POSITION && selected >= position && selected < position + removed)
    g_set_object (&self->reselecting, selected_record (self));
}

static void
on_items_changed_after (EdaadRecordTable *self)
{
  EdaadRecord *selected;

  /* The old rows are gone and the new ones not yet told: select again once they are. */
  if (edaad_record_list_is_replacing (self->list))
    return;
  self->in_items_changed = FALSE;

  selected = selected_record (self);
  if (self->selected_id != NULL &&
      (selected == NULL || g_strcmp0 (edaad_record_get_id (selected), self->selected_id) != 0))
    {
      guint position = find_position (self, self->selected_id);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->selection, position);
      else
        {
          /* Deleted, or hidden by a filter. */
          g_clear_pointer (&self->selected_id, g_free);
          gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
          adw_flap_set_reveal_flap (self->flap, FALSE);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
        }
    }
  g_clear_object (&self->reselecting);
  update_state (self);
}

static void
on_sorter_changed (EdaadRecordTable *self)
{
  const char *field;
  gboolean descending;

  if (self->list != NULL && edaad_field_sorter_get_primary (self->column_view, &field, &descending))
    edaad_record_list_set_sort (self->list, field, descending);
}

static void
on_search_changed (EdaadRecordTable *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->list != NULL && !self->clearing)
    edaad_record_list_set_text (self->list, *text != '\0' ? text : NULL);
}

static void
on_enum_filter_changed (EdaadEnumDropDown *drop_down,
                        GParamSpec        *pspec,
                        EdaadRecordTable  *self)
{
  const char *field = g_object_get_data (G_OBJECT (drop_down), "edaad-field");

  if (self->list != NULL && !self->clearing)
    edaad_record_list_set_equals (self->list, field, edaad_enum_drop_down_get_value (drop_down));
}

static void
set_extra_filter (EdaadRecordTable *self,
                  const char       *field,
                  const char       *value)
{
  const EdaadFieldSpec *spec = edaad_kind_lookup_field (self->kind_spec, field);
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  const char *shown = value;

  g_return_if_fail (spec != NULL);

  if (self->extra_field != NULL && g_strcmp0 (self->extra_field, field) != 0)
    edaad_record_list_set_equals (self->list, self->extra_field, NULL);
  g_free (self->extra_field);
  self->extra_field = value != NULL ? g_strdup (field) : NULL;
  edaad_record_list_set_equals (self->list, field, value);

  if (value == NULL)
    {
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->extra_filter_button)), FALSE);
      return;
    }

  if (spec->type == EDAAD_FIELD_ENUM)
    shown = edaad_field_enum_label (spec, value);
  else if (spec->type == EDAAD_FIELD_BOOL)
    shown = g_str_equal (value, "true") || g_str_equal (value, "1") ? _("Yes") : _("No");
  else if (spec->type == EDAAD_FIELD_UUID && spec->ref_kind != NULL)
    {
      g_autoptr(EdaadRecord) referenced = edaad_store_get (self->store, spec->ref_kind, value, NULL);

      if (referenced != NULL)
        shown = title = edaad_record_dup_title (referenced);
    }
  /* Translators: a filter shown on a button that removes it: "Type of change: Process" */
  label = g_strdup_printf (_("%s: %s"), g_dgettext (GETTEXT_PACKAGE, spec->label), shown);
  adw_button_content_set_label (self->extra_filter_content, label);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->extra_filter_button)), TRUE);
}

static void
clear_filters (EdaadRecordTable *self)
{
  GHashTableIter iter;
  gpointer key;
  gpointer drop_down;

  self->clearing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  edaad_record_list_set_text (self->list, NULL);
  g_hash_table_iter_init (&iter, self->enum_filters);
  while (g_hash_table_iter_next (&iter, &key, &drop_down))
    {
      edaad_enum_drop_down_set_value (drop_down, NULL);
      edaad_record_list_set_equals (self->list, key, NULL);
    }
  self->clearing = FALSE;
  /* Their owners apply (and here undo) what they filter, on ::toggled. */
  for (guint i = 0; i < self->toggles->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->toggles, i), FALSE);
  if (self->extra_field != NULL)
    {
      g_autofree char *field = g_strdup (self->extra_field);
      set_extra_filter (self, field, NULL);
    }
}

static void
on_extra_filter_clicked (EdaadRecordTable *self)
{
  g_autofree char *field = g_strdup (self->extra_field);

  if (field != NULL)
    set_extra_filter (self, field, NULL);
}

static void
on_clear_filters_clicked (EdaadRecordTable *self)
{
  if (self->list != NULL)
    clear_filters (self);
}

/* The "digits" setting changed: bind every cell again, so that dates and numbers are
 * written anew (the rows, the selection and the scroll position stay). */
static void
on_digits_changed (EdaadRecordTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      /* A hidden column drops its cells; shown again, it makes and binds new ones. */
      if (gtk_column_view_column_get_visible (column))
        {
          gtk_column_view_column_set_visible (column, FALSE);
          gtk_column_view_column_set_visible (column, TRUE);
        }
    }
}

static void
edaad_record_table_constructed (GObject *object)
{
  EdaadRecordTable *self = EDAAD_RECORD_TABLE (object);

  G_OBJECT_CLASS (edaad_record_table_parent_class)->constructed (object);

  self->kind_spec = edaad_schema_lookup_kind (self->kind);
  g_return_if_fail (self->kind_spec != NULL);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (on_digits_changed), self, G_CONNECT_SWAPPED);
}

static void
edaad_record_table_dispose (GObject *object)
{
  EdaadRecordTable *self = EDAAD_RECORD_TABLE (object);

  g_clear_handle_id (&self->columns_start_idle, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->reselecting);
  g_clear_object (&self->rows);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  /* AdwBin owns its child: let it go before the template drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_RECORD_TABLE);

  G_OBJECT_CLASS (edaad_record_table_parent_class)->dispose (object);
}

static void
edaad_record_table_finalize (GObject *object)
{
  EdaadRecordTable *self = EDAAD_RECORD_TABLE (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->extra_field, g_free);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->enum_filters, g_hash_table_unref);
  g_clear_pointer (&self->toggles, g_ptr_array_unref);

  G_OBJECT_CLASS (edaad_record_table_parent_class)->finalize (object);
}

static void
edaad_record_table_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EdaadRecordTable *self = EDAAD_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DETAIL:
      g_value_set_object (value, self->detail);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, edaad_record_table_get_selected (self));
      break;
    case PROP_STATE:
      g_value_set_string (value, edaad_record_table_get_state (self));
      break;
    case PROP_SEARCH_PLACEHOLDER:
      g_object_get_property (G_OBJECT (self->search_entry), "placeholder-text", value);
      break;
    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->empty_page));
      break;
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->empty_page));
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->empty_page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_record_table_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EdaadRecordTable *self = EDAAD_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_STORE:
      edaad_record_table_set_store (self, g_value_get_object (value));
      break;
    case PROP_DETAIL:
      self->detail = g_value_get_object (value);
      if (self->detail != NULL)
        gtk_widget_add_css_class (self->detail, "background");
      adw_flap_set_flap (self->flap, self->detail);
      break;
    case PROP_SEARCH_PLACEHOLDER:
      g_object_set_property (G_OBJECT (self->search_entry), "placeholder-text", value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value), -1);
      break;
    case PROP_EMPTY_ICON_NAME:
      adw_status_page_set_icon_name (self->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_TITLE:
      adw_status_page_set_title (self->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_DESCRIPTION:
      adw_status_page_set_description (self->empty_page, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_record_table_class_init (EdaadRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = edaad_record_table_constructed;
  object_class->dispose = edaad_record_table_dispose;
  object_class->finalize = edaad_record_table_finalize;
  object_class->get_property = edaad_record_table_get_property;
  object_class->set_property = edaad_record_table_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_object ("detail", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, EDAAD_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "empty",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_PLACEHOLDER] =
    g_param_spec_string ("search-placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadRecordTable, flap);
  gtk_widget_class_bind_template_child (widget_class, EdaadRecordTable, toolbar);
  gtk_widget_class_bind_template_child (widget_class, EdaadRecordTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EdaadRecordTable, extra_filter_button);
  gtk_widget_class_bind_template_child (widget_class, EdaadRecordTable, extra_filter_content);
  gtk_widget_class_bind_template_child (widget_class, EdaadRecordTable, stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadRecordTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, EdaadRecordTable, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EdaadRecordTable, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_extra_filter_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked);
}

/* GTK 4.8 lays the columns out right to left in RTL, yet a list wider than its view opens
 * scrolled to its left end: its last columns.  Until the user scrolls sideways, the view is
 * brought back to its first columns whenever the widths change — from an idle, as the
 * column view ignores a scroll made while it lays itself out. */
static gboolean
show_columns_start (gpointer user_data)
{
  EdaadRecordTable *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));

  self->columns_start_idle = 0;
  self->columns_start = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  gtk_adjustment_set_value (adjustment, self->columns_start);
  return G_SOURCE_REMOVE;
}

static void
keep_columns_start (EdaadRecordTable *self,
                    GtkAdjustment    *adjustment)
{
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL &&
      gtk_adjustment_get_value (adjustment) >= self->columns_start - 0.5 &&
      self->columns_start_idle == 0)
    self->columns_start_idle = g_idle_add (show_columns_start, self);
}

static void
edaad_record_table_init (EdaadRecordTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The flow box wraps each item in a child of its own: only the items take focus. */
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->search_entry)), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->extra_filter_button)), FALSE);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->extra_filter_button)), FALSE);
  self->enum_filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->toggles = g_ptr_array_new ();
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view)), "changed",
                           G_CALLBACK (keep_columns_start), self, G_CONNECT_SWAPPED);
}

void
edaad_record_table_set_store (EdaadRecordTable *self,
                              EdaadStore       *store)
{
  g_return_if_fail (EDAAD_IS_RECORD_TABLE (self));
  g_return_if_fail (EDAAD_IS_STORE (store));
  g_return_if_fail (self->store == NULL);
  g_return_if_fail (self->kind_spec != NULL);

  self->store = g_object_ref (store);
  self->list = edaad_record_list_new (store, self->kind);

  /* Order matters: the "before" handler runs ahead of the rows' (and so of the
   * selection's), the "after" one once the selection has caught up (see
   * on_selected_item_changed). */
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (on_items_changed_before), self, G_CONNECT_SWAPPED);
  self->rows = edaad_row_slot_model_new (self->list);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (on_items_changed_after), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  on_sorter_changed (self);
  update_total (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

EdaadStore *
edaad_record_table_get_store (EdaadRecordTable *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_TABLE (self), NULL);
  return self->store;
}

void
edaad_record_table_append_column (EdaadRecordTable    *self,
                                  GtkColumnViewColumn *column)
{
  g_return_if_fail (EDAAD_IS_RECORD_TABLE (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  gtk_column_view_append_column (self->column_view, column);
}

void
edaad_record_table_add_enum_filter (EdaadRecordTable *self,
                                    const char       *field,
                                    const char       *all_label)
{
  GtkWidget *drop_down;

  g_return_if_fail (EDAAD_IS_RECORD_TABLE (self));
  g_return_if_fail (field != NULL);
  g_return_if_fail (!g_hash_table_contains (self->enum_filters, field));

  drop_down = edaad_enum_drop_down_new (self->kind, field, all_label);
  g_object_set_data_full (G_OBJECT (drop_down), "edaad-field", g_strdup (field), g_free);
  g_signal_connect_object (drop_down, "notify::value", G_CALLBACK (on_enum_filter_changed), self, 0);
  gtk_flow_box_append (self->toolbar, drop_down);
  gtk_widget_set_focusable (gtk_widget_get_parent (drop_down), FALSE);
  g_hash_table_insert (self->enum_filters, g_strdup (field), drop_down);
}

/* The toolbar's last group, made on first use: its buttons stay together, at their own
 * width, together when the toolbar wraps. */
static GtkBox *
ensure_actions (EdaadRecordTable *self)
{
  if (self->actions == NULL)
    {
      self->actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_halign (self->actions, GTK_ALIGN_START);
      gtk_widget_set_valign (self->actions, GTK_ALIGN_CENTER);
      gtk_flow_box_append (self->toolbar, self->actions);
      gtk_widget_set_focusable (gtk_widget_get_parent (self->actions), FALSE);
    }
  return GTK_BOX (self->actions);
}

void
edaad_record_table_add_toolbar_widget (EdaadRecordTable *self,
                                       GtkWidget        *widget)
{
  g_return_if_fail (EDAAD_IS_RECORD_TABLE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (ensure_actions (self), widget);
}

GtkToggleButton *
edaad_record_table_add_toggle_filter (EdaadRecordTable *self,
                                      const char       *icon_name,
                                      const char       *label)
{
  GtkWidget *button;

  g_return_val_if_fail (EDAAD_IS_RECORD_TABLE (self), NULL);
  g_return_val_if_fail (icon_name != NULL && label != NULL, NULL);

  button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (ensure_actions (self), button);
  g_ptr_array_add (self->toggles, button);
  return GTK_TOGGLE_BUTTON (button);
}

void
edaad_record_table_set_filter (EdaadRecordTable *self,
                               const char       *field,
                               const char       *value)
{
  EdaadEnumDropDown *drop_down;

  g_return_if_fail (EDAAD_IS_RECORD_TABLE (self));
  g_return_if_fail (self->list != NULL);

  if (field == NULL)
    {
      clear_filters (self);
      return;
    }
  if (g_str_equal (field, "text"))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), value != NULL ? value : "");
      /* Apply now rather than after the entry's search delay. */
      edaad_record_list_set_text (self->list, value != NULL && *value != '\0' ? value : NULL);
      return;
    }
  if (g_str_equal (field, "id"))
    {
      if (value != NULL)
        edaad_record_table_select_id (self, value);
      return;
    }
  if ((drop_down = g_hash_table_lookup (self->enum_filters, field)) != NULL)
    {
      edaad_enum_drop_down_set_value (drop_down, value);
      return;
    }
  g_return_if_fail (edaad_kind_lookup_field (self->kind_spec, field) != NULL);
  set_extra_filter (self, field, value);
}

gboolean
edaad_record_table_select_id (EdaadRecordTable *self,
                              const char       *id)
{
  g_autoptr(EdaadRecord) record = NULL;
  guint position;

  g_return_val_if_fail (EDAAD_IS_RECORD_TABLE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (self->list != NULL, FALSE);

  position = find_position (self, id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      record = edaad_store_get (self->store, self->kind, id, NULL);
      if (record == NULL || edaad_record_get_deleted (record))
        return FALSE;
      clear_filters (self);
      position = find_position (self, id);
      if (position == GTK_INVALID_LIST_POSITION)
        return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
  return TRUE;
}

EdaadRecordList *
edaad_record_table_get_list (EdaadRecordTable *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_TABLE (self), NULL);
  return self->list;
}

GtkSingleSelection *
edaad_record_table_get_selection (EdaadRecordTable *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_TABLE (self), NULL);
  return self->selection;
}

EdaadRecord *
edaad_record_table_get_selected (EdaadRecordTable *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_TABLE (self), NULL);
  return selected_record (self);
}

const char *
edaad_record_table_get_state (EdaadRecordTable *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_TABLE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkColumnView *
edaad_record_table_get_column_view (EdaadRecordTable *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_TABLE (self), NULL);
  return self->column_view;
}

GtkEditable *
edaad_record_table_get_search_entry (EdaadRecordTable *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_TABLE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkWidget *
edaad_record_table_get_enum_filter (EdaadRecordTable *self,
                                    const char       *field)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_TABLE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  return g_hash_table_lookup (self->enum_filters, field);
}
