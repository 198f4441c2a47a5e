/* test-ui-format.c — how numbers, percentages and dates are written: the pure formatting
 * functions in every digit style, reading numbers back, and following the "digits"
 * setting live. */
#define G_LOG_DOMAIN "test-ui-format"

#include "config.h"

#include "edaad-locale.h"
#include "edaad-ui-format.h"

#include <math.h>

static const EdaadUiNumberStyle plain = { FALSE, NULL, NULL };
static const EdaadUiNumberStyle english = { FALSE, ".", "," };
static const EdaadUiNumberStyle german = { FALSE, ",", "." };
static const EdaadUiNumberStyle arabic = { TRUE, ".", "," };

static void
assert_owned_str (char       *text,
                  const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_digits (void)
{
  assert_owned_str (edaad_ui_style_digits (&arabic, "0123456789"), "٠١٢٣٤٥٦٧٨٩");
  assert_owned_str (edaad_ui_style_digits (&arabic, "P-12, 10:30 (ok)"), "P-١٢, ١٠:٣٠ (ok)");
  assert_owned_str (edaad_ui_style_digits (&arabic, "خطة ٣"), "خطة ٣");
  assert_owned_str (edaad_ui_style_digits (&english, "P-12, 10:30"), "P-12, 10:30");
  assert_owned_str (edaad_ui_style_digits (&arabic, ""), "");
  g_assert_null (edaad_ui_style_digits (&arabic, NULL));
}

static void
test_count (void)
{
  assert_owned_str (edaad_ui_style_count (&english, 0), "0");
  assert_owned_str (edaad_ui_style_count (&english, 999), "999");
  assert_owned_str (edaad_ui_style_count (&english, 1000), "1,000");
  assert_owned_str (edaad_ui_style_count (&english, 1234567), "1,234,567");
  assert_owned_str (edaad_ui_style_count (&english, -1234), "-1,234");
  assert_owned_str (edaad_ui_style_count (&plain, 1234567), "1234567");
  assert_owned_str (edaad_ui_style_count (&german, 1234567), "1.234.567");
  assert_owned_str (edaad_ui_style_count (&english, G_MININT64), "-9,223,372,036,854,775,808");
  assert_owned_str (edaad_ui_style_count (&english, G_MAXINT64), "9,223,372,036,854,775,807");

  /* Arabic digits come with the Arabic thousands separator, whatever the locale's. */
  assert_owned_str (edaad_ui_style_count (&arabic, 7), "٧");
  assert_owned_str (edaad_ui_style_count (&arabic, 1234), "١٬٢٣٤");
  assert_owned_str (edaad_ui_style_count (&arabic, -10), "\u061C-١٠");
}

static void
test_number (void)
{
  assert_owned_str (edaad_ui_style_number (&english, 2.5, 1), "2.5");
  assert_owned_str (edaad_ui_style_number (&english, 2.50, 2), "2.5");
  assert_owned_str (edaad_ui_style_number (&english, 3.0, 2), "3");
  assert_owned_str (edaad_ui_style_number (&english, 2.46, 1), "2.5");
  assert_owned_str (edaad_ui_style_number (&english, 2.46, 0), "2");
  assert_owned_str (edaad_ui_style_number (&english, 1234.567, 2), "1,234.57");
  assert_owned_str (edaad_ui_style_number (&english, -1234.5, 1), "-1,234.5");
  /* Rounding to zero drops the sign. */
  assert_owned_str (edaad_ui_style_number (&english, -0.001, 2), "0");
  assert_owned_str (edaad_ui_style_number (&english, -0.0, 0), "0");
  /* At most six decimals. */
  assert_owned_str (edaad_ui_style_number (&english, 1.0 / 3.0, 20), "0.333333");
  assert_owned_str (edaad_ui_style_number (&plain, 1234.5, 1), "1234.5");
  assert_owned_str (edaad_ui_style_number (&german, 1234.5, 1), "1.234,5");
  assert_owned_str (edaad_ui_style_number (&arabic, 1234.57, 2), "١٬٢٣٤٫٥٧");
  assert_owned_str (edaad_ui_style_number (&arabic, 85, 1), "٨٥");

  /* No number to write. */
  assert_owned_str (edaad_ui_style_number (&english, NAN, 1), "—");
  assert_owned_str (edaad_ui_style_number (&english, INFINITY, 1), "—");
  assert_owned_str (edaad_ui_style_number (&english, -INFINITY, 1), "—");
}

static void
test_percent (void)
{
  assert_owned_str (edaad_ui_style_percent (&english, 66.6), "67%");
  assert_owned_str (edaad_ui_style_percent (&english, 0.4), "0%");
  assert_owned_str (edaad_ui_style_percent (&english, 100), "100%");
  assert_owned_str (edaad_ui_style_percent (&english, 1500), "1,500%");
  assert_owned_str (edaad_ui_style_percent (&arabic, 35), "٣٥%");
  assert_owned_str (edaad_ui_style_percent (&english, NAN), "—");
  assert_owned_str (edaad_ui_style_percent (&english, 1e300), "—");
}

static void
test_date (void)
{
  assert_owned_str (edaad_ui_style_date (&english, "2026-12-03"), "3 Dec 2026");
  assert_owned_str (edaad_ui_style_date (&arabic, "2026-12-03"), "٣ Dec ٢٠٢٦");
  assert_owned_str (edaad_ui_style_date (&arabic, "2026-02-28"), "٢٨ Feb ٢٠٢٦");
  g_assert_null (edaad_ui_style_date (&english, "2026-02-30"));
  g_assert_null (edaad_ui_style_date (&english, "3 Dec 2026"));
  g_assert_null (edaad_ui_style_date (&english, ""));
  g_assert_null (edaad_ui_style_date (&english, NULL));
}

static void
test_style_init (void)
{
  EdaadUiNumberStyle style;

  edaad_ui_number_style_init (&style, EDAAD_UI_DIGITS_LOCALE, TRUE, ".", ",");
  g_assert_true (style.arabic_digits);
  edaad_ui_number_style_init (&style, EDAAD_UI_DIGITS_LATIN, TRUE, ".", ",");
  g_assert_false (style.arabic_digits);
  g_assert_cmpstr (style.decimal_point, ==, ".");
  g_assert_cmpstr (style.thousands_sep, ==, ",");
  edaad_ui_number_style_init (&style, EDAAD_UI_DIGITS_LOCALE, FALSE, ",", NULL);
  g_assert_false (style.arabic_digits);
  g_assert_cmpstr (style.decimal_point, ==, ",");
  g_assert_null (style.thousands_sep);
  edaad_ui_number_style_init (&style, EDAAD_UI_DIGITS_LATIN, FALSE, NULL, NULL);
  g_assert_false (style.arabic_digits);
}

static void
assert_parses (const char *text,
               gint64      expected)
{
  gint64 value = -1;

  g_assert_true (edaad_ui_parse_count (text, &value));
  g_assert_cmpint (value, ==, expected);
}

static void
assert_rejects (const char *text)
{
  gint64 value = -42;

  g_assert_false (edaad_ui_parse_count (text, &value));
  g_assert_cmpint (value, ==, -42);
}

static void
test_parse_count (void)
{
  assert_parses ("14", 14);
  assert_parses ("0", 0);
  assert_parses ("١٤", 14);
  assert_parses ("۱۴", 14);
  assert_parses ("1٤", 14);
  assert_parses ("  90 ", 90);
  assert_parses ("1,234", 1234);
  assert_parses ("١٬٢٣٤٬٥٦٧", 1234567);
  assert_parses ("12\u00A0345", 12345);
  assert_parses ("9007199254740992", G_GINT64_CONSTANT (9007199254740992));

  assert_rejects (NULL);
  assert_rejects ("");
  assert_rejects ("   ");
  assert_rejects ("-1");
  assert_rejects ("+1");
  assert_rejects ("1.5");
  assert_rejects ("12a");
  assert_rejects ("a12");
  assert_rejects ("1 2");
  assert_rejects (",123");
  assert_rejects ("1,23");
  assert_rejects ("1234,567");
  assert_rejects ("1,234,56");
  assert_rejects ("1,");
  assert_rejects ("9007199254740993");
  assert_rejects ("99999999999999999999999");
  assert_rejects ("\xff\xfe");
}

static void
test_locale_names (void)
{
  g_assert_true (edaad_locale_name_is_arabic ("ar"));
  g_assert_true (edaad_locale_name_is_arabic ("ar_OM"));
  g_assert_true (edaad_locale_name_is_arabic ("ar_OM.UTF-8"));
  g_assert_true (edaad_locale_name_is_arabic ("ar.UTF-8"));
  g_assert_true (edaad_locale_name_is_arabic ("ar@latin"));
  g_assert_false (edaad_locale_name_is_arabic ("arn"));
  g_assert_false (edaad_locale_name_is_arabic ("arn_CL"));
  g_assert_false (edaad_locale_name_is_arabic ("en_GB.UTF-8"));
  g_assert_false (edaad_locale_name_is_arabic ("a"));
  g_assert_false (edaad_locale_name_is_arabic (""));
  g_assert_false (edaad_locale_name_is_arabic ("C"));
  g_assert_false (edaad_locale_name_is_arabic (NULL));
}

typedef struct
{
  guint calls;
  char *seen;
} Watch;

static void
on_digits_changed (GSettings  *settings,
                   const char *key,
                   Watch      *watch)
{
  watch->calls++;
  g_free (watch->seen);
  watch->seen = edaad_ui_format_count (1234);
}

/* The user's style: the setting and the UI language, read when a number is written, and
 * already changed when a "changed::digits" handler runs. */
static void
test_user_style (void)
{
  GSettings *settings = edaad_ui_format_get_settings ();
  Watch watch = { 0, NULL };
  gulong handler;

  g_assert_true (G_IS_SETTINGS (settings));
  g_assert_true (edaad_ui_format_get_settings () == settings);
  handler = g_signal_connect (settings, "changed::digits", G_CALLBACK (on_digits_changed), &watch);

  g_setenv ("LANGUAGE", "ar", TRUE);
  g_assert_true (edaad_locale_prefers_arabic ());
  g_settings_set_enum (settings, "digits", EDAAD_UI_DIGITS_LOCALE);
  watch.calls = 0;
  assert_owned_str (edaad_ui_format_count (25), "٢٥");
  assert_owned_str (edaad_ui_format_percent (40), "٤٠%");
  assert_owned_str (edaad_ui_format_number (2.5, 1), "٢٫٥");
  assert_owned_str (edaad_ui_format_date ("2026-11-05"), "٥ Nov ٢٠٢٦");
  assert_owned_str (edaad_ui_format_instant ("2026-11-05T09:30:00Z"), "٥ Nov ٢٠٢٦, ٠٩:٣٠");
  assert_owned_str (edaad_ui_format_instant_time ("2026-11-05T14:00:00Z"), "١٤:٠٠");
  assert_owned_str (edaad_ui_format_instant_date ("2026-11-05T23:30:00Z"), "٥ Nov ٢٠٢٦");
  assert_owned_str (edaad_ui_format_digits ("P-7"), "P-٧");

  g_settings_set_enum (settings, "digits", EDAAD_UI_DIGITS_LATIN);
  g_assert_cmpuint (watch.calls, ==, 1);
  g_assert_cmpstr (watch.seen, ==, "1234");
  assert_owned_str (edaad_ui_format_count (25), "25");
  assert_owned_str (edaad_ui_format_instant_time ("2026-11-05T14:00:00Z"), "14:00");
  assert_owned_str (edaad_ui_format_date ("2026-11-05"), "5 Nov 2026");

  g_settings_set_enum (settings, "digits", EDAAD_UI_DIGITS_LOCALE);
  g_assert_cmpuint (watch.calls, ==, 2);
  g_assert_cmpstr (watch.seen, ==, "١٬٢٣٤");

  /* "As in my language" is Latin for an English reader. */
  g_setenv ("LANGUAGE", "en_GB", TRUE);
  g_assert_false (edaad_locale_prefers_arabic ());
  assert_owned_str (edaad_ui_format_count (25), "25");
  assert_owned_str (edaad_ui_format_percent (40), "40%");

  /* Nothing to format. */
  g_assert_null (edaad_ui_format_date (NULL));
  g_assert_null (edaad_ui_format_instant (NULL));
  g_assert_null (edaad_ui_format_instant ("2026-11-05"));
  g_assert_null (edaad_ui_format_instant_time ("tomorrow"));
  g_assert_null (edaad_ui_format_instant_date (NULL));
  g_assert_null (edaad_ui_format_digits (NULL));

  g_signal_handler_disconnect (settings, handler);
  g_free (watch.seen);
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  /* The C locale: no grouping in the user's style, English month names. */
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui-format/digits", test_digits);
  g_test_add_func ("/ui-format/count", test_count);
  g_test_add_func ("/ui-format/number", test_number);
  g_test_add_func ("/ui-format/percent", test_percent);
  g_test_add_func ("/ui-format/date", test_date);
  g_test_add_func ("/ui-format/style-init", test_style_init);
  g_test_add_func ("/ui-format/parse-count", test_parse_count);
  g_test_add_func ("/ui-format/locale-names", test_locale_names);
  g_test_add_func ("/ui-format/user-style", test_user_style);

  return g_test_run ();
}
