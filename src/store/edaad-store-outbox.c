/* edaad-store-outbox.c — the outbox (user changes waiting for the server) and base snapshots.
 *
 * An outbox entry is unsent while its `seq` is NULL.  Only the newest entry of a record can be
 * unsent (entries get their seq in outbox order), and a user edit folds into that entry:
 * `changes` take the new values, `base` keeps the value each field had before the FIRST edit
 * of the entry.  The base of a field newly touched is what the server will hold once every
 * earlier (sent) entry of the record is applied: the `base` table overlaid with those
 * entries' changes.  An update whose changes all went back to their base is dropped: it was
 * never sent, so it takes no seq.
 *
 * Deletes.  Deleting a record the server has never seen (its only entry is an unsent create)
 * removes that create from the outbox — the server must never hear of it — but keeps the
 * row as a local tombstone so that undo can bring it back.  Such a tombstone has no outbox
 * entry and no base, so it is invisible to sync; it is purged at the next open, once no undo
 * is possible.  This keeps DESIGN §4's rule: nothing with an outbox entry is ever
 * hard-deleted.  Every other delete stashes the record's unsent entry (if any) in the
 * `deletion` table and appends a delete entry; undo removes that delete entry (while unsent)
 * and puts the stashed entry back at its original outbox position, or — when the delete was
 * already sent — appends an update carrying every field, so the server restores it (or
 * raises a visible conflict).
 */
#define G_LOG_DOMAIN "edaad-store-outbox"

#include "config.h"

#include "edaad-store-private.h"
#include "edaad-record-codec.h"
#include "edaad-uuid.h"

#include <string.h>

typedef struct
{
  gint64 pos;
  char *mutation_id;
  gboolean sent;
  char *op;
  char *scope;
  gint64 base_version;
  JsonObject *changes;
  JsonObject *base;
} OutboxEntry;

static void
outbox_entry_free (OutboxEntry *entry)
{
  g_free (entry->mutation_id);
  g_free (entry->op);
  g_free (entry->scope);
  g_clear_pointer (&entry->changes, json_object_unref);
  g_clear_pointer (&entry->base, json_object_unref);
  g_free (entry);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutboxEntry, outbox_entry_free)

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (text != NULL)
    node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return json_object_new ();
  return json_object_ref (json_node_get_object (node));
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static void
copy_member (JsonObject  *object,
             const char  *name,
             JsonNode    *node,
             gpointer     user_data)
{
  json_object_set_member (user_data, name, json_node_copy (node));
}

/* A copy that keeps the member order (json_object_foreach_member walks it in order). */
static JsonObject *
object_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();

  json_object_foreach_member (object, copy_member, copy);
  return copy;
}

#define ENTRY_COLUMNS "pos, mutation_id, seq IS NOT NULL, op, scope, base_version, changes, base"

static OutboxEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  OutboxEntry *entry = g_new0 (OutboxEntry, 1);

  entry->pos = sqlite3_column_int64 (stmt, 0);
  entry->mutation_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  entry->sent = sqlite3_column_int (stmt, 2) != 0;
  entry->op = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  entry->scope = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  entry->base_version = sqlite3_column_int64 (stmt, 5);
  entry->changes = parse_object ((const char *) sqlite3_column_text (stmt, 6));
  entry->base = parse_object ((const char *) sqlite3_column_text (stmt, 7));
  return entry;
}

/* The newest entry of a record (sent or not); *found FALSE when there is none. */
static OutboxEntry *
latest_entry (EdaadStore  *self,
              const char  *type,
              const char  *id,
              GError     **error)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self,
                                            "SELECT " ENTRY_COLUMNS " FROM outbox "
                                            "WHERE type = ?1 AND id = ?2 ORDER BY pos DESC LIMIT 1",
                                            error);
  OutboxEntry *entry = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  else if (rc != SQLITE_DONE)
    edaad_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return entry;
}

static gboolean
read_base (EdaadStore   *self,
           const char   *type,
           const char   *id,
           gboolean     *exists,
           gint64       *version,
           JsonObject  **fields,
           GError      **error)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self, "SELECT version, fields FROM base WHERE type = ?1 AND id = ?2",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *exists = rc == SQLITE_ROW;
  *version = *exists ? sqlite3_column_int64 (stmt, 0) : 0;
  if (fields != NULL)
    *fields = parse_object (*exists ? (const char *) sqlite3_column_text (stmt, 1) : NULL);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* What the server will hold for the record once every sent entry is applied. */
