/* bench-server.c — how fast edaad-server answers the sync protocol on loopback.
 *
 * Runs against a throw-away PostgreSQL cluster (tests/pg-harness.sh starts it, durable:
 * fsync and synchronous_commit on) and a real `edaad-server serve` on 127.0.0.1.  One command
 * from the source tree:
 *
 *     meson test -C build --benchmark bench-server -v
 *
 * (or, after `ninja -C build`, by hand:
 *  EDAAD_PG_DURABLE=1 tests/pg-harness.sh build/src/server/edaad-server build/tests/bench/bench-server)
 *
 * It measures, in this order, and prints one line each with its target:
 *   1. 10,000 queued mutations (plans, milestones, risks) pushed in 20 requests of 500;
 *   2. the first sync of a new device: all 10,000 records, every page, default pull_limit;
 *   3. no-op syncs, one round trip each on a kept-alive connection: p50 and p95;
 *   4. 200 concurrent clients (each signed in with its own device and connection, libsoup
 *      async requests from this process) doing ROUNDS no-op syncs each: p50, p95 — first
 *      paced at one sync per client per second (the target), then as a burst (throughput).
 * Counts and durations are bounded; every answer is checked (a wrong one fails the run). */
#define G_LOG_DOMAIN "bench-server"

#include "config.h"

#include "test-server-fixture.h"

#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_RECORDS 10000
#define PUSH_REQUESTS 20
#define PER_PUSH (N_RECORDS / PUSH_REQUESTS)
#define NOOP_RUNS 200
#define N_CLIENTS 200
#define ROUNDS 5

#define TARGET_FIRST_SYNC_S 3.0
#define TARGET_NOOP_P95_MS 20.0
#define TARGET_CLIENTS_P95_MS 100.0

