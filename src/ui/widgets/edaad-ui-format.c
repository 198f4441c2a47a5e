/* edaad-ui-format.c — how values look on screen. */
#define G_LOG_DOMAIN "edaad-ui-format"

#include "config.h"

#include "edaad-ui-format.h"

#include "edaad-date.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

char *
edaad_ui_format_date (const char *date)
{
  GDate parsed;
  g_autoptr(GDateTime) datetime = NULL;

  if (date == NULL || !edaad_date_parse (date, &parsed))
    return NULL;

  datetime = g_date_time_new_utc (g_date_get_year (&parsed), g_date_get_month (&parsed),
                                  g_date_get_day (&parsed), 12, 0, 0);
  /* Translators: how a date looks in lists and details; see g_date_time_format() for the
   * conversions (%-d day, %b abbreviated month name, %m month number, %Y year). */
  return g_date_time_format (datetime, _("%-d %b %Y"));
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

  if (instant == NULL || (utc = edaad_instant_parse (instant)) == NULL)
    return NULL;

  local = g_date_time_to_local (utc);
  /* Translators: a date with a time of day; see g_date_time_format() for the conversions
   * (%-d day, %b abbreviated month name, %Y year, %H:%M 24-hour time). */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

char *
edaad_ui_format_count (gint64 value)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

char *
edaad_ui_format_number (double value,
                        guint  decimals)
{
  g_autofree char *text = NULL;
  const char *point;
  gsize len;

  decimals = MIN (decimals, 6);
  text = g_strdup_printf ("%'.*f", (int) decimals, value);
  point = localeconv ()->decimal_point;
  if (decimals == 0 || point == NULL || *point == '\0' || strstr (text, point) == NULL)
    return g_steal_pointer (&text);

  /* Drop trailing zeros after the decimal point, and the point itself when nothing follows. */
  len = strlen (text);
  while (len > 0 && text[len - 1] == '0')
    text[--len] = '\0';
  if (len >= strlen (point) && strcmp (text + len - strlen (point), point) == 0)
    text[len - strlen (point)] = '\0';
  return g_steal_pointer (&text);
}

char *
edaad_ui_format_percent (double percent)
{
  g_autofree char *number = NULL;

  number = edaad_ui_format_count ((gint64) round (percent));
  /* Translators: a percentage; %s is the number. Use the percent sign of your language. */
  return g_strdup_printf (_("%s%%"), number);
}

gboolean
edaad_ui_prefers_arabic (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "ar") &&
         (names[0][2] == '\0' || names[0][2] == '_' || names[0][2] == '.' || names[0][2] == '@');
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
