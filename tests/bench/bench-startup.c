/* bench-startup.c — Edaad's start to first frame and peak memory, against a bare window.
 *
 * Built with the tests but not registered as one (it takes a minute and prints figures).
 * It needs a display; on these machines run it under Xvfb from the source directory:
 *
 *     ninja -C build tests/bench/bench-startup tests/bench/bench-bare-window \
 *       tests/bench/libbench-first-frame-preload.so
 *     xvfb-run -a -s "-screen 0 1280x1024x24" build/tests/bench/bench-startup
 *     xvfb-run -a -s "-screen 0 1280x1024x24" build/tests/bench/bench-startup --cairo --db /tmp/big.db
 *     xvfb-run -a -s "-screen 0 1280x1024x24" build/tests/bench/bench-startup --cairo --reference
 *
 * It fills a database through the real store API (bench-data.c: 10,000 plans, with 50,000
 * milestones, 50,000 risks and 50,000 stakeholders, and 5,000 services), or reuses the one
 * given with --db (generating into it when it does not exist).  Then it starts, each in a
 * process of its own so that the memory figures are honest,
 *
 *   - bench-bare-window: an AdwApplication with an empty AdwApplicationWindow,
 *   - itself with --edaad-child: the real EdaadApplication (edaad_application_new) run with
 *     --database FILE, as `edaad --database FILE` would, and
 *   - with --reference, the GNOME applications the target's issue measured the same way
 *     (there: gnome-calculator in 1.10× the bare window's time, gnome-text-editor in 1.23×),
 *     when they are in PATH (`apt-get install gnome-calculator gnome-text-editor`; they are
 *     for this benchmark only, not build or CI dependencies): `gnome-calculator` and
 *     `gnome-text-editor --standalone` (a new instance, no session restored, no file opened),
 *     each with libbench-first-frame-preload.so in LD_PRELOAD, which watches the first
 *     window they map with the same code as our children and quits them;
 *     a missing one is skipped with a line that says how to install it,
 *
 * one warm-up round (discarded) and then --runs rounds of one start of each, the order
 * rotating from round to round (for the two of a plain run: alternating which goes first).
 * Each child reports the time from the moment the parent spawned it to the end of the first
 * frame painted on its mapped window, the CPU time it had used by then, the time until its
 * main loop first went idle after that, its peak resident set size (VmHWM) once it has
 * settled, and which renderer painted (bench-first-frame.c).  The parent prints the
 * machine's load average, the renderers, the medians and Edaad's ratios to the bare window
 * with the targets (≤ 1.15× for both); with --reference, the same ratios for each reference
 * application, so that Edaad's are judged against theirs measured on the same machine at
 * the same time.  Compare the ratios of one run, never absolute times across runs; on a
 * busy machine (load average near or above the number of cores) the wall-clock ratio swings
 * by ±0.2 from one run to the next, and the CPU-time ratio is the steadier guide to what a
 * change did.
 *
 * The children see the build's GSettings schemas with the memory backend and a private
 * $XDG_{CONFIG,CACHE,DATA}_HOME, so nothing needs to be installed and nothing of the user's is
 * read or written; the reference applications get the same environment.  GSK_RENDERER is left
 * as it is; --cairo measures again with it set to cairo.  Left alone, each application picks
 * its renderer: Edaad takes Cairo where OpenGL is rasterised in software (as under Xvfb),
 * GTK 4.8 and so the bare window and the reference applications take OpenGL, which costs
 * them time and memory; the --cairo figures are the like-for-like comparison there.
 * Both our applications get ids of their own, so a running Edaad is never asked to do the
 * work.
 * --keep keeps the generated database (its path is printed) for a later --db.
 */
#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench-data.h"
#include "bench-first-frame.h"
#include "edaad-application.h"
#include "edaad-store.h"
#include "edaad-window.h"

#define EDAAD_CHILD_ARG "--edaad-child"
#define EDAAD_CHILD_APPLICATION_ID APPLICATION_ID ".BenchStartup"
#define TARGET_RATIO 1.15

