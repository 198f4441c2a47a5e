/* edaad-validate.c — record validation against the schema, with messages for editors. */
#define G_LOG_DOMAIN "edaad-validate"

#include "config.h"

#include "edaad-validate.h"

#include "edaad-date.h"
#include "edaad-uuid.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (edaad-validation-error-quark, edaad_validation_error)

/* Cross-field order rules: `earlier` must not come after `later` when both are set and
 * well-formed.  A rule with `unless` applies only while that field holds no valid date
 * (otherwise the chain through it is checked by the other rules). */
typedef struct
{
  const char *kind;
  const char *earlier;
  const char *later;
  const char *unless;
  const char *message;
} OrderRule;

static const OrderRule order_rules[] = {
  { "plan", "start_on", "go_live_on", NULL, N_("The go-live date cannot be before the start date") },
  { "plan", "go_live_on", "due_on", NULL, N_("The due date cannot be before the go-live date") },
  { "plan", "start_on", "due_on", "go_live_on", N_("The due date cannot be before the start date") },
  { "edition", "starts_on", "ends_on", NULL, N_("The end date cannot be before the start date") },
  { "module", "starts_at", "ends_at", NULL, N_("The end time cannot be before the start time") },
};

/* One-of groups whose generic message would read badly. */
typedef struct
{
  const char *kind;
  guint group;
  const char *message;
} GroupMessage;

static const GroupMessage group_messages[] = {
  { "kpi", 1, N_("Choose the plan or the service this KPI measures") },
};

