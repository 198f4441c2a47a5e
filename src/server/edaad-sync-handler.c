/* edaad-sync-handler.c — the server rules of DESIGN.md §5.
 *
 * One writing transaction per request.  It first locks the device row (two requests from one
 * device run one after the other), checks every seq against device.last_seq and the
 * mutation_log, then locks every scope the push writes, in id order, so that concurrent
 * pushes never deadlock and each scope's version counter is held until commit.  Each
 * mutation runs in a SAVEPOINT: a rejected one does not sink the batch.  Its result goes to
 * mutation_log in the same transaction as the data, so a retry gets it back as `duplicate`. */
#define G_LOG_DOMAIN "edaad-sync-handler"

#include "config.h"

#include "edaad-sync-handler.h"

#include "edaad-access.h"
#include "edaad-auth.h"
#include "edaad-json-writer.h"
#include "edaad-pull.h"
#include "edaad-record-codec.h"
#include "edaad-record-rows.h"
#include "edaad-sync-message.h"
#include "edaad-uuid.h"
#include "edaad-validate.h"

#include <string.h>

#define MAX_ATTEMPTS 5
#define BY_USER_MAX_CHARS 200

typedef struct
{
  gint64           seq;
  EdaadSyncStatus  status;
  gint64           version;    /* -1: none */
  GPtrArray       *conflicts;  /* of char*, UUIDs */
  char            *reason;
} Result;

static Result *
result_new (gint64 seq)
{
  Result *r = g_new0 (Result, 1);
  r->seq = seq;
  r->version = -1;
  r->conflicts = g_ptr_array_new_with_free_func (g_free);
  return r;
}

static void
result_free (Result *r)
{
  g_ptr_array_unref (r->conflicts);
  g_free (r->reason);
  g_free (r);
}

static void
result_reject (Result     *r,
               const char *reason)
{
  r->status = EDAAD_SYNC_STATUS_REJECTED;
  r->version = -1;
  g_ptr_array_set_size (r->conflicts, 0);
  g_free (r->reason);
  r->reason = g_strdup (reason);
}

static JsonObject *
result_to_object (const Result *r,
                  gboolean      with_seq)
{
  JsonObject *object = json_object_new ();
  JsonArray *conflicts = json_array_new ();

  if (with_seq)
    json_object_set_int_member (object, "seq", r->seq);
  json_object_set_string_member (object, "status", edaad_sync_status_to_string (r->status));
  if (r->version >= 0)
    json_object_set_int_member (object, "version", r->version);
  for (guint i = 0; i < r->conflicts->len; i++)
    json_array_add_string_element (conflicts, g_ptr_array_index (r->conflicts, i));
  json_object_set_array_member (object, "conflicts", conflicts);
  if (r->reason != NULL)
    json_object_set_string_member (object, "reason", r->reason);
  return object;
}

typedef enum
{
  PUSH_OK,
  PUSH_RETRY,
  PUSH_SEQ_GAP,
  PUSH_DEVICE_RESET,
  PUSH_UNAVAILABLE,
} PushOutcome;

typedef struct
{
  const EdaadServerConfig *config;
  EdaadPg *pg;
  const EdaadSession *session;
  GPtrArray *scopes;         /* EdaadScopeInfo the user reads */
  const char **scope_ids;    /* the same ids, NULL-terminated */
  const char *device_id;
  EdaadSyncRequest *request;
  GPtrArray *results;        /* Result, one per mutation */
  gint64 last_seq;
} Push;

/* ---- values ---- */

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  if (is_null (a) || is_null (b))
    return is_null (a) && is_null (b);
  if (JSON_NODE_HOLDS_VALUE (a) && JSON_NODE_HOLDS_VALUE (b))
    {
      GType ta = json_node_get_value_type (a), tb = json_node_get_value_type (b);
      gboolean na = ta == G_TYPE_INT64 || ta == G_TYPE_DOUBLE;
      gboolean nb = tb == G_TYPE_INT64 || tb == G_TYPE_DOUBLE;

      if (na && nb)
        {
          if (ta == G_TYPE_INT64 && tb == G_TYPE_INT64)
            return json_node_get_int (a) == json_node_get_int (b);
          return json_node_get_double (a) == json_node_get_double (b);
        }
      if (ta != tb)
        return FALSE;
      if (ta == G_TYPE_STRING)
        return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
      if (ta == G_TYPE_BOOLEAN)
        return json_node_get_boolean (a) == json_node_get_boolean (b);
    }
  return json_node_equal (a, b);
}

