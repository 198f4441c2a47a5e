/* test-metrics.c — computed values: plans, services and coursework. */
#include "config.h"

#include "edaad-coursework-metrics.h"
#include "edaad-plan-metrics.h"
#include "edaad-service-metrics.h"

#include <math.h>

#define EDITION_ID "0190a3c4-0000-7000-8000-00000000ed01"
#define OTHER_EDITION "0190a3c4-0000-7000-8000-00000000ed02"

static GPtrArray *
records_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static EdaadRecord *
add_milestone (GPtrArray  *list,
               const char *status,
               gint64      weight)
{
  EdaadRecord *m = edaad_record_new_for_kind ("milestone");

  if (status != NULL)
    edaad_record_set_string (m, "status", status);
  if (weight >= 0)
    edaad_record_set_int (m, "weight", weight);
  g_ptr_array_add (list, m);
  return m;
}

/* ---- plans ---- */

static void
test_plan_progress (void)
{
  g_autoptr(GPtrArray) ms = records_new ();

  /* empty plan */
  g_assert_cmpfloat (edaad_plan_progress (ms), ==, 0.0);

  /* unset weight counts 1, unset status is planned */
  add_milestone (ms, "done", -1);
  add_milestone (ms, NULL, -1);
  g_assert_cmpfloat_with_epsilon (edaad_plan_progress (ms), 50.0, 1e-9);

  /* weights */
  add_milestone (ms, "on_track", 2);
  g_assert_cmpfloat_with_epsilon (edaad_plan_progress (ms), 25.0, 1e-9);
  add_milestone (ms, "done", 4);
  g_assert_cmpfloat_with_epsilon (edaad_plan_progress (ms), 62.5, 1e-9);

  /* weight 0 counts for nothing, done or not */
  add_milestone (ms, "done", 0);
  add_milestone (ms, "late", 0);
  g_assert_cmpfloat_with_epsilon (edaad_plan_progress (ms), 62.5, 1e-9);

  /* dropped milestones are left out entirely */
  add_milestone (ms, "dropped", 10);
  g_assert_cmpfloat_with_epsilon (edaad_plan_progress (ms), 62.5, 1e-9);

  /* tombstones are ignored */
  edaad_record_set_deleted (add_milestone (ms, "planned", 100), TRUE);
  g_assert_cmpfloat_with_epsilon (edaad_plan_progress (ms), 62.5, 1e-9);
}

static void
test_plan_progress_edges (void)
{
  g_autoptr(GPtrArray) all_done = records_new ();
  g_autoptr(GPtrArray) zero = records_new ();
  g_autoptr(GPtrArray) dropped = records_new ();

  add_milestone (all_done, "done", 3);
  add_milestone (all_done, "done", -1);
  g_assert_cmpfloat (edaad_plan_progress (all_done), ==, 100.0);

  add_milestone (zero, "done", 0);
  add_milestone (zero, "planned", 0);
  g_assert_cmpfloat (edaad_plan_progress (zero), ==, 0.0);

  add_milestone (dropped, "dropped", 1);
  g_assert_cmpfloat (edaad_plan_progress (dropped), ==, 0.0);
}

static void
test_rag (void)
{
  const char *today = "2025-06-10";

  g_assert_cmpint (edaad_rag_compute ("done", "2025-01-01", today), ==, EDAAD_RAG_DONE);
  g_assert_cmpint (edaad_rag_compute ("dropped", "2025-01-01", today), ==, EDAAD_RAG_NONE);
  g_assert_cmpint (edaad_rag_compute ("late", "2026-01-01", today), ==, EDAAD_RAG_RED);
  g_assert_cmpint (edaad_rag_compute ("late", NULL, today), ==, EDAAD_RAG_RED);
  g_assert_cmpint (edaad_rag_compute ("on_track", "2025-06-09", today), ==, EDAAD_RAG_RED);   /* overdue */
  g_assert_cmpint (edaad_rag_compute ("at_risk", "2025-06-09", today), ==, EDAAD_RAG_RED);    /* overdue beats at risk */
  g_assert_cmpint (edaad_rag_compute ("at_risk", "2026-01-01", today), ==, EDAAD_RAG_AMBER);
  g_assert_cmpint (edaad_rag_compute ("at_risk", NULL, today), ==, EDAAD_RAG_AMBER);
  g_assert_cmpint (edaad_rag_compute ("on_track", "2025-06-10", today), ==, EDAAD_RAG_AMBER); /* due today */
  g_assert_cmpint (edaad_rag_compute ("planned", "2025-06-17", today), ==, EDAAD_RAG_AMBER);  /* 7 days */
  g_assert_cmpint (edaad_rag_compute ("planned", "2025-06-18", today), ==, EDAAD_RAG_GREEN);  /* 8 days */
  g_assert_cmpint (edaad_rag_compute ("on_track", NULL, today), ==, EDAAD_RAG_GREEN);
  g_assert_cmpint (edaad_rag_compute ("planned", NULL, today), ==, EDAAD_RAG_NONE);
  g_assert_cmpint (edaad_rag_compute (NULL, NULL, today), ==, EDAAD_RAG_NONE);
  g_assert_cmpint (edaad_rag_compute (NULL, "2025-07-30", today), ==, EDAAD_RAG_GREEN);
  /* a malformed due date is no due date */
  g_assert_cmpint (edaad_rag_compute ("on_track", "2025-02-30", today), ==, EDAAD_RAG_GREEN);

  {
    g_autoptr(EdaadRecord) m = edaad_record_new_for_kind ("milestone");

    edaad_record_set_string (m, "due_on", "2025-06-01");
    g_assert_cmpint (edaad_milestone_rag (m, today), ==, EDAAD_RAG_RED);
    edaad_record_set_string (m, "status", "done");
    g_assert_cmpint (edaad_milestone_rag (m, today), ==, EDAAD_RAG_DONE);
    edaad_record_set_deleted (m, TRUE);
    g_assert_cmpint (edaad_milestone_rag (m, today), ==, EDAAD_RAG_NONE);
  }

  for (EdaadRag r = EDAAD_RAG_NONE; r <= EDAAD_RAG_DONE; r++)
    {
      g_assert_nonnull (edaad_rag_to_string (r));
      g_assert_nonnull (edaad_rag_get_label (r));
    }
  g_assert_cmpstr (edaad_rag_to_string (EDAAD_RAG_AMBER), ==, "amber");
  g_assert_cmpstr (edaad_rag_get_label (EDAAD_RAG_RED), ==, "Overdue or late");
}

