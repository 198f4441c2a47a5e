/* edaad-record-list.c — a GListModel of EdaadRecords whose filter and sort run in SQL.
 *
 * Only the ordered rowids of the matching rows are kept (read from an index in the list's
 * order, see edaad-store-ddl.c); records are read on get_item and a small cache keeps the
 * rows a list view is showing.  When the store reports a change of one record, the list
 * finds the record's old position in the array and its new one by a binary search that
 * lets SQLite compare rows (so the order is exactly the query's), and emits one
 * items-changed when it stays in place or a removal and an insertion when it moves.  Any
 * larger change queries the rowids again and compares them with the old ones: the common
 * prefix and suffix (of rows that did not change) stay, and one items-changed covers what
 * is between them.
 *
 * The rowids are read lazily: creating a list and setting its filter and sort run no query;
 * the first question about its items does (get_n_items, get_item).  So a list made, narrowed
 * to one plan and then read costs one query for that plan's rows, not one for every row of
 * the kind before the filter.  A change in the store before then emits nothing (nobody has
 * seen any items yet), unless someone is listening for items-changed: the list then loads
 * and reports its rows as added, as it would have had it been read empty just before.
 */
#define G_LOG_DOMAIN "edaad-record-list"

#include "config.h"

#include "edaad-record-list.h"

#include "edaad-date.h"
#include "edaad-plan-metrics.h"
#include "edaad-store-private.h"

#include <string.h>

#define CACHE_MAX 2048

struct _EdaadRecordList
{
  GObject parent_instance;

  EdaadStore *store;
  const EdaadKindSpec *kind;
  const EdaadKindSql *sql;
  gulong changed_handler;

  GTree *equals;          /* field name → value (sorted, so the SQL text is stable) */
  char *query;            /* FTS5 query made from the search text, or NULL */
  char *overdue_today;    /* the overdue filter's "today", or NULL when it is off */
  char *sort_field;       /* a column, or a computed key (see sort_is_computed) */
  char *sort_today;       /* the day the "rag" key is judged on (set with the sort) */
  gboolean descending;

  char *list_sql;         /* the ordered rowids; NULL until needed */
  char *match_sql;        /* SELECT rowid, <matches the filter> FROM table WHERE id = ? */
  char *compare_sql;      /* sign of (row ?1 − row ?2) in the list's order */

  gboolean loaded;        /* rows holds the query's result (see ensure_loaded) */
  gboolean replacing;     /* between the two halves of a large change (see refresh) */
  GArray *rows;           /* gint64 rowids, in list order; empty until loaded */
  GHashTable *cache;      /* gint64* rowid → EdaadRecord */
};

static void edaad_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdaadRecordList, edaad_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, edaad_record_list_model_init))

#define ROW_AT(self, i) g_array_index ((self)->rows, gint64, (i))

static void refresh (EdaadRecordList    *self,
                     const char * const *changed,
                     gboolean            emit);

/* Reads the rowids the first time anyone asks about the items. */
static void
ensure_loaded (EdaadRecordList *self)
{
  if (!self->loaded)
    refresh (self, NULL, FALSE);
}

static GType
edaad_record_list_get_item_type (GListModel *model)
{
  return EDAAD_TYPE_RECORD;
}

static guint
edaad_record_list_get_n_items (GListModel *model)
{
  EdaadRecordList *self = EDAAD_RECORD_LIST (model);

  ensure_loaded (self);
  return self->rows->len;
}

/* Reads the rows from `position` on that are not cached yet — up to
 * EDAAD_KIND_SQL_ROW_BLOCK of them, in one statement — into the cache: a list view asks
 * for its rows one after the other, and one query for a block costs little more than one
 * for a row. */
static void
load_block (EdaadRecordList *self,
            guint            position)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self->store, self->sql->select_rowids_sql, NULL);
  guint n_bound = 0;

  if (stmt == NULL)
    return;
  if (g_hash_table_size (self->cache) + EDAAD_KIND_SQL_ROW_BLOCK > CACHE_MAX)
    g_hash_table_remove_all (self->cache);

  for (guint i = position; i < self->rows->len && n_bound < EDAAD_KIND_SQL_ROW_BLOCK; i++)
    if (!g_hash_table_contains (self->cache, &ROW_AT (self, i)))
      sqlite3_bind_int64 (stmt, ++n_bound, ROW_AT (self, i));
  /* Unused parameters stay NULL, which matches no rowid. */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, sqlite3_column_count (stmt) - 1);

      g_hash_table_insert (self->cache, g_memdup2 (&row, sizeof row),
                           edaad_store_row_to_record (self->kind, stmt));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static gpointer
