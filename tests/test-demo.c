/* test-demo.c — demo mode's sample data, seeded into a real SQLite file. */
#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include "edaad-date.h"
#include "edaad-demo.h"
#include "edaad-store.h"
#include "edaad-test-dir.h"
#include "edaad-validate.h"

typedef struct
{
  char *dir;
  char *path;
  EdaadStore *store;
  GHashTable *changed; /* kind → GPtrArray of ids, from ::changed */
  char *today;
} Fixture;

static void
on_changed (EdaadStore  *store,
            const char  *kind,
            char       **ids,
            Fixture     *fixture)
{
  GPtrArray *list = g_hash_table_lookup (fixture->changed, kind);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (fixture->changed, g_strdup (kind), list);
    }
  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (list, g_strdup (ids[i]));
}

static void
fixture_open (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = edaad_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = edaad_test_dir_new ("demo");
  fixture->path = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  fixture->today = edaad_date_today ();
  fixture_open (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
  g_hash_table_unref (fixture->changed);
  g_free (fixture->today);
  g_free (fixture->path);
}

static void
seed (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (edaad_demo_seed (fixture->store, &error));
  g_assert_no_error (error);
}

static gint64
count_live (Fixture    *fixture,
            const char *kind)
{
  g_autoptr(GError) error = NULL;
  gint64 n = edaad_store_count_live (fixture->store, kind, &error);

  g_assert_no_error (error);
  return n;
}

/* Every record of `kind` the seeding wrote (as announced by ::changed), loaded back. */
static GPtrArray *
load_kind (Fixture    *fixture,
           const char *kind)
{
  GPtrArray *ids = g_hash_table_lookup (fixture->changed, kind);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      EdaadRecord *record = edaad_store_get (fixture->store, kind, ids->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_ptr_array_add (records, record);
    }
  return records;
}

/* How many `records` have `field` equal to `value` (and `field2` to `value2`, if given). */
static guint
count_equal2 (GPtrArray  *records,
              const char *field,
              const char *value,
              const char *field2,
              const char *value2)
{
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (edaad_record_get_string (records->pdata[i], field), value) == 0 &&
        (field2 == NULL ||
         g_strcmp0 (edaad_record_get_string (records->pdata[i], field2), value2) == 0))
      n++;
  return n;
}

static guint
count_equal (GPtrArray  *records,
             const char *field,
             const char *value)
{
  return count_equal2 (records, field, value, NULL, NULL);
}

static EdaadRecord *
find_by_id (GPtrArray  *records,
            const char *id)
{
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (edaad_record_get_id (records->pdata[i]), id) == 0)
      return records->pdata[i];
  return NULL;
}

static void
assert_every_value_present (Fixture    *fixture,
                            const char *kind,
                            const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = edaad_store_count_by (fixture->store, kind, field, &error);
  const EdaadFieldSpec *spec = edaad_kind_lookup_field (edaad_schema_lookup_kind (kind), field);

  g_assert_no_error (error);
  for (guint i = 0; spec->enum_values[i] != NULL; i++)
    {
      int n = GPOINTER_TO_INT (g_hash_table_lookup (counts, spec->enum_values[i]));

      if (n == 0)
        g_error ("no %s has %s = %s", kind, field, spec->enum_values[i]);
    }
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct { const char *kind; gint64 count; } exact[] = {
    { "institution", 1 }, { "edition", 1 }, { "plan", 12 }, { "service", 40 },
    { "module", 5 }, { "assignment", 8 }, { "attendance", 5 }, { "conflict", 0 },
  };
  g_autoptr(GPtrArray) submissions = NULL;

  seed (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    g_assert_cmpint (count_live (fixture, exact[i].kind), ==, exact[i].count);

  /* everything written was announced once, and nothing waits to be sent */
  for (guint i = 0; i < edaad_schema_n_kinds (); i++)
    {
      const char *kind = edaad_schema_kind_at (i)->name;
      GPtrArray *ids = g_hash_table_lookup (fixture->changed, kind);

      g_assert_cmpint (count_live (fixture, kind), ==, ids != NULL ? ids->len : 0);
      g_test_message ("%s: %u", kind, ids != NULL ? ids->len : 0);
    }
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);

  /* submissions for most assignments, a grade for each graded one */
  submissions = load_kind (fixture, "submission");
  g_assert_cmpuint (submissions->len, >=, 5);
  g_assert_cmpuint (submissions->len, <=, 8);
  g_assert_cmpint (count_live (fixture, "grade"), ==, count_equal (submissions, "status", "graded"));
  g_assert_cmpint (count_live (fixture, "grade"), >=, 1);
  g_assert_cmpint (count_live (fixture, "adkar_assessment"), >, 12);
  g_assert_cmpint (count_live (fixture, "service_event"), >, 40);
  g_assert_cmpint (count_live (fixture, "readiness_survey"), >, 20);
}

