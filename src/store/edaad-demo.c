/* edaad-demo.c — demo mode (`edaad --demo`): seeds a store with realistic sample data.
 *
 * The content lives in compact tables (edaad-demo-data.c, one entry per plan, milestone,
 * service…); the generators below turn them into records dated relative to today and write
 * them, as synced server state, in one store transaction.
 */
#define G_LOG_DOMAIN "edaad-demo"

#include "config.h"

#include "edaad-demo.h"

#include "edaad-date.h"
#include "edaad-demo-private.h"
#include "edaad-uuid.h"
#include "edaad-validate.h"

#include <glib/gi18n-lib.h>

#define N_PLANS EDAAD_DEMO_N_PLANS
#define N_SERVICES EDAAD_DEMO_N_SERVICES
#define N_MODULES EDAAD_DEMO_N_MODULES
#define N_ASSIGNMENTS EDAAD_DEMO_N_ASSIGNMENTS

G_DEFINE_QUARK (edaad-demo-error-quark, edaad_demo_error)

/* The readiness survey items, business first (DESIGN.md §3). */
static const char * const survey_items[] = {
  "process_documented", "simplified", "legal_basis", "e_payment", "digital_evidence",
  "owner_named", "backend_system", "api_available", "integration_platform", "e_auth",
  "data_quality", "hosting_security",
};

/* ------------------------------------------------------------------------------------------
 * Generators
 * ---------------------------------------------------------------------------------------- */

typedef struct
{
  EdaadStore *store;
  char *today;
  int course_day; /* days from today to the first module day (a Sunday six weeks ago) */
  gint64 version;
  const char *programme_scope;
  const char *institution_scope;
  const char *person_scope;
  char *edition_id;
  char *plan_ids[N_PLANS];
  char *service_ids[N_SERVICES];
  char *module_ids[N_MODULES];
  char *assignment_ids[N_ASSIGNMENTS];
} DemoSeed;

static void
demo_seed_clear (DemoSeed *seed)
{
  g_free (seed->today);
  g_free (seed->edition_id);
  for (guint i = 0; i < N_PLANS; i++)
    g_free (seed->plan_ids[i]);
  for (guint i = 0; i < N_SERVICES; i++)
    g_free (seed->service_ids[i]);
  for (guint i = 0; i < N_MODULES; i++)
    g_free (seed->module_ids[i]);
  for (guint i = 0; i < N_ASSIGNMENTS; i++)
    g_free (seed->assignment_ids[i]);
}

/* A new record with a fresh id in `scope`, stamped as the server's next revision. */
static EdaadRecord *
demo_record (DemoSeed   *seed,
             const char *kind,
             const char *scope,
             char      **id_out)
{
  EdaadRecord *record = edaad_record_new_for_kind (kind);
  g_autofree char *id = edaad_uuid_new ();

  edaad_record_set_id (record, id);
  edaad_record_set_scope (record, scope);
  edaad_record_set_version (record, ++seed->version);
  if (id_out != NULL)
    *id_out = g_steal_pointer (&id);
  return record;
}

static gboolean
demo_put (DemoSeed     *seed,
          EdaadRecord  *record,
          GError      **error)
{
  if (!edaad_validate_record (record, error))
    {
      g_prefix_error (error, "%s %s: ", edaad_record_get_kind_name (record),
                      edaad_record_get_id (record));
      return FALSE;
    }
  return edaad_store_put_synced (seed->store, record, error);
}

static void
set_text (EdaadRecord *record,
          const char  *field,
          const char  *value)
{
  if (value != NULL)
    edaad_record_set_string (record, field, value);
}

static void
set_day (DemoSeed    *seed,
         EdaadRecord *record,
         const char  *field,
         int          offset)
{
  g_autofree char *date = NULL;

  if (offset == NO_DAY)
    return;
  date = edaad_date_add_days (seed->today, offset);
  g_assert (date != NULL);
  edaad_record_set_string (record, field, date);
}

static void
set_instant (DemoSeed    *seed,
             EdaadRecord *record,
             const char  *field,
             int          offset,
             int          hour,
             int          minute)
{
  g_autofree char *date = edaad_date_add_days (seed->today, offset);
  g_autofree char *instant = g_strdup_printf ("%sT%02d:%02d:00Z", date, hour, minute);

  edaad_record_set_string (record, field, instant);
}

/* The first course day: the Sunday that starts the week six weeks ago (Oman's working
 * week runs Sunday to Thursday, so the five days never touch a weekend). */
static int
first_course_day (const char *today)
{
  GDate date;

  if (!edaad_date_parse (today, &date))
    g_assert_not_reached ();
  return -(42 + (int) g_date_get_weekday (&date) % 7);
}

