/* edaad-admin.c — institution add, user add/disable, programme import. */
#define G_LOG_DOMAIN "edaad-admin"

#include "config.h"

#include "edaad-admin.h"

#include "edaad-auth.h"
#include "edaad-json-guard.h"
#include "edaad-json-writer.h"
#include "edaad-record-codec.h"
#include "edaad-record-rows.h"
#include "edaad-record.h"
#include "edaad-uuid.h"
#include "edaad-validate.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (edaad-admin-error-quark, edaad_admin_error)

char *
edaad_admin_programme_scope (EdaadPg  *pg,
                             GError  **error)
{
  g_autoptr(PGresult) result = edaad_pg_query (pg, "SELECT id FROM scope WHERE kind = 'programme'",
                                               0, NULL, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) != 1)
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_NOT_FOUND,
                   _("The database has no programme scope; run “edaad-server migrate” first"));
      return NULL;
    }
  return g_strdup (edaad_pg_value (result, 0, 0));
}

/* A valid record of `kind` with `fields`, or NULL with a message naming the problem. */
static EdaadRecord *
checked_record (const char  *kind,
                const char  *id,
                const char  *scope,
                JsonObject  *fields,
                GError     **error)
{
  g_autoptr(EdaadRecord) record = edaad_record_new_for_kind (kind);

  edaad_record_set_id (record, id);
  edaad_record_set_scope (record, scope);
  if (!edaad_record_set_fields_from_json (record, fields, error) ||
      !edaad_validate_record (record, error))
    return NULL;
  return g_steal_pointer (&record);
}

char *
edaad_admin_institution_add (EdaadPg     *pg,
                             const char  *name_en,
                             const char  *name_ar,
                             const char  *short_name,
                             GError     **error)
{
  g_autofree char *programme = edaad_admin_programme_scope (pg, error);
  g_autofree char *id = edaad_uuid_new ();
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(JsonObject) normalised = NULL;
  const char *params[3];

  if (programme == NULL)
    return NULL;
  if (name_en != NULL)
    json_object_set_string_member (fields, "name_en", name_en);
  if (name_ar != NULL)
    json_object_set_string_member (fields, "name_ar", name_ar);
  if (short_name != NULL)
    json_object_set_string_member (fields, "short_name", short_name);
  record = checked_record ("institution", id, programme, fields, error);
  if (record == NULL)
    return NULL;
  normalised = edaad_record_fields_to_json (record);

  params[0] = id;
  params[1] = name_en != NULL ? name_en : name_ar;
  if (!edaad_pg_begin (pg, error))
    return NULL;
  if (!edaad_pg_run (pg, "INSERT INTO scope (id, kind, name) VALUES ($1::uuid, 'institution', $2)",
                     2, params, error) ||
      !edaad_record_row_insert (pg, programme, "institution", id, NULL, normalised, NULL, NULL, NULL, error) ||
      !edaad_pg_commit (pg, error))
    {
      edaad_pg_rollback (pg);
      return NULL;
    }
  return g_steal_pointer (&id);
}

