/* edaad-plan-editor-state.c — what the plan editor shows and saves, as a pure function. */
#define G_LOG_DOMAIN "edaad-plan-editor-state"

#include "config.h"

#include "edaad-plan-editor-state.h"

#include "edaad-date.h"
#include "edaad-ui-format.h"
#include "edaad-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Statuses after which a passed due date no longer matters. */
static const char * const finished_statuses[] = { "closed", "cancelled", NULL };

static const EdaadKindSpec *
plan_kind (void)
{
  const EdaadKindSpec *kind = edaad_schema_lookup_kind ("plan");

  g_assert (kind != NULL);
  return kind;
}

char *
edaad_plan_editor_value_text (const EdaadFieldSpec *field,
                              GVariant             *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL)
    return g_strdup ("");

  switch (field->type)
    {
    case EDAAD_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
    case EDAAD_FIELD_REAL:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_variant_get_double (value)));
      }
    case EDAAD_FIELD_BOOL:
      return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
    case EDAAD_FIELD_STRING:
    case EDAAD_FIELD_ENUM:
    case EDAAD_FIELD_DATE:
    case EDAAD_FIELD_INSTANT:
    case EDAAD_FIELD_UUID:
    case EDAAD_FIELD_JSON:
      return g_variant_dup_string (value, NULL);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Dates typed with Arabic-Indic (٠١٢) or Eastern Arabic-Indic (۰۱۲) digits read as Latin. */
static char *
latin_digits (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0660 && c <= 0x0669)
        g_string_append_c (out, (char) ('0' + (c - 0x0660)));
      else if (c >= 0x06F0 && c <= 0x06F9)
        g_string_append_c (out, (char) ('0' + (c - 0x06F0)));
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Reads `text` as a value of `field`.  Returns FALSE (and a message) when it cannot be
 * read at all; `value` is NULL for empty text. */
static gboolean
parse_text (const EdaadFieldSpec  *field,
            const char            *text,
            GVariant             **value,
            char                 **message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  const char *label = g_dgettext (GETTEXT_PACKAGE, field->label);

  *value = NULL;
  *message = NULL;
  if (!g_utf8_validate (text, -1, NULL))
    {
      *message = g_strdup_printf (_("%s contains characters that are not allowed"), label);
      return FALSE;
    }
  if (*stripped == '\0')
    return TRUE;

  switch (field->type)
    {
    case EDAAD_FIELD_INT:
      {
        gint64 number;

        if (!edaad_ui_parse_count (stripped, &number))
          {
            *message = g_strdup_printf (_("%s must be a whole number"), label);
            return FALSE;
          }
        *value = g_variant_ref_sink (g_variant_new_int64 (number));
        return TRUE;
      }

    case EDAAD_FIELD_REAL:
      {
        char *end = NULL;
        double number = g_ascii_strtod (stripped, &end);

        if (end == stripped || *end != '\0')
          {
            *message = g_strdup_printf (_("%s must be a number"), label);
            return FALSE;
          }
        *value = g_variant_ref_sink (g_variant_new_double (number));
        return TRUE;
      }

    case EDAAD_FIELD_BOOL:
      if (g_strcmp0 (stripped, "true") != 0 && g_strcmp0 (stripped, "false") != 0)
        {
          *message = g_strdup_printf (_("%s must be yes or no"), label);
          return FALSE;
        }
      *value = g_variant_ref_sink (g_variant_new_boolean (g_str_equal (stripped, "true")));
      return TRUE;

    case EDAAD_FIELD_DATE:
      {
        g_autofree char *latin = latin_digits (stripped);
        *value = g_variant_ref_sink (g_variant_new_string (latin));
        return TRUE;
      }

    case EDAAD_FIELD_STRING:
    case EDAAD_FIELD_ENUM:
    case EDAAD_FIELD_INSTANT:
    case EDAAD_FIELD_UUID:
    case EDAAD_FIELD_JSON:
      *value = g_variant_ref_sink (g_variant_new_string (stripped));
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* A new plan: every field with a schema default set to it. */
static EdaadRecord *
new_plan_with_defaults (void)
{
  const EdaadKindSpec *kind = plan_kind ();
  EdaadRecord *plan = edaad_record_new (kind);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];
      g_autoptr(GVariant) value = NULL;
      g_autofree char *unused = NULL;

      if (field->default_value == NULL)
        continue;
      if (parse_text (field, field->default_value, &value, &unused) && value != NULL)
        edaad_record_set_value (plan, field->name, value);
    }
  return plan;
}

