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

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "edaad-record-list.h"
#include "edaad-store.h"
#include "edaad-uuid.h"

/* The dates are fixed so that every run sees the same data. */
#define TODAY "2026-06-01"
#define FIRST_ITEMS 50
#define SEARCH_LIMIT 50

static const char * const en_verbs[] = {
  "Digitise", "Modernise", "Streamline", "Automate", "Integrate", "Consolidate",
  "Redesign", "Migrate", "Launch", "Transform", "Simplify", "Standardise",
};
static const char * const en_objects[] = {
  "licence renewal", "permit issuance", "records management", "procurement workflow",
  "payroll processing", "citizen feedback", "vehicle registration", "land registry",
  "customs clearance", "health certificates", "school enrolment", "pension payments",
  "water billing", "building permits", "visa applications", "business registration",
  "court filings", "fisheries licensing", "tourism permits", "social insurance",
};
static const char * const en_places[] = {
  "Muscat", "Dhofar", "Al Batinah", "Ad Dakhiliyah", "Ash Sharqiyah", "Al Wusta",
  "Musandam", "Al Buraimi", "Adh Dhahirah", "the portal", "the ministry", "all governorates",
};
static const char * const en_words[] = {
  "stakeholders", "training", "adoption", "readiness", "resistance", "sponsorship",
  "communication", "capacity", "budget", "timeline", "vendor", "integration", "testing",
  "security", "privacy", "service", "portal", "digital", "process", "governance", "data",
  "analytics", "change", "culture", "leadership", "coaching", "feedback", "reinforcement",
};
static const char * const ar_titles[] = {
  "التحول الرقمي لخدمات", "أتمتة إجراءات", "تطوير منظومة", "تبسيط إجراءات",
  "ربط أنظمة", "رقمنة سجلات", "تحسين تجربة المستفيدين في", "إعادة هندسة",
};
static const char * const ar_objects[] = {
  "تجديد التراخيص", "تسجيل المركبات", "السجل التجاري", "الرعاية الصحية",
  "التعليم المدرسي", "الضمان الاجتماعي", "الأراضي والمساكن", "الجمارك",
  "المشتريات الحكومية", "الموارد البشرية",
};
static const char * const ar_words[] = {
  "الخدمات", "الحكومية", "الإلكترونية", "المستفيدين", "التدريب", "الجاهزية",
  "المقاومة", "الاتصال", "القيادة", "الحوكمة", "البيانات", "البوابة",
};
static const char * const people[] = {
  "Aisha Al Balushi", "Salim Al Harthy", "Fatma Al Rawahi", "Khalid Al Busaidi",
  "Maryam Al Lawati", "Ahmed Al Hinai", "عائشة البلوشية", "سالم الحارثي", "فاطمة الرواحية",
  "Noor Al Zadjali", "Yousuf Al Kindi", "Huda Al Maamari",
};
static const char * const plan_statuses[] = {
  "draft", "submitted", "in_review", "approved", "implementing", "sustaining", "on_hold",
};
static const char * const change_types[] = {
  "it_digital", "regulatory_compliance", "environmental_sustainability", "talent_people",
  "cultural_organisational", "process", "structural", "other",
};
static const char * const priorities[] = { "low", "medium", "high", "critical" };
static const char * const milestone_open[] = { "planned", "on_track", "at_risk", "late" };
static const char * const risk_categories[] = {
  "technical", "resource", "schedule", "budget", "external",
};
static const char * const risk_statuses[] = { "open", "monitoring", "mitigating", "closed" };
static const char * const maturities[] = { "manual", "semi_electronic", "electronic" };

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

#define PICK(rand, table) ((table)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (table))])

typedef struct
{
  GRand *rand;
  const char *scope;
  guint n_plans;
  guint next_plan;      /* how many plans are written so far */
  guint chunk;          /* plans per batch */
  guint next_service;
  guint n_services;
  GPtrArray *plan_ids;  /* every plan id, in creation order */
} Generator;

static char *
date_offset (GRand *rand,
             int    from_days,
             int    to_days,
             int   *out_offset)
{
  GDate date;
  char text[16];
  int offset = g_rand_int_range (rand, from_days, to_days);

  g_date_clear (&date, 1);
  g_date_set_parse (&date, TODAY);
  if (offset >= 0)
    g_date_add_days (&date, (guint) offset);
  else
    g_date_subtract_days (&date, (guint) -offset);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  if (out_offset != NULL)
    *out_offset = offset;
  return g_strdup (text);
}

static char *
sentence (GRand *rand,
          guint  n_words,
          gboolean arabic)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, arabic ? PICK (rand, ar_words) : PICK (rand, en_words));
    }
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static EdaadRecord *
new_record (Generator  *gen,
            const char *kind)
{
  EdaadRecord *record = edaad_record_new_for_kind (kind);
  g_autofree char *id = edaad_uuid_new ();

  edaad_record_set_id (record, id);
  edaad_record_set_scope (record, gen->scope);
  edaad_record_set_version (record, 1);
  return record;
}

