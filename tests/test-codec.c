/* test-codec.c — the schema-driven record codec: round trips for every kind, every rejection. */
#include "config.h"

#include "edaad-record-codec.h"

#include "edaad-json-guard.h"
#include "edaad-json-writer.h"
#include "edaad-uuid.h"
#include "edaad-validate.h"

#include <string.h>

#define PLAN_ID "0190a3c4-5b6e-7abc-9def-0123456789ab"
#define SCOPE_ID "0190a3c4-5b6e-7abc-9def-0123456789ac"

/* A value for every field, generated from its spec alone. */
static void
populate (EdaadRecord *record)
{
  const EdaadKindSpec *kind = edaad_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];

      switch (field->type)
        {
        case EDAAD_FIELD_STRING:
          {
            /* Arabic and English, escapes-worthy characters, cut to max_len characters */
            const char *sample = "نص \"quoted\"\ttab\nline ‹" ;
            g_autofree char *full = g_strdup_printf ("%s %s %s", field->name, sample, "تحول رقمي للخدمات الحكومية");
            g_autofree char *cut = g_utf8_substring (full, 0, MIN ((glong) field->max_len, g_utf8_strlen (full, -1)));
            edaad_record_set_string (record, field->name, cut);
          }
          break;
        case EDAAD_FIELD_INT:
          edaad_record_set_int (record, field->name, field->max - (field->max - field->min) / 3);
          break;
        case EDAAD_FIELD_REAL:
          edaad_record_set_real (record, field->name, field->real_min + (field->real_max - field->real_min) * 0.3);
          break;
        case EDAAD_FIELD_BOOL:
          edaad_record_set_bool (record, field->name, TRUE);
          break;
        case EDAAD_FIELD_ENUM:
          {
            guint n = g_strv_length ((char **) field->enum_values);
            edaad_record_set_string (record, field->name, field->enum_values[n - 1]);
          }
          break;
        case EDAAD_FIELD_DATE:
          edaad_record_set_string (record, field->name, "2026-02-28");
          break;
        case EDAAD_FIELD_INSTANT:
          edaad_record_set_string (record, field->name, "2026-11-27T10:00:00Z");
          break;
        case EDAAD_FIELD_UUID:
          {
            g_autofree char *uuid = edaad_uuid_new ();
            edaad_record_set_string (record, field->name, uuid);
          }
          break;
        case EDAAD_FIELD_JSON:
          {
            g_autoptr(JsonNode) node = edaad_json_parse ("{\"value\":[1,2.5,\"نص\",null,true,{\"x\":1e-300}]}",
                                                         -1, NULL, NULL);
            g_autofree char *text = edaad_json_to_string (node);
            edaad_record_set_string (record, field->name, text);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
assert_same_record (EdaadRecord *a,
                    EdaadRecord *b)
{
  g_autoptr(GPtrArray) diff = NULL;

  g_assert_true (edaad_record_get_kind (a) == edaad_record_get_kind (b));
  g_assert_cmpstr (edaad_record_get_id (a), ==, edaad_record_get_id (b));
  g_assert_cmpstr (edaad_record_get_scope (a), ==, edaad_record_get_scope (b));
  g_assert_cmpint (edaad_record_get_version (a), ==, edaad_record_get_version (b));
  g_assert_cmpint (edaad_record_get_deleted (a), ==, edaad_record_get_deleted (b));
  diff = edaad_record_diff (a, b);
  if (diff->len > 0)
    g_error ("field “%s” differs", (const char *) g_ptr_array_index (diff, 0));
}

static void
test_round_trip_every_kind (void)
{
  for (guint k = 0; k < edaad_schema_n_kinds (); k++)
    {
      const EdaadKindSpec *kind = edaad_schema_kind_at (k);
      g_autoptr(EdaadRecord) record = edaad_record_new (kind);
      g_autoptr(EdaadRecord) back = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonNode) reparsed = NULL;
      g_autoptr(JsonObject) fields = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *id = edaad_uuid_new ();
      JsonObject *envelope;

      g_test_message ("kind %s", kind->name);
      edaad_record_set_id (record, id);
      edaad_record_set_scope (record, SCOPE_ID);
      edaad_record_set_version (record, 1903 + k);
      edaad_record_set_deleted (record, k % 2 == 1);
      populate (record);

      /* every set field appears, with the JSON type DESIGN.md §3 gives it */
      fields = edaad_record_fields_to_json (record);
      g_assert_cmpuint (json_object_get_size (fields), ==, kind->n_fields);
      for (guint i = 0; i < kind->n_fields; i++)
        {
          const EdaadFieldSpec *field = &kind->fields[i];
          JsonNode *member = json_object_get_member (fields, field->name);

          g_assert_nonnull (member);
          switch (field->type)
            {
            case EDAAD_FIELD_INT:
              g_assert_true (json_node_get_value_type (member) == G_TYPE_INT64);
              break;
            case EDAAD_FIELD_REAL:
              g_assert_true (json_node_get_value_type (member) == G_TYPE_DOUBLE);
              break;
            case EDAAD_FIELD_BOOL:
              g_assert_true (json_node_get_value_type (member) == G_TYPE_BOOLEAN);
              break;
            case EDAAD_FIELD_JSON:
              g_assert_true (JSON_NODE_HOLDS_OBJECT (member));
              break;
            case EDAAD_FIELD_STRING:
            case EDAAD_FIELD_ENUM:
            case EDAAD_FIELD_DATE:
            case EDAAD_FIELD_INSTANT:
            case EDAAD_FIELD_UUID:
            default:
              g_assert_true (json_node_get_value_type (member) == G_TYPE_STRING);
              break;
            }
        }

      /* through text and the strict guard, and back */
      node = edaad_record_to_json (record);
      text = edaad_json_to_string (node);
      reparsed = edaad_json_parse (text, -1, NULL, &error);
      g_assert_no_error (error);
      envelope = json_node_get_object (reparsed);
      g_assert_cmpstr (json_object_get_string_member (envelope, "type"), ==, kind->name);
      g_assert_cmpstr (json_object_get_string_member (envelope, "id"), ==, id);
      g_assert_cmpstr (json_object_get_string_member (envelope, "scope"), ==, SCOPE_ID);
      g_assert_cmpint (json_object_get_int_member (envelope, "version"), ==, 1903 + k);
      g_assert_cmpint (json_object_get_boolean_member (envelope, "deleted"), ==, k % 2 == 1);

      back = edaad_record_from_json (reparsed, &error);
      g_assert_no_error (error);
      g_assert_nonnull (back);
      assert_same_record (record, back);
    }
}

static void
test_empty_and_null (void)
{
  g_autoptr(EdaadRecord) risk = edaad_record_new_for_kind ("risk");
  g_autoptr(JsonObject) fields = edaad_record_fields_to_json (risk);
  g_autoptr(JsonNode) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) envelope = NULL;
  JsonObject *object;

  g_assert_cmpuint (json_object_get_size (fields), ==, 0);

  /* null unsets; an update of a single field leaves the others */
  edaad_record_set_int (risk, "likelihood", 3);
  edaad_record_set_string (risk, "mitigation", "Train staff");
  changes = edaad_json_parse ("{\"likelihood\":null,\"impact\":4}", -1, NULL, NULL);
  g_assert_true (edaad_record_set_fields_from_json (risk, json_node_get_object (changes), &error));
  g_assert_no_error (error);
  g_assert_false (edaad_record_has_value (risk, "likelihood"));
  g_assert_cmpint (edaad_record_get_int (risk, "impact"), ==, 4);
  g_assert_cmpstr (edaad_record_get_string (risk, "mitigation"), ==, "Train staff");

  /* an envelope without id or scope shows them as null */
  envelope = edaad_record_to_json (risk);
  object = json_node_get_object (envelope);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, "id")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, "scope")));
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 0);
  g_assert_false (json_object_get_boolean_member (object, "deleted"));

  /* a REAL takes an integer; a blank required string is the record's business */
  {
    g_autoptr(EdaadRecord) kpi = edaad_record_new_for_kind ("kpi");
    g_autoptr(JsonNode) n = edaad_json_parse ("{\"target\":12,\"baseline\":-2.5,\"name\":\"\"}", -1, NULL, NULL);
    g_assert_true (edaad_record_set_fields_from_json (kpi, json_node_get_object (n), &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (edaad_record_get_real (kpi, "target"), ==, 12.0);
    g_assert_cmpfloat (edaad_record_get_real (kpi, "baseline"), ==, -2.5);
    g_assert_cmpstr (edaad_record_get_string (kpi, "name"), ==, "");
  }
}

typedef struct
{
  const char *kind;
  const char *fields;
  GQuark (*domain) (void);
  int code;
  const char *field; /* must be named in the message */
} Rejection;

static const Rejection rejections[] = {
  { "risk", "{\"colour\":\"red\"}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_UNKNOWN_FIELD, "colour" },
  { "risk", "{\"id\":\"" PLAN_ID "\"}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_UNKNOWN_FIELD, "id" },
  /* wrong JSON types */
  { "risk", "{\"likelihood\":\"4\"}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "likelihood" },
  { "risk", "{\"likelihood\":4.0}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "likelihood" },
  { "risk", "{\"likelihood\":4.5}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "likelihood" },
  { "risk", "{\"likelihood\":true}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "likelihood" },
  { "risk", "{\"likelihood\":[4]}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "likelihood" },
  { "plan", "{\"capstone\":1}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "capstone" },
  { "plan", "{\"capstone\":\"true\"}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "capstone" },
  { "plan", "{\"title\":42}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "title" },
  { "plan", "{\"title\":{\"en\":\"x\"}}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "title" },
  { "plan", "{\"status\":[\"draft\"]}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "status" },
  { "plan", "{\"due_on\":20260331}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "due_on" },
  { "kpi", "{\"target\":\"12\"}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "target" },
  { "kpi", "{\"target\":false}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "target" },
  { "milestone", "{\"plan_id\":true}", edaad_codec_error_quark, EDAAD_CODEC_ERROR_WRONG_TYPE, "plan_id" },
  /* out of range */
  { "risk", "{\"likelihood\":6}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_RANGE, "likelihood" },
  { "risk", "{\"impact\":0}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_RANGE, "impact" },
  { "risk", "{\"impact\":-9223372036854775808}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_RANGE, "impact" },
  { "service", "{\"annual_volume\":1000000000001}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_RANGE, "annual_volume" },
  { "adkar_assessment", "{\"desire\":5.5}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_RANGE, "desire" },
  { "adkar_assessment", "{\"desire\":0.99}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_RANGE, "desire" },
  { "kpi_reading", "{\"value\":1e13}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_RANGE, "value" },
  /* syntax of UUIDs, dates, instants, enums */
  { "milestone", "{\"plan_id\":\"not-a-uuid\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_UUID, "plan_id" },
  { "milestone", "{\"plan_id\":\"0190a3c4-5b6e-7abc-9def-0123456789a\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_UUID, "plan_id" },
  { "milestone", "{\"plan_id\":\"\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_UUID, "plan_id" },
  { "plan", "{\"due_on\":\"2026-02-30\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_DATE, "due_on" },
  { "plan", "{\"due_on\":\"2026-3-1\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_DATE, "due_on" },
  { "plan", "{\"due_on\":\"\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_DATE, "due_on" },
  { "assignment", "{\"due_at\":\"2026-11-27 10:00:00\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_DATE, "due_at" },
  { "assignment", "{\"due_at\":\"2026-11-27T10:00:00+04:00\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_DATE, "due_at" },
  { "plan", "{\"status\":\"urgent\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_ENUM, "status" },
  { "plan", "{\"status\":\"Draft\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_ENUM, "status" },
  { "plan", "{\"status\":\"\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_BAD_ENUM, "status" },
  /* lengths, in characters */
  { "plan", "{\"code\":\"12345678901234567890123456789012345678901\"}", edaad_validation_error_quark, EDAAD_VALIDATION_ERROR_TOO_LONG, "code" },
};

static void
test_rejections (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rejections); i++)
    {
      const Rejection *r = &rejections[i];
      g_autoptr(EdaadRecord) record = edaad_record_new_for_kind (r->kind);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) field_error = NULL;
      g_autoptr(GVariant) value = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", r->field);
      const EdaadFieldSpec *field;
      JsonObject *fields;

      g_test_message ("%s %s", r->kind, r->fields);
      node = edaad_json_parse (r->fields, -1, NULL, &error);
      g_assert_no_error (error);
      fields = json_node_get_object (node);

      g_assert_false (edaad_record_set_fields_from_json (record, fields, &error));
      g_assert_error (error, r->domain (), r->code);
      g_assert_nonnull (strstr (error->message, quoted));

      /* the single-value entry point agrees */
      field = edaad_kind_lookup_field (edaad_record_get_kind (record), r->field);
      if (field != NULL)
        {
          g_assert_false (edaad_field_value_from_json (edaad_record_get_kind (record), field,
                                                       json_object_get_member (fields, r->field),
                                                       &value, &field_error));
          g_assert_error (field_error, r->domain (), r->code);
          g_assert_null (value);
        }
    }
}

static void
test_atomic (void)
{
  g_autoptr(EdaadRecord) risk = edaad_record_new_for_kind ("risk");
  g_autoptr(JsonNode) node = edaad_json_parse ("{\"title\":\"New\",\"likelihood\":2,\"impact\":9}", -1, NULL, NULL);
  g_autoptr(GError) error = NULL;

  edaad_record_set_string (risk, "title", "Old");
  edaad_record_set_int (risk, "likelihood", 5);
  g_assert_false (edaad_record_set_fields_from_json (risk, json_node_get_object (node), &error));
  g_assert_error (error, EDAAD_VALIDATION_ERROR, EDAAD_VALIDATION_ERROR_RANGE);
  g_assert_cmpstr (edaad_record_get_string (risk, "title"), ==, "Old");
  g_assert_cmpint (edaad_record_get_int (risk, "likelihood"), ==, 5);
  g_assert_false (edaad_record_has_value (risk, "impact"));
}

static void
test_lengths_in_characters (void)
{
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  g_autoptr(GError) error = NULL;
  g_autofree char *forty = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) node = NULL;
  GString *s = g_string_new (NULL);

  /* 40 Arabic letters are 80 bytes but within a 40-character limit */
  for (guint i = 0; i < 40; i++)
    g_string_append (s, "ع");
  forty = g_string_free (s, FALSE);
  text = g_strdup_printf ("{\"code\":\"%s\"}", forty);
  node = edaad_json_parse (text, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (edaad_record_set_fields_from_json (plan, json_node_get_object (node), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (edaad_record_get_string (plan, "code"), ==, forty);
}

static void
test_json_fields (void)
{
  g_autoptr(EdaadRecord) conflict = edaad_record_new_for_kind ("conflict");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) out = NULL;
  g_autoptr(GError) error = NULL;

  node = edaad_json_parse ("{\"base\":3,\"mine\":\"نص\",\"theirs\":{\"a\":[1.5,null]},\"kind\":\"field\"}",
                           -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (edaad_record_set_fields_from_json (conflict, json_node_get_object (node), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (edaad_record_get_string (conflict, "base"), ==, "3");
  g_assert_cmpstr (edaad_record_get_string (conflict, "mine"), ==, "\"نص\"");
  g_assert_cmpstr (edaad_record_get_string (conflict, "theirs"), ==, "{\"a\":[1.5,null]}");

  out = edaad_record_fields_to_json (conflict);
  g_assert_cmpint (json_object_get_int_member (out, "base"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (out, "mine"), ==, "نص");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (out, "theirs")));

  /* text that is not JSON (written by hand) is still not lost */
  edaad_record_set_string (conflict, "base", "not json");
  g_clear_pointer (&out, json_object_unref);
  out = edaad_record_fields_to_json (conflict);
  g_assert_cmpstr (json_object_get_string_member (out, "base"), ==, "not json");
}

static void
test_keep_unknown (void)
{
  g_autoptr(EdaadRecord) risk = edaad_record_new_for_kind ("risk");
  g_autoptr(JsonNode) node = edaad_json_parse ("{\"title\":\"T\",\"future_field\":[1],\"other\":null}", -1, NULL, NULL);
  g_autoptr(JsonObject) unknown = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (edaad_record_set_fields_from_json_full (risk, json_node_get_object (node),
                                                         EDAAD_CODEC_KEEP_UNKNOWN, &unknown, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (edaad_record_get_string (risk, "title"), ==, "T");
  g_assert_nonnull (unknown);
  g_assert_cmpuint (json_object_get_size (unknown), ==, 2);
  g_assert_true (json_object_has_member (unknown, "future_field"));
  g_assert_true (json_object_has_member (unknown, "other"));

  /* nothing unknown → NULL */
  g_clear_pointer (&unknown, json_object_unref);
  g_clear_pointer (&node, json_node_unref);
  node = edaad_json_parse ("{\"title\":\"U\"}", -1, NULL, NULL);
  g_assert_true (edaad_record_set_fields_from_json_full (risk, json_node_get_object (node),
                                                         EDAAD_CODEC_KEEP_UNKNOWN, &unknown, &error));
  g_assert_null (unknown);

  /* without the flag, unknown is still rejected */
  g_clear_pointer (&node, json_node_unref);
  node = edaad_json_parse ("{\"future_field\":1}", -1, NULL, NULL);
  g_assert_false (edaad_record_set_fields_from_json_full (risk, json_node_get_object (node),
                                                          EDAAD_CODEC_FLAGS_NONE, &unknown, &error));
  g_assert_error (error, EDAAD_CODEC_ERROR, EDAAD_CODEC_ERROR_UNKNOWN_FIELD);
  g_assert_null (unknown);
}

typedef struct
{
  const char *text;
  int code;
} EnvelopeRejection;

#define ENV(type, id, scope, version, deleted, fields) \
  "{\"type\":" type ",\"id\":" id ",\"scope\":" scope ",\"version\":" version \
  ",\"deleted\":" deleted ",\"fields\":" fields "}"
#define GOOD_ID "\"" PLAN_ID "\""
#define GOOD_SCOPE "\"" SCOPE_ID "\""

static const EnvelopeRejection envelope_rejections[] = {
  { "[]", EDAAD_CODEC_ERROR_INVALID },
  { "\"risk\"", EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"rocket\"", GOOD_ID, GOOD_SCOPE, "1", "false", "{}"), EDAAD_CODEC_ERROR_UNKNOWN_KIND },
  { ENV ("\"Risk\"", GOOD_ID, GOOD_SCOPE, "1", "false", "{}"), EDAAD_CODEC_ERROR_UNKNOWN_KIND },
  { ENV ("1", GOOD_ID, GOOD_SCOPE, "1", "false", "{}"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", "\"x\"", GOOD_SCOPE, "1", "false", "{}"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", "null", GOOD_SCOPE, "1", "false", "{}"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", GOOD_ID, "\"scope\"", "1", "false", "{}"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", GOOD_ID, "7", "1", "false", "{}"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", GOOD_ID, GOOD_SCOPE, "-1", "false", "{}"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", GOOD_ID, GOOD_SCOPE, "1.5", "false", "{}"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", GOOD_ID, GOOD_SCOPE, "\"1\"", "false", "{}"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", GOOD_ID, GOOD_SCOPE, "1", "0", "{}"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", GOOD_ID, GOOD_SCOPE, "1", "false", "[]"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", GOOD_ID, GOOD_SCOPE, "1", "false", "null"), EDAAD_CODEC_ERROR_INVALID },
  { ENV ("\"risk\"", GOOD_ID, GOOD_SCOPE, "1", "false", "{\"nope\":1}"), EDAAD_CODEC_ERROR_UNKNOWN_FIELD },
  { "{\"type\":\"risk\",\"id\":" GOOD_ID ",\"scope\":" GOOD_SCOPE ",\"version\":1,\"fields\":{}}", EDAAD_CODEC_ERROR_INVALID },
  { "{\"type\":\"risk\",\"id\":" GOOD_ID ",\"scope\":" GOOD_SCOPE ",\"version\":1,\"deleted\":false}", EDAAD_CODEC_ERROR_INVALID },
  { "{\"id\":" GOOD_ID ",\"scope\":" GOOD_SCOPE ",\"version\":1,\"deleted\":false,\"fields\":{}}", EDAAD_CODEC_ERROR_INVALID },
  { "{\"type\":\"risk\",\"scope\":" GOOD_SCOPE ",\"version\":1,\"deleted\":false,\"fields\":{}}", EDAAD_CODEC_ERROR_INVALID },
  { "{\"type\":\"risk\",\"id\":" GOOD_ID ",\"version\":1,\"deleted\":false,\"fields\":{}}", EDAAD_CODEC_ERROR_INVALID },
  { "{\"type\":\"risk\",\"id\":" GOOD_ID ",\"scope\":" GOOD_SCOPE ",\"deleted\":false,\"fields\":{}}", EDAAD_CODEC_ERROR_INVALID },
};

static void
test_envelope (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) good = edaad_json_parse (ENV ("\"risk\"", GOOD_ID, GOOD_SCOPE, "0", "true",
                                                    "{\"title\":\"خطر\",\"likelihood\":2}")
                                               " ", -1, NULL, NULL);
  g_autoptr(JsonNode) extra = edaad_json_parse ("{\"type\":\"plan\",\"id\":" GOOD_ID ",\"scope\":" GOOD_SCOPE
                                                ",\"version\":9,\"deleted\":false,\"fields\":{},"
                                                "\"server_updated_at\":\"x\"}", -1, NULL, NULL);
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(EdaadRecord) plan = NULL;

  record = edaad_record_from_json (good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edaad_record_get_kind_name (record), ==, "risk");
  g_assert_cmpstr (edaad_record_get_id (record), ==, PLAN_ID);
  g_assert_cmpstr (edaad_record_get_scope (record), ==, SCOPE_ID);
  g_assert_cmpint (edaad_record_get_version (record), ==, 0);
  g_assert_true (edaad_record_get_deleted (record));
  g_assert_cmpstr (edaad_record_get_string (record, "title"), ==, "خطر");
  g_assert_cmpint (edaad_record_get_int (record, "likelihood"), ==, 2);

  /* keys beyond the six are ignored */
  plan = edaad_record_from_json (extra, &error);
  g_assert_no_error (error);
  g_assert_cmpint (edaad_record_get_version (plan), ==, 9);

  for (guint i = 0; i < G_N_ELEMENTS (envelope_rejections); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(EdaadRecord) bad = NULL;

      g_test_message ("%s", envelope_rejections[i].text);
      node = edaad_json_parse (envelope_rejections[i].text, -1, NULL, &error);
      g_assert_no_error (error);
      bad = edaad_record_from_json (node, &error);
      g_assert_null (bad);
      g_assert_error (error, EDAAD_CODEC_ERROR, envelope_rejections[i].code);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/round-trip-every-kind", test_round_trip_every_kind);
  g_test_add_func ("/codec/empty-and-null", test_empty_and_null);
  g_test_add_func ("/codec/rejections", test_rejections);
  g_test_add_func ("/codec/atomic", test_atomic);
  g_test_add_func ("/codec/lengths-in-characters", test_lengths_in_characters);
  g_test_add_func ("/codec/json-fields", test_json_fields);
  g_test_add_func ("/codec/keep-unknown", test_keep_unknown);
  g_test_add_func ("/codec/envelope", test_envelope);

  return g_test_run ();
}