/* Per plan: 3–8 milestones, 3–6 stakeholders, 2–5 risks, 1–2 KPIs of 3–6 readings each. */
static void
test_children (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct { const char *kind; guint min, max; } per_plan[] = {
    { "milestone", 3, 8 }, { "stakeholder", 3, 6 }, { "risk", 2, 5 }, { "kpi", 1, 2 },
  };
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GPtrArray) readings = NULL;
  g_autoptr(GPtrArray) adkar = NULL;
  guint with_later_round = 0;

  seed (fixture);
  plans = load_kind (fixture, "plan");
  kpis = load_kind (fixture, "kpi");
  readings = load_kind (fixture, "kpi_reading");
  adkar = load_kind (fixture, "adkar_assessment");

  for (guint k = 0; k < G_N_ELEMENTS (per_plan); k++)
    {
      g_autoptr(GPtrArray) children = load_kind (fixture, per_plan[k].kind);

      for (guint i = 0; i < plans->len; i++)
        {
          guint n = count_equal (children, "plan_id", edaad_record_get_id (plans->pdata[i]));

          g_assert_cmpuint (n, >=, per_plan[k].min);
          g_assert_cmpuint (n, <=, per_plan[k].max);
        }
    }

  for (guint i = 0; i < kpis->len; i++)
    {
      guint n = count_equal (readings, "kpi_id", edaad_record_get_id (kpis->pdata[i]));

      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpuint (n, <=, 6);
    }

  for (guint i = 0; i < plans->len; i++)
    {
      const char *id = edaad_record_get_id (plans->pdata[i]);
      guint rounds = count_equal (adkar, "plan_id", id);

      if (rounds > 0)
        g_assert_cmpuint (count_equal2 (adkar, "plan_id", id, "round", "baseline"), >=, 1);
      if (rounds > 1)
        with_later_round++;
    }
  g_assert_cmpuint (with_later_round, >=, 3);
  for (guint i = 0; i < adkar->len; i++)
    g_assert_nonnull (find_by_id (plans, edaad_record_get_string (adkar->pdata[i], "plan_id")));
}

/* Every record passes validation, lives in the local scope of its kind and looks synced. */
static void
test_valid (Fixture       *fixture,
            gconstpointer  data)
{
  guint total = 0;

  seed (fixture);
  for (guint k = 0; k < edaad_schema_n_kinds (); k++)
    {
      const EdaadKindSpec *kind = edaad_schema_kind_at (k);
      g_autoptr(GPtrArray) records = load_kind (fixture, kind->name);

      for (guint i = 0; i < records->len; i++)
        {
          EdaadRecord *record = records->pdata[i];
          g_autoptr(GError) error = NULL;

          if (!edaad_validate_record (record, &error))
            g_error ("%s %s: %s", kind->name, edaad_record_get_id (record), error->message);
          g_assert_cmpstr (edaad_record_get_scope (record), ==,
                           edaad_store_get_local_scope (fixture->store, kind->scope));
          g_assert_cmpint (edaad_record_get_version (record), >, 0);
          g_assert_false (edaad_record_get_deleted (record));
          total++;
        }
    }
  g_assert_cmpuint (total, >, 400);
}

