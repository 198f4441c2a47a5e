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
/* Restrict to overdue records: due_on before `today` ("YYYY-MM-DD") and status neither
 * "closed" nor "cancelled" (records without a due date are never overdue).  NULL turns the
 * filter off.  Only for kinds with both a due_on and a status field. */
void             edaad_record_list_set_overdue (EdaadRecordList *self,
                                                const char      *today);
/* Sorts by a field of the kind (or created_at, updated_at), or by a computed key of kind
 * plan: "progress", the weighted share of its milestones done (edaad_plan_progress());
 * "rag", the plan's RAG ordered none < done < green < amber < red (the worst milestone's
 * edaad_rag_compute(), else the plan's own, as the plans page shows it), judged on the day
 * the sort is set (setting it again re-judges).  A list sorted by a computed key also
 * follows milestone changes, moving the plans whose key changed (exact items-changed). */
void             edaad_record_list_set_sort    (EdaadRecordList *self,
                                                const char      *field,
                                                gboolean         descending);
const char      *edaad_record_list_get_kind    (EdaadRecordList *self);

/* A change of many rows into many others (a search, a sort) is told as two items-changed:
 * the removal of the old rows, then the insertion of the new ones.  This is TRUE during
 * the first, while the list holds only the rows that stay. */
gboolean         edaad_record_list_is_replacing (EdaadRecordList *self);

/* The position of the record with `id` in the list, or G_MAXUINT when the list does not
 * hold it (no such record, deleted, or left out by the filter).  One indexed lookup and a
 * scan of the list's rowids: no record is read. */
guint            edaad_record_list_find_id     (EdaadRecordList *self,
                                                const char      *id);

G_END_DECLS
