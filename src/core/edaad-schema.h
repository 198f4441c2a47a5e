/* edaad-schema.h — the record schema: every kind, its fields, enums and limits.
 *
 * This table is the single source of truth: the store generates its tables from it,
 * the codec its JSON, the server its validation.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  EDAAD_FIELD_STRING,  /* UTF-8 text, max_len characters (bytes for limits is max_len * 4) */
  EDAAD_FIELD_INT,     /* gint64 in [min, max] */
  EDAAD_FIELD_REAL,    /* double in [min, max] */
  EDAAD_FIELD_BOOL,
  EDAAD_FIELD_ENUM,    /* one of enum_values (stored as its nick) */
  EDAAD_FIELD_DATE,    /* YYYY-MM-DD */
  EDAAD_FIELD_INSTANT, /* RFC 3339, UTC ("2026-11-27T10:00:00Z") */
  EDAAD_FIELD_UUID,    /* a reference to another record (ref_kind) or a scope */
  EDAAD_FIELD_JSON,    /* any JSON value, kept as its serialised text (conflict base/mine/theirs) */
} EdaadFieldType;

typedef enum
{
  EDAAD_SCOPE_PROGRAMME,
  EDAAD_SCOPE_INSTITUTION,
  EDAAD_SCOPE_PERSON,
  EDAAD_SCOPE_SAME_AS_RECORD, /* conflict: lives in the scope of the record it is about */
} EdaadScopeKind;

typedef enum
{
  EDAAD_FIELD_FLAG_NONE = 0,
  EDAAD_FIELD_REQUIRED = 1 << 0,   /* must be present and non-empty */
  EDAAD_FIELD_SEARCHABLE = 1 << 1, /* indexed in full-text search */
  EDAAD_FIELD_TITLE = 1 << 2,      /* names the record in lists and search hits */
  EDAAD_FIELD_PARENT = 1 << 3,     /* the reference to the owning record (plan_id…) */
  EDAAD_FIELD_INDEXED = 1 << 4,    /* the store keeps an index on it */
  EDAAD_FIELD_OFFICE_ONLY = 1 << 5 /* only the programme office writes it */
} EdaadFieldFlags;

typedef struct
{
  const char *name;               /* JSON key and column name */
  EdaadFieldType type;
  EdaadFieldFlags flags;
  const char *label;              /* N_() — translate with _() at display time */
  gint64 min;                     /* INT: bounds */
  gint64 max;
  double real_min;                /* REAL: bounds */
  double real_max;
  guint max_len;                  /* STRING: limit in characters */
  const char * const *enum_values;/* ENUM: NULL-terminated nicks */
  const char * const *enum_labels;/* ENUM: N_() labels, parallel to enum_values */
  const char *default_value;      /* textual default ("draft", "0", "false"), or NULL */
  const char *ref_kind;           /* UUID: the kind referenced, or NULL for a scope */
  guint one_of_group;             /* >0: at least one field of this group must be set */
} EdaadFieldSpec;

typedef struct
{
  const char *name;               /* "plan" */
  const char *label;              /* N_("Change plan") */
  const char *label_plural;       /* N_("Change plans") */
  EdaadScopeKind scope;
  gboolean append_only;
  gboolean office_only;           /* only the programme office writes records of this kind */
  const EdaadFieldSpec *fields;
  guint n_fields;
} EdaadKindSpec;

#define EDAAD_STRING_MAX_BYTES (64 * 1024)

guint                  edaad_schema_n_kinds         (void);
const EdaadKindSpec   *edaad_schema_kind_at         (guint                 index);
const EdaadKindSpec   *edaad_schema_lookup_kind     (const char           *name);
const EdaadFieldSpec  *edaad_kind_lookup_field      (const EdaadKindSpec  *kind,
                                                     const char           *name);
int                    edaad_kind_field_index       (const EdaadKindSpec  *kind,
                                                     const char           *name);
const EdaadFieldSpec  *edaad_kind_parent_field      (const EdaadKindSpec  *kind);
const EdaadFieldSpec  *edaad_kind_title_field       (const EdaadKindSpec  *kind);
int                    edaad_field_enum_index       (const EdaadFieldSpec *field,
                                                     const char           *nick);
const char            *edaad_field_enum_label       (const EdaadFieldSpec *field,
                                                     const char           *nick);
const char            *edaad_scope_kind_to_string   (EdaadScopeKind        scope);

G_END_DECLS