static void
test_plan_coverage (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) editions = NULL;
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  const char *edition_id;
  guint overdue = 0, capstone = 0, arabic = 0;

  seed (fixture);
  assert_every_value_present (fixture, "plan", "status");
  assert_every_value_present (fixture, "plan", "phase");
  assert_every_value_present (fixture, "plan", "priority");
  assert_every_value_present (fixture, "milestone", "status");
  assert_every_value_present (fixture, "risk", "status");
  assert_every_value_present (fixture, "risk", "category");

  plans = load_kind (fixture, "plan");
  editions = load_kind (fixture, "edition");
  g_assert_cmpuint (editions->len, ==, 1);
  edition_id = edaad_record_get_id (editions->pdata[0]);
  for (guint i = 0; i < plans->len; i++)
    {
      EdaadRecord *plan = plans->pdata[i];
      const char *status = edaad_record_get_string (plan, "status");
      const char *due = edaad_record_get_string (plan, "due_on");

      g_hash_table_add (types, (gpointer) edaad_record_get_string (plan, "change_type"));
      g_assert_true (g_str_has_prefix (edaad_record_get_string (plan, "code"), "CP-"));
      if (edaad_record_get_bool (plan, "capstone"))
        {
          g_assert_cmpstr (edaad_record_get_string (plan, "edition_id"), ==, edition_id);
          capstone++;
        }
      if (due != NULL && edaad_date_compare (due, fixture->today) < 0 &&
          g_strcmp0 (status, "closed") != 0 && g_strcmp0 (status, "cancelled") != 0)
        overdue++;
      if (g_utf8_strchr (edaad_record_get_string (plan, "title"), -1, 0x0627) != NULL) /* ا */
        arabic++;
    }
  g_assert_cmpuint (g_hash_table_size (types), >=, 5);
  g_assert_cmpuint (overdue, >=, 1);
  g_assert_cmpuint (capstone, >=, 5);
  g_assert_cmpuint (capstone, <=, 10);
  g_assert_cmpuint (arabic, >=, 3);
  g_assert_cmpuint (arabic, <=, plans->len - 3);
}

/* done_on exactly for done milestones; some open milestones due within 14 days. */
static void
test_milestones (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) milestones = NULL;
  g_autofree char *horizon = NULL;
  guint soon = 0;

  seed (fixture);
  horizon = edaad_date_add_days (fixture->today, 14);
  milestones = load_kind (fixture, "milestone");
  for (guint i = 0; i < milestones->len; i++)
    {
      EdaadRecord *m = milestones->pdata[i];
      gboolean done = g_strcmp0 (edaad_record_get_string (m, "status"), "done") == 0;
      const char *due = edaad_record_get_string (m, "due_on");

      g_assert_true (edaad_record_has_value (m, "done_on") == done);
      if (done)
        g_assert_cmpint (edaad_date_compare (edaad_record_get_string (m, "done_on"), fixture->today), <=, 0);
      g_assert_cmpint (edaad_record_get_int (m, "weight"), >, 0);
      if (!done && edaad_date_compare (due, fixture->today) >= 0 &&
          edaad_date_compare (due, horizon) <= 0)
        soon++;
    }
  g_assert_cmpuint (soon, >=, 3);
}

/* Stakeholders in all four quadrants, risks in all four bands. */
static void
test_grids (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  guint quadrants[4] = { 0 };
  guint bands[4] = { 0 };

  seed (fixture);
  stakeholders = load_kind (fixture, "stakeholder");
  for (guint i = 0; i < stakeholders->len; i++)
    {
      gint64 power = edaad_record_get_int (stakeholders->pdata[i], "power");
      gint64 interest = edaad_record_get_int (stakeholders->pdata[i], "interest");

      if (power == 3 || interest == 3)
        continue;
      quadrants[(power > 3 ? 2 : 0) + (interest > 3 ? 1 : 0)]++;
    }
  for (guint q = 0; q < 4; q++)
    g_assert_cmpuint (quadrants[q], >, 0);

  risks = load_kind (fixture, "risk");
  for (guint i = 0; i < risks->len; i++)
    {
      gint64 score = edaad_record_get_int (risks->pdata[i], "likelihood") *
                     edaad_record_get_int (risks->pdata[i], "impact");

      bands[score <= 4 ? 0 : score <= 9 ? 1 : score <= 15 ? 2 : 3]++;
    }
  for (guint b = 0; b < 4; b++)
    g_assert_cmpuint (bands[b], >, 0);
}

