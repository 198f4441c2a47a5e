/* edaad-ui-format.c — how values look on screen. */
#define G_LOG_DOMAIN "edaad-ui-format"

#include "config.h"

#include "edaad-ui-format.h"

#include "edaad-date.h"
#include "edaad-locale.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

/* U+0660 ARABIC-INDIC DIGIT ZERO and its nine successors, U+066B ARABIC DECIMAL SEPARATOR,
 * U+066C ARABIC THOUSANDS SEPARATOR, and U+061C ARABIC LETTER MARK before a minus sign so
 * that it stays on the number's left in right-to-left text. */
#define ARABIC_DECIMAL_POINT "\xd9\xab"
#define ARABIC_THOUSANDS_SEP "\xd9\xac"
#define ARABIC_MINUS "\xd8\x9c-"

static GSettings *format_settings;

static void
append_digits (GString                  *out,
               const EdaadUiNumberStyle *style,
               const char               *text,
               gssize                    len)
{
  if (len < 0)
    len = strlen (text);

  for (gssize i = 0; i < len; i++)
    {
      char c = text[i];

      if (style->arabic_digits && c >= '0' && c <= '9')
        {
          g_string_append_c (out, '\xd9');
          g_string_append_c (out, (char) (0xa0 + (c - '0')));
        }
      else
        g_string_append_c (out, c);
    }
}

char *
edaad_ui_style_digits (const EdaadUiNumberStyle *style,
                       const char               *text)
{
  GString *out;

  g_return_val_if_fail (style != NULL, NULL);

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text) * 2);
  append_digits (out, style, text, -1);
  return g_string_free (out, FALSE);
}

/* Appends the ASCII digits `digits` grouped by thousands in `style`. */
static void
append_grouped (GString                  *out,
                const EdaadUiNumberStyle *style,
                const char               *digits)
{
  const char *sep = style->arabic_digits ? ARABIC_THOUSANDS_SEP : style->thousands_sep;
  gsize len = strlen (digits);

  if (sep == NULL || *sep == '\0')
    {
      append_digits (out, style, digits, len);
      return;
    }

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      append_digits (out, style, digits + i, 1);
    }
}

static char *
figure_missing (void)
{
  /* Translators: no figure to show */
  return g_strdup (C_("figure", "—"));
}

char *
edaad_ui_style_count (const EdaadUiNumberStyle *style,
                      gint64                    value)
{
  g_autofree char *digits = NULL;
  GString *out;
  guint64 magnitude;

  g_return_val_if_fail (style != NULL, NULL);

  magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  out = g_string_new (NULL);
  if (value < 0)
    g_string_append (out, style->arabic_digits ? ARABIC_MINUS : "-");
  append_grouped (out, style, digits);
  return g_string_free (out, FALSE);
}

char *
edaad_ui_style_number (const EdaadUiNumberStyle *style,
                       double                    value,
                       guint                     decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 320];
  char format[8];
  g_autofree char *integer = NULL;
  const char *text;
  const char *point;
  const char *fraction = NULL;
  gsize fraction_len = 0;
  gboolean negative;
  GString *out;

  g_return_val_if_fail (style != NULL, NULL);

  if (!isfinite (value) || fabs (value) >= 1e300)
    return figure_missing ();

  /* Round in the C locale ("1234.50"), then write it in the style. */
  decimals = MIN (decimals, 6);
  g_snprintf (format, sizeof format, "%%.%uf", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  text = buffer;
  negative = *text == '-';
  if (negative)
    text++;
  point = strchr (text, '.');
  integer = point != NULL ? g_strndup (text, point - text) : g_strdup (text);
  if (point != NULL)
    {
      fraction = point + 1;
      fraction_len = strlen (fraction);
      while (fraction_len > 0 && fraction[fraction_len - 1] == '0')
        fraction_len--;
    }
  /* "-0" is not a number anyone writes. */
  if (negative && fraction_len == 0 && strspn (integer, "0") == strlen (integer))
    negative = FALSE;

  out = g_string_new (NULL);
  if (negative)
    g_string_append (out, style->arabic_digits ? ARABIC_MINUS : "-");
  append_grouped (out, style, integer);
  if (fraction_len > 0)
    {
      if (style->arabic_digits)
        g_string_append (out, ARABIC_DECIMAL_POINT);
      else
        g_string_append (out, style->decimal_point != NULL && *style->decimal_point != '\0'
                              ? style->decimal_point : ".");
      append_digits (out, style, fraction, fraction_len);
    }
  return g_string_free (out, FALSE);
}