static char *
plan_title (Generator *gen,
            guint      n)
{
  /* One plan in 2,000 carries a word nothing else has: the "rare word" searches. */
  if (n % 2000 == 7)
    return g_strdup_printf ("Quokka pilot %u for %s", n, PICK (gen->rand, en_places));
  if (g_rand_int_range (gen->rand, 0, 10) < 3)
    return g_strdup_printf ("%s %s", PICK (gen->rand, ar_titles), PICK (gen->rand, ar_objects));
  return g_strdup_printf ("%s %s in %s", PICK (gen->rand, en_verbs), PICK (gen->rand, en_objects),
                          PICK (gen->rand, en_places));
}

static gboolean
write_plan (EdaadStore  *store,
            Generator   *gen,
            GError     **error)
{
  g_autoptr(EdaadRecord) plan = new_record (gen, "plan");
  g_autofree char *title = plan_title (gen, gen->next_plan);
  g_autofree char *code = g_strdup_printf ("CP-%06u", gen->next_plan + 1);
  g_autofree char *summary = sentence (gen->rand, 12, g_rand_int_range (gen->rand, 0, 10) < 3);
  g_autofree char *vision = sentence (gen->rand, 20, FALSE);
  g_autofree char *start_on = NULL;
  g_autofree char *due_on = NULL;
  int due_offset;
  const char *plan_id = edaad_record_get_id (plan);

  /* Due dates two years either side of today; most plans past their date are closed.
   * Each starts one month to two years before it is due. */
  due_on = date_offset (gen->rand, -730, 730, &due_offset);
  start_on = date_offset (gen->rand, due_offset - 760, due_offset - 30, NULL);
  edaad_record_set_string (plan, "code", code);
  edaad_record_set_string (plan, "title", title);
  edaad_record_set_string (plan, "summary", summary);
  edaad_record_set_string (plan, "vision", vision);
  edaad_record_set_string (plan, "change_type", PICK (gen->rand, change_types));
  edaad_record_set_string (plan, "priority", PICK (gen->rand, priorities));
  if (due_offset < 0 && g_rand_int_range (gen->rand, 0, 100) < 97)
    edaad_record_set_string (plan, "status", g_rand_boolean (gen->rand) ? "closed" : "cancelled");
  else
    edaad_record_set_string (plan, "status", PICK (gen->rand, plan_statuses));
  edaad_record_set_string (plan, "owner", PICK (gen->rand, people));
  edaad_record_set_string (plan, "sponsor", PICK (gen->rand, people));
  edaad_record_set_string (plan, "start_on", start_on);
  edaad_record_set_string (plan, "due_on", due_on);
  edaad_record_set_int (plan, "kotter_step", g_rand_int_range (gen->rand, 1, 9));
  if (!edaad_store_put_synced (store, plan, error))
    return FALSE;
  g_ptr_array_add (gen->plan_ids, g_strdup (plan_id));

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(EdaadRecord) milestone = new_record (gen, "milestone");
      g_autoptr(EdaadRecord) risk = new_record (gen, "risk");
      g_autoptr(EdaadRecord) stakeholder = new_record (gen, "stakeholder");
      g_autofree char *m_title = g_strdup_printf ("%s: %s", PICK (gen->rand, en_verbs),
                                                  PICK (gen->rand, en_words));
      g_autofree char *m_due = NULL;
      g_autofree char *r_title = g_strdup_printf ("Risk of %s delays in %s", PICK (gen->rand, en_words),
                                                  PICK (gen->rand, en_objects));
      g_autofree char *mitigation = sentence (gen->rand, 10, g_rand_boolean (gen->rand));
      g_autofree char *approach = sentence (gen->rand, 8, FALSE);
      int m_offset;

      m_due = date_offset (gen->rand, -600, 600, &m_offset);
      edaad_record_set_string (milestone, "plan_id", plan_id);
      edaad_record_set_string (milestone, "title", m_title);
      edaad_record_set_string (milestone, "due_on", m_due);
      edaad_record_set_string (milestone, "status",
                               m_offset < 0 && g_rand_int_range (gen->rand, 0, 100) < 97
                                 ? "done" : PICK (gen->rand, milestone_open));
      edaad_record_set_int (milestone, "position", i);

      edaad_record_set_string (risk, "plan_id", plan_id);
      edaad_record_set_string (risk, "title", r_title);
      edaad_record_set_string (risk, "category", PICK (gen->rand, risk_categories));
      edaad_record_set_string (risk, "status", PICK (gen->rand, risk_statuses));
      edaad_record_set_string (risk, "mitigation", mitigation);
      edaad_record_set_string (risk, "owner", PICK (gen->rand, people));
      edaad_record_set_int (risk, "likelihood", g_rand_int_range (gen->rand, 1, 6));
      edaad_record_set_int (risk, "impact", g_rand_int_range (gen->rand, 1, 6));

      edaad_record_set_string (stakeholder, "plan_id", plan_id);
      edaad_record_set_string (stakeholder, "name", PICK (gen->rand, people));
      edaad_record_set_string (stakeholder, "approach", approach);
      edaad_record_set_int (stakeholder, "power", g_rand_int_range (gen->rand, 1, 6));
      edaad_record_set_int (stakeholder, "interest", g_rand_int_range (gen->rand, 1, 6));
      edaad_record_set_int (stakeholder, "position", i);

      if (!edaad_store_put_synced (store, milestone, error) ||
          !edaad_store_put_synced (store, risk, error) ||
          !edaad_store_put_synced (store, stakeholder, error))
        return FALSE;
    }

  gen->next_plan++;
  return TRUE;
}

