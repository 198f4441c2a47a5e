/* bench-main-loop.c — main-loop busy time of an operation until its frame is painted.
 *
 * Busy time is wall time minus the time spent blocked in poll(): what the application did
 * on the main thread (its own code, GTK's layout and drawing) and not the wait for the
 * next tick of the frame clock. */
#include "config.h"

#include "bench-main-loop.h"

static gint64 poll_us;
static GPollFunc default_poll;
static gboolean painted;

static int
timed_poll (GPollFD *fds,
            guint    nfds,
            int      timeout)
{
  gint64 start = g_get_monotonic_time ();
  int result = default_poll (fds, nfds, timeout);

  poll_us += g_get_monotonic_time () - start;
  return result;
}

void
bench_main_loop_init (void)
{
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
}

gint64
bench_main_loop_polled (void)
{
  return poll_us;
}

static void
on_after_paint (GdkFrameClock *clock)
{
  painted = TRUE;
}

/* Wakes the blocking iteration, so the deadline is checked even if no frame comes. */
static gboolean
keep_waking (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

double
bench_main_loop_settle (GtkWidget *window,
                        gint64     start,
                        gint64     poll_start)
{
  gint64 deadline = start + 5 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, keep_waking, NULL);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler = 0;

  if (clock != NULL)
    handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, !painted);
      if (painted && !g_main_context_pending (NULL))
        break;
      if (handler == 0 && (clock = gtk_widget_get_frame_clock (window)) != NULL)
        handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
    }
  g_source_remove (wake);
  if (handler != 0)
    g_signal_handler_disconnect (clock, handler);
  return ((g_get_monotonic_time () - start) - (poll_us - poll_start)) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

void
bench_main_loop_report (const char *name,
                        GArray     *samples)
{
  g_array_sort (samples, compare_doubles);
  g_print ("%-10s median %7.2f ms  min %7.2f  max %7.2f  (%u runs)\n", name,
           g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, 0),
           g_array_index (samples, double, samples->len - 1), samples->len);
}
