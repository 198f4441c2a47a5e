/* bench-first-frame-preload.c — bench-first-frame.c for GTK 4 applications that are not ours.
 *
 * Built as libbench-first-frame-preload.so (not installed).  bench-startup --reference starts
 * the reference applications (gnome-calculator, gnome-text-editor) with it in LD_PRELOAD, so
 * that they report their first frame and peak memory through exactly the code that measures
 * bench-bare-window and the Edaad child, and then quit.
 *
 * We cannot call bench_first_frame_watch () from the application's code, so the library's
 * constructor, which runs before the program's main (), adds an emission hook on
 * GtkWidget::map.  The first GtkWindow mapped is the one the application presents first: the
 * hook hands it to bench_first_frame_watch () with the process's default GApplication (the
 * first one created), which the watch quits once it has printed, as our children's
 * applications are quit.  Mapping implies realizing first, so the window has its surface and
 * frame clock by then, and the watch counts the first frame painted after that.
 *
 * Inert without BENCH_STARTUP_SPAWNED_US: a process that inherits LD_PRELOAD without being
 * measured is left alone. */
#define G_LOG_DOMAIN "bench-first-frame-preload"

#include "config.h"

#include <gtk/gtk.h>

#include "bench-first-frame.h"

static gboolean
on_map_emission (GSignalInvocationHint *hint,
                 guint                  n_param_values,
                 const GValue          *param_values,
                 gpointer               user_data)
{
  GObject *widget = g_value_get_object (&param_values[0]);

  /* Every widget's map comes through here; only a window's starts the watch. */
  if (!GTK_IS_WINDOW (widget))
    return TRUE;

  bench_first_frame_watch (GTK_WINDOW (widget), g_application_get_default ());
  return FALSE;   /* removes the hook: only the first window is watched */
}

__attribute__((constructor)) static void
bench_first_frame_preload_init (void)
{
  GTypeClass *widget_class;
  guint map_signal_id;

  if (g_getenv (BENCH_FIRST_FRAME_SPAWNED_ENV) == NULL)
    return;

  /* Processes the application starts (a helper, a spell checker) are not the one measured.
   * Nothing else runs yet, so changing the environment here races with no thread. */
  g_unsetenv ("LD_PRELOAD");

  /* A signal can only be looked up once its class exists.  Creating GtkWidget's class needs
   * no display (only gtk_init does), and it is created by the first widget anyway; the
   * reference lives as long as the process, like the class itself. */
  widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
  map_signal_id = g_signal_lookup ("map", G_TYPE_FROM_CLASS (widget_class));
  g_signal_add_emission_hook (map_signal_id, 0, on_map_emission, NULL, NULL);
}