static gboolean
write_service (EdaadStore  *store,
               Generator   *gen,
               GError     **error)
{
  g_autoptr(EdaadRecord) service = new_record (gen, "service");
  g_autofree char *code = g_strdup_printf ("SRV-%05u", gen->next_service + 1);
  g_autofree char *name_en = g_strdup_printf ("%s %s", PICK (gen->rand, en_objects), PICK (gen->rand, en_places));
  g_autofree char *name_ar = g_strdup_printf ("خدمة %s", PICK (gen->rand, ar_objects));
  g_autofree char *description = sentence (gen->rand, 15, g_rand_boolean (gen->rand));

  edaad_record_set_string (service, "code", code);
  edaad_record_set_string (service, "name_en", name_en);
  edaad_record_set_string (service, "name_ar", name_ar);
  edaad_record_set_string (service, "description", description);
  edaad_record_set_string (service, "maturity", PICK (gen->rand, maturities));
  edaad_record_set_int (service, "annual_volume", g_rand_int_range (gen->rand, 100, 2000000));
  gen->next_service++;
  return edaad_store_put_synced (store, service, error);
}

static gboolean
generate_chunk (EdaadStore  *store,
                gpointer     user_data,
                GError     **error)
{
  Generator *gen = user_data;
  guint end_plan = MIN (gen->n_plans, gen->next_plan + gen->chunk);
  guint end_service = MIN (gen->n_services, gen->next_service + gen->chunk / 2);

  while (gen->next_plan < end_plan)
    if (!write_plan (store, gen, error))
      return FALSE;
  while (gen->next_service < end_service)
    if (!write_service (store, gen, error))
      return FALSE;
  return TRUE;
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
  Generator gen = { 0 };
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
  gen.rand = g_rand_new_with_seed (20260601);
  gen.scope = edaad_store_get_local_scope (store, EDAAD_SCOPE_INSTITUTION);
  gen.n_plans = (guint) plans;
  gen.n_services = (guint) plans / 2;
  gen.chunk = 2000;
  gen.plan_ids = g_ptr_array_new_with_free_func (g_free);
  start = g_get_monotonic_time ();
  if (reuse)
    {
      g_autoptr(EdaadRecordList) all = edaad_record_list_new (store, "plan");

      /* The plans of an earlier run, in creation order (their ids are UUIDv7). */
      edaad_record_list_set_sort (all, "created_at", FALSE);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
        {
          g_autoptr(EdaadRecord) plan = g_list_model_get_item (G_LIST_MODEL (all), i);
          g_ptr_array_add (gen.plan_ids, g_strdup (edaad_record_get_id (plan)));
        }
      gen.n_plans = gen.plan_ids->len;
      gen.n_services = (guint) edaad_store_count_live (store, "service", NULL);
      if (gen.n_plans == 0)
        {
          g_printerr ("bench-store: %s has no plans\n", path);
          return 1;
        }
    }
  else
    while (gen.next_plan < gen.n_plans || gen.next_service < gen.n_services)
      if (!edaad_store_run_batch (store, generate_chunk, &gen, &error))
        die ("generate", error);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  /* Checkpoint the WAL so that the sizes are of the database, then reopen cold. */
  g_clear_object (&store);
  printf ("bench-store: %u plans, %u milestones, %u risks, %u stakeholders, %u services\n",
          gen.n_plans, 5 * gen.n_plans, 5 * gen.n_plans, 5 * gen.n_plans, gen.n_services);
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
        const char *id = g_ptr_array_index (gen.plan_ids, (r * 7919) % gen.plan_ids->len);
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
        due = edaad_store_upcoming_deadlines (store, TODAY, 14, &error);
        add_sample (samples, start);
        if (due == NULL)
          die ("upcoming_deadlines", error);
        n = due->len;
      }
    label = g_strdup_printf ("upcoming deadlines, 14 days (%u items)", n);
    report (label, samples);
  }

  /* ---- edits (no list open) ---- */
  bench_edit (store, samples, runs, gen.plan_ids, gen.plan_ids->len / 3, FALSE,
              "edit: save one field (new outbox entry)");
  bench_edit (store, samples, runs, gen.plan_ids, gen.plan_ids->len / 3, TRUE,
              "edit: save one field (fold into unsent)");

  g_clear_object (&store);
  g_ptr_array_unref (gen.plan_ids);
  g_rand_free (gen.rand);
  if (keep)
    printf ("database kept: %s\n", path);
  else
    remove_dir (dir);

  return 0;
}