char *
edaad_plan_editor_field_text (EdaadRecord *plan,
                              const char  *field)
{
  const EdaadFieldSpec *spec = edaad_kind_lookup_field (plan_kind (), field);
  g_autoptr(EdaadRecord) defaults = NULL;

  g_return_val_if_fail (plan == NULL || EDAAD_IS_RECORD (plan), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  if (plan == NULL)
    {
      defaults = new_plan_with_defaults ();
      plan = defaults;
    }
  return edaad_plan_editor_value_text (spec, edaad_record_get_value (plan, field));
}

static gboolean
values_equal (GVariant *a,
              GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_variant_equal (a, b);
}

static void
field_state_clear (EdaadPlanFieldState *field)
{
  g_free (field->text);
  g_clear_pointer (&field->value, g_variant_unref);
  g_free (field->error);
  g_free (field->hint);
}

void
edaad_plan_editor_state_free (EdaadPlanEditorState *state)
{
  if (state == NULL)
    return;
  for (guint i = 0; i < state->n_fields; i++)
    field_state_clear (&state->fields[i]);
  g_free (state->fields);
  g_free (state);
}

const EdaadPlanFieldState *
edaad_plan_editor_state_lookup (const EdaadPlanEditorState *state,
                                const char                 *field)
{
  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < state->n_fields; i++)
    if (strcmp (state->fields[i].spec->name, field) == 0)
      return &state->fields[i];
  g_return_val_if_reached (NULL);
}

/* `base` with the value of every field in `chosen` (indexes into state->fields) set. */
static EdaadRecord *
record_with (EdaadRecord          *base,
             EdaadPlanEditorState *state,
             const gboolean       *chosen)
{
  EdaadRecord *record = edaad_record_copy (base);

  for (guint i = 0; i < state->n_fields; i++)
    if (chosen[i])
      edaad_record_set_value (record, state->fields[i].spec->name, state->fields[i].value);
  return record;
}

static gboolean
record_is_valid (EdaadRecord *record)
{
  g_autoptr(GPtrArray) problems = edaad_validate_all (record);

  return problems->len == 0;
}

/* Grows the saveable set to a fixpoint: a candidate joins when the plan stays valid with
 * it and those already in.  Repeating the passes lets a pair that is only valid together
 * (go-live and due moved out at once) both join, whatever their order. */
static void
choose_saveable (EdaadRecord          *base,
                 EdaadPlanEditorState *state,
                 const gboolean       *candidate,
                 gboolean             *chosen)
{
  gboolean grew = TRUE;

  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < state->n_fields; i++)
        {
          g_autoptr(EdaadRecord) trial = NULL;

          if (!candidate[i] || chosen[i])
            continue;
          chosen[i] = TRUE;
          trial = record_with (base, state, chosen);
          if (record_is_valid (trial))
            grew = TRUE;
          else
            chosen[i] = FALSE;
        }
    }
}

static gboolean
is_finished (const char *status)
{
  return status != NULL && g_strv_contains (finished_statuses, status);
}