/* Sets `name` to a copy of `value` in `fields`, or removes it for null. */
static void
set_field (JsonObject *fields,
           const char *name,
           JsonNode   *value)
{
  if (is_null (value))
    json_object_remove_member (fields, name);
  else
    json_object_set_member (fields, name, json_node_copy (value));
}

static JsonObject *
copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) members = object != NULL ? json_object_get_members (object) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (object, l->data)));
  return copy;
}

static JsonNode *
object_node (JsonObject *object)
{
  return object != NULL ? json_node_init_object (json_node_alloc (), object) : NULL;
}

/* ---- conflicts ---- */

typedef struct
{
  const char *kind;       /* field, edit_on_deleted, delete_of_modified, parent_deleted */
  const char *field;      /* or NULL */
  JsonNode   *base;       /* owned copies, or NULL */
  JsonNode   *mine;
  JsonNode   *theirs;
} PendingConflict;

static void
pending_conflict_free (PendingConflict *c)
{
  g_clear_pointer (&c->base, json_node_unref);
  g_clear_pointer (&c->mine, json_node_unref);
  g_clear_pointer (&c->theirs, json_node_unref);
  g_free (c);
}

static void
add_pending (GPtrArray  *pending,
             const char *kind,
             const char *field,
             JsonNode   *base,
             JsonNode   *mine,
             JsonNode   *theirs)
{
  PendingConflict *c = g_new0 (PendingConflict, 1);

  c->kind = kind;
  c->field = field;
  c->base = is_null (base) ? NULL : json_node_copy (base);
  c->mine = is_null (mine) ? NULL : json_node_copy (mine);
  c->theirs = is_null (theirs) ? NULL : json_node_copy (theirs);
  g_ptr_array_add (pending, c);
}

static char *
truncate_chars (const char *text,
                glong       max_chars)
{
  if (text == NULL)
    return NULL;
  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  return g_utf8_substring (text, 0, max_chars);
}

/* Writes the conflict records, in the scope of the record they are about. */
static gboolean
write_conflicts (Push          *push,
                 EdaadMutation *m,
                 const char    *scope_id,
                 const char    *theirs_by,
                 GPtrArray     *pending,
                 Result        *result,
                 GError       **error)
{
  g_autofree char *by_user = truncate_chars (theirs_by, BY_USER_MAX_CHARS);

  for (guint i = 0; i < pending->len; i++)
    {
      PendingConflict *c = g_ptr_array_index (pending, i);
      g_autoptr(JsonObject) fields = json_object_new ();
      g_autofree char *id = edaad_uuid_new ();

      json_object_set_string_member (fields, "record_type", m->kind->name);
      json_object_set_string_member (fields, "record_id", m->id);
      if (c->field != NULL)
        json_object_set_string_member (fields, "field", c->field);
      json_object_set_string_member (fields, "kind", c->kind);
      if (c->base != NULL)
        json_object_set_member (fields, "base", json_node_copy (c->base));
      if (c->mine != NULL)
        json_object_set_member (fields, "mine", json_node_copy (c->mine));
      if (c->theirs != NULL)
        json_object_set_member (fields, "theirs", json_node_copy (c->theirs));
      if (by_user != NULL)
        json_object_set_string_member (fields, "by_user", by_user);
      json_object_set_boolean_member (fields, "resolved", FALSE);

      if (!edaad_record_row_insert (push->pg, scope_id, "conflict", id, NULL, fields,
                                    m->mutation_id, push->session->person_id, NULL, error))
        return FALSE;
      g_ptr_array_add (result->conflicts, g_steal_pointer (&id));
    }
  return TRUE;
}

