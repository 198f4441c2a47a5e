/* edaad-record-codec.h — records to and from JSON, driven by the schema table.
 *
 * Field values in JSON (DESIGN.md §3): STRING, ENUM, DATE, INSTANT and UUID as strings, INT
 * as JSON integers, REAL as numbers (an integer is accepted), BOOL as true/false, JSON fields
 * (conflict base/mine/theirs) as the JSON value itself.  JSON null means "not set".
 *
 * Serialise trees that hold doubles with edaad_json_to_string() (edaad-json-writer.h), not
 * json-glib's generator.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "edaad-record.h"

G_BEGIN_DECLS

#define EDAAD_CODEC_ERROR (edaad_codec_error_quark ())

/* Besides these, a value that has the right JSON type but breaks the field's rules (range,
 * length, enum, date, instant, UUID syntax) fails with the EDAAD_VALIDATION_ERROR of
 * edaad_validate_field(), its message prefixed with the field's name. */
typedef enum
{
  EDAAD_CODEC_ERROR_UNKNOWN_KIND,  /* "type" is not a kind of the schema */
  EDAAD_CODEC_ERROR_UNKNOWN_FIELD, /* a field the kind does not have */
  EDAAD_CODEC_ERROR_WRONG_TYPE,    /* a JSON value of the wrong type */
  EDAAD_CODEC_ERROR_INVALID,       /* a malformed envelope (missing key, bad id, scope, version) */
} EdaadCodecError;

typedef enum
{
  EDAAD_CODEC_FLAGS_NONE = 0,
  /* Unknown fields are handed back instead of rejected (a newer server's fields: the store
   * keeps them in its `extra` column). */
  EDAAD_CODEC_KEEP_UNKNOWN = 1 << 0,
} EdaadCodecFlags;

GQuark        edaad_codec_error_quark                (void);

/* One value: NULL (not set) gives a JSON null node.  Never fails for values that match
 * the field's GVariant type. */
JsonNode     *edaad_field_value_to_json              (const EdaadFieldSpec *field,
                                                      GVariant             *value);

/* One value of `field` of `kind`, checked against the schema.  On success *value is a new
 * floating-free GVariant, or NULL for JSON null. */
gboolean      edaad_field_value_from_json            (const EdaadKindSpec  *kind,
                                                      const EdaadFieldSpec *field,
                                                      JsonNode             *node,
                                                      GVariant            **value,
                                                      GError              **error);

/* The set fields of `record`, in schema order. */
JsonObject   *edaad_record_fields_to_json            (EdaadRecord          *record);

/* Sets every member of `fields` on `record` (null unsets).  All members are checked before
 * any is applied: on error the record is unchanged. */
gboolean      edaad_record_set_fields_from_json      (EdaadRecord          *record,
                                                      JsonObject           *fields,
                                                      GError              **error);

/* As above; with EDAAD_CODEC_KEEP_UNKNOWN, members the kind does not have are copied into
 * *unknown (a new object, or NULL when there were none; `unknown` may be NULL). */
gboolean      edaad_record_set_fields_from_json_full (EdaadRecord          *record,
                                                      JsonObject           *fields,
                                                      EdaadCodecFlags       flags,
                                                      JsonObject          **unknown,
                                                      GError              **error);

/* The envelope {"type","id","scope","version","deleted","fields":{…}} (id and scope null
 * when unset). */
JsonNode     *edaad_record_to_json                   (EdaadRecord          *record);

/* Reads an envelope: all six keys are required; "type" a kind of the schema, "id" and
 * "scope" UUIDs, "version" an integer ≥ 0, "deleted" a boolean, "fields" an object.
 * Other keys are ignored. */
EdaadRecord  *edaad_record_from_json                 (JsonNode             *node,
                                                      GError              **error);

EdaadRecord  *edaad_record_from_json_full            (JsonNode             *node,
                                                      EdaadCodecFlags       flags,
                                                      JsonObject          **unknown,
                                                      GError              **error);

G_END_DECLS
