/* edaad-application-actions.c — app-wide actions, reachable over D-Bus too
 * (gapplication action om.gov.mtcit.Edaad show-page "'plans'"). */
#define G_LOG_DOMAIN "edaad-application-actions"

#include "config.h"

#include "edaad-application-private.h"
#include "edaad-preferences-window.h"
#include "edaad-window.h"

#include <glib/gi18n-lib.h>

static void
show_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  EdaadApplication *self = EDAAD_APPLICATION (user_data);
  const char *page = g_variant_get_string (parameter, NULL);
  EdaadWindow *window;

  window = edaad_application_ensure_window (self);
  if (window == NULL)
    return;

  if (!edaad_window_set_page (window, page))
    g_debug ("show-page: there is no page called “%s”", page);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_page_change_state (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  /* Asking for a new state is asking to show that page; the state follows the window. */
  show_page_activated (action, value, user_data);
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  EdaadWindow *window = edaad_application_ensure_window (EDAAD_APPLICATION (user_data));

  if (window == NULL)
    return;

  gtk_window_present (GTK_WINDOW (window));
  edaad_window_start_search (window);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  EdaadWindow *window = edaad_application_ensure_window (EDAAD_APPLICATION (user_data));
  GtkWidget *preferences;

  if (window == NULL)
    return;

  preferences = edaad_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  EdaadWindow *window = edaad_application_ensure_window (EDAAD_APPLICATION (user_data));

  if (window == NULL)
    return;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  EdaadApplication *self = EDAAD_APPLICATION (user_data);
  const char *translators = _("translator-credits");
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Edaad"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_developer_name (about, _("Government Digital Transformation Programme"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (about, _("A change leader’s dashboard for change plans, "
                                          "the digitisation of services and the Edaad programme’s coursework."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© Government Digital Transformation Programme"));
  /* An untranslated "translator-credits" would otherwise show up as a credit. */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (about, translators);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_application (GTK_WINDOW (about), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  EdaadApplication *self = EDAAD_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Closing (rather than destroying) lets every window save its state. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (G_APPLICATION (self));
}

/* ---- the Keyboard Shortcuts window (win.show-help-overlay) ----
 *
 * GtkApplication builds <resource base path>/gtk/help-overlay.ui for every window it is
 * given, while that window is being created: about 10 ms of every start, for a window
 * that is seldom opened.  The same file is registered under SHORTCUTS_RESOURCE instead
 * (resources/edaad.gresource.xml), and each window gets the action GtkApplicationWindow
 * would have installed, which builds it the first time it is asked for. */

#define SHORTCUTS_RESOURCE RESOURCE_BASE_PATH "/ui/edaad-shortcuts-window.ui"

static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (SHORTCUTS_RESOURCE);

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Modal, hidden on close, transient for and destroyed with the window; it keeps
       * this action rather than adding its own. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

void
edaad_application_add_window_actions (EdaadApplication *self,
                                      GtkWindow        *window)
{
  g_autoptr(GSimpleAction) action = NULL;

  g_assert (EDAAD_IS_APPLICATION (self));

  if (!GTK_IS_APPLICATION_WINDOW (window) ||
      g_action_map_lookup_action (G_ACTION_MAP (window), "show-help-overlay") != NULL)
    return;

  action = g_simple_action_new ("show-help-overlay", NULL);
  g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay_activated), window, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}

static const GActionEntry app_entries[] = {
  { "show-page", show_page_activated, "s", "'dashboard'", show_page_change_state },
  { "search", search_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

void
edaad_application_install_actions (EdaadApplication *self)
{
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const preferences_accels[] = { "<Control>comma", NULL };
  /* GtkApplication sets this one only when it finds gtk/help-overlay.ui, no longer there. */
  static const char * const shortcuts_accels[] = { "<Control>question", NULL };

  g_assert (EDAAD_IS_APPLICATION (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
}