/* ---- the Edaad child ---- */

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window)
{
  static gboolean watching;

  if (!EDAAD_IS_WINDOW (window))
    {
      /* The error dialog that replaces the window when the store cannot be opened. */
      g_printerr ("bench-startup: Edaad opened a %s instead of its window: is the database usable?\n",
                  G_OBJECT_TYPE_NAME (window));
      exit (1);
    }
  if (!watching)
    bench_first_frame_watch (window, G_APPLICATION (application));
  watching = TRUE;
}

/* What src/main.c does, with the first frame watched.  argv: the program, then Edaad's own
 * options (--database FILE). */
static int
run_edaad_child (int   argc,
                 char *argv[])
{
  g_autoptr(EdaadApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = edaad_application_new ();
  g_application_set_application_id (G_APPLICATION (application), EDAAD_CHILD_APPLICATION_ID);
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}

/* ---- the parent ---- */

typedef struct
{
  double first_frame_ms;
  double first_frame_cpu_ms;
  double quiet_ms;
  double peak_frame_mib;
  double peak_mib;
  const char *renderer;   /* interned */
} Sample;

/* A GNOME application measured beside Edaad with --reference, through
 * bench-first-frame-preload.c.  Both are GTK 4 + libadwaita applications of Debian 12. */
typedef struct
{
  const char *program;
  const char *option;   /* what makes it a new instance with nothing to restore, or NULL */
  double issue_ratio;   /* its start ratio to the bare window quoted by the target's issue */
} Reference;

static const Reference references[] = {
  /* Non-unique by itself (each start is a process of its own, even beside a running one),
   * and nothing to restore. */
  { "gnome-calculator", NULL, 1.10 },
  /* A new instance that neither restores the last session nor opens a file: an empty draft. */
  { "gnome-text-editor", "--standalone", 1.23 },
};

#define PRELOAD_LIBRARY "libbench-first-frame-preload.so"

typedef struct
{
  const char *label;
  const Reference *reference;   /* NULL for the bare window and Edaad */
  const char * const *argv;
  const char *preload;   /* LD_PRELOAD for the child, or NULL */
  GArray *samples;       /* of Sample */
} Series;

typedef struct
{
  GMainLoop *loop;
  char *output;
  GError *error;
  gboolean timed_out;
} Child;

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-startup: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
on_child_output (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Child *child = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &child->output, NULL,
                                        &child->error);
  g_main_loop_quit (child->loop);
}

static gboolean
on_child_timeout (gpointer user_data)
{
  Child *child = user_data;

  child->timed_out = TRUE;
  g_main_loop_quit (child->loop);
  return G_SOURCE_REMOVE;
}

/* The rest of the line that starts with `key` and a space, or NULL. */
static char *
find_value (const char *output,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  size_t key_len = strlen (key);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], key, key_len) == 0 && lines[i][key_len] == ' ')
      return g_strdup (lines[i] + key_len + 1);
  return NULL;
}

static gboolean
parse_value (const char *output,
             const char *key,
             double     *value)
{
  g_autofree char *text = find_value (output, key);
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && *value >= 0;
}

/* Starts one child of `series` and waits for its figures; `gsk_renderer` NULL leaves
 * GSK_RENDERER alone. */
