/* edaad-enum-drop-down.c — a drop-down to filter by one enum field. */
#define G_LOG_DOMAIN "edaad-enum-drop-down"

#include "config.h"

#include "edaad-enum-drop-down.h"

#include "edaad-schema.h"

#include <glib/gi18n-lib.h>

struct _EdaadEnumDropDown
{
  AdwBin parent_instance;

  GtkDropDown *drop_down;

  char *kind;
  char *field;
  char *all_label;
  const EdaadFieldSpec *spec;
};

G_DEFINE_FINAL_TYPE (EdaadEnumDropDown, edaad_enum_drop_down, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_KIND,
  PROP_FIELD,
  PROP_ALL_LABEL,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_selected_changed (EdaadEnumDropDown *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
edaad_enum_drop_down_constructed (GObject *object)
{
  EdaadEnumDropDown *self = EDAAD_ENUM_DROP_DOWN (object);
  const EdaadKindSpec *kind;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (edaad_enum_drop_down_parent_class)->constructed (object);

  kind = edaad_schema_lookup_kind (self->kind);
  g_return_if_fail (kind != NULL);
  self->spec = edaad_kind_lookup_field (kind, self->field);
  g_return_if_fail (self->spec != NULL && self->spec->type == EDAAD_FIELD_ENUM);

  gtk_string_list_append (labels, self->all_label != NULL ? self->all_label : _("All"));
  for (guint i = 0; self->spec->enum_values[i] != NULL; i++)
    gtk_string_list_append (labels, edaad_field_enum_label (self->spec, self->spec->enum_values[i]));

  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->drop_down, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, g_dgettext (GETTEXT_PACKAGE, self->spec->label),
                                  -1);
  g_signal_connect_object (self->drop_down, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
}

static void
edaad_enum_drop_down_finalize (GObject *object)
{
  EdaadEnumDropDown *self = EDAAD_ENUM_DROP_DOWN (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->all_label, g_free);

  G_OBJECT_CLASS (edaad_enum_drop_down_parent_class)->finalize (object);
}

static void
edaad_enum_drop_down_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EdaadEnumDropDown *self = EDAAD_ENUM_DROP_DOWN (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_ALL_LABEL:
      g_value_set_string (value, self->all_label);
      break;
    case PROP_VALUE:
      g_value_set_string (value, edaad_enum_drop_down_get_value (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_enum_drop_down_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EdaadEnumDropDown *self = EDAAD_ENUM_DROP_DOWN (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_FIELD:
      self->field = g_value_dup_string (value);
      break;
    case PROP_ALL_LABEL:
      self->all_label = g_value_dup_string (value);
      break;
    case PROP_VALUE:
      edaad_enum_drop_down_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_enum_drop_down_class_init (EdaadEnumDropDownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = edaad_enum_drop_down_constructed;
  object_class->finalize = edaad_enum_drop_down_finalize;
  object_class->get_property = edaad_enum_drop_down_get_property;
  object_class->set_property = edaad_enum_drop_down_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALL_LABEL] =
    g_param_spec_string ("all-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-enum-drop-down.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadEnumDropDown, drop_down);
}

static void
edaad_enum_drop_down_init (EdaadEnumDropDown *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
edaad_enum_drop_down_new (const char *kind,
                          const char *field,
                          const char *all_label)
{
  return g_object_new (EDAAD_TYPE_ENUM_DROP_DOWN,
                       "kind", kind, "field", field, "all-label", all_label,
                       NULL);
}

const char *
edaad_enum_drop_down_get_value (EdaadEnumDropDown *self)
{
  guint selected;

  g_return_val_if_fail (EDAAD_IS_ENUM_DROP_DOWN (self), NULL);

  selected = gtk_drop_down_get_selected (self->drop_down);
  if (self->spec == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return self->spec->enum_values[selected - 1];
}

void
edaad_enum_drop_down_set_value (EdaadEnumDropDown *self,
                                const char        *nick)
{
  int index;

  g_return_if_fail (EDAAD_IS_ENUM_DROP_DOWN (self));
  g_return_if_fail (self->spec != NULL);

  index = edaad_field_enum_index (self->spec, nick);
  gtk_drop_down_set_selected (self->drop_down, index < 0 ? 0 : (guint) index + 1);
}

GtkDropDown *
edaad_enum_drop_down_get_drop_down (EdaadEnumDropDown *self)
{
  g_return_val_if_fail (EDAAD_IS_ENUM_DROP_DOWN (self), NULL);
  return self->drop_down;
}
