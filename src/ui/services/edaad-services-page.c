/* edaad-services-page.c — the services list with a read-only detail pane. */
#define G_LOG_DOMAIN "edaad-services-page"

#include "config.h"

#include "edaad-services-page.h"

#include "edaad-enum-chip.h"
#include "edaad-field-sorter.h"
#include "edaad-locale.h"
#include "edaad-record-cell-factory.h"
#include "edaad-record-columns.h"
#include "edaad-record-table.h"
#include "edaad-service-detail.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

struct _EdaadServicesPage
{
  AdwBin parent_instance;

  EdaadRecordTable *table;
  EdaadServiceDetail *detail;

  EdaadStore *store;
};

G_DEFINE_FINAL_TYPE (EdaadServicesPage, edaad_services_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the maturity column: now → target ---- */

static void
maturity_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_image_set_pixel_size (GTK_IMAGE (arrow), 12);
  gtk_widget_add_css_class (arrow, "dim-label");
  gtk_box_append (GTK_BOX (cell), edaad_enum_chip_new ("service", "maturity"));
  gtk_box_append (GTK_BOX (cell), arrow);
  gtk_box_append (GTK_BOX (cell), edaad_enum_chip_new ("service", "maturity_target"));
  gtk_list_item_set_child (item, cell);
}

static void
maturity_bind (GtkListItem *item,
               EdaadRecord *service,
               gpointer     user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *now = gtk_widget_get_first_child (cell);
  GtkWidget *arrow = gtk_widget_get_next_sibling (now);
  GtkWidget *target = gtk_widget_get_last_child (cell);
  const char *maturity = edaad_record_get_string (service, "maturity");
  const char *maturity_target = edaad_record_get_string (service, "maturity_target");
  gboolean show_target = maturity_target != NULL && g_strcmp0 (maturity, maturity_target) != 0;

  edaad_enum_chip_set_value (EDAAD_ENUM_CHIP (now), maturity);
  edaad_enum_chip_set_value (EDAAD_ENUM_CHIP (target), show_target ? maturity_target : NULL);
  gtk_widget_set_visible (arrow, show_target);
}

static void
on_selected_changed (EdaadServicesPage *self)
{
  edaad_service_detail_set_service (self->detail, edaad_record_table_get_selected (self->table));
}

static void
append_column (EdaadServicesPage   *self,
               GtkColumnViewColumn *column)
{
  edaad_record_table_append_column (self->table, column);
  g_object_unref (column);
}

static void
add_columns (EdaadServicesPage *self)
{
  g_autoptr(EdaadFieldSorter) maturity_sorter = edaad_field_sorter_new ("maturity");
  GtkColumnViewColumn *column;

  /* Names sort in the language they are shown in. */
  column = edaad_record_column_new_title (_("Service"), edaad_locale_prefers_arabic () ? "name_ar" : "name_en");
  gtk_column_view_column_set_fixed_width (column, 260);
  append_column (self, column);

  column = gtk_column_view_column_new (_("Maturity → target"),
                                       edaad_record_cell_factory_new (G_CALLBACK (maturity_setup), maturity_bind, NULL, NULL));
  gtk_column_view_column_set_sorter (column, GTK_SORTER (maturity_sorter));
  gtk_column_view_column_set_resizable (column, TRUE);
  append_column (self, column);

  append_column (self, edaad_record_column_new_chip (_("Portal stage"), "service", "portal_stage", "portal_stage"));
  append_column (self, edaad_record_column_new_text (_("Life event"), "life_event", "life_event"));
  append_column (self, edaad_record_column_new_text (_("Priority phase"), "priority_phase", "priority_phase"));
}

static void
edaad_services_page_constructed (GObject *object)
{
  EdaadServicesPage *self = EDAAD_SERVICES_PAGE (object);

  G_OBJECT_CLASS (edaad_services_page_parent_class)->constructed (object);

  g_return_if_fail (EDAAD_IS_STORE (self->store));

  add_columns (self);
  edaad_record_table_add_enum_filter (self->table, "maturity", _("All maturity levels"));
  edaad_record_table_add_enum_filter (self->table, "portal_stage", _("All portal stages"));
  g_object_set (self->detail, "store", self->store, NULL);
  g_signal_connect_object (self->table, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  edaad_record_table_set_store (self->table, self->store);
}

static void
edaad_services_page_dispose (GObject *object)
{
  EdaadServicesPage *self = EDAAD_SERVICES_PAGE (object);

  /* AdwBin owns its child: let it go before the template drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_SERVICES_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (edaad_services_page_parent_class)->dispose (object);
}

static void
edaad_services_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EdaadServicesPage *self = EDAAD_SERVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_services_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EdaadServicesPage *self = EDAAD_SERVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_services_page_class_init (EdaadServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = edaad_services_page_constructed;
  object_class->dispose = edaad_services_page_dispose;
  object_class->get_property = edaad_services_page_get_property;
  object_class->set_property = edaad_services_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EDAAD_TYPE_RECORD_TABLE);
  g_type_ensure (EDAAD_TYPE_SERVICE_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadServicesPage, table);
  gtk_widget_class_bind_template_child (widget_class, EdaadServicesPage, detail);
}

static void
edaad_services_page_init (EdaadServicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
edaad_services_page_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);
  return g_object_new (EDAAD_TYPE_SERVICES_PAGE, "store", store, NULL);
}

EdaadStore *
edaad_services_page_get_store (EdaadServicesPage *self)
{
  g_return_val_if_fail (EDAAD_IS_SERVICES_PAGE (self), NULL);
  return self->store;
}

void
edaad_services_page_show_record (EdaadServicesPage *self,
                                 const char        *kind,
                                 const char        *id)
{
  g_return_if_fail (EDAAD_IS_SERVICES_PAGE (self));
  g_return_if_fail (g_strcmp0 (kind, "service") == 0);
  g_return_if_fail (id != NULL);

  edaad_record_table_select_id (self->table, id);
}

void
edaad_services_page_set_filter (EdaadServicesPage *self,
                                const char        *field,
                                const char        *value)
{
  g_return_if_fail (EDAAD_IS_SERVICES_PAGE (self));
  edaad_record_table_set_filter (self->table, field, value);
}

GtkSingleSelection *
edaad_services_page_get_selection (EdaadServicesPage *self)
{
  g_return_val_if_fail (EDAAD_IS_SERVICES_PAGE (self), NULL);
  return edaad_record_table_get_selection (self->table);
}

const char *
edaad_services_page_get_state (EdaadServicesPage *self)
{
  g_return_val_if_fail (EDAAD_IS_SERVICES_PAGE (self), NULL);
  return edaad_record_table_get_state (self->table);
}

EdaadRecord *
edaad_services_page_get_shown (EdaadServicesPage *self)
{
  g_return_val_if_fail (EDAAD_IS_SERVICES_PAGE (self), NULL);
  return edaad_service_detail_get_service (self->detail);
}
