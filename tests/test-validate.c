/* test-validate.c — every kind of validation failure, every message, and valid records. */
#include "config.h"

#include "edaad-validate.h"

#include <math.h>
#include <string.h>

#define SCOPE "0190a3c4-0000-7000-8000-0000000000aa"
#define REF_ID "0190a3c4-0000-7000-8000-000000000123"

/* A valid value for any field, generically from its spec. */
static GVariant *
valid_value_for (const EdaadFieldSpec *field)
{
  switch (field->type)
    {
    case EDAAD_FIELD_STRING:
      return g_variant_new_string ("x");
    case EDAAD_FIELD_INT:
      return g_variant_new_int64 (field->min);
    case EDAAD_FIELD_REAL:
      return g_variant_new_double (field->real_max);
    case EDAAD_FIELD_BOOL:
      return g_variant_new_boolean (TRUE);
    case EDAAD_FIELD_ENUM:
      return g_variant_new_string (field->enum_values[0]);
    case EDAAD_FIELD_DATE:
      return g_variant_new_string ("2025-06-01");
    case EDAAD_FIELD_INSTANT:
      return g_variant_new_string ("2025-06-01T08:00:00Z");
    case EDAAD_FIELD_UUID:
      return g_variant_new_string (REF_ID);
    case EDAAD_FIELD_JSON:
      return g_variant_new_string ("{\"a\": 1}");
    default:
      g_assert_not_reached ();
    }
}

/* A record of `kind` with its required fields and the first field of each one-of group set. */
static EdaadRecord *
minimal_record (const EdaadKindSpec *kind)
{
  EdaadRecord *record = edaad_record_new (kind);
  guint groups_done = 0;

  edaad_record_set_id (record, "0190a3c4-0000-7000-8000-000000000001");
  edaad_record_set_scope (record, SCOPE);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];
      gboolean first_of_group = field->one_of_group != 0 && !(groups_done & (1u << field->one_of_group));

      if ((field->flags & EDAAD_FIELD_REQUIRED) || first_of_group)
        edaad_record_set_value (record, field->name, valid_value_for (field));
      if (first_of_group)
        groups_done |= 1u << field->one_of_group;
    }
  return record;
}

static GPtrArray *
problems_of (EdaadRecord *record)
{
  GPtrArray *problems = edaad_validate_all (record);
  g_assert_nonnull (problems);
  return problems;
}

static void
assert_one_problem (EdaadRecord          *record,
                    const char           *field,
                    EdaadValidationError  code,
                    const char           *message)
{
  g_autoptr(GPtrArray) problems = problems_of (record);
  g_autoptr(GError) error = NULL;
  EdaadFieldProblem *p;

  if (problems->len != 1)
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("problem: %s: %s\n", ((EdaadFieldProblem *) problems->pdata[i])->field,
                    ((EdaadFieldProblem *) problems->pdata[i])->message);
    }
  g_assert_cmpuint (problems->len, ==, 1);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (p->field, ==, field);
  g_assert_cmpint (p->code, ==, code);
  g_assert_cmpstr (p->message, ==, message);

  g_assert_false (edaad_validate_record (record, &error));
  g_assert_error (error, EDAAD_VALIDATION_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_valid (EdaadRecord *record)
{
  g_autoptr(GPtrArray) problems = problems_of (record);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s problem: %s: %s\n", edaad_record_get_kind_name (record),
                ((EdaadFieldProblem *) problems->pdata[i])->field,
                ((EdaadFieldProblem *) problems->pdata[i])->message);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (edaad_validate_record (record, &error));
  g_assert_no_error (error);
}

