/* edaad-record-array.h — the records of a GListModel as the GPtrArray the core metrics take. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A new array holding a reference to every item of `model` (freed with the array). */
GPtrArray *edaad_record_array_from_model (GListModel *model);

G_END_DECLS
