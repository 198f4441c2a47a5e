/* edaad-server-migrations.c — applies sql/NNNN-*.sql from the GResource in order. */
#define G_LOG_DOMAIN "edaad-server-migrations"

#include "config.h"

#include "edaad-server-migrations.h"

#include "edaad-schema.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#define SQL_PATH "/om/gov/mtcit/Edaad/server/sql/"
/* Any constant shared by every edaad-server: serialises concurrent `migrate` runs. */
#define MIGRATION_LOCK "4711020301"

G_DEFINE_QUARK (edaad-migration-error-quark, edaad_migration_error)

typedef struct
{
  int number;
  char *name;
} Migration;

static void
migration_clear (gpointer data)
{
  Migration *m = data;
  g_free (m->name);
}

static int
migration_compare (gconstpointer a,
                   gconstpointer b)
{
  const Migration *ma = a, *mb = b;
  return (ma->number > mb->number) - (ma->number < mb->number);
}

static GArray *
list_migrations (void)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (Migration));
  g_auto(GStrv) names = NULL;

  g_array_set_clear_func (list, migration_clear);
  names = g_resources_enumerate_children (SQL_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      Migration m;
      char *end = NULL;

      if (!g_str_has_suffix (names[i], ".sql"))
        continue;
      m.number = (int) strtol (names[i], &end, 10);
      if (end == names[i] || *end != '-' || m.number <= 0)
        continue;
      m.name = g_strdup (names[i]);
      g_array_append_val (list, m);
    }
  g_array_sort (list, migration_compare);
  return g_steal_pointer (&list);
}

int
edaad_server_migrations_latest (void)
{
  g_autoptr(GArray) list = list_migrations ();
  return list->len > 0 ? g_array_index (list, Migration, list->len - 1).number : 0;
}

static gboolean
current_version (EdaadPg  *pg,
                 int      *version,
                 GError  **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) result = NULL;

  exists = edaad_pg_query (pg, "SELECT to_regclass ('schema_migration') IS NOT NULL", 0, NULL, error);
  if (exists == NULL)
    return FALSE;
  if (!edaad_pg_value_bool (exists, 0, 0))
    {
      *version = 0;
      return TRUE;
    }
  result = edaad_pg_query (pg, "SELECT coalesce (max (version), 0) FROM schema_migration", 0, NULL, error);
  if (result == NULL)
    return FALSE;
  *version = (int) edaad_pg_value_int (result, 0, 0);
  return TRUE;
}

static const char *
column_cast (const EdaadFieldSpec *field)
{
  switch (field->type)
    {
    case EDAAD_FIELD_INT: return "bigint";
    case EDAAD_FIELD_REAL: return "double precision";
    case EDAAD_FIELD_BOOL: return "boolean";
    case EDAAD_FIELD_DATE: return "date";
    case EDAAD_FIELD_INSTANT: return "timestamptz";
    case EDAAD_FIELD_UUID: return "uuid";
    case EDAAD_FIELD_JSON: return NULL;
    case EDAAD_FIELD_STRING:
    case EDAAD_FIELD_ENUM:
    default: return "text";
    }
}

/* One typed view per kind over the live rows, generated from the schema, for the
 * programme office's reporting tools. */
