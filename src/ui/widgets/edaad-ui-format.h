/* edaad-ui-format.h — how values look on screen: dates, numbers and percentages per the locale,
 * enum labels, and any record field as display text. */
#pragma once

#include <glib.h>

#include "edaad-record.h"

G_BEGIN_DECLS

/* A calendar date ("YYYY-MM-DD") in the locale's format, or NULL when `date` is unset or invalid. */
char       *edaad_ui_format_date         (const char  *date);
/* The local date of an instant (RFC 3339), or NULL. */
char       *edaad_ui_format_instant_date (const char  *instant);
/* The local date and time of an instant, or NULL. */
char       *edaad_ui_format_instant      (const char  *instant);
/* An integer with the locale's digit grouping. */
char       *edaad_ui_format_count        (gint64       value);
/* A number with at most `decimals` decimals (trailing zeros dropped). */
char       *edaad_ui_format_number       (double       value,
                                          guint        decimals);
/* A percentage (0–100) rounded to a whole number, with the locale's percent sign. */
char       *edaad_ui_format_percent      (double       percent);

/* TRUE when the user's first preferred language is Arabic (so `_ar` names come first). */
gboolean    edaad_ui_prefers_arabic      (void);

/* The translated label of enum value `nick` of `kind`.`field` ("" for NULL). */
const char *edaad_ui_enum_label          (const char  *kind,
                                          const char  *field,
                                          const char  *nick);

/* The display text of any field of `record` (enum label, formatted date, number, Yes/No…),
 * or NULL when it is not set. */
char       *edaad_ui_format_field        (EdaadRecord *record,
                                          const char  *field);

G_END_DECLS
