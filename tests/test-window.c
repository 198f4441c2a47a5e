/* test-window.c — the application and its window, for real, under Xvfb and a private D-Bus.
 *
 * Every GTK case runs in its own subprocess (one application, one locale per process) with a
 * fresh $XDG_DATA_HOME; the D-Bus case drives the built `edaad` binary with `gapplication`. */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "edaad-application.h"
#include "edaad-search-item.h"
#include "edaad-search-view.h"
#include "coursework/edaad-coursework-page.h"
#include "dashboard/edaad-dashboard-page.h"
#include "edaad-window.h"
#include "plans/edaad-plans-page.h"
#include "services/edaad-services-page.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

#define WAIT_SECONDS 20

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A fresh $XDG_DATA_HOME; must run before anything asks GLib for it. */
static char *
make_data_home (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("edaad-test-window-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  return dir;
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static EdaadWindow *
find_window (EdaadApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      if (EDAAD_IS_WINDOW (l->data))
        return l->data;
    }
  return NULL;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The application as main() builds it, but not unique: the D-Bus case owns the name. */
static EdaadApplication *
start_application (void)
{
  g_autoptr(GError) error = NULL;
  EdaadApplication *app = edaad_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static EdaadWindow *
open_demo_window (EdaadApplication *app)
{
  g_autoptr(GError) error = NULL;
  EdaadWindow *window;

  edaad_application_open_store (app, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  window = find_window (app);
  g_assert_nonnull (window);
  wait_until (widget_is_mapped, window, "the window to map");
  return window;
}

static void
close_application (EdaadApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin_for (50);
  g_assert_null (find_window (app));
  g_object_unref (app);
}

/* --demo: a separate, seeded file; the window opens on the dashboard and says "Demo";
 * app.show-page and win.show-page switch pages, unknown names change nothing. */
static void
test_demo_and_pages (void)
{
  g_autofree char *home = NULL;
  g_autofree char *demo_path = NULL;
  g_autofree char *real_path = NULL;
  g_autoptr(GVariant) state = NULL;
  EdaadApplication *app;
  EdaadWindow *window;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  home = make_data_home ();
  app = start_application ();
  window = open_demo_window (app);

  demo_path = g_build_filename (home, APPLICATION_ID, "demo.db", NULL);
  real_path = g_build_filename (home, APPLICATION_ID, "edaad.db", NULL);
  g_assert_true (g_file_test (demo_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (real_path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (edaad_store_get_path (edaad_window_get_store (window)), ==, demo_path);
  g_assert_true (edaad_application_get_demo (app));
  g_assert_true (edaad_window_get_demo (window));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Demo"));

  /* A seeded demo has work in it, all of it synced: nothing waits in the outbox. */
  {
    g_autoptr(GHashTable) by_status = NULL;
    g_autoptr(GError) error = NULL;

    by_status = edaad_store_count_by (edaad_window_get_store (window), "plan", "status", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (by_status), >, 0);
    g_assert_cmpuint (edaad_store_count_outbox (edaad_window_get_store (window)), ==, 0);
  }

  g_assert_cmpstr (edaad_window_get_page (window), ==, "dashboard");
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "show-page");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "dashboard");
  g_clear_pointer (&state, g_variant_unref);

  g_action_group_activate_action (G_ACTION_GROUP (app), "show-page", g_variant_new_string ("plans"));
  g_assert_cmpstr (edaad_window_get_page (window), ==, "plans");
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "show-page");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "plans");
  g_clear_pointer (&state, g_variant_unref);

  /* Unknown pages: no warning (warnings are fatal here), no change. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-page", g_variant_new_string ("reports"));
  g_assert_cmpstr (edaad_window_get_page (window), ==, "plans");
  g_assert_false (edaad_window_set_page (window, "reports"));
  g_assert_false (edaad_window_set_page (window, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "coursework"));
  g_assert_cmpstr (edaad_window_get_page (window), ==, "coursework");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "services"));
  g_assert_cmpstr (edaad_window_get_page (window), ==, "services");
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "show-page");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "services");

  /* An error that reaches the user becomes a toast, not a crash. */
  {
    g_autoptr(GError) error = g_error_new_literal (EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID,
                                                   "The title is required");
    edaad_window_show_error (window, error);
  }

  close_application (app);
}

static gboolean
search_settled (gpointer data)
{
  EdaadSearchView *view = data;

  return g_strcmp0 (edaad_search_view_get_state (view), "results") != 0 ||
         g_list_model_get_n_items (edaad_search_view_get_results (view)) > 0;
}

static EdaadRecord *
save_plan (EdaadStore *store,
           const char *title)
{
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  g_autoptr(GError) error = NULL;

  edaad_record_set_string (plan, "title", title);
  edaad_record_set_string (plan, "change_type", "it_digital");
  edaad_record_set_string (plan, "status", "draft");
  edaad_store_save (store, plan, &error);
  g_assert_no_error (error);
  g_assert_nonnull (edaad_record_get_id (plan));
  return g_steal_pointer (&plan);
}

/* Ctrl+F search: hits come as you type (after a short pause), "No results" when none,
 * opening a hit switches to its page and shows the record; Escape closes the search. */
static void
test_search (void)
{
  g_autofree char *home = NULL;
  g_autoptr(EdaadRecord) plan = NULL;
  EdaadApplication *app;
  EdaadWindow *window;
  EdaadSearchView *view;
  GtkWidget *entry;
  GtkWidget *list_view;
  GListModel *results;
  EdaadRecord *shown;
  guint position = G_MAXUINT;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  home = make_data_home ();
  app = start_application ();
  window = open_demo_window (app);
  plan = save_plan (edaad_window_get_store (window), "Zanzibar cargo permits");

  view = EDAAD_SEARCH_VIEW (find_descendant (GTK_WIDGET (window), EDAAD_TYPE_SEARCH_VIEW, NULL));
  g_assert_nonnull (view);
  results = edaad_search_view_get_results (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "zanzibar");
  /* Debounced: nothing has been looked up yet. */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  wait_until (search_settled, view, "search results");
  g_assert_cmpstr (edaad_search_view_get_state (view), ==, "results");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(EdaadSearchItem) item = g_list_model_get_item (results, i);

      if (g_str_equal (edaad_search_item_get_id (item), edaad_record_get_id (plan)))
        {
          position = i;
          g_assert_cmpstr (edaad_search_item_get_kind (item), ==, "plan");
          g_assert_nonnull (strstr (edaad_search_item_get_title (item), "Zanzibar"));
          g_assert_cmpstr (edaad_search_item_get_icon_name (item), ==, "view-list-bullet-symbolic");
        }
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  /* Nothing matches: the empty state. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "qqxyzzyqq");
  wait_until (search_settled, view, "the empty state");
  g_assert_cmpstr (edaad_search_view_get_state (view), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  /* Open the hit as a click does. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zanzibar");
  wait_until (search_settled, view, "search results again");
  list_view = find_descendant (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list_view);
  g_signal_emit_by_name (list_view, "activate", position);

  g_assert_cmpstr (edaad_window_get_page (window), ==, "plans");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  shown = edaad_plans_page_get_shown (EDAAD_PLANS_PAGE (find_descendant (GTK_WIDGET (window),
                                                                        EDAAD_TYPE_PLANS_PAGE, NULL)));
  g_assert_nonnull (shown);
  g_assert_cmpstr (edaad_record_get_id (shown), ==, edaad_record_get_id (plan));

  /* Enter opens the first hit; Escape (stop-search) closes the bar and shows the page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "zanzibar cargo");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (edaad_window_get_page (window), ==, "plans");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "zanzibar");
  wait_until (search_settled, view, "results before Escape");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));

  close_application (app);
}

static gboolean
sidebar_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* An Arabic session (GTK takes the direction from its own translation of "default:LTR"):
 * the window is right-to-left and the sidebar sits at the right. */
static void
test_rtl (void)
{
  g_autofree char *home = NULL;
  EdaadApplication *app;
  EdaadWindow *window;
  GtkWidget *sidebar;
  graphene_rect_t bounds;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("LANGUAGE", "ar", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  home = make_data_home ();
  app = start_application ();
  window = open_demo_window (app);

  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);

  sidebar = find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "navigation-sidebar");
  g_assert_nonnull (sidebar);
  wait_until (sidebar_allocated, sidebar, "the sidebar to be allocated");
  g_assert_true (gtk_widget_compute_bounds (sidebar, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >, gtk_widget_get_width (GTK_WIDGET (window)) / 2.0);

  close_application (app);
}

static GtkWidget *
find_shortcut (GtkWidget  *widget,
               const char *title)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *shortcut_title = NULL;

      g_object_get (widget, "title", &shortcut_title, NULL);
      if (g_strcmp0 (shortcut_title, title) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shortcut (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
widget_is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* The Keyboard Shortcuts window is not built with the window but when first asked for,
 * through win.show-help-overlay (the main menu's entry, Ctrl+?, app.shortcuts): it lists
 * the shortcuts, belongs to the window, and is the same window the next time. */
static void
test_shortcuts_window (void)
{
  g_autofree char *home = NULL;
  g_auto(GStrv) accels = NULL;
  g_autofree char *accelerator = NULL;
  GtkShortcutsWindow *again;
  GtkWidget *overlay;
  EdaadApplication *app;
  EdaadWindow *window;
  GtkWidget *search;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  home = make_data_home ();
  app = start_application ();
  window = open_demo_window (app);

  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>question");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  /* The window owns it (and GTK 4.8 does not let it outlive the window). */
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  wait_until (widget_is_mapped, overlay, "the shortcuts window to map");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (overlay)));

  search = find_shortcut (overlay, "Search");
  g_assert_nonnull (search);
  g_object_get (search, "accelerator", &accelerator, NULL);
  g_assert_cmpstr (accelerator, ==, "<Control>f");
  g_assert_nonnull (find_shortcut (overlay, "Keyboard shortcuts"));

  /* Closed, it is only hidden; asked for again (here through app.shortcuts), it is the
   * same window that comes back. */
  gtk_window_close (GTK_WINDOW (overlay));
  wait_until (widget_is_hidden, overlay, "the shortcuts window to hide");
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  again = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_WIDGET (again) == overlay);
  wait_until (widget_is_mapped, overlay, "the shortcuts window to map again");

  close_application (app);
}

/* Which of the four pages have been built (a page is built the first time it is shown). */
static char *
built_pages (EdaadWindow *window)
{
  const struct { const char *name; GType type; } pages[] = {
    { "dashboard", EDAAD_TYPE_DASHBOARD_PAGE },
    { "plans", EDAAD_TYPE_PLANS_PAGE },
    { "services", EDAAD_TYPE_SERVICES_PAGE },
    { "coursework", EDAAD_TYPE_COURSEWORK_PAGE },
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (find_descendant (GTK_WIDGET (window), pages[i].type, NULL) != NULL)
        g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", pages[i].name);
    }
  return g_string_free (s, FALSE);
}

#define assert_built(window, expected) \
  G_STMT_START { g_autofree char *got_ = built_pages (window); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

/* The window opens on the page GSettings `last-page` names, and builds only that one: the
 * others are built when first shown, once, and each page shown becomes the last page. */
static void
test_last_page (void)
{
  g_autofree char *home = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) state = NULL;
  EdaadApplication *app;
  EdaadWindow *window;
  GtkWidget *services;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  home = make_data_home ();
  settings = g_settings_new (BASE_APPLICATION_ID);
  g_settings_set_string (settings, "last-page", "services");
  app = start_application ();
  window = open_demo_window (app);

  g_assert_cmpstr (edaad_window_get_page (window), ==, "services");
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "show-page");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "services");
  assert_built (window, "services");
  services = find_descendant (GTK_WIDGET (window), EDAAD_TYPE_SERVICES_PAGE, NULL);
  g_assert_true (gtk_widget_get_mapped (services));

  /* Another page: built now, remembered, and the one built before is kept, not rebuilt. */
  g_assert_true (edaad_window_set_page (window, "coursework"));
  assert_built (window, "services coursework");
  last = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last, ==, "coursework");
  g_assert_true (edaad_window_set_page (window, "services"));
  g_assert_true (find_descendant (GTK_WIDGET (window), EDAAD_TYPE_SERVICES_PAGE, NULL) == services);
  assert_built (window, "services coursework");

  /* A record shown from elsewhere builds the page it needs. */
  {
    g_autoptr(EdaadRecord) plan = save_plan (edaad_window_get_store (window), "Built on demand");

    g_assert_true (edaad_window_show_record (window, "plan", edaad_record_get_id (plan)));
    g_assert_cmpstr (edaad_window_get_page (window), ==, "plans");
    assert_built (window, "plans services coursework");
  }
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last, ==, "plans");

  close_application (app);
}