static gboolean
seed_institution (DemoSeed  *seed,
                  GError   **error)
{
  g_autoptr(EdaadRecord) institution = demo_record (seed, "institution", seed->programme_scope, NULL);
  g_autoptr(EdaadRecord) edition = demo_record (seed, "edition", seed->programme_scope,
                                                &seed->edition_id);

  set_text (institution, "name_en", "Muscat Municipality");
  set_text (institution, "name_ar", "بلدية مسقط");
  set_text (institution, "short_name", "MM");
  set_text (institution, "tahawul_level", "green");

  set_text (edition, "name_en", "Edaad — 2nd edition");
  set_text (edition, "name_ar", "إعداد — النسخة الثانية");
  edaad_record_set_int (edition, "number", 2);
  set_day (seed, edition, "starts_on", seed->course_day - 14);
  set_day (seed, edition, "ends_on", seed->course_day + 120);
  edaad_record_set_int (edition, "expected_plans", 10);
  edaad_record_set_real (edition, "min_attendance_pct", 80);
  edaad_record_set_real (edition, "min_average_grade", 60);

  return demo_put (seed, institution, error) && demo_put (seed, edition, error);
}

static gboolean
seed_plan (DemoSeed       *seed,
           const EdaadDemoPlan *p,
           char          **id_out,
           GError        **error)
{
  g_autoptr(EdaadRecord) plan = demo_record (seed, "plan", seed->institution_scope, id_out);

  set_text (plan, "code", p->code);
  set_text (plan, "title", p->title);
  set_text (plan, "summary", p->summary);
  set_text (plan, "change_type", p->change_type);
  set_text (plan, "status", p->status);
  set_text (plan, "phase", p->phase);
  edaad_record_set_int (plan, "kotter_step", p->kotter_step);
  set_text (plan, "priority", p->priority);
  set_text (plan, "owner", p->owner);
  set_text (plan, "sponsor", p->sponsor);
  set_day (seed, plan, "start_on", p->start_on);
  set_day (seed, plan, "go_live_on", p->go_live_on);
  set_day (seed, plan, "due_on", p->due_on);
  set_text (plan, "vision", p->vision);
  set_text (plan, "case_for_change", p->case_for_change);
  set_text (plan, "scope_in", p->scope_in);
  set_text (plan, "scope_out", p->scope_out);
  edaad_record_set_bool (plan, "capstone", p->capstone);
  if (p->capstone)
    set_text (plan, "edition_id", seed->edition_id);
  return demo_put (seed, plan, error);
}

