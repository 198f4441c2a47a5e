/* edaad-application.c — the AdwApplication: options, the store, the main window. */
#define G_LOG_DOMAIN "edaad-application"

#include "config.h"

#include "edaad-application.h"

#include "edaad-application-private.h"
#include "edaad-demo.h"
#include "edaad-renderer.h"
#include "edaad-window.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

struct _EdaadApplication
{
  AdwApplication parent_instance;

  EdaadStore *store;
  GError *store_error;     /* why the store could not be opened; shown instead of a window */
  char *path;              /* the database chosen (open or failed) */
  gboolean demo;
  GtkWindow *error_dialog; /* weak */
};

G_DEFINE_FINAL_TYPE (EdaadApplication, edaad_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo database: sample data, kept apart from your own"), NULL },
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database in FILE instead of the default one"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

char *
edaad_application_dup_default_path (gboolean demo)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID,
                           demo ? "demo.db" : "edaad.db", NULL);
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", "-verified" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static EdaadStore *
open_store (const char *path,
            gboolean    demo,
            gboolean    create_folder,
            GError    **error)
{
  g_autoptr(EdaadStore) store = NULL;
  gboolean is_new;

  if (create_folder)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s”: %s"),
                       folder, g_strerror (saved_errno));
          return NULL;
        }
    }

  is_new = !g_file_test (path, G_FILE_TEST_EXISTS);
  store = edaad_store_open (path, error);
  if (store == NULL)
    return NULL;

  if (demo && is_new)
    {
      g_autoptr(GError) local_error = NULL;

      g_debug ("Seeding the new demo database %s", path);
      if (!edaad_demo_seed (store, &local_error))
        {
          /* Never leave a half-seeded demo behind: the next start seeds it afresh. */
          g_clear_object (&store);
          remove_database_files (path);
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not fill the demo database: "));
          return NULL;
        }
    }

  return g_steal_pointer (&store);
}

gboolean
edaad_application_open_store (EdaadApplication *self,
                              const char       *path,
                              gboolean          demo,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean create_folder = (path == NULL);

  g_return_val_if_fail (EDAAD_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->store == NULL && self->store_error == NULL, FALSE);

  self->demo = demo;
  self->path = path != NULL ? g_strdup (path) : edaad_application_dup_default_path (demo);
  self->store = open_store (self->path, demo, create_folder, &local_error);
  if (self->store == NULL)
    {
      g_debug ("Could not open %s: %s", self->path, local_error->message);
      self->store_error = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_debug ("Working on %s%s", self->path, demo ? " (demo)" : "");
  return TRUE;
}

EdaadStore *
edaad_application_get_store (EdaadApplication *self)
{
  g_return_val_if_fail (EDAAD_IS_APPLICATION (self), NULL);

  return self->store;
}

gboolean
edaad_application_get_demo (EdaadApplication *self)
{
  g_return_val_if_fail (EDAAD_IS_APPLICATION (self), FALSE);

  return self->demo;
}

static void
on_error_dialog_response (AdwMessageDialog *dialog,
                          const char       *response,
                          EdaadApplication *self)
{
  g_application_quit (G_APPLICATION (self));
}

static void
show_store_error (EdaadApplication *self)
{
  AdwMessageDialog *dialog;

  if (self->error_dialog != NULL)
    {
      gtk_window_present (self->error_dialog);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Could Not Open Your Data"),
                                                       self->store_error->message));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_set_default_response (dialog, "quit");
  adw_message_dialog_set_close_response (dialog, "quit");
  gtk_window_set_title (GTK_WINDOW (dialog), _("Edaad"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_error_dialog_response), self, 0);

  self->error_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->error_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_window_page_changed (EdaadWindow      *window,
                        GParamSpec       *pspec,
                        EdaadApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-page");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (edaad_window_get_page (window)));
}

EdaadWindow *
edaad_application_ensure_window (EdaadApplication *self)
{
  EdaadWindow *window;

  g_assert (EDAAD_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (EDAAD_IS_WINDOW (l->data))
        return EDAAD_WINDOW (l->data);
    }

  if (self->store == NULL && self->store_error == NULL)
    edaad_application_open_store (self, NULL, FALSE, NULL);

  if (self->store == NULL)
    {
      show_store_error (self);
      return NULL;
    }

  window = edaad_window_new (self, self->store, self->demo);
  g_signal_connect_object (window, "notify::page", G_CALLBACK (on_window_page_changed), self, 0);
  on_window_page_changed (window, NULL, self);
  return window;
}

static void
edaad_application_activate (GApplication *app)
{
  EdaadWindow *window = edaad_application_ensure_window (EDAAD_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static int
edaad_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "demo") && g_variant_dict_contains (options, "database"))
    {
      g_printerr ("%s\n", _("--demo and --database cannot be used together"));
      return 1;
    }

  return -1;
}