edaad_record_list_get_item (GListModel *model,
                            guint       position)
{
  EdaadRecordList *self = EDAAD_RECORD_LIST (model);
  EdaadRecord *record;
  gint64 row;

  ensure_loaded (self);
  if (position >= self->rows->len)
    return NULL;

  row = ROW_AT (self, position);
  record = g_hash_table_lookup (self->cache, &row);
  if (record == NULL)
    {
      load_block (self, position);
      record = g_hash_table_lookup (self->cache, &row);
    }
  if (record == NULL)
    {
      /* The row went away between the change and our refresh: an empty stand-in keeps
       * the model consistent until the refresh that is already on its way. */
      record = edaad_record_new (self->kind);
      g_hash_table_insert (self->cache, g_memdup2 (&row, sizeof row), record);
    }

  return g_object_ref (record);
}

static void
edaad_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = edaad_record_list_get_item_type;
  iface->get_n_items = edaad_record_list_get_n_items;
  iface->get_item = edaad_record_list_get_item;
}

/* ---- SQL ---- */

static gboolean
append_equals (gpointer key,
               gpointer value,
               gpointer data)
{
  GString *sql = data;
  g_autofree char *column = edaad_store_quote_ident (key);

  g_string_append_printf (sql, " AND %s = ?", column);
  return FALSE;
}

typedef struct
{
  sqlite3_stmt *stmt;
  int index;
} BindState;

static gboolean
bind_equals (gpointer key,
             gpointer value,
             gpointer data)
{
  BindState *state = data;

  sqlite3_bind_text (state->stmt, ++state->index, value, -1, SQLITE_TRANSIENT);
  return FALSE;
}

/* Binds the parameters of the filter: of list_sql, or (`one_row`) of match_sql. */
static void
bind_where (EdaadRecordList *self,
            sqlite3_stmt    *stmt,
            gboolean         one_row)
{
  BindState state = { stmt, 0 };

  g_tree_foreach (self->equals, bind_equals, &state);
  if (self->overdue_today != NULL)
    sqlite3_bind_text (stmt, ++state.index, self->overdue_today, -1, SQLITE_TRANSIENT);
  if (self->query != NULL)
    {
      gint64 base = edaad_store_search_docid_base (self->kind);

      if (one_row)
        {
          sqlite3_bind_text (stmt, ++state.index, self->query, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, ++state.index, base);
          return;
        }
      sqlite3_bind_int64 (stmt, ++state.index, base);
      sqlite3_bind_text (stmt, ++state.index, self->query, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, ++state.index, base + 1);
      sqlite3_bind_int64 (stmt, ++state.index, base + EDAAD_STORE_SEARCH_KIND_SPAN - 1);
    }
}

/* The computed sort keys of plans, "progress" and "rag" (when the kind has no field of
 * that name). */
static gboolean
sort_is_computed_key (EdaadRecordList *self,
                      const char      *key)
{
  return g_str_equal (self->sort_field, key) && edaad_kind_lookup_field (self->kind, key) == NULL;
}

static gboolean
sort_is_progress (EdaadRecordList *self)
{
  return sort_is_computed_key (self, "progress");
}

static gboolean
sort_is_computed (EdaadRecordList *self)
{
  return sort_is_progress (self) || sort_is_computed_key (self, "rag");
}

/* The sort key of the row of `qualifier` (a table name or alias): its column, or for
 * "progress" and "rag" the plan's computed value (edaad-store-plan-rollup.c; progress as
 * a fraction, which orders as the percentage does), "rag" judged on the day the sort was
 * set. */
static char *
sort_key (EdaadRecordList *self,
          const char      *qualifier)
{
  g_autofree char *column = NULL;

  if (sort_is_progress (self))
    return edaad_store_plan_progress_sql (self->store, qualifier);
  if (sort_is_computed_key (self, "rag"))
    {
      g_autofree char *today = g_strdup_printf ("'%s'", self->sort_today);

      return edaad_store_plan_rag_sql (self->store, qualifier, today);
    }
  column = edaad_store_quote_ident (self->sort_field);
  return g_strdup_printf ("%s.%s", qualifier, column);
}

