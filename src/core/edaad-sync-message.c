/* edaad-sync-message.c — the POST /v1/sync request and answer: strict parsing, serialising. */
#define G_LOG_DOMAIN "edaad-sync-message"

#include "config.h"

#include "edaad-sync-message.h"

#include "edaad-json-writer.h"
#include "edaad-record-codec.h"
#include "edaad-sync-message-private.h"
#include "edaad-uuid.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_TYPE_CHARS 40
#define MAX_REASON_CHARS 2000
#define MAX_SCOPE_NAME_CHARS 500

static const char * const op_names[] = { "create", "update", "delete", NULL };
static const char * const status_names[] = { "applied", "merged", "conflict", "duplicate", "rejected", NULL };
static const char * const scope_kinds[] = { "programme", "institution", "person", NULL };

static int
name_index (const char * const *names,
            const char          *text)
{
  if (text == NULL)
    return -1;
  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], text) == 0)
      return i;
  return -1;
}

const char *
edaad_sync_op_to_string (EdaadSyncOp op)
{
  g_return_val_if_fail (op <= EDAAD_SYNC_OP_DELETE, NULL);
  return op_names[op];
}

int
edaad_sync_op_from_string (const char *text)
{
  return name_index (op_names, text);
}

const char *
edaad_sync_status_to_string (EdaadSyncStatus status)
{
  g_return_val_if_fail (status <= EDAAD_SYNC_STATUS_REJECTED, NULL);
  return status_names[status];
}

int
edaad_sync_status_from_string (const char *text)
{
  return name_index (status_names, text);
}

/* Re-raises `local` (any domain) as INVALID, its message prefixed with a JSON path. */
static void
invalid_at (GError     **error,
            const char  *path,
            GError      *local)
{
  edaad_message_invalid (error, "%s: %s", path, local->message);
}

/* ---- mutations ---- */

EdaadMutation *
edaad_mutation_new (void)
{
  EdaadMutation *mutation = g_new0 (EdaadMutation, 1);

  mutation->changes = json_object_new ();
  return mutation;
}

void
edaad_mutation_free (EdaadMutation *mutation)
{
  if (mutation == NULL)
    return;
  g_free (mutation->mutation_id);
  g_free (mutation->id);
  g_free (mutation->scope);
  g_clear_pointer (&mutation->changes, json_object_unref);
  g_clear_pointer (&mutation->base, json_object_unref);
  g_free (mutation);
}

/* Checks every value of `fields` against the kind through the record codec. */
static gboolean
check_fields (const EdaadKindSpec  *kind,
              JsonObject           *fields,
              GError              **error)
{
  g_autoptr(EdaadRecord) scratch = edaad_record_new (kind);

  return edaad_record_set_fields_from_json (scratch, fields, error);
}

