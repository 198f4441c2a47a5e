/* test-sync-message.c — the protocol bodies of DESIGN.md §5: round trips and rejections. */
#include "config.h"

#include "edaad-sync-message.h"

#include "edaad-auth-message.h"
#include "edaad-json-guard.h"
#include "edaad-record-codec.h"

#include <string.h>

#define DEVICE "0190a3c4-5b6e-7abc-9def-000000000001"
#define MUT1 "0190a3c4-5b6e-7abc-9def-000000000002"
#define RISK "0190a3c4-5b6e-7abc-9def-000000000003"
#define SCOPE "0190a3c4-5b6e-7abc-9def-000000000004"
#define PLAN "0190a3c4-5b6e-7abc-9def-000000000005"
#define CONFLICT "0190a3c4-5b6e-7abc-9def-000000000006"

/* DESIGN.md's example, with a create and a delete added. */
static const char request_text[] =
  "{\"device_id\": \"" DEVICE "\", \"cursor\": null, \"pull_limit\": 1000,"
  " \"push\": ["
  "  {\"seq\": 41, \"mutation_id\": \"" MUT1 "\", \"type\": \"plan\", \"id\": \"" PLAN "\", \"op\": \"create\","
  "   \"scope\": \"" SCOPE "\", \"base_version\": 0,"
  "   \"changes\": {\"title\": \"تحويل رقمي\", \"status\": \"draft\", \"change_type\": \"it_digital\", \"capstone\": true}},"
  "  {\"seq\": 42, \"mutation_id\": \"" CONFLICT "\", \"type\": \"risk\", \"id\": \"" RISK "\", \"op\": \"update\","
  "   \"base_version\": 1870,"
  "   \"changes\": {\"likelihood\": 4, \"mitigation\": \"Train staff\"}, \"base\": {\"likelihood\": 3, \"mitigation\": null}},"
  "  {\"seq\": 43, \"mutation_id\": \"" DEVICE "\", \"type\": \"milestone\", \"id\": \"" RISK "\", \"op\": \"delete\","
  "   \"base_version\": 7}"
  " ]}";

static void
test_request_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadSyncRequest) request = edaad_sync_request_parse (request_text, -1, &error);
  g_autoptr(EdaadSyncRequest) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  EdaadMutation *m;

  g_assert_no_error (error);
  g_assert_cmpstr (request->device_id, ==, DEVICE);
  g_assert_null (request->cursor);
  g_assert_cmpuint (request->pull_limit, ==, 1000);
  g_assert_cmpuint (request->push->len, ==, 3);

  m = g_ptr_array_index (request->push, 0);
  g_assert_cmpint (m->seq, ==, 41);
  g_assert_cmpint (m->op, ==, EDAAD_SYNC_OP_CREATE);
  g_assert_cmpstr (m->kind->name, ==, "plan");
  g_assert_cmpstr (m->scope, ==, SCOPE);
  g_assert_cmpstr (json_object_get_string_member (m->changes, "title"), ==, "تحويل رقمي");
  g_assert_null (m->base);

  m = g_ptr_array_index (request->push, 1);
  g_assert_cmpint (m->op, ==, EDAAD_SYNC_OP_UPDATE);
  g_assert_null (m->scope);
  g_assert_cmpint (m->base_version, ==, 1870);
  g_assert_cmpint (json_object_get_int_member (m->changes, "likelihood"), ==, 4);
  g_assert_nonnull (m->base);
  g_assert_true (json_object_get_null_member (m->base, "mitigation"));

  m = g_ptr_array_index (request->push, 2);
  g_assert_cmpint (m->op, ==, EDAAD_SYNC_OP_DELETE);
  g_assert_cmpuint (json_object_get_size (m->changes), ==, 0);

  text = edaad_sync_request_to_string (request);
  again = edaad_sync_request_parse (text, -1, &error);
  g_assert_no_error (error);
  text_again = edaad_sync_request_to_string (again);
  g_assert_cmpstr (text, ==, text_again);
  /* the exact key names of DESIGN.md §5 */
  for (const char * const *key = (const char * const[]) { "\"device_id\":", "\"cursor\":null", "\"pull_limit\":1000",
                                                          "\"push\":[", "\"seq\":42", "\"mutation_id\":", "\"type\":\"risk\"",
                                                          "\"op\":\"update\"", "\"base_version\":1870", "\"changes\":{",
                                                          "\"base\":{", "\"scope\":\"" SCOPE "\"", NULL };
       *key != NULL; key++)
    g_assert_nonnull (strstr (text, *key));

  /* defaults and the pull limit cap */
  {
    g_autoptr(EdaadSyncRequest) minimal = edaad_sync_request_parse ("{\"device_id\":\"" DEVICE "\"}", -1, &error);
    g_autoptr(EdaadSyncRequest) greedy = edaad_sync_request_parse ("{\"device_id\":\"" DEVICE "\",\"cursor\":\"abc\","
                                                                   "\"pull_limit\":99999,\"push\":[]}", -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (minimal->pull_limit, ==, EDAAD_SYNC_DEFAULT_PULL_LIMIT);
    g_assert_cmpuint (minimal->push->len, ==, 0);
    g_assert_cmpuint (greedy->pull_limit, ==, EDAAD_SYNC_MAX_PULL_LIMIT);
    g_assert_cmpstr (greedy->cursor, ==, "abc");
  }
}