/* Children written under a deleted parent are kept, with a parent_deleted conflict. */
static gboolean
check_parents (Push           *push,
               EdaadMutation  *m,
               JsonObject     *fields,
               GPtrArray      *pending,
               GError        **error)
{
  if (m->kind->append_only)
    return TRUE;
  for (guint i = 0; i < m->kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &m->kind->fields[i];
      JsonNode *value;
      g_autoptr(EdaadRecordRow) parent = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(field->flags & EDAAD_FIELD_PARENT) || field->ref_kind == NULL)
        continue;
      value = json_object_get_member (fields, field->name);
      if (is_null (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        continue;
      parent = edaad_record_row_find (push->pg, field->ref_kind, json_node_get_string (value),
                                      push->scope_ids, FALSE, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (parent != NULL && parent->deleted)
        add_pending (pending, "parent_deleted", field->name, NULL, NULL, NULL);
    }
  return TRUE;
}

static const char *
parent_id_of (const EdaadKindSpec *kind,
              JsonObject          *fields)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & EDAAD_FIELD_PARENT)
      {
        JsonNode *value = json_object_get_member (fields, kind->fields[i].name);
        if (!is_null (value) && json_node_get_value_type (value) == G_TYPE_STRING)
          return json_node_get_string (value);
      }
  return NULL;
}

/* The merged record must still be valid as a whole (required fields, date order). */
static gboolean
merged_is_valid (EdaadMutation *m,
                 const char    *scope,
                 JsonObject    *fields,
                 char         **reason)
{
  g_autoptr(EdaadRecord) record = edaad_record_new (m->kind);
  g_autoptr(GError) error = NULL;

  edaad_record_set_id (record, m->id);
  edaad_record_set_scope (record, scope);
  if (!edaad_record_set_fields_from_json (record, fields, &error) ||
      !edaad_validate_record (record, &error))
    {
      *reason = g_strdup_printf ("invalid: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Leaders never write fields reserved to the programme office. */
static gboolean
touches_office_fields (const EdaadSession *session,
                       EdaadMutation      *m)
{
  g_autoptr(GList) members = NULL;

  if (session->office)
    return FALSE;
  members = json_object_get_members (m->changes);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const EdaadFieldSpec *field = edaad_kind_lookup_field (m->kind, l->data);
      if (field != NULL && (field->flags & EDAAD_FIELD_OFFICE_ONLY))
        return TRUE;
    }
  return FALSE;
}

/* update (or a create of a record that already exists) against `row`. */
static gboolean
apply_update (Push            *push,
              EdaadMutation   *m,
              EdaadRecordRow  *row,
              gint64           base_version,
              Result          *result,
              GError         **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_conflict_free);
  g_autoptr(JsonObject) next = NULL;
  g_autoptr(GList) members = NULL;
  gboolean any_applied = FALSE;
  gboolean fast = m->kind->append_only || base_version == row->version;
  g_autofree char *reason = NULL;

  if (row->deleted)
    {
      if (m->kind->append_only)
        {
          result_reject (result, "deleted");
          return TRUE;
        }
      add_pending (pending, "edit_on_deleted", NULL, object_node (m->base), object_node (m->changes), NULL);
      result->status = EDAAD_SYNC_STATUS_CONFLICT;
      result->version = row->version;
      return write_conflicts (push, m, row->scope_id, row->updated_by_name, pending, result, error);
    }

  next = copy_object (row->fields);
  members = json_object_get_members (m->changes);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *mine = json_object_get_member (m->changes, name);
      JsonNode *current = json_object_get_member (row->fields, name);
      JsonNode *base;

      if (fast)
        {
          if (!values_equal (current, mine))
            {
              set_field (next, name, mine);
              any_applied = TRUE;
            }
          continue;
        }
      if (values_equal (current, mine))
        continue;
      base = m->base != NULL ? json_object_get_member (m->base, name) : NULL;
      if (m->base != NULL && json_object_has_member (m->base, name) && values_equal (current, base))
        {
          set_field (next, name, mine);
          any_applied = TRUE;
        }
      else
        add_pending (pending, "field", edaad_kind_lookup_field (m->kind, name)->name, base, mine, current);
    }

  if (any_applied && !merged_is_valid (m, row->scope_id, next, &reason))
    {
      result_reject (result, reason);
      return TRUE;
    }

  result->status = fast ? EDAAD_SYNC_STATUS_APPLIED
                 : (!any_applied && pending->len > 0) ? EDAAD_SYNC_STATUS_CONFLICT
                 : EDAAD_SYNC_STATUS_MERGED;
  result->version = row->version;

  if (any_applied)
    {
      if (!check_parents (push, m, next, pending, error) ||
          !edaad_record_row_update (push->pg, row->scope_id, row->id, parent_id_of (m->kind, next), next,
                                    FALSE, push->session->person_id, &result->version, error))
        return FALSE;
    }
  return write_conflicts (push, m, row->scope_id, row->updated_by_name, pending, result, error);
}