/* By default (a first start) the window opens on the dashboard, and builds only that. */
static void
test_last_page_default (void)
{
  g_autofree char *home = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GSettings) settings = NULL;
  EdaadApplication *app;
  EdaadWindow *window;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  home = make_data_home ();
  settings = g_settings_new (BASE_APPLICATION_ID);
  app = start_application ();
  window = open_demo_window (app);

  g_assert_cmpstr (edaad_window_get_page (window), ==, "dashboard");
  assert_built (window, "dashboard");
  last = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last, ==, "dashboard");

  close_application (app);
}

typedef struct
{
  gboolean saw_dialog;
  gboolean saw_window;
  char *body;
} CorruptRun;

static gboolean
answer_dialog (gpointer data)
{
  AdwMessageDialog *dialog = data;

  adw_message_dialog_response (dialog, "quit");
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 CorruptRun     *run)
{
  if (EDAAD_IS_WINDOW (window))
    run->saw_window = TRUE;
  if (ADW_IS_MESSAGE_DIALOG (window))
    {
      run->saw_dialog = TRUE;
      run->body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)));
      g_idle_add_full (G_PRIORITY_LOW, answer_dialog, g_object_ref (window), g_object_unref);
    }
}

static gboolean
give_up (gpointer data)
{
  g_error ("The application did not quit");
  return G_SOURCE_REMOVE;
}

