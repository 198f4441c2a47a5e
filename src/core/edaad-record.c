/* edaad-record.c — one record of any kind: identity, sync metadata and field values. */
#define G_LOG_DOMAIN "edaad-record"

#include "config.h"

#include "edaad-record.h"

#include "edaad-locale.h"

#include <string.h>

struct _EdaadRecord
{
  GObject parent_instance;

  const EdaadKindSpec *kind;
  char *id;
  char *scope;
  gint64 version;
  gboolean deleted;
  char *created_at;
  char *updated_at;

  /* One slot per field of the kind, in schema order; NULL = unset. */
  GVariant **values;
};

G_DEFINE_FINAL_TYPE (EdaadRecord, edaad_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_SCOPE,
  PROP_VERSION,
  PROP_DELETED,
  N_PROPS
};

enum {
  FIELD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const GVariantType *
variant_type_for_field (const EdaadFieldSpec *field)
{
  switch (field->type)
    {
    case EDAAD_FIELD_INT:
      return G_VARIANT_TYPE_INT64;
    case EDAAD_FIELD_REAL:
      return G_VARIANT_TYPE_DOUBLE;
    case EDAAD_FIELD_BOOL:
      return G_VARIANT_TYPE_BOOLEAN;
    case EDAAD_FIELD_STRING:
    case EDAAD_FIELD_ENUM:
    case EDAAD_FIELD_DATE:
    case EDAAD_FIELD_INSTANT:
    case EDAAD_FIELD_UUID:
    case EDAAD_FIELD_JSON:
      return G_VARIANT_TYPE_STRING;
    default:
      g_assert_not_reached ();
    }
}

static void
edaad_record_finalize (GObject *object)
{
  EdaadRecord *self = (EdaadRecord *) object;

  if (self->values != NULL)
    {
      for (guint i = 0; i < self->kind->n_fields; i++)
        g_clear_pointer (&self->values[i], g_variant_unref);
      g_free (self->values);
    }
  g_free (self->id);
  g_free (self->scope);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (edaad_record_parent_class)->finalize (object);
}

static void
edaad_record_constructed (GObject *object)
{
  EdaadRecord *self = (EdaadRecord *) object;

  G_OBJECT_CLASS (edaad_record_parent_class)->constructed (object);

  g_assert (self->kind != NULL);
  self->values = g_new0 (GVariant *, self->kind->n_fields);
}

static void
edaad_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EdaadRecord *self = EDAAD_RECORD (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_pointer (value, (gpointer) self->kind);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_record_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EdaadRecord *self = EDAAD_RECORD (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_pointer (value);
      break;
    case PROP_ID:
      edaad_record_set_id (self, g_value_get_string (value));
      break;
    case PROP_SCOPE:
      edaad_record_set_scope (self, g_value_get_string (value));
      break;
    case PROP_VERSION:
      edaad_record_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_DELETED:
      edaad_record_set_deleted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_record_class_init (EdaadRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = edaad_record_constructed;
  object_class->finalize = edaad_record_finalize;
  object_class->get_property = edaad_record_get_property;
  object_class->set_property = edaad_record_set_property;

  /* The kind's EdaadKindSpec (static, from the schema table). */
  properties[PROP_KIND] =
    g_param_spec_pointer ("kind", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdaadRecord::field-changed:
   * @field: the name of the field whose value changed (also the signal detail)
   *
   * Emitted after a field's value really changed (set, replaced by a different value, or unset).
   */
  signals[FIELD_CHANGED] =
    g_signal_new ("field-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
edaad_record_init (EdaadRecord *self)
{
}

EdaadRecord *
edaad_record_new (const EdaadKindSpec *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (EDAAD_TYPE_RECORD, "kind", kind, NULL);
}

EdaadRecord *
edaad_record_new_for_kind (const char *kind_name)
{
  const EdaadKindSpec *kind = edaad_schema_lookup_kind (kind_name);

  g_return_val_if_fail (kind != NULL, NULL);

  return edaad_record_new (kind);
}

EdaadRecord *
edaad_record_copy (EdaadRecord *self)
{
  EdaadRecord *copy;

  g_return_val_if_fail (EDAAD_IS_RECORD (self), NULL);

  copy = g_object_new (EDAAD_TYPE_RECORD, "kind", self->kind, NULL);
  copy->id = g_strdup (self->id);
  copy->scope = g_strdup (self->scope);
  copy->version = self->version;
  copy->deleted = self->deleted;
  copy->created_at = g_strdup (self->created_at);
  copy->updated_at = g_strdup (self->updated_at);
  for (guint i = 0; i < self->kind->n_fields; i++)
    if (self->values[i] != NULL)
      copy->values[i] = g_variant_ref (self->values[i]);

  return copy;
}

const EdaadKindSpec *
edaad_record_get_kind (EdaadRecord *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (self), NULL);
  return self->kind;
}

const char *
edaad_record_get_kind_name (EdaadRecord *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (self), NULL);
  return self->kind->name;
}

static void
set_string_prop (EdaadRecord *self,
                 char       **slot,
                 const char  *value,
                 GParamSpec  *pspec)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

const char *
edaad_record_get_id (EdaadRecord *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (self), NULL);
  return self->id;
}

void
edaad_record_set_id (EdaadRecord *self,
                     const char  *id)
{
  g_return_if_fail (EDAAD_IS_RECORD (self));
  set_string_prop (self, &self->id, id, properties[PROP_ID]);
}

const char *
edaad_record_get_scope (EdaadRecord *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (self), NULL);
  return self->scope;
}

void
edaad_record_set_scope (EdaadRecord *self,
                        const char  *scope)
{
  g_return_if_fail (EDAAD_IS_RECORD (self));
  set_string_prop (self, &self->scope, scope, properties[PROP_SCOPE]);
}

gint64
edaad_record_get_version (EdaadRecord *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (self), 0);
  return self->version;
}

void
edaad_record_set_version (EdaadRecord *self,
                          gint64       version)
{
  g_return_if_fail (EDAAD_IS_RECORD (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;
  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gboolean
edaad_record_get_deleted (EdaadRecord *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (self), FALSE);
  return self->deleted;
}

void
edaad_record_set_deleted (EdaadRecord *self,
                          gboolean     deleted)
{
  g_return_if_fail (EDAAD_IS_RECORD (self));

  deleted = !!deleted;
  if (self->deleted == deleted)
    return;
  self->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

const char *
edaad_record_get_created_at (EdaadRecord *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (self), NULL);
  return self->created_at;
}

void
edaad_record_set_created_at (EdaadRecord *self,
                             const char  *instant)
{
  g_return_if_fail (EDAAD_IS_RECORD (self));
  set_string_prop (self, &self->created_at, instant, NULL);
}

const char *
edaad_record_get_updated_at (EdaadRecord *self)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (self), NULL);
  return self->updated_at;
}

void
edaad_record_set_updated_at (EdaadRecord *self,
                             const char  *instant)
{
  g_return_if_fail (EDAAD_IS_RECORD (self));
  set_string_prop (self, &self->updated_at, instant, NULL);
}

GVariant *
edaad_record_get_value (EdaadRecord *self,
                        const char  *field)
{
  int index;

  g_return_val_if_fail (EDAAD_IS_RECORD (self), NULL);
  index = edaad_kind_field_index (self->kind, field);
  g_return_val_if_fail (index >= 0, NULL);

  return self->values[index];
}

void
edaad_record_set_value (EdaadRecord *self,
                        const char  *field,
                        GVariant    *value)
{
  g_autoptr(GVariant) sunk = NULL;
  int index;

  g_return_if_fail (EDAAD_IS_RECORD (self));
  index = edaad_kind_field_index (self->kind, field);
  g_return_if_fail (index >= 0);

  if (value != NULL)
    sunk = g_variant_ref_sink (value);

  g_return_if_fail (value == NULL ||
                    g_variant_is_of_type (value, variant_type_for_field (&self->kind->fields[index])));

  if (self->values[index] == value)
    return;
  if (self->values[index] != NULL && value != NULL && g_variant_equal (self->values[index], value))
    return;

  g_clear_pointer (&self->values[index], g_variant_unref);
  self->values[index] = g_steal_pointer (&sunk);

  g_signal_emit (self, signals[FIELD_CHANGED],
                 g_quark_from_static_string (self->kind->fields[index].name),
                 self->kind->fields[index].name);
}

gboolean
edaad_record_has_value (EdaadRecord *self,
                        const char  *field)
{
  return edaad_record_get_value (self, field) != NULL;
}

/* Looks up a field for a typed accessor and checks that its type stores `type`. */
static int
typed_index (EdaadRecord        *self,
             const char         *field,
             const GVariantType *type)
{
  int index = edaad_kind_field_index (self->kind, field);

  g_return_val_if_fail (index >= 0, -1);
  g_return_val_if_fail (g_variant_type_equal (variant_type_for_field (&self->kind->fields[index]), type), -1);

  return index;
}

const char *
edaad_record_get_string (EdaadRecord *self,
                         const char  *field)
{
  int index;

  g_return_val_if_fail (EDAAD_IS_RECORD (self), NULL);
  index = typed_index (self, field, G_VARIANT_TYPE_STRING);
  if (index < 0 || self->values[index] == NULL)
    return NULL;
  return g_variant_get_string (self->values[index], NULL);
}

void
edaad_record_set_string (EdaadRecord *self,
                         const char  *field,
                         const char  *value)
{
  g_return_if_fail (EDAAD_IS_RECORD (self));
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));
  if (typed_index (self, field, G_VARIANT_TYPE_STRING) < 0)
    return;
  edaad_record_set_value (self, field, value != NULL ? g_variant_new_string (value) : NULL);
}

