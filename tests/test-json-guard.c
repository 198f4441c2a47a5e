/* test-json-guard.c — the strict JSON guard, edaad_json_parse() and the JSON writer. */
#include "config.h"

#include "edaad-json-guard.h"
#include "edaad-json-writer.h"

#include <math.h>
#include <string.h>

typedef struct
{
  const char *name;
  const char *text;
  EdaadJsonError code;
} Hostile;

static const Hostile hostile[] = {
  /* duplicates — json-glib keeps the last one */
  { "duplicate key", "{\"a\":1,\"a\":2}", EDAAD_JSON_ERROR_DUPLICATE_KEY },
  { "duplicate after escape", "{\"a\":1,\"\\u0061\":2}", EDAAD_JSON_ERROR_DUPLICATE_KEY },
  { "duplicate nested", "{\"x\":{\"b\":1,\"c\":[{}],\"b\":2}}", EDAAD_JSON_ERROR_DUPLICATE_KEY },
  { "duplicate arabic", "{\"اسم\":1,\"اسم\":2}", EDAAD_JSON_ERROR_DUPLICATE_KEY },
  /* NUL — json-glib cuts the string */
  { "escaped nul", "{\"a\":\"x\\u0000y\"}", EDAAD_JSON_ERROR_NUL },
  { "escaped nul in key", "{\"a\\u0000\":1}", EDAAD_JSON_ERROR_NUL },
  /* integers — json-glib wraps them */
  { "2^63", "9223372036854775808", EDAAD_JSON_ERROR_NUMBER_RANGE },
  { "-2^63-1", "-9223372036854775809", EDAAD_JSON_ERROR_NUMBER_RANGE },
  { "20 digits", "[12345678901234567890]", EDAAD_JSON_ERROR_NUMBER_RANGE },
  /* non-finite — json-glib makes infinity */
  { "1e400", "{\"a\":1e400}", EDAAD_JSON_ERROR_NUMBER_RANGE },
  { "-1e400", "[-1e400]", EDAAD_JSON_ERROR_NUMBER_RANGE },
  { "NaN", "[NaN]", EDAAD_JSON_ERROR_SYNTAX },
  { "Infinity", "[Infinity]", EDAAD_JSON_ERROR_SYNTAX },
  { "-Infinity", "[-Infinity]", EDAAD_JSON_ERROR_SYNTAX },
  /* grammar json-glib is lax about */
  { "empty", "", EDAAD_JSON_ERROR_SYNTAX },
  { "whitespace only", " \n\t", EDAAD_JSON_ERROR_SYNTAX },
  { "trailing comma object", "{\"a\":1,}", EDAAD_JSON_ERROR_SYNTAX },
  { "trailing comma array", "[1,2,]", EDAAD_JSON_ERROR_SYNTAX },
  { "line comment", "{\"a\":1 // c\n}", EDAAD_JSON_ERROR_SYNTAX },
  { "block comment", "{\"a\":/*c*/1}", EDAAD_JSON_ERROR_SYNTAX },
  { "single quotes", "{'a':1}", EDAAD_JSON_ERROR_SYNTAX },
  { "unquoted key", "{a:1}", EDAAD_JSON_ERROR_SYNTAX },
  { "leading zero", "[01]", EDAAD_JSON_ERROR_SYNTAX },
  { "hex", "[0x10]", EDAAD_JSON_ERROR_SYNTAX },
  { "plus sign", "[+1]", EDAAD_JSON_ERROR_SYNTAX },
  { "bare fraction", "[.5]", EDAAD_JSON_ERROR_SYNTAX },
  { "bare point", "[1.]", EDAAD_JSON_ERROR_SYNTAX },
  { "bare exponent", "[1e]", EDAAD_JSON_ERROR_SYNTAX },
  { "bare minus", "[-]", EDAAD_JSON_ERROR_SYNTAX },
  { "two documents", "{}{}", EDAAD_JSON_ERROR_SYNTAX },
  { "trailing garbage", "{\"a\":1} x", EDAAD_JSON_ERROR_SYNTAX },
  { "raw tab in string", "[\"a\tb\"]", EDAAD_JSON_ERROR_SYNTAX },
  { "raw newline in string", "[\"a\nb\"]", EDAAD_JSON_ERROR_SYNTAX },
  { "unknown escape", "[\"\\q\"]", EDAAD_JSON_ERROR_SYNTAX },
  { "short unicode escape", "[\"\\u12\"]", EDAAD_JSON_ERROR_SYNTAX },
  { "lone high surrogate", "[\"\\ud83d\"]", EDAAD_JSON_ERROR_SYNTAX },
  { "lone low surrogate", "[\"\\ude00\"]", EDAAD_JSON_ERROR_SYNTAX },
  { "high then non-low", "[\"\\ud83d\\u0041\"]", EDAAD_JSON_ERROR_SYNTAX },
  { "unterminated string", "[\"abc", EDAAD_JSON_ERROR_SYNTAX },
  { "unterminated array", "[1,2", EDAAD_JSON_ERROR_SYNTAX },
  { "unterminated object", "{\"a\":1", EDAAD_JSON_ERROR_SYNTAX },
  { "missing colon", "{\"a\" 1}", EDAAD_JSON_ERROR_SYNTAX },
  { "missing value", "{\"a\":}", EDAAD_JSON_ERROR_SYNTAX },
  { "capital True", "[True]", EDAAD_JSON_ERROR_SYNTAX },
  { "truex", "[truex]", EDAAD_JSON_ERROR_SYNTAX },
  { "mismatched close", "[1}", EDAAD_JSON_ERROR_SYNTAX },
  { "vertical tab", "[\v1]", EDAAD_JSON_ERROR_SYNTAX },
  { "byte order mark", "\xef\xbb\xbf{}", EDAAD_JSON_ERROR_SYNTAX },
  /* UTF-8 */
  { "bad byte", "[\"\xff\"]", EDAAD_JSON_ERROR_NOT_UTF8 },
  { "overlong slash", "[\"\xc0\xaf\"]", EDAAD_JSON_ERROR_NOT_UTF8 },
  { "utf8 surrogate", "[\"\xed\xa0\x80\"]", EDAAD_JSON_ERROR_NOT_UTF8 },
  { "truncated sequence", "[\"\xd8\"]", EDAAD_JSON_ERROR_NOT_UTF8 },
};

