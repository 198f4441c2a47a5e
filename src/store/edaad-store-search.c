/* edaad-store-search.c — the FTS5 index over every searchable field, and search.
 *
 * One FTS5 table `search (title, body)` holds one row per live record; `search_doc` maps its
 * rowid to (kind, id) so that a record's row is found without scanning.  `title` holds the
 * kind's TITLE fields, `body` its other SEARCHABLE fields.  The tokenizer is unicode61 with
 * remove_diacritics 2, which splits Arabic and Latin text alike and folds Latin accents;
 * prefix indexes for 1 to 3 characters make search-as-you-type's short prefixes cheap.
 *
 * A record's FTS rowid (docid) is its kind's base plus the rowid of its row in the kind's
 * table (edaad_store_search_docid_base): a list of one kind restricts a match to its kind's
 * rowid range and maps matches to table rows with arithmetic instead of joins.  Each kind
 * has a span of 2^40 rowids, and kinds earlier in the schema have the higher bases.  The
 * table rowids are stable (rows are updated in place; nothing runs VACUUM, which may
 * renumber them — anything that ever does must call edaad_store_search_rebuild after).
 */
#define G_LOG_DOMAIN "edaad-store-search"

#include "config.h"

#include "edaad-store-private.h"

#include <glib/gi18n-lib.h>

/* Bump when the way text is indexed changes: the index is then rebuilt at open. */
#define SEARCH_FORMAT "fts2"

/* Ranking a very common term over every match costs milliseconds per thousand rows: only
 * the newest matches (highest docids: the schema's first kinds, then the newest records)
 * up to this many are ranked.  Rarer terms are ranked over all their matches. */
#define RANK_CANDIDATES 1000
/* FTS5 reads a prefix of up to this many characters from its prefix index lazily (see the
 * table's prefix option), but merges the whole posting lists of every term that starts
 * with a longer one.  The bound on the candidates is therefore first looked up with each
 * word cut to this length (which matches at least as much, so the bound is no lower). */
#define INDEXED_PREFIX 3

gint64
edaad_store_search_docid_base (const EdaadKindSpec *kind)
{
  guint n = edaad_schema_n_kinds ();

  for (guint k = 0; k < n; k++)
    if (g_str_equal (edaad_schema_kind_at (k)->name, kind->name))
      return (gint64) (n - k) * EDAAD_STORE_SEARCH_KIND_SPAN;
  g_return_val_if_reached (0);
}

static gboolean
field_is_text (const EdaadFieldSpec *field)
{
  return field->type != EDAAD_FIELD_INT && field->type != EDAAD_FIELD_REAL &&
         field->type != EDAAD_FIELD_BOOL;
}

static gboolean
kind_is_searchable (const EdaadKindSpec *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if ((kind->fields[i].flags & EDAAD_FIELD_SEARCHABLE) && field_is_text (&kind->fields[i]))
      return TRUE;
  return FALSE;
}

char *
edaad_store_search_signature (void)
{
  GString *s = g_string_new (SEARCH_FORMAT);

  for (guint k = 0; k < edaad_schema_n_kinds (); k++)
    {
      const EdaadKindSpec *kind = edaad_schema_kind_at (k);

      if (!kind_is_searchable (kind))
        continue;
      g_string_append_printf (s, ";%s:", kind->name);
      for (guint i = 0; i < kind->n_fields; i++)
        if ((kind->fields[i].flags & EDAAD_FIELD_SEARCHABLE) && field_is_text (&kind->fields[i]))
          g_string_append_printf (s, "%s%s,", kind->fields[i].name,
                                  (kind->fields[i].flags & EDAAD_FIELD_TITLE) ? "*" : "");
    }

  return g_string_free (s, FALSE);
}

static void
append_text (GString    *s,
             const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append (s, text);
}

/* ---- maintenance on the store's connection ---- */

