/* edaad-record-rows.h — the `record` table: reading and writing one row.
 *
 * Versions are never written here: the record_stamp trigger stamps every written row with its
 * scope's version for the current transaction (DESIGN.md §5, commit-ordered versions). */
#pragma once

#include <json-glib/json-glib.h>

#include "edaad-pg.h"

G_BEGIN_DECLS

typedef struct
{
  char       *scope_id;
  char       *type;
  char       *id;
  gint64      version;
  gboolean    deleted;
  char       *parent_id;
  JsonObject *fields;
  char       *updated_by;     /* person id, or NULL */
  char       *updated_by_name;
} EdaadRecordRow;

void            edaad_record_row_free   (EdaadRecordRow  *row);

/* The row of `type` `id` in one of `scope_ids` (NULL-terminated), locked FOR UPDATE when
 * `lock`; NULL with no error when there is none. */
EdaadRecordRow *edaad_record_row_find   (EdaadPg          *pg,
                                         const char       *type,
                                         const char       *id,
                                         const char * const *scope_ids,
                                         gboolean          lock,
                                         GError          **error);

/* Inserts a live row; *version receives the stamped version. */
gboolean        edaad_record_row_insert (EdaadPg          *pg,
                                         const char       *scope_id,
                                         const char       *type,
                                         const char       *id,
                                         const char       *parent_id,
                                         JsonObject       *fields,
                                         const char       *mutation_id,
                                         const char       *person_id,
                                         gint64           *version,
                                         GError          **error);

/* Replaces the fields (and parent) of an existing row and sets its deleted flag. */
gboolean        edaad_record_row_update (EdaadPg          *pg,
                                         const char       *scope_id,
                                         const char       *id,
                                         const char       *parent_id,
                                         JsonObject       *fields,
                                         gboolean          deleted,
                                         const char       *person_id,
                                         gint64           *version,
                                         GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadRecordRow, edaad_record_row_free)

G_END_DECLS