static gboolean
blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
valid_username (const char *username)
{
  gsize length = username != NULL ? strlen (username) : 0;

  if (length == 0 || length > 200 || !g_utf8_validate (username, -1, NULL))
    return FALSE;
  for (const char *p = username; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
edaad_admin_user_add (EdaadPg     *pg,
                      const char  *username,
                      const char  *name,
                      const char  *role,
                      const char  *institution,
                      const char  *password,
                      GError     **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *person_id = edaad_uuid_new ();
  g_autofree char *scope_id = edaad_uuid_new ();
  g_autoptr(GError) local_error = NULL;
  gboolean leader = g_strcmp0 (role, "leader") == 0;
  const char *params[6];

  if (!valid_username (username))
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                   _("A username is 1 to 200 characters without spaces"));
      return NULL;
    }
  if (name == NULL || strlen (name) > 2000 || !g_utf8_validate (name, -1, NULL) ||
      g_utf8_strlen (name, -1) > 500 || blank (name))
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                   _("Give the user’s name (at most 500 characters)"));
      return NULL;
    }
  if (!leader && g_strcmp0 (role, "programme_office") != 0)
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                   _("The role is “leader” or “programme_office”"));
      return NULL;
    }
  if (leader && (institution == NULL || !edaad_uuid_is_valid (institution)))
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                   _("A leader needs --institution with the institution’s scope id"));
      return NULL;
    }
  if (!leader && institution != NULL)
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                   _("The programme office belongs to no institution; leave out --institution"));
      return NULL;
    }
  if (password == NULL || g_utf8_strlen (password, -1) < 8 || strlen (password) > 1024)
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                   _("The password must have 8 to 1024 characters"));
      return NULL;
    }

  hash = edaad_auth_hash_password (password, error);
  if (hash == NULL)
    return NULL;

  if (!edaad_pg_begin (pg, error))
    return NULL;
  if (leader)
    {
      g_autoptr(PGresult) result = NULL;
      params[0] = institution;
      result = edaad_pg_query (pg, "SELECT 1 FROM scope WHERE id = $1::uuid AND kind = 'institution'",
                               1, params, error);
      if (result == NULL)
        goto fail;
      if (PQntuples (result) != 1)
        {
          g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_NOT_FOUND,
                       _("There is no institution with the scope id %s"), institution);
          goto fail;
        }
    }

  params[0] = scope_id;
  params[1] = name;
  if (!edaad_pg_run (pg, "INSERT INTO scope (id, kind, name) VALUES ($1::uuid, 'person', $2)",
                     2, params, error))
    goto fail;

  params[0] = person_id;
  params[1] = username;
  params[2] = name;
  params[3] = role;
  params[4] = hash;
  params[5] = scope_id;
  if (!edaad_pg_run (pg, "INSERT INTO person (id, username, name, role, password_hash, scope_id) "
                         "VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid)", 6, params, &local_error))
    {
      if (g_error_matches (local_error, EDAAD_PG_ERROR, EDAAD_PG_ERROR_UNIQUE))
        g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_EXISTS,
                     _("The username “%s” is taken"), username);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }

  if (leader)
    {
      params[0] = person_id;
      params[1] = institution;
      if (!edaad_pg_run (pg, "INSERT INTO membership (person_id, scope_id) VALUES ($1::uuid, $2::uuid)",
                         2, params, error))
        goto fail;
    }
  if (!edaad_pg_commit (pg, error))
    goto fail;
  return g_steal_pointer (&person_id);

fail:
  edaad_pg_rollback (pg);
  return NULL;
}

gboolean
edaad_admin_user_disable (EdaadPg     *pg,
                          const char  *username,
                          GError     **error)
{
  g_autoptr(PGresult) result = NULL;
  const char *params[] = { username };

  if (!edaad_pg_begin (pg, error))
    return FALSE;
  result = edaad_pg_query (pg, "UPDATE person SET disabled = true WHERE username = $1 RETURNING id",
                           1, params, error);
  if (result == NULL)
    goto fail;
  if (PQntuples (result) != 1)
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_NOT_FOUND,
                   _("There is no user “%s”"), username);
      goto fail;
    }
  params[0] = edaad_pg_value (result, 0, 0);
  if (!edaad_pg_run (pg, "UPDATE session SET revoked = true WHERE person_id = $1::uuid", 1, params, error) ||
      !edaad_pg_commit (pg, error))
    goto fail;
  return TRUE;

fail:
  edaad_pg_rollback (pg);
  return FALSE;
}

/* ---- programme import ---- */

typedef struct
{
  EdaadPg *pg;
  const char *scope;
  guint written;
} Import;

/* Inserts the record, or updates it when it exists with other fields. */
static gboolean
upsert (Import       *import,
        const char   *kind,
        const char   *id,
        JsonObject   *fields,
        GError      **error)
{
  g_autoptr(EdaadRecord) record = checked_record (kind, id, import->scope, fields, error);
  g_autoptr(JsonObject) normalised = NULL;
  g_autoptr(EdaadRecordRow) row = NULL;
  g_autoptr(GError) local_error = NULL;
  const EdaadFieldSpec *parent;
  const char *parent_id = NULL;
  const char *scopes[] = { import->scope, NULL };

  if (record == NULL)
    {
      g_prefix_error (error, _("%s %s: "), kind, id);
      return FALSE;
    }
  normalised = edaad_record_fields_to_json (record);
  parent = edaad_kind_parent_field (edaad_record_get_kind (record));
  if (parent != NULL)
    parent_id = edaad_record_get_string (record, parent->name);

  row = edaad_record_row_find (import->pg, kind, id, scopes, TRUE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (row == NULL)
    {
      if (!edaad_record_row_insert (import->pg, import->scope, kind, id, parent_id, normalised,
                                    NULL, NULL, NULL, error))
        return FALSE;
      import->written++;
      return TRUE;
    }
  {
    g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (), row->fields);
    g_autoptr(JsonNode) b = json_node_init_object (json_node_alloc (), normalised);
    if (!row->deleted && json_node_equal (a, b))
      return TRUE;
  }
  if (!edaad_record_row_update (import->pg, import->scope, id, parent_id, normalised, FALSE,
                                NULL, NULL, error))
    return FALSE;
  import->written++;
  return TRUE;
}