static JsonObject *
server_view (EdaadStore  *self,
             const char  *type,
             const char  *id,
             gint64      *base_version,
             gboolean    *known,
             GError     **error)
{
  g_autoptr(JsonObject) view = NULL;
  sqlite3_stmt *stmt;
  gboolean exists;
  int rc;

  if (!read_base (self, type, id, &exists, base_version, &view, error))
    return NULL;
  *known = exists;

  stmt = edaad_store_prepare (self,
                              "SELECT changes FROM outbox WHERE type = ?1 AND id = ?2 AND seq IS NOT NULL "
                              "ORDER BY pos",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonObject) changes = parse_object ((const char *) sqlite3_column_text (stmt, 0));

      *known = TRUE;
      json_object_foreach_member (changes, copy_member, view);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&view);
}

static JsonNode *
member_or_null (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL ? json_node_copy (node) : json_node_new (JSON_NODE_NULL);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || JSON_NODE_HOLDS_NULL (a))
    return b == NULL || JSON_NODE_HOLDS_NULL (b);
  if (b == NULL || JSON_NODE_HOLDS_NULL (b))
    return FALSE;
  return json_node_equal (a, b);
}

/* Drops fields whose change is back at their base value. */
static void
drop_reverted (JsonObject *changes,
               JsonObject *base)
{
  g_autoptr(GList) names = json_object_get_members (changes);

  for (GList *l = names; l != NULL; l = l->next)
    if (nodes_equal (json_object_get_member (changes, l->data), json_object_get_member (base, l->data)))
      json_object_remove_member (changes, l->data);
}

static gboolean
insert_entry (EdaadStore  *self,
              gint64       pos,
              const char  *mutation_id,
              const char  *type,
              const char  *id,
              const char  *op,
              const char  *scope,
              gint64       base_version,
              JsonObject  *changes,
              JsonObject  *base,
              GError     **error)
{
  g_autofree char *changes_text = object_to_string (changes);
  g_autofree char *base_text = object_to_string (base);
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt = edaad_store_prepare (self,
                                            "INSERT INTO outbox (pos, mutation_id, type, id, op, scope, "
                                            "base_version, changes, base) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  if (mutation_id == NULL)
    mutation_id = new_id = edaad_uuid_new ();
  if (pos > 0)
    sqlite3_bind_int64 (stmt, 1, pos);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, mutation_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, op, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, base_version);
  sqlite3_bind_text (stmt, 8, changes_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, base_text, -1, SQLITE_TRANSIENT);
  return edaad_store_step_done (self, stmt, error);
}

static gboolean
delete_entry (EdaadStore  *self,
              gint64       pos,
              GError     **error)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self, "DELETE FROM outbox WHERE pos = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pos);
  return edaad_store_step_done (self, stmt, error);
}

static gboolean
update_entry (EdaadStore  *self,
              OutboxEntry *entry,
              GError     **error)
{
  g_autofree char *changes_text = object_to_string (entry->changes);
  g_autofree char *base_text = object_to_string (entry->base);
  sqlite3_stmt *stmt = edaad_store_prepare (self,
                                            "UPDATE outbox SET changes = ?2, base = ?3 WHERE pos = ?1 AND seq IS NULL",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->pos);
  sqlite3_bind_text (stmt, 2, changes_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, base_text, -1, SQLITE_TRANSIENT);
  return edaad_store_step_done (self, stmt, error);
}

/* `revive`: the update brings back a record the server deleted, so fields equal to the
 * base are changes too. */
