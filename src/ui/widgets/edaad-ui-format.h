/* edaad-ui-format.h — how values look on screen: dates, numbers and percentages per the locale,
 * enum labels, and any record field as display text. */
#pragma once

#include <gio/gio.h>

#include "edaad-record.h"

G_BEGIN_DECLS

/* Which digits numbers are written with: the GSettings key "digits". */
typedef enum
{
  EDAAD_UI_DIGITS_LOCALE = 0, /* the UI language's digits: Arabic-Indic (٠١٢٣) in Arabic */
  EDAAD_UI_DIGITS_LATIN  = 1, /* 0123 whatever the language */
} EdaadUiDigits;

/* How a number is written.  With `arabic_digits`, digits are Arabic-Indic and the
 * separators Arabic (٫ decimal, ٬ thousands); otherwise digits are Latin and the
 * separators those given (NULL decimal_point means ".", NULL or "" thousands_sep no
 * grouping). */
typedef struct
{
  gboolean    arabic_digits;
  const char *decimal_point;
  const char *thousands_sep;
} EdaadUiNumberStyle;

/* ---- pure functions: the result depends only on the arguments (and, for dates, on the
 * translated date format and month names) ---- */

/* `text` with its ASCII digits written in `style`'s digits (other characters unchanged). */
char       *edaad_ui_style_digits          (const EdaadUiNumberStyle *style,
                                            const char               *text);
/* An integer, grouped by thousands. */
char       *edaad_ui_style_count           (const EdaadUiNumberStyle *style,
                                            gint64                    value);
/* A number rounded to at most `decimals` (≤ 6) decimals, trailing zeros dropped, grouped. */
char       *edaad_ui_style_number          (const EdaadUiNumberStyle *style,
                                            double                    value,
                                            guint                     decimals);
/* A percentage (0–100) rounded to a whole number, with the translated percent sign. */
char       *edaad_ui_style_percent         (const EdaadUiNumberStyle *style,
                                            double                    percent);
/* A calendar date ("YYYY-MM-DD") in the translated date format, or NULL when invalid. */
char       *edaad_ui_style_date            (const EdaadUiNumberStyle *style,
                                            const char               *date);
/* Reads a whole number written with Latin (0123), Arabic-Indic (٠١٢٣) or Eastern
 * Arabic-Indic (۰۱۲۳) digits, maybe grouped by thousands ("1,234", "١٬٢٣٤", or with a
 * no-break or thin space), with white space around it.  FALSE (and `value` untouched) for
 * anything else: a sign, a fraction, a letter, misplaced separators, no digit at all, or
 * a number beyond 2^53. */
gboolean    edaad_ui_parse_count           (const char               *text,
                                            gint64                   *value);
/* The style for `digits` when the UI language is Arabic or not, with the separators given. */
void        edaad_ui_number_style_init     (EdaadUiNumberStyle       *style,
                                            EdaadUiDigits             digits,
                                            gboolean                  arabic_ui,
                                            const char               *decimal_point,
                                            const char               *thousands_sep);

/* ---- the user's style: the "digits" setting, the UI language and the numeric locale ---- */

/* The settings the format follows.  Connect to its "changed::digits" signal to show
 * numbers again when the user changes the setting: the style has changed by the time
 * the handler runs. */
GSettings  *edaad_ui_format_get_settings   (void);
/* The current style (filled in from the setting, the UI language and localeconv()). */
void        edaad_ui_format_get_style      (EdaadUiNumberStyle       *style);

/* A calendar date ("YYYY-MM-DD") in the locale's format, or NULL when `date` is unset or invalid. */
char       *edaad_ui_format_date           (const char  *date);
/* The local date of an instant (RFC 3339), or NULL. */
char       *edaad_ui_format_instant_date   (const char  *instant);
/* The local date and time of an instant, or NULL. */
char       *edaad_ui_format_instant        (const char  *instant);
/* The local time of day of an instant ("14:00"), or NULL. */
char       *edaad_ui_format_instant_time   (const char  *instant);
/* An integer with the locale's digit grouping. */
char       *edaad_ui_format_count          (gint64       value);
/* A number with at most `decimals` decimals (trailing zeros dropped). */
char       *edaad_ui_format_number         (double       value,
                                            guint        decimals);
/* A percentage (0–100) rounded to a whole number, with the locale's percent sign. */
char       *edaad_ui_format_percent        (double       percent);
/* Any text (a time "10:30", a code "P-12") with its digits in the user's digits. */
char       *edaad_ui_format_digits         (const char  *text);

/* The translated label of enum value `nick` of `kind`.`field` ("" for NULL). */
const char *edaad_ui_enum_label          (const char  *kind,
                                          const char  *field,
                                          const char  *nick);

/* The display text of any field of `record` (enum label, formatted date, number, Yes/No…),
 * or NULL when it is not set. */
char       *edaad_ui_format_field        (EdaadRecord *record,
                                          const char  *field);

G_END_DECLS