/* A file that is not an Edaad database: the store's message goes to stderr and, with a Quit
 * button, into a dialog — no window pretends to work — and the file is left as it was.
 * (The exit status is GLib's: 0 once the main loop has run for the dialog.) */
static void
test_corrupt_database (void)
{
  static const char garbage[] = "This is not an SQLite database, it is a shopping list.\n";
  g_autofree char *home = NULL;
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  CorruptRun run = { 0 };
  EdaadApplication *app;
  int status;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, 0);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*broken.db*");
      return;
    }

  home = make_data_home ();
  path = g_build_filename (home, "broken.db", NULL);
  g_file_set_contents (path, garbage, -1, &error);
  g_assert_no_error (error);

  app = edaad_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &run);
  g_timeout_add_seconds (WAIT_SECONDS, give_up, NULL);
  {
    char *argv[] = { (char *) "edaad", (char *) "--database", path, NULL };

    status = g_application_run (G_APPLICATION (app), 3, argv);
  }

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.saw_dialog);
  g_assert_false (run.saw_window);
  g_assert_nonnull (run.body);
  g_assert_cmpstr (run.body, !=, "");
  g_assert_null (edaad_application_get_store (app));

  g_file_get_contents (path, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, garbage);

  g_free (run.body);
  g_object_unref (app);
}