EdaadPlanEditorState *
edaad_plan_editor_state_compute (EdaadRecord *stored,
                                 GHashTable  *input,
                                 GHashTable  *other_codes,
                                 const char  *today)
{
  const EdaadKindSpec *kind = plan_kind ();
  g_autoptr(EdaadPlanEditorState) state = NULL;
  g_autoptr(EdaadRecord) base = NULL;
  g_autoptr(EdaadRecord) typed = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree gboolean *candidate = NULL;
  g_autofree gboolean *chosen = NULL;

  g_return_val_if_fail (stored == NULL || EDAAD_IS_RECORD (stored), NULL);
  g_return_val_if_fail (stored == NULL || edaad_record_get_kind (stored) == kind, NULL);
  g_return_val_if_fail (today != NULL && edaad_date_is_valid (today), NULL);

  state = g_new0 (EdaadPlanEditorState, 1);
  state->is_new = stored == NULL;
  state->n_fields = kind->n_fields;
  state->fields = g_new0 (EdaadPlanFieldState, kind->n_fields);

  base = stored != NULL ? edaad_record_copy (stored) : new_plan_with_defaults ();
  typed = edaad_record_copy (base);

  /* 1. Read every field's text; the plan as typed keeps the stored value of unreadable text. */
  for (guint i = 0; i < kind->n_fields; i++)
    {
      EdaadPlanFieldState *field = &state->fields[i];
      GVariant *stored_value = edaad_record_get_value (base, kind->fields[i].name);
      const char *text = input != NULL ? g_hash_table_lookup (input, kind->fields[i].name) : NULL;

      field->spec = &kind->fields[i];
      field->text = text != NULL ? g_strdup (text) : edaad_plan_editor_value_text (field->spec, stored_value);
      field->readable = parse_text (field->spec, field->text, &field->value, &field->error);
      field->changed = !field->readable || !values_equal (field->value, stored_value);
      if (field->readable)
        edaad_record_set_value (typed, field->spec->name, field->value);
    }

  /* 2. The schema's checks on the plan as typed, each next to its field (order rules on the
   *    later date); a field that could not be read keeps its own message. */
  problems = edaad_validate_all (typed);
  for (guint p = 0; p < problems->len; p++)
    {
      EdaadFieldProblem *problem = g_ptr_array_index (problems, p);

      for (guint i = 0; i < state->n_fields; i++)
        {
          EdaadPlanFieldState *field = &state->fields[i];

          if (strcmp (field->spec->name, problem->field) == 0 && field->error == NULL)
            field->error = g_strdup (problem->message);
        }
    }

  /* 3. The editor's own rule: a code is unique within the institution. */
  {
    EdaadPlanFieldState *code = (EdaadPlanFieldState *) edaad_plan_editor_state_lookup (state, "code");

    if (code->error == NULL && code->value != NULL && other_codes != NULL &&
        g_hash_table_contains (other_codes, g_variant_get_string (code->value, NULL)))
      /* Translators: %s is a plan code such as CP-2026-01 */
      code->error = g_strdup_printf (_("Another plan already uses the code %s"),
                                     g_variant_get_string (code->value, NULL));
  }

  /* 4. A passed due date of a plan still under way. */
  {
    EdaadPlanFieldState *due = (EdaadPlanFieldState *) edaad_plan_editor_state_lookup (state, "due_on");
    const char *due_on = edaad_record_get_string (typed, "due_on");

    if (due->error == NULL && edaad_date_is_valid (due_on) && edaad_date_compare (due_on, today) < 0 &&
        !is_finished (edaad_record_get_string (typed, "status")))
      due->hint = g_strdup (_("This date has passed and the plan is not closed"));
  }

  /* 5. Which changed fields may be saved now; the rest are drafts. */
  candidate = g_new0 (gboolean, state->n_fields);
  chosen = g_new0 (gboolean, state->n_fields);
  for (guint i = 0; i < state->n_fields; i++)
    {
      EdaadPlanFieldState *field = &state->fields[i];

      candidate[i] = field->changed && field->readable && field->error == NULL;
    }
  choose_saveable (base, state, candidate, chosen);

  state->valid = TRUE;
  for (guint i = 0; i < state->n_fields; i++)
    {
      EdaadPlanFieldState *field = &state->fields[i];

      field->saveable = chosen[i];
      field->draft = field->changed && !field->saveable;
      state->valid &= field->error == NULL;
      state->has_saveable |= field->saveable;
      state->has_drafts |= field->draft;
    }

  return g_steal_pointer (&state);
}

EdaadRecord *
edaad_plan_editor_state_to_record (const EdaadPlanEditorState *state,
                                   EdaadRecord                *stored,
                                   const char                 *new_id)
{
  EdaadRecord *record;

  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (stored == NULL || EDAAD_IS_RECORD (stored), NULL);
  g_return_val_if_fail ((stored == NULL) == state->is_new, NULL);

  if (!state->has_saveable)
    return NULL;

  if (stored != NULL)
    record = edaad_record_copy (stored);
  else
    {
      record = new_plan_with_defaults ();
      edaad_record_set_id (record, new_id);
    }

  for (guint i = 0; i < state->n_fields; i++)
    if (state->fields[i].saveable)
      edaad_record_set_value (record, state->fields[i].spec->name, state->fields[i].value);
  return record;
}