gint64
edaad_record_get_int (EdaadRecord *self,
                      const char  *field)
{
  int index;

  g_return_val_if_fail (EDAAD_IS_RECORD (self), 0);
  index = typed_index (self, field, G_VARIANT_TYPE_INT64);
  if (index < 0 || self->values[index] == NULL)
    return 0;
  return g_variant_get_int64 (self->values[index]);
}

void
edaad_record_set_int (EdaadRecord *self,
                      const char  *field,
                      gint64       value)
{
  g_return_if_fail (EDAAD_IS_RECORD (self));
  if (typed_index (self, field, G_VARIANT_TYPE_INT64) < 0)
    return;
  edaad_record_set_value (self, field, g_variant_new_int64 (value));
}

double
edaad_record_get_real (EdaadRecord *self,
                       const char  *field)
{
  int index;

  g_return_val_if_fail (EDAAD_IS_RECORD (self), 0.0);
  index = typed_index (self, field, G_VARIANT_TYPE_DOUBLE);
  if (index < 0 || self->values[index] == NULL)
    return 0.0;
  return g_variant_get_double (self->values[index]);
}

void
edaad_record_set_real (EdaadRecord *self,
                       const char  *field,
                       double       value)
{
  g_return_if_fail (EDAAD_IS_RECORD (self));
  if (typed_index (self, field, G_VARIANT_TYPE_DOUBLE) < 0)
    return;
  edaad_record_set_value (self, field, g_variant_new_double (value));
}