static char *
request_with (const char *mutation)
{
  return g_strdup_printf ("{\"device_id\":\"" DEVICE "\",\"cursor\":null,\"push\":[%s]}", mutation);
}

#define UPDATE(extra) \
  "{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"update\"," \
  "\"base_version\":3" extra "}"

typedef struct
{
  const char *name;
  const char *mutation;
  const char *in_message;
} BadMutation;

static const BadMutation bad_mutations[] = {
  { "bad op", "{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"upsert\",\"base_version\":3,\"changes\":{}}", "upsert" },
  { "bad uuid id", "{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"risk-1\",\"op\":\"update\",\"base_version\":3,\"changes\":{}}", "“id”" },
  { "bad mutation_id", "{\"seq\":1,\"mutation_id\":\"x\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"update\",\"base_version\":3,\"changes\":{}}", "mutation_id" },
  { "unknown type", "{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"type\":\"rocket\",\"id\":\"" RISK "\",\"op\":\"update\",\"base_version\":3,\"changes\":{}}", "rocket" },
  { "unknown field", UPDATE (",\"changes\":{\"colour\":\"red\"}"), "colour" },
  { "wrong field type", UPDATE (",\"changes\":{\"likelihood\":\"4\"}"), "likelihood" },
  { "float for int", UPDATE (",\"changes\":{\"likelihood\":4.5}"), "likelihood" },
  { "out of range", UPDATE (",\"changes\":{\"likelihood\":9}"), "likelihood" },
  { "bad enum", UPDATE (",\"changes\":{\"status\":\"gone\"}"), "status" },
  { "bad base value", UPDATE (",\"changes\":{\"likelihood\":4},\"base\":{\"likelihood\":\"x\"}"), "base" },
  { "base not in changes", UPDATE (",\"changes\":{\"likelihood\":4},\"base\":{\"impact\":2}"), "impact" },
  { "negative seq", "{\"seq\":-1,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"update\",\"base_version\":3,\"changes\":{}}", "seq" },
  { "zero seq", "{\"seq\":0,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"update\",\"base_version\":3,\"changes\":{}}", "seq" },
  { "string seq", "{\"seq\":\"1\",\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"update\",\"base_version\":3,\"changes\":{}}", "seq" },
  { "negative base_version", "{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"update\",\"base_version\":-1,\"changes\":{}}", "base_version" },
  { "missing base_version", "{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"update\",\"changes\":{}}", "base_version" },
  { "missing changes", UPDATE (""), "changes" },
  { "changes not object", UPDATE (",\"changes\":[]"), "changes" },
  { "missing seq", "{\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"update\",\"base_version\":3,\"changes\":{}}", "seq" },
  { "missing type", "{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"id\":\"" RISK "\",\"op\":\"update\",\"base_version\":3,\"changes\":{}}", "type" },
  { "create without scope", "{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"create\",\"changes\":{}}", "scope" },
  { "create with bad scope", "{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"create\",\"scope\":\"me\",\"changes\":{}}", "scope" },
  { "update with scope", UPDATE (",\"scope\":\"" SCOPE "\",\"changes\":{}"), "scope" },
  { "delete with changes", "{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\",\"op\":\"delete\",\"base_version\":3,\"changes\":{\"impact\":1}}", "delete" },
  { "not an object", "[1]", "mutation" },
};

