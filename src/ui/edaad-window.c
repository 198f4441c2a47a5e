/* edaad-window.c — the main window. */
#define G_LOG_DOMAIN "edaad-window"

#include "config.h"

#include "edaad-window.h"

struct _EdaadWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (EdaadWindow, edaad_window, ADW_TYPE_APPLICATION_WINDOW)

static void
edaad_window_class_init (EdaadWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-window.ui");
}

static void
edaad_window_init (EdaadWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

EdaadWindow *
edaad_window_new (EdaadApplication *application)
{
  return g_object_new (EDAAD_TYPE_WINDOW, "application", application, NULL);
}
