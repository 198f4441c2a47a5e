/* edaad-plan-section.c — the base of the sections beside a plan.
 *
 * The plans page tells the visible section the selected plan; every section shows the
 * store's records of that plan and raises toasts (errors, "… deleted" with Undo) that the
 * page shows over itself.  What varies — which records, how they show — is the subclass's:
 * it hears of a new plan through EdaadPlanSectionClass.plan_changed.
 */
#define G_LOG_DOMAIN "edaad-plan-section"

#include "config.h"

#include "edaad-plan-section.h"

#include "edaad-undo-toast.h"

typedef struct
{
  EdaadStore *store;
  char *plan_id;
} EdaadPlanSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (EdaadPlanSection, edaad_plan_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN_ID,
  N_PROPS
};

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
edaad_plan_section_constructed (GObject *object)
{
  EdaadPlanSection *self = EDAAD_PLAN_SECTION (object);
  EdaadPlanSectionPrivate *priv = edaad_plan_section_get_instance_private (self);

  G_OBJECT_CLASS (edaad_plan_section_parent_class)->constructed (object);

  g_assert (EDAAD_IS_STORE (priv->store));
}

static void
edaad_plan_section_dispose (GObject *object)
{
  EdaadPlanSection *self = EDAAD_PLAN_SECTION (object);
  EdaadPlanSectionPrivate *priv = edaad_plan_section_get_instance_private (self);

  /* The subclass has let go of its lists; its widgets go before the store they show. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (edaad_plan_section_parent_class)->dispose (object);
}

static void
edaad_plan_section_finalize (GObject *object)
{
  EdaadPlanSection *self = EDAAD_PLAN_SECTION (object);
  EdaadPlanSectionPrivate *priv = edaad_plan_section_get_instance_private (self);

  g_free (priv->plan_id);

  G_OBJECT_CLASS (edaad_plan_section_parent_class)->finalize (object);
}

static void
edaad_plan_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EdaadPlanSection *self = EDAAD_PLAN_SECTION (object);
  EdaadPlanSectionPrivate *priv = edaad_plan_section_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_PLAN_ID:
      g_value_set_string (value, priv->plan_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_plan_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EdaadPlanSection *self = EDAAD_PLAN_SECTION (object);
  EdaadPlanSectionPrivate *priv = edaad_plan_section_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_PLAN_ID:
      edaad_plan_section_set_plan (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_plan_section_class_init (EdaadPlanSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = edaad_plan_section_constructed;
  object_class->dispose = edaad_plan_section_dispose;
  object_class->finalize = edaad_plan_section_finalize;
  object_class->get_property = edaad_plan_section_get_property;
  object_class->set_property = edaad_plan_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_ID] =
    g_param_spec_string ("plan-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
edaad_plan_section_init (EdaadPlanSection *self)
{
}

EdaadStore *
edaad_plan_section_get_store (EdaadPlanSection *self)
{
  EdaadPlanSectionPrivate *priv = edaad_plan_section_get_instance_private (self);

  g_return_val_if_fail (EDAAD_IS_PLAN_SECTION (self), NULL);

  return priv->store;
}

void
edaad_plan_section_set_plan (EdaadPlanSection *self,
                             const char       *plan_id)
{
  EdaadPlanSectionPrivate *priv = edaad_plan_section_get_instance_private (self);
  EdaadPlanSectionClass *klass;

  g_return_if_fail (EDAAD_IS_PLAN_SECTION (self));

  if (g_strcmp0 (priv->plan_id, plan_id) == 0)
    return;
  g_free (priv->plan_id);
  priv->plan_id = g_strdup (plan_id);

  klass = EDAAD_PLAN_SECTION_GET_CLASS (self);
  if (klass->plan_changed != NULL)
    klass->plan_changed (self, priv->plan_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
}

const char *
edaad_plan_section_get_plan_id (EdaadPlanSection *self)
{
  EdaadPlanSectionPrivate *priv = edaad_plan_section_get_instance_private (self);

  g_return_val_if_fail (EDAAD_IS_PLAN_SECTION (self), NULL);

  return priv->plan_id;
}

void
edaad_plan_section_toast (EdaadPlanSection *self,
                          AdwToast         *toast)
{
  g_return_if_fail (EDAAD_IS_PLAN_SECTION (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
}

void
edaad_plan_section_toast_error (EdaadPlanSection *self,
                                const GError     *error)
{
  g_autoptr(AdwToast) toast = NULL;

  g_return_if_fail (EDAAD_IS_PLAN_SECTION (self));
  g_return_if_fail (error != NULL);

  toast = edaad_message_toast_new (error->message);
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
}