static gboolean
apply_create (Push           *push,
              EdaadMutation  *m,
              Result         *result,
              GError        **error)
{
  EdaadScopeInfo *scope = edaad_access_find_scope (push->scopes, m->scope);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_conflict_free);
  g_autoptr(EdaadRecordRow) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *one_scope[2] = { NULL, NULL };

  /* A scope the user does not read answers like one that does not exist. */
  if (scope == NULL)
    {
      result_reject (result, "not_found");
      return TRUE;
    }
  if (m->kind->scope == EDAAD_SCOPE_SAME_AS_RECORD || !edaad_access_can_write (push->session, scope, m->kind) ||
      touches_office_fields (push->session, m))
    {
      result_reject (result, "forbidden");
      return TRUE;
    }

  one_scope[0] = scope->id;
  existing = edaad_record_row_find (push->pg, m->kind->name, m->id, one_scope, TRUE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    return apply_update (push, m, existing, -1, result, error);

  if (!check_parents (push, m, m->changes, pending, error))
    return FALSE;
  if (!edaad_record_row_insert (push->pg, scope->id, m->kind->name, m->id, parent_id_of (m->kind, m->changes),
                                m->changes, m->mutation_id, push->session->person_id, &result->version,
                                &local_error))
    {
      if (g_error_matches (local_error, EDAAD_PG_ERROR, EDAAD_PG_ERROR_UNIQUE))
        {
          /* The id belongs to a record of another kind in this scope. */
          result_reject (result, "id_in_use");
          g_set_error_literal (error, EDAAD_PG_ERROR, EDAAD_PG_ERROR_UNIQUE, "id in use");
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  result->status = EDAAD_SYNC_STATUS_APPLIED;
  return write_conflicts (push, m, scope->id, NULL, pending, result, error);
}

static gboolean
apply_delete (Push            *push,
              EdaadMutation   *m,
              EdaadRecordRow  *row,
              Result          *result,
              GError         **error)
{
  g_autoptr(GPtrArray) pending = NULL;

  if (row->deleted)
    {
      result->status = EDAAD_SYNC_STATUS_APPLIED;
      result->version = row->version;
      return TRUE;
    }
  if (m->kind->append_only || m->base_version == row->version)
    {
      result->status = EDAAD_SYNC_STATUS_APPLIED;
      return edaad_record_row_update (push->pg, row->scope_id, row->id, row->parent_id, row->fields, TRUE,
                                      push->session->person_id, &result->version, error);
    }

  /* Changed since the client saw it: keep it, and let people decide. */
  pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_conflict_free);
  {
    g_autoptr(JsonNode) theirs = object_node (row->fields);
    g_autoptr(JsonNode) base = object_node (m->base);
    add_pending (pending, "delete_of_modified", NULL, base, NULL, theirs);
  }
  result->status = EDAAD_SYNC_STATUS_CONFLICT;
  result->version = row->version;
  return write_conflicts (push, m, row->scope_id, row->updated_by_name, pending, result, error);
}

/* One mutation; FALSE only for a database error (the caller rolls back its savepoint). */
static gboolean
apply_mutation (Push           *push,
                EdaadMutation  *m,
                Result         *result,
                GError        **error)
{
  g_autoptr(EdaadRecordRow) row = NULL;
  g_autoptr(GError) local_error = NULL;
  EdaadScopeInfo *scope;

  if (m->op == EDAAD_SYNC_OP_CREATE)
    return apply_create (push, m, result, error);

  row = edaad_record_row_find (push->pg, m->kind->name, m->id, push->scope_ids, TRUE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (row == NULL)
    {
      result_reject (result, "not_found");
      return TRUE;
    }
  scope = edaad_access_find_scope (push->scopes, row->scope_id);
  if (scope == NULL || !edaad_access_can_write (push->session, scope, m->kind) ||
      touches_office_fields (push->session, m))
    {
      result_reject (result, "forbidden");
      return TRUE;
    }

  if (m->op == EDAAD_SYNC_OP_DELETE)
    return apply_delete (push, m, row, result, error);
  return apply_update (push, m, row, m->base_version, result, error);
}

/* ---- the push transaction ---- */

static gboolean
is_fatal (const GError *error)
{
  return g_error_matches (error, EDAAD_PG_ERROR, EDAAD_PG_ERROR_RETRY) ||
         g_error_matches (error, EDAAD_PG_ERROR, EDAAD_PG_ERROR_CONNECTION);
}

static PushOutcome
fail (Push    *push,
      GError  *error)
{
  PushOutcome outcome = g_error_matches (error, EDAAD_PG_ERROR, EDAAD_PG_ERROR_RETRY)
                        ? PUSH_RETRY : PUSH_UNAVAILABLE;

  if (outcome == PUSH_UNAVAILABLE)
    g_warning ("Push failed: %s", error->message);
  edaad_pg_rollback (push->pg);
  return outcome;
}

/* Locks, in id order, every scope the push may write, so that pushes never deadlock. */
static gboolean
lock_scopes (Push       *push,
             GPtrArray  *todo,
             GError    **error)
{
  g_autoptr(GString) ids = g_string_new ("{");
  g_autoptr(GString) scopes = g_string_new ("{");
  g_autoptr(GString) readable = g_string_new ("{");
  const char *params[3];
  gboolean any_id = FALSE, any_scope = FALSE;

  for (guint i = 0; i < todo->len; i++)
    {
      EdaadMutation *m = g_ptr_array_index (todo, i);
      if (m->op == EDAAD_SYNC_OP_CREATE)
        {
          if (edaad_access_find_scope (push->scopes, m->scope) == NULL)
            continue;
          g_string_append_printf (scopes, "%s%s", any_scope ? "," : "", m->scope);
          any_scope = TRUE;
        }
      else
        {
          g_string_append_printf (ids, "%s%s", any_id ? "," : "", m->id);
          any_id = TRUE;
        }
    }
  for (guint i = 0; push->scope_ids[i] != NULL; i++)
    g_string_append_printf (readable, "%s%s", i > 0 ? "," : "", push->scope_ids[i]);
  g_string_append_c (ids, '}');
  g_string_append_c (scopes, '}');
  g_string_append_c (readable, '}');

  params[0] = scopes->str;
  params[1] = ids->str;
  params[2] = readable->str;
  return edaad_pg_run (push->pg,
                       "SELECT id FROM scope WHERE id = ANY ($1::uuid[]) OR id IN "
                       "(SELECT scope_id FROM record WHERE id = ANY ($2::uuid[]) AND scope_id = ANY ($3::uuid[])) "
                       "ORDER BY id FOR UPDATE", 3, params, error);
}

static PushOutcome
run_push (Push *push)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) device = NULL;
  g_autoptr(PGresult) logged = NULL;
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();
  GPtrArray *push_list = push->request->push;
  g_autofree char *last_text = NULL;
  g_autofree char *first_text = NULL;
  const char *params[6];
  gint64 last_seq, expected;

  g_ptr_array_set_size (push->results, 0);

  if (!edaad_pg_begin (push->pg, &error))
    return fail (push, error);

  params[0] = push->session->person_id;
  params[1] = push->device_id;
  if (!edaad_pg_run (push->pg, "INSERT INTO device (person_id, id) VALUES ($1::uuid, $2::uuid) "
                               "ON CONFLICT (person_id, id) DO NOTHING", 2, params, &error))
    return fail (push, error);
  device = edaad_pg_query (push->pg, "SELECT last_seq FROM device WHERE person_id = $1::uuid AND id = $2::uuid "
                                     "FOR UPDATE", 2, params, &error);
  if (device == NULL)
    return fail (push, error);
  last_seq = edaad_pg_value_int (device, 0, 0);
  push->last_seq = last_seq;

  /* Every seq at or below last_seq must be in the log with the same mutation id. */
  last_text = g_strdup_printf ("%" G_GINT64_FORMAT, last_seq);
  first_text = g_strdup_printf ("%" G_GINT64_FORMAT, ((EdaadMutation *) g_ptr_array_index (push_list, 0))->seq);
  params[2] = last_text;
  params[3] = first_text;
  logged = edaad_pg_query (push->pg, "SELECT seq, mutation_id, result::text FROM mutation_log "
                                     "WHERE person_id = $1::uuid AND device_id = $2::uuid AND seq <= $3::bigint "
                                     "AND seq >= $4::bigint", 4, params, &error);
  if (logged == NULL)
    return fail (push, error);

  expected = last_seq + 1;
  for (guint i = 0; i < push_list->len; i++)
    {
      EdaadMutation *m = g_ptr_array_index (push_list, i);
      Result *result = result_new (m->seq);

      g_ptr_array_add (push->results, result);
      if (m->seq <= last_seq)
        {
          int row = -1;
          g_autoptr(JsonParser) parser = NULL;

          for (int k = 0; k < PQntuples (logged); k++)
            if (edaad_pg_value_int (logged, k, 0) == m->seq)
              row = k;
          if (row < 0 || g_ascii_strcasecmp (edaad_pg_value (logged, row, 1), m->mutation_id) != 0)
            {
              edaad_pg_rollback (push->pg);
              return PUSH_DEVICE_RESET;
            }
          parser = json_parser_new_immutable ();
          result->status = EDAAD_SYNC_STATUS_DUPLICATE;
          if (json_parser_load_from_data (parser, edaad_pg_value (logged, row, 2), -1, NULL))
            {
              JsonObject *stored = json_node_get_object (json_parser_get_root (parser));
              JsonArray *conflicts = json_object_get_array_member (stored, "conflicts");
              result->version = json_object_get_int_member_with_default (stored, "version", -1);
              for (guint k = 0; conflicts != NULL && k < json_array_get_length (conflicts); k++)
                g_ptr_array_add (result->conflicts, g_strdup (json_array_get_string_element (conflicts, k)));
            }
          continue;
        }
      if (m->seq != expected)
        {
          edaad_pg_rollback (push->pg);
          return PUSH_SEQ_GAP;
        }
      expected++;
      g_ptr_array_add (todo, m);
    }

  if (todo->len > 0 && !lock_scopes (push, todo, &error))
    return fail (push, error);

  for (guint i = 0, r = 0; i < todo->len; i++)
    {
      EdaadMutation *m = g_ptr_array_index (todo, i);
      Result *result;
      g_autofree char *seq_text = NULL;
      g_autofree char *result_text = NULL;
      g_autoptr(JsonObject) result_object = NULL;
      g_autoptr(JsonNode) result_node = NULL;

      while (((Result *) g_ptr_array_index (push->results, r))->seq != m->seq)
        r++;
      result = g_ptr_array_index (push->results, r);

      if (!edaad_pg_savepoint (push->pg, &error))
        return fail (push, error);
      if (!apply_mutation (push, m, result, &error))
        {
          if (is_fatal (error))
            return fail (push, error);
          if (result->status != EDAAD_SYNC_STATUS_REJECTED)
            {
              g_warning ("A mutation failed: %s", error->message);
              result_reject (result, "failed");
            }
          g_clear_error (&error);
          if (!edaad_pg_rollback_to (push->pg, &error))
            return fail (push, error);
        }
      if (!edaad_pg_release (push->pg, &error))
        return fail (push, error);

      result_object = result_to_object (result, FALSE);
      result_node = object_node (result_object);
      result_text = edaad_json_to_string (result_node);
      seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, m->seq);
      params[0] = push->session->person_id;
      params[1] = push->device_id;
      params[2] = seq_text;
      params[3] = m->mutation_id;
      params[4] = result_text;
      if (!edaad_pg_run (push->pg, "INSERT INTO mutation_log (person_id, device_id, seq, mutation_id, result) "
                                   "VALUES ($1::uuid, $2::uuid, $3::bigint, $4::uuid, $5::jsonb)",
                         5, params, &error))
        return fail (push, error);
      push->last_seq = m->seq;
    }

  if (todo->len > 0)
    {
      g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, push->last_seq);
      params[0] = push->session->person_id;
      params[1] = push->device_id;
      params[2] = seq_text;
      if (!edaad_pg_run (push->pg, "UPDATE device SET last_seq = $3::bigint, last_seen_at = now () "
                                   "WHERE person_id = $1::uuid AND id = $2::uuid", 3, params, &error))
        return fail (push, error);
    }

  if (push->config->commit_delay_ms > 0)
    g_usleep (push->config->commit_delay_ms * G_TIME_SPAN_MILLISECOND);
  if (!edaad_pg_commit (push->pg, &error))
    return fail (push, error);
  return PUSH_OK;
}