gboolean
edaad_record_get_bool (EdaadRecord *self,
                       const char  *field)
{
  int index;

  g_return_val_if_fail (EDAAD_IS_RECORD (self), FALSE);
  index = typed_index (self, field, G_VARIANT_TYPE_BOOLEAN);
  if (index < 0 || self->values[index] == NULL)
    return FALSE;
  return g_variant_get_boolean (self->values[index]);
}

void
edaad_record_set_bool (EdaadRecord *self,
                       const char  *field,
                       gboolean     value)
{
  g_return_if_fail (EDAAD_IS_RECORD (self));
  if (typed_index (self, field, G_VARIANT_TYPE_BOOLEAN) < 0)
    return;
  edaad_record_set_value (self, field, g_variant_new_boolean (!!value));
}

static gboolean
field_is_arabic (const EdaadFieldSpec *field)
{
  return g_str_has_suffix (field->name, "_ar");
}

char *
edaad_record_dup_title (EdaadRecord *self)
{
  gboolean arabic;

  g_return_val_if_fail (EDAAD_IS_RECORD (self), NULL);

  arabic = edaad_locale_prefers_arabic ();

  /* First pass: title fields in the user's language (Arabic fields for an Arabic
   * user, all others otherwise); second pass: the rest, as a fallback. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < self->kind->n_fields; i++)
        {
          const EdaadFieldSpec *field = &self->kind->fields[i];
          gboolean preferred;
          const char *text;

          if (!(field->flags & EDAAD_FIELD_TITLE) || field->type != EDAAD_FIELD_STRING)
            continue;
          preferred = field_is_arabic (field) == arabic;
          if (preferred != (pass == 0))
            continue;
          if (self->values[i] == NULL)
            continue;
          text = g_variant_get_string (self->values[i], NULL);
          if (text[0] != '\0')
            return g_strdup (text);
        }
    }

  /* Nothing to name it by (or a kind without a title field): its kind. */
  return g_strdup (g_dgettext (GETTEXT_PACKAGE, self->kind->label));
}

GPtrArray *
edaad_record_diff (EdaadRecord *a,
                   EdaadRecord *b)
{
  GPtrArray *names;

  g_return_val_if_fail (EDAAD_IS_RECORD (a), NULL);
  g_return_val_if_fail (EDAAD_IS_RECORD (b), NULL);
  g_return_val_if_fail (a->kind == b->kind, NULL);

  names = g_ptr_array_new ();
  for (guint i = 0; i < a->kind->n_fields; i++)
    {
      GVariant *va = a->values[i];
      GVariant *vb = b->values[i];

      if (va == vb)
        continue;
      if (va == NULL || vb == NULL || !g_variant_equal (va, vb))
        g_ptr_array_add (names, (gpointer) a->kind->fields[i].name);
    }

  return names;
}
