/* edaad-store-edit.c — the write paths: user edits, synced writes, delete and undo. */
#define G_LOG_DOMAIN "edaad-store-edit"

#include "config.h"

#include "edaad-store-private.h"
#include "edaad-date.h"
#include "edaad-uuid.h"
#include "edaad-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Service fields whose changes the store records as service_event rows (DESIGN §3). */
static const char * const service_event_fields[] = { "maturity", "portal_stage" };

static char *
scope_for_new_record (EdaadStore  *self,
                      EdaadRecord *record)
{
  const EdaadKindSpec *kind = edaad_record_get_kind (record);

  if (kind->scope == EDAAD_SCOPE_SAME_AS_RECORD)
    {
      /* A conflict lives in the scope of the record it is about. */
      const EdaadKindSpec *about = edaad_schema_lookup_kind (edaad_record_get_string (record, "record_type"));
      const char *about_id = edaad_record_get_string (record, "record_id");

      if (about != NULL && about_id != NULL && about->scope != EDAAD_SCOPE_SAME_AS_RECORD)
        {
          g_autoptr(EdaadRecord) target = edaad_store_load (self, about, about_id, NULL);

          if (target != NULL)
            return g_strdup (edaad_record_get_scope (target));
          return g_strdup (self->local_scopes[about->scope]);
        }
      return g_strdup (self->local_scopes[EDAAD_SCOPE_INSTITUTION]);
    }

  return g_strdup (self->local_scopes[kind->scope]);
}

static gboolean
write_service_events (EdaadStore   *self,
                      EdaadRecord  *old,
                      EdaadRecord  *service,
                      GPtrArray    *changed,
                      GError      **error);

