/* edaad-undo-toast.h — the "… deleted" toast with "Undo" that restores the record. */
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

G_END_DECLS
