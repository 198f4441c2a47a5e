/* test-dates.c — strict dates and instants, and the arithmetic on them. */
#include "config.h"

#include "edaad-date.h"

static void
test_date_valid (void)
{
  static const char *good[] = {
    "2025-01-31", "2024-02-29", "2000-02-29", "1900-01-01", "2200-12-31", "2025-12-01",
    "2025-04-30",
  };
  static const char *bad[] = {
    "", "2025", "2025-1-31", "2025-01-1", "25-01-31", "2025/01/31", "2025-01-31 ",
    " 2025-01-31", "2025-01-31T00:00:00Z", "2025-00-10", "2025-13-01", "2025-01-00",
    "2025-01-32", "2025-04-31", "2025-02-29", "1900-02-29", "2100-02-29", "1899-12-31",
    "2201-01-01", "+025-01-01", "2025-0a-01", "2025-01-3x", "20250131", "2025-01-31x",
    "٢٠٢٥-٠١-٣١",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (edaad_date_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (edaad_date_is_valid (bad[i]))
        g_error ("accepted %s", bad[i]);
    }
  g_assert_false (edaad_date_is_valid (NULL));
}

static void
test_instant_valid (void)
{
  static const char *good[] = {
    "2026-11-27T10:00:00Z", "2024-02-29T23:59:59Z", "2026-11-27T10:00:00.5Z",
    "2026-11-27T10:00:00.123456789Z", "2026-01-01T00:00:00.000Z",
  };
  static const char *bad[] = {
    "", "2026-11-27", "2026-11-27T10:00:00", "2026-11-27T10:00Z", "2026-11-27 10:00:00Z",
    "2026-11-27t10:00:00Z", "2026-11-27T10:00:00z", "2026-11-27T10:00:00+00:00",
    "2026-11-27T10:00:00+04:00", "2026-11-27T24:00:00Z", "2026-11-27T10:60:00Z",
    "2026-11-27T10:00:60Z", "2026-11-27T10:00:00.Z", "2026-11-27T10:00:00.1234567890Z",
    "2026-11-27T10:00:00ZZ", "2026-11-27T10:00:00Z ", "2026-02-30T10:00:00Z",
    "1899-12-31T23:59:59Z", "2026-11-27T1:00:00Z", "2026-11-27T10:00:00.12aZ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (edaad_instant_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (edaad_instant_is_valid (bad[i]))
        g_error ("accepted %s", bad[i]);
    }
  g_assert_false (edaad_instant_is_valid (NULL));
}

static void
test_date_now (void)
{
  g_autofree char *today = edaad_date_today ();
  g_autofree char *now = edaad_instant_now ();
  g_autoptr(GDateTime) local = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (local, "%Y-%m-%d");
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) utc_now = g_date_time_new_now_utc ();

  g_assert_true (edaad_date_is_valid (today));
  g_assert_true (edaad_instant_is_valid (now));
  /* a midnight between the two calls would make them differ: accept the next day */
  if (g_strcmp0 (today, expected) != 0)
    g_assert_cmpint (edaad_date_days_between (today, expected), ==, 1);

  parsed = edaad_instant_parse (now);
  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_difference (utc_now, parsed), >=, 0);
  g_assert_cmpint (g_date_time_difference (utc_now, parsed), <, 5 * G_TIME_SPAN_SECOND);
}

