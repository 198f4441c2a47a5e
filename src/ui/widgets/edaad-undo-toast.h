/* edaad-undo-toast.h — the toasts a section raises: a plain message, and "… deleted" with
 * "Undo" that restores the record. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

/* A toast showing `title` (markup: escape record text in it) with an "Undo" button that
 * restores `kind` `id` in `store` with edaad_store_undelete.  (transfer full) */
AdwToast *edaad_undo_toast_new_for_delete (EdaadStore *store,
                                           const char *kind,
                                           const char *id,
                                           const char *title);

/* A toast showing `text` as it is (it is escaped, so record titles and error messages with
 * "<" or "&" show verbatim).  (transfer full) */
AdwToast *edaad_message_toast_new         (const char *text);

G_END_DECLS
