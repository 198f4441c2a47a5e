/* edaad-store.h — the local SQLite store: records, outbox, search, aggregates. */
#pragma once

#include <gio/gio.h>

#include "edaad-plan-metrics.h"
#include "edaad-record.h"

G_BEGIN_DECLS

#define EDAAD_STORE_ERROR (edaad_store_error_quark ())

typedef enum
{
  EDAAD_STORE_ERROR_OPEN,        /* the file cannot be opened or created (e.g. read-only dir) */
  EDAAD_STORE_ERROR_CORRUPT,     /* not a database, or fails integrity checks */
  EDAAD_STORE_ERROR_TOO_NEW,     /* written by a newer Edaad; refused and left untouched */
  EDAAD_STORE_ERROR_INVALID,     /* a record failed validation */
  EDAAD_STORE_ERROR_NOT_FOUND,
  EDAAD_STORE_ERROR_FAILED,      /* any other SQLite failure */
} EdaadStoreError;

GQuark edaad_store_error_quark (void);

#define EDAAD_TYPE_STORE (edaad_store_get_type ())
G_DECLARE_FINAL_TYPE (EdaadStore, edaad_store, EDAAD, STORE, GObject)

/* Opens (creating and migrating as needed) the database at `path`.
 * Signals: ::changed (const char *kind, GStrv ids) after every committed transaction. */
EdaadStore  *edaad_store_open               (const char   *path,
                                             GError      **error);
const char  *edaad_store_get_path           (EdaadStore   *self);
int          edaad_store_get_schema_version (EdaadStore   *self);
const char  *edaad_store_get_device_id      (EdaadStore   *self);

/* Personal mode: the local scopes created at first open. */
const char  *edaad_store_get_local_scope    (EdaadStore   *self,
                                             EdaadScopeKind scope);

/* Reading. get returns NULL + NOT_FOUND for unknown ids; tombstones are returned with deleted set. */
EdaadRecord *edaad_store_get                (EdaadStore   *self,
                                             const char   *kind,
                                             const char   *id,
                                             GError      **error);

/* A user edit: validates, then in one BEGIN IMMEDIATE transaction writes the working row
 * and folds the change into the unsent outbox entry (or appends one).  A record without
 * id gets a new UUIDv7, a record without scope the local scope of its kind. */
gboolean     edaad_store_save               (EdaadStore   *self,
                                             EdaadRecord  *record,
                                             GError      **error);
/* Writes a record as the server's state (working row and base, no outbox entry): what the
 * sync engine applies, and how demo data is seeded. */
gboolean     edaad_store_put_synced         (EdaadStore   *self,
                                             EdaadRecord  *record,
                                             GError      **error);

/* Runs `func` inside one transaction: every save/put/delete it makes commits together
 * (or not at all when it returns FALSE), and ::changed is emitted once per kind after. */
typedef gboolean (*EdaadStoreBatchFunc) (EdaadStore  *store,
                                         gpointer     user_data,
                                         GError     **error);
gboolean     edaad_store_run_batch          (EdaadStore          *self,
                                             EdaadStoreBatchFunc  func,
                                             gpointer             user_data,
                                             GError             **error);

/* Tombstone delete (children of a plan/service go with it) and its undo. */
gboolean     edaad_store_delete             (EdaadStore   *self,
                                             const char   *kind,
                                             const char   *id,
                                             GError      **error);
gboolean     edaad_store_undelete           (EdaadStore   *self,
                                             const char   *kind,
                                             const char   *id,
                                             GError      **error);

/* Full-text search over titles, names and text (Arabic and English). */
typedef struct
{
  char *kind;
  char *id;
  char *title;
  char *snippet;
} EdaadSearchHit;

void         edaad_search_hit_free          (EdaadSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadSearchHit, edaad_search_hit_free)

GPtrArray   *edaad_store_search             (EdaadStore   *self,
                                             const char   *text,
                                             guint         limit,
                                             GError      **error);

/* Aggregates for the dashboard: live (non-deleted) records of `kind` counted by the
 * values of enum `field`; returns a GHashTable nick → GINT_TO_POINTER (count). */
