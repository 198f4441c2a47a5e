/* edaad-property-list.c — a read-only boxed list of "label  value" rows. */
#define G_LOG_DOMAIN "edaad-property-list"

#include "config.h"

#include "edaad-property-list.h"

#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

struct _EdaadPropertyList
{
  AdwBin parent_instance;

  GtkListBox *list_box;
  GPtrArray *rows; /* AdwActionRow*, unowned (the list box owns them) */
};

G_DEFINE_FINAL_TYPE (EdaadPropertyList, edaad_property_list, ADW_TYPE_BIN)

static void
edaad_property_list_finalize (GObject *object)
{
  EdaadPropertyList *self = EDAAD_PROPERTY_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (edaad_property_list_parent_class)->finalize (object);
}

static void
edaad_property_list_class_init (EdaadPropertyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = edaad_property_list_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-property-list.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadPropertyList, list_box);
}

static void
edaad_property_list_init (EdaadPropertyList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
edaad_property_list_new (void)
{
  return g_object_new (EDAAD_TYPE_PROPERTY_LIST, NULL);
}

void
edaad_property_list_clear (EdaadPropertyList *self)
{
  g_return_if_fail (EDAAD_IS_PROPERTY_LIST (self));

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list_box, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
edaad_property_list_add (EdaadPropertyList *self,
                         const char        *label,
                         const char        *value)
{
  GtkWidget *row;

  g_return_if_fail (EDAAD_IS_PROPERTY_LIST (self));
  g_return_if_fail (label != NULL);

  if (value == NULL || *value == '\0')
    return;

  /* A property row: the label small above its value (libadwaita's "property" style where
   * it exists, our own CSS before it). */
  row = adw_action_row_new ();
  gtk_widget_add_css_class (row, "property");
  gtk_widget_add_css_class (row, "edaad-property");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_list_box_append (self->list_box, row);

  g_ptr_array_add (self->rows, row);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

void
edaad_property_list_add_fields (EdaadPropertyList  *self,
                                EdaadRecord        *record,
                                const char * const *fields)
{
  const EdaadKindSpec *kind;

  g_return_if_fail (EDAAD_IS_PROPERTY_LIST (self));
  g_return_if_fail (EDAAD_IS_RECORD (record));
  g_return_if_fail (fields != NULL);

  kind = edaad_record_get_kind (record);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const EdaadFieldSpec *spec = edaad_kind_lookup_field (kind, fields[i]);
      g_autofree char *value = NULL;

      g_return_if_fail (spec != NULL);
      value = edaad_ui_format_field (record, fields[i]);
      edaad_property_list_add (self, g_dgettext (GETTEXT_PACKAGE, spec->label), value);
    }
}

guint
edaad_property_list_get_n_rows (EdaadPropertyList *self)
{
  g_return_val_if_fail (EDAAD_IS_PROPERTY_LIST (self), 0);
  return self->rows->len;
}

const char *
edaad_property_list_lookup (EdaadPropertyList *self,
                            const char        *label)
{
  g_return_val_if_fail (EDAAD_IS_PROPERTY_LIST (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (self->rows, i)), label) == 0)
      return adw_action_row_get_subtitle (g_ptr_array_index (self->rows, i));
  return NULL;
}
