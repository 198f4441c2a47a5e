/* bench-first-frame.h — what a bench-startup child measures about itself. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The parent puts its CLOCK_MONOTONIC time (g_get_monotonic_time, µs) in this variable
 * just before it spawns the child: the child's times are counted from there. */
#define BENCH_FIRST_FRAME_SPAWNED_ENV "BENCH_STARTUP_SPAWNED_US"

/* Watches `window` until its surface, mapped, has painted its first frame; then waits until
 * the main loop has nothing left to do (any work deferred past the first frame included),
 * prints on stdout
 *
 *     first-frame-ms      <ms from spawn to the end of the first painted frame>
 *     first-frame-cpu-ms  <CPU time the process (all its threads) had used by then>
 *     quiet-ms            <ms from spawn until the main loop first went idle after that frame>
 *     peak-frame-kib      <peak resident set size (VmHWM) at the first frame>
 *     peak-kib            <VmHWM once the application has settled>
 *     renderer            <the type name of the GskRenderer that painted the first frame>
 *
 * and quits `application`, or, when it is NULL (an application that is not ours, watched
 * through bench-first-frame-preload.c, may have none), ends the process with status 0.
 * Exits the process with status 2 when the variable above is missing or malformed. */
void bench_first_frame_watch (GtkWindow    *window,
                              GApplication *application);

G_END_DECLS
