/* edaad-pull.c — cursors and pages. */
#define G_LOG_DOMAIN "edaad-pull"

#include "config.h"

#include "edaad-pull.h"

#include "edaad-access.h"
#include "edaad-json-guard.h"
#include "edaad-json-writer.h"
#include "edaad-schema.h"
#include "edaad-uuid.h"

#include <string.h>

#define CURSOR_INLINE "c1."
#define CURSOR_STORED "c1s."
/* Inline cursors stay below the protocol's 1024-byte limit; longer ones are stored. */
#define CURSOR_INLINE_MAX 1000
#define EPOCH_CHARS 12
#define NIL_UUID "00000000-0000-0000-0000-000000000000"

G_DEFINE_QUARK (edaad-pull-error-quark, edaad_pull_error)

/* Where a scope's reader stands: everything up to (version, type, id) has been sent;
 * type == NULL means everything up to and including `version`. */
typedef struct
{
  char   *scope;
  char   *epoch;
  gint64  version;
  char   *type;
  char   *id;
} Position;

static void
position_free (Position *p)
{
  g_free (p->scope);
  g_free (p->epoch);
  g_free (p->type);
  g_free (p->id);
  g_free (p);
}

void
edaad_pull_page_clear (EdaadPullPage *page)
{
  if (page->changes != NULL)
    g_string_free (g_steal_pointer (&page->changes), TRUE);
  g_clear_pointer (&page->cursor, g_free);
}

static gboolean
cursor_reset (GError    **error,
              const char *why)
{
  g_debug ("Cursor reset: %s", why);
  g_set_error_literal (error, EDAAD_PULL_ERROR, EDAAD_PULL_ERROR_CURSOR_RESET,
                       "The cursor is no longer valid; download everything again");
  return FALSE;
}

static char *
base64url_encode (const char *text)
{
  char *b64 = g_base64_encode ((const guchar *) text, strlen (text));
  char *eq = strchr (b64, '=');

  if (eq != NULL)
    *eq = '\0';
  g_strdelimit (b64, "+", '-');
  g_strdelimit (b64, "/", '_');
  return b64;
}

static char *
base64url_decode (const char *text,
                  gsize      *length)
{
  g_autoptr(GString) padded = g_string_new (text);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return NULL;
  g_strdelimit (padded->str, "-", '+');
  g_strdelimit (padded->str, "_", '/');
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');
  return (char *) g_base64_decode (padded->str, length);
}

/* Parses the positions text: [[scope, epoch, version(, type, id)], …]. */
static GHashTable *
parse_positions (const char  *text,
                 gsize        length,
                 GError     **error)
{
  const EdaadJsonLimits limits = { .max_bytes = 16 * 1024 * 1024, .max_depth = 3 };
  g_autoptr(JsonNode) root = edaad_json_parse (text, (gssize) length, &limits, NULL);
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) position_free);
  JsonArray *array;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return cursor_reset (error, "not an array"), NULL;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonArray *entry;
      guint n;
      Position *p;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return cursor_reset (error, "entry not an array"), NULL;
      entry = json_node_get_array (node);
      n = json_array_get_length (entry);
      if (n != 3 && n != 5)
        return cursor_reset (error, "entry length"), NULL;
      for (guint k = 0; k < n; k++)
        {
          JsonNode *v = json_array_get_element (entry, k);
          GType want = k == 2 ? G_TYPE_INT64 : G_TYPE_STRING;
          if (!JSON_NODE_HOLDS_VALUE (v) || json_node_get_value_type (v) != want)
            return cursor_reset (error, "entry types"), NULL;
        }
      p = g_new0 (Position, 1);
      p->scope = g_strdup (json_array_get_string_element (entry, 0));
      p->epoch = g_strdup (json_array_get_string_element (entry, 1));
      p->version = json_array_get_int_element (entry, 2);
      if (n == 5)
        {
          p->type = g_strdup (json_array_get_string_element (entry, 3));
          p->id = g_strdup (json_array_get_string_element (entry, 4));
        }
      if (!edaad_uuid_is_valid (p->scope) || p->version < 0 ||
          g_hash_table_contains (positions, p->scope) ||
          (p->type != NULL && (edaad_schema_lookup_kind (p->type) == NULL || !edaad_uuid_is_valid (p->id))))
        {
          position_free (p);
          return cursor_reset (error, "entry values"), NULL;
        }
      g_hash_table_insert (positions, p->scope, p);
    }
  return g_steal_pointer (&positions);
}

