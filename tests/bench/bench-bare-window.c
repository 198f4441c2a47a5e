/* bench-bare-window.c — the yardstick bench-startup compares Edaad's start with.
 *
 * An AdwApplication that opens an empty AdwApplicationWindow of Edaad's default size (the
 * defaults of window-width and window-height in the GSettings schema), and reports its first
 * painted frame and peak memory through bench-first-frame.c.  Run it through bench-startup,
 * which sets BENCH_STARTUP_SPAWNED_US. */
#define G_LOG_DOMAIN "bench-bare-window"

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "bench-first-frame.h"

#define BARE_APPLICATION_ID "om.gov.mtcit.Edaad.BenchBareWindow"
#define DEFAULT_WIDTH 1100
#define DEFAULT_HEIGHT 720

static void
on_activate (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), DEFAULT_WIDTH, DEFAULT_HEIGHT);
  bench_first_frame_watch (GTK_WINDOW (window), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  setlocale (LC_ALL, "");

  application = adw_application_new (BARE_APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