static void
test_validate_every_kind_valid (void)
{
  for (guint k = 0; k < edaad_schema_n_kinds (); k++)
    {
      const EdaadKindSpec *kind = edaad_schema_kind_at (k);
      g_autoptr(EdaadRecord) record = minimal_record (kind);
      g_autoptr(EdaadRecord) full = minimal_record (kind);

      assert_valid (record);
      for (guint i = 0; i < kind->n_fields; i++)
        g_assert_true (edaad_validate_field (record, kind->fields[i].name, NULL));

      /* every field filled with a valid value is valid too */
      for (guint i = 0; i < kind->n_fields; i++)
        edaad_record_set_value (full, kind->fields[i].name, valid_value_for (&kind->fields[i]));
      assert_valid (full);
    }
}

static void
test_validate_required (void)
{
  const EdaadKindSpec *kind = edaad_schema_lookup_kind ("risk");
  g_autoptr(EdaadRecord) risk = minimal_record (kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  edaad_record_set_string (risk, "title", NULL);
  assert_one_problem (risk, "title", EDAAD_VALIDATION_ERROR_REQUIRED, "Title is required");

  /* blank text is not a value */
  edaad_record_set_string (risk, "title", "");
  assert_one_problem (risk, "title", EDAAD_VALIDATION_ERROR_REQUIRED, "Title is required");
  edaad_record_set_string (risk, "title", " \t\n\u00a0");
  assert_one_problem (risk, "title", EDAAD_VALIDATION_ERROR_REQUIRED, "Title is required");
  g_assert_false (edaad_validate_field (risk, "title", &error));
  g_assert_error (error, EDAAD_VALIDATION_ERROR, EDAAD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  edaad_record_set_string (risk, "title", "Vendor delay");
  edaad_record_set_value (risk, "likelihood", NULL);
  assert_one_problem (risk, "likelihood", EDAAD_VALIDATION_ERROR_REQUIRED, "Likelihood is required");

  /* several problems come out in schema order */
  edaad_record_set_string (risk, "plan_id", NULL);
  edaad_record_set_value (risk, "impact", NULL);
  problems = problems_of (risk);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (((EdaadFieldProblem *) problems->pdata[0])->field, ==, "plan_id");
  g_assert_cmpstr (((EdaadFieldProblem *) problems->pdata[0])->message, ==, "Plan is required");
  g_assert_cmpstr (((EdaadFieldProblem *) problems->pdata[1])->field, ==, "likelihood");
  g_assert_cmpstr (((EdaadFieldProblem *) problems->pdata[2])->field, ==, "impact");

  /* validate_record reports the first */
  g_assert_false (edaad_validate_record (risk, &error));
  g_assert_cmpstr (error->message, ==, "Plan is required");

  /* an unset optional field is fine */
  g_assert_true (edaad_validate_field (risk, "mitigation", NULL));
}

static void
test_validate_range (void)
{
  g_autoptr(EdaadRecord) risk = minimal_record (edaad_schema_lookup_kind ("risk"));
  g_autoptr(EdaadRecord) adkar = minimal_record (edaad_schema_lookup_kind ("adkar_assessment"));
  g_autoptr(EdaadRecord) kpi = minimal_record (edaad_schema_lookup_kind ("kpi"));
  g_autoptr(EdaadRecord) milestone = minimal_record (edaad_schema_lookup_kind ("milestone"));
  g_autoptr(GError) error = NULL;

  edaad_record_set_int (risk, "likelihood", 6);
  assert_one_problem (risk, "likelihood", EDAAD_VALIDATION_ERROR_RANGE, "Likelihood must be between 1 and 5");
  edaad_record_set_int (risk, "likelihood", 0);
  assert_one_problem (risk, "likelihood", EDAAD_VALIDATION_ERROR_RANGE, "Likelihood must be between 1 and 5");
  g_assert_false (edaad_validate_field (risk, "likelihood", &error));
  g_assert_error (error, EDAAD_VALIDATION_ERROR, EDAAD_VALIDATION_ERROR_RANGE);
  edaad_record_set_int (risk, "likelihood", 5);
  assert_valid (risk);
  edaad_record_set_int (risk, "likelihood", 1);
  assert_valid (risk);

  edaad_record_set_int (milestone, "position", -1);
  assert_one_problem (milestone, "position", EDAAD_VALIDATION_ERROR_RANGE,
                      "Position must be between 0 and 2147483647");

  edaad_record_set_real (adkar, "desire", 5.5);
  assert_one_problem (adkar, "desire", EDAAD_VALIDATION_ERROR_RANGE, "Desire must be between 1 and 5");
  edaad_record_set_real (adkar, "desire", 0.99);
  assert_one_problem (adkar, "desire", EDAAD_VALIDATION_ERROR_RANGE, "Desire must be between 1 and 5");
  edaad_record_set_real (adkar, "desire", NAN);
  assert_one_problem (adkar, "desire", EDAAD_VALIDATION_ERROR_RANGE, "Desire must be a number");
  edaad_record_set_real (adkar, "desire", INFINITY);
  assert_one_problem (adkar, "desire", EDAAD_VALIDATION_ERROR_RANGE, "Desire must be a number");
  edaad_record_set_real (adkar, "desire", 2.5);
  assert_valid (adkar);

  edaad_record_set_real (kpi, "target", -2e12);
  assert_one_problem (kpi, "target", EDAAD_VALIDATION_ERROR_RANGE,
                      "Target must be between -1000000000000 and 1000000000000");
}

static void
test_validate_too_long (void)
{
  g_autoptr(EdaadRecord) plan = minimal_record (edaad_schema_lookup_kind ("plan"));
  g_autoptr(GString) text = g_string_new (NULL);

  /* 40 Arabic letters are 80 bytes but 40 characters: fine */
  for (guint i = 0; i < 40; i++)
    g_string_append (text, "ع");
  edaad_record_set_string (plan, "code", text->str);
  assert_valid (plan);

  g_string_append (text, "ع");
  edaad_record_set_string (plan, "code", text->str);
  assert_one_problem (plan, "code", EDAAD_VALIDATION_ERROR_TOO_LONG, "Code must be at most 40 characters long");
}

static void
test_validate_nul_and_utf8 (void)
{
  g_autoptr(EdaadRecord) plan = minimal_record (edaad_schema_lookup_kind ("plan"));
  static const char with_nul[] = "ab\0cd";
  static const char bad_utf8[] = "ab\xff\xfe";

  /* GVariant refuses such text unless it is "trusted" serialised data, which is
   * exactly how corrupted input could reach a record. */
  edaad_record_set_value (plan, "summary",
                          g_variant_new_from_data (G_VARIANT_TYPE_STRING, with_nul, sizeof with_nul,
                                                   TRUE, NULL, NULL));
  assert_one_problem (plan, "summary", EDAAD_VALIDATION_ERROR_NUL, "Summary contains characters that are not allowed");

  edaad_record_set_value (plan, "summary",
                          g_variant_new_from_data (G_VARIANT_TYPE_STRING, bad_utf8, sizeof bad_utf8,
                                                   TRUE, NULL, NULL));
  assert_one_problem (plan, "summary", EDAAD_VALIDATION_ERROR_NUL, "Summary contains characters that are not allowed");

  edaad_record_set_string (plan, "summary", "ok");
  assert_valid (plan);
}

static void
test_validate_enum (void)
{
  g_autoptr(EdaadRecord) plan = minimal_record (edaad_schema_lookup_kind ("plan"));

  edaad_record_set_string (plan, "priority", "urgent");
  assert_one_problem (plan, "priority", EDAAD_VALIDATION_ERROR_BAD_ENUM, "Priority has an unknown value “urgent”");
  edaad_record_set_string (plan, "priority", "");
  assert_one_problem (plan, "priority", EDAAD_VALIDATION_ERROR_BAD_ENUM, "Priority has an unknown value “”");
  edaad_record_set_string (plan, "priority", "HIGH");
  assert_one_problem (plan, "priority", EDAAD_VALIDATION_ERROR_BAD_ENUM, "Priority has an unknown value “HIGH”");
  edaad_record_set_string (plan, "priority", "high");
  assert_valid (plan);

  /* a required enum that is blank is missing, not unknown */
  edaad_record_set_string (plan, "status", "");
  assert_one_problem (plan, "status", EDAAD_VALIDATION_ERROR_REQUIRED, "Status is required");
}

static void
test_validate_dates (void)
{
  g_autoptr(EdaadRecord) risk = minimal_record (edaad_schema_lookup_kind ("risk"));
  g_autoptr(EdaadRecord) assignment = minimal_record (edaad_schema_lookup_kind ("assignment"));

  edaad_record_set_string (risk, "review_on", "31/12/2025");
  assert_one_problem (risk, "review_on", EDAAD_VALIDATION_ERROR_BAD_DATE,
                      "Next review must be a date in the form YYYY-MM-DD");
  edaad_record_set_string (risk, "review_on", "2025-12-31x");
  assert_one_problem (risk, "review_on", EDAAD_VALIDATION_ERROR_BAD_DATE,
                      "Next review must be a date in the form YYYY-MM-DD");
  edaad_record_set_string (risk, "review_on", "2025-02-29");
  assert_one_problem (risk, "review_on", EDAAD_VALIDATION_ERROR_BAD_DATE, "Next review is not a real calendar date");
  edaad_record_set_string (risk, "review_on", "2025-13-01");
  assert_one_problem (risk, "review_on", EDAAD_VALIDATION_ERROR_BAD_DATE, "Next review is not a real calendar date");
  edaad_record_set_string (risk, "review_on", "1850-01-01");
  assert_one_problem (risk, "review_on", EDAAD_VALIDATION_ERROR_BAD_DATE,
                      "Next review must be between the years 1900 and 2200");
  edaad_record_set_string (risk, "review_on", "2024-02-29");
  assert_valid (risk);

  edaad_record_set_string (assignment, "due_at", "2026-11-27 10:00");
  assert_one_problem (assignment, "due_at", EDAAD_VALIDATION_ERROR_BAD_DATE,
                      "Due must be a UTC time like 2026-11-27T10:00:00Z");
  edaad_record_set_string (assignment, "due_at", "2026-11-27T10:00:00+04:00");
  assert_one_problem (assignment, "due_at", EDAAD_VALIDATION_ERROR_BAD_DATE,
                      "Due must be a UTC time like 2026-11-27T10:00:00Z");
  edaad_record_set_string (assignment, "due_at", "2026-11-27T10:00:00.5Z");
  assert_valid (assignment);
}

static void
test_validate_uuid (void)
{
  g_autoptr(EdaadRecord) milestone = minimal_record (edaad_schema_lookup_kind ("milestone"));

  edaad_record_set_string (milestone, "plan_id", "plan-1");
  assert_one_problem (milestone, "plan_id", EDAAD_VALIDATION_ERROR_BAD_UUID, "Plan does not refer to a valid record");
  edaad_record_set_string (milestone, "plan_id", REF_ID);
  assert_valid (milestone);

  edaad_record_set_id (milestone, "not-a-uuid");
  assert_one_problem (milestone, "id", EDAAD_VALIDATION_ERROR_BAD_UUID, "The record’s identifier is not valid");
  edaad_record_set_id (milestone, NULL); /* the store assigns one */
  assert_valid (milestone);

  edaad_record_set_scope (milestone, "");
  assert_one_problem (milestone, "scope", EDAAD_VALIDATION_ERROR_BAD_UUID, "The record’s owner is not valid");
}

static void
test_validate_groups (void)
{
  g_autoptr(EdaadRecord) service = minimal_record (edaad_schema_lookup_kind ("service"));
  g_autoptr(EdaadRecord) module = minimal_record (edaad_schema_lookup_kind ("module"));
  g_autoptr(EdaadRecord) kpi = minimal_record (edaad_schema_lookup_kind ("kpi"));
  g_autoptr(EdaadRecord) inst = edaad_record_new_for_kind ("institution");
  g_autoptr(GPtrArray) problems = NULL;

  edaad_record_set_string (service, "name_en", NULL);
  assert_one_problem (service, "name_en", EDAAD_VALIDATION_ERROR_REQUIRED, "Enter a name in English or in Arabic");
  edaad_record_set_string (service, "name_ar", "   ");
  assert_one_problem (service, "name_en", EDAAD_VALIDATION_ERROR_REQUIRED, "Enter a name in English or in Arabic");
  edaad_record_set_string (service, "name_ar", "خدمة");
  assert_valid (service);

  /* group rules are record-level: the field on its own is fine */
  g_assert_true (edaad_validate_field (service, "name_en", NULL));

  edaad_record_set_string (module, "title_en", NULL);
  assert_one_problem (module, "title_en", EDAAD_VALIDATION_ERROR_REQUIRED, "Enter a title in English or in Arabic");
  edaad_record_set_string (module, "title_ar", "التغيير");
  assert_valid (module);

  edaad_record_set_string (kpi, "plan_id", NULL);
  assert_one_problem (kpi, "plan_id", EDAAD_VALIDATION_ERROR_REQUIRED,
                      "Choose the plan or the service this KPI measures");
  edaad_record_set_string (kpi, "service_id", REF_ID);
  assert_valid (kpi);
  /* both set is fine too */
  edaad_record_set_string (kpi, "plan_id", REF_ID);
  assert_valid (kpi);

  /* a group member with a bad value counts as filled; the value error is reported */
  edaad_record_set_string (kpi, "plan_id", NULL);
  edaad_record_set_string (kpi, "service_id", "x");
  assert_one_problem (kpi, "service_id", EDAAD_VALIDATION_ERROR_BAD_UUID, "Service does not refer to a valid record");

  /* an empty record collects field and group problems, fields first */
  problems = problems_of (inst);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((EdaadFieldProblem *) problems->pdata[0])->message, ==, "Enter a name in English or in Arabic");
}

static void
test_validate_plan_order (void)
{
  g_autoptr(EdaadRecord) plan = minimal_record (edaad_schema_lookup_kind ("plan"));
  g_autoptr(GPtrArray) problems = NULL;

  edaad_record_set_string (plan, "start_on", "2025-03-01");
  edaad_record_set_string (plan, "go_live_on", "2025-06-01");
  edaad_record_set_string (plan, "due_on", "2025-09-01");
  assert_valid (plan);

  /* equal dates are allowed */
  edaad_record_set_string (plan, "go_live_on", "2025-03-01");
  edaad_record_set_string (plan, "due_on", "2025-03-01");
  assert_valid (plan);

  edaad_record_set_string (plan, "go_live_on", "2025-02-28");
  edaad_record_set_string (plan, "due_on", "2025-09-01");
  assert_one_problem (plan, "go_live_on", EDAAD_VALIDATION_ERROR_BAD_ORDER,
                      "The go-live date cannot be before the start date");

  edaad_record_set_string (plan, "go_live_on", "2025-10-01");
  assert_one_problem (plan, "due_on", EDAAD_VALIDATION_ERROR_BAD_ORDER,
                      "The due date cannot be before the go-live date");

  /* without a go-live date, start and due are compared directly */
  edaad_record_set_string (plan, "go_live_on", NULL);
  edaad_record_set_string (plan, "due_on", "2025-01-01");
  assert_one_problem (plan, "due_on", EDAAD_VALIDATION_ERROR_BAD_ORDER,
                      "The due date cannot be before the start date");

  /* a malformed go-live date is reported as such, and start/due still checked */
  edaad_record_set_string (plan, "go_live_on", "soon");
  problems = problems_of (plan);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpint (((EdaadFieldProblem *) problems->pdata[0])->code, ==, EDAAD_VALIDATION_ERROR_BAD_DATE);
  g_assert_cmpstr (((EdaadFieldProblem *) problems->pdata[1])->message, ==,
                   "The due date cannot be before the start date");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* start after both go-live and due: both chain rules fire, the direct one does not */
  edaad_record_set_string (plan, "start_on", "2026-01-01");
  edaad_record_set_string (plan, "go_live_on", "2025-06-01");
  edaad_record_set_string (plan, "due_on", "2025-09-01");
  assert_one_problem (plan, "go_live_on", EDAAD_VALIDATION_ERROR_BAD_ORDER,
                      "The go-live date cannot be before the start date");

  /* only one end set: nothing to compare */
  edaad_record_set_string (plan, "start_on", NULL);
  edaad_record_set_string (plan, "go_live_on", NULL);
  assert_valid (plan);
}

static void
test_validate_edition_module_order (void)
{
  g_autoptr(EdaadRecord) edition = minimal_record (edaad_schema_lookup_kind ("edition"));
  g_autoptr(EdaadRecord) module = minimal_record (edaad_schema_lookup_kind ("module"));

  edaad_record_set_string (edition, "starts_on", "2025-10-05");
  edaad_record_set_string (edition, "ends_on", "2025-10-04");
  assert_one_problem (edition, "ends_on", EDAAD_VALIDATION_ERROR_BAD_ORDER,
                      "The end date cannot be before the start date");
  edaad_record_set_string (edition, "ends_on", "2025-10-05");
  assert_valid (edition);

  edaad_record_set_string (module, "starts_at", "2025-10-05T09:00:00Z");
  edaad_record_set_string (module, "ends_at", "2025-10-05T08:59:59.999Z");
  assert_one_problem (module, "ends_at", EDAAD_VALIDATION_ERROR_BAD_ORDER,
                      "The end time cannot be before the start time");
  edaad_record_set_string (module, "ends_at", "2025-10-05T13:00:00Z");
  assert_valid (module);
}

static void
test_validate_field_api (void)
{
  g_autoptr(EdaadRecord) plan = minimal_record (edaad_schema_lookup_kind ("plan"));
  g_autoptr(GError) error = NULL;

  /* field checks ignore other fields' problems */
  edaad_record_set_string (plan, "title", NULL);
  g_assert_true (edaad_validate_field (plan, "kotter_step", &error));
  g_assert_no_error (error);
  edaad_record_set_int (plan, "kotter_step", 9);
  g_assert_false (edaad_validate_field (plan, "kotter_step", &error));
  g_assert_error (error, EDAAD_VALIDATION_ERROR, EDAAD_VALIDATION_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==, "Kotter step must be between 1 and 8");
  g_clear_error (&error);

  /* cross-field rules are record-level */
  edaad_record_set_string (plan, "start_on", "2025-03-01");
  edaad_record_set_string (plan, "due_on", "2025-01-01");
  g_assert_true (edaad_validate_field (plan, "due_on", NULL));
}

static void
test_validate_unknown_field (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
      edaad_validate_field (plan, "nope", NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*spec != NULL*");
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/every-kind-valid", test_validate_every_kind_valid);
  g_test_add_func ("/validate/required", test_validate_required);
  g_test_add_func ("/validate/range", test_validate_range);
  g_test_add_func ("/validate/too-long", test_validate_too_long);
  g_test_add_func ("/validate/nul-and-utf8", test_validate_nul_and_utf8);
  g_test_add_func ("/validate/enum", test_validate_enum);
  g_test_add_func ("/validate/dates", test_validate_dates);
  g_test_add_func ("/validate/uuid", test_validate_uuid);
  g_test_add_func ("/validate/groups", test_validate_groups);
  g_test_add_func ("/validate/plan-order", test_validate_plan_order);
  g_test_add_func ("/validate/edition-module-order", test_validate_edition_module_order);
  g_test_add_func ("/validate/field-api", test_validate_field_api);
  g_test_add_func ("/validate/unknown-field", test_validate_unknown_field);
  return g_test_run ();
}
