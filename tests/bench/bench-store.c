/* bench-store.c — how fast the local store answers at realistic and large sizes.
 *
 * Built with the tests but not registered as one (it takes a while and prints timings).
 * Run it from a build directory:
 *
 *     ninja -C build tests/bench/bench-store
 *     build/tests/bench/bench-store                 # 10,000 plans (+ children, services)
 *     build/tests/bench/bench-store --plans 100000  # the large case
 *     meson test -C build --benchmark --verbose      # the same, 10,000 plans
 *
 * It fills a fresh SQLite store in a temporary directory through the real store API
 * (edaad_store_run_batch + edaad_store_put_synced): N plans with 5 milestones, 5 risks and
 * 5 stakeholders each, and N/2 services, with varied English and Arabic text.  Then it
 * times each operation the UI performs, `--runs` times (default 25), and prints the median
 * and 95th percentile in milliseconds, one line per operation.  A measurement stops repeating
 * once it has used `--budget` seconds (default 15), so a pathological case still finishes;
 * its line then shows fewer runs.  The directory is removed at the end unless --keep is
 * given; `--db FILE` generates into FILE and keeps it, or reuses FILE when it exists (the
 * edits of an earlier run are then part of the data).
 */
#include "config.h"

#include "bench-data.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "edaad-record-list.h"
#include "edaad-store.h"
#include "edaad-uuid.h"

/* The dates are fixed so that every run sees the same data. */
#define FIRST_ITEMS 50
#define SEARCH_LIMIT 50

static gint64 budget_us = 15 * G_USEC_PER_SEC;
/* Makes every edit of this invocation a real change, also on a reused database. */
static gint64 nonce;
static gint64 measurement_start;

/* Starts a measurement: its repetitions share one time budget. */
static void
begin_measurement (void)
{
  measurement_start = g_get_monotonic_time ();
}

static gboolean
within_budget (void)
{
  return g_get_monotonic_time () - measurement_start < budget_us;
}

/* ---- timing ---- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
report (const char *label,
        GArray     *samples)
{
  double median;
  double p95;
  guint n = samples->len;

  g_array_sort (samples, compare_doubles);
  median = n % 2 == 1 ? g_array_index (samples, double, n / 2)
                      : (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
  p95 = g_array_index (samples, double, MIN (n - 1, (guint) (0.95 * n + 0.5) - (n > 0 ? 1 : 0)));
  printf ("%-46s median %8.2f ms   p95 %8.2f ms   (n=%u)\n", label, median, p95, n);
  fflush (stdout);
  g_array_set_size (samples, 0);
  begin_measurement ();
}

static void
add_sample (GArray *samples,
            gint64  start_us)
{
  double ms = (g_get_monotonic_time () - start_us) / 1000.0;

  g_array_append_val (samples, ms);
}

/* What a list view does after a change: learn the size and build the first rows. */
static void
materialise (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < MIN (n, FIRST_ITEMS); i++)
    g_object_unref (g_list_model_get_item (model, i));
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-store: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

static void
remove_dir (const char *dir)
{
  const char *name;
  GDir *d = g_dir_open (dir, 0, NULL);

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_dir_close (d);
  g_rmdir (dir);
}

static void
bench_search (EdaadStore *store,
              GArray     *samples,
              guint       runs,
              const char *label,
              const char *text)
{
  g_autofree char *full = NULL;
  guint hits = 0;

  for (guint r = 0; r < runs && within_budget (); r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) result = NULL;
      gint64 start = g_get_monotonic_time ();

      result = edaad_store_search (store, text, SEARCH_LIMIT, &error);
      add_sample (samples, start);
      if (result == NULL)
        die ("search", error);
      hits = result->len;
    }
  full = g_strdup_printf ("%s \"%s\" (%u hits)", label, text, hits);
  report (full, samples);
}

static void
bench_edit (EdaadStore *store,
            GArray     *samples,
            guint       runs,
            GPtrArray  *plan_ids,
            guint       first,
            gboolean    same_plan,
            const char *label)
{
  for (guint r = 0; r < runs && within_budget (); r++)
    {
      g_autoptr(GError) error = NULL;
      const char *id = g_ptr_array_index (plan_ids, same_plan ? first : (first + r) % plan_ids->len);
      g_autoptr(EdaadRecord) plan = edaad_store_get (store, "plan", id, &error);
      g_autofree char *summary = NULL;
      gint64 start;

      if (plan == NULL)
        die ("get plan", error);
      summary = g_strdup_printf ("Summary revised, run %u of %" G_GINT64_FORMAT, r, nonce);
      edaad_record_set_string (plan, "summary", summary);
      start = g_get_monotonic_time ();
      if (!edaad_store_save (store, plan, &error))
        die ("save", error);
      add_sample (samples, start);
    }
  report (label, samples);
}

