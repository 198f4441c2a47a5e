/* edaad-window.c — the main window: sidebar, pages, global search, sync status. */
#define G_LOG_DOMAIN "edaad-window"

#include "config.h"

#include "edaad-window.h"

#include "coursework/edaad-coursework-page.h"
#include "dashboard/edaad-dashboard-page.h"
#include "edaad-search-view.h"
#include "edaad-ui-format.h"
#include "edaad-undo-toast.h"
#include "plans/edaad-plans-page.h"
#include "services/edaad-services-page.h"

#include <glib/gi18n-lib.h>

struct _EdaadWindow
{
  AdwApplicationWindow parent_instance;

  EdaadStore *store;
  GSettings *settings;
  gboolean demo;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkListBox *sidebar_list;
  GtkListBoxRow *dashboard_row;
  GtkListBoxRow *plans_row;
  GtkListBoxRow *services_row;
  GtkListBoxRow *coursework_row;
  GtkLabel *sync_pending;
  GtkWidget *content;
  AdwWindowTitle *content_title;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *main_stack;
  GtkStack *page_stack;
  EdaadSearchView *search_view;

  /* Built when first shown (ensure_page); NULL until then. */
  GtkWidget *plans_page;
  GtkWidget *services_page;
  GtkWidget *coursework_page;
  gboolean constructed;
};

G_DEFINE_FINAL_TYPE (EdaadWindow, edaad_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEMO,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const page_names[] = { "dashboard", "plans", "services", "coursework" };

/* Where each kind is shown: the page, and whether that page opens it itself (otherwise
 * the record's parent reference leads to the record that is opened). */
static const struct
{
  const char *kind;
  const char *page;
} kind_pages[] = {
  { "plan", "plans" },
  { "milestone", "plans" },
  { "risk", "plans" },
  { "stakeholder", "plans" },
  { "kpi", "plans" },
  { "service", "services" },
  { "assignment", "coursework" },
  { "module", "coursework" },
  { "submission", "coursework" },
};

static const char *
page_for_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_pages); i++)
    {
      if (g_str_equal (kind_pages[i].kind, kind))
        return kind_pages[i].page;
    }
  return NULL;
}

static GtkListBoxRow *
row_for_page (EdaadWindow *self,
              const char  *page)
{
  GtkListBoxRow *rows[] = { self->dashboard_row, self->plans_row, self->services_row, self->coursework_row };

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      if (g_strcmp0 (page_names[i], page) == 0)
        return rows[i];
    }
  return NULL;
}

static void on_dashboard_open_page (EdaadWindow *self,
                                    const char  *page,
                                    const char  *filter_field,
                                    const char  *filter_value);

/* Each page is built the first time it is shown or asked for, inside the placeholder that
 * holds its place in the stack: a page not opened yet costs nothing at start-up. */
static GtkWidget *
ensure_page (EdaadWindow *self,
             const char  *name)
{
  GtkWidget *holder = gtk_stack_get_child_by_name (self->page_stack, name);
  GtkWidget *page;

  g_assert (ADW_IS_BIN (holder));
  page = adw_bin_get_child (ADW_BIN (holder));
  if (page != NULL)
    return page;

  if (g_str_equal (name, "dashboard"))
    {
      page = edaad_dashboard_page_new (self->store);
      g_signal_connect_object (page, "open-page", G_CALLBACK (on_dashboard_open_page), self, G_CONNECT_SWAPPED);
    }
  else if (g_str_equal (name, "plans"))
    page = self->plans_page = edaad_plans_page_new (self->store);
  else if (g_str_equal (name, "services"))
    page = self->services_page = edaad_services_page_new (self->store);
  else
    page = self->coursework_page = edaad_coursework_page_new (self->store);

  adw_bin_set_child (ADW_BIN (holder), page);
  return page;
}

static void
update_title (EdaadWindow *self)
{
  const char *title;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "search") == 0)
    {
      title = _("Search");
    }
  else
    {
      GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);

      title = child != NULL ? gtk_stack_page_get_title (gtk_stack_get_page (self->page_stack, child)) : "";
    }

  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title, self->demo ? _("Demo") : NULL);
}

static void
update_sync_status (EdaadWindow *self)
{
  guint pending = edaad_store_count_outbox (self->store);

  if (pending > 0)
    {
      g_autofree char *count = edaad_ui_format_count (pending);
      /* Translators: %s is a number of local edits not yet sent to the server */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s change waiting to be sent",
                                                            "%s changes waiting to be sent",
                                                            pending),
                                               count);

      gtk_label_set_label (self->sync_pending, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sync_pending), pending > 0);
}

static void
on_store_changed (EdaadWindow *self,
                  const char  *kind,
                  GStrv        ids)
{
  update_sync_status (self);
}