static gint64
lookup_docid (EdaadStore  *self,
              const char  *kind,
              const char  *id,
              GError     **error)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self, "SELECT docid FROM search_doc WHERE kind = ?1 AND id = ?2",
                                            error);
  gint64 docid = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    docid = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      docid = -1;
    }
  sqlite3_reset (stmt);

  return docid;
}

/* The rowid of the record's row in its kind's table (0 + error when missing). */
static gint64
table_rowid (EdaadStore           *self,
             const EdaadKindSpec  *kind,
             const char           *id,
             GError              **error)
{
  const EdaadKindSql *sql = edaad_store_kind_sql (self, kind->name);
  g_autofree char *text = g_strdup_printf ("SELECT rowid FROM %s WHERE id = ?1", sql->table);
  sqlite3_stmt *stmt = edaad_store_prepare (self, text, error);
  gint64 row = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND,
                 _("%s “%s” was not found in %s."),
                 g_dgettext (GETTEXT_PACKAGE, kind->label), id, self->path);
  else
    edaad_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  if (row >= EDAAD_STORE_SEARCH_KIND_SPAN)
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED,
                   _("The search index has no room for %s “%s”."),
                   g_dgettext (GETTEXT_PACKAGE, kind->label), id);
      return 0;
    }
  return row;
}

static gboolean
delete_text (EdaadStore  *self,
             gint64       docid,
             GError     **error)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self, "DELETE FROM search WHERE rowid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  return edaad_store_step_done (self, stmt, error);
}