static Sample
run_child (const Series *series,
           const char   *home,
           const char   *gsk_renderer,
           guint         timeout_s)
{
  const char * const *argv = series->argv;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *spawned = NULL;
  g_autofree char *renderer = NULL;
  Child child = { 0 };
  Sample sample = { 0 };
  double kib;
  guint timeout_id;

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  if (gsk_renderer != NULL)
    g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", gsk_renderer, TRUE);
  if (series->preload != NULL)
    g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", series->preload, TRUE);

  spawned = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  g_subprocess_launcher_setenv (launcher, BENCH_FIRST_FRAME_SPAWNED_ENV, spawned, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    die (argv[0], error);

  child.loop = g_main_loop_new (NULL, FALSE);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_child_output, &child);
  timeout_id = g_timeout_add_seconds (timeout_s, on_child_timeout, &child);
  g_main_loop_run (child.loop);
  if (child.timed_out)
    {
      g_subprocess_force_exit (process);
      g_printerr ("bench-startup: %s showed no frame within %u s (is there a display?)\n",
                  argv[0], timeout_s);
      exit (1);
    }
  g_source_remove (timeout_id);
  g_main_loop_unref (child.loop);
  if (child.error != NULL)
    die (argv[0], child.error);
  if (!g_subprocess_wait_check (process, NULL, &error))
    die (argv[0], error);

  if (!parse_value (child.output, "first-frame-ms", &sample.first_frame_ms) ||
      !parse_value (child.output, "first-frame-cpu-ms", &sample.first_frame_cpu_ms) ||
      !parse_value (child.output, "quiet-ms", &sample.quiet_ms) ||
      !parse_value (child.output, "peak-frame-kib", &kib))
    {
      g_printerr ("bench-startup: %s printed no figures:\n%s\n", argv[0], child.output);
      exit (1);
    }
  sample.peak_frame_mib = kib / 1024;
  if (!parse_value (child.output, "peak-kib", &kib))
    {
      g_printerr ("bench-startup: %s printed no peak memory:\n%s\n", argv[0], child.output);
      exit (1);
    }
  sample.peak_mib = kib / 1024;
  renderer = find_value (child.output, "renderer");
  sample.renderer = g_intern_string (renderer != NULL ? renderer : "(not reported)");
  g_free (child.output);
  return sample;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The median of one field of the samples. */
static double
median_of (GArray *samples,
           size_t  offset)
{
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (double), samples->len);
  guint n = samples->len;

  for (guint i = 0; i < n; i++)
    {
      const Sample *sample = &g_array_index (samples, Sample, i);
      double value = *(const double *) ((const char *) sample + offset);

      g_array_append_val (values, value);
    }
  g_array_sort (values, compare_doubles);
  return n % 2 == 1 ? g_array_index (values, double, n / 2)
                    : (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

#define MEDIAN(series, field) median_of ((series)->samples, G_STRUCT_OFFSET (Sample, field))

static void
print_runs (const Series *series,
            int           width)
{
  printf ("  %-*s first frame ms:", width, series->label);
  for (guint i = 0; i < series->samples->len; i++)
    printf (" %.0f", g_array_index (series->samples, Sample, i).first_frame_ms);
  printf ("\n  %-*s CPU ms:       ", width, "");
  for (guint i = 0; i < series->samples->len; i++)
    printf (" %.0f", g_array_index (series->samples, Sample, i).first_frame_cpu_ms);
  printf ("\n  %-*s peak MiB:     ", width, "");
  for (guint i = 0; i < series->samples->len; i++)
    printf (" %.1f", g_array_index (series->samples, Sample, i).peak_mib);
  printf ("\n");
}

static void
print_median (const Series *series,
              int           width)
{
  printf ("  %-*s %12.1f %12.1f %12.1f %12.1f %12.1f\n", width, series->label,
          MEDIAN (series, first_frame_ms), MEDIAN (series, first_frame_cpu_ms),
          MEDIAN (series, quiet_ms), MEDIAN (series, peak_frame_mib), MEDIAN (series, peak_mib));
}

/* Which renderer painted each application's first frames: GSK_RENDERER unset, each chooses
 * its own (Edaad prefers Cairo to OpenGL rasterised in software), so the figures compare
 * renderers as well as applications. */
static void
print_renderers (const Series *series,
                 guint         n_series)
{
  printf ("  renderer:");
  for (guint s = 0; s < n_series; s++)
    {
      GArray *samples = series[s].samples;
      const char *renderer = g_array_index (samples, Sample, 0).renderer;

      for (guint i = 1; i < samples->len; i++)
        if (g_array_index (samples, Sample, i).renderer != renderer)
          renderer = "(varied)";
      printf ("%s %s %s", s > 0 ? "," : "", series[s].label, renderer);
    }
  printf ("\n");
}

/* One application's ratios to the bare window, in the columns of the table below. */
static void
print_ratios (const Series *series,
              const Series *bare,
              int           width)
{
  printf ("  %-*s %12.2f %12.2f %12.2f %12.2f\n", width, series->label,
          MEDIAN (series, first_frame_ms) / MEDIAN (bare, first_frame_ms),
          MEDIAN (series, first_frame_cpu_ms) / MEDIAN (bare, first_frame_cpu_ms),
          MEDIAN (series, quiet_ms) / MEDIAN (bare, quiet_ms),
          MEDIAN (series, peak_mib) / MEDIAN (bare, peak_mib));
}

/* The machine's load average: times measured on a busy machine are longer and noisier. */
static void
print_load (const char *when)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    {
      g_auto(GStrv) fields = g_strsplit (loadavg, " ", 4);

      if (g_strv_length (fields) >= 3)
        printf ("  load average %s: %s %s %s\n", when, fields[0], fields[1], fields[2]);
    }
}

/* One warm-up round (discarded), then `runs` rounds of one start of each series, the order
 * rotating from one round to the next so that no application always follows the same one
 * (with the two series of a plain run: alternating which goes first); prints the medians and
 * the ratios.  series[0] is the bare window, series[1] Edaad, any others reference
 * applications.  Returns whether Edaad met both targets. */
static gboolean
measure (Series     *series,
         guint       n_series,
         const char *home,
         const char *renderer,
         guint       runs,
         guint       timeout_s)
{
  const Series *bare = &series[0];
  const Series *edaad = &series[1];
  int width = 12;
  double time_ratio;
  double memory_ratio;
  gboolean met;

  g_assert (n_series >= 2);

  for (guint s = 0; s < n_series; s++)
    {
      width = MAX (width, (int) strlen (series[s].label));
      g_array_set_size (series[s].samples, 0);
    }

  printf ("\nGSK_RENDERER=%s: 1 warm-up %s (discarded), then %u runs each\n",
          renderer != NULL ? renderer : g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER")
                                                                         : "(unset, GTK's default)",
          n_series == 2 ? "pair" : "round", runs);
  print_load ("before");
  fflush (stdout);
  for (guint s = 0; s < n_series; s++)
    run_child (&series[s], home, renderer, timeout_s);

  for (guint i = 0; i < runs; i++)
    for (guint k = 0; k < n_series; k++)
      {
        Series *next = &series[(i + k) % n_series];
        Sample sample = run_child (next, home, renderer, timeout_s);

        g_array_append_val (next->samples, sample);
      }

  print_load ("after");
  print_renderers (series, n_series);
  for (guint s = 0; s < n_series; s++)
    print_runs (&series[s], width);
  printf ("  %-*s first frame ms   CPU@frame ms   quiet ms   peak@frame MiB   peak MiB\n",
          width, "medians");
  for (guint s = 0; s < n_series; s++)
    print_median (&series[s], width);

  time_ratio = MEDIAN (edaad, first_frame_ms) / MEDIAN (bare, first_frame_ms);
  memory_ratio = MEDIAN (edaad, peak_mib) / MEDIAN (bare, peak_mib);
  met = time_ratio <= TARGET_RATIO && memory_ratio <= TARGET_RATIO;
  printf ("  start to first frame: %.2f× the bare window (target ≤ %.2f×) %s\n",
          time_ratio, TARGET_RATIO, time_ratio <= TARGET_RATIO ? "met" : "MISSED");
  printf ("  peak memory:          %.2f× the bare window (target ≤ %.2f×) %s\n",
          memory_ratio, TARGET_RATIO, memory_ratio <= TARGET_RATIO ? "met" : "MISSED");
  printf ("  until idle:           %.2f× the bare window (for information)\n",
          MEDIAN (edaad, quiet_ms) / MEDIAN (bare, quiet_ms));
  /* CPU time counts what each start did, whatever else the machine was doing: on a busy
   * machine it is the steadier figure for comparing one change with the next. */
  printf ("  CPU to first frame:   %.2f× the bare window (for information)\n",
          MEDIAN (edaad, first_frame_cpu_ms) / MEDIAN (bare, first_frame_cpu_ms));

  if (n_series > 2)
    {
      /* The same ratios for the reference applications, measured in the same rounds: Edaad's
       * are judged against these, not against figures taken elsewhere. */
      printf ("  ratios to the bare window (medians)\n");
      printf ("  %-*s  first frame    CPU@frame   until idle     peak MiB\n", width, "");
      for (guint s = 1; s < n_series; s++)
        print_ratios (&series[s], bare, width);
      for (guint s = 2; s < n_series; s++)
        {
          const Reference *reference = series[s].reference;

          printf ("  %s: start %.2f× the bare window here, %.2f× in the issue; "
                  "Edaad's start is %.2f× its start\n",
                  reference->program,
                  MEDIAN (&series[s], first_frame_ms) / MEDIAN (bare, first_frame_ms),
                  reference->issue_ratio,
                  MEDIAN (edaad, first_frame_ms) / MEDIAN (&series[s], first_frame_ms));
        }
    }
  fflush (stdout);
  return met;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

/* Opens `path` (generating `plans` plans into it when it is new) and prints what it holds. */
static void
prepare_database (const char *path,
                  int         plans)
{
  static const char * const kinds[] = { "plan", "milestone", "risk", "stakeholder", "service" };
  g_autoptr(EdaadStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean reuse = g_file_test (path, G_FILE_TEST_EXISTS);
  gint64 start = g_get_monotonic_time ();

  store = edaad_store_open (path, &error);
  if (store == NULL)
    die (path, error);
  if (!reuse)
    {
      printf ("generating %d plans into %s…\n", plans, path);
      fflush (stdout);
      if (!bench_data_generate (store, (guint) plans, NULL, &error))
        die ("generate", error);
    }

  printf ("database %s (%s in %.1f s):", path, reuse ? "reused" : "generated",
          (g_get_monotonic_time () - start) / 1e6);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gint64 n = edaad_store_count_live (store, kinds[i], &error);

      if (n < 0)
        die ("count", error);
      printf ("%s %" G_GINT64_FORMAT " %s", i > 0 ? "," : "", n, kinds[i]);
    }
  printf ("\n");
  fflush (stdout);
  /* Closing checkpoints the WAL: every child starts from the same file. */
}

int
main (int   argc,
      char *argv[])
{
  int plans = 10000;
  int runs = 7;
  int timeout = 60;
  gboolean cairo = FALSE;
  gboolean keep = FALSE;
  gboolean reference = FALSE;
  g_autofree char *db_option = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_option, "Reuse this database (generated into it when missing)", "FILE" },
    { "plans", 'p', 0, G_OPTION_ARG_INT, &plans, "Plans to generate (default 10000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Measured starts of each application (default 7)", "N" },
    { "cairo", 0, 0, G_OPTION_ARG_NONE, &cairo, "Measure again with GSK_RENDERER=cairo", NULL },
    { "reference", 0, 0, G_OPTION_ARG_NONE, &reference,
      "Measure gnome-calculator and gnome-text-editor too, when installed", NULL },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the generated database", NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, "Seconds a child may take (default 60)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exe = NULL;
  g_autofree char *exe_dir = NULL;
  g_autofree char *bare_exe = NULL;
  g_autofree char *preload = NULL;
  g_autoptr(GPtrArray) reference_paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *home = NULL;
  g_autofree char *path = NULL;
  gboolean met;

  /* The Edaad child is this program started again. */
  if (argc > 1 && g_str_equal (argv[1], EDAAD_CHILD_ARG))
    {
      argv[1] = argv[0];
      return run_edaad_child (argc - 1, argv + 1);
    }

  context = g_option_context_new ("— Edaad's start-up against a bare libadwaita window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (plans < 10 || runs < 1 || timeout < 1)
    {
      g_printerr ("bench-startup: --plans must be at least 10, --runs and --timeout at least 1\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup: no display; run it under xvfb-run -a -s \"-screen 0 1280x1024x24\"\n");
      return 2;
    }

  exe = g_file_read_link ("/proc/self/exe", &error);
  if (exe == NULL)
    die ("/proc/self/exe", error);
  exe_dir = g_path_get_dirname (exe);
  bare_exe = g_build_filename (exe_dir, "bench-bare-window", NULL);
  if (!g_file_test (bare_exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("bench-startup: %s is missing; build it with ninja\n", bare_exe);
      return 2;
    }
  preload = g_build_filename (exe_dir, PRELOAD_LIBRARY, NULL);
  if (reference && !g_file_test (preload, G_FILE_TEST_EXISTS))
    {
      g_printerr ("bench-startup: %s is missing; build it with ninja\n", preload);
      return 2;
    }

  dir = g_dir_make_tmp ("edaad-bench-startup-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary directory", error);
  home = g_build_filename (dir, "home", NULL);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const folders[] = { "config", "cache", "data" };
      g_autofree char *folder = g_build_filename (home, folders[i], NULL);

      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          g_printerr ("bench-startup: could not create %s: %s\n", folder, g_strerror (errno));
          return 1;
        }
    }
  if (db_option != NULL)
    path = g_strdup (db_option);
  else
    path = g_build_filename (dir, "edaad.db", NULL);

  printf ("bench-startup: nproc %ld, display %s\n", sysconf (_SC_NPROCESSORS_ONLN),
          g_getenv ("WAYLAND_DISPLAY") != NULL ? g_getenv ("WAYLAND_DISPLAY") : g_getenv ("DISPLAY"));
  prepare_database (path, plans);

  {
    const char * const bare_argv[] = { bare_exe, NULL };
    const char * const edaad_argv[] = { exe, EDAAD_CHILD_ARG, "--database", path, NULL };
    const char *reference_argvs[G_N_ELEMENTS (references)][3] = { { NULL } };
    Series series[2 + G_N_ELEMENTS (references)] = {
      { "bare window", NULL, bare_argv, NULL, NULL },
      { "edaad", NULL, edaad_argv, NULL, NULL },
    };
    guint n_series = 2;

    for (guint i = 0; reference && i < G_N_ELEMENTS (references); i++)
      {
        char *program = g_find_program_in_path (references[i].program);

        if (program == NULL)
          {
            printf ("%s: not found in PATH, skipped (install it with: sudo apt-get install %s)\n",
                    references[i].program, references[i].program);
            continue;
          }
        g_ptr_array_add (reference_paths, program);
        reference_argvs[i][0] = program;
        reference_argvs[i][1] = references[i].option;
        series[n_series++] = (Series) { references[i].program, &references[i],
                                         reference_argvs[i], preload, NULL };
      }
    for (guint s = 0; s < n_series; s++)
      series[s].samples = g_array_new (FALSE, FALSE, sizeof (Sample));

    met = measure (series, n_series, home, NULL, (guint) runs, (guint) timeout);
    if (cairo)
      met = measure (series, n_series, home, "cairo", (guint) runs, (guint) timeout) && met;

    for (guint s = 0; s < n_series; s++)
      g_array_unref (series[s].samples);
  }

  if (db_option == NULL && keep)
    {
      remove_tree (home);
      printf ("database kept: %s\n", path);
    }
  else
    remove_tree (dir);

  /* Figures, not a verdict on the machine: a missed target is printed, not an error. */
  printf ("\n%s\n", met ? "all targets met" : "a target was MISSED");
  return 0;
}
