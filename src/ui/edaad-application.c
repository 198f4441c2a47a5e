/* edaad-application.c — the AdwApplication. */
#define G_LOG_DOMAIN "edaad-application"

#include "config.h"

#include "edaad-application.h"

#include "edaad-window.h"

struct _EdaadApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (EdaadApplication, edaad_application, ADW_TYPE_APPLICATION)

static void
edaad_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (edaad_window_new (EDAAD_APPLICATION (app)));
  gtk_window_present (window);
}

static void
edaad_application_class_init (EdaadApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = edaad_application_activate;
}

static void
edaad_application_init (EdaadApplication *self)
{
}

EdaadApplication *
edaad_application_new (void)
{
  return g_object_new (EDAAD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
