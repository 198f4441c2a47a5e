/* test-server-sync.c — the sync rules of DESIGN.md §5 against a real server: every row of the
 * merge table, exactly-once pushes, seq checks, paging under concurrent writes, cursor
 * resets and authorization. */
#define G_LOG_DOMAIN "test-server-sync"

#include "config.h"

#include "test-server-fixture.h"

#include <string.h>

static TestServer *server;

typedef struct
{
  char  *token;
  char  *device;
  char  *user_id;
  char  *institution;
  char  *person;
  char  *programme;
  gint64 seq;
} Client;

static Client *
client_new (const char *username)
{
  Client *c = g_new0 (Client, 1);
  g_autoptr(TestResponse) login = NULL;
  JsonObject *user;

  c->device = test_uuid ();
  login = test_login (server, username, c->device);
  c->token = g_strdup (test_response_string (login, "access_token"));
  user = json_object_get_object_member (json_node_get_object (login->json), "user");
  c->user_id = g_strdup (json_object_get_string_member (user, "id"));
  if (g_strcmp0 (json_object_get_string_member (user, "role"), "leader") == 0)
    {
      c->institution = g_strdup (test_scope_of_kind (login, "institution"));
      c->person = g_strdup (test_scope_of_kind (login, "person"));
    }
  c->programme = g_strdup (test_scope_of_kind (login, "programme"));
  return c;
}

static void
client_free (Client *c)
{
  g_free (c->token);
  g_free (c->device);
  g_free (c->user_id);
  g_free (c->institution);
  g_free (c->person);
  g_free (c->programme);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, client_free)

static Client *
leader_in (const char *institution)
{
  g_autofree char *name = test_unique ("leader");
  g_autofree char *id = test_make_user (name, "leader", institution);
  return client_new (name);
}

/* Pushes one mutation with the client's next seq; asserts 200. */
static TestResponse *
push1 (Client     *c,
       const char *type,
       const char *id,
       const char *op,
       const char *scope,
       gint64      base_version,
       const char *changes,
       const char *base)
{
  g_autofree char *mid = test_uuid ();
  g_autofree char *m = test_mutation (++c->seq, mid, type, id, op, scope, base_version, changes, base);
  g_autofree char *push = g_strdup_printf ("[%s]", m);
  TestResponse *answer = test_sync (server, c->token, c->device, NULL, 5000, push);

  if (answer->status != 200)
    g_printerr ("push: %u %s\n", answer->status, answer->body);
  g_assert_cmpuint (answer->status, ==, 200);
  return answer;
}

static const char *
status_of (TestResponse *answer)
{
  return json_object_get_string_member (test_result_at (answer, 0), "status");
}

static gint64
version_of (TestResponse *answer)
{
  return json_object_get_int_member (test_result_at (answer, 0), "version");
}

static JsonArray *
conflicts_of (TestResponse *answer)
{
  return json_object_get_array_member (test_result_at (answer, 0), "conflicts");
}

static JsonObject *
fields_of (TestResponse *answer,
           const char   *id)
{
  JsonObject *change = test_change_for (answer, id);
  g_assert_nonnull (change);
  return json_object_get_object_member (change, "fields");
}

#define RISK "{\"plan_id\":\"%s\",\"title\":\"Vendor late\",\"likelihood\":3,\"impact\":4,\"mitigation\":\"Weekly calls\"}"

