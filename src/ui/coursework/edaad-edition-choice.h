/* edaad-edition-choice.h — which Edaad edition the coursework page and the dashboard show. */
#pragma once

#include <gio/gio.h>

#include "edaad-record.h"

G_BEGIN_DECLS

/* Among the editions in `editions` (a GListModel of EdaadRecord): the one running on `today`
 * (the latest to start if several are), else the next to start, else the last to end;
 * editions without valid start and end dates are ignored. A new reference, or NULL. */
EdaadRecord *edaad_edition_choose (GListModel *editions,
                                   const char *today);

G_END_DECLS
