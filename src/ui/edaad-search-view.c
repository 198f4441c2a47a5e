/* edaad-search-view.c — the results of the global search: hits from the full-text index. */
#define G_LOG_DOMAIN "edaad-search-view"

#include "config.h"

#include "edaad-search-view.h"

#include "edaad-search-item.h"

#include <glib/gi18n-lib.h>

#define SEARCH_DELAY_MS 150
#define SEARCH_LIMIT 50

struct _EdaadSearchView
{
  AdwBin parent_instance;

  EdaadStore *store;
  GListStore *results;
  char *text;          /* what the next (or last) search looks for */
  guint timeout_id;

  GtkStack *stack;
  GtkScrolledWindow *scrolled;
  GtkListView *list_view;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (EdaadSearchView, edaad_search_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The status pages get their large icons only when shown: GTK loads the icon of a hidden
 * image too when the window is first styled, and at this size it is drawn from SVG — a
 * cost (librsvg, some 7 MiB) every start would pay for pages most starts never show. */
static void
show_status (EdaadSearchView *self,
             AdwStatusPage   *page,
             const char      *name,
             const char      *icon_name)
{
  adw_status_page_set_icon_name (page, icon_name);
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
run_search (EdaadSearchView *self)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->text == NULL || self->text[0] == '\0' || self->store == NULL)
    {
      g_list_store_remove_all (self->results);
      gtk_stack_set_visible_child_name (self->stack, "results");
      return;
    }

  hits = edaad_store_search (self->store, self->text, SEARCH_LIMIT, &error);
  if (hits == NULL)
    {
      g_debug ("Search for “%s” failed: %s", self->text, error->message);
      g_list_store_remove_all (self->results);
      adw_status_page_set_description (self->error_page, error->message);
      show_status (self, self->error_page, "error", "dialog-error-symbolic");
      return;
    }

  items = g_ptr_array_new_full (hits->len, g_object_unref);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (items, edaad_search_item_new (g_ptr_array_index (hits, i)));
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);

  if (items->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "results");
  else
    show_status (self, self->empty_page, "empty", "system-search-symbolic");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

static gboolean
on_search_timeout (gpointer user_data)
{
  EdaadSearchView *self = EDAAD_SEARCH_VIEW (user_data);

  self->timeout_id = 0;
  run_search (self);
  return G_SOURCE_REMOVE;
}

static void
on_list_activate (EdaadSearchView *self,
                  guint            position)
{
  g_autoptr(EdaadSearchItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (item == NULL)
    return;

  g_signal_emit (self, signals[HIT_ACTIVATED], 0,
                 edaad_search_item_get_kind (item),
                 edaad_search_item_get_id (item));
}

void
edaad_search_view_set_text (EdaadSearchView *self,
                            const char      *text)
{
  g_return_if_fail (EDAAD_IS_SEARCH_VIEW (self));

  if (text == NULL)
    text = "";

  g_free (self->text);
  self->text = g_strstrip (g_strdup (text));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->text[0] == '\0')
    run_search (self);
  else
    self->timeout_id = g_timeout_add (SEARCH_DELAY_MS, on_search_timeout, self);
}

void
edaad_search_view_flush (EdaadSearchView *self)
{
  g_return_if_fail (EDAAD_IS_SEARCH_VIEW (self));

  if (self->timeout_id != 0)
    run_search (self);
}

GListModel *
edaad_search_view_get_results (EdaadSearchView *self)
{
  g_return_val_if_fail (EDAAD_IS_SEARCH_VIEW (self), NULL);

  return G_LIST_MODEL (self->results);
}

const char *
edaad_search_view_get_state (EdaadSearchView *self)
{
  g_return_val_if_fail (EDAAD_IS_SEARCH_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
edaad_search_view_activate_first (EdaadSearchView *self)
{
  g_return_val_if_fail (EDAAD_IS_SEARCH_VIEW (self), FALSE);

  edaad_search_view_flush (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    return FALSE;

  on_list_activate (self, 0);
  return TRUE;
}

void
edaad_search_view_set_store (EdaadSearchView *self,
                             EdaadStore      *store)
{
  g_return_if_fail (EDAAD_IS_SEARCH_VIEW (self));
  g_return_if_fail (store == NULL || EDAAD_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      run_search (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

static void
edaad_search_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EdaadSearchView *self = EDAAD_SEARCH_VIEW (object);

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
edaad_search_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EdaadSearchView *self = EDAAD_SEARCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      edaad_search_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_search_view_dispose (GObject *object)
{
  EdaadSearchView *self = EDAAD_SEARCH_VIEW (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* AdwBin unparents its child itself: drop it before the template does the same. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_SEARCH_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (edaad_search_view_parent_class)->dispose (object);
}

static void
edaad_search_view_finalize (GObject *object)
{
  EdaadSearchView *self = EDAAD_SEARCH_VIEW (object);

  g_clear_object (&self->results);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (edaad_search_view_parent_class)->finalize (object);
}

static void
edaad_search_view_class_init (EdaadSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = edaad_search_view_get_property;
  object_class->set_property = edaad_search_view_set_property;
  object_class->dispose = edaad_search_view_dispose;
  object_class->finalize = edaad_search_view_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (EDAAD_TYPE_SEARCH_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadSearchView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, EdaadSearchView, list_view);
  gtk_widget_class_bind_template_child (widget_class, EdaadSearchView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EdaadSearchView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
edaad_search_view_init (EdaadSearchView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->results = g_list_store_new (EDAAD_TYPE_SEARCH_ITEM);
  self->text = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
edaad_search_view_new (EdaadStore *store)
{
  g_return_val_if_fail (store == NULL || EDAAD_IS_STORE (store), NULL);

  return g_object_new (EDAAD_TYPE_SEARCH_VIEW, "store", store, NULL);
}
