/* edaad-access.c — the authorization rules of DESIGN.md §5. */
#define G_LOG_DOMAIN "edaad-access"

#include "config.h"

#include "edaad-access.h"

#include <string.h>

void
edaad_session_free (EdaadSession *session)
{
  if (session == NULL)
    return;
  g_free (session->person_id);
  g_free (session->username);
  g_free (session->name);
  g_free (session->role);
  g_free (session->person_scope);
  g_free (session->institution_scope);
  g_free (session->family);
  g_free (session->device_id);
  g_free (session);
}

void
edaad_scope_info_free (EdaadScopeInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->kind);
  g_free (info->name);
  g_free (info->epoch);
  g_free (info);
}

static gboolean
scope_writable (const EdaadSession *session,
                const char         *scope_id,
                const char         *scope_kind)
{
  if (session->office)
    return strcmp (scope_kind, "programme") == 0 || strcmp (scope_kind, "person") == 0;
  return g_strcmp0 (scope_id, session->person_scope) == 0 ||
         g_strcmp0 (scope_id, session->institution_scope) == 0;
}

GPtrArray *
edaad_access_list_scopes (EdaadPg             *pg,
                          const EdaadSession  *session,
                          const char          *device_id,
                          gint64              *last_seq,
                          GError             **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  const char *params[4];

  g_return_val_if_fail (session != NULL, NULL);

  params[0] = session->person_id;
  params[1] = session->person_scope;
  params[2] = device_id;
  params[3] = session->office ? "true" : "false";

  result = edaad_pg_query (pg, "SELECT id, kind, name, epoch, version, purge_horizon, "
                               "(SELECT d.last_seq FROM device d WHERE d.person_id = $1::uuid AND d.id = $3::uuid) "
                               "FROM scope WHERE $4::boolean OR kind = 'programme' OR id = $2::uuid "
                               "OR id IN (SELECT scope_id FROM membership WHERE person_id = $1::uuid) "
                               "ORDER BY id", 4, params, error);
  if (result == NULL)
    return NULL;
  if (last_seq != NULL)
    *last_seq = PQntuples (result) > 0 ? edaad_pg_value_int (result, 0, 6) : 0;

  scopes = g_ptr_array_new_with_free_func ((GDestroyNotify) edaad_scope_info_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      EdaadScopeInfo *info = g_new0 (EdaadScopeInfo, 1);
      info->id = g_strdup (edaad_pg_value (result, i, 0));
      info->kind = g_strdup (edaad_pg_value (result, i, 1));
      info->name = g_strdup (edaad_pg_value (result, i, 2));
      info->epoch = g_strdup (edaad_pg_value (result, i, 3));
      info->version = edaad_pg_value_int (result, i, 4);
      info->purge_horizon = edaad_pg_value_int (result, i, 5);
      info->writable = scope_writable (session, info->id, info->kind);
      g_ptr_array_add (scopes, info);
    }
  return g_steal_pointer (&scopes);
}

EdaadScopeInfo *
edaad_access_find_scope (GPtrArray  *scopes,
                         const char *scope_id)
{
  g_return_val_if_fail (scopes != NULL, NULL);

  if (scope_id == NULL)
    return NULL;
  for (guint i = 0; i < scopes->len; i++)
    {
      EdaadScopeInfo *info = g_ptr_array_index (scopes, i);
      if (g_ascii_strcasecmp (info->id, scope_id) == 0)
        return info;
    }
  return NULL;
}

JsonNode *
edaad_access_scopes_to_json (GPtrArray *scopes)
{
  g_autoptr(JsonArray) array = json_array_sized_new (scopes->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < scopes->len; i++)
    {
      EdaadScopeInfo *info = g_ptr_array_index (scopes, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", info->id);
      json_object_set_string_member (object, "kind", info->kind);
      json_object_set_string_member (object, "name", info->name);
      json_object_set_boolean_member (object, "writable", info->writable);
      json_array_add_object_element (array, object);
    }
  json_node_set_array (node, array);
  return node;
}

gboolean
edaad_access_can_write (const EdaadSession   *session,
                        const EdaadScopeInfo *scope,
                        const EdaadKindSpec  *kind)
{
  g_return_val_if_fail (session != NULL && scope != NULL && kind != NULL, FALSE);

  if (!scope->writable)
    return FALSE;
  if (kind->scope == EDAAD_SCOPE_SAME_AS_RECORD)
    return TRUE;
  /* Records live only in scopes of their kind's scope kind (a plan never sits in a person scope). */
  if (strcmp (edaad_scope_kind_to_string (kind->scope), scope->kind) != 0)
    return FALSE;

  if (session->office)
    {
      /* The programme scope entirely; in person scopes only grades and attendance. */
      if (kind->scope == EDAAD_SCOPE_PROGRAMME)
        return TRUE;
      return kind->scope == EDAAD_SCOPE_PERSON && kind->office_only;
    }

  /* A leader: their institution and their own person scope, never office-only kinds. */
  return !kind->office_only;
}
