/* edaad-http.c — SoupServer on the main loop; every database call on a pool thread. */
#define G_LOG_DOMAIN "edaad-http"

#include "config.h"

#include "edaad-http.h"

#include "edaad-auth.h"
#include "edaad-json-writer.h"
#include "edaad-pg.h"
#include "edaad-server-request.h"
#include "edaad-sync-handler.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

/* Requests waiting for a worker beyond this are answered 503 at once. */
#define MAX_QUEUED 2000
#define PURGE_INTERVAL_SECONDS 3600
/* Connections the kernel may hold before they are accepted (capped by net.core.somaxconn). */
#define LISTEN_BACKLOG 1024

struct _EdaadHttpServer
{
  GObject parent_instance;

  EdaadServerConfig *config;
  SoupServer *soup;
  GThreadPool *pool;
  GMainContext *context;
  guint purge_source;
};

G_DEFINE_FINAL_TYPE (EdaadHttpServer, edaad_http_server, G_TYPE_OBJECT)

typedef enum
{
  ROUTE_NONE,
  ROUTE_HELLO,
  ROUTE_HEALTHZ,
  ROUTE_LOGIN,
  ROUTE_REFRESH,
  ROUTE_LOGOUT,
  ROUTE_SYNC,
  ROUTE_PURGE, /* internal: the periodic tombstone purge */
} Route;

typedef struct
{
  EdaadHttpServer *server;   /* strong */
  SoupServerMessage *msg;    /* strong; NULL for internal jobs */
  EdaadServerRequest *req;
  Route route;
  gboolean disconnected;
  gulong disconnected_id;
} Job;

/* qdata on each message: when it started and who asked, for the log line. */
#define START_KEY "edaad-start"
#define USER_KEY "edaad-user"

static GPrivate thread_pg = G_PRIVATE_INIT ((GDestroyNotify) edaad_pg_free);

static void
job_free (Job *job)
{
  if (job->msg != NULL && job->disconnected_id != 0)
    g_signal_handler_disconnect (job->msg, job->disconnected_id);
  g_clear_object (&job->msg);
  g_clear_pointer (&job->req, edaad_server_request_free);
  g_clear_object (&job->server);
  g_free (job);
}