const char *
edaad_window_get_page (EdaadWindow *self)
{
  g_return_val_if_fail (EDAAD_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

gboolean
edaad_window_set_page (EdaadWindow *self,
                       const char  *page)
{
  g_return_val_if_fail (EDAAD_IS_WINDOW (self), FALSE);

  if (page == NULL || row_for_page (self, page) == NULL)
    return FALSE;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_stack_set_visible_child_name (self->page_stack, page);
  /* On a folded window, choosing a page shows it rather than the sidebar. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

static void
on_page_changed (EdaadWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->page_stack);
  GtkListBoxRow *row = row_for_page (self, page);

  /* Until the window is constructed, the stack only says which placeholder came first. */
  if (!self->constructed)
    return;
  if (row != NULL)
    ensure_page (self, page);
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
  if (row != NULL)
    g_settings_set_string (self->settings, "last-page", page);

  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
on_sidebar_row_activated (EdaadWindow   *self,
                          GtkListBoxRow *row)
{
  GtkListBoxRow *rows[] = { self->dashboard_row, self->plans_row, self->services_row, self->coursework_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (rows[i] == row)
        edaad_window_set_page (self, page_names[i]);
    }
}

static void
on_leaflet_folded_changed (EdaadWindow *self)
{
  /* Folded, the sidebar is a list to pick from, not a selection that stays highlighted. */
  gtk_list_box_set_selection_mode (self->sidebar_list,
                                   adw_leaflet_get_folded (self->leaflet) ? GTK_SELECTION_NONE
                                                                          : GTK_SELECTION_BROWSE);
  if (!adw_leaflet_get_folded (self->leaflet))
    {
      GtkListBoxRow *row = row_for_page (self, edaad_window_get_page (self));

      if (row != NULL)
        gtk_list_box_select_row (self->sidebar_list, row);
    }
}

static void
on_back_clicked (EdaadWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

gboolean
edaad_window_show_record (EdaadWindow *self,
                          const char  *kind,
                          const char  *id)
{
  const char *page;

  g_return_val_if_fail (EDAAD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (kind != NULL && id != NULL, FALSE);

  page = page_for_kind (kind);

  /* A KPI of a service belongs to that service; other kinds open their parent. */
  if (page == NULL || g_str_equal (kind, "kpi"))
    {
      const EdaadKindSpec *spec = edaad_schema_lookup_kind (kind);
      g_autoptr(EdaadRecord) record = NULL;
      g_autoptr(GError) error = NULL;

      if (spec == NULL)
        return FALSE;

      record = edaad_store_get (self->store, kind, id, &error);
      if (record == NULL)
        {
          edaad_window_show_error (self, error);
          return FALSE;
        }

      if (g_str_equal (kind, "kpi") && edaad_record_get_string (record, "plan_id") == NULL)
        {
          const char *service_id = edaad_record_get_string (record, "service_id");

          return service_id != NULL && edaad_window_show_record (self, "service", service_id);
        }

      if (page == NULL)
        {
          for (guint i = 0; i < spec->n_fields; i++)
            {
              const EdaadFieldSpec *field = &spec->fields[i];
              const char *parent_id;

              if (field->type != EDAAD_FIELD_UUID || field->ref_kind == NULL)
                continue;
              parent_id = edaad_record_get_string (record, field->name);
              if (parent_id != NULL)
                return edaad_window_show_record (self, field->ref_kind, parent_id);
            }
          g_debug ("No page shows %s records", kind);
          return FALSE;
        }
    }

  edaad_window_set_page (self, page);
  if (g_str_equal (page, "plans"))
    edaad_plans_page_show_record (EDAAD_PLANS_PAGE (ensure_page (self, page)), kind, id);
  else if (g_str_equal (page, "services"))
    edaad_services_page_show_record (EDAAD_SERVICES_PAGE (ensure_page (self, page)), kind, id);
  else
    edaad_coursework_page_show_record (EDAAD_COURSEWORK_PAGE (ensure_page (self, page)), kind, id);
  return TRUE;
}

/* A dashboard card leads to the list behind it: that page, with only its filter applied. */
static void
on_dashboard_open_page (EdaadWindow *self,
                        const char  *page,
                        const char  *filter_field,
                        const char  *filter_value)
{
  if (!edaad_window_set_page (self, page))
    {
      g_debug ("The dashboard asked for an unknown page “%s”", page);
      return;
    }

  if (g_str_equal (page, "plans"))
    {
      EdaadPlansPage *plans = EDAAD_PLANS_PAGE (ensure_page (self, page));

      edaad_plans_page_set_filter (plans, NULL, NULL);
      if (filter_field != NULL)
        edaad_plans_page_set_filter (plans, filter_field, filter_value);
    }
  else if (g_str_equal (page, "services"))
    {
      EdaadServicesPage *services = EDAAD_SERVICES_PAGE (ensure_page (self, page));

      edaad_services_page_set_filter (services, NULL, NULL);
      if (filter_field != NULL)
        edaad_services_page_set_filter (services, filter_field, filter_value);
    }
  else if (g_str_equal (page, "coursework"))
    {
      EdaadCourseworkPage *coursework = EDAAD_COURSEWORK_PAGE (ensure_page (self, page));

      edaad_coursework_page_set_filter (coursework, NULL, NULL);
      if (filter_field != NULL)
        edaad_coursework_page_set_filter (coursework, filter_field, filter_value);
    }
}

void
edaad_window_start_search (EdaadWindow *self)
{
  g_return_if_fail (EDAAD_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_changed (EdaadWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = text[0] != '\0';

  edaad_search_view_set_text (self->search_view, text);
  gtk_stack_set_visible_child_name (self->main_stack, searching ? "search" : "pages");
  update_title (self);
}

static void
on_search_activate (EdaadWindow *self)
{
  edaad_search_view_activate_first (self->search_view);
}

static void
on_search_stop (EdaadWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_changed (EdaadWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      edaad_search_view_set_text (self->search_view, "");
      gtk_stack_set_visible_child_name (self->main_stack, "pages");
      update_title (self);
    }
}

static void
on_search_hit_activated (EdaadWindow *self,
                         const char  *kind,
                         const char  *id)
{
  /* show_record closes the search bar as it switches pages. */
  edaad_window_show_record (self, kind, id);
}

void
edaad_window_show_error (EdaadWindow  *self,
                         const GError *error)
{
  g_return_if_fail (EDAAD_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (error->domain == EDAAD_STORE_ERROR &&
      (error->code == EDAAD_STORE_ERROR_CORRUPT || error->code == EDAAD_STORE_ERROR_TOO_NEW))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Your Data Cannot Be Used"),
                                                           error->message));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      AdwToast *toast = edaad_message_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdaadWindow *self = EDAAD_WINDOW (widget);
  const char *page = g_variant_get_string (parameter, NULL);

  if (!edaad_window_set_page (self, page))
    g_debug ("win.show-page: there is no page called “%s”", page);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  edaad_window_start_search (EDAAD_WINDOW (widget));
}

static void
add_page (EdaadWindow *self,
          const char  *name,
          const char  *title)
{
  gtk_stack_add_titled (self->page_stack, adw_bin_new (), name, title);
}

static gboolean
edaad_window_close_request (GtkWindow *window)
{
  EdaadWindow *self = EDAAD_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (edaad_window_parent_class)->close_request (window);
}

static void
edaad_window_constructed (GObject *object)
{
  EdaadWindow *self = EDAAD_WINDOW (object);
  g_autofree char *last_page = NULL;

  G_OBJECT_CLASS (edaad_window_parent_class)->constructed (object);

  g_assert (EDAAD_IS_STORE (self->store));
  /* Read before the stack has a page: showing one stores its name as the last page. */
  last_page = g_settings_get_string (self->settings, "last-page");

  if (self->demo)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edaad — Demo"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "demo");
    }

  add_page (self, "dashboard", _("Dashboard"));
  add_page (self, "plans", _("Change Plans"));
  add_page (self, "services", _("Services"));
  add_page (self, "coursework", _("Coursework"));

  edaad_search_view_set_store (self->search_view, self->store);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (update_sync_status), self, G_CONNECT_SWAPPED);
  update_sync_status (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->constructed = TRUE;
  if (!edaad_window_set_page (self, last_page))
    edaad_window_set_page (self, "dashboard");
  on_page_changed (self);
  /* The sidebar is what a folded window shows first. */
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
edaad_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EdaadWindow *self = EDAAD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;
    case PROP_PAGE:
      g_value_set_string (value, edaad_window_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EdaadWindow *self = EDAAD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DEMO:
      self->demo = g_value_get_boolean (value);
      break;
    case PROP_PAGE:
      edaad_window_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_window_finalize (GObject *object)
{
  EdaadWindow *self = EDAAD_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (edaad_window_parent_class)->finalize (object);
}

static void
edaad_window_class_init (EdaadWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = edaad_window_constructed;
  object_class->get_property = edaad_window_get_property;
  object_class->set_property = edaad_window_set_property;
  object_class->finalize = edaad_window_finalize;

  window_class->close_request = edaad_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EDAAD_TYPE_SEARCH_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, dashboard_row);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, plans_row);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, services_row);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, coursework_row);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, sync_pending);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, content);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadWindow, search_view);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_hit_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_names[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
edaad_window_init (EdaadWindow *self)
{
  self->settings = g_settings_new (BASE_APPLICATION_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

EdaadWindow *
edaad_window_new (EdaadApplication *application,
                  EdaadStore       *store,
                  gboolean          demo)
{
  g_return_val_if_fail (EDAAD_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);

  return g_object_new (EDAAD_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "demo", demo,
                       NULL);
}

EdaadStore *
edaad_window_get_store (EdaadWindow *self)
{
  g_return_val_if_fail (EDAAD_IS_WINDOW (self), NULL);

  return self->store;
}

gboolean
edaad_window_get_demo (EdaadWindow *self)
{
  g_return_val_if_fail (EDAAD_IS_WINDOW (self), FALSE);

  return self->demo;
}