int
main (int   argc,
      char *argv[])
{
  int plans = 10000;
  int runs_option = 25;
  double budget = 15;
  g_autofree char *db_option = NULL;
  gboolean keep = FALSE;
  GOptionEntry entries[] = {
    { "plans", 'p', 0, G_OPTION_ARG_INT, &plans, "Number of plans (default 10000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs_option, "Repetitions per measurement (default 25)", "R" },
    { "budget", 'b', 0, G_OPTION_ARG_DOUBLE, &budget, "Seconds one measurement may take (default 15)", "S" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_option, "Generate into (or reuse) this database file", "FILE" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the database directory", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the Edaad store");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GPtrArray) plan_ids = g_ptr_array_new_with_free_func (g_free);
  guint n_plans = 0;
  guint n_services = 0;
  gboolean reuse = FALSE;
  double first_open;
  guint runs;
  gint64 start;
  double seconds;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (plans < 10 || runs_option < 1 || budget <= 0)
    {
      g_printerr ("bench-store: --plans must be at least 10, --runs at least 1, --budget positive\n");
      return 2;
    }
  runs = (guint) runs_option;
  nonce = g_get_real_time ();
  budget_us = (gint64) (budget * G_USEC_PER_SEC);

  if (db_option != NULL)
    {
      reuse = g_file_test (db_option, G_FILE_TEST_EXISTS);
      path = g_strdup (db_option);
      keep = TRUE;
    }
  else
    {
      dir = g_dir_make_tmp ("edaad-bench-XXXXXX", &error);
      if (dir == NULL)
        die ("temporary directory", error);
      path = g_build_filename (dir, "edaad.db", NULL);
    }
  wal = g_strconcat (path, "-wal", NULL);
  start = g_get_monotonic_time ();
  store = edaad_store_open (path, &error);
  if (store == NULL)
    die ("open", error);
  first_open = (g_get_monotonic_time () - start) / 1000.0;

  /* ---- generation ---- */
  start = g_get_monotonic_time ();
  if (reuse)
    {
      g_autoptr(EdaadRecordList) all = edaad_record_list_new (store, "plan");

      /* The plans of an earlier run, in creation order (their ids are UUIDv7). */
      edaad_record_list_set_sort (all, "created_at", FALSE);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
        {
          g_autoptr(EdaadRecord) plan = g_list_model_get_item (G_LIST_MODEL (all), i);
          g_ptr_array_add (plan_ids, g_strdup (edaad_record_get_id (plan)));
        }
      n_plans = plan_ids->len;
      n_services = (guint) edaad_store_count_live (store, "service", NULL);
      if (n_plans == 0)
        {
          g_printerr ("bench-store: %s has no plans\n", path);
          return 1;
        }
    }
  else
    {
      n_plans = (guint) plans;
      n_services = n_plans / 2;
      if (!bench_data_generate (store, n_plans, plan_ids, &error))
        die ("generate", error);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;

  /* Checkpoint the WAL so that the sizes are of the database, then reopen cold. */
  g_clear_object (&store);
  printf ("bench-store: %u plans, %u milestones, %u risks, %u stakeholders, %u services\n",
          n_plans, 5 * n_plans, 5 * n_plans, 5 * n_plans, n_services);
  printf ("nproc %ld, %s in %.1f s (first open %.0f ms), database %.1f MiB (+ WAL %.1f MiB), "
          "%u runs each (budget %.0f s)\n",
          sysconf (_SC_NPROCESSORS_ONLN), reuse ? "reused" : "generated", seconds, first_open,
          file_size (path) / 1048576.0, file_size (wal) / 1048576.0, runs, budget);
  fflush (stdout);
  begin_measurement ();

  /* ---- open ---- */
  for (guint r = 0; r < runs && within_budget (); r++)
    {
      g_clear_object (&store);
      start = g_get_monotonic_time ();
      store = edaad_store_open (path, &error);
      add_sample (samples, start);
      if (store == NULL)
        die ("reopen", error);
    }
  report ("store open (close + reopen)", samples);

  /* ---- the plans list ---- */
  for (guint r = 0; r < runs && within_budget (); r++)
    {
      g_autoptr(EdaadRecordList) list = NULL;

      start = g_get_monotonic_time ();
      list = edaad_record_list_new (store, "plan");
      materialise (G_LIST_MODEL (list));
      add_sample (samples, start);
    }
  report ("plans list: first load (+50 items)", samples);

  {
    g_autoptr(EdaadRecordList) list = edaad_record_list_new (store, "plan");
    const char * const typed[] = { "d", "di", "dig", "digi", "digit", "digital", "ا", "ال", "الر", "الرقمي" };
    const char * const statuses[] = { "approved", "implementing", "draft" };
    g_autofree char *label = NULL;

    materialise (G_LIST_MODEL (list));
    for (guint r = 0; r < runs && within_budget (); r++)
      {
        for (guint i = 0; i < G_N_ELEMENTS (typed) && within_budget (); i++)
          {
            start = g_get_monotonic_time ();
            edaad_record_list_set_text (list, typed[i]);
            materialise (G_LIST_MODEL (list));
            add_sample (samples, start);
          }
        edaad_record_list_set_text (list, NULL);
      }
    report ("plans list: type-ahead filter (per keystroke)", samples);

    for (guint r = 0; r < runs && within_budget (); r++)
      {
        start = g_get_monotonic_time ();
        edaad_record_list_set_equals (list, "status", statuses[r % G_N_ELEMENTS (statuses)]);
        materialise (G_LIST_MODEL (list));
        add_sample (samples, start);
      }
    label = g_strdup_printf ("plans list: status filter (%u rows)", g_list_model_get_n_items (G_LIST_MODEL (list)));
    report (label, samples);
    edaad_record_list_set_equals (list, "status", NULL);

    for (guint r = 0; r < runs && within_budget (); r++)
      {
        start = g_get_monotonic_time ();
        edaad_record_list_set_sort (list, "due_on", r % 2 == 1);
        materialise (G_LIST_MODEL (list));
        add_sample (samples, start);
      }
    report ("plans list: sort by due date", samples);

    /* An edit while the list is shown (sorted by title): the save, the ::changed
     * refresh and the rows the view rebuilds. */
    edaad_record_list_set_sort (list, "title", FALSE);
    materialise (G_LIST_MODEL (list));
    for (guint r = 0; r < runs && within_budget (); r++)
      {
        const char *id = g_ptr_array_index (plan_ids, (r * 7919) % plan_ids->len);
        g_autoptr(EdaadRecord) plan = edaad_store_get (store, "plan", id, &error);
        g_autofree char *title = NULL;

        if (plan == NULL)
          die ("get plan", error);
        /* Odd runs move the row in the sort order; even runs keep it in place. */
        title = r % 2 == 1 ? g_strdup_printf ("Zeta relocated plan %u of %" G_GINT64_FORMAT, r, nonce)
                           : g_strdup_printf ("%s ", edaad_record_get_string (plan, "title"));
        edaad_record_set_string (plan, "title", title);
        start = g_get_monotonic_time ();
        if (!edaad_store_save (store, plan, &error))
          die ("save", error);
        materialise (G_LIST_MODEL (list));
        add_sample (samples, start);
      }
    report ("plans list: edit + refresh (list shown)", samples);
  }

  /* ---- search ---- */
  bench_search (store, samples, runs, "search: common word", "digital");
  bench_search (store, samples, runs, "search: rare word", "quokka");
  bench_search (store, samples, runs, "search: Arabic word", "الرقمي");
  bench_search (store, samples, runs, "search: 2-letter prefix", "tr");

  /* ---- dashboard ---- */
  for (guint r = 0; r < runs && within_budget (); r++)
    {
      g_autoptr(GHashTable) counts = NULL;

      start = g_get_monotonic_time ();
      counts = edaad_store_count_by (store, "plan", "status", &error);
      add_sample (samples, start);
      if (counts == NULL)
        die ("count_by", error);
    }
  report ("count_by (plan, status)", samples);

  {
    guint n = 0;
    g_autofree char *label = NULL;

    for (guint r = 0; r < runs && within_budget (); r++)
      {
        g_autoptr(GPtrArray) due = NULL;

        start = g_get_monotonic_time ();
        due = edaad_store_upcoming_deadlines (store, BENCH_DATA_TODAY, 14, &error);
        add_sample (samples, start);
        if (due == NULL)
          die ("upcoming_deadlines", error);
        n = due->len;
      }
    label = g_strdup_printf ("upcoming deadlines, 14 days (%u items)", n);
    report (label, samples);
  }

  /* ---- edits (no list open) ---- */
  bench_edit (store, samples, runs, plan_ids, plan_ids->len / 3, FALSE,
              "edit: save one field (new outbox entry)");
  bench_edit (store, samples, runs, plan_ids, plan_ids->len / 3, TRUE,
              "edit: save one field (fold into unsent)");

  g_clear_object (&store);
  if (keep)
    printf ("database kept: %s\n", path);
  else
    remove_dir (dir);

  return 0;
}
