/* edaad-preferences-window.c — the preferences, bound to GSettings. */
#define G_LOG_DOMAIN "edaad-preferences-window"

#include "config.h"

#include "edaad-preferences-window.h"

#include "edaad-ui-format.h"

struct _EdaadPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  AdwComboRow *digits_row;
  AdwComboRow *first_weekday_row;
  GtkAdjustment *deadline_adjustment;
  GtkSpinButton *deadline_spin;
};

G_DEFINE_FINAL_TYPE (EdaadPreferencesWindow, edaad_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The enum nicks of a key, in the order of the combo row's items. */
static const char * const digits_nicks[] = { "locale", "latin", NULL };
static const char * const weekday_nicks[] = { "sunday", "monday", "saturday", NULL };

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      if (g_str_equal (nicks[i], nick))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }
  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static void
bind_enum (EdaadPreferencesWindow *self,
           const char             *key,
           AdwComboRow            *row,
           const char * const     *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick, (gpointer) nicks, NULL);
}

/* The spin button writes its number in the user's digits and reads any digits back. */
static gboolean
on_deadline_output (GtkSpinButton *spin)
{
  g_autofree char *text = edaad_ui_format_count ((gint64) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin)));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_deadline_input (GtkSpinButton *spin,
                   double        *new_value)
{
  gint64 value;

  if (!edaad_ui_parse_count (gtk_editable_get_text (GTK_EDITABLE (spin)), &value))
    return GTK_INPUT_ERROR;
  *new_value = (double) value;
  return TRUE;
}

static void
edaad_preferences_window_dispose (GObject *object)
{
  EdaadPreferencesWindow *self = EDAAD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (edaad_preferences_window_parent_class)->dispose (object);
}

static void
edaad_preferences_window_class_init (EdaadPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = edaad_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadPreferencesWindow, digits_row);
  gtk_widget_class_bind_template_child (widget_class, EdaadPreferencesWindow, first_weekday_row);
  gtk_widget_class_bind_template_child (widget_class, EdaadPreferencesWindow, deadline_adjustment);
  gtk_widget_class_bind_template_child (widget_class, EdaadPreferencesWindow, deadline_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_deadline_output);
  gtk_widget_class_bind_template_callback (widget_class, on_deadline_input);
}

static void
edaad_preferences_window_init (EdaadPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  bind_enum (self, "digits", self->digits_row, digits_nicks);
  bind_enum (self, "first-weekday", self->first_weekday_row, weekday_nicks);
  g_settings_bind (self->settings, "deadline-days", self->deadline_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (on_deadline_output), self->deadline_spin, G_CONNECT_SWAPPED);
  on_deadline_output (self->deadline_spin);
}

GtkWidget *
edaad_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (EDAAD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
