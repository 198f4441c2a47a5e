/* edaad-enum-chip.c — a small coloured label showing the translated value of an enum field. */
#define G_LOG_DOMAIN "edaad-enum-chip"

#include "config.h"

#include "edaad-enum-chip.h"

#include "edaad-row-label.h"
#include "edaad-ui-format.h"

#include <string.h>

struct _EdaadEnumChip
{
  AdwBin parent_instance;

  EdaadRowLabel *label;

  char *kind;
  char *field;
  char *value;
  const char *tone;
};

G_DEFINE_FINAL_TYPE (EdaadEnumChip, edaad_enum_chip, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_KIND,
  PROP_FIELD,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *field;
  const char *nick;
  const char *tone;
} ToneEntry;

/* Fields are unique enough across kinds that the field name alone picks the table. */
static const ToneEntry tones[] = {
  { "status", "submitted", "accent" },
  { "status", "in_review", "accent" },
  { "status", "approved", "accent" },
  { "status", "implementing", "success" },
  { "status", "sustaining", "success" },
  { "status", "on_hold", "warning" },
  { "status", "cancelled", "error" },
  { "status", "on_track", "success" },
  { "status", "at_risk", "warning" },
  { "status", "late", "error" },
  { "status", "done", "success" },
  { "status", "returned", "warning" },
  { "status", "graded", "success" },
  { "status", "present", "success" },
  { "status", "absent", "error" },
  { "status", "open", "warning" },
  { "status", "mitigating", "accent" },
  { "status", "occurred", "error" },
  { "maturity", "manual", "warning" },
  { "maturity", "semi_electronic", "accent" },
  { "maturity", "electronic", "success" },
  { "maturity_target", "manual", "warning" },
  { "maturity_target", "semi_electronic", "accent" },
  { "maturity_target", "electronic", "success" },
  { "portal_stage", "live", "success" },
  { "portal_stage", "monitoring", "success" },
  { "priority", "high", "warning" },
  { "priority", "critical", "error" },
  { "priority_phase", "phase1", "accent" },
};

const char *
edaad_enum_chip_tone (const char *kind,
                      const char *field,
                      const char *nick)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (nick == NULL)
    return NULL;
  /* An attendance marked late is "late" in the same sense as a late milestone. */
  if (g_strcmp0 (kind, "attendance") == 0 && strcmp (nick, "late") == 0)
    return "warning";
  for (guint i = 0; i < G_N_ELEMENTS (tones); i++)
    if (strcmp (tones[i].field, field) == 0 && strcmp (tones[i].nick, nick) == 0)
      return tones[i].tone;
  return NULL;
}

static void
edaad_enum_chip_update (EdaadEnumChip *self)
{
  GtkWidget *label = GTK_WIDGET (self->label);
  const char *text = "";

  if (self->tone != NULL)
    gtk_widget_remove_css_class (label, self->tone);
  self->tone = NULL;

  if (self->value != NULL && self->kind != NULL && self->field != NULL)
    {
      text = edaad_ui_enum_label (self->kind, self->field, self->value);
      self->tone = edaad_enum_chip_tone (self->kind, self->field, self->value);
      if (self->tone != NULL)
        gtk_widget_add_css_class (label, self->tone);
    }

  edaad_row_label_set_text (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), *text != '\0');
}

static void
edaad_enum_chip_finalize (GObject *object)
{
  EdaadEnumChip *self = EDAAD_ENUM_CHIP (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (edaad_enum_chip_parent_class)->finalize (object);
}

static void
edaad_enum_chip_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EdaadEnumChip *self = EDAAD_ENUM_CHIP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_enum_chip_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EdaadEnumChip *self = EDAAD_ENUM_CHIP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_free (self->kind);
      self->kind = g_value_dup_string (value);
      edaad_enum_chip_update (self);
      break;
    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      edaad_enum_chip_update (self);
      break;
    case PROP_VALUE:
      edaad_enum_chip_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_enum_chip_class_init (EdaadEnumChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = edaad_enum_chip_finalize;
  object_class->get_property = edaad_enum_chip_get_property;
  object_class->set_property = edaad_enum_chip_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EDAAD_TYPE_ROW_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-enum-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadEnumChip, label);
}

static void
edaad_enum_chip_init (EdaadEnumChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Chips fill lists by the hundred; a row label measures them without shaping.  A pill is
   * never cut short: a list too narrow for it scrolls sideways. */
  edaad_row_label_set_fit_text (self->label, TRUE, FALSE);
}

GtkWidget *
edaad_enum_chip_new (const char *kind,
                     const char *field)
{
  return g_object_new (EDAAD_TYPE_ENUM_CHIP, "kind", kind, "field", field, NULL);
}

void
edaad_enum_chip_set_value (EdaadEnumChip *self,
                           const char    *nick)
{
  g_return_if_fail (EDAAD_IS_ENUM_CHIP (self));

  if (g_strcmp0 (self->value, nick) == 0)
    return;
  g_free (self->value);
  self->value = g_strdup (nick);
  edaad_enum_chip_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
edaad_enum_chip_get_value (EdaadEnumChip *self)
{
  g_return_val_if_fail (EDAAD_IS_ENUM_CHIP (self), NULL);
  return self->value;
}

const char *
edaad_enum_chip_get_text (EdaadEnumChip *self)
{
  g_return_val_if_fail (EDAAD_IS_ENUM_CHIP (self), "");
  return edaad_row_label_get_text (self->label);
}
