/* edaad-record-list.c — a GListModel of EdaadRecords whose filter and sort run in SQL.
 *
 * Only the ordered list of ids is kept; records are read on get_item and a small cache
 * keeps the rows a list view is showing.  When the store reports a change to the kind, the
 * ids are queried again and compared with the old ones: the common prefix and suffix (of ids
 * that did not change) stay, and one items-changed covers what is between them.
 */
#define G_LOG_DOMAIN "edaad-record-list"

#include "config.h"

#include "edaad-record-list.h"

#include "edaad-store-private.h"

#include <string.h>

#define CACHE_MAX 512

struct _EdaadRecordList
{
  GObject parent_instance;

  EdaadStore *store;
  const EdaadKindSpec *kind;
  const EdaadKindSql *sql;
  gulong changed_handler;

  GTree *equals;          /* field name → value (sorted, so the SQL text is stable) */
  char *query;            /* FTS5 query made from the search text, or NULL */
  char *sort_field;
  gboolean descending;

  GPtrArray *ids;         /* the ordered ids (owned strings) */
  GHashTable *cache;      /* id → EdaadRecord */
};

static void edaad_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdaadRecordList, edaad_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, edaad_record_list_model_init))

static GType
edaad_record_list_get_item_type (GListModel *model)
{
  return EDAAD_TYPE_RECORD;
}

static guint
edaad_record_list_get_n_items (GListModel *model)
{
  return EDAAD_RECORD_LIST (model)->ids->len;
}

static gpointer
edaad_record_list_get_item (GListModel *model,
                            guint       position)
{
  EdaadRecordList *self = EDAAD_RECORD_LIST (model);
  const char *id;
  EdaadRecord *record;

  if (position >= self->ids->len)
    return NULL;

  id = g_ptr_array_index (self->ids, position);
  record = g_hash_table_lookup (self->cache, id);
  if (record == NULL)
    {
      record = edaad_store_load (self->store, self->kind, id, NULL);
      if (record == NULL)
        {
          /* The row went away between the change and our refresh: an empty stand-in keeps
           * the model consistent until the refresh that is already on its way. */
          record = edaad_record_new (self->kind);
          edaad_record_set_id (record, id);
        }
      if (g_hash_table_size (self->cache) >= CACHE_MAX)
        g_hash_table_remove_all (self->cache);
      g_hash_table_insert (self->cache, g_strdup (id), record);
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

static GPtrArray *
query_ids (EdaadRecordList  *self,
           GError          **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  const EdaadFieldSpec *sort_spec = NULL;
  BindState state = { NULL, 0 };
  int rc;

  g_string_append_printf (sql, "SELECT id FROM %s WHERE deleted = 0", self->sql->table);
  g_tree_foreach (self->equals, append_equals, sql);
  if (self->query != NULL)
    g_string_append (sql, " AND id IN (SELECT d.id FROM search JOIN search_doc AS d"
                          " ON d.docid = search.rowid WHERE search MATCH ? AND d.kind = ?)");

  if (self->sort_field != NULL)
    {
      g_autofree char *column = edaad_store_quote_ident (self->sort_field);

      sort_spec = edaad_kind_lookup_field (self->kind, self->sort_field);
      g_string_append_printf (sql, " ORDER BY %s", column);
      if (sort_spec != NULL && sort_spec->type == EDAAD_FIELD_STRING)
        g_string_append (sql, " COLLATE NOCASE");
      g_string_append (sql, self->descending ? " DESC, id DESC" : ", id");
    }
  else
    g_string_append (sql, " ORDER BY id");

  state.stmt = edaad_store_prepare (self->store, sql->str, error);
  if (state.stmt == NULL)
    return NULL;
  g_tree_foreach (self->equals, bind_equals, &state);
  if (self->query != NULL)
    {
      sqlite3_bind_text (state.stmt, ++state.index, self->query, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (state.stmt, ++state.index, self->kind->name, -1, SQLITE_STATIC);
    }

  while ((rc = sqlite3_step (state.stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (state.stmt, 0)));
  sqlite3_reset (state.stmt);
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self->store, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Re-reads the ids; `changed` (may be NULL) names ids whose rows were rewritten. */
static void
refresh (EdaadRecordList    *self,
         const char * const *changed,
         gboolean            emit)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GHashTable) touched = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GPtrArray *ids;
  guint prefix = 0;
  guint suffix = 0;
  guint common;

  ids = query_ids (self, &error);
  if (ids == NULL)
    {
      /* Keep showing what we have; the next change tries again. */
      g_debug ("Could not refresh the %s list: %s", self->kind->name, error->message);
      return;
    }

  for (guint i = 0; changed != NULL && changed[i] != NULL; i++)
    {
      g_hash_table_add (touched, (gpointer) changed[i]);
      g_hash_table_remove (self->cache, changed[i]);
    }

  old = g_steal_pointer (&self->ids);
  self->ids = ids;

  common = MIN (old->len, ids->len);
  while (prefix < common &&
         strcmp (g_ptr_array_index (old, prefix), g_ptr_array_index (ids, prefix)) == 0 &&
         !g_hash_table_contains (touched, g_ptr_array_index (ids, prefix)))
    prefix++;
  while (suffix < common - prefix &&
         strcmp (g_ptr_array_index (old, old->len - 1 - suffix),
                 g_ptr_array_index (ids, ids->len - 1 - suffix)) == 0 &&
         !g_hash_table_contains (touched, g_ptr_array_index (ids, ids->len - 1 - suffix)))
    suffix++;

  if (emit && (old->len != prefix + suffix || ids->len != prefix + suffix))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix, ids->len - prefix - suffix);
}

static void
on_store_changed (EdaadStore         *store,
                  const char         *kind,
                  const char * const *ids,
                  EdaadRecordList    *self)
{
  if (strcmp (kind, self->kind->name) == 0)
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
  g_clear_pointer (&self->sort_field, g_free);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
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
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
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
  refresh (self, NULL, FALSE);

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
                    g_str_equal (field, "created_at") || g_str_equal (field, "updated_at"));

  if (g_strcmp0 (field, self->sort_field) == 0 && descending == self->descending)
    return;
  g_free (self->sort_field);
  self->sort_field = g_strdup (field);
  self->descending = !!descending;
  refresh (self, NULL, TRUE);
}

const char *
edaad_record_list_get_kind (EdaadRecordList *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD_LIST (self), NULL);
  return self->kind->name;
}