char *
edaad_ui_style_percent (const EdaadUiNumberStyle *style,
                        double                    percent)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (style != NULL, NULL);

  if (!isfinite (percent) || fabs (percent) >= 1e15)
    return figure_missing ();

  number = edaad_ui_style_count (style, (gint64) round (percent));
  /* Translators: a percentage; %s is the number. Use the percent sign of your language
   * (Arabic: "%s٪"). */
  return g_strdup_printf (_("%s%%"), number);
}

char *
edaad_ui_style_date (const EdaadUiNumberStyle *style,
                     const char               *date)
{
  GDate parsed;
  g_autoptr(GDateTime) datetime = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (style != NULL, NULL);

  if (date == NULL || !edaad_date_parse (date, &parsed))
    return NULL;

  datetime = g_date_time_new_utc (g_date_get_year (&parsed), g_date_get_month (&parsed),
                                  g_date_get_day (&parsed), 12, 0, 0);
  /* Translators: how a date looks in lists and details; see g_date_time_format() for the
   * conversions (%-d day, %b abbreviated month name, %m month number, %Y year). */
  text = g_date_time_format (datetime, _("%-d %b %Y"));
  return edaad_ui_style_digits (style, text);
}

static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0x0660 && c <= 0x0669)
    return c - 0x0660;
  if (c >= 0x06F0 && c <= 0x06F9)
    return c - 0x06F0;
  return -1;
}

static gboolean
is_group_separator (gunichar c)
{
  return c == ',' || c == 0x066C || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

gboolean
edaad_ui_parse_count (const char *text,
                      gint64     *value)
{
  gint64 result = 0;
  guint n_digits = 0;
  guint group = 0;
  gboolean grouped = FALSE;
  const char *p;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  p = text;
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = digit_value (c);

      if (digit >= 0)
        {
          if (result > ((G_GINT64_CONSTANT (1) << 53) - digit) / 10)
            return FALSE;
          result = result * 10 + digit;
          n_digits++;
          group++;
        }
      else if (is_group_separator (c))
        {
          /* Thousands: one to three digits first, then groups of exactly three. */
          if (group == 0 || group > 3 || (grouped && group != 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
        }
      else if (g_unichar_isspace (c))
        break;
      else
        return FALSE;
    }

  /* Only white space may follow the number. */
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  if (n_digits == 0 || (grouped && group != 3))
    return FALSE;
  *value = result;
  return TRUE;
}

void
edaad_ui_number_style_init (EdaadUiNumberStyle *style,
                            EdaadUiDigits       digits,
                            gboolean            arabic_ui,
                            const char         *decimal_point,
                            const char         *thousands_sep)
{
  g_return_if_fail (style != NULL);

  style->arabic_digits = digits == EDAAD_UI_DIGITS_LOCALE && arabic_ui;
  style->decimal_point = decimal_point;
  style->thousands_sep = thousands_sep;
}

GSettings *
edaad_ui_format_get_settings (void)
{
  /* One instance for the whole program, so that every page hears "changed::digits" from
   * the same object; it lives as long as the program. */
  if (format_settings == NULL)
    format_settings = g_settings_new (BASE_APPLICATION_ID);
  return format_settings;
}

void
edaad_ui_format_get_style (EdaadUiNumberStyle *style)
{
  const struct lconv *conv = localeconv ();

  g_return_if_fail (style != NULL);

  edaad_ui_number_style_init (style, g_settings_get_enum (edaad_ui_format_get_settings (), "digits"),
                              edaad_locale_prefers_arabic (), conv->decimal_point, conv->thousands_sep);
}

char *
edaad_ui_format_date (const char *date)
{
  EdaadUiNumberStyle style;

  edaad_ui_format_get_style (&style);
  return edaad_ui_style_date (&style, date);
}

char *
edaad_ui_format_instant_date (const char *instant)
{
  g_autofree char *local = NULL;

  if (instant == NULL)
    return NULL;
  local = edaad_instant_to_local_date (instant);
  return edaad_ui_format_date (local);
}

char *
edaad_ui_format_instant (const char *instant)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (instant == NULL || (utc = edaad_instant_parse (instant)) == NULL)
    return NULL;

  local = g_date_time_to_local (utc);
  /* Translators: a date with a time of day; see g_date_time_format() for the conversions
   * (%-d day, %b abbreviated month name, %Y year, %H:%M 24-hour time). */
  text = g_date_time_format (local, _("%-d %b %Y, %H:%M"));
  return edaad_ui_format_digits (text);
}

char *
edaad_ui_format_instant_time (const char *instant)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (instant == NULL || (utc = edaad_instant_parse (instant)) == NULL)
    return NULL;

  local = g_date_time_to_local (utc);
  text = g_date_time_format (local, "%H:%M");
  return edaad_ui_format_digits (text);
}

