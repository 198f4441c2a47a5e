/* edaad-store-private.h — what the store's satellite files share.
 *
 * Not for the UI.  The sync engine (a lower-trust neighbour in its own layer) may use the
 * outbox functions at the end of this file.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "edaad-store.h"

G_BEGIN_DECLS

/* The newest structural migration this build knows (PRAGMA user_version). */
#define EDAAD_STORE_SCHEMA_VERSION 5

/* How many rows EdaadKindSql.select_rowids_sql reads at once. */
#define EDAAD_KIND_SQL_ROW_BLOCK 32

/* SQL generated once per kind from the schema (edaad-store-ddl.c). */
typedef struct
{
  const EdaadKindSpec *kind;
  char *table;        /* quoted: "rec_plan" */
  char *select_sql;   /* SELECT <all columns> FROM table WHERE id = ?1 */
  char *select_rowids_sql; /* the same columns and rowid last, for the rowids ?1 … ?N,
                            * N = EDAAD_KIND_SQL_ROW_BLOCK (list models read a block) */
  char *rowid_by_id_sql;  /* SELECT rowid FROM table WHERE id = ?1 */
  char *upsert_sql;   /* INSERT … ON CONFLICT (id) DO UPDATE … (keeps `extra`) */
} EdaadKindSql;

struct _EdaadStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt* (prepared once, persistent) */
  EdaadKindSql *kinds;      /* one per schema kind, schema order */
  guint n_kinds;

  char *device_id;
  char *local_scopes[3];    /* indexed by EdaadScopeKind (programme, institution, person) */
  int schema_version;

  guint tx_depth;
  GArray *pending;

  char *plan_rollup_sql;    /* edaad_store_plan_rollup's statement, made on first use */          /* PendingChange: (kind, id) written at a transaction depth */
};

typedef struct
{
  const EdaadKindSpec *kind;
  char *id;
  guint depth;
} PendingChange;

/* ---- edaad-store.c ---- */
sqlite3_stmt  *edaad_store_prepare            (EdaadStore   *self,
                                               const char   *sql,
                                               GError      **error);
gboolean       edaad_store_exec               (EdaadStore   *self,
                                               const char   *sql,
                                               GError      **error);
/* Steps a statement to completion (no rows expected) and resets it. */
gboolean       edaad_store_step_done          (EdaadStore   *self,
                                               sqlite3_stmt *stmt,
                                               GError      **error);
void           edaad_store_set_sqlite_error   (EdaadStore   *self,
                                               GError      **error);
gboolean       edaad_store_begin              (EdaadStore   *self,
                                               GError      **error);
gboolean       edaad_store_commit             (EdaadStore   *self,
                                               GError      **error);
void           edaad_store_rollback           (EdaadStore   *self);
void           edaad_store_note_change        (EdaadStore   *self,
                                               const EdaadKindSpec *kind,
                                               const char   *id);
const EdaadKindSql *edaad_store_kind_sql      (EdaadStore   *self,
                                               const char   *kind);
char          *edaad_store_meta_get           (EdaadStore   *self,
                                               const char   *key,
                                               GError      **error);
gboolean       edaad_store_meta_set           (EdaadStore   *self,
                                               const char   *key,
                                               const char   *value,
                                               GError      **error);

/* ---- edaad-store-ddl.c ---- */
char          *edaad_store_quote_ident        (const char   *name);
char          *edaad_store_table_name         (const EdaadKindSpec *kind);
void           edaad_kind_sql_init            (EdaadKindSql *sql,
                                               const EdaadKindSpec *kind);
void           edaad_kind_sql_clear           (EdaadKindSql *sql);
/* CREATE TABLE IF NOT EXISTS for every kind, indexes, and ADD COLUMN for any schema field
 * missing from an existing table.  Idempotent; runs inside the caller's transaction.  Does
 * nothing when meta's ddl_stamp shows the file already as this build would leave it. */
gboolean       edaad_store_ddl_ensure_tables  (sqlite3      *db,
                                               GError      **error);
/* The column type SQLite declares for a schema field. */
const char    *edaad_store_ddl_column_type    (const EdaadFieldSpec *field);
/* Sets meta's `key` to `value` on a raw connection (a failure is reported as a failed
 * structure update). */
gboolean       edaad_store_ddl_set_meta       (sqlite3      *db,
                                               const char   *key,
                                               const char   *value,
                                               GError      **error);
/* SQL expressions of a plan row named `qualifier` (edaad-store-plan-rollup.c): its
 * progress as a fraction 0–1, and its RAG severity (none 0, done 1, green 2, amber 3, red 4)
 * on the date `today` (an SQL expression: a quoted literal or a parameter). */
