/* edaad-sync-message.h — the POST /v1/sync request and answer of DESIGN.md §5.
 *
 * Parsing runs the strict JSON guard and checks everything (counts, UUIDs, enums, ranges,
 * every field value against the schema) before a caller sees the struct.  Errors are
 * EDAAD_SYNC_MESSAGE_ERROR_INVALID; their messages are safe to send back as `reason`
 * (they say where, e.g. "push[3]: Field “likelihood” must be an integer").
 */
#pragma once

#include <json-glib/json-glib.h>

#include "edaad-record.h"

G_BEGIN_DECLS

#define EDAAD_SYNC_MESSAGE_ERROR (edaad_sync_message_error_quark ())

typedef enum
{
  EDAAD_SYNC_MESSAGE_ERROR_INVALID, /* → 400 {"error": "invalid", "reason": message} */
} EdaadSyncMessageError;

#define EDAAD_SYNC_MAX_MUTATIONS       500
#define EDAAD_SYNC_MAX_FIELDS          200   /* members of one `changes` or `base` */
#define EDAAD_SYNC_DEFAULT_PULL_LIMIT  1000
#define EDAAD_SYNC_MAX_PULL_LIMIT      5000  /* a larger pull_limit is lowered to this */
#define EDAAD_SYNC_MAX_CURSOR_BYTES    1024
#define EDAAD_SYNC_MAX_REQUEST_BYTES   (8 * 1024 * 1024)
#define EDAAD_SYNC_MAX_ANSWER_BYTES    (256 * 1024 * 1024)
#define EDAAD_SYNC_MAX_SCOPES          10000

typedef enum
{
  EDAAD_SYNC_OP_CREATE,
  EDAAD_SYNC_OP_UPDATE,
  EDAAD_SYNC_OP_DELETE,
} EdaadSyncOp;

typedef enum
{
  EDAAD_SYNC_STATUS_APPLIED,
  EDAAD_SYNC_STATUS_MERGED,
  EDAAD_SYNC_STATUS_CONFLICT,
  EDAAD_SYNC_STATUS_DUPLICATE,
  EDAAD_SYNC_STATUS_REJECTED,
} EdaadSyncStatus;

GQuark       edaad_sync_message_error_quark (void);

/* "create", "update", "delete" and back; from_string is -1 for anything else. */
const char  *edaad_sync_op_to_string        (EdaadSyncOp      op);
int          edaad_sync_op_from_string      (const char      *text);
/* "applied", "merged", "conflict", "duplicate", "rejected" and back. */
const char  *edaad_sync_status_to_string    (EdaadSyncStatus  status);
int          edaad_sync_status_from_string  (const char      *text);

/* One outbox entry on the wire.
 *   create: scope required; changes required (the new record's fields); base_version 0.
 *   update: no scope; changes required; base optional; base_version required.
 *   delete: no scope; changes and base absent or empty; base_version required.
 * `changes` and `base` name only fields of `kind`, each value valid for its field (null
 * allowed: "unset"); every key of `base` is also in `changes`. */
typedef struct
{
  gint64               seq;           /* ≥ 1, strictly increasing within a request */
  char                *mutation_id;   /* UUID */
  const EdaadKindSpec *kind;          /* "type" */
  char                *id;            /* UUID */
  EdaadSyncOp          op;
  char                *scope;         /* UUID for create, NULL otherwise */
  gint64               base_version;  /* ≥ 0 */
  JsonObject          *changes;       /* never NULL (empty for delete) */
  JsonObject          *base;          /* NULL when absent */
} EdaadMutation;

EdaadMutation *edaad_mutation_new   (void);
void           edaad_mutation_free  (EdaadMutation *mutation);

typedef struct
{
  char      *device_id;   /* UUID */
  char      *cursor;      /* NULL: from the beginning */
  guint      pull_limit;  /* 1…EDAAD_SYNC_MAX_PULL_LIMIT, default 1000 */
  GPtrArray *push;        /* of EdaadMutation, ≤ 500 */
} EdaadSyncRequest;

EdaadSyncRequest *edaad_sync_request_new       (void);
void              edaad_sync_request_free      (EdaadSyncRequest *request);
EdaadSyncRequest *edaad_sync_request_parse     (const char       *data,
                                                gssize            length,
                                                GError          **error);
/* {"device_id","cursor","pull_limit","push":[…]}; a mutation's scope only for create,
 * its base only when set. */
JsonNode         *edaad_sync_request_to_json   (const EdaadSyncRequest *request);
char             *edaad_sync_request_to_string (const EdaadSyncRequest *request);

typedef struct
{
  gint64           seq;        /* ≥ 1 */
  EdaadSyncStatus  status;
  gint64           version;    /* the record's version after the mutation; -1 when absent
                                  (required for applied, merged and conflict) */
  GStrv            conflicts;  /* UUIDs of the conflict records created; never NULL */
  char            *reason;     /* required for rejected, NULL otherwise */
} EdaadSyncResult;

EdaadSyncResult *edaad_sync_result_new  (void);
void             edaad_sync_result_free (EdaadSyncResult *result);

/* One pulled record.  `record` is NULL when `type` is a kind this version does not know;
 * then `extra` holds all of its fields.  Otherwise `record` carries identity and fields,
 * and `extra` the fields this version does not know (NULL when none).  For serialising,
 * a non-NULL `record` is authoritative for type, id, scope, version and deleted. */
typedef struct
{
  char        *type;
  char        *id;
  char        *scope;
  gint64       version;
  gboolean     deleted;
  EdaadRecord *record;
  JsonObject  *extra;
} EdaadSyncChange;

EdaadSyncChange *edaad_sync_change_new_for_record (EdaadRecord     *record);
void             edaad_sync_change_free           (EdaadSyncChange *change);

typedef struct
{
  char     *id;        /* UUID */
  char     *kind;      /* "programme", "institution" or "person" */
  char     *name;
  gboolean  writable;
} EdaadSyncScope;

EdaadSyncScope *edaad_sync_scope_new  (const char     *id,
                                       const char     *kind,
                                       const char     *name,
                                       gboolean        writable);
void            edaad_sync_scope_free (EdaadSyncScope *scope);

/* Shared with the login answer: parses / writes [{id, kind, name, writable}]. */
GPtrArray      *edaad_sync_scopes_from_json (JsonArray  *array,
                                             GError    **error);
JsonArray      *edaad_sync_scopes_to_json   (GPtrArray  *scopes);

typedef struct
{
  gint64     last_seq;   /* ≥ 0 */
  GPtrArray *results;    /* of EdaadSyncResult */
  GPtrArray *changes;    /* of EdaadSyncChange */
  char      *cursor;     /* NULL only when the server has nothing to page from */
  gboolean   has_more;
  gint64     remaining;  /* ≥ 0 */
  GPtrArray *scopes;     /* of EdaadSyncScope */
} EdaadSyncAnswer;

EdaadSyncAnswer *edaad_sync_answer_new       (void);
void             edaad_sync_answer_free      (EdaadSyncAnswer *answer);
EdaadSyncAnswer *edaad_sync_answer_parse     (const char      *data,
                                              gssize           length,
                                              GError         **error);
JsonNode        *edaad_sync_answer_to_json   (const EdaadSyncAnswer *answer);
char            *edaad_sync_answer_to_string (const EdaadSyncAnswer *answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadMutation, edaad_mutation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadSyncRequest, edaad_sync_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadSyncResult, edaad_sync_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadSyncChange, edaad_sync_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadSyncScope, edaad_sync_scope_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadSyncAnswer, edaad_sync_answer_free)

G_END_DECLS
