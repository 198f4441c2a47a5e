/* bench-data.c — the large, reproducible data set the benchmarks share.
 *
 * bench-store and bench-startup both fill their database here, so that their figures are
 * about the same data.  Everything goes through the real store API. */
#define G_LOG_DOMAIN "bench-data"

#include "config.h"

#include "bench-data.h"

#include "edaad-uuid.h"

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
  g_date_set_parse (&date, BENCH_DATA_TODAY);
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

gboolean
bench_data_generate (EdaadStore  *store,
                     guint        n_plans,
                     GPtrArray   *plan_ids,
                     GError     **error)
{
  Generator gen = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (EDAAD_IS_STORE (store), FALSE);

  gen.rand = g_rand_new_with_seed (BENCH_DATA_SEED);
  gen.scope = edaad_store_get_local_scope (store, EDAAD_SCOPE_INSTITUTION);
  gen.n_plans = n_plans;
  gen.n_services = n_plans / 2;
  gen.chunk = 2000;
  gen.plan_ids = plan_ids != NULL ? g_ptr_array_ref (plan_ids) : g_ptr_array_new_with_free_func (g_free);

  while (ok && (gen.next_plan < gen.n_plans || gen.next_service < gen.n_services))
    ok = edaad_store_run_batch (store, generate_chunk, &gen, error);

  g_ptr_array_unref (gen.plan_ids);
  g_rand_free (gen.rand);
  return ok;
}
