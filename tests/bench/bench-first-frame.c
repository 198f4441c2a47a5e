/* bench-first-frame.c — the first painted frame and the peak memory of a benchmark child.
 *
 * Shared by the children bench-startup compares (bench-bare-window, its own Edaad child and,
 * through bench-first-frame-preload.c, the reference applications), so that all are measured
 * by exactly the same code. */
#define G_LOG_DOMAIN "bench-first-frame"

#include "config.h"

#include "bench-first-frame.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Lower than anything GTK, GLib or the application schedules: an idle at this priority runs
 * only when no other work is ready, deferred idles at G_PRIORITY_LOW included. */
#define QUIET_PRIORITY (G_PRIORITY_LOW + 1000)
/* After going quiet, how long the child stays up so that any later frame or timer the
 * start-up set off (a second paint with deferred content, say) counts in its peak memory. */
#define SETTLE_MS 500

typedef struct
{
  GtkWindow *window;
  GApplication *application;
  GdkFrameClock *frame_clock;
  gulong realize_id;
  gulong after_paint_id;
  gint64 spawned_us;
  double first_frame_ms;
  double first_frame_cpu_ms;
  double quiet_ms;
  gint64 peak_frame_kib;
  const char *renderer;
} Watch;

/* VmHWM, the peak resident set size of this process, in KiB; -1 if unknown. */
static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmHWM:");
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("\nVmHWM:"), NULL, 10);
}

/* The CPU time this process (all its threads) has used so far, in ms. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
ms_since_spawn (Watch *watch)
{
  return (g_get_monotonic_time () - watch->spawned_us) / 1000.0;
}

static gboolean
settled_cb (gpointer user_data)
{
  Watch *watch = user_data;

  printf ("first-frame-ms %.2f\n", watch->first_frame_ms);
  printf ("first-frame-cpu-ms %.2f\n", watch->first_frame_cpu_ms);
  printf ("quiet-ms %.2f\n", watch->quiet_ms);
  printf ("peak-frame-kib %" G_GINT64_FORMAT "\n", watch->peak_frame_kib);
  printf ("peak-kib %" G_GINT64_FORMAT "\n", peak_rss_kib ());
  printf ("renderer %s\n", watch->renderer);
  fflush (stdout);

  /* A GTK program without a GApplication runs a main loop we cannot reach to leave: the
   * figures are out, so end the process the quickest way, as the parent only waits for it. */
  if (watch->application == NULL)
    _exit (0);
  g_application_quit (watch->application);
  g_clear_signal_handler (&watch->realize_id, watch->window);
  g_free (watch);
  return G_SOURCE_REMOVE;
}

static gboolean
settle_timeout_cb (gpointer user_data)
{
  /* Let whatever the timer set off finish first. */
  g_idle_add_full (QUIET_PRIORITY, settled_cb, user_data, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
quiet_cb (gpointer user_data)
{
  Watch *watch = user_data;

  watch->quiet_ms = ms_since_spawn (watch);
  g_timeout_add (SETTLE_MS, settle_timeout_cb, watch);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                Watch         *watch)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (watch->window));

  /* Only a frame painted on the mapped surface is one the user can see. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (watch->window)) || surface == NULL ||
      !gdk_surface_get_mapped (surface))
    return;

  watch->first_frame_ms = ms_since_spawn (watch);
  watch->first_frame_cpu_ms = process_cpu_ms ();
  watch->peak_frame_kib = peak_rss_kib ();
  /* Which renderer painted it: an application may choose its own (Edaad picks Cairo over
   * OpenGL rasterised in software), and that choice weighs on both time and memory. */
  watch->renderer = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (watch->window)));
  g_clear_signal_handler (&watch->after_paint_id, frame_clock);
  g_idle_add_full (QUIET_PRIORITY, quiet_cb, watch, NULL);
}

static void
on_realize (GtkWidget *widget,
            Watch     *watch)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

  if (watch->after_paint_id != 0)
    return;
  watch->frame_clock = gdk_surface_get_frame_clock (surface);
  watch->after_paint_id = g_signal_connect (watch->frame_clock, "after-paint",
                                            G_CALLBACK (on_after_paint), watch);
}

void
bench_first_frame_watch (GtkWindow    *window,
                         GApplication *application)
{
  const char *spawned = g_getenv (BENCH_FIRST_FRAME_SPAWNED_ENV);
  char *end = NULL;
  Watch *watch;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (application == NULL || G_IS_APPLICATION (application));

  watch = g_new0 (Watch, 1);
  watch->window = window;
  watch->application = application;
  if (spawned != NULL)
    watch->spawned_us = g_ascii_strtoll (spawned, &end, 10);
  if (spawned == NULL || end == spawned || *end != '\0' || watch->spawned_us <= 0 ||
      watch->spawned_us > g_get_monotonic_time ())
    {
      g_printerr ("%s: %s must hold the parent's g_get_monotonic_time () at spawn; "
                  "run this through bench-startup\n",
                  g_get_prgname (), BENCH_FIRST_FRAME_SPAWNED_ENV);
      exit (2);
    }

  /* The window outlives the watch: the application quits once the watch has printed. */
  watch->realize_id = g_signal_connect_after (window, "realize", G_CALLBACK (on_realize), watch);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window), watch);
}
