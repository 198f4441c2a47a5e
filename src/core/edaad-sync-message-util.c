/* edaad-sync-message-util.c — strict member access shared by the protocol messages. */
#define G_LOG_DOMAIN "edaad-sync-message"

#include "config.h"

#include "edaad-sync-message-private.h"

#include "edaad-json-guard.h"
#include "edaad-json-writer.h"
#include "edaad-uuid.h"

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (edaad-sync-message-error-quark, edaad_sync_message_error)

void
edaad_message_invalid (GError     **error,
                       const char  *format,
                       ...)
{
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  *error = g_error_new_valist (EDAAD_SYNC_MESSAGE_ERROR, EDAAD_SYNC_MESSAGE_ERROR_INVALID, format, args);
  va_end (args);
}

JsonObject *
edaad_message_parse_object (const char  *data,
                            gssize       length,
                            gsize        max_bytes,
                            GError     **error)
{
  EdaadJsonLimits limits = { .max_bytes = max_bytes };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;

  root = edaad_json_parse (data, length, &limits, &local_error);
  if (root == NULL)
    {
      edaad_message_invalid (error, "%s", local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      edaad_message_invalid (error, "%s", _("The body must be a JSON object"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static JsonNode *
present_member (JsonObject *object,
                const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

static gboolean
absent (const char  *key,
        gboolean     required,
        GError     **error)
{
  if (!required)
    return TRUE;
  /* Translators: %s is a JSON key of the sync protocol, e.g. “device_id” */
  edaad_message_invalid (error, _("“%s” is missing"), key);
  return FALSE;
}

gboolean
edaad_message_get_string (JsonObject  *object,
                          const char  *key,
                          gboolean     required,
                          glong        max_chars,
                          const char **out,
                          GError     **error)
{
  JsonNode *node = present_member (object, key);
  const char *text;

  if (node == NULL)
    return absent (key, required, error);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      edaad_message_invalid (error, _("“%s” must be a string"), key);
      return FALSE;
    }
  text = json_node_get_string (node);
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      edaad_message_invalid (error, _("“%s” is longer than %ld characters"), key, max_chars);
      return FALSE;
    }
  *out = text;
  return TRUE;
}

gboolean
edaad_message_get_uuid (JsonObject  *object,
                        const char  *key,
                        gboolean     required,
                        const char **out,
                        GError     **error)
{
  JsonNode *node = present_member (object, key);

  if (node == NULL)
    return absent (key, required, error);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !edaad_uuid_is_valid (json_node_get_string (node)))
    {
      edaad_message_invalid (error, _("“%s” must be a UUID"), key);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
edaad_message_get_int (JsonObject  *object,
                       const char  *key,
                       gboolean     required,
                       gint64       min,
                       gint64       max,
                       gint64      *out,
                       GError     **error)
{
  JsonNode *node = present_member (object, key);
  gint64 value;

  if (node == NULL)
    return absent (key, required, error);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      edaad_message_invalid (error, _("“%s” must be an integer"), key);
      return FALSE;
    }
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      if (max == G_MAXINT64)
        edaad_message_invalid (error, _("“%s” must be at least %lld"), key, (long long) min);
      else
        edaad_message_invalid (error, _("“%s” must be between %lld and %lld"), key,
                               (long long) min, (long long) max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
edaad_message_get_bool (JsonObject  *object,
                        const char  *key,
                        gboolean     required,
                        gboolean    *out,
                        GError     **error)
{
  JsonNode *node = present_member (object, key);

  if (node == NULL)
    return absent (key, required, error);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      edaad_message_invalid (error, _("“%s” must be true or false"), key);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
edaad_message_get_array (JsonObject  *object,
                         const char  *key,
                         gboolean     required,
                         guint        max_length,
                         JsonArray  **out,
                         GError     **error)
{
  JsonNode *node = present_member (object, key);

  if (node == NULL)
    return absent (key, required, error);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      edaad_message_invalid (error, _("“%s” must be an array"), key);
      return FALSE;
    }
  if (json_array_get_length (json_node_get_array (node)) > max_length)
    {
      edaad_message_invalid (error, _("“%s” has more than %u elements"), key, max_length);
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
edaad_message_get_object (JsonObject  *object,
                          const char  *key,
                          gboolean     required,
                          guint        max_members,
                          JsonObject **out,
                          GError     **error)
{
  JsonNode *node = present_member (object, key);

  if (node == NULL)
    return absent (key, required, error);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      edaad_message_invalid (error, _("“%s” must be an object"), key);
      return FALSE;
    }
  if (json_object_get_size (json_node_get_object (node)) > max_members)
    {
      edaad_message_invalid (error, _("“%s” has more than %u members"), key, max_members);
      return FALSE;
    }
  *out = json_node_get_object (node);
  return TRUE;
}

char *
edaad_message_object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return edaad_json_to_string (node);
}