static void
set_json_response (SoupServerMessage *msg,
                   guint              status,
                   const char        *body,
                   guint              retry_after)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, status, NULL);
  if (retry_after > 0)
    {
      g_autofree char *value = g_strdup_printf ("%u", retry_after);
      soup_message_headers_replace (headers, "Retry-After", value);
    }
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (body != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
set_error_response (SoupServerMessage *msg,
                    guint              status,
                    const char        *error,
                    const char        *reason)
{
  g_autoptr(EdaadServerRequest) req = edaad_server_request_new ();

  edaad_server_request_error (req, status, error, reason);
  set_json_response (msg, status, req->response, 0);
}

/* ---- worker thread ---- */

static void
dispatch (EdaadHttpServer    *self,
          EdaadPg            *pg,
          Route               route,
          EdaadServerRequest *req)
{
  g_autoptr(GError) error = NULL;

  switch (route)
    {
    case ROUTE_HEALTHZ:
      if (edaad_pg_run (pg, "SELECT 1", 0, NULL, &error))
        {
          g_autoptr(JsonNode) node = json_from_string ("{\"status\":\"ok\"}", NULL);
          edaad_server_request_reply (req, 200, node);
        }
      else
        edaad_server_request_unavailable (req);
      break;
    case ROUTE_LOGIN:
      edaad_auth_handle_login (self->config, pg, req);
      break;
    case ROUTE_REFRESH:
      edaad_auth_handle_refresh (self->config, pg, req);
      break;
    case ROUTE_LOGOUT:
      edaad_auth_handle_logout (self->config, pg, req);
      break;
    case ROUTE_SYNC:
      edaad_sync_handle (self->config, pg, req);
      break;
    case ROUTE_PURGE:
      if (!edaad_sync_purge_tombstones (self->config, pg, &error))
        g_warning ("Tombstone purge failed: %s", error->message);
      break;
    case ROUTE_HELLO:
    case ROUTE_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
finish_job (gpointer data)
{
  Job *job = data;
  EdaadServerRequest *req = job->req;

  if (job->msg != NULL && !job->disconnected)
    {
      if (req->user_id != NULL)
        g_object_set_data_full (G_OBJECT (job->msg), USER_KEY, g_strdup (req->user_id), g_free);
      set_json_response (job->msg, req->status, req->response, req->retry_after);
      soup_server_message_unpause (job->msg);
    }
  job_free (job);
  return G_SOURCE_REMOVE;
}

static void
worker (gpointer data,
        gpointer user_data)
{
  Job *job = data;
  EdaadHttpServer *self = job->server;
  EdaadPg *pg = g_private_get (&thread_pg);
  g_autoptr(GError) error = NULL;

  if (pg == NULL)
    {
      pg = edaad_pg_connect (self->config->conninfo, &error);
      if (pg != NULL)
        g_private_set (&thread_pg, pg);
    }
  else if (!edaad_pg_ensure (pg, &error))
    pg = NULL;

  if (pg == NULL)
    {
      g_warning ("%s", error->message);
      edaad_server_request_unavailable (job->req);
    }
  else
    dispatch (self, pg, job->route, job->req);

  if (job->req->status == 0)
    edaad_server_request_unavailable (job->req);
  g_main_context_invoke (self->context, finish_job, job);
}

/* ---- main thread ---- */

static Route
route_for_path (const char *path,
                const char **method)
{
  static const struct { const char *path; const char *method; Route route; } routes[] = {
    { "/v1/hello", "GET", ROUTE_HELLO },
    { "/healthz", "GET", ROUTE_HEALTHZ },
    { "/v1/auth/login", "POST", ROUTE_LOGIN },
    { "/v1/auth/refresh", "POST", ROUTE_REFRESH },
    { "/v1/auth/logout", "POST", ROUTE_LOGOUT },
    { "/v1/sync", "POST", ROUTE_SYNC },
  };

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (strcmp (path, routes[i].path) == 0)
      {
        *method = routes[i].method;
        return routes[i].route;
      }
  return ROUTE_NONE;
}

static gboolean
is_json_content_type (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);

  return type != NULL && g_ascii_strcasecmp (type, "application/json") == 0;
}

static void
on_disconnected (SoupServerMessage *msg,
                 Job               *job)
{
  job->disconnected = TRUE;
}

typedef struct
{
  SoupServerMessage *msg;
  GIOStream *stream;
  char *response;
  guint status;
  gint64 start;
} Refusal;

static void
refusal_free (Refusal *refusal)
{
  g_clear_object (&refusal->msg);
  g_clear_object (&refusal->stream);
  g_free (refusal->response);
  g_free (refusal);
}

static void
refusal_closed (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_io_stream_close_finish (G_IO_STREAM (source), result, NULL);
  refusal_free (data);
}

static void
refusal_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Refusal *refusal = data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_io_stream_close_async (refusal->stream, G_PRIORITY_DEFAULT, NULL, refusal_closed, refusal);
}

/* Takes the connection away from libsoup (which would otherwise read the body), writes the
 * refusal and closes.  Runs from an idle: never inside libsoup's own I/O callbacks. */
static gboolean
refuse_unread (gpointer data)
{
  Refusal *refusal = data;
  GUri *uri = soup_server_message_get_uri (refusal->msg);

  g_message ("%s %s %u %.1fms user=-", soup_server_message_get_method (refusal->msg),
             uri != NULL ? g_uri_get_path (uri) : "-", refusal->status,
             (g_get_monotonic_time () - refusal->start) / 1000.0);
  refusal->stream = soup_server_message_steal_connection (refusal->msg);
  if (refusal->stream == NULL)
    {
      refusal_free (refusal);
      return G_SOURCE_REMOVE;
    }
  g_output_stream_write_all_async (g_io_stream_get_output_stream (refusal->stream),
                                   refusal->response, strlen (refusal->response), G_PRIORITY_DEFAULT,
                                   NULL, refusal_written, refusal);
  return G_SOURCE_REMOVE;
}

/* Answers without reading the body: libsoup 3.2 reads a body even when an early handler has
 * set a status, so the message is paused here (nothing more is read) and the connection is
 * taken over from an idle. */
static void
refuse_before_body (SoupServerMessage *msg,
                    guint              status,
                    const char        *error,
                    const char        *reason)
{
  g_autoptr(EdaadServerRequest) req = edaad_server_request_new ();
  Refusal *refusal = g_new0 (Refusal, 1);
  gint64 *start = g_object_get_data (G_OBJECT (msg), START_KEY);

  edaad_server_request_error (req, status, error, reason);
  refusal->msg = g_object_ref (msg);
  refusal->status = status;
  refusal->start = start != NULL ? *start : g_get_monotonic_time ();
  refusal->response = g_strdup_printf ("HTTP/1.1 %u %s\r\nContent-Type: application/json\r\n"
                                       "Content-Length: %zu\r\nCache-Control: no-store\r\n"
                                       "Connection: close\r\n\r\n%s",
                                       status, soup_status_get_phrase (status),
                                       strlen (req->response), req->response);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_pause (msg);
  g_idle_add (refuse_unread, refusal);
}

/* Runs after the headers, before the body is read. */
static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);
  const char *expected_method = NULL;
  Route route = route_for_path (path, &expected_method);

  if (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > EDAAD_HTTP_MAX_BODY)
    {
      refuse_before_body (msg, 413, "too_large", "The request body is larger than 8 MiB");
      return;
    }
  if (encoding == SOUP_ENCODING_CHUNKED || encoding == SOUP_ENCODING_EOF ||
      encoding == SOUP_ENCODING_BYTERANGES)
    {
      /* Without a length the 8 MiB limit could only be enforced after reading. */
      refuse_before_body (msg, 411, "length_required", "The request must carry a Content-Length");
      return;
    }
  if (route != ROUTE_NONE && strcmp (soup_server_message_get_method (msg), expected_method) == 0 &&
      (route == ROUTE_LOGIN || route == ROUTE_REFRESH || route == ROUTE_SYNC) &&
      !is_json_content_type (msg))
    set_error_response (msg, 415, "unsupported_media_type", "The body must be application/json");
}