char *
edaad_ui_format_count (gint64 value)
{
  EdaadUiNumberStyle style;

  edaad_ui_format_get_style (&style);
  return edaad_ui_style_count (&style, value);
}

char *
edaad_ui_format_number (double value,
                        guint  decimals)
{
  EdaadUiNumberStyle style;

  edaad_ui_format_get_style (&style);
  return edaad_ui_style_number (&style, value, decimals);
}

char *
edaad_ui_format_percent (double percent)
{
  EdaadUiNumberStyle style;

  edaad_ui_format_get_style (&style);
  return edaad_ui_style_percent (&style, percent);
}

char *
edaad_ui_format_digits (const char *text)
{
  EdaadUiNumberStyle style;

  edaad_ui_format_get_style (&style);
  return edaad_ui_style_digits (&style, text);
}

const char *
edaad_ui_enum_label (const char *kind,
                     const char *field,
                     const char *nick)
{
  const EdaadKindSpec *kind_spec;
  const EdaadFieldSpec *field_spec;

  g_return_val_if_fail (kind != NULL, "");
  g_return_val_if_fail (field != NULL, "");

  if (nick == NULL)
    return "";
  kind_spec = edaad_schema_lookup_kind (kind);
  g_return_val_if_fail (kind_spec != NULL, nick);
  field_spec = edaad_kind_lookup_field (kind_spec, field);
  g_return_val_if_fail (field_spec != NULL && field_spec->type == EDAAD_FIELD_ENUM, nick);
  return edaad_field_enum_label (field_spec, nick);
}

char *
edaad_ui_format_field (EdaadRecord *record,
                       const char  *field)
{
  const EdaadFieldSpec *spec;

  g_return_val_if_fail (EDAAD_IS_RECORD (record), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  spec = edaad_kind_lookup_field (edaad_record_get_kind (record), field);
  g_return_val_if_fail (spec != NULL, NULL);

  if (!edaad_record_has_value (record, field))
    return NULL;

  switch (spec->type)
    {
    case EDAAD_FIELD_ENUM:
      return g_strdup (edaad_field_enum_label (spec, edaad_record_get_string (record, field)));
    case EDAAD_FIELD_DATE:
      return edaad_ui_format_date (edaad_record_get_string (record, field));
    case EDAAD_FIELD_INSTANT:
      return edaad_ui_format_instant (edaad_record_get_string (record, field));
    case EDAAD_FIELD_INT:
      return edaad_ui_format_count (edaad_record_get_int (record, field));
    case EDAAD_FIELD_REAL:
      return edaad_ui_format_number (edaad_record_get_real (record, field), 2);
    case EDAAD_FIELD_BOOL:
      return g_strdup (edaad_record_get_bool (record, field) ? _("Yes") : _("No"));
    case EDAAD_FIELD_STRING:
    case EDAAD_FIELD_UUID:
    case EDAAD_FIELD_JSON:
    default:
      {
        const char *text = edaad_record_get_string (record, field);
        return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
      }
    }
}