/* ---- the request ---- */

/* Everything that can be checked without the database: a create must be a valid record, an
 * update must not unset a required field.  (Field values, counts and syntax were checked by
 * the parser.) */
static gboolean
precheck (EdaadSyncRequest  *request,
          char             **reason)
{
  for (guint i = 0; i < request->push->len; i++)
    {
      EdaadMutation *m = g_ptr_array_index (request->push, i);

      if (m->op == EDAAD_SYNC_OP_CREATE)
        {
          g_autoptr(EdaadRecord) record = edaad_record_new (m->kind);
          g_autoptr(GError) error = NULL;

          edaad_record_set_id (record, m->id);
          edaad_record_set_scope (record, m->scope);
          if (!edaad_record_set_fields_from_json (record, m->changes, &error) ||
              !edaad_validate_record (record, &error))
            {
              *reason = g_strdup_printf ("push[%u]: %s", i, error->message);
              return FALSE;
            }
        }
      else if (m->op == EDAAD_SYNC_OP_UPDATE)
        {
          g_autoptr(GList) members = json_object_get_members (m->changes);
          for (GList *l = members; l != NULL; l = l->next)
            {
              const EdaadFieldSpec *field = edaad_kind_lookup_field (m->kind, l->data);
              if (field != NULL && (field->flags & EDAAD_FIELD_REQUIRED) &&
                  is_null (json_object_get_member (m->changes, l->data)))
                {
                  *reason = g_strdup_printf ("push[%u]: “%s” is required and cannot be unset", i, field->name);
                  return FALSE;
                }
            }
        }
    }
  return TRUE;
}