static void
assert_rejected (const char     *text,
                 gssize          length,
                 EdaadJsonError  code,
                 const EdaadJsonLimits *limits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_false (edaad_json_check (text, length, limits, &error));
  g_assert_error (error, EDAAD_JSON_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");

  node = edaad_json_parse (text, length, limits, &parse_error);
  g_assert_null (node);
  g_assert_error (parse_error, EDAAD_JSON_ERROR, (int) code);
}

static void
test_hostile (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_test_message ("%s", hostile[i].name);
      assert_rejected (hostile[i].text, -1, hostile[i].code, NULL);
    }
}

static void
test_raw_nul (void)
{
  static const char text[] = "{\"a\":\"x\0y\"}";
  g_autoptr(GError) error = NULL;

  assert_rejected (text, sizeof text - 1, EDAAD_JSON_ERROR_NUL, NULL);
  /* a NUL outside a string too */
  assert_rejected ("[1]\0", 4, EDAAD_JSON_ERROR_NUL, NULL);

  g_assert_false (edaad_json_check (text, sizeof text - 1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "7"));
}

static char *
nested (guint depth,
        char  open,
        char  close)
{
  char *s = g_malloc (2 * depth + 1);

  memset (s, open, depth);
  memset (s + depth, close, depth);
  s[2 * depth] = '\0';
  return s;
}