static gboolean
sort_is_text (EdaadRecordList *self)
{
  const EdaadFieldSpec *spec = edaad_kind_lookup_field (self->kind, self->sort_field);

  return spec != NULL && spec->type == EDAAD_FIELD_STRING;
}

static void
clear_sql (EdaadRecordList *self)
{
  g_clear_pointer (&self->list_sql, g_free);
  g_clear_pointer (&self->match_sql, g_free);
  g_clear_pointer (&self->compare_sql, g_free);
}

/* The statements for the current filter and sort; made when they change. */
static void
ensure_sql (EdaadRecordList *self)
{
  g_autoptr(GString) where = NULL;
  g_autofree char *list_where = NULL;
  g_autofree char *key = NULL;
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  const char *collate;

  if (self->list_sql != NULL)
    return;

  where = g_string_new ("deleted = 0");
  g_tree_foreach (self->equals, append_equals, where);
  if (self->overdue_today != NULL)
    g_string_append (where, " AND due_on < ? AND (status IS NULL OR status NOT IN ('closed', 'cancelled'))");
  if (self->query != NULL)
    {
      /* The list: every match in the kind's docid range, mapped to table rowids
       * (edaad-store-search.c); one row: whether its own docid matches. */
      list_where = g_strconcat (where->str, " AND rowid IN (SELECT rowid - ? FROM search"
                                            " WHERE search MATCH ? AND rowid BETWEEN ? AND ?)", NULL);
      g_string_append_printf (where, " AND EXISTS (SELECT 1 FROM search"
                                     " WHERE search MATCH ? AND search.rowid = %s.rowid + ?)",
                              self->sql->table);
    }
  else
    list_where = g_strdup (where->str);

  key = sort_key (self, self->sql->table);
  key_a = sort_key (self, "a");
  key_b = sort_key (self, "b");
  collate = sort_is_text (self) ? " COLLATE NOCASE" : "";
  /* With an equality filter, `+` keeps the sort index out so that SQLite reads the few
   * matching rows through the filter's index and sorts them; without one the sort index
   * gives the order for free. */
  self->list_sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s ORDER BY %s%s%s%s, rowid%s",
                                    self->sql->table, list_where,
                                    g_tree_nnodes (self->equals) > 0 && !sort_is_computed (self) ? "+" : "",
                                    key, collate,
                                    self->descending ? " DESC" : "", self->descending ? " DESC" : "");
  self->match_sql = g_strdup_printf ("SELECT rowid, %s FROM %s WHERE id = ?",
                                     where->str, self->sql->table);
  /* NULLs first, then SQLite's own comparison (with the same collation as the list), then
   * rowid: the order of list_sql.  DESC reverses all of it, as list_sql does. */
  self->compare_sql = g_strdup_printf ("SELECT %s CASE"
                                       " WHEN %s%s IS %s THEN (a.rowid > b.rowid) - (a.rowid < b.rowid)"
                                       " WHEN %s IS NULL THEN -1 WHEN %s IS NULL THEN 1"
                                       " WHEN %s%s < %s THEN -1 ELSE 1 END"
                                       " FROM %s AS a, %s AS b WHERE a.rowid = ?1 AND b.rowid = ?2",
                                       self->descending ? "-" : "",
                                       key_a, collate, key_b, key_a, key_b, key_a, collate, key_b,
                                       self->sql->table, self->sql->table);
}

