/* edaad-search-item.c — one hit of the global search, as an item of a GListModel. */
#define G_LOG_DOMAIN "edaad-search-item"

#include "config.h"

#include "edaad-search-item.h"

#include <glib/gi18n-lib.h>

struct _EdaadSearchItem
{
  GObject parent_instance;

  char *kind;
  char *id;
  char *title;
  char *snippet;
};

G_DEFINE_FINAL_TYPE (EdaadSearchItem, edaad_search_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_SNIPPET,
  PROP_ICON_NAME,
  PROP_KIND_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *kind;
  const char *icon_name;
} kind_icons[] = {
  { "plan", "view-list-bullet-symbolic" },
  { "milestone", "emblem-ok-symbolic" },
  { "risk", "dialog-warning-symbolic" },
  { "stakeholder", "system-users-symbolic" },
  { "kpi", "x-office-spreadsheet-symbolic" },
  { "service", "network-workgroup-symbolic" },
  { "institution", "user-home-symbolic" },
  { "edition", "accessories-dictionary-symbolic" },
  { "module", "x-office-calendar-symbolic" },
  { "assignment", "document-edit-symbolic" },
  { "submission", "document-send-symbolic" },
};

const char *
edaad_search_item_get_icon_name (EdaadSearchItem *self)
{
  g_return_val_if_fail (EDAAD_IS_SEARCH_ITEM (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kind_icons); i++)
    {
      if (g_strcmp0 (kind_icons[i].kind, self->kind) == 0)
        return kind_icons[i].icon_name;
    }
  return "text-x-generic-symbolic";
}

const char *
edaad_search_item_get_kind_label (EdaadSearchItem *self)
{
  const EdaadKindSpec *spec;

  g_return_val_if_fail (EDAAD_IS_SEARCH_ITEM (self), NULL);

  spec = edaad_schema_lookup_kind (self->kind);
  return spec != NULL ? _(spec->label) : "";
}

const char *
edaad_search_item_get_kind (EdaadSearchItem *self)
{
  g_return_val_if_fail (EDAAD_IS_SEARCH_ITEM (self), NULL);

  return self->kind;
}

const char *
edaad_search_item_get_id (EdaadSearchItem *self)
{
  g_return_val_if_fail (EDAAD_IS_SEARCH_ITEM (self), NULL);

  return self->id;
}

const char *
edaad_search_item_get_title (EdaadSearchItem *self)
{
  g_return_val_if_fail (EDAAD_IS_SEARCH_ITEM (self), NULL);

  return self->title;
}

const char *
edaad_search_item_get_snippet (EdaadSearchItem *self)
{
  g_return_val_if_fail (EDAAD_IS_SEARCH_ITEM (self), NULL);

  return self->snippet;
}

static void
edaad_search_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EdaadSearchItem *self = EDAAD_SEARCH_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, edaad_search_item_get_icon_name (self));
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, edaad_search_item_get_kind_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_search_item_finalize (GObject *object)
{
  EdaadSearchItem *self = EDAAD_SEARCH_ITEM (object);

  g_free (self->kind);
  g_free (self->id);
  g_free (self->title);
  g_free (self->snippet);

  G_OBJECT_CLASS (edaad_search_item_parent_class)->finalize (object);
}

static void
edaad_search_item_class_init (EdaadSearchItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = edaad_search_item_get_property;
  object_class->finalize = edaad_search_item_finalize;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
edaad_search_item_init (EdaadSearchItem *self)
{
}

EdaadSearchItem *
edaad_search_item_new (const EdaadSearchHit *hit)
{
  EdaadSearchItem *self;

  g_return_val_if_fail (hit != NULL, NULL);
  g_return_val_if_fail (hit->kind != NULL && hit->id != NULL, NULL);

  self = g_object_new (EDAAD_TYPE_SEARCH_ITEM, NULL);
  self->kind = g_strdup (hit->kind);
  self->id = g_strdup (hit->id);
  self->title = g_strdup (hit->title != NULL ? hit->title : "");
  /* Snippets run across lines of long text; one line reads better in a list. */
  self->snippet = g_strdup (hit->snippet != NULL ? hit->snippet : "");
  g_strdelimit (self->snippet, "\r\n\t", ' ');
  return self;
}