char          *edaad_store_plan_progress_sql  (EdaadStore   *self,
                                               const char   *qualifier);
char          *edaad_store_plan_rag_sql       (EdaadStore   *self,
                                               const char   *qualifier,
                                               const char   *today);

/* Reads one row selected by EdaadKindSql.select_sql into a new record. */
EdaadRecord   *edaad_store_row_to_record      (const EdaadKindSpec *kind,
                                               sqlite3_stmt *stmt);
/* Binds a record to EdaadKindSql.upsert_sql. */
void           edaad_store_bind_record        (sqlite3_stmt *stmt,
                                               EdaadRecord  *record);
/* Loads a record by id (NULL + NOT_FOUND when missing). */
EdaadRecord   *edaad_store_load               (EdaadStore   *self,
                                               const EdaadKindSpec *kind,
                                               const char   *id,
                                               GError      **error);
gboolean       edaad_store_write_row          (EdaadStore   *self,
                                               EdaadRecord  *record,
                                               GError      **error);

/* ---- edaad-store-migrations.c ---- */
/* Runs every migration above the file's user_version, each in its own transaction, then
 * the schema-driven column step.  `target` caps the version (tests build old files). */
gboolean       edaad_store_migrate            (sqlite3      *db,
                                               int           target,
                                               GError      **error);
int            edaad_store_read_user_version  (sqlite3      *db);

/* ---- edaad-store-search.c ---- */
/* Keeps the full-text index in step with a working row (removes it for tombstones). */
gboolean       edaad_store_search_index       (EdaadStore   *self,
                                               EdaadRecord  *record,
                                               GError      **error);
gboolean       edaad_store_search_unindex     (EdaadStore   *self,
                                               const char   *kind,
                                               const char   *id,
                                               GError      **error);
/* Rebuilds the whole index from the tables (migration 3, schema changes). */
gboolean       edaad_store_search_rebuild     (sqlite3      *db,
                                               GError      **error);
/* A record's docid in `search` is its kind's base + the rowid of its row in the kind's
 * table; a kind's docids lie in [base + 1, base + EDAAD_STORE_SEARCH_KIND_SPAN - 1]. */
#define EDAAD_STORE_SEARCH_KIND_SPAN (G_GINT64_CONSTANT (1) << 40)
gint64         edaad_store_search_docid_base  (const EdaadKindSpec *kind);
/* Turns user text into a safe FTS5 query of quoted prefix terms; NULL when empty. */
char          *edaad_store_search_query       (const char   *text);
/* The signature of the searchable fields, to detect schema changes. */
char          *edaad_store_search_signature   (void);

/* ---- edaad-store-aggregates.c ---- */
/* The partial indexes behind edaad_store_upcoming_deadlines (part of ensure_tables). */
gboolean       edaad_store_aggregates_ensure_indexes (sqlite3 *db,
                                                      GError **error);

/* ---- edaad-store-outbox.c ---- */
/* Records a user change of `fields` (names) from `old` (NULL for a create) to `record`. */
gboolean       edaad_store_outbox_record_edit (EdaadStore   *self,
                                               EdaadRecord  *old,
                                               EdaadRecord  *record,
                                               GPtrArray    *fields,
                                               GError      **error);
/* Delete support: the unsent entry (if any) is stashed under `batch` and replaced by a
 * delete entry when the server knows the record. */
gboolean       edaad_store_outbox_record_delete (EdaadStore *self,
                                                 EdaadRecord *record,
                                                 const char *batch,
                                                 GError    **error);
/* Undo of a delete: `stashed` is what record_delete stashed (or NULL). */
gboolean       edaad_store_outbox_record_undelete (EdaadStore *self,
                                                   EdaadRecord *record,
                                                   const char *stashed,
                                                   GError    **error);
gboolean       edaad_store_base_put           (EdaadStore   *self,
                                               EdaadRecord  *record,
                                               GError      **error);
/* Removes tombstones of records the server never saw and that have no outbox entry. */
gboolean       edaad_store_outbox_purge_local_tombstones (EdaadStore *self,
                                                          GError    **error);

/* For the sync engine (and tests): gives the first `max` unsent entries their `seq`, in
 * outbox order, from meta.next_mutation_seq.  Returns how many got one, or -1 on error. */
int            edaad_store_outbox_assign_seqs (EdaadStore   *self,
                                               guint         max,
                                               GError      **error);

/* Tests: builds (or upgrades) a database only up to migration `version`. */
gboolean       edaad_store_create_at_version  (const char   *path,
                                               int           version,
                                               GError      **error);

G_END_DECLS