static void
assert_request_rejected (const char *text,
                         const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadSyncRequest) request = edaad_sync_request_parse (text, -1, &error);

  g_assert_null (request);
  g_assert_error (error, EDAAD_SYNC_MESSAGE_ERROR, EDAAD_SYNC_MESSAGE_ERROR_INVALID);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” not in “%s”", in_message, error->message);
}

static void
test_request_rejections (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_mutations); i++)
    {
      g_autofree char *text = request_with (bad_mutations[i].mutation);

      g_test_message ("%s", bad_mutations[i].name);
      assert_request_rejected (text, bad_mutations[i].in_message);
    }

  /* the request itself */
  assert_request_rejected ("{\"cursor\":null}", "device_id");
  assert_request_rejected ("{\"device_id\":\"nope\"}", "device_id");
  assert_request_rejected ("{\"device_id\":\"" DEVICE "\",\"cursor\":5}", "cursor");
  assert_request_rejected ("{\"device_id\":\"" DEVICE "\",\"pull_limit\":0}", "pull_limit");
  assert_request_rejected ("{\"device_id\":\"" DEVICE "\",\"pull_limit\":\"10\"}", "pull_limit");
  assert_request_rejected ("{\"device_id\":\"" DEVICE "\",\"push\":{}}", "push");
  assert_request_rejected ("[]", NULL);
  assert_request_rejected ("{\"device_id\":\"" DEVICE "\",\"device_id\":\"" DEVICE "\"}", "device_id");
  assert_request_rejected ("{\"device_id\":\"" DEVICE "\",\"cursor\":\"a\\u0000b\"}", NULL);
  /* seq must grow */
  {
    g_autofree char *text = g_strdup_printf ("{\"device_id\":\"" DEVICE "\",\"push\":[%s,%s]}",
                                             UPDATE (",\"changes\":{}"), UPDATE (",\"changes\":{}"));
    assert_request_rejected (text, "push[1]");
  }
}