void
edaad_field_problem_free (EdaadFieldProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static EdaadFieldProblem *
problem_new (const char           *field,
             EdaadValidationError  code,
             char                 *message)
{
  EdaadFieldProblem *problem = g_new0 (EdaadFieldProblem, 1);

  problem->field = g_strdup (field);
  problem->code = code;
  problem->message = message;
  return problem;
}

static const char *
field_label (const EdaadFieldSpec *field)
{
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

/* A bound as people write it: "0", "100", "2.5", "-1000000000000". */
static char *
format_bound (double value)
{
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%g", value);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* TRUE when the value counts as "filled in" for REQUIRED and one-of groups. */
static gboolean
value_is_present (GVariant *value)
{
  if (value == NULL)
    return FALSE;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return !is_blank (g_variant_get_string (value, NULL));
  return TRUE;
}

/* A malformed, impossible or out-of-range date gets its own message. */
static EdaadFieldProblem *
check_date (const EdaadFieldSpec *field,
            const char           *text)
{
  gboolean shaped = strlen (text) == 10;

  if (edaad_date_is_valid (text))
    return NULL;

  for (guint i = 0; shaped && i < 10; i++)
    shaped = (i == 4 || i == 7) ? text[i] == '-' : g_ascii_isdigit (text[i]);

  if (!shaped)
    return problem_new (field->name, EDAAD_VALIDATION_ERROR_BAD_DATE,
                        /* Translators: %s is a field label; keep YYYY-MM-DD as is */
                        g_strdup_printf (_("%s must be a date in the form YYYY-MM-DD"), field_label (field)));

  {
    int year = (int) g_ascii_strtoll (text, NULL, 10);

    if (year < EDAAD_DATE_MIN_YEAR || year > EDAAD_DATE_MAX_YEAR)
      return problem_new (field->name, EDAAD_VALIDATION_ERROR_BAD_DATE,
                          g_strdup_printf (_("%s must be between the years %d and %d"),
                                           field_label (field), EDAAD_DATE_MIN_YEAR, EDAAD_DATE_MAX_YEAR));
  }

  return problem_new (field->name, EDAAD_VALIDATION_ERROR_BAD_DATE,
                      g_strdup_printf (_("%s is not a real calendar date"), field_label (field)));
}

static EdaadFieldProblem *
check_string (const EdaadFieldSpec *field,
              GVariant             *value)
{
  gsize length = 0;
  const char *text = g_variant_get_string (value, &length);

  if (strlen (text) != length || !g_utf8_validate (text, (gssize) length, NULL))
    return problem_new (field->name, EDAAD_VALIDATION_ERROR_NUL,
                        g_strdup_printf (_("%s contains characters that are not allowed"), field_label (field)));

  switch (field->type)
    {
    case EDAAD_FIELD_STRING:
      if (g_utf8_strlen (text, (gssize) length) > (glong) field->max_len)
        return problem_new (field->name, EDAAD_VALIDATION_ERROR_TOO_LONG,
                            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s must be at most %u character long",
                                                          "%s must be at most %u characters long",
                                                          field->max_len),
                                             field_label (field), field->max_len));
      return NULL;

    case EDAAD_FIELD_ENUM:
      if (edaad_field_enum_index (field, text) < 0)
        return problem_new (field->name, EDAAD_VALIDATION_ERROR_BAD_ENUM,
                            g_strdup_printf (_("%s has an unknown value “%s”"), field_label (field), text));
      return NULL;

    case EDAAD_FIELD_DATE:
      return check_date (field, text);

    case EDAAD_FIELD_INSTANT:
      if (!edaad_instant_is_valid (text))
        return problem_new (field->name, EDAAD_VALIDATION_ERROR_BAD_DATE,
                            /* Translators: %s is a field label; keep the example time as is */
                            g_strdup_printf (_("%s must be a UTC time like 2026-11-27T10:00:00Z"),
                                             field_label (field)));
      return NULL;

    case EDAAD_FIELD_UUID:
      if (!edaad_uuid_is_valid (text))
        return problem_new (field->name, EDAAD_VALIDATION_ERROR_BAD_UUID,
                            g_strdup_printf (_("%s does not refer to a valid record"), field_label (field)));
      return NULL;

    case EDAAD_FIELD_JSON:
      /* JSON text is machine-written (conflict copies); only its encoding is checked. */
      return NULL;

    case EDAAD_FIELD_INT:
    case EDAAD_FIELD_REAL:
    case EDAAD_FIELD_BOOL:
    default:
      g_assert_not_reached ();
    }
}

static EdaadFieldProblem *
check_field (EdaadRecord          *record,
             const EdaadFieldSpec *field)
{
  GVariant *value = edaad_record_get_value (record, field->name);

  if ((field->flags & EDAAD_FIELD_REQUIRED) && !value_is_present (value))
    return problem_new (field->name, EDAAD_VALIDATION_ERROR_REQUIRED,
                        g_strdup_printf (_("%s is required"), field_label (field)));
  if (value == NULL)
    return NULL;

  switch (field->type)
    {
    case EDAAD_FIELD_INT:
      {
        gint64 v = g_variant_get_int64 (value);

        if (v < field->min || v > field->max)
          return problem_new (field->name, EDAAD_VALIDATION_ERROR_RANGE,
                              g_strdup_printf (_("%s must be between %lld and %lld"), field_label (field),
                                               (long long) field->min, (long long) field->max));
        return NULL;
      }

    case EDAAD_FIELD_REAL:
      {
        double v = g_variant_get_double (value);

        if (!isfinite (v))
          return problem_new (field->name, EDAAD_VALIDATION_ERROR_RANGE,
                              g_strdup_printf (_("%s must be a number"), field_label (field)));
        if (v < field->real_min || v > field->real_max)
          {
            g_autofree char *lo = format_bound (field->real_min);
            g_autofree char *hi = format_bound (field->real_max);

            return problem_new (field->name, EDAAD_VALIDATION_ERROR_RANGE,
                                g_strdup_printf (_("%s must be between %s and %s"), field_label (field), lo, hi));
          }
        return NULL;
      }

    case EDAAD_FIELD_BOOL:
      return NULL;

    case EDAAD_FIELD_STRING:
    case EDAAD_FIELD_ENUM:
    case EDAAD_FIELD_DATE:
    case EDAAD_FIELD_INSTANT:
    case EDAAD_FIELD_UUID:
    case EDAAD_FIELD_JSON:
      return check_string (field, value);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
problem_to_error (EdaadFieldProblem  *problem,
                  GError            **error)
{
  if (problem == NULL)
    return TRUE;
  g_set_error_literal (error, EDAAD_VALIDATION_ERROR, problem->code, problem->message);
  edaad_field_problem_free (problem);
  return FALSE;
}

gboolean
edaad_validate_field (EdaadRecord  *record,
                      const char   *field,
                      GError      **error)
{
  const EdaadFieldSpec *spec;

  g_return_val_if_fail (EDAAD_IS_RECORD (record), FALSE);
  spec = edaad_kind_lookup_field (edaad_record_get_kind (record), field);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return problem_to_error (check_field (record, spec), error);
}

/* "Enter a name in English or in Arabic" and friends. */
static char *
group_message (const EdaadKindSpec *kind,
               guint                group)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  const EdaadFieldSpec *en = NULL, *ar = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (group_messages); i++)
    if (strcmp (group_messages[i].kind, kind->name) == 0 && group_messages[i].group == group)
      return g_strdup (_(group_messages[i].message));

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];

      if (field->one_of_group != group)
        continue;
      g_ptr_array_add (members, (gpointer) field);
      if (g_str_has_suffix (field->name, "_en"))
        en = field;
      else if (g_str_has_suffix (field->name, "_ar"))
        ar = field;
    }

  if (members->len == 2 && en != NULL && ar != NULL &&
      strncmp (en->name, ar->name, strlen (en->name) - 3) == 0)
    {
      if (g_str_has_prefix (en->name, "name_"))
        return g_strdup (_("Enter a name in English or in Arabic"));
      if (g_str_has_prefix (en->name, "title_"))
        return g_strdup (_("Enter a title in English or in Arabic"));
    }

  if (members->len == 2)
    return g_strdup_printf (_("Fill in %s or %s"),
                            field_label (g_ptr_array_index (members, 0)),
                            field_label (g_ptr_array_index (members, 1)));

  {
    g_autoptr(GString) list = g_string_new (NULL);

    for (guint i = 0; i < members->len; i++)
      {
        if (i > 0)
          /* Translators: separates field labels in a list */
          g_string_append (list, _(", "));
        g_string_append (list, field_label (g_ptr_array_index (members, i)));
      }
    return g_strdup_printf (_("Fill in at least one of: %s"), list->str);
  }
}

