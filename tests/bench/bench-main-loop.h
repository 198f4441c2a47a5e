/* bench-main-loop.h — main-loop busy time of an operation until its frame is painted. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Counts the time the default main context spends blocked in poll() from now on, so that
 * waiting for the frame clock is not counted as work.  Call once, before any timing. */
void   bench_main_loop_init   (void);

/* Runs the main loop until `window` has painted a frame and nothing is pending (at most
 * five seconds); returns the busy milliseconds since `start` (a g_get_monotonic_time()
 * taken when the operation began, before it ran). */
double bench_main_loop_settle (GtkWidget *window,
                               gint64     start,
                               gint64     poll_start);

/* The time blocked in poll() so far (µs): pass it as `poll_start` with `start`. */
gint64 bench_main_loop_polled (void);

/* Prints "name median … min … max … (N runs)" (sorts `samples`, doubles in ms). */
void   bench_main_loop_report (const char *name,
                               GArray     *samples);

G_END_DECLS
