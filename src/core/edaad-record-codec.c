/* edaad-record-codec.c — schema-driven JSON for records: one code path for every kind. */
#define G_LOG_DOMAIN "edaad-record-codec"

#include "config.h"

#include "edaad-record-codec.h"

#include "edaad-json-guard.h"
#include "edaad-json-writer.h"
#include "edaad-uuid.h"
#include "edaad-validate.h"

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (edaad-codec-error-quark, edaad_codec_error)

/* Stored JSON field text is read back with room to spare: it passed the guard of a whole
 * document once, so it is never deeper or longer than these. */
static const EdaadJsonLimits stored_json_limits = {
  .max_depth = 64,
};

JsonNode *
edaad_field_value_to_json (const EdaadFieldSpec *field,
                           GVariant             *value)
{
  JsonNode *node;

  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL)
    return json_node_new (JSON_NODE_NULL);

  switch (field->type)
    {
    case EDAAD_FIELD_INT:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, g_variant_get_int64 (value));
      return node;

    case EDAAD_FIELD_REAL:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_double (node, g_variant_get_double (value));
      return node;

    case EDAAD_FIELD_BOOL:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, g_variant_get_boolean (value));
      return node;

    case EDAAD_FIELD_JSON:
      {
        const char *text = g_variant_get_string (value, NULL);

        node = edaad_json_parse (text, -1, &stored_json_limits, NULL);
        if (node != NULL)
          return node;
        /* Not JSON (only possible if someone stored raw text): keep it, as a string. */
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_string (node, text);
        return node;
      }

    case EDAAD_FIELD_STRING:
    case EDAAD_FIELD_ENUM:
    case EDAAD_FIELD_DATE:
    case EDAAD_FIELD_INSTANT:
    case EDAAD_FIELD_UUID:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, g_variant_get_string (value, NULL));
      return node;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
