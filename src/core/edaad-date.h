/* edaad-date.h — calendar dates ("YYYY-MM-DD") and instants (RFC 3339 UTC) as used in records. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EDAAD_DATE_MIN_YEAR 1900
#define EDAAD_DATE_MAX_YEAR 2200

/* Strict "YYYY-MM-DD": a real calendar day between 1900-01-01 and 2200-12-31. */
gboolean   edaad_date_is_valid         (const char   *text);

/* Strict "YYYY-MM-DDTHH:MM:SSZ" in UTC with an optional fraction of 1–9 digits
 * ("2026-11-27T10:00:00.250Z"); the date part follows edaad_date_is_valid(). */
gboolean   edaad_instant_is_valid      (const char   *text);

/* Today in the local time zone, "YYYY-MM-DD". */
char      *edaad_date_today            (void);

/* Now in UTC, "YYYY-MM-DDTHH:MM:SSZ" (whole seconds). */
char      *edaad_instant_now           (void);

/* Parses a valid date into `date`; FALSE (and `date` cleared) for invalid text. */
gboolean   edaad_date_parse            (const char   *text,
                                        GDate        *date);
/* "YYYY-MM-DD" for a valid GDate. */
char      *edaad_date_format           (const GDate  *date);

/* A UTC GDateTime for a valid instant, or NULL. */
GDateTime *edaad_instant_parse         (const char   *text);
/* "YYYY-MM-DDTHH:MM:SSZ" for any GDateTime (converted to UTC; fraction dropped). */
char      *edaad_instant_format        (GDateTime    *datetime);

/* Days from `from` to `to` (negative when `to` is earlier).  Both must be valid dates. */
int        edaad_date_days_between     (const char   *from,
                                        const char   *to);

/* `date` moved by `days` (may be negative), or NULL when `date` is invalid or the result
 * leaves the supported range. */
char      *edaad_date_add_days         (const char   *date,
                                        int           days);

/* strcmp-like order of two valid dates (<0, 0, >0). */
int        edaad_date_compare          (const char   *a,
                                        const char   *b);
/* strcmp-like order of two valid instants, honouring fractions of a second. */
int        edaad_instant_compare       (const char   *a,
                                        const char   *b);

/* The local calendar date of a valid instant ("YYYY-MM-DD"), or NULL. */
char      *edaad_instant_to_local_date (const char   *instant);

G_END_DECLS