static int
edaad_application_command_line (GApplication            *app,
                                GApplicationCommandLine *cmdline)
{
  EdaadApplication *self = EDAAD_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  gboolean demo = g_variant_dict_contains (options, "demo");
  const char *database = NULL;
  g_autofree char *path = NULL;
  int status = 0;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, database);

      path = g_file_get_path (file);
    }

  if (self->store != NULL || self->store_error != NULL)
    {
      /* Already running: a plain invocation raises the window; asking for another
       * database cannot be honoured by this instance. */
      g_autofree char *wanted = NULL;

      if (path != NULL)
        wanted = g_strdup (path);
      else if (demo)
        wanted = edaad_application_dup_default_path (TRUE);

      if (wanted != NULL && g_strcmp0 (wanted, self->path) != 0)
        {
          g_application_command_line_printerr (cmdline,
                                               _("Edaad is already running with the database “%s”; close it first.\n"),
                                               self->path);
          return 1;
        }
    }
  else
    {
      g_autoptr(GError) error = NULL;

      if (!edaad_application_open_store (self, path, demo, &error))
        {
          g_application_command_line_printerr (cmdline, "%s\n", error->message);
          status = 1;
        }
    }

  g_application_activate (app);
  return status;
}

/* ---- the icon theme, read ahead ----
 *
 * Reading the icon theme (the index.theme files and icon caches of Adwaita and hicolor) takes
 * about 20 ms.  GTK 4.8 starts reading it on a thread as soon as the display's GtkIconTheme
 * exists (while it loads its own style sheet), but GtkApplication's start-up then adds
 * <resource base path>/icons/ to that theme once it is read, which throws the reading away:
 * the first icon the window shows would read it all again, on the main thread, while the
 * window is presented.  A GtkIconTheme set up on the main thread may be used from another
 * one: every lookup holds the theme's lock, and GTK reads it from a GTask thread itself
 * ("Threading" in gtk/gtkicontheme.c).  So one lookup on a worker thread reads it again
 * now, while the main thread opens the store and builds the window; a lookup that comes
 * before it is done waits for it rather than reading it a second time. */

static void
prewarm_icon_theme_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (task_data), APPLICATION_ID);
  g_task_return_boolean (task, TRUE);
}

static void
prewarm_icon_theme (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, prewarm_icon_theme);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, prewarm_icon_theme_thread);
}

static void
edaad_application_startup (GApplication *app)
{
  EdaadApplication *self = EDAAD_APPLICATION (app);

  G_APPLICATION_CLASS (edaad_application_parent_class)->startup (app);

  /* After the parent's start-up, which is what adds the resource paths. */
  prewarm_icon_theme ();
  edaad_renderer_choose ();
  gtk_window_set_default_icon_name (APPLICATION_ID);
  edaad_application_install_actions (self);
}

static void
edaad_application_window_added (GtkApplication *app,
                                GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (edaad_application_parent_class)->window_added (app, window);

  edaad_application_add_window_actions (EDAAD_APPLICATION (app), window);
}

static void
edaad_application_shutdown (GApplication *app)
{
  EdaadApplication *self = EDAAD_APPLICATION (app);
  GList *windows;

  /* Windows first, then the store: a database closed cleanly lets the next start skip
   * reading the whole file to check it (see edaad-store.c). */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (edaad_application_parent_class)->shutdown (app);
}

static void
edaad_application_finalize (GObject *object)
{
  EdaadApplication *self = EDAAD_APPLICATION (object);

  if (self->error_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->error_dialog), (gpointer *) &self->error_dialog);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (edaad_application_parent_class)->finalize (object);
}

static void
edaad_application_class_init (EdaadApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = edaad_application_finalize;

  app_class->startup = edaad_application_startup;
  app_class->shutdown = edaad_application_shutdown;
  app_class->activate = edaad_application_activate;
  app_class->handle_local_options = edaad_application_handle_local_options;
  app_class->command_line = edaad_application_command_line;

  gtk_app_class->window_added = edaad_application_window_added;
}

static void
edaad_application_init (EdaadApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Edaad — the change leader’s dashboard"));
}

EdaadApplication *
edaad_application_new (void)
{
  return g_object_new (EDAAD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}
