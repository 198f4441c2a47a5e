/* edaad-date.c — calendar dates ("YYYY-MM-DD") and instants (RFC 3339 UTC) as used in records. */
#define G_LOG_DOMAIN "edaad-date"

#include "config.h"

#include "edaad-date.h"

#include <string.h>

/* Reads exactly `n` ASCII digits. */
static gboolean
read_digits (const char *text,
             guint       n,
             int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Parses the 10-character date at the start of `text` (no terminator check). */
static gboolean
parse_date_prefix (const char *text,
                   int        *year,
                   int        *month,
                   int        *day)
{
  if (!read_digits (text, 4, year) || text[4] != '-' ||
      !read_digits (text + 5, 2, month) || text[7] != '-' ||
      !read_digits (text + 8, 2, day))
    return FALSE;

  if (*year < EDAAD_DATE_MIN_YEAR || *year > EDAAD_DATE_MAX_YEAR)
    return FALSE;
  if (*month < 1 || *month > 12 || *day < 1)
    return FALSE;

  return *day <= g_date_get_days_in_month ((GDateMonth) *month, (GDateYear) *year);
}

gboolean
edaad_date_is_valid (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  return parse_date_prefix (text, &y, &m, &d);
}

/* Parses an instant into its parts; `fraction_ns` gets the fraction in nanoseconds. */
static gboolean
parse_instant (const char *text,
               int        *year,
               int        *month,
               int        *day,
               int        *hour,
               int        *minute,
               int        *second,
               int        *fraction_ns)
{
  const char *p;
  guint digits = 0;
  int ns = 0;

  if (text == NULL || strlen (text) < 20)
    return FALSE;
  if (!parse_date_prefix (text, year, month, day) || text[10] != 'T')
    return FALSE;
  if (!read_digits (text + 11, 2, hour) || text[13] != ':' ||
      !read_digits (text + 14, 2, minute) || text[16] != ':' ||
      !read_digits (text + 17, 2, second))
    return FALSE;
  if (*hour > 23 || *minute > 59 || *second > 59)
    return FALSE;

  p = text + 19;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          if (++digits > 9)
            return FALSE;
          ns = ns * 10 + (*p - '0');
          p++;
        }
      if (digits == 0)
        return FALSE;
      for (guint i = digits; i < 9; i++)
        ns *= 10;
    }

  *fraction_ns = ns;
  return p[0] == 'Z' && p[1] == '\0';
}

gboolean
edaad_instant_is_valid (const char *text)
{
  int y, mo, d, h, mi, s, ns;

  return parse_instant (text, &y, &mo, &d, &h, &mi, &s, &ns);
}

char *
edaad_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
edaad_instant_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return edaad_instant_format (now);
}

gboolean
edaad_date_parse (const char *text,
                  GDate      *date)
{
  int y, m, d;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || !parse_date_prefix (text, &y, &m, &d))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
edaad_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

GDateTime *
edaad_instant_parse (const char *text)
{
  int y, mo, d, h, mi, s, ns;

  if (!parse_instant (text, &y, &mo, &d, &h, &mi, &s, &ns))
    return NULL;

  /* microseconds are GDateTime's resolution */
  return g_date_time_new_utc (y, mo, d, h, mi, s + (ns / 1000) / 1e6);
}

char *
edaad_instant_format (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (datetime != NULL, NULL);

  utc = g_date_time_to_utc (datetime);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

int
edaad_date_days_between (const char *from,
                         const char *to)
{
  GDate a, b;

  g_return_val_if_fail (edaad_date_parse (from, &a), 0);
  g_return_val_if_fail (edaad_date_parse (to, &b), 0);

  return g_date_days_between (&a, &b);
}

char *
edaad_date_add_days (const char *date,
                     int         days)
{
  GDate d;
  gint64 julian;

  if (!edaad_date_parse (date, &d))
    return NULL;

  julian = (gint64) g_date_get_julian (&d) + days;
  if (julian < 1 || julian > G_MAXUINT32)
    return NULL;
  g_date_set_julian (&d, (guint32) julian);
  if (g_date_get_year (&d) < EDAAD_DATE_MIN_YEAR || g_date_get_year (&d) > EDAAD_DATE_MAX_YEAR)
    return NULL;

  return edaad_date_format (&d);
}

int
edaad_date_compare (const char *a,
                    const char *b)
{
  g_return_val_if_fail (edaad_date_is_valid (a), 0);
  g_return_val_if_fail (edaad_date_is_valid (b), 0);

  /* the strict fixed-width format sorts lexicographically */
  return strcmp (a, b);
}

int
edaad_instant_compare (const char *a,
                       const char *b)
{
  int ya, moa, da, ha, mia, sa, nsa;
  int yb, mob, db, hb, mib, sb, nsb;
  int cmp;

  g_return_val_if_fail (parse_instant (a, &ya, &moa, &da, &ha, &mia, &sa, &nsa), 0);
  g_return_val_if_fail (parse_instant (b, &yb, &mob, &db, &hb, &mib, &sb, &nsb), 0);

  /* the first 19 characters are fixed width */
  cmp = strncmp (a, b, 19);
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;
  return (nsa > nsb) - (nsa < nsb);
}

char *
edaad_instant_to_local_date (const char *instant)
{
  g_autoptr(GDateTime) utc = edaad_instant_parse (instant);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d");
}