/* Splits an imported object into its id (given or new) and its fields (a copy without the
 * members that are not fields). */
static JsonObject *
take_fields (JsonNode     *node,
             const char   *what,
             char        **id,
             GError      **error)
{
  JsonObject *object;
  JsonObject *fields;
  g_autoptr(GList) members = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                   _("Each %s must be a JSON object"), what);
      return NULL;
    }
  object = json_node_get_object (node);
  if (json_object_has_member (object, "id"))
    {
      const char *given = json_object_get_string_member_with_default (object, "id", NULL);
      if (given == NULL || !edaad_uuid_is_valid (given))
        {
          g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                       _("The “id” of a %s must be a UUID"), what);
          return NULL;
        }
      *id = g_ascii_strdown (given, -1);
    }
  else
    *id = edaad_uuid_new ();

  fields = json_object_new ();
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (strcmp (l->data, "id") != 0 && strcmp (l->data, "module_position") != 0)
      json_object_set_member (fields, l->data, json_node_copy (json_object_get_member (object, l->data)));
  return fields;
}

/* Imports the array `member` of `root` as records of `kind` under `edition_id`.  Modules are
 * remembered by position in `modules`; assignments resolve "module_position" through it. */
static gboolean
import_list (Import       *import,
             JsonObject   *root,
             const char   *member,
             const char   *kind,
             const char   *edition_id,
             GHashTable   *modules,
             GError      **error)
{
  JsonNode *node = json_object_get_member (root, member);
  gboolean is_module = strcmp (kind, "module") == 0;
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                   _("“%s” must be an array"), member);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *id = NULL;
      g_autoptr(JsonObject) fields = take_fields (element, kind, &id, error);
      JsonNode *position;

      if (fields == NULL)
        return FALSE;
      json_object_set_string_member (fields, "edition_id", edition_id);

      position = is_module ? json_object_get_member (fields, "position")
                           : json_object_get_member (json_node_get_object (element), "module_position");
      if (position != NULL && (!JSON_NODE_HOLDS_VALUE (position) ||
                               json_node_get_value_type (position) != G_TYPE_INT64))
        {
          g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                       _("A position must be a whole number"));
          return FALSE;
        }
      if (is_module && position != NULL)
        g_hash_table_insert (modules, GINT_TO_POINTER ((int) json_node_get_int (position)), g_strdup (id));
      else if (!is_module && position != NULL)
        {
          const char *module_id = g_hash_table_lookup (modules,
                                                       GINT_TO_POINTER ((int) json_node_get_int (position)));
          if (module_id == NULL)
            {
              g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                           _("Assignment %u names a module position that no module has"), i + 1);
              return FALSE;
            }
          json_object_set_string_member (fields, "module_id", module_id);
        }

      if (!upsert (import, kind, id, fields, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
edaad_admin_programme_import (EdaadPg     *pg,
                              const char  *path,
                              guint       *n_records,
                              GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) modules = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree char *programme = NULL;
  g_autofree char *edition_id = NULL;
  g_autoptr(JsonObject) edition = NULL;
  const EdaadJsonLimits limits = { .max_bytes = 64 * 1024 * 1024 };
  Import import = { pg, NULL, 0 };
  JsonObject *object;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  root = edaad_json_parse (contents, (gssize) length, &limits, error);
  if (root == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "edition"))
    {
      g_set_error (error, EDAAD_ADMIN_ERROR, EDAAD_ADMIN_ERROR_INVALID,
                   _("%s: expected an object with “edition”, “modules” and “assignments”"), path);
      return FALSE;
    }
  object = json_node_get_object (root);

  programme = edaad_admin_programme_scope (pg, error);
  if (programme == NULL)
    return FALSE;
  import.scope = programme;

  edition = take_fields (json_object_get_member (object, "edition"), "edition", &edition_id, error);
  if (edition == NULL)
    return FALSE;

  if (!edaad_pg_begin (pg, error))
    return FALSE;
  if (!upsert (&import, "edition", edition_id, edition, error) ||
      !import_list (&import, object, "modules", "module", edition_id, modules, error) ||
      !import_list (&import, object, "assignments", "assignment", edition_id, modules, error) ||
      !edaad_pg_commit (pg, error))
    {
      edaad_pg_rollback (pg);
      return FALSE;
    }
  if (n_records != NULL)
    *n_records = import.written;
  return TRUE;
}
