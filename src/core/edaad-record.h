/* edaad-record.h — one record of any kind: identity, sync metadata and field values. */
#pragma once

#include <glib-object.h>

#include "edaad-schema.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_RECORD (edaad_record_get_type ())
G_DECLARE_FINAL_TYPE (EdaadRecord, edaad_record, EDAAD, RECORD, GObject)

/* Field values are GVariants: "s" for STRING, ENUM, DATE, INSTANT, UUID and JSON,
 * "x" for INT, "d" for REAL, "b" for BOOL.  NULL means "not set".
 * Setting a value emits ::field-changed with the field name as detail. */

EdaadRecord         *edaad_record_new            (const EdaadKindSpec *kind);
EdaadRecord         *edaad_record_new_for_kind   (const char          *kind_name);
EdaadRecord         *edaad_record_copy           (EdaadRecord         *self);

const EdaadKindSpec *edaad_record_get_kind       (EdaadRecord         *self);
const char          *edaad_record_get_kind_name  (EdaadRecord         *self);

const char          *edaad_record_get_id         (EdaadRecord         *self);
void                 edaad_record_set_id         (EdaadRecord         *self,
                                                  const char          *id);
const char          *edaad_record_get_scope      (EdaadRecord         *self);
void                 edaad_record_set_scope      (EdaadRecord         *self,
                                                  const char          *scope);
gint64               edaad_record_get_version    (EdaadRecord         *self);
void                 edaad_record_set_version    (EdaadRecord         *self,
                                                  gint64               version);
gboolean             edaad_record_get_deleted    (EdaadRecord         *self);
void                 edaad_record_set_deleted    (EdaadRecord         *self,
                                                  gboolean             deleted);
const char          *edaad_record_get_created_at (EdaadRecord         *self);
void                 edaad_record_set_created_at (EdaadRecord         *self,
                                                  const char          *instant);
const char          *edaad_record_get_updated_at (EdaadRecord         *self);
void                 edaad_record_set_updated_at (EdaadRecord         *self,
                                                  const char          *instant);

/* Generic access; `field` must exist in the kind (checked with g_return_if_fail). */
GVariant            *edaad_record_get_value      (EdaadRecord         *self,
                                                  const char          *field);
void                 edaad_record_set_value      (EdaadRecord         *self,
                                                  const char          *field,
                                                  GVariant            *value);
gboolean             edaad_record_has_value      (EdaadRecord         *self,
                                                  const char          *field);

/* Typed conveniences: getters return the default (NULL, 0, FALSE) when unset. */
const char          *edaad_record_get_string     (EdaadRecord         *self,
                                                  const char          *field);
void                 edaad_record_set_string     (EdaadRecord         *self,
                                                  const char          *field,
                                                  const char          *value);
gint64               edaad_record_get_int        (EdaadRecord         *self,
                                                  const char          *field);
void                 edaad_record_set_int        (EdaadRecord         *self,
                                                  const char          *field,
                                                  gint64               value);
double               edaad_record_get_real       (EdaadRecord         *self,
                                                  const char          *field);
void                 edaad_record_set_real       (EdaadRecord         *self,
                                                  const char          *field,
                                                  double               value);
gboolean             edaad_record_get_bool       (EdaadRecord         *self,
                                                  const char          *field);
void                 edaad_record_set_bool       (EdaadRecord         *self,
                                                  const char          *field,
                                                  gboolean             value);

/* The user-facing name (newly allocated, never NULL): the kind's TITLE field in the user's
 * language (`_ar` for an Arabic locale, else the others), falling back to the other
 * language, then to the kind's translated label when no title is set. */
char                *edaad_record_dup_title      (EdaadRecord         *self);

/* Names of the fields whose values differ between a and b (same kind), in schema order.
 * The strings belong to the schema table (the array has no free function). */
GPtrArray           *edaad_record_diff           (EdaadRecord         *a,
                                                  EdaadRecord         *b);

G_END_DECLS