static EdaadMutation *
mutation_from_json (JsonNode  *node,
                    GError   **error)
{
  g_autoptr(EdaadMutation) mutation = edaad_mutation_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonObject *changes = NULL;
  JsonObject *base = NULL;
  const char *mutation_id, *type, *id, *op, *scope = NULL;
  int op_index;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      edaad_message_invalid (error, "%s", _("A mutation must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!edaad_message_get_int (object, "seq", TRUE, 1, G_MAXINT64, &mutation->seq, error) ||
      !edaad_message_get_uuid (object, "mutation_id", TRUE, &mutation_id, error) ||
      !edaad_message_get_string (object, "type", TRUE, MAX_TYPE_CHARS, &type, error) ||
      !edaad_message_get_uuid (object, "id", TRUE, &id, error) ||
      !edaad_message_get_string (object, "op", TRUE, MAX_TYPE_CHARS, &op, error))
    return NULL;

  mutation->kind = edaad_schema_lookup_kind (type);
  if (mutation->kind == NULL)
    {
      edaad_message_invalid (error, _("Unknown record type “%s”"), type);
      return NULL;
    }
  op_index = edaad_sync_op_from_string (op);
  if (op_index < 0)
    {
      edaad_message_invalid (error, _("“op” must be create, update or delete, not “%s”"), op);
      return NULL;
    }
  mutation->op = (EdaadSyncOp) op_index;
  mutation->mutation_id = g_strdup (mutation_id);
  mutation->id = g_strdup (id);

  if (!edaad_message_get_uuid (object, "scope", mutation->op == EDAAD_SYNC_OP_CREATE, &scope, error))
    return NULL;
  if (mutation->op != EDAAD_SYNC_OP_CREATE && scope != NULL)
    {
      edaad_message_invalid (error, "%s", _("“scope” is sent with create only"));
      return NULL;
    }
  mutation->scope = g_strdup (scope);

  if (!edaad_message_get_int (object, "base_version", mutation->op != EDAAD_SYNC_OP_CREATE,
                              0, G_MAXINT64, &mutation->base_version, error))
    return NULL;

  if (!edaad_message_get_object (object, "changes", mutation->op != EDAAD_SYNC_OP_DELETE,
                                 EDAAD_SYNC_MAX_FIELDS, &changes, error) ||
      !edaad_message_get_object (object, "base", FALSE, EDAAD_SYNC_MAX_FIELDS, &base, error))
    return NULL;

  if (mutation->op == EDAAD_SYNC_OP_DELETE &&
      ((changes != NULL && json_object_get_size (changes) > 0) ||
       (base != NULL && json_object_get_size (base) > 0)))
    {
      edaad_message_invalid (error, "%s", _("A delete carries no “changes” or “base”"));
      return NULL;
    }

  if (changes != NULL)
    {
      if (!check_fields (mutation->kind, changes, &local_error))
        {
          invalid_at (error, "changes", local_error);
          return NULL;
        }
      g_clear_pointer (&mutation->changes, json_object_unref);
      mutation->changes = json_object_ref (changes);
    }

  if (base != NULL && mutation->op != EDAAD_SYNC_OP_DELETE)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      if (!check_fields (mutation->kind, base, &local_error))
        {
          invalid_at (error, "base", local_error);
          return NULL;
        }
      json_object_iter_init_ordered (&iter, base);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!json_object_has_member (mutation->changes, name))
          {
            edaad_message_invalid (error, _("“base” names “%s”, which is not in “changes”"), name);
            return NULL;
          }
      mutation->base = json_object_ref (base);
    }

  return g_steal_pointer (&mutation);
}

static JsonNode *
mutation_to_json (const EdaadMutation *mutation)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "seq", mutation->seq);
  json_object_set_string_member (object, "mutation_id", mutation->mutation_id);
  json_object_set_string_member (object, "type", mutation->kind->name);
  json_object_set_string_member (object, "id", mutation->id);
  json_object_set_string_member (object, "op", edaad_sync_op_to_string (mutation->op));
  if (mutation->op == EDAAD_SYNC_OP_CREATE)
    json_object_set_string_member (object, "scope", mutation->scope);
  json_object_set_int_member (object, "base_version", mutation->base_version);
  json_object_set_object_member (object, "changes",
                                 mutation->changes != NULL ? json_object_ref (mutation->changes) : json_object_new ());
  if (mutation->base != NULL)
    json_object_set_object_member (object, "base", json_object_ref (mutation->base));

  json_node_take_object (node, object);
  return node;
}

/* ---- request ---- */

EdaadSyncRequest *
edaad_sync_request_new (void)
{
  EdaadSyncRequest *request = g_new0 (EdaadSyncRequest, 1);

  request->pull_limit = EDAAD_SYNC_DEFAULT_PULL_LIMIT;
  request->push = g_ptr_array_new_with_free_func ((GDestroyNotify) edaad_mutation_free);
  return request;
}

void
edaad_sync_request_free (EdaadSyncRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->device_id);
  g_free (request->cursor);
  g_clear_pointer (&request->push, g_ptr_array_unref);
  g_free (request);
}