static gboolean
record_edit (EdaadStore   *self,
             EdaadRecord  *old,
             EdaadRecord  *record,
             GPtrArray    *fields,
             gboolean      revive,
             GError      **error)
{
  const EdaadKindSpec *kind = edaad_record_get_kind (record);
  const char *type = kind->name;
  const char *id = edaad_record_get_id (record);
  g_autoptr(OutboxEntry) entry = NULL;
  g_autoptr(JsonObject) view = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 base_version = 0;
  gboolean known = FALSE;

  entry = latest_entry (self, type, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (entry != NULL && (entry->sent || strcmp (entry->op, "delete") == 0))
    g_clear_pointer (&entry, outbox_entry_free);

  view = server_view (self, type, id, &base_version, &known, error);
  if (view == NULL)
    return FALSE;

  if (entry == NULL)
    {
      entry = g_new0 (OutboxEntry, 1);
      entry->op = g_strdup (old == NULL && !known ? "create" : "update");
      entry->scope = g_strdup (edaad_record_get_scope (record));
      entry->base_version = base_version;
      entry->changes = json_object_new ();
      entry->base = json_object_new ();
    }

  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = g_ptr_array_index (fields, i);
      const EdaadFieldSpec *field = edaad_kind_lookup_field (kind, name);

      json_object_set_member (entry->changes, name,
                              edaad_field_value_to_json (field, edaad_record_get_value (record, name)));
      if (strcmp (entry->op, "update") == 0 && !json_object_has_member (entry->base, name))
        json_object_set_member (entry->base, name, member_or_null (view, name));
    }

  if (strcmp (entry->op, "update") == 0 && !revive)
    drop_reverted (entry->changes, entry->base);

  if (entry->pos == 0)
    {
      if (strcmp (entry->op, "update") == 0 && json_object_get_size (entry->changes) == 0)
        return TRUE;
      return insert_entry (self, 0, NULL, type, id, entry->op, entry->scope, entry->base_version,
                           entry->changes, entry->base, error);
    }

  if (strcmp (entry->op, "update") == 0 && json_object_get_size (entry->changes) == 0)
    return delete_entry (self, entry->pos, error);
  return update_entry (self, entry, error);
}

gboolean
edaad_store_outbox_record_edit (EdaadStore   *self,
                                EdaadRecord  *old,
                                EdaadRecord  *record,
                                GPtrArray    *fields,
                                GError      **error)
{
  return record_edit (self, old, record, fields, FALSE, error);
}

static char *
stash_entry (OutboxEntry *entry)
{
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_int_member (object, "pos", entry->pos);
  json_object_set_string_member (object, "mutation_id", entry->mutation_id);
  json_object_set_string_member (object, "op", entry->op);
  json_object_set_string_member (object, "scope", entry->scope);
  json_object_set_int_member (object, "base_version", entry->base_version);
  json_object_set_object_member (object, "changes", json_object_ref (entry->changes));
  json_object_set_object_member (object, "base", json_object_ref (entry->base));
  return object_to_string (object);
}

static gboolean
restore_stash (EdaadStore  *self,
               const char  *type,
               const char  *id,
               const char  *stashed,
               GError     **error)
{
  g_autoptr(JsonObject) object = parse_object (stashed);
  g_autoptr(JsonObject) changes = NULL;
  g_autoptr(JsonObject) base = NULL;
  JsonNode *node;

  node = json_object_get_member (object, "changes");
  changes = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? object_copy (json_node_get_object (node)) : json_object_new ();
  node = json_object_get_member (object, "base");
  base = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? object_copy (json_node_get_object (node)) : json_object_new ();

  return insert_entry (self,
                       json_object_get_int_member_with_default (object, "pos", 0),
                       json_object_get_string_member_with_default (object, "mutation_id", NULL),
                       type, id,
                       json_object_get_string_member_with_default (object, "op", "update"),
                       json_object_get_string_member_with_default (object, "scope", NULL),
                       json_object_get_int_member_with_default (object, "base_version", 0),
                       changes, base, error);
}

static gboolean
write_deletion (EdaadStore  *self,
                const char  *type,
                const char  *id,
                const char  *batch,
                const char  *stashed,
                GError     **error)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self,
                                            "INSERT OR REPLACE INTO deletion (type, id, batch, stashed) "
                                            "VALUES (?1, ?2, ?3, ?4)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, batch, -1, SQLITE_TRANSIENT);
  if (stashed != NULL)
    sqlite3_bind_text (stmt, 4, stashed, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  return edaad_store_step_done (self, stmt, error);
}

