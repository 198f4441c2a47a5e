/* edaad-store-drafts.c — editor drafts: field text that is not saved as a record value yet.
 *
 * An editor never loses what the user typed: text that fails validation (or belongs to a
 * record whose first valid save has not happened) is written here, keyed by kind, record id
 * and field.  Drafts stay on this device: no outbox entry, no base, no ::changed.
 */
#define G_LOG_DOMAIN "edaad-store-drafts"

#include "config.h"

#include "edaad-store-private.h"
#include "edaad-date.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static gboolean
check_field (const char  *kind,
             const char  *field)
{
  const EdaadKindSpec *spec = edaad_schema_lookup_kind (kind);

  return spec != NULL && (field == NULL || edaad_kind_lookup_field (spec, field) != NULL);
}

/* Runs one prepared statement as its own transaction (a savepoint inside a batch). */
static gboolean
run_alone (EdaadStore    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (!edaad_store_begin (self, error))
    return FALSE;
  if (!edaad_store_step_done (self, stmt, error))
    {
      edaad_store_rollback (self);
      return FALSE;
    }
  return edaad_store_commit (self, error);
}

gboolean
edaad_store_draft_set (EdaadStore  *self,
                       const char  *kind,
                       const char  *id,
                       const char  *field,
                       const char  *text,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = NULL;

  g_return_val_if_fail (EDAAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && id != NULL && field != NULL, FALSE);
  g_return_val_if_fail (check_field (kind, field), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL) || strlen (text) > EDAAD_STRING_MAX_BYTES)
    {
      g_set_error_literal (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID,
                           _("The text cannot be kept: it is too long or not valid text."));
      return FALSE;
    }

  stmt = edaad_store_prepare (self,
                              "INSERT INTO draft (kind, id, field, text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)\n"
                              "ON CONFLICT (kind, id, field) DO UPDATE SET text = excluded.text,\n"
                              "  updated_at = excluded.updated_at",
                              error);
  if (stmt == NULL)
    return FALSE;

  now = edaad_instant_now ();
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);

  return run_alone (self, stmt, error);
}

gboolean
edaad_store_draft_clear (EdaadStore  *self,
                         const char  *kind,
                         const char  *id,
                         const char  *field,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EDAAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && id != NULL, FALSE);
  g_return_val_if_fail (check_field (kind, field), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (field != NULL)
    stmt = edaad_store_prepare (self, "DELETE FROM draft WHERE kind = ?1 AND id = ?2 AND field = ?3", error);
  else
    stmt = edaad_store_prepare (self, "DELETE FROM draft WHERE kind = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  if (field != NULL)
    sqlite3_bind_text (stmt, 3, field, -1, SQLITE_TRANSIENT);

  return run_alone (self, stmt, error);
}

GHashTable *
edaad_store_drafts_for (EdaadStore  *self,
                        const char  *kind,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(GHashTable) drafts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EDAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);
  g_return_val_if_fail (check_field (kind, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = edaad_store_prepare (self, "SELECT field, text FROM draft WHERE kind = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);

  drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (drafts,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&drafts);
}

GStrv
edaad_store_draft_ids (EdaadStore  *self,
                       const char  *kind,
                       GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EDAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL && check_field (kind, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = edaad_store_prepare (self,
                              "SELECT id FROM draft WHERE kind = ?1\n"
                              "GROUP BY id ORDER BY max (updated_at) DESC, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);

  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_strv_builder_end (builder);
}
