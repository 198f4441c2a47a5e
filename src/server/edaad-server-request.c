/* edaad-server-request.c — request data and JSON answers. */
#define G_LOG_DOMAIN "edaad-server-request"

#include "config.h"

#include "edaad-server-request.h"

#include "edaad-json-writer.h"

EdaadServerRequest *
edaad_server_request_new (void)
{
  return g_new0 (EdaadServerRequest, 1);
}

void
edaad_server_request_free (EdaadServerRequest *req)
{
  if (req == NULL)
    return;
  g_free (req->method);
  g_free (req->path);
  g_free (req->authorization);
  g_free (req->sync_protocol);
  g_free (req->remote_address);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_free (req->response);
  g_free (req->user_id);
  g_free (req);
}

void
edaad_server_request_reply (EdaadServerRequest *req,
                            guint               status,
                            JsonNode           *node)
{
  g_return_if_fail (req != NULL);

  req->status = status;
  g_clear_pointer (&req->response, g_free);
  if (node != NULL)
    req->response = edaad_json_to_string (node);
}

void
edaad_server_request_error_full (EdaadServerRequest *req,
                                 guint               status,
                                 const char         *error,
                                 const char         *reason,
                                 JsonObject         *extra)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_if_fail (req != NULL);
  g_return_if_fail (error != NULL);

  json_object_set_string_member (object, "error", error);
  json_object_set_string_member (object, "reason", reason != NULL ? reason : error);
  if (extra != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (extra);
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (object, l->data,
                                json_node_copy (json_object_get_member (extra, l->data)));
    }
  json_node_set_object (node, object);
  edaad_server_request_reply (req, status, node);
}

void
edaad_server_request_error (EdaadServerRequest *req,
                            guint               status,
                            const char         *error,
                            const char         *reason)
{
  edaad_server_request_error_full (req, status, error, reason, NULL);
}

void
edaad_server_request_unavailable (EdaadServerRequest *req)
{
  edaad_server_request_error (req, 503, "unavailable", "The service is temporarily unavailable");
  req->retry_after = 5;
}
