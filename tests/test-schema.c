/* test-schema.c — the schema table is complete and consistent. */
#include "config.h"

#include "edaad-schema.h"

#include <string.h>

static void
test_schema_kinds_present (void)
{
  static const char *expected[] = {
    "institution", "plan", "milestone", "stakeholder", "risk", "kpi", "kpi_reading",
    "adkar_assessment", "service", "service_event", "readiness_survey", "edition", "module",
    "assignment", "submission", "grade", "attendance", "conflict",
  };

  g_assert_cmpuint (edaad_schema_n_kinds (), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (edaad_schema_lookup_kind (expected[i]));
  g_assert_null (edaad_schema_lookup_kind ("planet"));
  g_assert_null (edaad_schema_lookup_kind (NULL));
}

static void
test_schema_consistent (void)
{
  for (guint k = 0; k < edaad_schema_n_kinds (); k++)
    {
      const EdaadKindSpec *kind = edaad_schema_kind_at (k);

      g_assert_nonnull (kind->label);
      g_assert_cmpuint (kind->n_fields, >, 0);
      g_assert_nonnull (edaad_kind_title_field (kind) ?: &kind->fields[0]);

      for (guint f = 0; f < kind->n_fields; f++)
        {
          const EdaadFieldSpec *field = &kind->fields[f];

          /* names are unique within a kind */
          g_assert_cmpint (edaad_kind_field_index (kind, field->name), ==, (int) f);
          g_assert_nonnull (field->label);

          switch (field->type)
            {
            case EDAAD_FIELD_STRING:
              g_assert_cmpuint (field->max_len, >, 0);
              g_assert_cmpuint (field->max_len * 4, <=, EDAAD_STRING_MAX_BYTES);
              break;
            case EDAAD_FIELD_INT:
              g_assert_cmpint (field->min, <, field->max);
              if (field->default_value != NULL)
                {
                  gint64 def = g_ascii_strtoll (field->default_value, NULL, 10);
                  g_assert_cmpint (def, >=, field->min);
                  g_assert_cmpint (def, <=, field->max);
                }
              break;
            case EDAAD_FIELD_REAL:
              g_assert_cmpfloat (field->real_min, <, field->real_max);
              break;
            case EDAAD_FIELD_ENUM:
              g_assert_nonnull (field->enum_values);
              g_assert_nonnull (field->enum_labels);
              g_assert_cmpuint (g_strv_length ((char **) field->enum_values), ==,
                                g_strv_length ((char **) field->enum_labels));
              if (field->default_value != NULL)
                g_assert_cmpint (edaad_field_enum_index (field, field->default_value), >=, 0);
              break;
            case EDAAD_FIELD_BOOL:
              g_assert_true (field->default_value == NULL ||
                             strcmp (field->default_value, "true") == 0 ||
                             strcmp (field->default_value, "false") == 0);
              break;
            case EDAAD_FIELD_UUID:
              if (field->ref_kind != NULL)
                g_assert_nonnull (edaad_schema_lookup_kind (field->ref_kind));
              break;
            case EDAAD_FIELD_DATE:
            case EDAAD_FIELD_INSTANT:
            case EDAAD_FIELD_JSON:
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
}

static void
test_schema_append_only (void)
{
  g_assert_true (edaad_schema_lookup_kind ("kpi_reading")->append_only);
  g_assert_true (edaad_schema_lookup_kind ("adkar_assessment")->append_only);
  g_assert_true (edaad_schema_lookup_kind ("service_event")->append_only);
  g_assert_false (edaad_schema_lookup_kind ("plan")->append_only);
  g_assert_cmpint (edaad_schema_lookup_kind ("grade")->scope, ==, EDAAD_SCOPE_PERSON);
  g_assert_true (edaad_schema_lookup_kind ("grade")->office_only);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schema/kinds-present", test_schema_kinds_present);
  g_test_add_func ("/schema/consistent", test_schema_consistent);
  g_test_add_func ("/schema/append-only", test_schema_append_only);
  return g_test_run ();
}