static void
test_depth (void)
{
  g_autofree char *sixteen = nested (16, '[', ']');
  g_autofree char *seventeen = nested (17, '[', ']');
  g_autofree char *huge = nested (100000, '[', ']');
  g_autofree char *open_only = g_strnfill (200000, '[');
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  EdaadJsonLimits three = { .max_depth = 3 };
  EdaadJsonLimits generous = { .max_depth = 100000, .max_bytes = 1024 * 1024 };
  GString *objects = g_string_new (NULL);

  /* default limit 16 */
  g_assert_true (edaad_json_check (sixteen, -1, NULL, &error));
  g_assert_no_error (error);
  assert_rejected (seventeen, -1, EDAAD_JSON_ERROR_TOO_DEEP, NULL);

  /* a caller's limit */
  g_assert_true (edaad_json_check ("[[[1]]]", -1, &three, NULL));
  assert_rejected ("[[[[1]]]]", -1, EDAAD_JSON_ERROR_TOO_DEEP, &three);
  assert_rejected ("{\"a\":{\"b\":{\"c\":{}}}}", -1, EDAAD_JSON_ERROR_TOO_DEEP, &three);
  g_assert_true (edaad_json_check ("{\"a\":{\"b\":{\"c\":1}}}", -1, &three, NULL));

  /* 100,000 levels: no recursion, so no crash; json-glib never sees it */
  assert_rejected (huge, -1, EDAAD_JSON_ERROR_TOO_DEEP, NULL);
  assert_rejected (open_only, -1, EDAAD_JSON_ERROR_TOO_DEEP, NULL);

  /* a huge caller limit is capped below what json-glib's recursion survives */
  assert_rejected (huge, -1, EDAAD_JSON_ERROR_TOO_DEEP, &generous);
  g_clear_pointer (&huge, g_free);
  huge = nested (EDAAD_JSON_MAX_DEPTH_CEILING, '[', ']');
  node = edaad_json_parse (huge, -1, &generous, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  for (guint i = 0; i < 17; i++)
    g_string_append (objects, "{\"k\":");
  g_string_append (objects, "1");
  for (guint i = 0; i < 17; i++)
    g_string_append_c (objects, '}');
  assert_rejected (objects->str, -1, EDAAD_JSON_ERROR_TOO_DEEP, NULL);
  g_string_free (objects, TRUE);
}

static void
test_size (void)
{
  EdaadJsonLimits small = { .max_bytes = 10 };
  EdaadJsonLimits short_strings = { .max_string_bytes = 4 };
  g_autofree char *big_string = NULL;
  g_autofree char *filler = g_strnfill (EDAAD_JSON_DEFAULT_MAX_STRING_BYTES, 'x');
  g_autofree char *over = g_strnfill (EDAAD_JSON_DEFAULT_MAX_STRING_BYTES + 1, 'x');
  g_autofree char *at_limit = g_strdup_printf ("[\"%s\"]", filler);
  g_autofree char *over_limit = g_strdup_printf ("[\"%s\"]", over);
  g_autofree char *over_key = g_strdup_printf ("{\"%s\":1}", over);

  g_assert_true (edaad_json_check ("[1,2,3,4]", -1, &small, NULL));  /* 9 bytes */
  g_assert_true (edaad_json_check ("[1,2,3,45]", -1, &small, NULL)); /* 10 bytes */
  assert_rejected ("[1,2,3,456]", -1, EDAAD_JSON_ERROR_TOO_LARGE, &small);
  /* the length given wins over the NUL terminator */
  assert_rejected ("[1,2,3,456]", 11, EDAAD_JSON_ERROR_TOO_LARGE, &small);
  g_assert_true (edaad_json_check ("[1,2,3,456] and more", 11, NULL, NULL));

  /* strings are measured once unescaped */
  g_assert_true (edaad_json_check ("[\"abcd\"]", -1, &short_strings, NULL));
  g_assert_true (edaad_json_check ("[\"\\u0061\\u0062\\u0063\\u0064\"]", -1, &short_strings, NULL));
  assert_rejected ("[\"abcde\"]", -1, EDAAD_JSON_ERROR_TOO_LARGE, &short_strings);
  assert_rejected ("{\"abcde\":1}", -1, EDAAD_JSON_ERROR_TOO_LARGE, &short_strings);
  assert_rejected ("[\"عربي\"]", -1, EDAAD_JSON_ERROR_TOO_LARGE, &short_strings); /* 8 bytes */

  g_assert_true (edaad_json_check (at_limit, -1, NULL, NULL));
  assert_rejected (over_limit, -1, EDAAD_JSON_ERROR_TOO_LARGE, NULL);
  assert_rejected (over_key, -1, EDAAD_JSON_ERROR_TOO_LARGE, NULL);

  /* the default whole-text limit is 8 MiB */
  big_string = g_strnfill (EDAAD_JSON_DEFAULT_MAX_BYTES + 1, ' ');
  big_string[0] = '1';
  assert_rejected (big_string, -1, EDAAD_JSON_ERROR_TOO_LARGE, NULL);
  big_string[EDAAD_JSON_DEFAULT_MAX_BYTES] = '\0';
  g_assert_true (edaad_json_check (big_string, -1, NULL, NULL));
}

static void
test_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  node = edaad_json_parse ("[9223372036854775807, -9223372036854775808, 0, -0, 42, 1.5, -2.5e-3,"
                           " 1E5, 1e308, 1e-400, 0.1]", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 11);
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (array, 1), ==, G_MININT64);
  g_assert_cmpint (json_array_get_int_element (array, 2), ==, 0);
  g_assert_cmpint (json_array_get_int_element (array, 3), ==, 0);
  g_assert_cmpint (json_array_get_int_element (array, 4), ==, 42);
  g_assert_true (json_node_get_value_type (json_array_get_element (array, 4)) == G_TYPE_INT64);
  g_assert_true (json_node_get_value_type (json_array_get_element (array, 5)) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_array_get_double_element (array, 5), ==, 1.5);
  g_assert_cmpfloat (json_array_get_double_element (array, 6), ==, -2.5e-3);
  g_assert_cmpfloat (json_array_get_double_element (array, 7), ==, 1e5);
  g_assert_cmpfloat (json_array_get_double_element (array, 8), ==, 1e308);
  g_assert_cmpfloat (json_array_get_double_element (array, 9), ==, 0.0); /* underflow is finite */
  g_assert_cmpfloat (json_array_get_double_element (array, 10), ==, 0.1);
}