static GHashTable *
load_cursor (EdaadPg     *pg,
             const char  *cursor,
             GError     **error)
{
  if (g_str_has_prefix (cursor, CURSOR_INLINE))
    {
      gsize length = 0;
      g_autofree char *text = base64url_decode (cursor + strlen (CURSOR_INLINE), &length);
      if (text == NULL)
        return cursor_reset (error, "bad base64"), NULL;
      return parse_positions (text, length, error);
    }
  if (g_str_has_prefix (cursor, CURSOR_STORED))
    {
      const char *params[] = { cursor + strlen (CURSOR_STORED) };
      g_autoptr(PGresult) result = edaad_pg_query (pg, "UPDATE pull_cursor SET last_used_at = now () "
                                                       "WHERE hash = $1 AND last_used_at < now () - interval '1 day'",
                                                   1, params, error);
      g_autoptr(PGresult) stored = NULL;
      const char *text;

      if (result == NULL)
        return NULL;
      stored = edaad_pg_query (pg, "SELECT positions FROM pull_cursor WHERE hash = $1", 1, params, error);
      if (stored == NULL)
        return NULL;
      if (PQntuples (stored) != 1)
        return cursor_reset (error, "unknown stored cursor"), NULL;
      text = edaad_pg_value (stored, 0, 0);
      return parse_positions (text, strlen (text), error);
    }
  return cursor_reset (error, "unknown format"), NULL;
}

static char *
epoch_tag (const char *epoch)
{
  return g_strndup (epoch, EPOCH_CHARS);
}

/* Checks the cursor's positions against the scopes and completes them: one position per
 * readable scope, in the order of `scopes`. */
static GPtrArray *
resolve_positions (EdaadPg     *pg,
                   GPtrArray   *scopes,
                   GHashTable  *positions,
                   GError     **error)
{
  g_autoptr(GPtrArray) resolved = g_ptr_array_new_with_free_func ((GDestroyNotify) position_free);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < scopes->len; i++)
    {
      EdaadScopeInfo *scope = g_ptr_array_index (scopes, i);
      g_autofree char *tag = epoch_tag (scope->epoch);
      Position *old = positions != NULL ? g_hash_table_lookup (positions, scope->id) : NULL;
      Position *p = g_new0 (Position, 1);

      p->scope = g_strdup (scope->id);
      p->epoch = g_strdup (tag);
      if (old != NULL)
        {
          if (strcmp (old->epoch, tag) != 0)
            return position_free (p), cursor_reset (error, "epoch changed"), NULL;
          if (old->version > scope->version)
            return position_free (p), cursor_reset (error, "ahead of the server"), NULL;
          if (old->version > 0 && old->version < scope->purge_horizon)
            return position_free (p), cursor_reset (error, "older than purged tombstones"), NULL;
          p->version = old->version;
          p->type = g_strdup (old->type);
          p->id = g_strdup (old->id);
        }
      g_ptr_array_add (resolved, p);
    }

  /* Positions for scopes the user no longer reads are dropped; positions for scopes that do
   * not exist at all mean the cursor is from another database. */
  if (positions != NULL)
    {
      g_hash_table_iter_init (&iter, positions);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Position *p = value;
          if (edaad_access_find_scope (scopes, p->scope) == NULL)
            g_ptr_array_add (unknown, p->scope);
        }
    }
  if (unknown->len > 0)
    {
      g_autoptr(GString) list = g_string_new ("{");
      g_autoptr(PGresult) result = NULL;
      const char *params[1];

      for (guint i = 0; i < unknown->len; i++)
        g_string_append_printf (list, "%s%s", i > 0 ? "," : "", (char *) g_ptr_array_index (unknown, i));
      g_string_append_c (list, '}');
      params[0] = list->str;
      result = edaad_pg_query (pg, "SELECT count (*) FROM scope WHERE id = ANY ($1::uuid[])", 1, params, error);
      if (result == NULL)
        return NULL;
      if (edaad_pg_value_int (result, 0, 0) != (gint64) unknown->len)
        return cursor_reset (error, "unknown scope"), NULL;
    }
  return g_steal_pointer (&resolved);
}