/* A plan and a risk under it, created by `a`; returns the risk's version. */
static gint64
make_plan_and_risk (Client *a,
                    char  **plan,
                    char  **risk)
{
  g_autofree char *risk_fields = NULL;
  g_autoptr(TestResponse) r1 = NULL;
  g_autoptr(TestResponse) r2 = NULL;

  *plan = test_uuid ();
  *risk = test_uuid ();
  r1 = push1 (a, "plan", *plan, "create", a->institution, 0,
              "{\"title\":\"P\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
  g_assert_cmpstr (status_of (r1), ==, "applied");
  risk_fields = g_strdup_printf (RISK, *plan);
  r2 = push1 (a, "risk", *risk, "create", a->institution, 0, risk_fields, NULL);
  g_assert_cmpstr (status_of (r2), ==, "applied");
  return version_of (r2);
}

static void
test_merge_table (void)
{
  g_autofree char *inst = test_make_institution ("Merge ministry");
  g_autoptr(Client) a = leader_in (inst);
  g_autoptr(Client) b = leader_in (inst);
  g_autofree char *plan = NULL, *risk = NULL;
  gint64 v0 = make_plan_and_risk (a, &plan, &risk);
  gint64 v1;

  /* applied: base_version is current. */
  {
    g_autoptr(TestResponse) r = push1 (a, "risk", risk, "update", NULL, v0, "{\"likelihood\":4}", "{\"likelihood\":3}");
    g_assert_cmpstr (status_of (r), ==, "applied");
    v1 = version_of (r);
    g_assert_cmpint (v1, >, v0);
    g_assert_cmpint (json_object_get_int_member (fields_of (r, risk), "likelihood"), ==, 4);
  }
  /* merged: b edits another field from the stale version; both changes survive. */
  {
    g_autoptr(TestResponse) r = push1 (b, "risk", risk, "update", NULL, v0, "{\"impact\":5}", "{\"impact\":4}");
    JsonObject *f;
    g_assert_cmpstr (status_of (r), ==, "merged");
    g_assert_cmpuint (json_array_get_length (conflicts_of (r)), ==, 0);
    g_assert_cmpint (version_of (r), >, v1);
    f = fields_of (r, risk);
    g_assert_cmpint (json_object_get_int_member (f, "likelihood"), ==, 4);
    g_assert_cmpint (json_object_get_int_member (f, "impact"), ==, 5);
    v1 = version_of (r);
  }
  /* merged, nothing to do: b sets the value the record already has. */
  {
    g_autoptr(TestResponse) r = push1 (b, "risk", risk, "update", NULL, v0, "{\"likelihood\":4}", "{\"likelihood\":3}");
    g_assert_cmpstr (status_of (r), ==, "merged");
    g_assert_cmpuint (json_array_get_length (conflicts_of (r)), ==, 0);
    g_assert_cmpint (version_of (r), ==, v1);
  }
  /* conflict: both changed mitigation; the current value stays, a conflict record appears. */
  {
    g_autoptr(TestResponse) r = NULL;
    g_autoptr(TestResponse) s = NULL;
    g_autoptr(TestResponse) pulled = NULL;
    JsonObject *conflict;
    const char *conflict_id;

    s = push1 (a, "risk", risk, "update", NULL, v1, "{\"mitigation\":\"Escalate\"}", "{\"mitigation\":\"Weekly calls\"}");
    g_assert_cmpstr (status_of (s), ==, "applied");
    r = push1 (b, "risk", risk, "update", NULL, v0, "{\"mitigation\":\"Daily calls\"}", "{\"mitigation\":\"Weekly calls\"}");
    g_assert_cmpstr (status_of (r), ==, "conflict");
    g_assert_cmpuint (json_array_get_length (conflicts_of (r)), ==, 1);
    conflict_id = json_array_get_string_element (conflicts_of (r), 0);
    g_assert_cmpstr (json_object_get_string_member (fields_of (r, risk), "mitigation"), ==, "Escalate");

    /* The conflict is a record in the risk's scope: a, in the same institution, pulls it. */
    pulled = test_sync (server, a->token, a->device, NULL, 5000, NULL);
    g_assert_cmpuint (pulled->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (test_change_for (pulled, conflict_id), "scope"), ==, inst);
    conflict = fields_of (pulled, conflict_id);
    g_assert_cmpstr (json_object_get_string_member (conflict, "record_type"), ==, "risk");
    g_assert_cmpstr (json_object_get_string_member (conflict, "record_id"), ==, risk);
    g_assert_cmpstr (json_object_get_string_member (conflict, "field"), ==, "mitigation");
    g_assert_cmpstr (json_object_get_string_member (conflict, "kind"), ==, "field");
    g_assert_cmpstr (json_object_get_string_member (conflict, "base"), ==, "Weekly calls");
    g_assert_cmpstr (json_object_get_string_member (conflict, "mine"), ==, "Daily calls");
    g_assert_cmpstr (json_object_get_string_member (conflict, "theirs"), ==, "Escalate");
    g_assert_false (json_object_get_boolean_member (conflict, "resolved"));

    /* Resolving is an ordinary update. */
    {
      g_autoptr(TestResponse) resolve = push1 (a, "conflict", conflict_id, "update", NULL,
                                               json_object_get_int_member (test_change_for (pulled, conflict_id), "version"),
                                               "{\"resolved\":true}", "{\"resolved\":false}");
      g_assert_cmpstr (status_of (resolve), ==, "applied");
      g_assert_true (json_object_get_boolean_member (fields_of (resolve, conflict_id), "resolved"));
    }
  }
  /* merged with a conflict: one field applies, the other conflicts. */
  {
    g_autoptr(TestResponse) r = push1 (b, "risk", risk, "update", NULL, v0,
                                       "{\"mitigation\":\"Other\",\"owner\":\"Salim\"}",
                                       "{\"mitigation\":\"Weekly calls\",\"owner\":null}");
    g_assert_cmpstr (status_of (r), ==, "merged");
    g_assert_cmpuint (json_array_get_length (conflicts_of (r)), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (fields_of (r, risk), "owner"), ==, "Salim");
    g_assert_cmpstr (json_object_get_string_member (fields_of (r, risk), "mitigation"), ==, "Escalate");
  }
}

static void
test_deletes_and_parents (void)
{
  g_autofree char *inst = test_make_institution ("Delete ministry");
  g_autoptr(Client) a = leader_in (inst);
  g_autoptr(Client) b = leader_in (inst);
  g_autofree char *plan = NULL, *risk = NULL;
  gint64 v0 = make_plan_and_risk (a, &plan, &risk);

  /* delete_of_modified: a changed it, b deletes from the old version → kept, conflict. */
  {
    g_autoptr(TestResponse) r1 = push1 (a, "risk", risk, "update", NULL, v0, "{\"impact\":1}", "{\"impact\":4}");
    g_autoptr(TestResponse) r2 = push1 (b, "risk", risk, "delete", NULL, v0, NULL, NULL);
    JsonObject *change;
    g_assert_cmpstr (status_of (r2), ==, "conflict");
    g_assert_cmpuint (json_array_get_length (conflicts_of (r2)), ==, 1);
    change = test_change_for (r2, risk);
    g_assert_false (json_object_get_boolean_member (change, "deleted"));
    g_assert_cmpstr (json_object_get_string_member (fields_of (r2, json_array_get_string_element (conflicts_of (r2), 0)), "kind"),
                     ==, "delete_of_modified");
    v0 = version_of (r1);
  }
  /* delete from the current version applies; deleting again is harmless. */
  {
    g_autoptr(TestResponse) r = push1 (a, "risk", risk, "delete", NULL, v0, NULL, NULL);
    g_autoptr(TestResponse) again = push1 (a, "risk", risk, "delete", NULL, v0, NULL, NULL);
    g_assert_cmpstr (status_of (r), ==, "applied");
    g_assert_true (json_object_get_boolean_member (test_change_for (r, risk), "deleted"));
    g_assert_cmpstr (status_of (again), ==, "applied");
  }
  /* edit_on_deleted: b edits the tombstone → conflict, still deleted. */
  {
    g_autoptr(TestResponse) r = push1 (b, "risk", risk, "update", NULL, v0, "{\"title\":\"Still here\"}", "{\"title\":\"Vendor late\"}");
    g_assert_cmpstr (status_of (r), ==, "conflict");
    g_assert_true (json_object_get_boolean_member (test_change_for (r, risk), "deleted"));
    g_assert_cmpstr (json_object_get_string_member (fields_of (r, json_array_get_string_element (conflicts_of (r), 0)), "kind"),
                     ==, "edit_on_deleted");
    g_assert_cmpstr (json_object_get_string_member (fields_of (r, json_array_get_string_element (conflicts_of (r), 0)), "record_id"),
                     ==, risk);
  }
  /* parent_deleted: a milestone created under a deleted plan is kept, with a conflict. */
  {
    g_autoptr(TestResponse) plan_state = test_sync (server, a->token, a->device, NULL, 5000, NULL);
    gint64 plan_version = json_object_get_int_member (test_change_for (plan_state, plan), "version");
    g_autoptr(TestResponse) del = push1 (a, "plan", plan, "delete", NULL, plan_version, NULL, NULL);
    g_autofree char *milestone = test_uuid ();
    g_autofree char *fields = g_strdup_printf ("{\"plan_id\":\"%s\",\"title\":\"Go live\"}", plan);
    g_autoptr(TestResponse) r = push1 (b, "milestone", milestone, "create", inst, 0, fields, NULL);
    JsonObject *conflict;

    g_assert_cmpstr (status_of (del), ==, "applied");
    g_assert_cmpstr (status_of (r), ==, "applied");
    g_assert_cmpuint (json_array_get_length (conflicts_of (r)), ==, 1);
    conflict = fields_of (r, json_array_get_string_element (conflicts_of (r), 0));
    g_assert_cmpstr (json_object_get_string_member (conflict, "kind"), ==, "parent_deleted");
    g_assert_cmpstr (json_object_get_string_member (conflict, "field"), ==, "plan_id");
    g_assert_false (json_object_get_boolean_member (test_change_for (r, milestone), "deleted"));
  }
}

static void
test_append_only (void)
{
  g_autofree char *inst = test_make_institution ("Append ministry");
  g_autoptr(Client) a = leader_in (inst);
  g_autoptr(Client) b = leader_in (inst);
  g_autofree char *kpi = test_uuid (), *reading = test_uuid (), *plan = test_uuid ();
  g_autofree char *kpi_fields = g_strdup_printf ("{\"plan_id\":\"%s\",\"name\":\"Uptake\"}", plan);
  g_autofree char *reading_fields = g_strdup_printf ("{\"kpi_id\":\"%s\",\"measured_on\":\"2026-03-01\",\"value\":12.5}", kpi);
  g_autoptr(TestResponse) p = push1 (a, "plan", plan, "create", inst, 0, "{\"title\":\"P\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
  g_autoptr(TestResponse) k = push1 (a, "kpi", kpi, "create", inst, 0, kpi_fields, NULL);
  g_autoptr(TestResponse) r = push1 (a, "kpi_reading", reading, "create", inst, 0, reading_fields, NULL);
  gint64 v0 = version_of (r);
  g_autoptr(TestResponse) u1 = push1 (a, "kpi_reading", reading, "update", NULL, v0, "{\"value\":13}", "{\"value\":12.5}");
  g_autoptr(TestResponse) u2 = push1 (b, "kpi_reading", reading, "update", NULL, v0, "{\"value\":14}", "{\"value\":12.5}");
  g_autoptr(TestResponse) d = push1 (b, "kpi_reading", reading, "delete", NULL, v0, NULL, NULL);

  g_assert_cmpstr (status_of (u1), ==, "applied");
  g_assert_cmpstr (status_of (u2), ==, "applied");
  g_assert_cmpuint (json_array_get_length (conflicts_of (u2)), ==, 0);
  g_assert_cmpint (json_object_get_int_member (fields_of (u2, reading), "value"), ==, 14);
  g_assert_cmpstr (status_of (d), ==, "applied");
  g_assert_cmpuint (json_array_get_length (conflicts_of (d)), ==, 0);
  g_assert_true (json_object_get_boolean_member (test_change_for (d, reading), "deleted"));
}

static void
test_exactly_once (void)
{
  g_autofree char *inst = test_make_institution ("Once ministry");
  g_autoptr(Client) a = leader_in (inst);
  g_autofree char *plan = test_uuid (), *mid = test_uuid (), *other_mid = test_uuid ();
  g_autofree char *m1 = test_mutation (1, mid, "plan", plan, "create", inst, 0,
                                       "{\"title\":\"Once\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
  g_autofree char *missing = test_uuid (), *mid2 = test_uuid ();
  g_autofree char *m2 = test_mutation (2, mid2, "plan", missing, "update", NULL, 1, "{\"title\":\"x\"}", NULL);
  g_autofree char *push = g_strdup_printf ("[%s,%s]", m1, m2);
  g_autoptr(TestResponse) first = test_sync (server, a->token, a->device, NULL, 10, push);
  g_autoptr(TestResponse) lost = NULL;
  g_autoptr(TestResponse) gap = NULL;
  g_autoptr(TestResponse) reset = NULL;
  g_autofree char *sql = NULL;
  JsonObject *r;

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (test_result_at (first, 0), "status"), ==, "applied");
  /* A rejected mutation takes its seq too, and does not sink the batch. */
  r = test_result_at (first, 1);
  g_assert_cmpstr (json_object_get_string_member (r, "status"), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (r, "reason"), ==, "not_found");
  g_assert_cmpint (test_response_int (first, "last_seq"), ==, 2);

  /* The answer was lost: the same request again gets the stored results as duplicates. */
  lost = test_sync (server, a->token, a->device, NULL, 10, push);
  g_assert_cmpuint (lost->status, ==, 200);
  g_assert_cmpint (test_response_int (lost, "last_seq"), ==, 2);
  r = test_result_at (lost, 0);
  g_assert_cmpstr (json_object_get_string_member (r, "status"), ==, "duplicate");
  g_assert_cmpint (json_object_get_int_member (r, "version"), ==,
                   json_object_get_int_member (test_result_at (first, 0), "version"));
  g_assert_cmpstr (json_object_get_string_member (test_result_at (lost, 1), "status"), ==, "duplicate");
  sql = g_strdup_printf ("SELECT count (*) FROM record WHERE id = '%s'", plan);
  g_assert_cmpint (test_sql_int (sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT version FROM record WHERE id = '%s'", plan);
  g_assert_cmpint (test_sql_int (sql), ==, json_object_get_int_member (test_result_at (first, 0), "version"));

  /* seq_gap: 4 after 2. */
  {
    g_autofree char *id = test_uuid (), *gm = test_uuid ();
    g_autofree char *m = test_mutation (4, gm, "plan", id, "create", inst, 0,
                                        "{\"title\":\"Gap\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
    g_autofree char *p = g_strdup_printf ("[%s]", m);
    g_autofree char *count = g_strdup_printf ("SELECT count (*) FROM record WHERE id = '%s'", id);
    gap = test_sync (server, a->token, a->device, NULL, 10, p);
    g_assert_cmpuint (gap->status, ==, 409);
    g_assert_cmpstr (test_response_string (gap, "error"), ==, "seq_gap");
    g_assert_cmpint (test_response_int (gap, "last_seq"), ==, 2);
    g_assert_cmpint (test_sql_int (count), ==, 0);
  }
  /* device_reset_required: seq 1 again with another mutation id. */
  {
    g_autofree char *m = test_mutation (1, other_mid, "plan", plan, "update", NULL, 1, "{\"title\":\"Again\"}", NULL);
    g_autofree char *p = g_strdup_printf ("[%s]", m);
    reset = test_sync (server, a->token, a->device, NULL, 10, p);
    g_assert_cmpuint (reset->status, ==, 409);
    g_assert_cmpstr (test_response_string (reset, "error"), ==, "device_reset_required");
  }
}

/* ---- concurrent pushes while a third device pages ---- */

typedef struct
{
  Client *client;
  const char *scope;
  guint batches;
  guint per_batch;
} Pusher;

static gpointer
pusher_thread (gpointer data)
{
  Pusher *p = data;

  for (guint b = 0; b < p->batches; b++)
    {
      g_autoptr(GString) push = g_string_new ("[");
      g_autoptr(TestResponse) answer = NULL;

      for (guint i = 0; i < p->per_batch; i++)
        {
          g_autofree char *id = test_uuid (), *mid = test_uuid ();
          g_autofree char *m = test_mutation (++p->client->seq, mid, "plan", id, "create", p->scope, 0,
                                              "{\"title\":\"Concurrent\",\"change_type\":\"process\",\"status\":\"draft\"}",
                                              NULL);
          g_string_append_printf (push, "%s%s", i > 0 ? "," : "", m);
        }
      g_string_append_c (push, ']');
      answer = test_sync (server, p->client->token, p->client->device, NULL, 1, push->str);
      g_assert_cmpuint (answer->status, ==, 200);
    }
  return NULL;
}

static void
test_concurrent_paging (void)
{
  g_autofree char *inst = test_make_institution ("Concurrent ministry");
  g_autoptr(Client) a = leader_in (inst);
  g_autoptr(Client) b = leader_in (inst);
  g_autoptr(Client) reader = leader_in (inst);
  Pusher pa = { a, inst, 12, 25 }, pb = { b, inst, 12, 25 };
  GThread *ta, *tb;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  g_autofree char *sql = NULL;
  gboolean done = FALSE, more = TRUE;

  ta = g_thread_new ("pusher-a", pusher_thread, &pa);
  tb = g_thread_new ("pusher-b", pusher_thread, &pb);
  while (!done || more)
    {
      g_autoptr(TestResponse) page = NULL;
      JsonArray *changes;

      if (!more && !done)
        {
          /* Caught up while the pushers still run: wait for them, then drain. */
          g_thread_join (ta);
          g_thread_join (tb);
          done = TRUE;
        }
      page = test_sync (server, reader->token, reader->device, cursor, 9, NULL);
      g_assert_cmpuint (page->status, ==, 200);
      changes = test_response_array (page, "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *c = json_array_get_object_element (changes, i);
          if (g_strcmp0 (json_object_get_string_member (c, "scope"), inst) == 0)
            g_hash_table_add (seen, g_strdup (json_object_get_string_member (c, "id")));
        }
      more = json_object_get_boolean_member (json_node_get_object (page->json), "has_more");
      g_free (cursor);
      cursor = g_strdup (test_response_string (page, "cursor"));
    }

  sql = g_strdup_printf ("SELECT count (*) FROM record WHERE scope_id = '%s'", inst);
  g_assert_cmpint (test_sql_int (sql), ==, 2 * 12 * 25);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2 * 12 * 25);
}

static void
test_cursor_reset (void)
{
  g_autofree char *inst = test_make_institution ("Reset ministry");
  g_autoptr(Client) a = leader_in (inst);
  g_autofree char *plan = test_uuid ();
  g_autoptr(TestResponse) created = push1 (a, "plan", plan, "create", inst, 0,
                                           "{\"title\":\"R\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
  g_autoptr(TestResponse) first = test_sync (server, a->token, a->device, NULL, 5000, NULL);
  const char *cursor = test_response_string (first, "cursor");
  g_autofree char *sql = NULL;
  g_autofree char *restore = NULL;

  /* A garbage cursor. */
  {
    g_autoptr(TestResponse) r = test_sync (server, a->token, a->device, "c1.bm9wZQ", 10, NULL);
    g_assert_cmpuint (r->status, ==, 409);
    g_assert_cmpstr (test_response_string (r, "error"), ==, "cursor_reset");
  }
  /* The server's scope is behind the cursor (an older backup restored without a new epoch). */
  sql = g_strdup_printf ("UPDATE scope SET version = version - 1 WHERE id = '%s'", inst);
  test_sql_exec (sql);
  {
    g_autoptr(TestResponse) r = test_sync (server, a->token, a->device, cursor, 10, NULL);
    g_assert_cmpuint (r->status, ==, 409);
    g_assert_cmpstr (test_response_string (r, "error"), ==, "cursor_reset");
  }
  restore = g_strdup_printf ("UPDATE scope SET version = version + 1 WHERE id = '%s'", inst);
  test_sql_exec (restore);
  /* Tombstones purged past the cursor. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE scope SET purge_horizon = version + 1, version = version + 1 WHERE id = '%s'", inst);
  test_sql_exec (sql);
  {
    g_autoptr(TestResponse) r = test_sync (server, a->token, a->device, cursor, 10, NULL);
    g_assert_cmpuint (r->status, ==, 409);
    g_assert_cmpstr (test_response_string (r, "error"), ==, "cursor_reset");
  }
  /* The epoch changes (database restored): refused, and a push in the same request is not
   * applied. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE scope SET epoch = gen_random_uuid (), purge_horizon = 0 WHERE id = '%s'", inst);
  test_sql_exec (sql);
  {
    g_autofree char *id = test_uuid (), *mid = test_uuid ();
    g_autofree char *m = test_mutation (a->seq + 1, mid, "plan", id, "create", inst, 0,
                                        "{\"title\":\"Lost?\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
    g_autofree char *p = g_strdup_printf ("[%s]", m);
    g_autofree char *count = g_strdup_printf ("SELECT count (*) FROM record WHERE id = '%s'", id);
    g_autoptr(TestResponse) r = test_sync (server, a->token, a->device, cursor, 10, p);
    g_autoptr(TestResponse) fresh = NULL;

    g_assert_cmpuint (r->status, ==, 409);
    g_assert_cmpstr (test_response_string (r, "error"), ==, "cursor_reset");
    g_assert_cmpint (test_sql_int (count), ==, 0);
    /* The client starts again from no cursor and re-pushes: all is well. */
    fresh = test_sync (server, a->token, a->device, NULL, 5000, p);
    g_assert_cmpuint (fresh->status, ==, 200);
    g_assert_cmpstr (status_of (fresh), ==, "applied");
    g_assert_nonnull (test_change_for (fresh, plan));
    g_assert_cmpint (test_sql_int (count), ==, 1);
  }
}

static void
test_authorization (void)
{
  g_autofree char *inst_a = test_make_institution ("Authz A");
  g_autofree char *inst_b = test_make_institution ("Authz B");
  g_autoptr(Client) a = leader_in (inst_a);
  g_autoptr(Client) b = leader_in (inst_b);
  g_autofree char *office_name = test_unique ("office");
  g_autofree char *office_id = test_make_user (office_name, "programme_office", NULL);
  g_autoptr(Client) office = client_new (office_name);
  g_autofree char *plan = NULL, *risk = NULL;
  gint64 v = make_plan_and_risk (a, &plan, &risk);
  g_autofree char *random_id = test_uuid (), *random_scope = test_uuid ();
  g_autofree char *module = test_uuid (), *grade = test_uuid (), *submission = test_uuid ();
  g_autofree char *attendance = test_uuid ();

  /* b never sees a's institution, and a's record answers exactly like a missing one. */
  {
    g_autoptr(TestResponse) pulled = test_sync (server, b->token, b->device, NULL, 5000, NULL);
    g_autoptr(TestResponse) foreign = push1 (b, "risk", risk, "update", NULL, v, "{\"impact\":1}", NULL);
    g_autoptr(TestResponse) missing = push1 (b, "risk", random_id, "update", NULL, v, "{\"impact\":1}", NULL);
    g_autoptr(TestResponse) del = push1 (b, "risk", risk, "delete", NULL, v, NULL, NULL);
    g_autoptr(TestResponse) into_a = push1 (b, "plan", random_id, "create", inst_a, 0,
                                            "{\"title\":\"X\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
    g_autoptr(TestResponse) into_nowhere = push1 (b, "plan", random_id, "create", random_scope, 0,
                                                  "{\"title\":\"X\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
    JsonArray *scopes = test_response_array (pulled, "scopes");

    g_assert_null (test_change_for (pulled, plan));
    g_assert_null (test_change_for (pulled, risk));
    for (guint i = 0; i < json_array_get_length (scopes); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scopes, i), "id"), !=, inst_a);
    g_assert_cmpstr (json_object_get_string_member (test_result_at (foreign, 0), "status"), ==, "rejected");
    g_assert_cmpstr (json_object_get_string_member (test_result_at (foreign, 0), "reason"), ==,
                     json_object_get_string_member (test_result_at (missing, 0), "reason"));
    g_assert_cmpstr (json_object_get_string_member (test_result_at (del, 0), "reason"), ==, "not_found");
    g_assert_cmpstr (json_object_get_string_member (test_result_at (into_a, 0), "status"), ==, "rejected");
    g_assert_cmpstr (json_object_get_string_member (test_result_at (into_a, 0), "reason"), ==,
                     json_object_get_string_member (test_result_at (into_nowhere, 0), "reason"));
    g_assert_null (test_change_for (foreign, risk));
  }
  /* A leader reads the programme scope but never writes it. */
  {
    g_autofree char *edition = test_uuid ();
    g_autofree char *fields = g_strdup_printf ("{\"edition_id\":\"%s\",\"title_en\":\"Day 9\"}", edition);
    g_autoptr(TestResponse) r = push1 (a, "module", module, "create", a->programme, 0, fields, NULL);
    g_autoptr(TestResponse) inst_rec = push1 (a, "institution", inst_a, "update", NULL, 1, "{\"short_name\":\"HACK\"}", NULL);
    g_assert_cmpstr (json_object_get_string_member (test_result_at (r, 0), "reason"), ==, "forbidden");
    g_assert_cmpstr (json_object_get_string_member (test_result_at (inst_rec, 0), "reason"), ==, "forbidden");
  }
  /* In their person scope: submissions yes, grades and attendance never, plans never. */
  {
    g_autofree char *assignment = test_uuid ();
    g_autofree char *sub_fields = g_strdup_printf ("{\"assignment_id\":\"%s\",\"body\":\"My answer\"}", assignment);
    g_autofree char *grade_fields = g_strdup_printf ("{\"submission_id\":\"%s\",\"score\":100}", submission);
    g_autofree char *att_fields = g_strdup_printf ("{\"module_id\":\"%s\",\"status\":\"present\"}", module);
    g_autoptr(TestResponse) sub = push1 (a, "submission", submission, "create", a->person, 0, sub_fields, NULL);
    g_autoptr(TestResponse) self_grade = push1 (a, "grade", grade, "create", a->person, 0, grade_fields, NULL);
    g_autoptr(TestResponse) self_att = push1 (a, "attendance", attendance, "create", a->person, 0, att_fields, NULL);
    g_autofree char *plan2 = test_uuid ();
    g_autoptr(TestResponse) misplaced = push1 (a, "plan", plan2, "create", a->person, 0,
                                               "{\"title\":\"X\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
    g_autoptr(TestResponse) office_grade = NULL;
    g_autoptr(TestResponse) office_plan = NULL;
    g_autoptr(TestResponse) office_view = NULL;
    g_autoptr(TestResponse) leader_view = NULL;
    g_autoptr(TestResponse) other_view = NULL;

    g_assert_cmpstr (status_of (sub), ==, "applied");
    g_assert_cmpstr (json_object_get_string_member (test_result_at (self_grade, 0), "reason"), ==, "forbidden");
    g_assert_cmpstr (json_object_get_string_member (test_result_at (self_att, 0), "reason"), ==, "forbidden");
    g_assert_cmpstr (json_object_get_string_member (test_result_at (misplaced, 0), "reason"), ==, "forbidden");

    /* The office grades it; the leader sees the grade; b does not. */
    office_grade = push1 (office, "grade", grade, "create", a->person, 0, grade_fields, NULL);
    g_assert_cmpstr (status_of (office_grade), ==, "applied");
    office_plan = push1 (office, "plan", plan2, "create", inst_a, 0,
                         "{\"title\":\"X\",\"change_type\":\"process\",\"status\":\"draft\"}", NULL);
    g_assert_cmpstr (json_object_get_string_member (test_result_at (office_plan, 0), "reason"), ==, "forbidden");
    office_view = test_sync (server, office->token, office->device, NULL, 5000, NULL);
    g_assert_nonnull (test_change_for (office_view, plan));
    g_assert_nonnull (test_change_for (office_view, submission));
    leader_view = test_sync (server, a->token, a->device, NULL, 5000, NULL);
    g_assert_nonnull (test_change_for (leader_view, grade));
    other_view = test_sync (server, b->token, b->device, NULL, 5000, NULL);
    g_assert_null (test_change_for (other_view, grade));
    g_assert_null (test_change_for (other_view, submission));
  }
}

/* Pulls everything from no cursor (one page is enough here) and returns the answer. */
static TestResponse *
pull_all (Client *c)
{
  TestResponse *answer = test_sync (server, c->token, c->device, NULL, 5000, NULL);

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (answer->json), "has_more"));
  return answer;
}

/* Tombstones older than 180 days are purged (at start-up and hourly): a cursor from before
 * the purged tombstone must start over (409 cursor_reset), a cursor past it goes on, and a
 * fresh pull no longer carries the tombstone.  The age is made in SQL (with the version
 * trigger off, so that nothing else about the rows changes); the purge is triggered by
 * starting another server instance against the same database. */
static void
test_tombstone_purge (void)
{
  g_autofree char *inst = test_make_institution ("Purge ministry");
  g_autoptr(Client) a = leader_in (inst);
  g_autofree char *old = test_uuid (), *young = test_uuid (), *alive = test_uuid ();
  g_autofree char *sql = NULL, *horizon_sql = NULL, *before = NULL, *after = NULL;
  g_autoptr(TestResponse) r = NULL;
  g_autoptr(TestResponse) fresh = NULL;
  const char *plan = "{\"title\":\"P\",\"change_type\":\"process\",\"status\":\"draft\"}";
  gint64 old_deleted_version, version;
  TestServer *second;

  r = push1 (a, "plan", old, "create", inst, 0, plan, NULL);
  version = version_of (r);
  g_clear_pointer (&r, test_response_free);
  r = pull_all (a);
  before = g_strdup (test_response_string (r, "cursor"));   /* has seen `old` alive only */
  g_clear_pointer (&r, test_response_free);
  r = push1 (a, "plan", old, "delete", NULL, version, NULL, NULL);
  g_assert_cmpstr (status_of (r), ==, "applied");
  old_deleted_version = version_of (r);
  g_clear_pointer (&r, test_response_free);
  r = push1 (a, "plan", young, "create", inst, 0, plan, NULL);
  version = version_of (r);
  g_clear_pointer (&r, test_response_free);
  r = push1 (a, "plan", young, "delete", NULL, version, NULL, NULL);
  g_assert_cmpstr (status_of (r), ==, "applied");
  g_clear_pointer (&r, test_response_free);
  r = push1 (a, "plan", alive, "create", inst, 0, plan, NULL);
  g_clear_pointer (&r, test_response_free);
  r = pull_all (a);
  after = g_strdup (test_response_string (r, "cursor"));    /* has seen both tombstones */
  g_clear_pointer (&r, test_response_free);

  /* `old` died 181 days ago, `young` 179 days ago: only `old` is past the horizon. */
  sql = g_strdup_printf ("SET session_replication_role = replica; "
                         "UPDATE record SET deleted_at = now () - interval '181 days', "
                         "server_updated_at = now () - interval '181 days' WHERE id = '%s'; "
                         "UPDATE record SET deleted_at = now () - interval '179 days', "
                         "server_updated_at = now () - interval '179 days' WHERE id = '%s'",
                         old, young);
  test_sql_exec (sql);
  horizon_sql = g_strdup_printf ("SELECT purge_horizon FROM scope WHERE id = '%s'", inst);
  g_assert_cmpint (test_sql_int (horizon_sql), ==, 0);

  second = test_server_start (NULL);
  for (guint i = 0; i < 300 && test_sql_int (horizon_sql) == 0; i++)
    g_usleep (100 * 1000);
  test_server_stop (second);
  g_assert_cmpint (test_sql_int (horizon_sql), ==, old_deleted_version);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (*) FROM record WHERE id IN ('%s', '%s')", old, young);
  g_assert_cmpint (test_sql_int (sql), ==, 1);

  /* A cursor older than the purged tombstone: start over. */
  r = test_sync (server, a->token, a->device, before, 100, NULL);
  g_assert_cmpuint (r->status, ==, 409);
  g_assert_cmpstr (test_response_string (r, "error"), ==, "cursor_reset");
  g_clear_pointer (&r, test_response_free);

  /* A cursor past it: nothing new. */
  r = test_sync (server, a->token, a->device, after, 100, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (test_response_array (r, "changes")), ==, 0);
  g_clear_pointer (&r, test_response_free);

  /* Starting over: the purged tombstone is gone, the younger one and the live plan are there. */
  fresh = pull_all (a);
  g_assert_null (test_change_for (fresh, old));
  g_assert_nonnull (test_change_for (fresh, young));
  g_assert_true (json_object_get_boolean_member (test_change_for (fresh, young), "deleted"));
  g_assert_nonnull (test_change_for (fresh, alive));
  g_assert_false (json_object_get_boolean_member (test_change_for (fresh, alive), "deleted"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = test_server_start (NULL);

  g_test_add_func ("/server-sync/merge-table", test_merge_table);
  g_test_add_func ("/server-sync/deletes-and-parents", test_deletes_and_parents);
  g_test_add_func ("/server-sync/append-only", test_append_only);
  g_test_add_func ("/server-sync/exactly-once", test_exactly_once);
  g_test_add_func ("/server-sync/concurrent-paging", test_concurrent_paging);
  g_test_add_func ("/server-sync/cursor-reset", test_cursor_reset);
  g_test_add_func ("/server-sync/authorization", test_authorization);
  g_test_add_func ("/server-sync/tombstone-purge", test_tombstone_purge);

  status = g_test_run ();
  test_server_stop (server);
  return status;
}
