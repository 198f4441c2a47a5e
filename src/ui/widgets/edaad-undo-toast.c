/* edaad-undo-toast.c — the toasts a section raises: a plain message, and "… deleted" with
 * "Undo" that restores the record. */
#define G_LOG_DOMAIN "edaad-undo-toast"

#include "config.h"

#include "edaad-undo-toast.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  EdaadStore *store;
  char       *kind;
  char       *id;
} UndoData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_object_unref (undo->store);
  g_free (undo->kind);
  g_free (undo->id);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast *toast,
                 UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!edaad_store_undelete (undo->store, undo->kind, undo->id, &error))
    g_warning ("Could not restore the deleted %s %s: %s", undo->kind, undo->id, error->message);
}

AdwToast *
edaad_undo_toast_new_for_delete (EdaadStore *store,
                                 const char *kind,
                                 const char *id,
                                 const char *title)
{
  AdwToast *toast;
  UndoData *undo;

  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  toast = g_object_ref_sink (adw_toast_new (title));
  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (store);
  undo->kind = g_strdup (kind);
  undo->id = g_strdup (id);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo,
                         undo_data_free, 0);
  return toast;
}

AdwToast *
edaad_message_toast_new (const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_markup_escape_text (text, -1);
  return adw_toast_new (escaped);
}