static void
hello (SoupServerMessage *msg)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_object_set_int_member (object, "protocol_min", EDAAD_PROTOCOL_MIN);
  json_object_set_int_member (object, "protocol_max", EDAAD_PROTOCOL_MAX);
  json_object_set_string_member (object, "server_version", PACKAGE_VERSION);
  node = json_node_init_object (json_node_alloc (), object);
  text = edaad_json_to_string (node);
  set_json_response (msg, 200, text, 0);
}

static gboolean
protocol_supported (const char *value)
{
  g_autofree char *text = g_strdup (value);
  gint64 version;

  return text != NULL &&
         g_ascii_string_to_signed (g_strstrip (text), 10, EDAAD_PROTOCOL_MIN,
                                   EDAAD_PROTOCOL_MAX, &version, NULL);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  EdaadHttpServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *expected_method = NULL;
  Route route = route_for_path (path, &expected_method);
  SoupMessageBody *body;
  Job *job;

  if (soup_server_message_get_status (msg) != 0)
    return;
  if (route == ROUTE_NONE)
    {
      set_error_response (msg, 404, "not_found", "No such endpoint");
      return;
    }
  if (strcmp (method, expected_method) != 0)
    {
      set_error_response (msg, 405, "method_not_allowed", "This endpoint does not take that method");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", expected_method);
      return;
    }
  if (route == ROUTE_HELLO)
    {
      hello (msg);
      return;
    }
  if (route == ROUTE_SYNC && !protocol_supported (soup_message_headers_get_one (headers, "Sync-Protocol")))
    {
      set_error_response (msg, 426, "upgrade_required", "This server speaks Sync-Protocol 1");
      return;
    }
  if (g_thread_pool_unprocessed (self->pool) > MAX_QUEUED)
    {
      set_error_response (msg, 503, "unavailable", "The server is busy");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "2");
      return;
    }

  job = g_new0 (Job, 1);
  job->server = g_object_ref (self);
  job->msg = g_object_ref (msg);
  job->route = route;
  job->req = edaad_server_request_new ();
  job->req->method = g_strdup (method);
  job->req->path = g_strdup (path);
  job->req->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  job->req->sync_protocol = g_strdup (soup_message_headers_get_one (headers, "Sync-Protocol"));
  job->req->remote_address = g_strdup (soup_server_message_get_remote_host (msg));
  if (job->req->remote_address == NULL)
    job->req->remote_address = g_strdup ("unknown");
  body = soup_server_message_get_request_body (msg);
  job->req->body = soup_message_body_flatten (body);
  job->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (on_disconnected), job);

  soup_server_message_pause (msg);
  g_thread_pool_push (self->pool, job, NULL);
}

static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  gint64 *start = g_new (gint64, 1);

  *start = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), START_KEY, start, g_free);
}

/* One line per request: method, path, status, duration, user id.  Never a header or body. */
static void
on_request_finished (SoupServer        *server,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  gint64 *start = g_object_get_data (G_OBJECT (msg), START_KEY);
  const char *user = g_object_get_data (G_OBJECT (msg), USER_KEY);
  GUri *uri = soup_server_message_get_uri (msg);
  double ms = start != NULL ? (g_get_monotonic_time () - *start) / 1000.0 : 0.0;

  g_message ("%s %s %u %.1fms user=%s",
             soup_server_message_get_method (msg),
             uri != NULL ? g_uri_get_path (uri) : "-",
             soup_server_message_get_status (msg), ms,
             user != NULL ? user : "-");
}

