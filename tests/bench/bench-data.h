/* bench-data.h — the large, reproducible data set the benchmarks share. */
#pragma once

#include "edaad-store.h"

G_BEGIN_DECLS

/* The dates of the data are spread around this day, so every run sees the same data. */
#define BENCH_DATA_TODAY "2026-06-01"
#define BENCH_DATA_SEED 20260601

/* Fills `store`, through edaad_store_run_batch + edaad_store_put_synced (one transaction per
 * 2,000 plans), with `n_plans` plans — each with 5 milestones, 5 risks and 5 stakeholders —
 * and `n_plans` / 2 services, with varied English and Arabic text.  The same `n_plans` always
 * gives the same data (apart from the ids).  When `plan_ids` is not NULL, the ids of the new
 * plans are appended to it (as newly allocated strings; give it g_free as free func) in
 * creation order.  On failure the batch in progress is rolled back and FALSE returned. */
gboolean bench_data_generate (EdaadStore  *store,
                              guint        n_plans,
                              GPtrArray   *plan_ids,
                              GError     **error);

G_END_DECLS