GHashTable  *edaad_store_count_by           (EdaadStore   *self,
                                             const char   *kind,
                                             const char   *field,
                                             GError      **error);

/* Live (non-deleted) records of `kind`; -1 on error. */
gint64       edaad_store_count_live         (EdaadStore   *self,
                                             const char   *kind,
                                             GError      **error);

/* Open work dated on or before `today` + `days` (overdue items included), sorted by date:
 * plans not closed/cancelled (due_on), milestones not done/dropped (due_on), assignments
 * without a submitted or graded submission (the date part of due_at).
 * Returns a GPtrArray of EdaadRecord (owns them). */
GPtrArray   *edaad_store_upcoming_deadlines (EdaadStore   *self,
                                             const char   *today,
                                             int           days,
                                             GError      **error);
/* The same, but only the first `limit` records are loaded; `n_total` (may be NULL) gets
 * how many there are in all.  What a screen that shows a few of them needs. */
GPtrArray   *edaad_store_upcoming_deadlines_first (EdaadStore   *self,
                                                   const char   *today,
                                                   int           days,
                                                   guint         limit,
                                                   guint        *n_total,
                                                   GError      **error);

/* A plan's computed values as the plans list shows them: `progress` as
 * edaad_plan_progress() (0–100) and `rag` as edaad_plan_rag() on `today`, both over the
 * plan's live milestones, in one indexed query.  FALSE (NOT_FOUND) for a missing or
 * deleted plan. */
typedef struct
{
  double progress;
  EdaadRag rag;
} EdaadPlanRollup;

gboolean     edaad_store_plan_rollup        (EdaadStore       *self,
                                             const char       *plan_id,
                                             const char       *today,
                                             EdaadPlanRollup  *out_rollup,
                                             GError          **error);

/* Pending outbox entries (for the sync status and tests). */
guint        edaad_store_count_outbox       (EdaadStore   *self);

/* Editor drafts (edaad-store-drafts.c): text typed into a field of record `kind`/`id` that
 * could not be saved yet (invalid, or the record does not exist yet).  Kept on this device
 * only (never synced, no outbox entry), across restarts and crashes; each call is its own
 * small transaction and emits no ::changed. */
gboolean     edaad_store_draft_set          (EdaadStore   *self,
                                             const char   *kind,
                                             const char   *id,
                                             const char   *field,
                                             const char   *text,
                                             GError      **error);
/* Drops the draft of `field`, or every draft of the record when `field` is NULL. */
gboolean     edaad_store_draft_clear        (EdaadStore   *self,
                                             const char   *kind,
                                             const char   *id,
                                             const char   *field,
                                             GError      **error);
/* The drafts of one record: field name → text (both owned by the table; empty when none),
 * or NULL on error. */
GHashTable  *edaad_store_drafts_for         (EdaadStore   *self,
                                             const char   *kind,
                                             const char   *id,
                                             GError      **error);
/* The ids of the records of `kind` that have drafts, most recently edited first (e.g. a
 * new plan whose first save never happened).  NULL-terminated; NULL on error. */
GStrv        edaad_store_draft_ids          (EdaadStore   *self,
                                             const char   *kind,
                                             GError      **error);

/* What the dashboard shows, counted in one statement that reads only indexes: live plans
 * (`plans`, whatever their status) and how many have each status, and live services
 * (`services`) by maturity and by target maturity.  The tables map nick →
 * GINT_TO_POINTER (count) with every value of the enum present, as edaad_store_count_by
 * gives them; records without a value count only in the totals. */
typedef struct
{
  gint64 plans;
  GHashTable *plans_by_status;
  gint64 services;
  GHashTable *services_by_maturity;
  GHashTable *services_by_maturity_target;
} EdaadDashboardCounts;

void         edaad_dashboard_counts_free    (EdaadDashboardCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadDashboardCounts, edaad_dashboard_counts_free)

EdaadDashboardCounts *edaad_store_count_dashboard (EdaadStore  *self,
                                                   GError     **error);

G_END_DECLS
