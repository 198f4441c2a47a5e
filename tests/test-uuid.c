/* test-uuid.c — UUIDv7 generation and syntax checks. */
#include "config.h"

#include "edaad-uuid.h"

#include <string.h>

static void
test_uuid_format (void)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = edaad_uuid_new ();

      g_assert_cmpuint (strlen (id), ==, 36);
      g_assert_true (edaad_uuid_is_valid (id));
      /* lowercase */
      for (const char *p = id; *p; p++)
        g_assert_false (g_ascii_isupper (*p));
      /* version 7, RFC variant 10xx */
      g_assert_cmpint (id[14], ==, '7');
      g_assert_nonnull (strchr ("89ab", id[19]));
    }
}

static void
test_uuid_timestamp (void)
{
  gint64 before = g_get_real_time () / 1000;
  g_autofree char *id = edaad_uuid_new ();
  gint64 after = g_get_real_time () / 1000;
  gint64 ts = edaad_uuid_get_timestamp (id);

  /* the monotonic counter may push ts a little ahead of the clock, never behind */
  g_assert_cmpint (ts, >=, before);
  g_assert_cmpint (ts, <=, after + 1);

  g_assert_cmpint (edaad_uuid_get_timestamp ("0190a3c4-5b6e-7abc-9def-0123456789ab"), ==,
                   G_GINT64_CONSTANT (0x0190a3c45b6e));
  /* version 4 / wrong variant / junk */
  g_assert_cmpint (edaad_uuid_get_timestamp ("0190a3c4-5b6e-4abc-9def-0123456789ab"), ==, -1);
  g_assert_cmpint (edaad_uuid_get_timestamp ("0190a3c4-5b6e-7abc-cdef-0123456789ab"), ==, -1);
  g_assert_cmpint (edaad_uuid_get_timestamp ("nope"), ==, -1);
  g_assert_cmpint (edaad_uuid_get_timestamp (NULL), ==, -1);
}

static void
test_uuid_unique_and_ordered (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *prev = NULL;

  for (guint i = 0; i < 10000; i++)
    {
      char *id = edaad_uuid_new ();

      if (prev != NULL)
        g_assert_cmpstr (prev, <, id);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
      g_free (prev);
      prev = g_strdup (id);
    }
}

static void
test_uuid_is_valid (void)
{
  g_assert_true (edaad_uuid_is_valid ("0190a3c4-5b6e-7abc-9def-0123456789ab"));
  g_assert_true (edaad_uuid_is_valid ("0190A3C4-5B6E-7ABC-9DEF-0123456789AB"));
  g_assert_true (edaad_uuid_is_valid ("00000000-0000-0000-0000-000000000000"));

  g_assert_false (edaad_uuid_is_valid (NULL));
  g_assert_false (edaad_uuid_is_valid (""));
  g_assert_false (edaad_uuid_is_valid ("0190a3c4-5b6e-7abc-9def-0123456789a"));    /* short */
  g_assert_false (edaad_uuid_is_valid ("0190a3c4-5b6e-7abc-9def-0123456789abc"));  /* long */
  g_assert_false (edaad_uuid_is_valid ("0190a3c4-5b6e-7abc-9def-0123456789ab "));  /* junk */
  g_assert_false (edaad_uuid_is_valid ("0190a3c45b6e7abc9def0123456789ab"));       /* no dashes */
  g_assert_false (edaad_uuid_is_valid ("{0190a3c4-5b6e-7abc-9def-0123456789ab}"));
  g_assert_false (edaad_uuid_is_valid ("0190a3c4-5b6e-7abc-9def_0123456789ab"));
  g_assert_false (edaad_uuid_is_valid ("0190a3g4-5b6e-7abc-9def-0123456789ab"));   /* g */
  g_assert_false (edaad_uuid_is_valid ("0190a3c-45b6e-7abc-9def-0123456789ab"));   /* dash moved */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/uuid/format", test_uuid_format);
  g_test_add_func ("/uuid/timestamp", test_uuid_timestamp);
  g_test_add_func ("/uuid/unique-and-ordered", test_uuid_unique_and_ordered);
  g_test_add_func ("/uuid/is-valid", test_uuid_is_valid);
  return g_test_run ();
}