/* --demo and --database contradict each other: refused before anything opens. */
static void
test_conflicting_options (void)
{
  g_autofree char *home = NULL;
  EdaadApplication *app;
  int status;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, 0);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*--demo and --database*");
      return;
    }

  home = make_data_home ();
  app = edaad_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  {
    char *argv[] = { (char *) "edaad", (char *) "--demo", (char *) "--database", (char *) "x.db", NULL };

    status = g_application_run (G_APPLICATION (app), 4, argv);
  }
  g_assert_cmpint (status, ==, 1);
  g_assert_null (edaad_application_get_store (app));
  g_assert_false (g_file_test ("x.db", G_FILE_TEST_EXISTS));
  g_object_unref (app);
}

/* ---- D-Bus: the built binary, driven by `gapplication action` ---- */

static char *
object_path_for_id (const char *id)
{
  g_autofree char *dotted = g_strconcat ("/", id, NULL);

  return g_strdelimit (g_steal_pointer (&dotted), ".", '/');
}

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* The state of app.show-page as the running instance describes it over D-Bus. */
static char *
remote_page (GDBusConnection *bus)
{
  g_autofree char *object_path = object_path_for_id (APPLICATION_ID);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GVariant) page = NULL;
  g_autoptr(GError) error = NULL;
  gboolean enabled;
  const char *parameter_type;

  reply = g_dbus_connection_call_sync (bus, APPLICATION_ID, object_path, "org.gtk.Actions", "Describe",
                                       g_variant_new ("(s)", "show-page"), G_VARIANT_TYPE ("((bgav))"),
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "((b&g@av))", &enabled, &parameter_type, &state);
  g_assert_true (enabled);
  g_assert_cmpstr (parameter_type, ==, "s");
  g_assert_cmpuint (g_variant_n_children (state), ==, 1);
  g_variant_get_child (state, 0, "v", &page);
  return g_variant_dup_string (page, NULL);
}