static void
reply_conflict_error (EdaadServerRequest *req,
                      const char         *code,
                      const char         *reason,
                      gint64              last_seq)
{
  g_autoptr(JsonObject) extra = json_object_new ();

  json_object_set_int_member (extra, "last_seq", last_seq);
  edaad_server_request_error_full (req, 409, code, reason, extra);
}

void
edaad_sync_handle (const EdaadServerConfig *config,
                   EdaadPg                 *pg,
                   EdaadServerRequest      *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadSession) session = NULL;
  g_autoptr(EdaadSyncRequest) request = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  g_autofree const char **scope_ids = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *device_id = NULL;
  g_auto(EdaadPullPage) page = { NULL, 0, NULL, FALSE, 0 };
  g_autoptr(JsonArray) results_json = json_array_new ();
  g_autoptr(JsonNode) results_node = NULL;
  g_autoptr(JsonNode) scopes_node = NULL;
  g_autofree char *results_text = NULL;
  g_autofree char *scopes_text = NULL;
  gint64 last_seq = 0;
  gsize size = 0;
  const char *data;
  GString *answer;

  session = edaad_auth_authenticate (pg, req);
  if (session == NULL)
    return;

  data = req->body != NULL ? g_bytes_get_data (req->body, &size) : NULL;
  request = edaad_sync_request_parse (data != NULL ? data : "", (gssize) size, &error);
  if (request == NULL)
    {
      edaad_server_request_error (req, 400, "invalid", error->message);
      return;
    }
  if (!precheck (request, &reason))
    {
      edaad_server_request_error (req, 400, "invalid", reason);
      return;
    }
  device_id = g_ascii_strdown (request->device_id, -1);

  scopes = edaad_access_list_scopes (pg, session, device_id, &last_seq, &error);
  if (scopes == NULL)
    goto unavailable;
  scope_ids = g_new0 (const char *, scopes->len + 1);
  for (guint i = 0; i < scopes->len; i++)
    scope_ids[i] = ((EdaadScopeInfo *) g_ptr_array_index (scopes, i))->id;

  /* A cursor that must be reset is refused before anything is written. */
  if (!edaad_pull_check_cursor (pg, scopes, request->cursor, &error))
    {
      if (g_error_matches (error, EDAAD_PULL_ERROR, EDAAD_PULL_ERROR_CURSOR_RESET))
        edaad_server_request_error (req, 409, "cursor_reset", error->message);
      else
        goto unavailable;
      return;
    }

  if (request->push->len > 0)
    {
      Push push = { config, pg, session, scopes, scope_ids, device_id, request, results, 0 };
      PushOutcome outcome = PUSH_RETRY;

      for (guint attempt = 0; attempt < MAX_ATTEMPTS && outcome == PUSH_RETRY; attempt++)
        {
          if (attempt > 0)
            g_usleep (g_random_int_range (1, 20) * 1000 * attempt);
          outcome = run_push (&push);
        }
      switch (outcome)
        {
        case PUSH_OK:
          last_seq = push.last_seq;
          break;
        case PUSH_SEQ_GAP:
          reply_conflict_error (req, "seq_gap", "The push skips sequence numbers", push.last_seq);
          return;
        case PUSH_DEVICE_RESET:
          reply_conflict_error (req, "device_reset_required",
                                "A sequence number was reused for another change", push.last_seq);
          return;
        case PUSH_RETRY:
        case PUSH_UNAVAILABLE:
        default:
          edaad_server_request_unavailable (req);
          return;
        }
    }

  if (!edaad_pull_run (pg, scopes, request->cursor, request->pull_limit, &page, &error))
    {
      if (g_error_matches (error, EDAAD_PULL_ERROR, EDAAD_PULL_ERROR_CURSOR_RESET))
        edaad_server_request_error (req, 409, "cursor_reset", error->message);
      else
        goto unavailable;
      return;
    }

  for (guint i = 0; i < results->len; i++)
    json_array_add_object_element (results_json, result_to_object (g_ptr_array_index (results, i), TRUE));
  results_node = json_node_init_array (json_node_alloc (), results_json);
  results_text = edaad_json_to_string (results_node);
  scopes_node = edaad_access_scopes_to_json (scopes);
  scopes_text = edaad_json_to_string (scopes_node);

  answer = g_string_sized_new (page.changes->len + 512);
  g_string_append_printf (answer, "{\"last_seq\":%" G_GINT64_FORMAT ",\"results\":%s,\"changes\":",
                          last_seq, results_text);
  g_string_append_len (answer, page.changes->str, (gssize) page.changes->len);
  g_string_append_printf (answer, ",\"cursor\":\"%s\",\"has_more\":%s,\"remaining\":%" G_GINT64_FORMAT
                          ",\"scopes\":%s}", page.cursor, page.has_more ? "true" : "false",
                          page.remaining, scopes_text);
  req->status = 200;
  g_free (req->response);
  req->response = g_string_free (answer, FALSE);
  return;