static void
check_groups (EdaadRecord *record,
              GPtrArray   *problems)
{
  const EdaadKindSpec *kind = edaad_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *first = &kind->fields[i];
      gboolean seen_before = FALSE, filled = FALSE;

      if (first->one_of_group == 0)
        continue;
      for (guint j = 0; j < i && !seen_before; j++)
        seen_before = kind->fields[j].one_of_group == first->one_of_group;
      if (seen_before)
        continue;

      for (guint j = i; j < kind->n_fields && !filled; j++)
        if (kind->fields[j].one_of_group == first->one_of_group)
          filled = value_is_present (edaad_record_get_value (record, kind->fields[j].name));

      if (!filled)
        g_ptr_array_add (problems, problem_new (first->name, EDAAD_VALIDATION_ERROR_REQUIRED,
                                                group_message (kind, first->one_of_group)));
    }
}

static gboolean
time_is_valid (const char *text,
               gboolean    instant)
{
  return instant ? edaad_instant_is_valid (text) : edaad_date_is_valid (text);
}

static void
check_order (EdaadRecord *record,
             GPtrArray   *problems)
{
  const EdaadKindSpec *kind = edaad_record_get_kind (record);

  for (guint i = 0; i < G_N_ELEMENTS (order_rules); i++)
    {
      const OrderRule *rule = &order_rules[i];
      const EdaadFieldSpec *earlier_spec;
      const char *earlier, *later;
      gboolean instants;
      int cmp;

      if (strcmp (rule->kind, kind->name) != 0)
        continue;

      earlier_spec = edaad_kind_lookup_field (kind, rule->earlier);
      g_assert (earlier_spec != NULL);
      instants = earlier_spec->type == EDAAD_FIELD_INSTANT;
      earlier = edaad_record_get_string (record, rule->earlier);
      later = edaad_record_get_string (record, rule->later);

      /* malformed values are reported by the field checks */
      if (!time_is_valid (earlier, instants) || !time_is_valid (later, instants))
        continue;
      if (rule->unless != NULL && time_is_valid (edaad_record_get_string (record, rule->unless), instants))
        continue;

      cmp = instants ? edaad_instant_compare (earlier, later) : edaad_date_compare (earlier, later);
      if (cmp > 0)
        g_ptr_array_add (problems, problem_new (rule->later, EDAAD_VALIDATION_ERROR_BAD_ORDER,
                                                g_strdup (_(rule->message))));
    }
}

static void
check_identity (EdaadRecord *record,
                GPtrArray   *problems)
{
  const char *id = edaad_record_get_id (record);
  const char *scope = edaad_record_get_scope (record);

  if (id != NULL && !edaad_uuid_is_valid (id))
    g_ptr_array_add (problems, problem_new ("id", EDAAD_VALIDATION_ERROR_BAD_UUID,
                                            g_strdup (_("The record’s identifier is not valid"))));
  if (scope != NULL && !edaad_uuid_is_valid (scope))
    g_ptr_array_add (problems, problem_new ("scope", EDAAD_VALIDATION_ERROR_BAD_UUID,
                                            g_strdup (_("The record’s owner is not valid"))));
}

GPtrArray *
edaad_validate_all (EdaadRecord *record)
{
  g_autoptr(GPtrArray) problems = NULL;
  const EdaadKindSpec *kind;

  g_return_val_if_fail (EDAAD_IS_RECORD (record), NULL);

  kind = edaad_record_get_kind (record);
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) edaad_field_problem_free);

  check_identity (record, problems);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      EdaadFieldProblem *problem = check_field (record, &kind->fields[i]);

      if (problem != NULL)
        g_ptr_array_add (problems, problem);
    }
  check_groups (record, problems);
  check_order (record, problems);

  return g_steal_pointer (&problems);
}

gboolean
edaad_validate_record (EdaadRecord  *record,
                       GError      **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  EdaadFieldProblem *first;

  g_return_val_if_fail (EDAAD_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  problems = edaad_validate_all (record);
  if (problems->len == 0)
    return TRUE;

  first = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, EDAAD_VALIDATION_ERROR, first->code, first->message);
  return FALSE;
}