static char *
positions_to_text (GPtrArray *positions)
{
  g_autoptr(GString) text = g_string_new ("[");

  for (guint i = 0; i < positions->len; i++)
    {
      Position *p = g_ptr_array_index (positions, i);
      g_string_append_printf (text, "%s[\"%s\",\"%s\",%" G_GINT64_FORMAT,
                              i > 0 ? "," : "", p->scope, p->epoch, p->version);
      if (p->type != NULL)
        g_string_append_printf (text, ",\"%s\",\"%s\"", p->type, p->id);
      g_string_append_c (text, ']');
    }
  g_string_append_c (text, ']');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
make_cursor (EdaadPg     *pg,
             GPtrArray   *positions,
             GError     **error)
{
  g_autofree char *text = positions_to_text (positions);
  g_autofree char *encoded = base64url_encode (text);
  g_autofree char *hash = NULL;
  const char *params[2];

  if (strlen (CURSOR_INLINE) + strlen (encoded) <= CURSOR_INLINE_MAX)
    return g_strconcat (CURSOR_INLINE, encoded, NULL);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  params[0] = hash;
  params[1] = text;
  if (!edaad_pg_run (pg, "INSERT INTO pull_cursor (hash, positions) VALUES ($1, $2) "
                         "ON CONFLICT (hash) DO NOTHING", 2, params, error))
    return NULL;
  return g_strconcat (CURSOR_STORED, hash, NULL);
}

/* The four unnest() arrays of the positions: scope, version, type, id — exclusive lower
 * bounds of the keyset.  "Everything through v" becomes (v + 1, '', nil): no row has an
 * empty type. */
static void
position_arrays (GPtrArray *positions,
                 char     **scopes,
                 char     **versions,
                 char     **types,
                 char     **ids)
{
  GString *s = g_string_new ("{"), *v = g_string_new ("{"), *t = g_string_new ("{"), *d = g_string_new ("{");

  for (guint i = 0; i < positions->len; i++)
    {
      Position *p = g_ptr_array_index (positions, i);
      const char *sep = i > 0 ? "," : "";

      g_string_append_printf (s, "%s%s", sep, p->scope);
      g_string_append_printf (v, "%s%" G_GINT64_FORMAT, sep, p->type != NULL ? p->version : p->version + 1);
      g_string_append_printf (t, "%s\"%s\"", sep, p->type != NULL ? p->type : "");
      g_string_append_printf (d, "%s%s", sep, p->type != NULL ? p->id : NIL_UUID);
    }
  g_string_append_c (s, '}');
  g_string_append_c (v, '}');
  g_string_append_c (t, '}');
  g_string_append_c (d, '}');
  *scopes = g_string_free (s, FALSE);
  *versions = g_string_free (v, FALSE);
  *types = g_string_free (t, FALSE);
  *ids = g_string_free (d, FALSE);
}

#define KEYSET_FROM \
  "FROM unnest ($1::uuid[], $2::bigint[], $3::text[], $4::uuid[]) AS c (scope_id, v, t, i) "

gboolean
edaad_pull_check_cursor (EdaadPg     *pg,
                         GPtrArray   *scopes,
                         const char  *cursor,
                         GError     **error)
{
  g_autoptr(GHashTable) old = NULL;
  g_autoptr(GPtrArray) positions = NULL;

  if (cursor == NULL)
    return TRUE;
  old = load_cursor (pg, cursor, error);
  if (old == NULL)
    return FALSE;
  positions = resolve_positions (pg, scopes, old, error);
  return positions != NULL;
}

gboolean
edaad_pull_run (EdaadPg        *pg,
                GPtrArray      *scopes,
                const char     *cursor,
                guint           limit,
                EdaadPullPage  *page,
                GError        **error)
{
  g_autoptr(GHashTable) old = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(PGresult) rows = NULL;
  g_autofree char *a_scopes = NULL, *a_versions = NULL, *a_types = NULL, *a_ids = NULL;
  g_autofree char *limit_text = g_strdup_printf ("%u", limit + 1);
  const char *params[5];
  int n;

  g_return_val_if_fail (scopes != NULL, FALSE);
  g_return_val_if_fail (limit > 0, FALSE);

  if (cursor != NULL)
    {
      old = load_cursor (pg, cursor, error);
      if (old == NULL)
        return FALSE;
    }
  positions = resolve_positions (pg, scopes, old, error);
  if (positions == NULL)
    return FALSE;

  position_arrays (positions, &a_scopes, &a_versions, &a_types, &a_ids);
  params[0] = a_scopes;
  params[1] = a_versions;
  params[2] = a_types;
  params[3] = a_ids;
  params[4] = limit_text;
  rows = edaad_pg_query (pg, "SELECT x.scope_id, x.type, x.id, x.version, x.deleted, "
                             "CASE WHEN x.deleted THEN '{}' ELSE x.fields::text END "
                             KEYSET_FROM "CROSS JOIN LATERAL (SELECT r.scope_id, r.type, r.id, r.version, "
                             "r.deleted, r.fields FROM record r WHERE r.scope_id = c.scope_id AND "
                             "(r.version, r.type, r.id) > (c.v, c.t COLLATE \"C\", c.i) "
                             "ORDER BY r.version, r.type, r.id LIMIT $5::int) x "
                             "ORDER BY x.version, x.type, x.id, x.scope_id LIMIT $5::int",
                         5, params, error);
  if (rows == NULL)
    return FALSE;

  n = PQntuples (rows);
  page->has_more = n > (int) limit;
  if (page->has_more)
    n = (int) limit;
  page->n_changes = (guint) n;
  page->changes = g_string_sized_new (64 + (gsize) n * 256);
  g_string_append_c (page->changes, '[');
  for (int i = 0; i < n; i++)
    {
      const char *scope = edaad_pg_value (rows, i, 0);
      const char *type = edaad_pg_value (rows, i, 1);
      const char *id = edaad_pg_value (rows, i, 2);
      gint64 version = edaad_pg_value_int (rows, i, 3);

      g_string_append_printf (page->changes,
                              "%s{\"type\":\"%s\",\"id\":\"%s\",\"scope\":\"%s\",\"version\":%" G_GINT64_FORMAT
                              ",\"deleted\":%s,\"fields\":%s}",
                              i > 0 ? "," : "", type, id, scope, version,
                              edaad_pg_value_bool (rows, i, 4) ? "true" : "false",
                              edaad_pg_value (rows, i, 5));

      /* Advance this scope's position to the row. */
      for (guint k = 0; k < positions->len; k++)
        {
          Position *p = g_ptr_array_index (positions, k);
          if (strcmp (p->scope, scope) == 0)
            {
              p->version = version;
              g_free (p->type);
              g_free (p->id);
              p->type = g_strdup (type);
              p->id = g_strdup (id);
              break;
            }
        }
    }
  g_string_append_c (page->changes, ']');

  if (!page->has_more)
    {
      /* Everything visible has been sent: each scope is complete through the larger of the
       * version it had when listed and the last row sent. */
      for (guint k = 0; k < positions->len; k++)
        {
          Position *p = g_ptr_array_index (positions, k);
          EdaadScopeInfo *scope = edaad_access_find_scope (scopes, p->scope);
          p->version = MAX (p->version, scope->version);
          g_clear_pointer (&p->type, g_free);
          g_clear_pointer (&p->id, g_free);
        }
      page->remaining = 0;
    }
  else
    {
      g_autoptr(PGresult) count = NULL;

      g_free (a_scopes), g_free (a_versions), g_free (a_types), g_free (a_ids);
      position_arrays (positions, &a_scopes, &a_versions, &a_types, &a_ids);
      params[0] = a_scopes;
      params[1] = a_versions;
      params[2] = a_types;
      params[3] = a_ids;
      count = edaad_pg_query (pg, "SELECT count (*) " KEYSET_FROM "JOIN record r ON r.scope_id = c.scope_id "
                                  "AND (r.version, r.type, r.id) > (c.v, c.t COLLATE \"C\", c.i)",
                              4, params, error);
      if (count == NULL)
        return FALSE;
      page->remaining = edaad_pg_value_int (count, 0, 0);
    }

  page->cursor = make_cursor (pg, positions, error);
  return page->cursor != NULL;
}