wrong_type (const EdaadFieldSpec  *field,
            GError               **error)
{
  switch (field->type)
    {
    case EDAAD_FIELD_INT:
      g_set_error (error, EDAAD_CODEC_ERROR, EDAAD_CODEC_ERROR_WRONG_TYPE,
                   /* Translators: %s is a field name as sent in JSON, e.g. “likelihood” */
                   _("Field “%s” must be an integer"), field->name);
      break;
    case EDAAD_FIELD_REAL:
      g_set_error (error, EDAAD_CODEC_ERROR, EDAAD_CODEC_ERROR_WRONG_TYPE,
                   _("Field “%s” must be a number"), field->name);
      break;
    case EDAAD_FIELD_BOOL:
      g_set_error (error, EDAAD_CODEC_ERROR, EDAAD_CODEC_ERROR_WRONG_TYPE,
                   _("Field “%s” must be true or false"), field->name);
      break;
    case EDAAD_FIELD_STRING:
    case EDAAD_FIELD_ENUM:
    case EDAAD_FIELD_DATE:
    case EDAAD_FIELD_INSTANT:
    case EDAAD_FIELD_UUID:
      g_set_error (error, EDAAD_CODEC_ERROR, EDAAD_CODEC_ERROR_WRONG_TYPE,
                   _("Field “%s” must be a string"), field->name);
      break;
    case EDAAD_FIELD_JSON:
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* The JSON node as a GVariant of the field's type, type-checked only. */
static gboolean
convert_value (const EdaadFieldSpec  *field,
               JsonNode              *node,
               GVariant             **value,
               GError               **error)
{
  GType type;

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (field->type == EDAAD_FIELD_JSON)
    {
      g_autofree char *text = edaad_json_to_string (node);
      *value = g_variant_ref_sink (g_variant_new_string (text));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return wrong_type (field, error);

  type = json_node_get_value_type (node);
  switch (field->type)
    {
    case EDAAD_FIELD_INT:
      if (type != G_TYPE_INT64)
        return wrong_type (field, error);
      *value = g_variant_ref_sink (g_variant_new_int64 (json_node_get_int (node)));
      return TRUE;

    case EDAAD_FIELD_REAL:
      if (type == G_TYPE_INT64)
        *value = g_variant_ref_sink (g_variant_new_double ((double) json_node_get_int (node)));
      else if (type == G_TYPE_DOUBLE)
        *value = g_variant_ref_sink (g_variant_new_double (json_node_get_double (node)));
      else
        return wrong_type (field, error);
      return TRUE;

    case EDAAD_FIELD_BOOL:
      if (type != G_TYPE_BOOLEAN)
        return wrong_type (field, error);
      *value = g_variant_ref_sink (g_variant_new_boolean (json_node_get_boolean (node)));
      return TRUE;

    case EDAAD_FIELD_STRING:
    case EDAAD_FIELD_ENUM:
    case EDAAD_FIELD_DATE:
    case EDAAD_FIELD_INSTANT:
    case EDAAD_FIELD_UUID:
      {
        const char *text = json_node_get_string (node);

        if (type != G_TYPE_STRING || text == NULL)
          return wrong_type (field, error);
        *value = g_variant_ref_sink (g_variant_new_string (text));
        return TRUE;
      }

    case EDAAD_FIELD_JSON:
    default:
      g_assert_not_reached ();
    }
}

/* Checks the value already set on `scratch` with the validator.  "Required" is a rule of
 * the whole record and is left to edaad_validate_record(), except that a blank value is
 * never a valid enum, date, instant or UUID. */
static gboolean
check_value (EdaadRecord           *scratch,
             const EdaadFieldSpec  *field,
             GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  if (edaad_validate_field (scratch, field->name, &local_error))
    return TRUE;

  if (g_error_matches (local_error, EDAAD_VALIDATION_ERROR, EDAAD_VALIDATION_ERROR_REQUIRED))
    {
      switch (field->type)
        {
        case EDAAD_FIELD_ENUM:
          g_set_error (error, EDAAD_VALIDATION_ERROR, EDAAD_VALIDATION_ERROR_BAD_ENUM,
                       _("Field “%s” must not be empty"), field->name);
          return FALSE;
        case EDAAD_FIELD_DATE:
        case EDAAD_FIELD_INSTANT:
          g_set_error (error, EDAAD_VALIDATION_ERROR, EDAAD_VALIDATION_ERROR_BAD_DATE,
                       _("Field “%s” must not be empty"), field->name);
          return FALSE;
        case EDAAD_FIELD_UUID:
          g_set_error (error, EDAAD_VALIDATION_ERROR, EDAAD_VALIDATION_ERROR_BAD_UUID,
                       _("Field “%s” must not be empty"), field->name);
          return FALSE;
        case EDAAD_FIELD_STRING:
        case EDAAD_FIELD_INT:
        case EDAAD_FIELD_REAL:
        case EDAAD_FIELD_BOOL:
        case EDAAD_FIELD_JSON:
        default:
          return TRUE;
        }
    }

  /* Translators: the prefix of a validation message; %s is the field name as sent in JSON */
  g_prefix_error (&local_error, _("Field “%s”: "), field->name);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
edaad_field_value_from_json (const EdaadKindSpec  *kind,
                             const EdaadFieldSpec *field,
                             JsonNode             *node,
                             GVariant            **value,
                             GError              **error)
{
  g_autoptr(EdaadRecord) scratch = NULL;
  g_autoptr(GVariant) converted = NULL;

  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (edaad_kind_lookup_field (kind, field->name) == field, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *value = NULL;
  if (!convert_value (field, node, &converted, error))
    return FALSE;
  if (converted == NULL)
    return TRUE;

  scratch = edaad_record_new (kind);
  edaad_record_set_value (scratch, field->name, converted);
  if (!check_value (scratch, field, error))
    return FALSE;

  *value = g_steal_pointer (&converted);
  return TRUE;
}

JsonObject *
edaad_record_fields_to_json (EdaadRecord *record)
{
  const EdaadKindSpec *kind;
  JsonObject *object;

  g_return_val_if_fail (EDAAD_IS_RECORD (record), NULL);

  kind = edaad_record_get_kind (record);
  object = json_object_new ();
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];
      GVariant *value = edaad_record_get_value (record, field->name);

      if (value != NULL)
        json_object_set_member (object, field->name, edaad_field_value_to_json (field, value));
    }

  return object;
}

static void
variant_unref0 (gpointer value)
{
  if (value != NULL)
    g_variant_unref (value);
}

gboolean
edaad_record_set_fields_from_json_full (EdaadRecord      *record,
                                        JsonObject       *fields,
                                        EdaadCodecFlags   flags,
                                        JsonObject      **unknown,
                                        GError          **error)
{
  const EdaadKindSpec *kind;
  g_autoptr(EdaadRecord) scratch = NULL;
  g_autoptr(JsonObject) unknown_fields = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (variant_unref0);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (EDAAD_IS_RECORD (record), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (unknown != NULL)
    *unknown = NULL;

  kind = edaad_record_get_kind (record);
  scratch = edaad_record_new (kind);

  json_object_iter_init_ordered (&iter, fields);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      const EdaadFieldSpec *field = edaad_kind_lookup_field (kind, name);
      g_autoptr(GVariant) value = NULL;

      if (field == NULL)
        {
          if (flags & EDAAD_CODEC_KEEP_UNKNOWN)
            {
              if (unknown_fields == NULL)
                unknown_fields = json_object_new ();
              json_object_set_member (unknown_fields, name, json_node_copy (member));
              continue;
            }
          g_set_error (error, EDAAD_CODEC_ERROR, EDAAD_CODEC_ERROR_UNKNOWN_FIELD,
                       /* Translators: the first %s is a field name, the second a kind (“risk”) */
                       _("Unknown field “%s” for “%s”"), name, kind->name);
          return FALSE;
        }

      if (!convert_value (field, member, &value, error))
        return FALSE;
      if (value != NULL)
        {
          edaad_record_set_value (scratch, field->name, value);
          if (!check_value (scratch, field, error))
            return FALSE;
        }

      g_ptr_array_add (names, (gpointer) field->name);
      g_ptr_array_add (values, value != NULL ? g_variant_ref (value) : NULL);
    }

  for (guint i = 0; i < names->len; i++)
    edaad_record_set_value (record, g_ptr_array_index (names, i), g_ptr_array_index (values, i));

  if (unknown != NULL)
    *unknown = g_steal_pointer (&unknown_fields);
  return TRUE;
}

gboolean
edaad_record_set_fields_from_json (EdaadRecord  *record,
                                   JsonObject   *fields,
                                   GError      **error)
{
  return edaad_record_set_fields_from_json_full (record, fields, EDAAD_CODEC_FLAGS_NONE, NULL, error);
}

JsonNode *
edaad_record_to_json (EdaadRecord *record)
{
  g_autoptr(JsonObject) object = NULL;
  JsonNode *node;

  g_return_val_if_fail (EDAAD_IS_RECORD (record), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "type", edaad_record_get_kind_name (record));
  if (edaad_record_get_id (record) != NULL)
    json_object_set_string_member (object, "id", edaad_record_get_id (record));
  else
    json_object_set_null_member (object, "id");
  if (edaad_record_get_scope (record) != NULL)
    json_object_set_string_member (object, "scope", edaad_record_get_scope (record));
  else
    json_object_set_null_member (object, "scope");
  json_object_set_int_member (object, "version", edaad_record_get_version (record));
  json_object_set_boolean_member (object, "deleted", edaad_record_get_deleted (record));
  json_object_set_object_member (object, "fields", edaad_record_fields_to_json (record));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&object));
  return node;
}

/* Sets an INVALID error and returns NULL, for the envelope reader below. */
static gpointer
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, EDAAD_CODEC_ERROR, EDAAD_CODEC_ERROR_INVALID, message);
  return NULL;
}