static GArray *
query_rows (EdaadRecordList  *self,
            GError          **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  ensure_sql (self);
  stmt = edaad_store_prepare (self->store, self->list_sql, error);
  if (stmt == NULL)
    return NULL;
  bind_where (self, stmt, FALSE);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self->store, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* ---- refresh ---- */

static void
forget_row (EdaadRecordList *self,
            gint64           row)
{
  g_hash_table_remove (self->cache, &row);
}

/* Re-reads the rowids; `changed` (may be NULL) names ids whose rows were rewritten. */
static void
refresh (EdaadRecordList    *self,
         const char * const *changed,
         gboolean            emit)
{
  g_autoptr(GArray) old = NULL;
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  GArray *rows;
  guint prefix = 0;
  guint suffix = 0;
  guint common;
  guint removed;
  guint added;

  rows = query_rows (self, &error);
  if (rows == NULL)
    {
      /* Keep showing what we have; the next change (or question, when this was the first
       * load) tries again. */
      g_debug ("Could not refresh the %s list: %s", self->kind->name, error->message);
      return;
    }
  self->loaded = TRUE;

  if (changed != NULL)
    {
      sqlite3_stmt *stmt = edaad_store_prepare (self->store, self->sql->rowid_by_id_sql, NULL);

      for (guint i = 0; stmt != NULL && changed[i] != NULL; i++)
        {
          sqlite3_bind_text (stmt, 1, changed[i], -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              gint64 row = sqlite3_column_int64 (stmt, 0);

              forget_row (self, row);
              g_hash_table_add (touched, g_memdup2 (&row, sizeof row));
            }
          sqlite3_reset (stmt);
        }
    }

  old = g_steal_pointer (&self->rows);
  self->rows = rows;

#define OLD_AT(i) g_array_index (old, gint64, (i))
  common = MIN (old->len, rows->len);
  while (prefix < common && OLD_AT (prefix) == ROW_AT (self, prefix) &&
         !g_hash_table_contains (touched, &ROW_AT (self, prefix)))
    prefix++;
  while (suffix < common - prefix &&
         OLD_AT (old->len - 1 - suffix) == ROW_AT (self, rows->len - 1 - suffix) &&
         !g_hash_table_contains (touched, &ROW_AT (self, rows->len - 1 - suffix)))
    suffix++;
#undef OLD_AT

  if (!emit || (old->len == prefix + suffix && rows->len == prefix + suffix))
    return;
  removed = old->len - prefix - suffix;
  added = rows->len - prefix - suffix;
  if (removed < EDAAD_KIND_SQL_ROW_BLOCK || added < EDAAD_KIND_SQL_ROW_BLOCK)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
      return;
    }

  /* Many rows replaced by many (a search, a sort): told as their removal, then the
   * insertion of the new ones.  Told as one change, GTK 4.8's list views read every
   * inserted item to look for the rows they track (the one at the top, the focused one),
   * which here means loading thousands of records. */
  self->rows = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + suffix);
  g_array_append_vals (self->rows, rows->data, prefix);
  g_array_append_vals (self->rows, &g_array_index (rows, gint64, rows->len - suffix), suffix);
  self->replacing = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
  g_array_unref (self->rows);
  self->rows = rows;
  self->replacing = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, added);
}

/* Something other than the list's own rows changed their order (a milestone, under the
 * progress sort): the same rows, re-read in their new order.  One row that moved is told
 * as its removal and its insertion; anything else as one items-changed over the rows
 * between the unchanged prefix and suffix. */
static void
reorder (EdaadRecordList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  const gint64 *a;
  const gint64 *b;
  guint prefix = 0;
  guint suffix = 0;
  guint end;
  guint span;

  rows = query_rows (self, &error);
  if (rows == NULL)
    {
      g_debug ("Could not reorder the %s list: %s", self->kind->name, error->message);
      return;
    }
  if (rows->len != self->rows->len)
    {
      /* Not just an order change after all: the general path. */
      refresh (self, NULL, TRUE);
      return;
    }

  a = (const gint64 *) (gpointer) self->rows->data;
  b = (const gint64 *) (gpointer) rows->data;
  while (prefix < rows->len && a[prefix] == b[prefix])
    prefix++;
  if (prefix == rows->len)
    return;
  while (a[rows->len - 1 - suffix] == b[rows->len - 1 - suffix])
    suffix++;
  end = rows->len - suffix;
  span = end - prefix;

  if (a[prefix] == b[end - 1] &&
      memcmp (a + prefix + 1, b + prefix, (span - 1) * sizeof (gint64)) == 0)
    {
      /* The first row of the span moved down to its end. */
      g_array_remove_index (self->rows, prefix);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, 1, 0);
      g_array_insert_val (self->rows, end - 1, b[end - 1]);
      g_list_model_items_changed (G_LIST_MODEL (self), end - 1, 0, 1);
      return;
    }
  if (a[end - 1] == b[prefix] &&
      memcmp (a + prefix, b + prefix + 1, (span - 1) * sizeof (gint64)) == 0)
    {
      /* The last row of the span moved up to its start. */
      g_array_remove_index (self->rows, end - 1);
      g_list_model_items_changed (G_LIST_MODEL (self), end - 1, 1, 0);
      g_array_insert_val (self->rows, prefix, b[prefix]);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, 1);
      return;
    }

  g_array_unref (self->rows);
  self->rows = g_steal_pointer (&rows);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, span, span);
}

/* Where `row` is in the array, or -1. */
static gssize
find_row (EdaadRecordList *self,
          gint64           row)
{
  const gint64 *rows = (const gint64 *) (gpointer) self->rows->data;

  for (guint i = 0; i < self->rows->len; i++)
    if (rows[i] == row)
      return i;
  return -1;
}