/* A client that went away (or a connection taken over by refuse_before_body(), which logs
 * for itself). */
static void
on_request_aborted (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  if (soup_server_message_get_status (msg) == 413 || soup_server_message_get_status (msg) == 411)
    return;
  on_request_finished (server, msg, user_data);
}

static gboolean
purge_tick (gpointer data)
{
  EdaadHttpServer *self = data;
  Job *job = g_new0 (Job, 1);

  job->server = g_object_ref (self);
  job->route = ROUTE_PURGE;
  job->req = edaad_server_request_new ();
  g_thread_pool_push (self->pool, job, NULL);
  return G_SOURCE_CONTINUE;
}

static void
edaad_http_server_dispose (GObject *object)
{
  EdaadHttpServer *self = EDAAD_HTTP_SERVER (object);

  g_clear_handle_id (&self->purge_source, g_source_remove);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  G_OBJECT_CLASS (edaad_http_server_parent_class)->dispose (object);
}

static void
edaad_http_server_finalize (GObject *object)
{
  EdaadHttpServer *self = EDAAD_HTTP_SERVER (object);

  if (self->pool != NULL)
    g_thread_pool_free (self->pool, TRUE, FALSE);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->config, edaad_server_config_free);
  G_OBJECT_CLASS (edaad_http_server_parent_class)->finalize (object);
}

static void
edaad_http_server_class_init (EdaadHttpServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = edaad_http_server_dispose;
  object_class->finalize = edaad_http_server_finalize;
}

static void
edaad_http_server_init (EdaadHttpServer *self)
{
  self->context = g_main_context_ref_thread_default ();
}

EdaadHttpServer *
edaad_http_server_new (EdaadServerConfig  *config,
                       GError            **error)
{
  g_autoptr(EdaadHttpServer) self = g_object_new (EDAAD_TYPE_HTTP_SERVER, NULL);

  g_return_val_if_fail (config != NULL, NULL);

  self->config = config;
  self->pool = g_thread_pool_new (worker, self, (int) config->n_workers, FALSE, error);
  if (self->pool == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

static GSocketAddress *
parse_listen (const char  *listen,
              GError     **error)
{
  const char *colon = listen != NULL ? strrchr (listen, ':') : NULL;
  g_autofree char *host = NULL;
  gint64 port;
  GSocketAddress *address;

  if (colon == NULL || !g_ascii_string_to_signed (colon + 1, 10, 0, 65535, &port, NULL))
    goto bad;
  host = g_strndup (listen, colon - listen);
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    {
      char *inner = g_strndup (host + 1, strlen (host) - 2);
      g_free (host);
      host = inner;
    }
  address = g_inet_socket_address_new_from_string (host, (guint) port);
  if (address != NULL)
    return address;

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not an address and port such as 127.0.0.1:8080"), listen);
  return NULL;
}

gboolean
edaad_http_server_listen (EdaadHttpServer  *self,
                          const char       *listen,
                          const char       *tls_cert,
                          const char       *tls_key,
                          GError          **error)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSList) uris = NULL;
  SoupServerListenOptions options = 0;

  g_return_val_if_fail (EDAAD_IS_HTTP_SERVER (self), FALSE);
  g_return_val_if_fail (self->soup == NULL, FALSE);

  address = parse_listen (listen, error);
  if (address == NULL)
    return FALSE;

  if ((tls_cert == NULL) != (tls_key == NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("--tls-cert and --tls-key go together"));
      return FALSE;
    }
  if (tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (tls_cert, tls_key, error);
      if (certificate == NULL)
        return FALSE;
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }

  self->soup = g_object_new (SOUP_TYPE_SERVER,
                             "server-header", "edaad-server/" PACKAGE_VERSION " ",
                             "tls-certificate", certificate,
                             NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (on_request_started), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (on_request_finished), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (on_request_aborted), self);

  /* Our own socket, for its backlog: GSocket's default of 10 overflows when a few hundred
   * clients connect at once (the kernel then drops or resets their connections). */
  socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error) ||
      !soup_server_listen_socket (self->soup, socket, options, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  for (GSList *l = uris; l != NULL; l = l->next)
    {
      g_autofree char *text = g_uri_to_string (l->data);
      g_print ("Listening on %s\n", text);
    }
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  fflush (stdout);

  purge_tick (self);
  self->purge_source = g_timeout_add_seconds (PURGE_INTERVAL_SECONDS, purge_tick, self);
  return TRUE;
}
