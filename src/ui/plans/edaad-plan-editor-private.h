/* edaad-plan-editor-private.h — what the plan editor's satellite files share.
 *
 *   edaad-plan-editor.c         the object: loading a plan, changes from elsewhere, the API
 *   edaad-plan-editor-form.c    building the field rows from the schema, the editions combo
 *   edaad-plan-editor-fields.c  text in and out of the field widgets, the state shown on them
 *   edaad-plan-editor-commit.c  the pause, saving, drafts and undo
 */
#pragma once

#include "edaad-plan-editor.h"
#include "edaad-record-list.h"

G_BEGIN_DECLS

typedef enum
{
  EDAAD_PLAN_WIDGET_ENTRY,
  EDAAD_PLAN_WIDGET_DATE,
  EDAAD_PLAN_WIDGET_COMBO,
  EDAAD_PLAN_WIDGET_EDITION,
  EDAAD_PLAN_WIDGET_SPIN,
  EDAAD_PLAN_WIDGET_SWITCH,
  EDAAD_PLAN_WIDGET_TEXT,
} EdaadPlanWidgetKind;

/* One plan field in the form. */
typedef struct
{
  EdaadPlanEditor      *editor;
  const EdaadFieldSpec *spec;
  EdaadPlanWidgetKind   kind;
  GtkWidget            *row;         /* what gets the "error" style */
  GtkWidget            *widget;      /* what holds the text */
  GtkLabel             *message;     /* the error or hint under the field */
  GtkWidget            *message_row; /* the list row around `message`, or the label itself */
  GtkLabel             *date_label;  /* dates: the day in the locale's format */
  GtkWidget            *date_button;
  /* A switch or a spin button cannot show "unset": the text last set by the editor and
   * what the widget made of it, so that an untouched widget reports the former. */
  char                 *set_text;
  char                 *shown_text;
} EdaadPlanEditorField;

struct _EdaadPlanEditor
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkLabel *heading_label;
  GtkLabel *status_label;
  AdwPreferencesGroup *general_group;
  AdwPreferencesGroup *approach_group;
  AdwPreferencesGroup *dates_group;
  GtkBox *text_box;

  EdaadStore *store;
  EdaadPlanEditorField *fields; /* n_fields, in the order of the form */
  guint n_fields;
  EdaadRecordList *editions;
  GPtrArray *edition_ids;      /* parallel to the edition combo's model; [0] = "" (none) */

  char *plan_id;               /* the plan edited (or the id a new plan will get); NULL: empty */
  gboolean is_new;
  EdaadRecord *stored;         /* NULL for a new plan */
  EdaadPlanEditorState *state;
  GHashTable *drafted;         /* field → text this editor knows is in the draft table */
  GPtrArray *undo;             /* UndoStep, newest last */
  char *store_error;           /* the last save failure, shown in the status line */

  guint debounce_id;
  guint loading;               /* > 0 while the editor itself sets widget text */
  gboolean saving;
  gboolean undoing;
};

/* edaad-plan-editor.c */
void                  edaad_plan_editor_notify_plan_id  (EdaadPlanEditor      *self);

/* edaad-plan-editor-form.c: fills self->fields and the form's groups (from init). */
void                  edaad_plan_editor_build_form      (EdaadPlanEditor      *self);
void                  edaad_plan_editor_rebuild_editions (EdaadPlanEditor     *self);

/* edaad-plan-editor-fields.c */
EdaadPlanEditorField *edaad_plan_editor_find_field      (EdaadPlanEditor      *self,
                                                         const char           *name);
/* For names that are plan fields by construction. */
EdaadPlanEditorField *edaad_plan_editor_lookup_field    (EdaadPlanEditor      *self,
                                                         const char           *name);
/* What the field holds: the widget's text, or the text set into it while untouched. */
char                 *edaad_plan_editor_field_get_input (EdaadPlanEditorField *field);
void                  edaad_plan_editor_field_set_text  (EdaadPlanEditorField *field,
                                                         const char           *text);
void                  edaad_plan_editor_field_clear     (EdaadPlanEditorField *field);
/* Field name → what each field holds. */
GHashTable           *edaad_plan_editor_read_input      (EdaadPlanEditor      *self);
/* Shows self->state: messages under the fields, error styles, heading and status line. */
void                  edaad_plan_editor_apply_state     (EdaadPlanEditor      *self);

/* edaad-plan-editor-commit.c */
/* Reads the form, saves what may be saved, keeps the rest as drafts and shows the result;
 * FALSE when the store refused the save. */
gboolean              edaad_plan_editor_commit          (EdaadPlanEditor      *self);
/* Commits after the pause in typing (restarted by every change). */
void                  edaad_plan_editor_schedule_commit (EdaadPlanEditor      *self);
/* Reads the form and shows its state again, without saving. */
void                  edaad_plan_editor_refresh         (EdaadPlanEditor      *self);
/* Forgets the drafts this editor knows of and the undo steps (another plan is shown). */
void                  edaad_plan_editor_reset_history   (EdaadPlanEditor      *self);
void                  edaad_plan_editor_undo_step_free  (gpointer              data);
/* The "plan-editor.undo" action. */
void                  edaad_plan_editor_undo            (GtkWidget            *widget,
                                                         const char           *action_name,
                                                         GVariant             *parameter);

G_END_DECLS