static void
test_valid_documents (void)
{
  static const char text[] =
    " {\"name_ar\": \"تحول رقمي للخدمات\", \"name_en\": \"Digital services\",\n"
    "  \"emoji\": \"\\ud83d\\ude00\", \"upper\": \"\\uD83D\\uDE00\", \"escapes\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\","
    "  \"nested\": {\"a\": [true, false, null, {\"a\": 1}], \"b\": {}}, \"empty\": [], \"مفتاح\": \"قيمة\"}\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) scalar = NULL;
  g_autoptr(JsonNode) null_node = NULL;
  JsonObject *object;

  node = edaad_json_parse (text, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "name_ar"), ==, "تحول رقمي للخدمات");
  g_assert_cmpstr (json_object_get_string_member (object, "emoji"), ==, "\xf0\x9f\x98\x80");
  g_assert_cmpstr (json_object_get_string_member (object, "upper"), ==, "\xf0\x9f\x98\x80");
  g_assert_cmpstr (json_object_get_string_member (object, "escapes"), ==, "\"\\/\b\f\n\r\t\xc3\xa9");
  g_assert_cmpstr (json_object_get_string_member (object, "مفتاح"), ==, "قيمة");
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "nested")), ==, 2);

  /* the same key in different objects is fine */
  g_assert_true (edaad_json_check ("[{\"a\":1},{\"a\":2},{\"b\":{\"a\":3},\"a\":4}]", -1, NULL, NULL));
  /* keys that share a prefix are not duplicates */
  g_assert_true (edaad_json_check ("{\"a\":1,\"ab\":2,\"b\":3,\"\":4}", -1, NULL, NULL));

  /* top-level scalars */
  scalar = edaad_json_parse ("\"نص\"", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (scalar), ==, "نص");
  null_node = edaad_json_parse ("null", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (null_node);
  g_assert_true (JSON_NODE_HOLDS_NULL (null_node));
}

