/* edaad-record-form.h — an edit form for one record built from the schema: a row per field
 * (entry, combo, spin button) with its message row under it, in a GtkListBox the caller
 * owns.  It loads a record, reads the rows back into a record (numbers and dates typed with
 * Arabic-Indic digits too) and shows edaad_validate_all's problems under their fields. */
#pragma once

#include <adwaita.h>

#include "edaad-record.h"

G_BEGIN_DECLS

typedef enum
{
  EDAAD_FORM_INPUT_TEXT,   /* AdwEntryRow; empty is no value */
  EDAAD_FORM_INPUT_DATE,   /* AdwEntryRow; YYYY-MM-DD */
  EDAAD_FORM_INPUT_REAL,   /* AdwEntryRow; a decimal number */
  EDAAD_FORM_INPUT_COUNT,  /* AdwEntryRow; a whole number, in the locale's digits */
  EDAAD_FORM_INPUT_SPIN,   /* AdwActionRow with a GtkSpinButton from the field's min to max */
  EDAAD_FORM_INPUT_ENUM,   /* AdwComboRow of the field's labels */
} EdaadFormInput;

typedef enum
{
  EDAAD_RECORD_FORM_NONE = 0,
  /* Dates show the day in the locale's format beside the entry and are read as typed;
   * without it their title says "(YYYY-MM-DD)" and their digits are made ASCII. */
  EDAAD_RECORD_FORM_DATE_HINT = 1 << 0,
} EdaadRecordFormFlags;

typedef struct
{
  const char     *field;
  EdaadFormInput  input;
} EdaadFormLayout;

typedef struct _EdaadRecordForm EdaadRecordForm;

/* Builds the rows for `layout` (fields of kind `kind`) into `list`.  `message` (may be
 * NULL) is the label under the form for what belongs to no field.  With `on_activate`, a
 * press of Enter in an entry calls it as `on_activate (target, row)`, while `target` lives. */
EdaadRecordForm *edaad_record_form_new           (const char            *kind,
                                                  const EdaadFormLayout *layout,
                                                  guint                  n_fields,
                                                  EdaadRecordFormFlags   flags,
                                                  GtkListBox            *list,
                                                  GtkLabel              *message,
                                                  GCallback              on_activate,
                                                  gpointer               target);
void             edaad_record_form_free          (EdaadRecordForm       *form);

/* The input row of `field` (AdwEntryRow, AdwComboRow or AdwActionRow), NULL if not in the
 * form; the widget named `field`. */
GtkWidget       *edaad_record_form_get_row       (EdaadRecordForm       *form,
                                                  const char            *field);
/* The row to focus when the form opens. */
GtkWidget       *edaad_record_form_get_first_row (EdaadRecordForm       *form);
/* The label under `field`, NULL if not in the form. */
GtkLabel        *edaad_record_form_get_message   (EdaadRecordForm       *form,
                                                  const char            *field);

/* Shows `record` (the field's default where it has no value) and hides every message. */
void             edaad_record_form_load          (EdaadRecordForm       *form,
                                                  EdaadRecord           *record);
/* Reads the rows into `record`, validates it, shows every problem under its field (the
 * form's message for others) and focuses the first field with one.  TRUE when there is
 * none and `record` can be saved. */
gboolean         edaad_record_form_read          (EdaadRecordForm       *form,
                                                  EdaadRecord           *record);
/* Shows `message` under the form (NULL hides it). */
void             edaad_record_form_set_message   (EdaadRecordForm       *form,
                                                  const char            *message);
/* Hides every message. */
void             edaad_record_form_clear         (EdaadRecordForm       *form);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadRecordForm, edaad_record_form_free)

G_END_DECLS