EdaadSyncRequest *
edaad_sync_request_parse (const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(EdaadSyncRequest) request = edaad_sync_request_new ();
  g_autoptr(JsonObject) object = NULL;
  const char *device_id, *cursor = NULL;
  gint64 pull_limit = EDAAD_SYNC_DEFAULT_PULL_LIMIT;
  JsonArray *push = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  object = edaad_message_parse_object (data, length, EDAAD_SYNC_MAX_REQUEST_BYTES, error);
  if (object == NULL)
    return NULL;

  if (!edaad_message_get_uuid (object, "device_id", TRUE, &device_id, error) ||
      !edaad_message_get_string (object, "cursor", FALSE, EDAAD_SYNC_MAX_CURSOR_BYTES, &cursor, error) ||
      !edaad_message_get_int (object, "pull_limit", FALSE, 1, G_MAXINT64, &pull_limit, error) ||
      !edaad_message_get_array (object, "push", FALSE, EDAAD_SYNC_MAX_MUTATIONS, &push, error))
    return NULL;
  if (cursor != NULL && strlen (cursor) > EDAAD_SYNC_MAX_CURSOR_BYTES)
    {
      edaad_message_invalid (error, "%s", _("“cursor” is too long"));
      return NULL;
    }

  request->device_id = g_strdup (device_id);
  request->cursor = g_strdup (cursor);
  request->pull_limit = (guint) MIN (pull_limit, EDAAD_SYNC_MAX_PULL_LIMIT);

  for (guint i = 0; push != NULL && i < json_array_get_length (push); i++)
    {
      g_autoptr(GError) local_error = NULL;
      EdaadMutation *mutation = mutation_from_json (json_array_get_element (push, i), &local_error);

      if (mutation == NULL)
        {
          g_autofree char *path = g_strdup_printf ("push[%u]", i);
          invalid_at (error, path, local_error);
          return NULL;
        }
      g_ptr_array_add (request->push, mutation);

      if (i > 0 && mutation->seq <= ((EdaadMutation *) g_ptr_array_index (request->push, i - 1))->seq)
        {
          edaad_message_invalid (error, _("push[%u]: “seq” must be greater than the one before"), i);
          return NULL;
        }
    }

  return g_steal_pointer (&request);
}

JsonNode *
edaad_sync_request_to_json (const EdaadSyncRequest *request)
{
  JsonObject *object;
  JsonArray *push;
  JsonNode *node;

  g_return_val_if_fail (request != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "device_id", request->device_id);
  if (request->cursor != NULL)
    json_object_set_string_member (object, "cursor", request->cursor);
  else
    json_object_set_null_member (object, "cursor");
  json_object_set_int_member (object, "pull_limit", request->pull_limit);
  push = json_array_new ();
  for (guint i = 0; i < request->push->len; i++)
    json_array_add_element (push, mutation_to_json (g_ptr_array_index (request->push, i)));
  json_object_set_array_member (object, "push", push);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

char *
edaad_sync_request_to_string (const EdaadSyncRequest *request)
{
  g_autoptr(JsonNode) node = edaad_sync_request_to_json (request);

  return edaad_json_to_string (node);
}

/* ---- results ---- */

EdaadSyncResult *
edaad_sync_result_new (void)
{
  EdaadSyncResult *result = g_new0 (EdaadSyncResult, 1);

  result->version = -1;
  result->conflicts = g_new0 (char *, 1);
  return result;
}

void
edaad_sync_result_free (EdaadSyncResult *result)
{
  if (result == NULL)
    return;
  g_strfreev (result->conflicts);
  g_free (result->reason);
  g_free (result);
}

static EdaadSyncResult *
result_from_json (JsonNode  *node,
                  GError   **error)
{
  g_autoptr(EdaadSyncResult) result = edaad_sync_result_new ();
  g_autoptr(GStrvBuilder) conflicts = g_strv_builder_new ();
  JsonObject *object;
  JsonArray *array = NULL;
  const char *status, *reason = NULL;
  int status_index;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      edaad_message_invalid (error, "%s", _("A result must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!edaad_message_get_int (object, "seq", TRUE, 1, G_MAXINT64, &result->seq, error) ||
      !edaad_message_get_string (object, "status", TRUE, MAX_TYPE_CHARS, &status, error))
    return NULL;
  status_index = edaad_sync_status_from_string (status);
  if (status_index < 0)
    {
      edaad_message_invalid (error, _("Unknown result status “%s”"), status);
      return NULL;
    }
  result->status = (EdaadSyncStatus) status_index;

  if (!edaad_message_get_int (object, "version",
                              result->status != EDAAD_SYNC_STATUS_REJECTED &&
                              result->status != EDAAD_SYNC_STATUS_DUPLICATE,
                              0, G_MAXINT64, &result->version, error) ||
      !edaad_message_get_string (object, "reason", result->status == EDAAD_SYNC_STATUS_REJECTED,
                                 MAX_REASON_CHARS, &reason, error) ||
      !edaad_message_get_array (object, "conflicts", FALSE, EDAAD_SYNC_MAX_FIELDS + 1, &array, error))
    return NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !edaad_uuid_is_valid (json_node_get_string (element)))
        {
          edaad_message_invalid (error, "%s", _("“conflicts” must hold UUIDs"));
          return NULL;
        }
      g_strv_builder_add (conflicts, json_node_get_string (element));
    }

  g_strfreev (result->conflicts);
  result->conflicts = g_strv_builder_end (conflicts);
  result->reason = g_strdup (reason);
  return g_steal_pointer (&result);
}