/* Where `row` belongs among the array's rows, skipping position `skip` (its old place, or
 * -1).  Returns FALSE on an SQLite error. */
static gboolean
find_place (EdaadRecordList *self,
            gint64           row,
            gssize           skip,
            guint           *out_position)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self->store, self->compare_sql, NULL);
  guint low = 0;
  guint high = self->rows->len - (skip >= 0 ? 1 : 0);

  if (stmt == NULL)
    return FALSE;

  /* Binary search over the array without `skip`: index i maps to i or i + 1. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint index = (skip >= 0 && middle >= (guint) skip) ? middle + 1 : middle;
      int sign;

      sqlite3_bind_int64 (stmt, 1, row);
      sqlite3_bind_int64 (stmt, 2, ROW_AT (self, index));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      sign = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (sign > 0)
        low = middle + 1;
      else
        high = middle;
    }

  *out_position = low;
  return TRUE;
}

/* One record changed: moves, adds, removes or replaces exactly its row.  Returns FALSE
 * when it cannot tell (the caller then re-reads the whole list). */
static gboolean
update_one (EdaadRecordList *self,
            const char      *id)
{
  sqlite3_stmt *stmt;
  gint64 row;
  gboolean matches;
  gssize old_position;
  guint new_position = 0;
  int rc;

  ensure_sql (self);
  stmt = edaad_store_prepare (self->store, self->match_sql, NULL);
  if (stmt == NULL)
    return FALSE;
  bind_where (self, stmt, TRUE);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_count (stmt), id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      /* Gone from the table (or an error): only a full refresh knows where it was. */
      sqlite3_reset (stmt);
      return FALSE;
    }
  row = sqlite3_column_int64 (stmt, 0);
  matches = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);

  old_position = find_row (self, row);
  if (matches && !find_place (self, row, old_position, &new_position))
    return FALSE;

  forget_row (self, row);
  if (old_position >= 0 && matches && (guint) old_position == new_position)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 1, 1);
      return TRUE;
    }
  if (old_position >= 0)
    {
      g_array_remove_index (self->rows, old_position);
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
    }
  if (matches)
    {
      g_array_insert_val (self->rows, new_position, row);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }
  return TRUE;
}

static guint
items_changed_signal_id (void)
{
  static guint id;

  if (id == 0)
    id = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);
  return id;
}

static void
on_store_changed (EdaadStore         *store,
                  const char         *kind,
                  const char * const *ids,
                  EdaadRecordList    *self)
{
  if (strcmp (kind, self->kind->name) != 0)
    {
      /* Under a computed sort, a milestone change may move its plan. */
      if (self->loaded && sort_is_computed (self) && strcmp (kind, "milestone") == 0)
        reorder (self);
      return;
    }
  if (!self->loaded)
    {
      /* Nobody has seen an item: nothing to tell, unless someone listens (it then hears of
       * every row as added, from the empty list it could have read just before). */
      if (g_signal_has_handler_pending (self, items_changed_signal_id (), 0, FALSE))
        refresh (self, NULL, TRUE);
      return;
    }
  if (ids != NULL && ids[0] != NULL && ids[1] == NULL && update_one (self, ids[0]))
    return;
  refresh (self, ids, TRUE);
}

static void
edaad_record_list_dispose (GObject *object)
{
  EdaadRecordList *self = (EdaadRecordList *) object;

  g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  g_hash_table_remove_all (self->cache);

  G_OBJECT_CLASS (edaad_record_list_parent_class)->dispose (object);
}

static void
edaad_record_list_finalize (GObject *object)
{
  EdaadRecordList *self = (EdaadRecordList *) object;

  g_clear_pointer (&self->equals, g_tree_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->overdue_today, g_free);
  g_clear_pointer (&self->sort_field, g_free);
  g_clear_pointer (&self->sort_today, g_free);
  clear_sql (self);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (edaad_record_list_parent_class)->finalize (object);
}

static void
edaad_record_list_class_init (EdaadRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = edaad_record_list_dispose;
  object_class->finalize = edaad_record_list_finalize;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (a, b);
}