static void
test_request_counts (void)
{
  GString *text = g_string_new ("{\"device_id\":\"" DEVICE "\",\"push\":[");
  GString *fields = g_string_new ("{");
  g_autoptr(GError) error = NULL;

  /* 500 mutations pass, 501 do not */
  for (guint i = 1; i <= 500; i++)
    g_string_append_printf (text, "%s{\"seq\":%u,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\","
                            "\"op\":\"update\",\"base_version\":3,\"changes\":{\"impact\":2}}", i > 1 ? "," : "", i);
  {
    g_autofree char *ok = g_strdup_printf ("%s]}", text->str);
    g_autoptr(EdaadSyncRequest) request = edaad_sync_request_parse (ok, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (request->push->len, ==, 500);
  }
  g_string_append (text, ",{\"seq\":501,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\","
                         "\"op\":\"update\",\"base_version\":3,\"changes\":{\"impact\":2}}]}");
  assert_request_rejected (text->str, "push");

  /* 201 members in changes (even if most are unknown, the count is checked first) */
  for (guint i = 0; i < 201; i++)
    g_string_append_printf (fields, "%s\"f%u\":1", i > 0 ? "," : "", i);
  g_string_append (fields, "}");
  {
    g_autofree char *mutation = g_strdup_printf ("{\"seq\":1,\"mutation_id\":\"" MUT1 "\",\"type\":\"risk\",\"id\":\"" RISK "\","
                                                 "\"op\":\"update\",\"base_version\":3,\"changes\":%s}", fields->str);
    g_autofree char *request = request_with (mutation);
    assert_request_rejected (request, "200");
  }

  g_string_free (text, TRUE);
  g_string_free (fields, TRUE);
}

static const char answer_text[] =
  "{\"last_seq\": 42,"
  " \"results\": [{\"seq\": 42, \"status\": \"merged\", \"version\": 1903, \"conflicts\": [\"" CONFLICT "\"]},"
  "              {\"seq\": 43, \"status\": \"rejected\", \"reason\": \"Field “impact”: out of range\"}],"
  " \"changes\": [{\"type\": \"risk\", \"id\": \"" RISK "\", \"scope\": \"" SCOPE "\", \"version\": 1903, \"deleted\": false,"
  "               \"fields\": {\"title\": \"خطر\", \"likelihood\": 4, \"future\": {\"x\": 1}}},"
  "              {\"type\": \"hologram\", \"id\": \"" PLAN "\", \"scope\": \"" SCOPE "\", \"version\": 1904, \"deleted\": true,"
  "               \"fields\": {\"beam\": 2.5}}],"
  " \"cursor\": \"opaque\", \"has_more\": false, \"remaining\": 0,"
  " \"scopes\": [{\"id\": \"" SCOPE "\", \"kind\": \"institution\", \"name\": \"وزارة النقل\", \"writable\": true}]}";

static void
test_answer_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadSyncAnswer) answer = edaad_sync_answer_parse (answer_text, -1, &error);
  g_autoptr(EdaadSyncAnswer) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  EdaadSyncResult *result;
  EdaadSyncChange *change;
  EdaadSyncScope *scope;

  g_assert_no_error (error);
  g_assert_cmpint (answer->last_seq, ==, 42);
  g_assert_cmpuint (answer->results->len, ==, 2);
  result = g_ptr_array_index (answer->results, 0);
  g_assert_cmpint (result->status, ==, EDAAD_SYNC_STATUS_MERGED);
  g_assert_cmpint (result->version, ==, 1903);
  g_assert_cmpuint (g_strv_length (result->conflicts), ==, 1);
  g_assert_cmpstr (result->conflicts[0], ==, CONFLICT);
  result = g_ptr_array_index (answer->results, 1);
  g_assert_cmpint (result->status, ==, EDAAD_SYNC_STATUS_REJECTED);
  g_assert_cmpint (result->version, ==, -1);
  g_assert_nonnull (result->reason);

  g_assert_cmpuint (answer->changes->len, ==, 2);
  change = g_ptr_array_index (answer->changes, 0);
  g_assert_nonnull (change->record);
  g_assert_cmpstr (edaad_record_get_string (change->record, "title"), ==, "خطر");
  g_assert_cmpint (edaad_record_get_version (change->record), ==, 1903);
  g_assert_nonnull (change->extra);
  g_assert_true (json_object_has_member (change->extra, "future"));
  change = g_ptr_array_index (answer->changes, 1);
  g_assert_null (change->record);
  g_assert_cmpstr (change->type, ==, "hologram");
  g_assert_true (change->deleted);
  g_assert_cmpint (change->version, ==, 1904);

  g_assert_cmpstr (answer->cursor, ==, "opaque");
  g_assert_false (answer->has_more);
  scope = g_ptr_array_index (answer->scopes, 0);
  g_assert_cmpstr (scope->kind, ==, "institution");
  g_assert_cmpstr (scope->name, ==, "وزارة النقل");
  g_assert_true (scope->writable);

  text = edaad_sync_answer_to_string (answer);
  again = edaad_sync_answer_parse (text, -1, &error);
  g_assert_no_error (error);
  text_again = edaad_sync_answer_to_string (again);
  g_assert_cmpstr (text, ==, text_again);
  g_assert_nonnull (strstr (text, "\"future\":{\"x\":1}"));
  g_assert_nonnull (strstr (text, "\"beam\":2.5"));
  g_assert_nonnull (strstr (text, "\"has_more\":false"));
  g_assert_nonnull (strstr (text, "\"remaining\":0"));
}

static void
assert_answer_rejected (const char *text,
                        const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadSyncAnswer) answer = edaad_sync_answer_parse (text, -1, &error);

  g_assert_null (answer);
  g_assert_error (error, EDAAD_SYNC_MESSAGE_ERROR, EDAAD_SYNC_MESSAGE_ERROR_INVALID);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” not in “%s”", in_message, error->message);
}

#define ANSWER(results, changes, scopes) \
  "{\"last_seq\":1,\"results\":" results ",\"changes\":" changes ",\"cursor\":\"c\",\"has_more\":true," \
  "\"remaining\":5,\"scopes\":" scopes "}"