static JsonNode *
result_to_json (const EdaadSyncResult *result)
{
  JsonObject *object = json_object_new ();
  JsonArray *conflicts = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "seq", result->seq);
  json_object_set_string_member (object, "status", edaad_sync_status_to_string (result->status));
  if (result->version >= 0)
    json_object_set_int_member (object, "version", result->version);
  for (guint i = 0; result->conflicts != NULL && result->conflicts[i] != NULL; i++)
    json_array_add_string_element (conflicts, result->conflicts[i]);
  json_object_set_array_member (object, "conflicts", conflicts);
  if (result->reason != NULL)
    json_object_set_string_member (object, "reason", result->reason);

  json_node_take_object (node, object);
  return node;
}

/* ---- changes ---- */

EdaadSyncChange *
edaad_sync_change_new_for_record (EdaadRecord *record)
{
  EdaadSyncChange *change;

  g_return_val_if_fail (EDAAD_IS_RECORD (record), NULL);

  change = g_new0 (EdaadSyncChange, 1);
  change->type = g_strdup (edaad_record_get_kind_name (record));
  change->id = g_strdup (edaad_record_get_id (record));
  change->scope = g_strdup (edaad_record_get_scope (record));
  change->version = edaad_record_get_version (record);
  change->deleted = edaad_record_get_deleted (record);
  change->record = g_object_ref (record);
  return change;
}

void
edaad_sync_change_free (EdaadSyncChange *change)
{
  if (change == NULL)
    return;
  g_free (change->type);
  g_free (change->id);
  g_free (change->scope);
  g_clear_object (&change->record);
  g_clear_pointer (&change->extra, json_object_unref);
  g_free (change);
}

static EdaadSyncChange *
change_from_json (JsonNode  *node,
                  GError   **error)
{
  g_autoptr(EdaadSyncChange) change = g_new0 (EdaadSyncChange, 1);
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonObject *fields = NULL;
  const char *type, *id, *scope;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      edaad_message_invalid (error, "%s", _("A record must be a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!edaad_message_get_string (object, "type", TRUE, MAX_TYPE_CHARS, &type, error))
    return NULL;

  if (edaad_schema_lookup_kind (type) != NULL)
    {
      change->record = edaad_record_from_json_full (node, EDAAD_CODEC_KEEP_UNKNOWN, &change->extra, &local_error);
      if (change->record == NULL)
        {
          edaad_message_invalid (error, "%s", local_error->message);
          return NULL;
        }
      change->type = g_strdup (type);
      change->id = g_strdup (edaad_record_get_id (change->record));
      change->scope = g_strdup (edaad_record_get_scope (change->record));
      change->version = edaad_record_get_version (change->record);
      change->deleted = edaad_record_get_deleted (change->record);
      return g_steal_pointer (&change);
    }

  /* A kind from a newer server: kept whole for the store's `extra`. */
  if (!edaad_message_get_uuid (object, "id", TRUE, &id, error) ||
      !edaad_message_get_uuid (object, "scope", TRUE, &scope, error) ||
      !edaad_message_get_int (object, "version", TRUE, 0, G_MAXINT64, &change->version, error) ||
      !edaad_message_get_bool (object, "deleted", TRUE, &change->deleted, error) ||
      !edaad_message_get_object (object, "fields", TRUE, G_MAXUINT, &fields, error))
    return NULL;
  change->type = g_strdup (type);
  change->id = g_strdup (id);
  change->scope = g_strdup (scope);
  change->extra = json_object_ref (fields);
  return g_steal_pointer (&change);
}

static JsonNode *
change_to_json (const EdaadSyncChange *change)
{
  JsonObject *object;
  JsonObject *fields;
  JsonNode *node;

  if (change->record != NULL)
    {
      node = edaad_record_to_json (change->record);
      object = json_node_get_object (node);
      fields = json_object_get_object_member (object, "fields");
    }
  else
    {
      object = json_object_new ();
      json_object_set_string_member (object, "type", change->type);
      json_object_set_string_member (object, "id", change->id);
      json_object_set_string_member (object, "scope", change->scope);
      json_object_set_int_member (object, "version", change->version);
      json_object_set_boolean_member (object, "deleted", change->deleted);
      fields = json_object_new ();
      json_object_set_object_member (object, "fields", fields);
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, object);
    }

  if (change->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, change->extra);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!json_object_has_member (fields, name))
          json_object_set_member (fields, name, json_node_copy (member));
    }

  return node;
}