unavailable:
  g_warning ("Sync failed: %s", error->message);
  edaad_server_request_unavailable (req);
}

gboolean
edaad_sync_purge_tombstones (const EdaadServerConfig  *config,
                             EdaadPg                  *pg,
                             GError                  **error)
{
  g_autofree char *days = g_strdup_printf ("%u", config->tombstone_days);
  const char *params[] = { days };

  return edaad_pg_run (pg, "WITH purged AS (DELETE FROM record WHERE deleted AND "
                           "deleted_at < now () - make_interval (days => $1::int) RETURNING scope_id, version) "
                           "UPDATE scope s SET purge_horizon = greatest (s.purge_horizon, p.v) "
                           "FROM (SELECT scope_id, max (version) AS v FROM purged GROUP BY scope_id) p "
                           "WHERE s.id = p.scope_id", 1, params, error) &&
         edaad_pg_run (pg, "DELETE FROM pull_cursor WHERE last_used_at < now () - make_interval (days => $1::int)",
                       1, params, error) &&
         edaad_pg_run (pg, "DELETE FROM login_attempt WHERE at < now () - interval '1 day'", 0, NULL, error) &&
         edaad_pg_run (pg, "DELETE FROM session WHERE refresh_expires_at < now () - interval '1 day'",
                       0, NULL, error);
}