static void
test_many_keys (void)
{
  GString *text = g_string_new ("{");
  g_autoptr(GError) error = NULL;

  /* 20,000 distinct keys, then the first one again at the end */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%s\"key%u\":%u", i > 0 ? "," : "", i, i);
  g_string_append (text, "}");
  g_assert_true (edaad_json_check (text->str, -1, NULL, &error));
  g_assert_no_error (error);

  g_string_truncate (text, text->len - 1);
  g_string_append (text, ",\"key0\":1}");
  g_assert_false (edaad_json_check (text->str, -1, NULL, &error));
  g_assert_error (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_DUPLICATE_KEY);
  g_assert_nonnull (strstr (error->message, "key0"));
  g_string_free (text, TRUE);
}

static void
test_writer (void)
{
  static const char *round_trips[] = {
    "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}",
    "[\"تحول\",\"\\u0001\\n\\t\\\"\\\\\",\"\xf0\x9f\x98\x80\"]",
    "[0.1,5.0,-2.5,1e-300,1e+21,123456789012.0,-0.0]",
    "{\"z\":1,\"a\":2,\"m\":3}",
    "[]",
    "{}",
    "null",
    "-9223372036854775808",
  };
  g_autoptr(JsonNode) inf = json_node_new (JSON_NODE_VALUE);
  g_autofree char *inf_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = edaad_json_parse (round_trips[i], -1, NULL, &error);
      g_autoptr(JsonNode) again = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_again = NULL;

      g_assert_no_error (error);
      text = edaad_json_to_string (node);
      /* what we write, the strict guard reads, and to the same tree */
      again = edaad_json_parse (text, -1, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (json_node_equal (node, again));
      text_again = edaad_json_to_string (again);
      g_assert_cmpstr (text, ==, text_again);
    }

  /* exact texts */
  {
    g_autoptr(JsonNode) node = edaad_json_parse ("[0.1, 5.0, 1e-300, 1e21, 7, \"a\\u0001\"]", -1, NULL, NULL);
    g_autofree char *text = edaad_json_to_string (node);
    g_assert_cmpstr (text, ==, "[0.1,5.0,1e-300,1e+21,7,\"a\\u0001\"]");
  }
  {
    g_autoptr(JsonNode) node = edaad_json_parse ("{\"z\":1,\"a\":2}", -1, NULL, NULL);
    g_autofree char *text = edaad_json_to_string (node);
    g_assert_cmpstr (text, ==, "{\"z\":1,\"a\":2}");
  }

  json_node_set_double (inf, INFINITY);
  inf_text = edaad_json_to_string (inf);
  g_assert_cmpstr (inf_text, ==, "null");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-guard/hostile", test_hostile);
  g_test_add_func ("/json-guard/raw-nul", test_raw_nul);
  g_test_add_func ("/json-guard/depth", test_depth);
  g_test_add_func ("/json-guard/size", test_size);
  g_test_add_func ("/json-guard/numbers", test_numbers);
  g_test_add_func ("/json-guard/valid", test_valid_documents);
  g_test_add_func ("/json-guard/many-keys", test_many_keys);
  g_test_add_func ("/json-guard/writer", test_writer);

  return g_test_run ();
}