/* ---- scopes ---- */

EdaadSyncScope *
edaad_sync_scope_new (const char *id,
                      const char *kind,
                      const char *name,
                      gboolean    writable)
{
  EdaadSyncScope *scope = g_new0 (EdaadSyncScope, 1);

  scope->id = g_strdup (id);
  scope->kind = g_strdup (kind);
  scope->name = g_strdup (name);
  scope->writable = writable;
  return scope;
}

void
edaad_sync_scope_free (EdaadSyncScope *scope)
{
  if (scope == NULL)
    return;
  g_free (scope->id);
  g_free (scope->kind);
  g_free (scope->name);
  g_free (scope);
}

GPtrArray *
edaad_sync_scopes_from_json (JsonArray  *array,
                             GError    **error)
{
  g_autoptr(GPtrArray) scopes = g_ptr_array_new_with_free_func ((GDestroyNotify) edaad_sync_scope_free);

  g_return_val_if_fail (array != NULL, NULL);

  if (json_array_get_length (array) > EDAAD_SYNC_MAX_SCOPES)
    {
      edaad_message_invalid (error, _("“scopes” has more than %u elements"), EDAAD_SYNC_MAX_SCOPES);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *path = g_strdup_printf ("scopes[%u]", i);
      const char *id = NULL, *kind = NULL, *name = NULL;
      gboolean writable = FALSE;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          edaad_message_invalid (error, _("%s must be an object"), path);
          return NULL;
        }
      object = json_node_get_object (node);
      if (!edaad_message_get_uuid (object, "id", TRUE, &id, &local_error) ||
          !edaad_message_get_string (object, "kind", TRUE, MAX_TYPE_CHARS, &kind, &local_error) ||
          !edaad_message_get_string (object, "name", TRUE, MAX_SCOPE_NAME_CHARS, &name, &local_error) ||
          !edaad_message_get_bool (object, "writable", TRUE, &writable, &local_error))
        {
          invalid_at (error, path, local_error);
          return NULL;
        }
      if (name_index (scope_kinds, kind) < 0)
        {
          edaad_message_invalid (error, _("%s: unknown scope kind “%s”"), path, kind);
          return NULL;
        }
      g_ptr_array_add (scopes, edaad_sync_scope_new (id, kind, name, writable));
    }

  return g_steal_pointer (&scopes);
}

JsonArray *
edaad_sync_scopes_to_json (GPtrArray *scopes)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; scopes != NULL && i < scopes->len; i++)
    {
      const EdaadSyncScope *scope = g_ptr_array_index (scopes, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", scope->id);
      json_object_set_string_member (object, "kind", scope->kind);
      json_object_set_string_member (object, "name", scope->name);
      json_object_set_boolean_member (object, "writable", scope->writable);
      json_array_add_object_element (array, object);
    }

  return array;
}

/* ---- answer ---- */

EdaadSyncAnswer *
edaad_sync_answer_new (void)
{
  EdaadSyncAnswer *answer = g_new0 (EdaadSyncAnswer, 1);

  answer->results = g_ptr_array_new_with_free_func ((GDestroyNotify) edaad_sync_result_free);
  answer->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) edaad_sync_change_free);
  answer->scopes = g_ptr_array_new_with_free_func ((GDestroyNotify) edaad_sync_scope_free);
  return answer;
}