gboolean
edaad_store_search_index (EdaadStore   *self,
                          EdaadRecord  *record,
                          GError      **error)
{
  const EdaadKindSpec *kind = edaad_record_get_kind (record);
  const char *id = edaad_record_get_id (record);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint64 row;
  gint64 docid;
  gint64 old_docid;

  if (!kind_is_searchable (kind))
    return TRUE;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];
      GVariant *value;

      if (!(field->flags & EDAAD_FIELD_SEARCHABLE) || !field_is_text (field))
        continue;
      value = edaad_record_get_value (record, field->name);
      if (value != NULL)
        append_text ((field->flags & EDAAD_FIELD_TITLE) ? title : body, g_variant_get_string (value, NULL));
    }

  row = table_rowid (self, kind, id, error);
  if (row <= 0)
    return FALSE;
  docid = edaad_store_search_docid_base (kind) + row;
  old_docid = lookup_docid (self, kind->name, id, error);
  if (old_docid < 0)
    return FALSE;
  if (old_docid != docid)
    {
      /* New, or its table row moved: the old text goes, and (kind, id) gets this docid
       * (REPLACE also drops a stale entry that still held it). */
      if (old_docid > 0 && !delete_text (self, old_docid, error))
        return FALSE;
      stmt = edaad_store_prepare (self, "INSERT OR REPLACE INTO search_doc (docid, kind, id) VALUES (?1, ?2, ?3)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, docid);
      sqlite3_bind_text (stmt, 2, kind->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
      if (!edaad_store_step_done (self, stmt, error))
        return FALSE;
    }
  if (!delete_text (self, docid, error))
    return FALSE;

  stmt = edaad_store_prepare (self, "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  sqlite3_bind_text (stmt, 2, title->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, body->str, -1, SQLITE_TRANSIENT);
  return edaad_store_step_done (self, stmt, error);
}

gboolean
edaad_store_search_unindex (EdaadStore  *self,
                            const char  *kind,
                            const char  *id,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 docid = lookup_docid (self, kind, id, error);

  if (docid <= 0)
    return docid == 0;

  stmt = edaad_store_prepare (self, "DELETE FROM search WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  if (!edaad_store_step_done (self, stmt, error))
    return FALSE;

  stmt = edaad_store_prepare (self, "DELETE FROM search_doc WHERE docid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  return edaad_store_step_done (self, stmt, error);
}

/* ---- rebuild (migrations, schema changes) ---- */

static gboolean
rebuild_failed (sqlite3  *db,
                GError  **error)
{
  g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED,
               _("Could not rebuild the search index: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
rebuild_kind (sqlite3             *db,
              const EdaadKindSpec *kind,
              sqlite3_stmt        *insert_doc,
              sqlite3_stmt        *insert_text,
              GError             **error)
{
  g_autofree char *table = edaad_store_table_name (kind);
  g_autoptr(GString) sql = g_string_new ("SELECT rowid, id");
  g_autoptr(GArray) is_title = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gint64 base = edaad_store_search_docid_base (kind);
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];
      g_autofree char *q = NULL;
      gboolean title;

      if (!(field->flags & EDAAD_FIELD_SEARCHABLE) || !field_is_text (field))
        continue;
      q = edaad_store_quote_ident (field->name);
      g_string_append_printf (sql, ", %s", q);
      title = (field->flags & EDAAD_FIELD_TITLE) != 0;
      g_array_append_val (is_title, title);
    }
  g_string_append_printf (sql, " FROM %s WHERE deleted = 0", table);

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return rebuild_failed (db, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      g_autoptr(GString) body = g_string_new (NULL);

      gint64 row = sqlite3_column_int64 (stmt, 0);

      if (row >= EDAAD_STORE_SEARCH_KIND_SPAN)
        {
          rc = SQLITE_RANGE;
          break;
        }
      for (guint c = 0; c < is_title->len; c++)
        append_text (g_array_index (is_title, gboolean, c) ? title : body,
                     (const char *) sqlite3_column_text (stmt, (int) c + 2));

      sqlite3_bind_int64 (insert_doc, 1, base + row);
      sqlite3_bind_text (insert_doc, 2, kind->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_doc, 3, (const char *) sqlite3_column_text (stmt, 1), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (insert_doc) != SQLITE_DONE)
        break;
      sqlite3_reset (insert_doc);

      sqlite3_bind_int64 (insert_text, 1, base + row);
      sqlite3_bind_text (insert_text, 2, title->str, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert_text, 3, body->str, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (insert_text) != SQLITE_DONE)
        break;
      sqlite3_reset (insert_text);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      sqlite3_reset (insert_doc);
      sqlite3_reset (insert_text);
      return rebuild_failed (db, error);
    }
  return TRUE;
}

gboolean
edaad_store_search_rebuild (sqlite3  *db,
                            GError  **error)
{
  sqlite3_stmt *insert_doc = NULL;
  sqlite3_stmt *insert_text = NULL;
  gboolean ok = TRUE;

  /* The table is made anew so that its options are always this version's. */
  if (sqlite3_exec (db,
                    "DROP TABLE IF EXISTS search;"
                    "CREATE VIRTUAL TABLE search USING fts5 (title, body,"
                    "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
                    "DELETE FROM search_doc;",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO search_doc (docid, kind, id) VALUES (?1, ?2, ?3)", -1, &insert_doc, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)", -1, &insert_text, NULL) != SQLITE_OK)
    ok = rebuild_failed (db, error);

  for (guint k = 0; ok && k < edaad_schema_n_kinds (); k++)
    {
      const EdaadKindSpec *kind = edaad_schema_kind_at (k);

      if (kind_is_searchable (kind))
        ok = rebuild_kind (db, kind, insert_doc, insert_text, error);
    }

  sqlite3_finalize (insert_doc);
  sqlite3_finalize (insert_text);
  return ok;
}

/* ---- queries ---- */

/* The FTS5 query for `text`, each word cut to at most `max_chars` characters (0: whole). */
static char *
build_query (const char *text,
             guint       max_chars)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) query = g_string_new (NULL);

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r\f\v", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_word_char = FALSE;
      guint n_chars = 0;

      if (!g_utf8_validate (words[i], -1, NULL))
        continue;
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          {
            has_word_char = TRUE;
            break;
          }
      if (!has_word_char)
        continue;

      /* Every word is a quoted string (quotes doubled) with a prefix star: nothing the
       * user types is read as FTS5 syntax, and search-as-you-type matches word starts. */
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0' && (max_chars == 0 || n_chars < max_chars); p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
          /* A character ends where the next byte is not a continuation byte. */
          if (((guchar) p[1] & 0xC0) != 0x80)
            n_chars++;
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

char *
edaad_store_search_query (const char *text)
{
  return build_query (text, 0);
}

void
edaad_search_hit_free (EdaadSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->kind);
  g_free (hit->id);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

static gboolean candidate_bound (EdaadStore *self, const char *query, guint limit,
                                 gint64 *out_lowest, GError **error);
static gboolean rank_hits (EdaadStore *self, const char *query, guint limit, gint64 lowest,
                           GPtrArray *hits, GError **error);

GPtrArray *
edaad_store_search (EdaadStore  *self,
                    const char  *text,
                    guint        limit,
                    GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) edaad_search_hit_free);
  g_autofree char *query = NULL;
  g_autofree char *short_query = NULL;
  gint64 lowest = 0;

  g_return_val_if_fail (EDAAD_IS_STORE (self), NULL);

  query = edaad_store_search_query (text);
  if (query == NULL || limit == 0)
    return g_steal_pointer (&hits);

  /* The candidates: the RANK_CANDIDATES highest docids that match the short query.  When
   * the short query matches much more than the real one, that can leave fewer than
   * `limit` hits; the bound then comes from the real query (slower for long prefixes). */
  short_query = build_query (text, INDEXED_PREFIX);
  if (!candidate_bound (self, short_query, limit, &lowest, error) ||
      !rank_hits (self, query, limit, lowest, hits, error))
    return NULL;
  if (hits->len < limit && lowest > 0 && g_strcmp0 (short_query, query) != 0)
    {
      g_ptr_array_set_size (hits, 0);
      if (!candidate_bound (self, query, limit, &lowest, error) ||
          !rank_hits (self, query, limit, lowest, hits, error))
        return NULL;
    }

  /* Titles in the user's language come from the records themselves. */
  for (guint i = 0; i < hits->len; i++)
    {
      EdaadSearchHit *hit = g_ptr_array_index (hits, i);
      const EdaadKindSpec *kind = edaad_schema_lookup_kind (hit->kind);
      g_autoptr(EdaadRecord) record = NULL;

      if (kind != NULL)
        record = edaad_store_load (self, kind, hit->id, NULL);
      hit->title = record != NULL ? edaad_record_dup_title (record) : g_strdup (hit->id);
    }

  return g_steal_pointer (&hits);
}

/* The docid of the RANK_CANDIDATES-th newest match of `query` (0: fewer match). */
static gboolean
candidate_bound (EdaadStore  *self,
                 const char  *query,
                 guint        limit,
                 gint64      *out_lowest,
                 GError     **error)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self,
                                            "SELECT rowid FROM search WHERE search MATCH ?1 "
                                            "ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, MAX (RANK_CANDIDATES, limit) - 1);
  rc = sqlite3_step (stmt);
  *out_lowest = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The best `limit` matches of `query` among docids from `lowest` on, into `hits`. */
static gboolean
rank_hits (EdaadStore  *self,
           const char  *query,
           guint        limit,
           gint64       lowest,
           GPtrArray   *hits,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = edaad_store_prepare (self,
                              /* FTS5 sorts the candidates by rank itself and computes
                               * the snippet only for the rows it returns. Titles weigh 5×. */
                              "SELECT d.kind, d.id, snippet(search, -1, '', '', '…', 12) "
                              "FROM search JOIN search_doc AS d ON d.docid = search.rowid "
                              "WHERE search MATCH ?1 AND search.rowid >= ?3 AND rank MATCH 'bm25(5.0, 1.0)' "
                              "ORDER BY rank LIMIT ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, lowest);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdaadSearchHit *hit = g_new0 (EdaadSearchHit, 1);

      hit->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      hit->id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}