static void
test_date_parse_format (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_assert_true (edaad_date_parse ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  text = edaad_date_format (&date);
  g_assert_cmpstr (text, ==, "2024-02-29");

  g_assert_false (edaad_date_parse ("2023-02-29", &date));
  g_assert_false (g_date_valid (&date));
  g_assert_false (edaad_date_parse (NULL, &date));
}

static void
test_instant_parse_format (void)
{
  g_autoptr(GDateTime) dt = edaad_instant_parse ("2026-11-27T10:05:09.250Z");
  g_autoptr(GDateTime) muscat = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (4 * 3600);
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  g_assert_nonnull (dt);
  g_assert_cmpint (g_date_time_get_year (dt), ==, 2026);
  g_assert_cmpint (g_date_time_get_hour (dt), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (dt), ==, 5);
  g_assert_cmpint (g_date_time_get_second (dt), ==, 9);
  g_assert_cmpint (g_date_time_get_microsecond (dt), ==, 250000);
  text = edaad_instant_format (dt);
  g_assert_cmpstr (text, ==, "2026-11-27T10:05:09Z");

  /* a time in another zone is written in UTC */
  muscat = g_date_time_new (tz, 2026, 11, 27, 2, 0, 0);
  text2 = edaad_instant_format (muscat);
  g_assert_cmpstr (text2, ==, "2026-11-26T22:00:00Z");

  g_assert_null (edaad_instant_parse ("2026-11-27T10:05:09+04:00"));
  g_assert_null (edaad_instant_parse (NULL));
}

static void
test_date_days_between (void)
{
  g_assert_cmpint (edaad_date_days_between ("2025-01-01", "2025-01-01"), ==, 0);
  g_assert_cmpint (edaad_date_days_between ("2025-01-01", "2025-01-02"), ==, 1);
  g_assert_cmpint (edaad_date_days_between ("2025-01-02", "2025-01-01"), ==, -1);
  g_assert_cmpint (edaad_date_days_between ("2024-02-28", "2024-03-01"), ==, 2);  /* leap */
  g_assert_cmpint (edaad_date_days_between ("2025-02-28", "2025-03-01"), ==, 1);
  g_assert_cmpint (edaad_date_days_between ("2024-01-01", "2025-01-01"), ==, 366);
  g_assert_cmpint (edaad_date_days_between ("1900-01-01", "2200-12-31"), ==, 109937);
}

static void
test_date_days_between_invalid (void)
{
  if (g_test_subprocess ())
    {
      edaad_date_days_between ("2025-02-30", "2025-03-01");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*edaad_date_parse*");
}

static void
test_date_add_days (void)
{
  struct { const char *date; int days; const char *expected; } cases[] = {
    { "2025-01-31", 1, "2025-02-01" },
    { "2024-02-28", 1, "2024-02-29" },
    { "2025-02-28", 1, "2025-03-01" },
    { "2025-03-01", -1, "2025-02-28" },
    { "2025-12-31", 14, "2026-01-14" },
    { "2025-06-15", 0, "2025-06-15" },
    { "1900-01-01", -1, NULL },
    { "2200-12-31", 1, NULL },
    { "2025-13-01", 1, NULL },
    { NULL, 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = edaad_date_add_days (cases[i].date, cases[i].days);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
  {
    g_autofree char *far = edaad_date_add_days ("2025-01-01", G_MININT);
    g_assert_null (far);
  }
}

static void
test_date_compare (void)
{
  g_assert_cmpint (edaad_date_compare ("2025-01-01", "2025-01-02"), <, 0);
  g_assert_cmpint (edaad_date_compare ("2025-10-01", "2025-09-30"), >, 0);
  g_assert_cmpint (edaad_date_compare ("2025-01-01", "2025-01-01"), ==, 0);

  g_assert_cmpint (edaad_instant_compare ("2026-01-01T10:00:00Z", "2026-01-01T10:00:00.5Z"), <, 0);
  g_assert_cmpint (edaad_instant_compare ("2026-01-01T10:00:00.5Z", "2026-01-01T10:00:00.50Z"), ==, 0);
  g_assert_cmpint (edaad_instant_compare ("2026-01-01T10:00:00.10Z", "2026-01-01T10:00:00.099Z"), >, 0);
  g_assert_cmpint (edaad_instant_compare ("2026-01-01T10:00:01Z", "2026-01-01T10:00:00.9Z"), >, 0);
  g_assert_cmpint (edaad_instant_compare ("2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z"), <, 0);
}

static void
test_instant_local_date (void)
{
  g_autofree char *d = NULL;

  /* tests run with TZ=UTC */
  g_setenv ("TZ", "UTC", TRUE);
  d = edaad_instant_to_local_date ("2026-11-27T23:30:00Z");
  g_assert_cmpstr (d, ==, "2026-11-27");
  g_assert_null (edaad_instant_to_local_date ("2026-11-27"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/valid", test_date_valid);
  g_test_add_func ("/date/instant-valid", test_instant_valid);
  g_test_add_func ("/date/now", test_date_now);
  g_test_add_func ("/date/parse-format", test_date_parse_format);
  g_test_add_func ("/date/instant-parse-format", test_instant_parse_format);
  g_test_add_func ("/date/days-between", test_date_days_between);
  g_test_add_func ("/date/days-between-invalid", test_date_days_between_invalid);
  g_test_add_func ("/date/add-days", test_date_add_days);
  g_test_add_func ("/date/compare", test_date_compare);
  g_test_add_func ("/date/instant-local-date", test_instant_local_date);
  return g_test_run ();
}