static void
test_answer_rejections (void)
{
  assert_answer_rejected (ANSWER ("[{\"seq\":1,\"status\":\"done\",\"version\":1}]", "[]", "[]"), "done");
  assert_answer_rejected (ANSWER ("[{\"seq\":1,\"status\":\"applied\"}]", "[]", "[]"), "version");
  assert_answer_rejected (ANSWER ("[{\"seq\":1,\"status\":\"rejected\"}]", "[]", "[]"), "reason");
  assert_answer_rejected (ANSWER ("[{\"seq\":0,\"status\":\"applied\",\"version\":1}]", "[]", "[]"), "seq");
  assert_answer_rejected (ANSWER ("[{\"seq\":1,\"status\":\"merged\",\"version\":1,\"conflicts\":[\"x\"]}]", "[]", "[]"), "conflicts");
  assert_answer_rejected (ANSWER ("[]", "[{\"type\":\"risk\",\"id\":\"" RISK "\",\"scope\":\"" SCOPE "\",\"version\":1,"
                                  "\"deleted\":false,\"fields\":{\"likelihood\":\"high\"}}]", "[]"), "changes[0]");
  assert_answer_rejected (ANSWER ("[]", "[{\"type\":\"risk\",\"id\":\"x\",\"scope\":\"" SCOPE "\",\"version\":1,"
                                  "\"deleted\":false,\"fields\":{}}]", "[]"), "id");
  assert_answer_rejected (ANSWER ("[]", "[{\"type\":\"hologram\",\"id\":\"" RISK "\",\"scope\":\"" SCOPE "\",\"version\":-1,"
                                  "\"deleted\":false,\"fields\":{}}]", "[]"), "version");
  assert_answer_rejected (ANSWER ("[]", "[]", "[{\"id\":\"" SCOPE "\",\"kind\":\"planet\",\"name\":\"x\",\"writable\":true}]"), "planet");
  assert_answer_rejected (ANSWER ("[]", "[]", "[{\"id\":\"" SCOPE "\",\"kind\":\"person\",\"name\":\"x\"}]"), "writable");
  assert_answer_rejected ("{\"last_seq\":1,\"results\":[],\"changes\":[],\"has_more\":true,\"remaining\":5,\"scopes\":[]}", "cursor");
  assert_answer_rejected ("{\"last_seq\":1,\"results\":[],\"changes\":[],\"cursor\":null,\"has_more\":1,\"remaining\":5,\"scopes\":[]}", "has_more");
  assert_answer_rejected ("{\"last_seq\":1,\"results\":[],\"changes\":[],\"cursor\":null,\"has_more\":true,\"remaining\":-5,\"scopes\":[]}", "remaining");

  /* a null cursor is accepted */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EdaadSyncAnswer) answer =
      edaad_sync_answer_parse ("{\"last_seq\":0,\"results\":[],\"changes\":[],\"cursor\":null,\"has_more\":false,"
                               "\"remaining\":0,\"scopes\":[]}", -1, &error);
    g_assert_no_error (error);
    g_assert_null (answer->cursor);
  }
}