static gboolean
rebuild_views (EdaadPg  *pg,
               GError  **error)
{
  PGconn *conn = edaad_pg_get_conn (pg);

  for (guint k = 0; k < edaad_schema_n_kinds (); k++)
    {
      const EdaadKindSpec *kind = edaad_schema_kind_at (k);
      g_autofree char *view_name = g_strconcat ("report_", kind->name, NULL);
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autofree char *type_literal = NULL;
      char *view_ident = PQescapeIdentifier (conn, view_name, strlen (view_name));
      char *escaped = PQescapeLiteral (conn, kind->name, strlen (kind->name));

      type_literal = g_strdup (escaped);
      PQfreemem (escaped);
      g_string_append_printf (sql, "DROP VIEW IF EXISTS %s; CREATE VIEW %s AS SELECT "
                              "r.scope_id, s.name AS scope_name, r.id, r.version",
                              view_ident, view_ident);
      PQfreemem (view_ident);
      for (guint f = 0; f < kind->n_fields; f++)
        {
          const EdaadFieldSpec *field = &kind->fields[f];
          const char *cast = column_cast (field);
          char *ident = PQescapeIdentifier (conn, field->name, strlen (field->name));
          char *key = PQescapeLiteral (conn, field->name, strlen (field->name));

          if (cast != NULL)
            g_string_append_printf (sql, ", (r.fields ->> %s)::%s AS %s", key, cast, ident);
          else
            g_string_append_printf (sql, ", r.fields -> %s AS %s", key, ident);
          PQfreemem (ident);
          PQfreemem (key);
        }
      g_string_append_printf (sql, ", r.server_updated_at FROM record r JOIN scope s ON s.id = r.scope_id "
                              "WHERE r.type = %s AND NOT r.deleted", type_literal);
      if (!edaad_pg_run_script (pg, sql->str, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
edaad_server_migrate (EdaadPg  *pg,
                      guint    *n_applied,
                      GError  **error)
{
  g_autoptr(GArray) list = list_migrations ();
  const char *lock_params[] = { MIGRATION_LOCK };
  int version = 0;
  guint applied = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (pg != NULL, FALSE);

  if (!edaad_pg_run (pg, "SELECT pg_advisory_lock ($1::bigint)", 1, lock_params, error))
    return FALSE;

  if (!edaad_pg_run_script (pg, "CREATE TABLE IF NOT EXISTS schema_migration ("
                                "version int PRIMARY KEY, name text NOT NULL, "
                                "applied_at timestamptz NOT NULL DEFAULT now ())", error))
    goto out;
  if (!current_version (pg, &version, error))
    goto out;

  if (list->len > 0 && version > g_array_index (list, Migration, list->len - 1).number)
    {
      g_set_error (error, EDAAD_MIGRATION_ERROR, EDAAD_MIGRATION_ERROR_TOO_NEW,
                   _("The database is at schema version %d, newer than this server (%d); "
                     "use a newer edaad-server"),
                   version, g_array_index (list, Migration, list->len - 1).number);
      goto out;
    }

  for (guint i = 0; i < list->len; i++)
    {
      Migration *m = &g_array_index (list, Migration, i);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *number = NULL;
      g_autofree char *script = NULL;
      const char *params[2];

      if (m->number <= version)
        continue;
      path = g_strconcat (SQL_PATH, m->name, NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        goto out;
      script = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      number = g_strdup_printf ("%d", m->number);
      params[0] = number;
      params[1] = m->name;

      if (!edaad_pg_begin (pg, error))
        goto out;
      if (!edaad_pg_run_script (pg, script, error) ||
          !edaad_pg_run (pg, "INSERT INTO schema_migration (version, name) VALUES ($1::int, $2)",
                         2, params, error) ||
          !edaad_pg_commit (pg, error))
        {
          g_prefix_error (error, _("Migration %s failed: "), m->name);
          edaad_pg_rollback (pg);
          goto out;
        }
      applied++;
    }

  if (!edaad_pg_begin (pg, error))
    goto out;
  if (!rebuild_views (pg, error) || !edaad_pg_commit (pg, error))
    {
      edaad_pg_rollback (pg);
      goto out;
    }
  ok = TRUE;

out:
  {
    g_autoptr(GError) unlock_error = NULL;
    if (!edaad_pg_run (pg, "SELECT pg_advisory_unlock ($1::bigint)", 1, lock_params, &unlock_error))
      g_debug ("Could not release the migration lock: %s", unlock_error->message);
  }
  if (ok && n_applied != NULL)
    *n_applied = applied;
  return ok;
}

gboolean
edaad_server_check_schema (EdaadPg  *pg,
                           GError  **error)
{
  int version = 0;
  int latest = edaad_server_migrations_latest ();

  if (!current_version (pg, &version, error))
    return FALSE;
  if (version > latest)
    {
      g_set_error (error, EDAAD_MIGRATION_ERROR, EDAAD_MIGRATION_ERROR_TOO_NEW,
                   _("The database is at schema version %d, newer than this server (%d); "
                     "use a newer edaad-server"), version, latest);
      return FALSE;
    }
  if (version < latest)
    {
      g_set_error (error, EDAAD_MIGRATION_ERROR, EDAAD_MIGRATION_ERROR_NOT_MIGRATED,
                   _("The database is at schema version %d but this server needs %d; "
                     "run “edaad-server migrate” first"), version, latest);
      return FALSE;
    }
  return TRUE;
}
