/* edaad-record-rows.c — parameterised SQL over the generic `record` table. */
#define G_LOG_DOMAIN "edaad-record-rows"

#include "config.h"

#include "edaad-record-rows.h"

#include "edaad-json-writer.h"

void
edaad_record_row_free (EdaadRecordRow *row)
{
  if (row == NULL)
    return;
  g_free (row->scope_id);
  g_free (row->type);
  g_free (row->id);
  g_free (row->parent_id);
  g_clear_pointer (&row->fields, json_object_unref);
  g_free (row->updated_by);
  g_free (row->updated_by_name);
  g_free (row);
}

/* "{a,b}" for a uuid[] parameter; ids are validated UUIDs, so no quoting is needed. */
static char *
uuid_array_literal (const char * const *ids)
{
  g_autoptr(GString) text = g_string_new ("{");

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, ids[i]);
    }
  g_string_append_c (text, '}');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JsonObject *
parse_fields (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return json_object_new ();
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return json_object_new ();
  return json_object_ref (json_node_get_object (root));
}

EdaadRecordRow *
edaad_record_row_find (EdaadPg             *pg,
                       const char          *type,
                       const char          *id,
                       const char * const  *scope_ids,
                       gboolean             lock,
                       GError             **error)
{
  g_autofree char *scopes = uuid_array_literal (scope_ids);
  g_autoptr(PGresult) result = NULL;
  const char *params[] = { type, id, scopes };
  EdaadRecordRow *row;

  result = edaad_pg_query (pg, lock ?
                           "SELECT r.scope_id, r.type, r.id, r.version, r.deleted, r.parent_id, r.fields, "
                           "r.updated_by, p.name FROM record r LEFT JOIN person p ON p.id = r.updated_by "
                           "WHERE r.type = $1 AND r.id = $2::uuid AND r.scope_id = ANY ($3::uuid[]) "
                           "ORDER BY r.scope_id LIMIT 1 FOR UPDATE OF r" :
                           "SELECT r.scope_id, r.type, r.id, r.version, r.deleted, r.parent_id, r.fields, "
                           "r.updated_by, p.name FROM record r LEFT JOIN person p ON p.id = r.updated_by "
                           "WHERE r.type = $1 AND r.id = $2::uuid AND r.scope_id = ANY ($3::uuid[]) "
                           "ORDER BY r.scope_id LIMIT 1",
                           3, params, error);
  if (result == NULL || PQntuples (result) == 0)
    return NULL;

  row = g_new0 (EdaadRecordRow, 1);
  row->scope_id = g_strdup (edaad_pg_value (result, 0, 0));
  row->type = g_strdup (edaad_pg_value (result, 0, 1));
  row->id = g_strdup (edaad_pg_value (result, 0, 2));
  row->version = edaad_pg_value_int (result, 0, 3);
  row->deleted = edaad_pg_value_bool (result, 0, 4);
  row->parent_id = g_strdup (edaad_pg_value (result, 0, 5));
  row->fields = parse_fields (edaad_pg_value (result, 0, 6));
  row->updated_by = g_strdup (edaad_pg_value (result, 0, 7));
  row->updated_by_name = g_strdup (edaad_pg_value (result, 0, 8));
  return row;
}

static char *
fields_text (JsonObject *fields)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), fields);
  return edaad_json_to_string (node);
}

gboolean
edaad_record_row_insert (EdaadPg     *pg,
                         const char  *scope_id,
                         const char  *type,
                         const char  *id,
                         const char  *parent_id,
                         JsonObject  *fields,
                         const char  *mutation_id,
                         const char  *person_id,
                         gint64      *version,
                         GError     **error)
{
  g_autofree char *text = fields_text (fields);
  g_autoptr(PGresult) result = NULL;
  const char *params[] = { scope_id, type, id, parent_id, text, mutation_id, person_id };

  result = edaad_pg_query (pg, "INSERT INTO record (scope_id, type, id, parent_id, fields, "
                               "created_by_mutation, updated_by) VALUES ($1::uuid, $2, $3::uuid, $4::uuid, "
                               "$5::jsonb, $6::uuid, $7::uuid) RETURNING version", 7, params, error);
  if (result == NULL)
    return FALSE;
  if (version != NULL)
    *version = edaad_pg_value_int (result, 0, 0);
  return TRUE;
}

gboolean
edaad_record_row_update (EdaadPg     *pg,
                         const char  *scope_id,
                         const char  *id,
                         const char  *parent_id,
                         JsonObject  *fields,
                         gboolean     deleted,
                         const char  *person_id,
                         gint64      *version,
                         GError     **error)
{
  g_autofree char *text = fields_text (fields);
  g_autoptr(PGresult) result = NULL;
  const char *params[] = { scope_id, id, parent_id, text, deleted ? "true" : "false", person_id };

  result = edaad_pg_query (pg, "UPDATE record SET parent_id = $3::uuid, fields = $4::jsonb, "
                               "deleted = $5::boolean, deleted_at = CASE WHEN $5::boolean THEN deleted_at END, "
                               "updated_by = $6::uuid WHERE scope_id = $1::uuid AND id = $2::uuid "
                               "RETURNING version", 6, params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1)
    {
      g_set_error (error, EDAAD_PG_ERROR, EDAAD_PG_ERROR_QUERY, "The record vanished");
      return FALSE;
    }
  if (version != NULL)
    *version = edaad_pg_value_int (result, 0, 0);
  return TRUE;
}