static const char * const titles[] = {
  "Digitise licence renewal", "Streamline permit issuance", "Automate payroll processing",
  "Integrate citizen feedback", "Modernise land registry", "Simplify visa applications",
  "رقمنة تجديد التراخيص", "تبسيط إجراءات تصاريح البناء", "أتمتة معالجة الرواتب",
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The q-quantile (nearest rank) of `values`, which it sorts. */
static double
quantile (GArray *values,
          double  q)
{
  guint rank;

  g_assert (values->len > 0);
  g_array_sort (values, compare_double);
  rank = (guint) (q * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

static const char *
verdict (double value,
         double target)
{
  return value <= target ? "met" : "MISSED";
}

/* ---- a kept-alive client ---- */

typedef struct
{
  SoupSession *session;
  char *url;
  char *token;
  char *device;
} Client;

static void
client_free (Client *client)
{
  g_clear_object (&client->session);
  g_free (client->url);
  g_free (client->token);
  g_free (client->device);
  g_free (client);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, client_free)

static Client *
client_new (TestServer *server,
            const char *username)
{
  Client *client = g_new0 (Client, 1);
  g_autoptr(TestResponse) login = NULL;

  client->session = soup_session_new_with_options ("timeout", 120, "max-conns-per-host", 1, NULL);
  client->url = g_strconcat (server->url, "/v1/sync", NULL);
  client->device = test_uuid ();
  login = test_login (server, username, client->device);
  client->token = g_strdup (test_response_string (login, "access_token"));
  return client;
}

static SoupMessage *
sync_message (Client     *client,
              const char *body)
{
  SoupMessage *msg = soup_message_new ("POST", client->url);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autofree char *bearer = g_strconcat ("Bearer ", client->token, NULL);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_message_headers_replace (headers, "Authorization", bearer);
  soup_message_headers_replace (headers, "Sync-Protocol", "1");
  return msg;
}

/* A sync body; pull_limit absent (the server's default) when `pull_limit` is 0. */
static char *
sync_body (Client     *client,
           const char *cursor,
           int         pull_limit,
           const char *push)
{
  g_autofree char *cursor_json = cursor != NULL ? g_strdup_printf ("\"%s\"", cursor) : g_strdup ("null");
  g_autofree char *limit_json = pull_limit > 0 ? g_strdup_printf (",\"pull_limit\":%d", pull_limit)
                                               : g_strdup ("");

  return g_strdup_printf ("{\"device_id\":\"%s\",\"cursor\":%s%s,\"push\":%s}",
                          client->device, cursor_json, limit_json, push != NULL ? push : "[]");
}

/* POSTs a sync and returns the parsed 200 answer (anything else ends the run). */
static JsonObject *
client_sync (Client     *client,
             const char *cursor,
             int         pull_limit,
             const char *push)
{
  g_autofree char *body = sync_body (client, cursor, pull_limit, push);
  g_autoptr(SoupMessage) msg = sync_message (client, body);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = soup_session_send_and_read (client->session, msg, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (answer == NULL)
    g_error ("sync: %s", error->message);
  if (soup_message_get_status (msg) != 200)
    g_error ("sync: status %u: %.*s", soup_message_get_status (msg),
             (int) MIN (g_bytes_get_size (answer), 400), (const char *) g_bytes_get_data (answer, NULL));
  if (!json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), (gssize) g_bytes_get_size (answer), &error))
    g_error ("sync answer: %s", error->message);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* ---- the data ---- */

/* One request's 500 creates: 50 plans, each with 5 milestones and 4 risks. */
static char *
push_batch (const char *scope,
            gint64     *seq)
{
  g_autoptr(GString) text = g_string_new ("[");
  guint n = 0;

  while (n < PER_PUSH)
    {
      g_autofree char *plan = test_uuid ();
      const char *title = titles[*seq % G_N_ELEMENTS (titles)];

      for (guint child = 0; child < 10 && n < PER_PUSH; child++, n++)
        {
          g_autofree char *mid = test_uuid ();
          g_autofree char *id = child == 0 ? g_strdup (plan) : test_uuid ();
          g_autofree char *changes = NULL;
          g_autofree char *m = NULL;
          const char *type;

          if (child == 0)
            {
              type = "plan";
              changes = g_strdup_printf ("{\"code\":\"CP-%05" G_GINT64_FORMAT "\",\"title\":\"%s\","
                                         "\"change_type\":\"it_digital\",\"status\":\"implementing\","
                                         "\"phase\":\"manage\",\"kotter_step\":5,\"priority\":\"high\","
                                         "\"owner\":\"Directorate of e-services\",\"start_on\":\"2026-01-04\","
                                         "\"due_on\":\"2026-12-20\",\"summary\":\"%s for every governorate, "
                                         "measured against the baseline survey.\",\"capstone\":false}",
                                         *seq, title, title);
            }
          else if (child <= 5)
            {
              type = "milestone";
              changes = g_strdup_printf ("{\"plan_id\":\"%s\",\"title\":\"Milestone %u of %s\","
                                         "\"due_on\":\"2026-0%u-15\",\"status\":\"on_track\",\"weight\":%u,"
                                         "\"position\":%u}", plan, child, title, child + 2, child, child);
            }
          else
            {
              type = "risk";
              changes = g_strdup_printf ("{\"plan_id\":\"%s\",\"title\":\"Risk %u: vendor delay\","
                                         "\"category\":\"schedule\",\"likelihood\":%u,\"impact\":%u,"
                                         "\"mitigation\":\"Weekly review with the integration team\","
                                         "\"status\":\"open\"}", plan, child, child - 4, 10 - child);
            }
          m = test_mutation (++*seq, mid, type, id, "create", scope, 0, changes, NULL);
          g_string_append_printf (text, "%s%s", *seq % PER_PUSH == 1 ? "" : ",", m);
        }
    }
  g_string_append_c (text, ']');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- 200 concurrent clients ---- */

/* Each client its own device, token and kept-alive connection, all driven by libsoup async
 * requests from this one process.  Paced: every client syncs once per PACE_MS (first at a
 * random moment of the first interval) on a fixed schedule, so a slow answer does not lower
 * the offered load: 200 requests/s, sixty times the sync client's 60-second timer.  Burst:
 * all clients at the same instant, each next sync as soon as its answer arrives — a
 * throughput test, where by Little's law the latency is the number in flight divided by the
 * server's throughput. */
#define PACE_MS 1000.0

typedef struct
{
  Client *client;
  char *body;
  guint round;
  double first_due;    /* paced: when round 0 is due; < 0: burst */
  double started;
  GArray *latencies;   /* shared */
  guint *pending;      /* shared */
  guint *failures;     /* shared */
} Racer;

static void racer_send (Racer *racer);

static gboolean
racer_send_due (gpointer data)
{
  racer_send (data);
  return G_SOURCE_REMOVE;
}

/* Sends the racer's next round now, or when it is due. */
static void
racer_schedule (Racer *racer)
{
  double wait = racer->first_due < 0 ? 0 : racer->first_due + racer->round * PACE_MS - now_ms ();

  if (wait <= 0)
    racer_send (racer);
  else
    g_timeout_add ((guint) wait, racer_send_due, racer);
}

static void
racer_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Racer *racer = data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  double elapsed = now_ms () - racer->started;

  if (answer == NULL || soup_message_get_status (msg) != 200 ||
      g_strstr_len (g_bytes_get_data (answer, NULL), (gssize) g_bytes_get_size (answer), "\"changes\":[]") == NULL)
    {
      g_printerr ("client failed: %s (status %u)\n", error != NULL ? error->message : "unexpected answer",
                  soup_message_get_status (msg));
      (*racer->failures)++;
    }
  g_array_append_val (racer->latencies, elapsed);
  g_object_unref (msg);

  if (++racer->round < ROUNDS)
    racer_schedule (racer);
  else
    (*racer->pending)--;
}

static void
racer_send (Racer *racer)
{
  SoupMessage *msg = sync_message (racer->client, racer->body);

  racer->started = now_ms ();
  /* The callback unrefs `msg` (it holds the only reference we own). */
  soup_session_send_and_read_async (racer->client->session, msg, G_PRIORITY_DEFAULT, NULL, racer_done, racer);
}

/* Runs ROUNDS no-op syncs on every client; returns the latencies and the wall time. */
static GArray *
race (GPtrArray  *clients,
      const char *cursor,
      gboolean    paced,
      double     *wall_ms)
{
  GArray *latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree Racer *racers = g_new0 (Racer, clients->len);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint pending = clients->len, failures = 0;
  double start = now_ms ();

  for (guint i = 0; i < clients->len; i++)
    {
      racers[i].client = g_ptr_array_index (clients, i);
      racers[i].body = sync_body (racers[i].client, cursor, 0, NULL);
      racers[i].first_due = paced ? start + g_rand_double_range (rand, 0, PACE_MS) : -1;
      racers[i].latencies = latencies;
      racers[i].pending = &pending;
      racers[i].failures = &failures;
      racer_schedule (&racers[i]);
    }
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);
  *wall_ms = now_ms () - start;
  for (guint i = 0; i < clients->len; i++)
    g_free (racers[i].body);
  g_assert_cmpuint (failures, ==, 0);
  g_assert_cmpuint (latencies->len, ==, clients->len * ROUNDS);
  return latencies;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *institution = NULL;
  g_autofree char *leader_id = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *cpuinfo = NULL;
  g_autofree char *final_cursor = NULL;
  g_autofree char *push_cursor = NULL;
  g_autoptr(Client) pusher = NULL;
  g_autoptr(Client) reader = NULL;
  g_autoptr(GArray) push_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) noop_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func ((GDestroyNotify) client_free);
  const char *env[] = { NULL };
  TestServer *server;
  gint64 seq = 0;
  gint64 pulled = 0;
  guint pages = 0;
  double start, total, push_total = 0, push_max = 0;
  const char *scope;

  /* The machine. */
  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (cpuinfo, "\n", -1);
      for (guint i = 0; lines[i] != NULL && cpu == NULL; i++)
        if (g_str_has_prefix (lines[i], "model name"))
          cpu = g_strdup (g_strstrip (strchr (lines[i], ':') + 1));
    }
  g_print ("edaad-server benchmark (loopback, throw-away PostgreSQL: fsync=%s synchronous_commit=%s)\n",
           test_sql_int ("SELECT (current_setting ('fsync') = 'on')::int") ? "on" : "off",
           test_sql_int ("SELECT (current_setting ('synchronous_commit') = 'on')::int") ? "on" : "off");
  g_print ("machine: nproc=%u, CPU: %s, PostgreSQL %" G_GINT64_FORMAT ", server workers: %s\n",
           g_get_num_processors (), cpu != NULL ? cpu : "unknown",
           test_sql_int ("SELECT current_setting ('server_version_num')::int / 10000"),
           g_getenv ("EDAAD_SERVER_WORKERS") != NULL ? g_getenv ("EDAAD_SERVER_WORKERS") : "16 (default)");

  server = test_server_start (env);
  institution = test_make_institution ("Bench Ministry");
  leader_id = test_make_user ("bench-leader", "leader", institution);
  pusher = client_new (server, "bench-leader");
  scope = institution;

  /* 1. 10,000 queued mutations in 20 requests. */
  for (guint r = 0; r < PUSH_REQUESTS; r++)
    {
      g_autofree char *push = push_batch (scope, &seq);
      g_autoptr(JsonObject) answer = NULL;
      JsonArray *results;
      double elapsed;

      /* As the sync client does: with its cursor, so that the answer also brings the
       * pushed records back at their new versions. */
      start = now_ms ();
      answer = client_sync (pusher, push_cursor, 0, push);
      elapsed = now_ms () - start;
      g_free (push_cursor);
      push_cursor = g_strdup (json_object_get_string_member (answer, "cursor"));
      results = json_object_get_array_member (answer, "results");
      g_assert_cmpuint (json_array_get_length (results), ==, PER_PUSH);
      for (guint i = 0; i < PER_PUSH; i++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, i), "status"),
                         ==, "applied");
      g_assert_cmpint (json_object_get_int_member (answer, "last_seq"), ==, seq);
      g_array_append_val (push_ms, elapsed);
      push_total += elapsed;
      push_max = MAX (push_max, elapsed);
    }
  g_print ("push: %d mutations in %d requests of %d: total %.2f s, per request mean %.0f ms, p50 %.0f ms, max %.0f ms\n",
           N_RECORDS, PUSH_REQUESTS, PER_PUSH, push_total / 1000.0, push_total / PUSH_REQUESTS,
           quantile (push_ms, 0.5), push_max);

  /* 2. The first sync of a new device: every page at the default pull_limit. */
  reader = client_new (server, "bench-leader");
  start = now_ms ();
  for (gboolean more = TRUE; more;)
    {
      g_autoptr(JsonObject) answer = client_sync (reader, final_cursor, 0, NULL);

      pulled += json_array_get_length (json_object_get_array_member (answer, "changes"));
      more = json_object_get_boolean_member (answer, "has_more");
      g_free (final_cursor);
      final_cursor = g_strdup (json_object_get_string_member (answer, "cursor"));
      pages++;
      g_assert_cmpuint (pages, <=, N_RECORDS);
    }
  total = now_ms () - start;
  /* Everything the leader reads: the 10,000 plus the programme scope's institution record. */
  g_assert_cmpint (pulled, >=, N_RECORDS);
  g_assert_cmpint (pulled, ==, test_sql_int ("SELECT count (*) FROM record"));
  g_print ("first sync: %" G_GINT64_FORMAT " records in %u pages (default pull_limit): %.2f s  "
           "[target <= %.0f s: %s]\n", pulled, pages, total / 1000.0, TARGET_FIRST_SYNC_S,
           verdict (total / 1000.0, TARGET_FIRST_SYNC_S));

  /* 3. No-op syncs, one round trip each. */
  for (guint i = 0; i < NOOP_RUNS + 5; i++)
    {
      g_autoptr(JsonObject) answer = NULL;
      double elapsed;

      start = now_ms ();
      answer = client_sync (reader, final_cursor, 0, NULL);
      elapsed = now_ms () - start;
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "changes")), ==, 0);
      g_assert_false (json_object_get_boolean_member (answer, "has_more"));
      if (i >= 5) /* the first few warm the worker connections */
        g_array_append_val (noop_ms, elapsed);
    }
  {
    double p50 = quantile (noop_ms, 0.5), p95 = quantile (noop_ms, 0.95);
    g_print ("no-op sync: %d round trips: p50 %.1f ms, p95 %.1f ms, max %.1f ms  [target p95 <= %.0f ms: %s]\n",
             NOOP_RUNS, p50, p95, g_array_index (noop_ms, double, noop_ms->len - 1), TARGET_NOOP_P95_MS,
             verdict (p95, TARGET_NOOP_P95_MS));
  }

  /* 4. 200 concurrent clients, each its own device, token and connection: first paced
   * (against the target), then in a burst (throughput). */
  for (guint i = 0; i < N_CLIENTS; i++)
    g_ptr_array_add (clients, client_new (server, "bench-leader"));
  {
    double wall;
    g_autoptr(GArray) paced = race (clients, final_cursor, TRUE, &wall);
    double p50 = quantile (paced, 0.5), p95 = quantile (paced, 0.95);

    g_print ("200 concurrent clients, each one no-op sync per second for %d s (%u requests, %.0f/s offered): "
             "p50 %.1f ms, p95 %.1f ms, max %.1f ms  [target p95 <= %.0f ms: %s]\n",
             ROUNDS, paced->len, N_CLIENTS * 1000.0 / PACE_MS, p50, p95,
             g_array_index (paced, double, paced->len - 1), TARGET_CLIENTS_P95_MS,
             verdict (p95, TARGET_CLIENTS_P95_MS));
  }
  {
    double wall;
    g_autoptr(GArray) burst = race (clients, final_cursor, FALSE, &wall);
    double p50 = quantile (burst, 0.5), p95 = quantile (burst, 0.95);

    g_print ("200 concurrent clients, burst: all at once, %d back-to-back no-op syncs each (%u requests in "
             "%.2f s = %.0f/s served): p50 %.1f ms, p95 %.1f ms, max %.1f ms  [throughput; latency = 200 "
             "in flight / rate]\n",
             ROUNDS, burst->len, wall / 1000.0, burst->len / (wall / 1000.0), p50, p95,
             g_array_index (burst, double, burst->len - 1));
  }

  test_server_stop (server);
  return 0;
}