gboolean
edaad_store_outbox_record_delete (EdaadStore   *self,
                                  EdaadRecord  *record,
                                  const char   *batch,
                                  GError      **error)
{
  const char *type = edaad_record_get_kind_name (record);
  const char *id = edaad_record_get_id (record);
  g_autoptr(OutboxEntry) entry = NULL;
  g_autoptr(JsonObject) view = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stashed = NULL;
  gint64 base_version = 0;
  gboolean known = FALSE;

  entry = latest_entry (self, type, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (entry != NULL && !entry->sent)
    {
      stashed = stash_entry (entry);
      if (!delete_entry (self, entry->pos, error))
        return FALSE;
    }

  view = server_view (self, type, id, &base_version, &known, error);
  if (view == NULL)
    return FALSE;

  if (known)
    {
      g_autoptr(JsonObject) none = json_object_new ();
      g_autoptr(JsonObject) none_base = json_object_new ();

      if (!insert_entry (self, 0, NULL, type, id, "delete", edaad_record_get_scope (record),
                         base_version, none, none_base, error))
        return FALSE;
    }

  return write_deletion (self, type, id, batch, stashed, error);
}

gboolean
edaad_store_outbox_record_undelete (EdaadStore   *self,
                                    EdaadRecord  *record,
                                    const char   *stashed,
                                    GError      **error)
{
  const EdaadKindSpec *kind = edaad_record_get_kind (record);
  const char *type = kind->name;
  const char *id = edaad_record_get_id (record);
  g_autoptr(OutboxEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;

  entry = latest_entry (self, type, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (entry != NULL && strcmp (entry->op, "delete") == 0 && entry->sent)
    {
      /* Too late to take the delete back: ask the server to restore every field. */
      g_autoptr(GPtrArray) all = g_ptr_array_new ();

      for (guint i = 0; i < kind->n_fields; i++)
        if (edaad_record_has_value (record, kind->fields[i].name))
          g_ptr_array_add (all, (gpointer) kind->fields[i].name);
      return record_edit (self, record, record, all, TRUE, error);
    }

  if (entry != NULL && strcmp (entry->op, "delete") == 0 && !delete_entry (self, entry->pos, error))
    return FALSE;
  if (stashed != NULL)
    return restore_stash (self, type, id, stashed, error);
  return TRUE;
}

gboolean
edaad_store_base_put (EdaadStore   *self,
                      EdaadRecord  *record,
                      GError      **error)
{
  g_autoptr(JsonObject) fields = edaad_record_fields_to_json (record);
  g_autofree char *text = object_to_string (fields);
  sqlite3_stmt *stmt = edaad_store_prepare (self,
                                            "INSERT OR REPLACE INTO base (type, id, version, fields) "
                                            "VALUES (?1, ?2, ?3, ?4)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, edaad_record_get_kind_name (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edaad_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, edaad_record_get_version (record));
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
  return edaad_store_step_done (self, stmt, error);
}

gboolean
edaad_store_outbox_purge_local_tombstones (EdaadStore  *self,
                                           GError     **error)
{
  for (guint k = 0; k < self->n_kinds; k++)
    {
      const EdaadKindSql *sql = &self->kinds[k];
      g_autofree char *text = g_strdup_printf (
        "DELETE FROM %s WHERE deleted = 1 AND version = 0"
        " AND NOT EXISTS (SELECT 1 FROM base WHERE base.type = ?1 AND base.id = %s.id)"
        " AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.type = ?1 AND outbox.id = %s.id)",
        sql->table, sql->table, sql->table);
      sqlite3_stmt *stmt = edaad_store_prepare (self, text, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, sql->kind->name, -1, SQLITE_STATIC);
      if (!edaad_store_step_done (self, stmt, error))
        return FALSE;
    }

  /* Undo lasts as long as its toast: a new session starts without any.  "WHERE true": a
   * bare DELETE takes SQLite's truncate path, which rewrites the table's pages even when it
   * is empty, so every start would commit (and sync) a write. */
  return edaad_store_exec (self, "DELETE FROM deletion WHERE true", error);
}

int
edaad_store_outbox_assign_seqs (EdaadStore  *self,
                                guint        max,
                                GError     **error)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *next_text = NULL;
  g_autofree char *next_new = NULL;
  sqlite3_stmt *stmt;
  gint64 next;
  int rc;

  g_return_val_if_fail (EDAAD_IS_STORE (self), -1);

  if (!edaad_store_begin (self, error))
    return -1;

  next_text = edaad_store_meta_get (self, "next_mutation_seq", error);
  if (next_text == NULL)
    goto fail;
  next = g_ascii_strtoll (next_text, NULL, 10);

  stmt = edaad_store_prepare (self, "SELECT pos FROM outbox WHERE seq IS NULL ORDER BY pos LIMIT ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, max);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pos = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (positions, pos);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      goto fail;
    }

  for (guint i = 0; i < positions->len; i++)
    {
      stmt = edaad_store_prepare (self, "UPDATE outbox SET seq = ?2 WHERE pos = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, g_array_index (positions, gint64, i));
      sqlite3_bind_int64 (stmt, 2, next++);
      if (!edaad_store_step_done (self, stmt, error))
        goto fail;
    }

  next_new = g_strdup_printf ("%" G_GINT64_FORMAT, next);
  if (!edaad_store_meta_set (self, "next_mutation_seq", next_new, error))
    goto fail;
  if (!edaad_store_commit (self, error))
    return -1;
  return (int) positions->len;

fail:
  edaad_store_rollback (self);
  return -1;
}