static void
test_auth_bodies (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(EdaadHelloAnswer) hello = edaad_hello_answer_parse ("{\"protocol_min\":1,\"protocol_max\":2,\"server_version\":\"0.1.0\"}", -1, &error);
    g_autofree char *text = NULL;
    g_assert_no_error (error);
    g_assert_cmpint (hello->protocol_max, ==, 2);
    text = edaad_hello_answer_to_string (hello);
    g_assert_cmpstr (text, ==, "{\"protocol_min\":1,\"protocol_max\":2,\"server_version\":\"0.1.0\"}");
    g_assert_null (edaad_hello_answer_parse ("{\"protocol_min\":3,\"protocol_max\":2,\"server_version\":\"x\"}", -1, &error));
    g_assert_error (error, EDAAD_SYNC_MESSAGE_ERROR, EDAAD_SYNC_MESSAGE_ERROR_INVALID);
    g_clear_error (&error);
  }

  {
    static const char login_text[] = "{\"username\":\"salim\",\"password\":\"s3cret ✓\",\"device_id\":\"" DEVICE "\",\"device_name\":\"حاسوب\"}";
    g_autoptr(EdaadLoginRequest) login = edaad_login_request_parse (login_text, -1, &error);
    g_autofree char *text = NULL;
    g_assert_no_error (error);
    g_assert_cmpstr (login->password, ==, "s3cret ✓");
    text = edaad_login_request_to_string (login);
    g_assert_cmpstr (text, ==, login_text);
    g_assert_null (edaad_login_request_parse ("{\"username\":\" \",\"password\":\"p\",\"device_id\":\"" DEVICE "\",\"device_name\":\"d\"}", -1, &error));
    g_assert_nonnull (strstr (error->message, "username"));
    g_clear_error (&error);
    g_assert_null (edaad_login_request_parse ("{\"username\":\"u\",\"password\":\"\",\"device_id\":\"" DEVICE "\",\"device_name\":\"d\"}", -1, &error));
    g_assert_nonnull (strstr (error->message, "password"));
    g_clear_error (&error);
    g_assert_null (edaad_login_request_parse ("{\"username\":\"u\",\"password\":\"p\",\"device_name\":\"d\"}", -1, &error));
    g_assert_nonnull (strstr (error->message, "device_id"));
    g_clear_error (&error);
  }

  {
    g_autoptr(EdaadRefreshRequest) refresh = edaad_refresh_request_parse ("{\"refresh_token\":\"abc-DEF_123\"}", -1, &error);
    g_autofree char *text = NULL;
    g_assert_no_error (error);
    text = edaad_refresh_request_to_string (refresh);
    g_assert_cmpstr (text, ==, "{\"refresh_token\":\"abc-DEF_123\"}");
    g_assert_null (edaad_refresh_request_parse ("{\"refresh_token\":\"has space\"}", -1, &error));
    g_assert_error (error, EDAAD_SYNC_MESSAGE_ERROR, EDAAD_SYNC_MESSAGE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (edaad_refresh_request_parse ("{\"refresh_token\":7}", -1, &error));
    g_clear_error (&error);
  }

  {
    static const char login_answer[] =
      "{\"access_token\":\"A1\",\"refresh_token\":\"R1\",\"expires_in\":900,"
      "\"user\":{\"id\":\"" PLAN "\",\"username\":\"salim\",\"name\":\"سالم\",\"role\":\"leader\"},"
      "\"scopes\":[{\"id\":\"" SCOPE "\",\"kind\":\"programme\",\"name\":\"Edaad\",\"writable\":false}]}";
    g_autoptr(EdaadAuthAnswer) answer = edaad_auth_answer_parse (login_answer, -1, TRUE, &error);
    g_autoptr(EdaadAuthAnswer) pair = NULL;
    g_autofree char *text = NULL;
    g_assert_no_error (error);
    g_assert_cmpstr (answer->user->name, ==, "سالم");
    g_assert_cmpuint (answer->scopes->len, ==, 1);
    text = edaad_auth_answer_to_string (answer);
    g_assert_cmpstr (text, ==, login_answer);

    /* the refresh answer is only the pair; a login answer must have the user */
    pair = edaad_auth_answer_parse ("{\"access_token\":\"A2\",\"refresh_token\":\"R2\",\"expires_in\":900}", -1, FALSE, &error);
    g_assert_no_error (error);
    g_assert_null (pair->user);
    g_assert_cmpuint (pair->scopes->len, ==, 0);
    g_assert_null (edaad_auth_answer_parse ("{\"access_token\":\"A2\",\"refresh_token\":\"R2\",\"expires_in\":900}", -1, TRUE, &error));
    g_assert_nonnull (strstr (error->message, "user"));
    g_clear_error (&error);
    g_assert_null (edaad_auth_answer_parse ("{\"access_token\":\"A2\",\"refresh_token\":\"R2\",\"expires_in\":0}", -1, FALSE, &error));
    g_assert_nonnull (strstr (error->message, "expires_in"));
    g_clear_error (&error);
  }

  {
    g_autoptr(EdaadErrorBody) body = edaad_error_body_new ("seq_gap", "Send the missing mutations first");
    g_autoptr(EdaadErrorBody) back = NULL;
    g_autofree char *text = NULL;

    body->last_seq = 40;
    text = edaad_error_body_to_string (body);
    g_assert_cmpstr (text, ==, "{\"error\":\"seq_gap\",\"reason\":\"Send the missing mutations first\",\"last_seq\":40}");
    back = edaad_error_body_parse (text, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (back->error, ==, "seq_gap");
    g_assert_cmpint (back->last_seq, ==, 40);
    g_assert_null (edaad_error_body_parse ("{\"reason\":\"x\"}", -1, &error));
    g_clear_error (&error);
    g_assert_null (edaad_error_body_parse ("{\"error\":\"Bad Thing\"}", -1, &error));
    g_clear_error (&error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-message/request/round-trip", test_request_round_trip);
  g_test_add_func ("/sync-message/request/rejections", test_request_rejections);
  g_test_add_func ("/sync-message/request/counts", test_request_counts);
  g_test_add_func ("/sync-message/answer/round-trip", test_answer_round_trip);
  g_test_add_func ("/sync-message/answer/rejections", test_answer_rejections);
  g_test_add_func ("/sync-message/auth-bodies", test_auth_bodies);

  return g_test_run ();
}