void
edaad_sync_answer_free (EdaadSyncAnswer *answer)
{
  if (answer == NULL)
    return;
  g_clear_pointer (&answer->results, g_ptr_array_unref);
  g_clear_pointer (&answer->changes, g_ptr_array_unref);
  g_clear_pointer (&answer->scopes, g_ptr_array_unref);
  g_free (answer->cursor);
  g_free (answer);
}

EdaadSyncAnswer *
edaad_sync_answer_parse (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(EdaadSyncAnswer) answer = edaad_sync_answer_new ();
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  JsonArray *results = NULL, *changes = NULL, *scope_array = NULL;
  const char *cursor = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  object = edaad_message_parse_object (data, length, EDAAD_SYNC_MAX_ANSWER_BYTES, error);
  if (object == NULL)
    return NULL;

  if (!edaad_message_get_int (object, "last_seq", TRUE, 0, G_MAXINT64, &answer->last_seq, error) ||
      !edaad_message_get_array (object, "results", TRUE, EDAAD_SYNC_MAX_MUTATIONS, &results, error) ||
      !edaad_message_get_array (object, "changes", TRUE, EDAAD_SYNC_MAX_PULL_LIMIT, &changes, error) ||
      !edaad_message_get_string (object, "cursor", FALSE, EDAAD_SYNC_MAX_CURSOR_BYTES, &cursor, error) ||
      !edaad_message_get_bool (object, "has_more", TRUE, &answer->has_more, error) ||
      !edaad_message_get_int (object, "remaining", TRUE, 0, G_MAXINT64, &answer->remaining, error) ||
      !edaad_message_get_array (object, "scopes", TRUE, EDAAD_SYNC_MAX_SCOPES, &scope_array, error))
    return NULL;
  if (!json_object_has_member (object, "cursor"))
    {
      edaad_message_invalid (error, _("“%s” is missing"), "cursor");
      return NULL;
    }
  answer->cursor = g_strdup (cursor);

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      g_autoptr(GError) local_error = NULL;
      EdaadSyncResult *result = result_from_json (json_array_get_element (results, i), &local_error);

      if (result == NULL)
        {
          g_autofree char *path = g_strdup_printf ("results[%u]", i);
          invalid_at (error, path, local_error);
          return NULL;
        }
      g_ptr_array_add (answer->results, result);
    }

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      g_autoptr(GError) local_error = NULL;
      EdaadSyncChange *change = change_from_json (json_array_get_element (changes, i), &local_error);

      if (change == NULL)
        {
          g_autofree char *path = g_strdup_printf ("changes[%u]", i);
          invalid_at (error, path, local_error);
          return NULL;
        }
      g_ptr_array_add (answer->changes, change);
    }

  scopes = edaad_sync_scopes_from_json (scope_array, error);
  if (scopes == NULL)
    return NULL;
  g_ptr_array_unref (answer->scopes);
  answer->scopes = g_steal_pointer (&scopes);

  return g_steal_pointer (&answer);
}

JsonNode *
edaad_sync_answer_to_json (const EdaadSyncAnswer *answer)
{
  JsonObject *object;
  JsonArray *results, *changes;
  JsonNode *node;

  g_return_val_if_fail (answer != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "last_seq", answer->last_seq);
  results = json_array_new ();
  for (guint i = 0; i < answer->results->len; i++)
    json_array_add_element (results, result_to_json (g_ptr_array_index (answer->results, i)));
  json_object_set_array_member (object, "results", results);
  changes = json_array_new ();
  for (guint i = 0; i < answer->changes->len; i++)
    json_array_add_element (changes, change_to_json (g_ptr_array_index (answer->changes, i)));
  json_object_set_array_member (object, "changes", changes);
  if (answer->cursor != NULL)
    json_object_set_string_member (object, "cursor", answer->cursor);
  else
    json_object_set_null_member (object, "cursor");
  json_object_set_boolean_member (object, "has_more", answer->has_more);
  json_object_set_int_member (object, "remaining", answer->remaining);
  json_object_set_array_member (object, "scopes", edaad_sync_scopes_to_json (answer->scopes));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

char *
edaad_sync_answer_to_string (const EdaadSyncAnswer *answer)
{
  g_autoptr(JsonNode) node = edaad_sync_answer_to_json (answer);

  return edaad_json_to_string (node);
}
