/* edaad-record-list.h — a GListModel of EdaadRecords whose filter and sort run in SQL. */
#pragma once

#include <gio/gio.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_RECORD_LIST (edaad_record_list_get_type ())
G_DECLARE_FINAL_TYPE (EdaadRecordList, edaad_record_list, EDAAD, RECORD_LIST, GObject)

/* Live (non-deleted) records of `kind`, refreshed from the store's ::changed signal
 * with exact items-changed positions. */
EdaadRecordList *edaad_record_list_new         (EdaadStore      *store,
                                                const char      *kind);
/* Restrict to records whose field equals value (NULL clears that field's filter). */
void             edaad_record_list_set_equals  (EdaadRecordList *self,
                                                const char      *field,
                                                const char      *value);
/* Search-as-you-type text matched against the kind's searchable fields. */
void             edaad_record_list_set_text    (EdaadRecordList *self,
                                                const char      *text);
void             edaad_record_list_set_sort    (EdaadRecordList *self,
                                                const char      *field,
                                                gboolean         descending);
const char      *edaad_record_list_get_kind    (EdaadRecordList *self);

G_END_DECLS