static gboolean
seed_milestones (DemoSeed  *seed,
                 GError   **error)
{
  guint position[N_PLANS] = { 0 };

  for (guint i = 0; i < edaad_demo_n_milestones; i++)
    {
      const EdaadDemoMilestone *m = &edaad_demo_milestones[i];
      g_autoptr(EdaadRecord) r = demo_record (seed, "milestone", seed->institution_scope, NULL);

      set_text (r, "plan_id", seed->plan_ids[m->plan]);
      set_text (r, "title", m->title);
      set_day (seed, r, "baseline_due_on", m->baseline_due_on);
      set_day (seed, r, "due_on", m->due_on);
      set_day (seed, r, "done_on", m->done_on);
      set_text (r, "status", m->status);
      edaad_record_set_int (r, "weight", m->weight);
      edaad_record_set_int (r, "position", position[m->plan]++);
      if (!demo_put (seed, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_stakeholders (DemoSeed  *seed,
                   GError   **error)
{
  guint position[N_PLANS] = { 0 };

  for (guint i = 0; i < edaad_demo_n_stakeholders; i++)
    {
      const EdaadDemoStakeholder *s = &edaad_demo_stakeholders[i];
      g_autoptr(EdaadRecord) r = demo_record (seed, "stakeholder", seed->institution_scope, NULL);

      set_text (r, "plan_id", seed->plan_ids[s->plan]);
      set_text (r, "name", s->name);
      set_text (r, "role", s->role);
      edaad_record_set_int (r, "power", s->power);
      edaad_record_set_int (r, "interest", s->interest);
      set_text (r, "attitude_now", s->attitude_now);
      set_text (r, "attitude_target", s->attitude_target);
      set_text (r, "approach", s->approach);
      edaad_record_set_int (r, "position", position[s->plan]++);
      if (!demo_put (seed, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_risks (DemoSeed  *seed,
            GError   **error)
{
  for (guint i = 0; i < edaad_demo_n_risks; i++)
    {
      const EdaadDemoRisk *k = &edaad_demo_risks[i];
      g_autoptr(EdaadRecord) r = demo_record (seed, "risk", seed->institution_scope, NULL);

      set_text (r, "plan_id", seed->plan_ids[k->plan]);
      set_text (r, "title", k->title);
      set_text (r, "category", k->category);
      edaad_record_set_int (r, "likelihood", k->likelihood);
      edaad_record_set_int (r, "impact", k->impact);
      set_text (r, "mitigation", k->mitigation);
      set_text (r, "owner", k->owner);
      set_text (r, "status", k->status);
      set_day (seed, r, "review_on", k->review_on);
      if (!demo_put (seed, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_kpi (DemoSeed      *seed,
          const EdaadDemoKpi *k,
          GError       **error)
{
  g_autofree char *kpi_id = NULL;
  g_autoptr(EdaadRecord) kpi = demo_record (seed, "kpi", seed->institution_scope, &kpi_id);

  set_text (kpi, "plan_id", seed->plan_ids[k->plan]);
  set_text (kpi, "name", k->name);
  set_text (kpi, "unit", k->unit);
  set_text (kpi, "direction", k->direction);
  edaad_record_set_real (kpi, "baseline", k->baseline);
  edaad_record_set_real (kpi, "target", k->target);
  set_day (seed, kpi, "target_on", k->target_on);
  if (!demo_put (seed, kpi, error))
    return FALSE;

  g_assert (k->n_readings >= 3 && k->n_readings <= MAX_READINGS);
  for (guint i = 0; i < k->n_readings; i++)
    {
      g_autoptr(EdaadRecord) r = demo_record (seed, "kpi_reading", seed->institution_scope, NULL);

      set_text (r, "kpi_id", kpi_id);
      set_day (seed, r, "measured_on", -4 - 30 * (int) (k->n_readings - 1 - i));
      edaad_record_set_real (r, "value", k->readings[i]);
      if (!demo_put (seed, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_adkar (DemoSeed  *seed,
            GError   **error)
{
  for (guint i = 0; i < edaad_demo_n_adkar; i++)
    {
      const EdaadDemoAdkar *a = &edaad_demo_adkar[i];
      g_autoptr(EdaadRecord) r = demo_record (seed, "adkar_assessment", seed->institution_scope,
                                              NULL);

      set_text (r, "plan_id", seed->plan_ids[a->plan]);
      set_text (r, "round", a->round);
      set_day (seed, r, "assessed_on", a->assessed_on);
      set_text (r, "group_name", a->group_name);
      edaad_record_set_real (r, "awareness", a->awareness);
      edaad_record_set_real (r, "desire", a->desire);
      edaad_record_set_real (r, "knowledge", a->knowledge);
      edaad_record_set_real (r, "ability", a->ability);
      edaad_record_set_real (r, "reinforcement", a->reinforcement);
      set_text (r, "notes", a->notes);
      if (!demo_put (seed, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_plans (DemoSeed  *seed,
            GError   **error)
{
  for (guint i = 0; i < N_PLANS; i++)
    if (!seed_plan (seed, &edaad_demo_plans[i], &seed->plan_ids[i], error))
      return FALSE;
  for (guint i = 0; i < edaad_demo_n_kpis; i++)
    if (!seed_kpi (seed, &edaad_demo_kpis[i], error))
      return FALSE;
  return seed_milestones (seed, error) && seed_stakeholders (seed, error) &&
         seed_risks (seed, error) && seed_adkar (seed, error);
}

/* Services move one portal stage about every 40 days: the day (from today) on which
 * service `index`, now at stage `current`, entered stage `stage` (≤ current). */
static int
stage_entered (guint index,
               int   current,
               int   stage)
{
  return -(current - stage) * 40 - 15 - (int) (index % 7) * 3;
}

static gboolean
seed_service_event (DemoSeed   *seed,
                    guint       index,
                    int         on,
                    const char *field,
                    const char *from,
                    const char *to,
                    GError    **error)
{
  g_autoptr(EdaadRecord) r = demo_record (seed, "service_event", seed->institution_scope, NULL);

  set_text (r, "service_id", seed->service_ids[index]);
  set_day (seed, r, "on", on);
  set_text (r, "field", field);
  set_text (r, "from", from);
  set_text (r, "to", to);
  return demo_put (seed, r, error);
}

/* The history of the last (up to three) stage moves and of the last maturity change. */
static gboolean
seed_service_history (DemoSeed             *seed,
                      guint                 index,
                      const EdaadFieldSpec *stage_spec,
                      int                   stage,
                      GError              **error)
{
  const EdaadDemoService *s = &edaad_demo_services[index];
  int live = edaad_field_enum_index (stage_spec, "live");

  for (int k = MAX (1, stage - 2); k <= stage; k++)
    if (!seed_service_event (seed, index, stage_entered (index, stage, k), "portal_stage",
                             stage_spec->enum_values[k - 1], stage_spec->enum_values[k], error))
      return FALSE;

  if (s->maturity_from == NULL)
    return TRUE;
  return seed_service_event (seed, index, stage_entered (index, stage, MIN (stage, live)),
                             "maturity", s->maturity_from, s->maturity, error);
}

/* Survey answers 0–4: business items lead technical ones, and both grow with the stage;
 * `index` and the item vary them a little so that no two services look alike. */
static gboolean
seed_survey (DemoSeed  *seed,
             guint      index,
             int        on,
             int        business,
             int        technical,
             GError   **error)
{
  g_autoptr(EdaadRecord) r = demo_record (seed, "readiness_survey", seed->institution_scope, NULL);

  set_text (r, "service_id", seed->service_ids[index]);
  set_day (seed, r, "surveyed_on", on);
  for (guint i = 0; i < G_N_ELEMENTS (survey_items); i++)
    {
      int base = i < 6 ? business : technical;
      int wobble = (int) ((index * 5 + i * 3) % 3) - 1;

      edaad_record_set_int (r, survey_items[i], CLAMP (base + wobble, 0, 4));
    }
  return demo_put (seed, r, error);
}

static gboolean
seed_service (DemoSeed             *seed,
              guint                 index,
              const EdaadFieldSpec *stage_spec,
              GError              **error)
{
  const EdaadDemoService *s = &edaad_demo_services[index];
  g_autoptr(EdaadRecord) r = demo_record (seed, "service", seed->institution_scope,
                                          &seed->service_ids[index]);
  int stage = edaad_field_enum_index (stage_spec, s->portal_stage);
  int survey = edaad_field_enum_index (stage_spec, "survey");
  int technical = edaad_field_enum_index (stage_spec, "technical_ready");

  g_assert (stage >= 0 && survey >= 0 && technical >= 0);
  set_text (r, "code", s->code);
  set_text (r, "name_en", s->name_en);
  set_text (r, "name_ar", s->name_ar);
  set_text (r, "audience", s->audience);
  set_text (r, "life_event", s->life_event);
  set_text (r, "maturity", s->maturity);
  set_text (r, "maturity_target", s->maturity_target);
  set_text (r, "portal_stage", s->portal_stage);
  set_text (r, "priority_phase", s->priority_phase);
  edaad_record_set_int (r, "annual_volume", s->annual_volume);
  edaad_record_set_int (r, "steps_before", s->steps_before);
  edaad_record_set_int (r, "steps_after", s->steps_after);
  edaad_record_set_real (r, "days_before", s->days_before);
  edaad_record_set_real (r, "days_after", s->days_after);
  if (!demo_put (seed, r, error))
    return FALSE;

  if (stage > 0 && !seed_service_history (seed, index, stage_spec, stage, error))
    return FALSE;
  if (stage >= survey &&
      !seed_survey (seed, index, stage_entered (index, stage, survey) + 7, 2, 1, error))
    return FALSE;
  if (stage >= technical &&
      !seed_survey (seed, index, stage_entered (index, stage, stage) + 5, MIN (stage, 4),
                    MIN (stage - 1, 4), error))
    return FALSE;
  return TRUE;
}

static gboolean
seed_services (DemoSeed  *seed,
               GError   **error)
{
  const EdaadKindSpec *kind = edaad_schema_lookup_kind ("service");
  const EdaadFieldSpec *stage_spec = edaad_kind_lookup_field (kind, "portal_stage");

  for (guint i = 0; i < N_SERVICES; i++)
    if (!seed_service (seed, i, stage_spec, error))
      return FALSE;
  return TRUE;
}

static gboolean
seed_modules (DemoSeed  *seed,
              GError   **error)
{
  for (guint i = 0; i < N_MODULES; i++)
    {
      const EdaadDemoModule *m = &edaad_demo_modules[i];
      int day = seed->course_day + (int) i;
      g_autoptr(EdaadRecord) r = demo_record (seed, "module", seed->programme_scope,
                                              &seed->module_ids[i]);
      g_autoptr(EdaadRecord) attendance = demo_record (seed, "attendance", seed->person_scope,
                                                       NULL);

      set_text (r, "edition_id", seed->edition_id);
      edaad_record_set_int (r, "position", i + 1);
      set_text (r, "title_en", m->title_en);
      set_text (r, "title_ar", m->title_ar);
      set_text (r, "description", m->description);
      /* 08:00–14:00 in Muscat (UTC+4) */
      set_instant (seed, r, "starts_at", day, 4, 0);
      set_instant (seed, r, "ends_at", day, 10, 0);
      set_text (r, "place", "MTCIT Training Centre, Muscat");
      set_text (r, "framework_tag", m->framework_tag);

      set_text (attendance, "module_id", seed->module_ids[i]);
      set_text (attendance, "status", m->attendance);
      if (!demo_put (seed, r, error) || !demo_put (seed, attendance, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_assignments (DemoSeed  *seed,
                  GError   **error)
{
  for (guint i = 0; i < N_ASSIGNMENTS; i++)
    {
      const EdaadDemoAssignment *a = &edaad_demo_assignments[i];
      g_autoptr(EdaadRecord) r = demo_record (seed, "assignment", seed->programme_scope,
                                              &seed->assignment_ids[i]);

      set_text (r, "edition_id", seed->edition_id);
      set_text (r, "module_id", seed->module_ids[a->module]);
      set_text (r, "title_en", a->title_en);
      set_text (r, "title_ar", a->title_ar);
      set_text (r, "brief", a->brief);
      set_text (r, "kind", a->kind);
      set_instant (seed, r, "due_at", seed->course_day + a->due_day, 19, 59);
      edaad_record_set_real (r, "weight", a->weight);
      edaad_record_set_real (r, "max_score", a->max_score);
      edaad_record_set_bool (r, "mandatory", a->mandatory);
      set_text (r, "plan_section", a->plan_section);
      if (!demo_put (seed, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_submission (DemoSeed             *seed,
                 const EdaadDemoSubmission *s,
                 GError              **error)
{
  g_autofree char *submission_id = NULL;
  g_autoptr(EdaadRecord) r = demo_record (seed, "submission", seed->person_scope, &submission_id);
  g_autoptr(EdaadRecord) grade = NULL;

  set_text (r, "assignment_id", seed->assignment_ids[s->assignment]);
  if (s->for_plan)
    set_text (r, "plan_id", seed->plan_ids[0]);
  set_text (r, "body", s->body);
  set_text (r, "status", s->status);
  if (s->submitted_day != NO_DAY)
    set_instant (seed, r, "submitted_at", seed->course_day + s->submitted_day,
                 s->submitted_hour, 25);
  if (!demo_put (seed, r, error))
    return FALSE;
  if (s->score < 0)
    return TRUE;

  grade = demo_record (seed, "grade", seed->person_scope, NULL);
  set_text (grade, "submission_id", submission_id);
  edaad_record_set_real (grade, "score", s->score);
  set_text (grade, "feedback", s->feedback);
  return demo_put (seed, grade, error);
}

static gboolean
seed_coursework (DemoSeed  *seed,
                 GError   **error)
{
  if (!seed_modules (seed, error) || !seed_assignments (seed, error))
    return FALSE;
  for (guint i = 0; i < edaad_demo_n_submissions; i++)
    if (!seed_submission (seed, &edaad_demo_submissions[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
seed_batch (EdaadStore  *store,
            gpointer     user_data,
            GError     **error)
{
  DemoSeed *seed = user_data;
  gint64 plans = edaad_store_count_live (store, "plan", error);

  if (plans < 0)
    return FALSE;
  if (plans > 0)
    {
      g_set_error_literal (error, EDAAD_DEMO_ERROR, EDAAD_DEMO_ERROR_NOT_EMPTY,
                           _("The sample data can only be added to an empty database, and this "
                             "one already holds change plans"));
      return FALSE;
    }

  return seed_institution (seed, error) && seed_plans (seed, error) &&
         seed_services (seed, error) && seed_coursework (seed, error);
}

gboolean
edaad_demo_seed (EdaadStore  *store,
                 GError     **error)
{
  DemoSeed seed = { 0 };
  gboolean ok;

  g_return_val_if_fail (EDAAD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  seed.store = store;
  seed.today = edaad_date_today ();
  seed.course_day = first_course_day (seed.today);
  seed.programme_scope = edaad_store_get_local_scope (store, EDAAD_SCOPE_PROGRAMME);
  seed.institution_scope = edaad_store_get_local_scope (store, EDAAD_SCOPE_INSTITUTION);
  seed.person_scope = edaad_store_get_local_scope (store, EDAAD_SCOPE_PERSON);

  ok = edaad_store_run_batch (store, seed_batch, &seed, error);
  demo_seed_clear (&seed);
  return ok;
}