/* The member `key` as a value node of `type`, or NULL. */
static JsonNode *
typed_member (JsonObject *object,
              const char *key,
              GType       type)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

EdaadRecord *
edaad_record_from_json_full (JsonNode         *node,
                             EdaadCodecFlags   flags,
                             JsonObject      **unknown,
                             GError          **error)
{
  g_autoptr(EdaadRecord) record = NULL;
  const EdaadKindSpec *kind;
  JsonObject *object;
  JsonNode *type, *id, *scope, *version, *deleted, *fields;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (unknown != NULL)
    *unknown = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("A record must be a JSON object"));
  object = json_node_get_object (node);

  type = typed_member (object, "type", G_TYPE_STRING);
  if (type == NULL)
    return invalid (error, _("A record needs a “type” string"));
  kind = edaad_schema_lookup_kind (json_node_get_string (type));
  if (kind == NULL)
    {
      g_autofree char *shown = g_utf8_substring (json_node_get_string (type), 0,
                                                 MIN (g_utf8_strlen (json_node_get_string (type), -1), 40));
      g_set_error (error, EDAAD_CODEC_ERROR, EDAAD_CODEC_ERROR_UNKNOWN_KIND,
                   _("Unknown record type “%s”"), shown);
      return NULL;
    }

  id = typed_member (object, "id", G_TYPE_STRING);
  if (id == NULL || !edaad_uuid_is_valid (json_node_get_string (id)))
    return invalid (error, _("A record’s “id” must be a UUID"));
  scope = typed_member (object, "scope", G_TYPE_STRING);
  if (scope == NULL || !edaad_uuid_is_valid (json_node_get_string (scope)))
    return invalid (error, _("A record’s “scope” must be a UUID"));
  version = typed_member (object, "version", G_TYPE_INT64);
  if (version == NULL || json_node_get_int (version) < 0)
    return invalid (error, _("A record’s “version” must be an integer of at least 0"));
  deleted = typed_member (object, "deleted", G_TYPE_BOOLEAN);
  if (deleted == NULL)
    return invalid (error, _("A record’s “deleted” must be true or false"));
  fields = json_object_get_member (object, "fields");
  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    return invalid (error, _("A record’s “fields” must be an object"));

  record = edaad_record_new (kind);
  edaad_record_set_id (record, json_node_get_string (id));
  edaad_record_set_scope (record, json_node_get_string (scope));
  edaad_record_set_version (record, json_node_get_int (version));
  edaad_record_set_deleted (record, json_node_get_boolean (deleted));
  if (!edaad_record_set_fields_from_json_full (record, json_node_get_object (fields), flags, unknown, error))
    return NULL;

  return g_steal_pointer (&record);
}

EdaadRecord *
edaad_record_from_json (JsonNode  *node,
                        GError   **error)
{
  return edaad_record_from_json_full (node, EDAAD_CODEC_FLAGS_NONE, NULL, error);
}
