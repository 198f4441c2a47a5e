/* edaad-plan-editor-state.h — what the plan editor shows and saves, as a pure function.
 *
 * Input: the stored plan, the text each widget holds, the codes other plans of the same
 * institution use, and today's date.  Output: per field the value the text stands for,
 * the message to show next to it, whether it changed and whether it may be saved now.
 * No GTK, no store: testable without a display.
 */
#pragma once

#include <glib.h>

#include "edaad-record.h"

G_BEGIN_DECLS

typedef struct
{
  const EdaadFieldSpec *spec;  /* the plan field (spec->name) */
  char     *text;              /* the input as the widget holds it ("" when empty) */
  GVariant *value;             /* what the text stands for (NULL: unset, or unreadable) */
  gboolean  readable;          /* the text reads as a value of the field's type */
  char     *error;             /* translated message for next to the field, or NULL */
  char     *hint;              /* translated non-blocking remark (an overdue date), or NULL */
  gboolean  changed;           /* the text stands for something other than the stored value */
  gboolean  saveable;          /* changed, and the plan stays valid with it: save it now */
  gboolean  draft;             /* changed but not saveable: keep the text as a draft */
} EdaadPlanFieldState;

typedef struct
{
  gboolean             is_new;       /* no stored plan yet: the first valid save creates it */
  guint                n_fields;
  EdaadPlanFieldState *fields;       /* one per plan field, schema order */
  gboolean             valid;        /* no field shows an error */
  gboolean             has_saveable; /* at least one field is saveable */
  gboolean             has_drafts;   /* at least one field must be kept as a draft */
} EdaadPlanEditorState;

/* The text a widget holds for `value` of `field` ("" for NULL): strings as they are, whole
 * numbers in Latin digits, booleans "true"/"false", dates "YYYY-MM-DD". */
char                      *edaad_plan_editor_value_text     (const EdaadFieldSpec *field,
                                                             GVariant             *value);
/* The text for the stored value of `field` in `plan`; for a NULL plan, the schema default
 * (what a new plan starts with). */
char                      *edaad_plan_editor_field_text     (EdaadRecord          *plan,
                                                             const char           *field);

/* `stored`: the plan as stored, or NULL for a new plan.  `input`: field name → text; a field
 * missing from it is taken as its stored text.  `other_codes`: a set (keys) of the codes
 * other plans of the same institution use, or NULL.  `today`: "YYYY-MM-DD".
 *
 * Field messages come from edaad_validate_all() on the plan as typed (cross-field date
 * order on the later field), plus the editor's own: text that is not a number, and a code
 * another plan uses.  A changed field is saveable when it has no message and the stored
 * plan with it and every other saveable field is valid as a whole (for a new plan: once
 * the title is there).  Every other changed field is a draft: its text is kept, not lost. */
EdaadPlanEditorState      *edaad_plan_editor_state_compute  (EdaadRecord          *stored,
                                                             GHashTable           *input,
                                                             GHashTable           *other_codes,
                                                             const char           *today);
void                       edaad_plan_editor_state_free     (EdaadPlanEditorState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadPlanEditorState, edaad_plan_editor_state_free)

const EdaadPlanFieldState *edaad_plan_editor_state_lookup   (const EdaadPlanEditorState *state,
                                                             const char           *field);

/* The record to hand to edaad_store_save(): a copy of `stored` (for a new plan: the schema
 * defaults with id `new_id`) with every saveable field set.  NULL when nothing is saveable. */
EdaadRecord               *edaad_plan_editor_state_to_record (const EdaadPlanEditorState *state,
                                                              EdaadRecord          *stored,
                                                              const char           *new_id);

G_END_DECLS