static void
test_services (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) surveys = NULL;
  const EdaadFieldSpec *stage_spec =
    edaad_kind_lookup_field (edaad_schema_lookup_kind ("service"), "portal_stage");
  int survey_stage = edaad_field_enum_index (stage_spec, "survey");

  seed (fixture);
  assert_every_value_present (fixture, "service", "maturity");
  assert_every_value_present (fixture, "service", "portal_stage");
  assert_every_value_present (fixture, "service", "audience");
  assert_every_value_present (fixture, "service", "priority_phase");

  services = load_kind (fixture, "service");
  events = load_kind (fixture, "service_event");
  surveys = load_kind (fixture, "readiness_survey");
  for (guint i = 0; i < services->len; i++)
    {
      EdaadRecord *s = services->pdata[i];
      const char *id = edaad_record_get_id (s);
      int stage = edaad_field_enum_index (stage_spec, edaad_record_get_string (s, "portal_stage"));
      const char *last_stage = NULL, *last_maturity = NULL, *last_stage_on = "", *last_maturity_on = "";

      g_assert_nonnull (edaad_record_get_string (s, "name_en"));
      g_assert_nonnull (edaad_record_get_string (s, "name_ar"));
      g_assert_cmpint (edaad_record_get_int (s, "steps_after"), <=, edaad_record_get_int (s, "steps_before"));
      g_assert_cmpfloat (edaad_record_get_real (s, "days_after"), <=, edaad_record_get_real (s, "days_before"));
      g_assert_cmpint (edaad_record_get_int (s, "annual_volume"), >, 0);

      /* the latest event of each field leads to the service's current value */
      for (guint e = 0; e < events->len; e++)
        {
          EdaadRecord *event = events->pdata[e];
          const char *on = edaad_record_get_string (event, "on");
          gboolean is_stage = g_strcmp0 (edaad_record_get_string (event, "field"), "portal_stage") == 0;

          if (g_strcmp0 (edaad_record_get_string (event, "service_id"), id) != 0)
            continue;
          g_assert_cmpint (edaad_date_compare (on, fixture->today), <=, 0);
          g_assert_cmpstr (edaad_record_get_string (event, "from"), !=, edaad_record_get_string (event, "to"));
          if (is_stage && g_strcmp0 (on, last_stage_on) > 0)
            {
              last_stage = edaad_record_get_string (event, "to");
              last_stage_on = on;
            }
          if (!is_stage && g_strcmp0 (on, last_maturity_on) > 0)
            {
              last_maturity = edaad_record_get_string (event, "to");
              last_maturity_on = on;
            }
        }
      if (stage > 0)
        g_assert_cmpstr (last_stage, ==, edaad_record_get_string (s, "portal_stage"));
      else
        g_assert_null (last_stage);
      if (last_maturity != NULL)
        g_assert_cmpstr (last_maturity, ==, edaad_record_get_string (s, "maturity"));

      /* surveyed exactly when the service reached the survey stage */
      g_assert_true ((count_equal (surveys, "service_id", id) > 0) == (stage >= survey_stage));
    }
  g_assert_cmpuint (count_equal (events, "field", "maturity"), >=, 10);
}

static void
test_coursework (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) modules = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GPtrArray) grades = NULL;
  g_autofree char *now = edaad_instant_now ();
  g_autofree char *first_day = NULL;
  double weights = 0;
  guint past = 0, future = 0;

  seed (fixture);
  assert_every_value_present (fixture, "assignment", "kind");
  assert_every_value_present (fixture, "submission", "status");

  modules = load_kind (fixture, "module");
  for (guint i = 0; i < modules->len; i++)
    {
      EdaadRecord *m = modules->pdata[i];
      gint64 position = edaad_record_get_int (m, "position");
      g_autofree char *day = edaad_instant_to_local_date (edaad_record_get_string (m, "starts_at"));

      g_assert_cmpint (position, >=, 1);
      g_assert_cmpint (position, <=, 5);
      if (position == 1)
        first_day = g_strdup (day);
      g_assert_nonnull (edaad_record_get_string (m, "title_en"));
      g_assert_nonnull (edaad_record_get_string (m, "title_ar"));
      g_assert_nonnull (edaad_record_get_string (m, "framework_tag"));
    }
  g_assert_nonnull (first_day);
  for (guint i = 0; i < modules->len; i++)
    {
      EdaadRecord *m = modules->pdata[i];
      g_autofree char *day = edaad_instant_to_local_date (edaad_record_get_string (m, "starts_at"));

      g_assert_cmpint (edaad_date_days_between (first_day, day), ==,
                       edaad_record_get_int (m, "position") - 1);
    }

  assignments = load_kind (fixture, "assignment");
  for (guint i = 0; i < assignments->len; i++)
    {
      EdaadRecord *a = assignments->pdata[i];

      weights += edaad_record_get_real (a, "weight");
      if (edaad_instant_compare (edaad_record_get_string (a, "due_at"), now) < 0)
        past++;
      else
        future++;
      g_assert_nonnull (find_by_id (modules, edaad_record_get_string (a, "module_id")));
    }
  g_assert_cmpfloat_with_epsilon (weights, 100.0, 1e-9);
  g_assert_cmpuint (past, >=, 2);
  g_assert_cmpuint (future, >=, 1);

  attendance = load_kind (fixture, "attendance");
  g_assert_cmpuint (count_equal (attendance, "status", "late"), ==, 1);
  g_assert_cmpuint (count_equal (attendance, "status", "present"), ==, 4);

  submissions = load_kind (fixture, "submission");
  grades = load_kind (fixture, "grade");
  for (guint i = 0; i < grades->len; i++)
    {
      EdaadRecord *g = grades->pdata[i];
      EdaadRecord *s = find_by_id (submissions, edaad_record_get_string (g, "submission_id"));
      EdaadRecord *a;

      g_assert_nonnull (s);
      g_assert_cmpstr (edaad_record_get_string (s, "status"), ==, "graded");
      a = find_by_id (assignments, edaad_record_get_string (s, "assignment_id"));
      g_assert_nonnull (a);
      g_assert_cmpfloat (edaad_record_get_real (g, "score"), <=, edaad_record_get_real (a, "max_score"));
    }
  for (guint i = 0; i < submissions->len; i++)
    {
      EdaadRecord *s = submissions->pdata[i];
      gboolean draft = g_strcmp0 (edaad_record_get_string (s, "status"), "draft") == 0;

      g_assert_true (edaad_record_has_value (s, "submitted_at") != draft);
    }
}