/* The order the plans list sorts RAG by, and that a plan's RAG takes the worst of. */
static void
test_rag_severity (void)
{
  static const EdaadRag order[] = { EDAAD_RAG_NONE, EDAAD_RAG_DONE, EDAAD_RAG_GREEN,
                                    EDAAD_RAG_AMBER, EDAAD_RAG_RED };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpint (edaad_rag_severity (order[i]), ==, (int) i);
}

static void
test_rag_bad_today (void)
{
  if (g_test_subprocess ())
    {
      edaad_rag_compute ("planned", NULL, "today");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*edaad_date_is_valid*");
}

static void
test_risk (void)
{
  static const struct { int score; EdaadRiskBand band; } bands[] = {
    { 0, EDAAD_RISK_BAND_NONE }, { 1, EDAAD_RISK_BAND_LOW }, { 4, EDAAD_RISK_BAND_LOW },
    { 5, EDAAD_RISK_BAND_MEDIUM }, { 9, EDAAD_RISK_BAND_MEDIUM }, { 10, EDAAD_RISK_BAND_HIGH },
    { 15, EDAAD_RISK_BAND_HIGH }, { 16, EDAAD_RISK_BAND_CRITICAL }, { 25, EDAAD_RISK_BAND_CRITICAL },
    { 26, EDAAD_RISK_BAND_NONE }, { -3, EDAAD_RISK_BAND_NONE },
  };
  g_autoptr(EdaadRecord) risk = edaad_record_new_for_kind ("risk");

  g_assert_cmpint (edaad_risk_score (3, 4), ==, 12);
  g_assert_cmpint (edaad_risk_score (5, 5), ==, 25);
  g_assert_cmpint (edaad_risk_score (1, 1), ==, 1);
  g_assert_cmpint (edaad_risk_score (0, 4), ==, 0);
  g_assert_cmpint (edaad_risk_score (6, 4), ==, 0);
  g_assert_cmpint (edaad_risk_score (3, -1), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    g_assert_cmpint (edaad_risk_band_for_score (bands[i].score), ==, bands[i].band);

  /* every possible product lands in the band the design names */
  for (int l = 1; l <= 5; l++)
    for (int im = 1; im <= 5; im++)
      {
        int s = edaad_risk_score (l, im);
        EdaadRiskBand b = edaad_risk_band_for_score (s);
        g_assert_cmpint (b, ==, s <= 4 ? EDAAD_RISK_BAND_LOW : s <= 9 ? EDAAD_RISK_BAND_MEDIUM
                                : s <= 15 ? EDAAD_RISK_BAND_HIGH : EDAAD_RISK_BAND_CRITICAL);
      }

  g_assert_cmpint (edaad_risk_score_for_record (risk), ==, 0);
  edaad_record_set_int (risk, "likelihood", 4);
  g_assert_cmpint (edaad_risk_score_for_record (risk), ==, 0);
  edaad_record_set_int (risk, "impact", 4);
  g_assert_cmpint (edaad_risk_score_for_record (risk), ==, 16);
  g_assert_cmpint (edaad_risk_band_for_score (edaad_risk_score_for_record (risk)), ==, EDAAD_RISK_BAND_CRITICAL);

  g_assert_cmpstr (edaad_risk_band_to_string (EDAAD_RISK_BAND_HIGH), ==, "high");
  g_assert_cmpstr (edaad_risk_band_get_label (EDAAD_RISK_BAND_CRITICAL), ==, "Critical");
  g_assert_cmpstr (edaad_risk_band_get_label (EDAAD_RISK_BAND_LOW), ==, "Low");
  g_assert_cmpstr (edaad_risk_band_get_label (EDAAD_RISK_BAND_NONE), ==, "Not rated");
}

static void
test_quadrant (void)
{
  g_autoptr(EdaadRecord) s = edaad_record_new_for_kind ("stakeholder");

  g_assert_cmpint (edaad_stakeholder_quadrant (5, 5), ==, EDAAD_QUADRANT_MANAGE_CLOSELY);
  g_assert_cmpint (edaad_stakeholder_quadrant (3, 3), ==, EDAAD_QUADRANT_MANAGE_CLOSELY); /* ties are high */
  g_assert_cmpint (edaad_stakeholder_quadrant (3, 2), ==, EDAAD_QUADRANT_KEEP_SATISFIED);
  g_assert_cmpint (edaad_stakeholder_quadrant (2, 3), ==, EDAAD_QUADRANT_KEEP_INFORMED);
  g_assert_cmpint (edaad_stakeholder_quadrant (2, 2), ==, EDAAD_QUADRANT_MONITOR);
  g_assert_cmpint (edaad_stakeholder_quadrant (1, 5), ==, EDAAD_QUADRANT_KEEP_INFORMED);
  g_assert_cmpint (edaad_stakeholder_quadrant (5, 1), ==, EDAAD_QUADRANT_KEEP_SATISFIED);

  /* unset takes the default 3 */
  g_assert_cmpint (edaad_stakeholder_quadrant_for_record (s), ==, EDAAD_QUADRANT_MANAGE_CLOSELY);
  edaad_record_set_int (s, "power", 1);
  g_assert_cmpint (edaad_stakeholder_quadrant_for_record (s), ==, EDAAD_QUADRANT_KEEP_INFORMED);
  edaad_record_set_int (s, "interest", 2);
  g_assert_cmpint (edaad_stakeholder_quadrant_for_record (s), ==, EDAAD_QUADRANT_MONITOR);

  g_assert_cmpstr (edaad_quadrant_to_string (EDAAD_QUADRANT_KEEP_SATISFIED), ==, "keep_satisfied");
  g_assert_cmpstr (edaad_quadrant_get_label (EDAAD_QUADRANT_MANAGE_CLOSELY), ==, "Manage closely");
  g_assert_cmpstr (edaad_quadrant_get_label (EDAAD_QUADRANT_MONITOR), ==, "Monitor");
  g_assert_cmpstr (edaad_quadrant_get_label (EDAAD_QUADRANT_KEEP_INFORMED), ==, "Keep informed");
}

static void
test_adkar (void)
{
  double none[] = { 4, 4.5, 3.1, 5, 4 };
  double desire[] = { 4, 3.0, 2, 1, 1 };
  double awareness[] = { 1, 1, 1, 1, 1 };
  double last[] = { 5, 5, 5, 5, 2.9 };
  double unset[] = { NAN, NAN, NAN, NAN, NAN };
  double gaps[] = { NAN, 0, 4, 2, NAN };
  g_autoptr(EdaadRecord) a = edaad_record_new_for_kind ("adkar_assessment");

  g_assert_cmpint (edaad_adkar_barrier_point (none), ==, EDAAD_ADKAR_NONE);
  g_assert_cmpint (edaad_adkar_barrier_point (desire), ==, EDAAD_ADKAR_DESIRE);   /* exactly 3 is a barrier */
  g_assert_cmpint (edaad_adkar_barrier_point (awareness), ==, EDAAD_ADKAR_AWARENESS);
  g_assert_cmpint (edaad_adkar_barrier_point (last), ==, EDAAD_ADKAR_REINFORCEMENT);
  g_assert_cmpint (edaad_adkar_barrier_point (unset), ==, EDAAD_ADKAR_NONE);
  g_assert_cmpint (edaad_adkar_barrier_point (gaps), ==, EDAAD_ADKAR_ABILITY);   /* unset skipped */

  g_assert_cmpint (edaad_adkar_barrier_point_for_record (a), ==, EDAAD_ADKAR_NONE);
  edaad_record_set_real (a, "awareness", 4.2);
  edaad_record_set_real (a, "knowledge", 2.5);
  edaad_record_set_real (a, "ability", 1.0);
  g_assert_cmpint (edaad_adkar_barrier_point_for_record (a), ==, EDAAD_ADKAR_KNOWLEDGE);
  edaad_record_set_real (a, "desire", 3.0);
  g_assert_cmpint (edaad_adkar_barrier_point_for_record (a), ==, EDAAD_ADKAR_DESIRE);

  g_assert_cmpstr (edaad_adkar_element_field (EDAAD_ADKAR_REINFORCEMENT), ==, "reinforcement");
  g_assert_cmpstr (edaad_adkar_element_get_label (EDAAD_ADKAR_NONE), ==, "No barrier");
  g_assert_cmpstr (edaad_adkar_element_get_label (EDAAD_ADKAR_KNOWLEDGE), ==, "Knowledge");
  /* the element names are the schema's fields */
  for (EdaadAdkarElement e = EDAAD_ADKAR_AWARENESS; e <= EDAAD_ADKAR_REINFORCEMENT; e++)
    g_assert_nonnull (edaad_kind_lookup_field (edaad_record_get_kind (a), edaad_adkar_element_field (e)));
}

static void
test_kpi_progress (void)
{
  /* up */
  g_assert_cmpfloat_with_epsilon (edaad_kpi_progress (FALSE, 10, 20, 15), 50.0, 1e-9);
  g_assert_cmpfloat (edaad_kpi_progress (FALSE, 10, 20, 25), ==, 100.0);   /* clamp high */
  g_assert_cmpfloat (edaad_kpi_progress (FALSE, 10, 20, 5), ==, 0.0);      /* clamp low */
  g_assert_cmpfloat (edaad_kpi_progress (FALSE, 10, 20, 10), ==, 0.0);
  /* down: waiting days 30 → 10 */
  g_assert_cmpfloat_with_epsilon (edaad_kpi_progress (TRUE, 30, 10, 25), 25.0, 1e-9);
  g_assert_cmpfloat (edaad_kpi_progress (TRUE, 30, 10, 5), ==, 100.0);
  g_assert_cmpfloat (edaad_kpi_progress (TRUE, 30, 10, 40), ==, 0.0);
  /* negative values */
  g_assert_cmpfloat_with_epsilon (edaad_kpi_progress (FALSE, -10, 10, 0), 50.0, 1e-9);
  /* target == baseline */
  g_assert_cmpfloat (edaad_kpi_progress (FALSE, 10, 10, 10), ==, 100.0);
  g_assert_cmpfloat (edaad_kpi_progress (FALSE, 10, 10, 9), ==, 0.0);
  g_assert_cmpfloat (edaad_kpi_progress (TRUE, 10, 10, 9), ==, 100.0);
  g_assert_cmpfloat (edaad_kpi_progress (TRUE, 10, 10, 11), ==, 0.0);
  /* not numbers */
  g_assert_cmpfloat (edaad_kpi_progress (FALSE, NAN, 10, 5), ==, -1.0);
  g_assert_cmpfloat (edaad_kpi_progress (FALSE, 0, INFINITY, 5), ==, -1.0);
}

static EdaadRecord *
add_reading (GPtrArray  *list,
             const char *kpi_id,
             const char *on,
             double      value)
{
  EdaadRecord *r = edaad_record_new_for_kind ("kpi_reading");

  edaad_record_set_string (r, "kpi_id", kpi_id);
  edaad_record_set_string (r, "measured_on", on);
  edaad_record_set_real (r, "value", value);
  g_ptr_array_add (list, r);
  return r;
}

static void
test_kpi_progress_records (void)
{
  const char *id = "0190a3c4-0000-7000-8000-0000000000c1";
  g_autoptr(EdaadRecord) kpi = edaad_record_new_for_kind ("kpi");
  g_autoptr(GPtrArray) readings = records_new ();

  edaad_record_set_id (kpi, id);
  /* no readings, no baseline/target: unknown */
  g_assert_cmpfloat (edaad_kpi_progress_for_records (kpi, readings), ==, -1.0);
  edaad_record_set_real (kpi, "baseline", 0);
  edaad_record_set_real (kpi, "target", 200);
  g_assert_cmpfloat (edaad_kpi_progress_for_records (kpi, readings), ==, -1.0);

  add_reading (readings, id, "2025-03-01", 100);
  add_reading (readings, id, "2025-01-01", 180);            /* older: ignored */
  add_reading (readings, "0190a3c4-0000-7000-8000-0000000000c2", "2025-12-01", 0); /* other KPI */
  g_assert_cmpfloat_with_epsilon (edaad_kpi_progress_for_records (kpi, readings), 50.0, 1e-9);

  /* same day: the later one in the array wins */
  add_reading (readings, id, "2025-03-01", 150);
  g_assert_cmpfloat_with_epsilon (edaad_kpi_progress_for_records (kpi, readings), 75.0, 1e-9);

  /* a deleted newer reading is ignored */
  edaad_record_set_deleted (add_reading (readings, id, "2025-04-01", 0), TRUE);
  g_assert_cmpfloat_with_epsilon (edaad_kpi_progress_for_records (kpi, readings), 75.0, 1e-9);

  /* direction down */
  edaad_record_set_string (kpi, "direction", "down");
  edaad_record_set_real (kpi, "baseline", 300);
  edaad_record_set_real (kpi, "target", 100);
  g_assert_cmpfloat_with_epsilon (edaad_kpi_progress_for_records (kpi, readings), 75.0, 1e-9);

  /* without a target it is unknown again */
  edaad_record_set_value (kpi, "target", NULL);
  g_assert_cmpfloat (edaad_kpi_progress_for_records (kpi, readings), ==, -1.0);
}

/* ---- services ---- */

static void
test_readiness (void)
{
  gint64 all_four[] = { 4, 4, 4, 4, 4, 4 };
  gint64 mixed[] = { 0, 4, 2, -1, -1, 2 };
  gint64 none[] = { -1, -1, -1, -1, -1, -1 };
  gint64 zeros[] = { 0, 0, 0, 0, 0, 0 };
  g_autoptr(EdaadRecord) survey = edaad_record_new_for_kind ("readiness_survey");
  const char * const *business = edaad_readiness_business_items ();
  const char * const *technical = edaad_readiness_technical_items ();

  g_assert_cmpfloat (edaad_readiness_pct (all_four, 6), ==, 100.0);
  g_assert_cmpfloat (edaad_readiness_pct (mixed, 6), ==, 50.0);   /* (0+4+2+2)/4 items/4 */
  g_assert_cmpfloat (edaad_readiness_pct (none, 6), ==, -1.0);
  g_assert_cmpfloat (edaad_readiness_pct (zeros, 6), ==, 0.0);
  g_assert_cmpfloat (edaad_readiness_pct (NULL, 0), ==, -1.0);

  g_assert_cmpuint (g_strv_length ((char **) business), ==, EDAAD_READINESS_N_ITEMS);
  g_assert_cmpuint (g_strv_length ((char **) technical), ==, EDAAD_READINESS_N_ITEMS);
  for (guint i = 0; i < EDAAD_READINESS_N_ITEMS; i++)
    {
      g_assert_nonnull (edaad_kind_lookup_field (edaad_record_get_kind (survey), business[i]));
      g_assert_nonnull (edaad_kind_lookup_field (edaad_record_get_kind (survey), technical[i]));
    }

  g_assert_cmpfloat (edaad_readiness_business_pct (survey), ==, -1.0);
  g_assert_cmpfloat (edaad_readiness_technical_pct (survey), ==, -1.0);
  edaad_record_set_int (survey, "process_documented", 3);
  edaad_record_set_int (survey, "legal_basis", 1);
  edaad_record_set_int (survey, "api_available", 4);
  g_assert_cmpfloat (edaad_readiness_business_pct (survey), ==, 50.0);
  g_assert_cmpfloat (edaad_readiness_technical_pct (survey), ==, 100.0);
  edaad_record_set_int (survey, "e_auth", 0);
  g_assert_cmpfloat (edaad_readiness_technical_pct (survey), ==, 50.0);
}

static void
test_reduction (void)
{
  g_autoptr(EdaadRecord) service = edaad_record_new_for_kind ("service");
  double pct = 12345;

  g_assert_true (edaad_reduction_pct (10, 4, &pct));
  g_assert_cmpfloat_with_epsilon (pct, 60.0, 1e-9);
  g_assert_true (edaad_reduction_pct (10, 0, &pct));
  g_assert_cmpfloat (pct, ==, 100.0);
  g_assert_true (edaad_reduction_pct (10, 10, &pct));
  g_assert_cmpfloat (pct, ==, 0.0);
  g_assert_true (edaad_reduction_pct (4, 6, &pct));   /* it grew */
  g_assert_cmpfloat_with_epsilon (pct, -50.0, 1e-9);

  pct = 12345;
  g_assert_false (edaad_reduction_pct (0, 0, &pct));
  g_assert_false (edaad_reduction_pct (-1, 0, &pct));
  g_assert_false (edaad_reduction_pct (5, -1, &pct));
  g_assert_false (edaad_reduction_pct (NAN, 1, &pct));
  g_assert_cmpfloat (pct, ==, 12345);

  g_assert_false (edaad_service_step_reduction_pct (service, &pct));
  edaad_record_set_int (service, "steps_before", 8);
  g_assert_false (edaad_service_step_reduction_pct (service, &pct));
  edaad_record_set_int (service, "steps_after", 2);
  g_assert_true (edaad_service_step_reduction_pct (service, &pct));
  g_assert_cmpfloat_with_epsilon (pct, 75.0, 1e-9);

  edaad_record_set_real (service, "days_before", 14);
  edaad_record_set_real (service, "days_after", 0.5);
  g_assert_true (edaad_service_time_reduction_pct (service, &pct));
  g_assert_cmpfloat_with_epsilon (pct, 13.5 / 14 * 100, 1e-9);
  edaad_record_set_real (service, "days_before", 0);
  g_assert_false (edaad_service_time_reduction_pct (service, &pct));
}

static void
test_electronic_share (void)
{
  g_autoptr(GPtrArray) services = records_new ();
  const char *maturities[] = { "electronic", "manual", "semi_electronic", "electronic" };

  g_assert_cmpfloat (edaad_services_electronic_pct (services), ==, -1.0);
  for (guint i = 0; i < G_N_ELEMENTS (maturities); i++)
    {
      EdaadRecord *s = edaad_record_new_for_kind ("service");
      edaad_record_set_string (s, "maturity", maturities[i]);
      g_ptr_array_add (services, s);
    }
  g_assert_cmpfloat (edaad_services_electronic_pct (services), ==, 50.0);
  edaad_record_set_deleted (g_ptr_array_index (services, 1), TRUE);
  g_assert_cmpfloat_with_epsilon (edaad_services_electronic_pct (services), 200.0 / 3, 1e-9);
}

/* ---- coursework ---- */

static void
add_attendance (GPtrArray  *list,
                const char *status)
{
  EdaadRecord *a = edaad_record_new_for_kind ("attendance");

  edaad_record_set_string (a, "status", status);
  g_ptr_array_add (list, a);
}

static void
test_attendance (void)
{
  g_autoptr(GPtrArray) att = records_new ();

  g_assert_cmpfloat (edaad_attendance_pct (att), ==, -1.0);
  add_attendance (att, "excused");
  g_assert_cmpfloat (edaad_attendance_pct (att), ==, -1.0);   /* all excused: unknown */
  add_attendance (att, "present");
  g_assert_cmpfloat (edaad_attendance_pct (att), ==, 100.0);
  add_attendance (att, "absent");
  g_assert_cmpfloat (edaad_attendance_pct (att), ==, 50.0);
  add_attendance (att, "late");                                /* late counts as attended */
  g_assert_cmpfloat_with_epsilon (edaad_attendance_pct (att), 200.0 / 3, 1e-9);
  add_attendance (att, "excused");                             /* excused: no change */
  g_assert_cmpfloat_with_epsilon (edaad_attendance_pct (att), 200.0 / 3, 1e-9);
  edaad_record_set_deleted (g_ptr_array_index (att, 2), TRUE); /* the absence was withdrawn */
  g_assert_cmpfloat (edaad_attendance_pct (att), ==, 100.0);
}

typedef struct
{
  GPtrArray *assignments;
  GPtrArray *submissions;
  GPtrArray *grades;
  guint serial;
} Course;

static void
course_init (Course *c)
{
  c->assignments = records_new ();
  c->submissions = records_new ();
  c->grades = records_new ();
  c->serial = 0;
}

static void
course_clear (Course *c)
{
  g_ptr_array_unref (c->assignments);
  g_ptr_array_unref (c->submissions);
  g_ptr_array_unref (c->grades);
}

static char *
next_id (Course *c)
{
  return g_strdup_printf ("0190a3c4-0000-7000-8000-%012x", ++c->serial);
}

/* weight / max_score < 0 = unset; mandatory: -1 unset, 0 no, 1 yes */
static EdaadRecord *
add_assignment (Course     *c,
                const char *title,
                double      weight,
                double      max_score,
                int         mandatory)
{
  EdaadRecord *a = edaad_record_new_for_kind ("assignment");
  g_autofree char *id = next_id (c);

  edaad_record_set_id (a, id);
  edaad_record_set_string (a, "title_en", title);
  if (weight >= 0)
    edaad_record_set_real (a, "weight", weight);
  if (max_score >= 0)
    edaad_record_set_real (a, "max_score", max_score);
  if (mandatory >= 0)
    edaad_record_set_bool (a, "mandatory", mandatory);
  g_ptr_array_add (c->assignments, a);
  return a;
}

static EdaadRecord *
add_submission (Course      *c,
                EdaadRecord *assignment,
                const char  *status)
{
  EdaadRecord *s = edaad_record_new_for_kind ("submission");
  g_autofree char *id = next_id (c);

  edaad_record_set_id (s, id);
  edaad_record_set_string (s, "assignment_id", edaad_record_get_id (assignment));
  edaad_record_set_string (s, "status", status);
  g_ptr_array_add (c->submissions, s);
  return s;
}

static EdaadRecord *
add_grade (Course      *c,
           EdaadRecord *submission,
           double       score)
{
  EdaadRecord *g = edaad_record_new_for_kind ("grade");
  g_autofree char *id = next_id (c);

  edaad_record_set_id (g, id);
  edaad_record_set_string (g, "submission_id", edaad_record_get_id (submission));
  edaad_record_set_real (g, "score", score);
  g_ptr_array_add (c->grades, g);
  return g;
}

static void
test_average_grade (void)
{
  Course c;
  EdaadRecord *quiz, *template, *capstone, *zero, *sub;

  course_init (&c);
  g_assert_cmpfloat (edaad_average_grade (c.assignments, c.submissions, c.grades), ==, -1.0);

  quiz = add_assignment (&c, "Quiz", -1, 10, -1);         /* weight 1, out of 10 */
  template = add_assignment (&c, "Template", 2, -1, -1);  /* out of 100 */
  capstone = add_assignment (&c, "Capstone", 3, 50, -1);
  zero = add_assignment (&c, "Warm-up", 0, 10, -1);       /* weight 0 */

  /* ungraded assignments do not count */
  add_submission (&c, capstone, "submitted");
  g_assert_cmpfloat (edaad_average_grade (c.assignments, c.submissions, c.grades), ==, -1.0);

  add_grade (&c, add_submission (&c, quiz, "graded"), 8);          /* 80% */
  g_assert_cmpfloat_with_epsilon (edaad_average_grade (c.assignments, c.submissions, c.grades), 80.0, 1e-9);

  add_grade (&c, add_submission (&c, template, "graded"), 50);     /* 50% × 2 */
  g_assert_cmpfloat_with_epsilon (edaad_average_grade (c.assignments, c.submissions, c.grades), 60.0, 1e-9);

  add_grade (&c, add_submission (&c, zero, "graded"), 0);          /* weight 0: no effect */
  g_assert_cmpfloat_with_epsilon (edaad_average_grade (c.assignments, c.submissions, c.grades), 60.0, 1e-9);

  /* a second, better grade for the quiz counts; a worse one does not */
  sub = add_submission (&c, quiz, "graded");
  add_grade (&c, sub, 10);
  add_grade (&c, sub, 2);
  g_assert_cmpfloat_with_epsilon (edaad_average_grade (c.assignments, c.submissions, c.grades),
                                  (100.0 + 2 * 50.0) / 3, 1e-9);

  /* a score above max is capped at 100% */
  add_grade (&c, g_ptr_array_index (c.submissions, 0), 60);        /* capstone: 60/50 */
  g_assert_cmpfloat_with_epsilon (edaad_average_grade (c.assignments, c.submissions, c.grades),
                                  (100.0 + 2 * 50.0 + 3 * 100.0) / 6, 1e-9);

  /* a grade whose submission is deleted does not count */
  edaad_record_set_deleted (g_ptr_array_index (c.submissions, 0), TRUE);
  g_assert_cmpfloat_with_epsilon (edaad_average_grade (c.assignments, c.submissions, c.grades),
                                  (100.0 + 2 * 50.0) / 3, 1e-9);

  /* max_score 0 skips the assignment */
  edaad_record_set_real (template, "max_score", 0);
  g_assert_cmpfloat_with_epsilon (edaad_average_grade (c.assignments, c.submissions, c.grades), 100.0, 1e-9);

  course_clear (&c);
}

static void
test_ready_plans (void)
{
  static const char *statuses[] = {
    "draft", "submitted", "in_review", "approved", "implementing", "sustaining", "closed",
    "on_hold", "cancelled",
  };
  g_autoptr(GPtrArray) plans = records_new ();
  g_autoptr(EdaadRecord) edition = edaad_record_new_for_kind ("edition");
  guint target = 0;

  edaad_record_set_id (edition, EDITION_ID);
  g_assert_cmpuint (edaad_ready_plans_count (edition, plans, &target), ==, 0);
  g_assert_cmpuint (target, ==, 10);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      EdaadRecord *p = edaad_record_new_for_kind ("plan");
      edaad_record_set_string (p, "status", statuses[i]);
      edaad_record_set_string (p, "edition_id", EDITION_ID);
      g_ptr_array_add (plans, p);
    }
  g_assert_cmpuint (edaad_ready_plans_count (edition, plans, &target), ==, 4);

  /* capstone is not required; plans of another edition and deleted plans do not count */
  {
    EdaadRecord *other = edaad_record_new_for_kind ("plan");
    EdaadRecord *none = edaad_record_new_for_kind ("plan");

    edaad_record_set_string (other, "status", "approved");
    edaad_record_set_string (other, "edition_id", OTHER_EDITION);
    edaad_record_set_string (none, "status", "approved");
    g_ptr_array_add (plans, other);
    g_ptr_array_add (plans, none);
  }
  edaad_record_set_deleted (g_ptr_array_index (plans, 3), TRUE);
  g_assert_cmpuint (edaad_ready_plans_count (edition, plans, NULL), ==, 3);

  /* without an edition every ready plan counts */
  g_assert_cmpuint (edaad_ready_plans_count (NULL, plans, &target), ==, 5);
  g_assert_cmpuint (target, ==, 10);

  edaad_record_set_int (edition, "expected_plans", 12);
  edaad_ready_plans_count (edition, plans, &target);
  g_assert_cmpuint (target, ==, 12);

  g_assert_true (edaad_plan_status_is_ready ("closed"));
  g_assert_false (edaad_plan_status_is_ready ("on_hold"));
  g_assert_false (edaad_plan_status_is_ready (NULL));
}

typedef struct
{
  Course course;
  EdaadRecord *edition;
  GPtrArray *attendance;
  GPtrArray *plans;
  EdaadCoursework cw;
} Cert;

static void
cert_init (Cert *t)
{
  course_init (&t->course);
  t->edition = edaad_record_new_for_kind ("edition");
  edaad_record_set_id (t->edition, EDITION_ID);
  t->attendance = records_new ();
  t->plans = records_new ();
  t->cw = (EdaadCoursework) {
    .edition = t->edition,
    .attendance = t->attendance,
    .assignments = t->course.assignments,
    .submissions = t->course.submissions,
    .grades = t->course.grades,
    .plans = t->plans,
  };
}

static void
cert_clear (Cert *t)
{
  course_clear (&t->course);
  g_object_unref (t->edition);
  g_ptr_array_unref (t->attendance);
  g_ptr_array_unref (t->plans);
}

static EdaadRecord *
add_plan (GPtrArray  *plans,
          const char *status,
          gboolean    capstone)
{
  EdaadRecord *p = edaad_record_new_for_kind ("plan");

  edaad_record_set_string (p, "status", status);
  edaad_record_set_bool (p, "capstone", capstone);
  g_ptr_array_add (plans, p);
  return p;
}

static void
assert_reasons (EdaadCertificateStatus *status,
                const char * const     *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < status->reasons->len; i++)
    g_test_message ("reason: %s", (char *) status->reasons->pdata[i]);
  g_assert_cmpuint (status->reasons->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (status->reasons, i), ==, expected[i]);
  g_assert_true (status->eligible == (n == 0));
}