/* The body of a save, inside the caller's transaction. */
static gboolean
save_in_transaction (EdaadStore   *self,
                     EdaadRecord  *record,
                     GError      **error)
{
  const EdaadKindSpec *kind = edaad_record_get_kind (record);
  g_autoptr(EdaadRecord) old = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;

  old = edaad_store_load (self, kind, edaad_record_get_id (record), &local_error);
  if (old == NULL && !g_error_matches (local_error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (old != NULL)
    {
      changed = edaad_record_diff (old, record);
      if (changed->len > 0 && kind->append_only)
        {
          g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID,
                       _("%s entries can only be added, not changed."),
                       g_dgettext (GETTEXT_PACKAGE, kind->label));
          return FALSE;
        }
      /* Records never move scopes; version and tombstone belong to the store. */
      edaad_record_set_scope (record, edaad_record_get_scope (old));
      edaad_record_set_version (record, edaad_record_get_version (old));
      edaad_record_set_deleted (record, edaad_record_get_deleted (old));
      edaad_record_set_created_at (record, edaad_record_get_created_at (old));
      if (changed->len == 0)
        {
          edaad_record_set_updated_at (record, edaad_record_get_updated_at (old));
          return TRUE;
        }
    }
  else
    {
      changed = g_ptr_array_new ();
      for (guint i = 0; i < kind->n_fields; i++)
        if (edaad_record_has_value (record, kind->fields[i].name))
          g_ptr_array_add (changed, (gpointer) kind->fields[i].name);
      edaad_record_set_version (record, 0);
      edaad_record_set_deleted (record, FALSE);
    }

  now = edaad_instant_now ();
  if (old == NULL)
    edaad_record_set_created_at (record, now);
  edaad_record_set_updated_at (record, now);

  if (!edaad_store_write_row (self, record, error) ||
      !edaad_store_outbox_record_edit (self, old, record, changed, error))
    return FALSE;

  if (strcmp (kind->name, "service") == 0 && !write_service_events (self, old, record, changed, error))
    return FALSE;

  edaad_store_note_change (self, kind, edaad_record_get_id (record));
  return TRUE;
}

static gboolean
prepare_and_validate (EdaadStore   *self,
                      EdaadRecord  *record,
                      GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (edaad_record_get_id (record) == NULL)
    {
      g_autofree char *id = edaad_uuid_new ();
      edaad_record_set_id (record, id);
    }
  if (edaad_record_get_scope (record) == NULL)
    {
      g_autofree char *scope = scope_for_new_record (self, record);
      edaad_record_set_scope (record, scope);
    }

  if (!edaad_validate_record (record, &local_error))
    {
      g_set_error_literal (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_service_events (EdaadStore   *self,
                      EdaadRecord  *old,
                      EdaadRecord  *service,
                      GPtrArray    *changed,
                      GError      **error)
{
  g_autofree char *today = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (service_event_fields); i++)
    {
      const char *field = service_event_fields[i];
      const char *to = edaad_record_get_string (service, field);
      g_autoptr(EdaadRecord) event = NULL;

      if (to == NULL || !g_ptr_array_find_with_equal_func (changed, field, g_str_equal, NULL))
        continue;

      if (today == NULL)
        today = edaad_date_today ();
      event = edaad_record_new_for_kind ("service_event");
      edaad_record_set_scope (event, edaad_record_get_scope (service));
      edaad_record_set_string (event, "service_id", edaad_record_get_id (service));
      edaad_record_set_string (event, "on", today);
      edaad_record_set_string (event, "field", field);
      if (old != NULL && edaad_record_get_string (old, field) != NULL)
        edaad_record_set_string (event, "from", edaad_record_get_string (old, field));
      edaad_record_set_string (event, "to", to);

      if (!prepare_and_validate (self, event, error) || !save_in_transaction (self, event, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
edaad_store_save (EdaadStore   *self,
                  EdaadRecord  *record,
                  GError      **error)
{
  g_return_val_if_fail (EDAAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (EDAAD_IS_RECORD (record), FALSE);

  if (!prepare_and_validate (self, record, error))
    return FALSE;

  if (!edaad_store_begin (self, error))
    return FALSE;
  if (!save_in_transaction (self, record, error))
    {
      edaad_store_rollback (self);
      return FALSE;
    }
  return edaad_store_commit (self, error);
}

gboolean
edaad_store_put_synced (EdaadStore   *self,
                        EdaadRecord  *record,
                        GError      **error)
{
  g_return_val_if_fail (EDAAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (EDAAD_IS_RECORD (record), FALSE);
  g_return_val_if_fail (edaad_record_get_id (record) != NULL, FALSE);
  g_return_val_if_fail (edaad_record_get_scope (record) != NULL, FALSE);

  if (edaad_record_get_updated_at (record) == NULL)
    {
      g_autofree char *now = edaad_instant_now ();

      edaad_record_set_updated_at (record, now);
      if (edaad_record_get_created_at (record) == NULL)
        edaad_record_set_created_at (record, now);
    }

  if (!edaad_store_begin (self, error))
    return FALSE;
  if (!edaad_store_write_row (self, record, error) || !edaad_store_base_put (self, record, error))
    {
      edaad_store_rollback (self);
      return FALSE;
    }
  edaad_store_note_change (self, edaad_record_get_kind (record), edaad_record_get_id (record));
  return edaad_store_commit (self, error);
}

/* ---- delete and undo ---- */

/* Ids of the live records of `child` whose parent field `field` points at `id`. */
static GPtrArray *
live_children (EdaadStore           *self,
               const EdaadKindSql   *child,
               const EdaadFieldSpec *field,
               const char           *id,
               GError              **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *column = edaad_store_quote_ident (field->name);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE deleted = 0 AND %s = ?1",
                                          child->table, column);
  sqlite3_stmt *stmt = edaad_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
tombstone (EdaadStore          *self,
           const EdaadKindSpec *kind,
           EdaadRecord         *record,
           const char          *batch,
           const char          *now,
           GError             **error)
{
  const char *id = edaad_record_get_id (record);

  edaad_record_set_deleted (record, TRUE);
  edaad_record_set_updated_at (record, now);
  if (!edaad_store_write_row (self, record, error) ||
      !edaad_store_outbox_record_delete (self, record, batch, error))
    return FALSE;
  edaad_store_note_change (self, kind, id);

  /* Children go with their parent: every kind with a parent field referring to this kind
   * (milestones, stakeholders, risks and KPIs of a plan; KPI readings of those KPIs; the
   * events, surveys and KPIs of a service…). */
  for (guint k = 0; k < self->n_kinds; k++)
    {
      const EdaadKindSql *child = &self->kinds[k];

      for (guint f = 0; f < child->kind->n_fields; f++)
        {
          const EdaadFieldSpec *field = &child->kind->fields[f];
          g_autoptr(GPtrArray) ids = NULL;

          if (!(field->flags & EDAAD_FIELD_PARENT) || g_strcmp0 (field->ref_kind, kind->name) != 0)
            continue;
          ids = live_children (self, child, field, id, error);
          if (ids == NULL)
            return FALSE;
          for (guint i = 0; i < ids->len; i++)
            {
              g_autoptr(EdaadRecord) grandchild = edaad_store_load (self, child->kind,
                                                                    g_ptr_array_index (ids, i), error);

              if (grandchild == NULL ||
                  !tombstone (self, child->kind, grandchild, batch, now, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
edaad_store_delete (EdaadStore  *self,
                    const char  *kind,
                    const char  *id,
                    GError     **error)
{
  const EdaadKindSpec *spec;
  g_autoptr(EdaadRecord) record = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (EDAAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  spec = edaad_schema_lookup_kind (kind);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!edaad_store_begin (self, error))
    return FALSE;

  record = edaad_store_load (self, spec, id, error);
  if (record == NULL)
    goto fail;
  if (edaad_record_get_deleted (record))
    return edaad_store_commit (self, error);

  batch = edaad_uuid_new ();
  now = edaad_instant_now ();
  if (!tombstone (self, spec, record, batch, now, error))
    goto fail;

  return edaad_store_commit (self, error);

fail:
  edaad_store_rollback (self);
  return FALSE;
}

typedef struct
{
  const EdaadKindSpec *kind;
  char *id;
  char *stashed;
} DeletionRow;

static void
deletion_row_clear (gpointer data)
{
  DeletionRow *row = data;

  g_free (row->id);
  g_free (row->stashed);
}

gboolean
edaad_store_undelete (EdaadStore  *self,
                      const char  *kind,
                      const char  *id,
                      GError     **error)
{
  const EdaadKindSpec *spec;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (DeletionRow));
  g_autofree char *batch = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EDAAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  spec = edaad_schema_lookup_kind (kind);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_array_set_clear_func (rows, deletion_row_clear);

  if (!edaad_store_begin (self, error))
    return FALSE;

  stmt = edaad_store_prepare (self, "SELECT batch FROM deletion WHERE type = ?1 AND id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    batch = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (batch == NULL)
    {
      g_autoptr(EdaadRecord) record = edaad_store_load (self, spec, id, error);

      if (record == NULL)
        goto fail;
      if (!edaad_record_get_deleted (record))
        return edaad_store_commit (self, error);
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND,
                   _("This deletion can no longer be undone."));
      goto fail;
    }

  /* rowid order of `deletion` is insertion order: parents before their children. */
  stmt = edaad_store_prepare (self, "SELECT type, id, stashed FROM deletion WHERE batch = ?1 ORDER BY rowid", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, batch, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeletionRow row = {
        edaad_schema_lookup_kind ((const char *) sqlite3_column_text (stmt, 0)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
      };
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      goto fail;
    }

  now = edaad_instant_now ();
  for (guint i = 0; i < rows->len; i++)
    {
      DeletionRow *row = &g_array_index (rows, DeletionRow, i);
      g_autoptr(EdaadRecord) record = NULL;

      if (row->kind == NULL)
        continue;
      record = edaad_store_load (self, row->kind, row->id, error);
      if (record == NULL)
        goto fail;
      edaad_record_set_deleted (record, FALSE);
      edaad_record_set_updated_at (record, now);
      if (!edaad_store_write_row (self, record, error) ||
          !edaad_store_outbox_record_undelete (self, record, row->stashed, error))
        goto fail;
      edaad_store_note_change (self, row->kind, row->id);
    }

  stmt = edaad_store_prepare (self, "DELETE FROM deletion WHERE batch = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, batch, -1, SQLITE_TRANSIENT);
  if (!edaad_store_step_done (self, stmt, error))
    goto fail;

  return edaad_store_commit (self, error);

fail:
  edaad_store_rollback (self);
  return FALSE;
}