typedef struct
{
  GDBusConnection *bus;
  GSubprocess *app;
  const char *page;
  gboolean exited;
} DBusRun;

static gboolean
app_on_bus (gpointer data)
{
  DBusRun *run = data;

  g_assert_false (run->exited);
  return name_has_owner (run->bus, APPLICATION_ID);
}

static gboolean
remote_page_is (gpointer data)
{
  DBusRun *run = data;
  g_autofree char *page = remote_page (run->bus);

  return g_strcmp0 (page, run->page) == 0;
}

static gboolean
app_exited (gpointer data)
{
  return ((DBusRun *) data)->exited;
}

static void
on_app_exited (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  DBusRun *run = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  run->exited = TRUE;
}

/* The app under test goes down with the test, even when an assertion aborts it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
run_gapplication (const char *action,
                  const char *parameter)
{
  const char *argv[] = { "gapplication", "action", APPLICATION_ID, action, parameter, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    g_error ("gapplication action %s failed: %s %s", action, error->message, err);
}

/* The built `edaad`, running with its application id on the session bus: `gapplication
 * action` switches its page (observed through the action's state over org.gtk.Actions),
 * ignores unknown pages, refuses a second instance asking for another database, and quits. */
static void
test_dbus_actions (void)
{
  g_autofree char *home = NULL;
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "edaad", NULL);
  g_autofree char *database = NULL;
  g_autofree char *other = NULL;
  g_autofree char *second_err = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  DBusRun run = { 0 };

  home = g_dir_make_tmp ("edaad-test-dbus-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (home, "work.db", NULL);
  other = g_build_filename (home, "other.db", NULL);

  run.bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (name_has_owner (run.bus, APPLICATION_ID));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  run.app = g_subprocess_launcher_spawn (launcher, &error, binary, "--database", database, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (run.app, NULL, on_app_exited, &run);

  wait_until (app_on_bus, &run, "edaad to own its name on the bus");
  run.page = "dashboard";
  wait_until (remote_page_is, &run, "the dashboard");
  g_assert_true (g_file_test (database, G_FILE_TEST_IS_REGULAR));

  run_gapplication ("show-page", "'plans'");
  run.page = "plans";
  wait_until (remote_page_is, &run, "the plans page");

  run_gapplication ("show-page", "'coursework'");
  run.page = "coursework";
  wait_until (remote_page_is, &run, "the coursework page");

  /* An unknown page changes nothing and does not bring the instance down. */
  run_gapplication ("show-page", "'reports'");
  spin_for (200);
  g_assert_false (run.exited);
  g_assert_true (remote_page_is (&run));

  /* A second instance cannot switch the running one to another database. */
  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDERR_PIPE);
  second = g_subprocess_launcher_spawn (launcher, &error, binary, "--database", other, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (second, NULL, NULL, NULL, &second_err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 1);
  g_assert_nonnull (strstr (second_err, database));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_false (run.exited);

  run_gapplication ("quit", NULL);
  wait_until (app_exited, &run, "edaad to quit");
  g_assert_true (g_subprocess_get_if_exited (run.app));
  g_assert_cmpint (g_subprocess_get_exit_status (run.app), ==, 0);

  g_clear_object (&run.app);
  g_clear_object (&run.bus);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/demo-and-pages", test_demo_and_pages);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/last-page", test_last_page);
  g_test_add_func ("/window/last-page-default", test_last_page_default);
  g_test_add_func ("/window/rtl", test_rtl);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/window/corrupt-database", test_corrupt_database);
  g_test_add_func ("/window/conflicting-options", test_conflicting_options);
  g_test_add_func ("/window/dbus-actions", test_dbus_actions);

  return g_test_run ();
}