static void
test_certificate (void)
{
  Cert t;
  EdaadRecord *quiz, *essay, *optional, *final;

  cert_init (&t);

  /* nothing at all, no minimums set: only the capstone blocks */
  {
    g_autoptr(EdaadCertificateStatus) s = edaad_certificate_status_compute (&t.cw);
    const char *expected[] = { "No capstone plan has been approved yet", NULL };

    assert_reasons (s, expected);
    g_assert_cmpfloat (s->attendance_pct, ==, -1.0);
    g_assert_cmpfloat (s->average_grade, ==, -1.0);
  }

  edaad_record_set_real (t.edition, "min_attendance_pct", 80);
  edaad_record_set_real (t.edition, "min_average_grade", 60);
  quiz = add_assignment (&t.course, "ADKAR quiz", 1, 10, -1);     /* mandatory by default */
  essay = add_assignment (&t.course, "Reflection", 1, 100, 1);
  optional = add_assignment (&t.course, "Extra reading", 1, 100, 0);
  final = add_assignment (&t.course, "Final capstone", 2, 100, 1);
  add_plan (t.plans, "approved", FALSE);   /* not a capstone */
  add_plan (t.plans, "draft", TRUE);       /* a capstone, not approved */

  {
    g_autoptr(EdaadCertificateStatus) s = edaad_certificate_status_compute (&t.cw);
    const char *expected[] = {
      "No attendance has been recorded yet (80% required)",
      "No assignment has been graded yet (an average of 60% is required)",
      "“ADKAR quiz” has not been submitted",
      "“Reflection” has not been submitted",
      "“Final capstone” has not been submitted",
      "No capstone plan has been approved yet",
      NULL,
    };
    assert_reasons (s, expected);
  }

  /* attendance 3 of 4 (one excused) = 75% */
  add_attendance (t.attendance, "present");
  add_attendance (t.attendance, "late");
  add_attendance (t.attendance, "present");
  add_attendance (t.attendance, "absent");
  add_attendance (t.attendance, "excused");
  add_grade (&t.course, add_submission (&t.course, quiz, "graded"), 5);     /* 50% */
  add_submission (&t.course, essay, "returned");
  add_submission (&t.course, final, "draft");
  add_submission (&t.course, final, "submitted");
  add_submission (&t.course, optional, "draft");

  {
    g_autoptr(EdaadCertificateStatus) s = edaad_certificate_status_compute (&t.cw);
    const char *expected[] = {
      "Attendance is 75%, below the required 80%",
      "The average grade is 50%, below the required 60%",
      "“Reflection” was returned and needs to be submitted again",
      "“Final capstone” is waiting for a grade",
      "No capstone plan has been approved yet",
      NULL,
    };
    assert_reasons (s, expected);
    g_assert_cmpfloat (s->attendance_pct, ==, 75.0);
    g_assert_cmpfloat (s->average_grade, ==, 50.0);
  }

  /* fix everything */
  add_attendance (t.attendance, "present");                                 /* 4 of 5 = 80% */
  add_grade (&t.course, add_submission (&t.course, essay, "graded"), 70);
  add_grade (&t.course, g_ptr_array_index (t.course.submissions, 3), 80);   /* the final */
  edaad_record_set_string (g_ptr_array_index (t.plans, 1), "status", "implementing");

  {
    g_autoptr(EdaadCertificateStatus) s = edaad_certificate_status_compute (&t.cw);
    const char *expected[] = { NULL };

    assert_reasons (s, expected);
    g_assert_true (s->eligible);
    g_assert_cmpfloat (s->attendance_pct, ==, 80.0);   /* exactly the minimum passes */
    g_assert_cmpfloat_with_epsilon (s->average_grade, (50.0 + 70.0 + 2 * 80.0) / 4, 1e-9);
  }

  /* just below the minimum never reads as equal to it */
  edaad_record_set_real (t.edition, "min_average_grade", 70.01);
  {
    g_autoptr(EdaadCertificateStatus) s = edaad_certificate_status_compute (&t.cw);
    const char *expected[] = { "The average grade is 70%, below the required 70.1%", NULL };
    assert_reasons (s, expected);
  }
  edaad_record_set_real (t.edition, "min_attendance_pct", 80.5);
  edaad_record_set_real (t.edition, "min_average_grade", 70);
  add_attendance (t.attendance, "absent");                                  /* 4 of 6 */
  {
    g_autoptr(EdaadCertificateStatus) s = edaad_certificate_status_compute (&t.cw);
    const char *expected[] = { "Attendance is 66.6%, below the required 80.5%", NULL };
    assert_reasons (s, expected);
  }
  g_object_unref (g_ptr_array_steal_index (t.attendance, t.attendance->len - 1));
  edaad_record_set_real (t.edition, "min_attendance_pct", 80);

  /* a deleted capstone plan does not count */
  edaad_record_set_value (t.edition, "min_average_grade", NULL);
  edaad_record_set_deleted (g_ptr_array_index (t.plans, 1), TRUE);
  {
    g_autoptr(EdaadCertificateStatus) s = edaad_certificate_status_compute (&t.cw);
    const char *expected[] = { "No capstone plan has been approved yet", NULL };
    assert_reasons (s, expected);
  }

  cert_clear (&t);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metrics/plan-progress", test_plan_progress);
  g_test_add_func ("/metrics/plan-progress-edges", test_plan_progress_edges);
  g_test_add_func ("/metrics/rag", test_rag);
  g_test_add_func ("/metrics/rag-bad-today", test_rag_bad_today);
  g_test_add_func ("/metrics/rag-severity", test_rag_severity);
  g_test_add_func ("/metrics/risk", test_risk);
  g_test_add_func ("/metrics/quadrant", test_quadrant);
  g_test_add_func ("/metrics/adkar", test_adkar);
  g_test_add_func ("/metrics/kpi-progress", test_kpi_progress);
  g_test_add_func ("/metrics/kpi-progress-records", test_kpi_progress_records);
  g_test_add_func ("/metrics/readiness", test_readiness);
  g_test_add_func ("/metrics/reduction", test_reduction);
  g_test_add_func ("/metrics/electronic-share", test_electronic_share);
  g_test_add_func ("/metrics/attendance", test_attendance);
  g_test_add_func ("/metrics/average-grade", test_average_grade);
  g_test_add_func ("/metrics/ready-plans", test_ready_plans);
  g_test_add_func ("/metrics/certificate", test_certificate);
  return g_test_run ();
}