/* A second seeding is refused and writes nothing. */
static void
test_twice (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before[32];

  seed (fixture);
  g_assert_cmpuint (edaad_schema_n_kinds (), <=, G_N_ELEMENTS (before));
  for (guint i = 0; i < edaad_schema_n_kinds (); i++)
    before[i] = count_live (fixture, edaad_schema_kind_at (i)->name);
  g_hash_table_remove_all (fixture->changed);

  g_assert_false (edaad_demo_seed (fixture->store, &error));
  g_assert_error (error, EDAAD_DEMO_ERROR, EDAAD_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpuint (g_hash_table_size (fixture->changed), ==, 0);
  for (guint i = 0; i < edaad_schema_n_kinds (); i++)
    g_assert_cmpint (count_live (fixture, edaad_schema_kind_at (i)->name), ==, before[i]);
}

/* A database with the user's own plan is never mixed with sample data. */
static void
test_refuses_user_data (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");

  edaad_record_set_string (plan, "title", "My own plan");
  edaad_record_set_string (plan, "change_type", "process");
  edaad_record_set_string (plan, "status", "draft");
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);
  g_hash_table_remove_all (fixture->changed);

  g_assert_false (edaad_demo_seed (fixture->store, &error));
  g_assert_error (error, EDAAD_DEMO_ERROR, EDAAD_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpuint (g_hash_table_size (fixture->changed), ==, 0);
  g_assert_cmpint (count_live (fixture, "plan"), ==, 1);
  g_assert_cmpint (count_live (fixture, "institution"), ==, 0);
  g_assert_cmpint (count_live (fixture, "service"), ==, 0);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
}

static void
assert_search_finds (Fixture    *fixture,
                     const char *text,
                     const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = edaad_store_search (fixture->store, text, 20, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    found |= g_strcmp0 (((EdaadSearchHit *) hits->pdata[i])->kind, kind) == 0;
  if (!found)
    g_error ("searching “%s” found no %s among %u hits", text, kind, hits->len);
}

/* The Arabic text is in the store and searchable, as is the English. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  seed (fixture);
  assert_search_finds (fixture, "رخصة", "service");      /* إصدار رخصة بناء */
  assert_search_finds (fixture, "سفراء", "plan");        /* برنامج سفراء التغيير */
  assert_search_finds (fixture, "المخاطر", "assignment");
  assert_search_finds (fixture, "tenancy", "service");
  assert_search_finds (fixture, "Kotter", "module");
}

/* The sample survives closing and reopening the file. */
static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  seed (fixture);
  g_clear_object (&fixture->store);
  fixture_open (fixture);
  g_assert_cmpint (count_live (fixture, "plan"), ==, 12);
  g_assert_cmpint (count_live (fixture, "service"), ==, 40);
  g_assert_cmpint (count_live (fixture, "module"), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/demo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("counts", test_counts);
  ADD ("children", test_children);
  ADD ("valid", test_valid);
  ADD ("plans", test_plan_coverage);
  ADD ("milestones", test_milestones);
  ADD ("grids", test_grids);
  ADD ("services", test_services);
  ADD ("coursework", test_coursework);
  ADD ("twice", test_twice);
  ADD ("refuses-user-data", test_refuses_user_data);
  ADD ("search", test_search);
  ADD ("reopen", test_reopen);
#undef ADD

  return g_test_run ();
}