static void
edaad_record_list_init (EdaadRecordList *self)
{
  self->equals = g_tree_new_full (compare_names, NULL, g_free, g_free);
  self->rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/* The natural order of a kind: its position field, else its title, else creation. */
static const char *
default_sort (const EdaadKindSpec *kind)
{
  const EdaadFieldSpec *title;

  if (edaad_kind_lookup_field (kind, "position") != NULL)
    return "position";
  title = edaad_kind_title_field (kind);
  if (title != NULL)
    return title->name;
  return "created_at";
}

EdaadRecordList *
edaad_record_list_new (EdaadStore *store,
                       const char *kind)
{
  EdaadRecordList *self;
  const EdaadKindSpec *spec;

  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);
  spec = edaad_schema_lookup_kind (kind);
  g_return_val_if_fail (spec != NULL, NULL);

  self = g_object_new (EDAAD_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = spec;
  self->sql = edaad_store_kind_sql (store, kind);
  self->sort_field = g_strdup (default_sort (spec));
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);

  return self;
}

void
edaad_record_list_set_equals (EdaadRecordList *self,
                              const char      *field,
                              const char      *value)
{
  const char *current;

  g_return_if_fail (EDAAD_IS_RECORD_LIST (self));
  g_return_if_fail (edaad_kind_lookup_field (self->kind, field) != NULL);

  current = g_tree_lookup (self->equals, field);
  if (g_strcmp0 (current, value) == 0)
    return;
  if (value == NULL)
    g_tree_remove (self->equals, field);
  else
    g_tree_replace (self->equals, g_strdup (field), g_strdup (value));
  clear_sql (self);
  if (self->loaded)
    refresh (self, NULL, TRUE);
}

void
edaad_record_list_set_text (EdaadRecordList *self,
                            const char      *text)
{
  g_autofree char *query = NULL;

  g_return_if_fail (EDAAD_IS_RECORD_LIST (self));

  query = edaad_store_search_query (text);
  if (g_strcmp0 (query, self->query) == 0)
    return;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  clear_sql (self);
  if (self->loaded)
    refresh (self, NULL, TRUE);
}

void
edaad_record_list_set_overdue (EdaadRecordList *self,
                               const char      *today)
{
  g_return_if_fail (EDAAD_IS_RECORD_LIST (self));
  g_return_if_fail (edaad_kind_lookup_field (self->kind, "due_on") != NULL &&
                    edaad_kind_lookup_field (self->kind, "status") != NULL);

  if (g_strcmp0 (today, self->overdue_today) == 0)
    return;
  g_free (self->overdue_today);
  self->overdue_today = g_strdup (today);
  clear_sql (self);
  if (self->loaded)
    refresh (self, NULL, TRUE);
}

void
edaad_record_list_set_sort (EdaadRecordList *self,
                            const char      *field,
                            gboolean         descending)
{
  g_return_if_fail (EDAAD_IS_RECORD_LIST (self));
  g_return_if_fail (field != NULL);
  g_return_if_fail (edaad_kind_lookup_field (self->kind, field) != NULL ||
                    g_str_equal (field, "created_at") || g_str_equal (field, "updated_at") ||
                    ((g_str_equal (field, "progress") || g_str_equal (field, "rag")) &&
                     g_str_equal (self->kind->name, "plan")));

  if (g_strcmp0 (field, self->sort_field) == 0 && descending == self->descending &&
      !g_str_equal (field, "rag"))
    return;
  g_free (self->sort_field);
  self->sort_field = g_strdup (field);
  /* Setting the RAG sort again judges it on the new day. */
  g_free (self->sort_today);
  self->sort_today = edaad_date_today ();
  self->descending = !!descending;
  clear_sql (self);
  if (self->loaded)
    refresh (self, NULL, TRUE);
}

const char *
edaad_record_list_get_kind (EdaadRecordList *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_LIST (self), NULL);
  return self->kind->name;
}

gboolean
edaad_record_list_is_replacing (EdaadRecordList *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_LIST (self), FALSE);
  return self->replacing;
}

guint
edaad_record_list_find_id (EdaadRecordList *self,
                           const char      *id)
{
  sqlite3_stmt *stmt;
  gssize position = -1;

  g_return_val_if_fail (EDAAD_IS_RECORD_LIST (self), G_MAXUINT);

  if (id == NULL)
    return G_MAXUINT;
  ensure_loaded (self);
  stmt = edaad_store_prepare (self->store, self->sql->rowid_by_id_sql, NULL);
  if (stmt == NULL)
    return G_MAXUINT;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = find_row (self, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  return position >= 0 ? (guint) position : G_MAXUINT;
}
