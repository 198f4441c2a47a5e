/* edaad-plan-rollups.c — the plans list's cache of each plan's progress and RAG.
 *
 * The list shows a progress bar and a RAG label on every row it has built (GTK 4.8 builds
 * about 200) and builds them again on every filter keystroke, so each answer comes from
 * one indexed query and is kept: a keystroke that shows plans seen before asks nothing. */
#define G_LOG_DOMAIN "edaad-plan-rollups"

#include "config.h"

#include "edaad-plan-rollups.h"

#include "edaad-date.h"

#include <string.h>

struct _EdaadPlanRollups
{
  GObject parent_instance;

  EdaadStore *store;
  GHashTable *cache;  /* plan id → EdaadPlanRollup */
  char *day;          /* the day the cached RAGs were judged on */
  gint64 day_checked; /* when (monotonic µs) the day was last read from the clock */
};

G_DEFINE_FINAL_TYPE (EdaadPlanRollups, edaad_plan_rollups, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Past this many records changed at once (a sync, an import), every rollup is forgotten
 * rather than the plans' found one by one. */
#define FORGET_ONE_BY_ONE_MAX 16

static void
forget_all (EdaadPlanRollups *self)
{
  g_hash_table_remove_all (self->cache);
  g_signal_emit (self, signals[CHANGED], 0, NULL);
}

static void
forget_plan (EdaadPlanRollups *self,
             const char       *plan_id)
{
  if (plan_id != NULL && g_hash_table_remove (self->cache, plan_id))
    g_signal_emit (self, signals[CHANGED], 0, plan_id);
}

/* A plan's rollup depends on the plan (its own RAG when it has no milestones) and on its
 * milestones: an edit forgets only the plans it touched, so saving one plan asks the store
 * about that plan again, not about every row of the list. */
static void
on_store_changed (EdaadStore         *store,
                  const char         *kind,
                  const char * const *ids,
                  EdaadPlanRollups   *self)
{
  gboolean plans = strcmp (kind, "plan") == 0;

  if (!plans && strcmp (kind, "milestone") != 0)
    return;
  if (ids == NULL || g_strv_length ((GStrv) ids) > FORGET_ONE_BY_ONE_MAX)
    {
      forget_all (self);
      return;
    }

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(EdaadRecord) milestone = NULL;

      if (plans)
        {
          forget_plan (self, ids[i]);
          continue;
        }
      /* Tombstones are read too: a deleted milestone still names its plan.  (The UI never
       * moves a milestone to another plan; a sync that did would be more than one record
       * in most cases, and a day's change forgets everything anyway.) */
      milestone = edaad_store_get (self->store, "milestone", ids[i], NULL);
      if (milestone == NULL)
        {
          forget_all (self);
          return;
        }
      forget_plan (self, edaad_record_get_string (milestone, "plan_id"));
    }
}

static void
edaad_plan_rollups_dispose (GObject *object)
{
  EdaadPlanRollups *self = EDAAD_PLAN_ROLLUPS (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (edaad_plan_rollups_parent_class)->dispose (object);
}

static void
edaad_plan_rollups_finalize (GObject *object)
{
  EdaadPlanRollups *self = EDAAD_PLAN_ROLLUPS (object);

  g_hash_table_unref (self->cache);
  g_free (self->day);

  G_OBJECT_CLASS (edaad_plan_rollups_parent_class)->finalize (object);
}

static void
edaad_plan_rollups_class_init (EdaadPlanRollupsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = edaad_plan_rollups_dispose;
  object_class->finalize = edaad_plan_rollups_finalize;

  /* The rollup of the plan with this id (every plan's, for NULL) was forgotten: a value
   * shown for it may be stale. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
edaad_plan_rollups_init (EdaadPlanRollups *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

EdaadPlanRollups *
edaad_plan_rollups_new (EdaadStore *store)
{
  EdaadPlanRollups *self;

  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);

  self = g_object_new (EDAAD_TYPE_PLAN_ROLLUPS, NULL);
  self->store = g_object_ref (store);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  return self;
}

EdaadPlanRollup
edaad_plan_rollups_lookup (EdaadPlanRollups *self,
                           const char       *plan_id)
{
  EdaadPlanRollup rollup = { 0.0, EDAAD_RAG_NONE };
  g_autoptr(GError) error = NULL;
  EdaadPlanRollup *cached;
  gint64 now = g_get_monotonic_time ();

  g_return_val_if_fail (EDAAD_IS_PLAN_ROLLUPS (self), rollup);

  if (plan_id == NULL)
    return rollup;
  /* Reading the local day costs a time zone lookup: once a second is often enough. */
  if (self->day == NULL || now - self->day_checked >= G_USEC_PER_SEC)
    {
      g_autofree char *today = edaad_date_today ();

      self->day_checked = now;
      if (g_strcmp0 (today, self->day) != 0)
        {
          /* A new day: yesterday's amber may be today's red. */
          g_hash_table_remove_all (self->cache);
          g_free (self->day);
          self->day = g_steal_pointer (&today);
        }
    }

  cached = g_hash_table_lookup (self->cache, plan_id);
  if (cached != NULL)
    return *cached;
  if (!edaad_store_plan_rollup (self->store, plan_id, self->day, &rollup, &error))
    {
      /* A plan row whose record went away just now: its row goes with the next refresh. */
      g_debug ("No rollup for plan %s: %s", plan_id, error->message);
      return rollup;
    }
  g_hash_table_insert (self->cache, g_strdup (plan_id), g_memdup2 (&rollup, sizeof rollup));
  return rollup;
}
