/* edaad-plan-editor.h — the change plan form: every field, validated and saved as you type. */
#pragma once

#include <adwaita.h>

#include "edaad-plan-editor-state.h"
#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_PLAN_EDITOR (edaad_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (EdaadPlanEditor, edaad_plan_editor, EDAAD, PLAN_EDITOR, AdwBin)

/* How long typing may pause before the editor saves (focus leaving a field saves at once). */
#define EDAAD_PLAN_EDITOR_DEBOUNCE_MS 300

GtkWidget   *edaad_plan_editor_new              (EdaadStore      *store);
EdaadStore  *edaad_plan_editor_get_store        (EdaadPlanEditor *self);

/* Shows the plan with `plan_id` (its drafts restored over the stored values, with their
 * messages), or the empty state for NULL.  Pending edits of the previous plan are saved
 * (or kept as drafts) first.  Property "plan-id". */
void         edaad_plan_editor_set_plan         (EdaadPlanEditor *self,
                                                 const char      *plan_id);
/* The id of the plan shown; NULL for the empty state and for a new plan not saved yet. */
const char  *edaad_plan_editor_get_plan_id      (EdaadPlanEditor *self);

/* Shows an empty form (schema defaults) for a new plan and focuses its title.  Nothing is
 * written until the form is valid as a plan: the first valid title creates the record
 * (then "plan-id" is notified).  What is typed before is kept as drafts under the id the
 * plan will get, so a crash loses nothing (edaad_store_draft_ids (store, "plan") finds it
 * again). */
void         edaad_plan_editor_new_plan         (EdaadPlanEditor *self);
/* Reopens a new plan whose first save never happened, from its drafts. */
void         edaad_plan_editor_resume_new_plan  (EdaadPlanEditor *self,
                                                 const char      *draft_id);

/* TRUE while typed input waits for the pause before it is saved. */
gboolean edaad_plan_editor_has_pending_save (EdaadPlanEditor *self);
/* Saves what is pending now instead of after the debounce.  FALSE when the store refused
 * it (the text is then kept as drafts and the message shown). */
gboolean     edaad_plan_editor_flush            (EdaadPlanEditor *self);

/* The state last applied to the form (NULL in the empty state). */
const EdaadPlanEditorState *edaad_plan_editor_get_state (EdaadPlanEditor *self);

/* The widget that edits `field` (an AdwEntryRow, AdwComboRow, GtkSpinButton, GtkSwitch or
 * GtkTextView) and the label that shows its message — for focus handling and tests. */
GtkWidget   *edaad_plan_editor_get_field_widget (EdaadPlanEditor *self,
                                                 const char      *field);
GtkLabel    *edaad_plan_editor_get_message_label (EdaadPlanEditor *self,
                                                  const char      *field);

G_END_DECLS
