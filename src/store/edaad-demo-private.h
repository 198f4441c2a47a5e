/* edaad-demo-private.h — the demo content tables (edaad-demo-data.c) and their layout.
 *
 * Days are counted from today (negative: in the past); NO_DAY leaves a date unset.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NO_DAY G_MININT
#define MAX_READINGS 6

#define EDAAD_DEMO_N_PLANS 12
#define EDAAD_DEMO_N_SERVICES 40
#define EDAAD_DEMO_N_MODULES 5
#define EDAAD_DEMO_N_ASSIGNMENTS 8

typedef struct
{
  const char *code;
  const char *title;
  const char *change_type;
  const char *status;
  const char *phase;
  int kotter_step;
  const char *priority;
  int start_on, go_live_on, due_on; /* days from today */
  gboolean capstone;
  const char *owner;
  const char *sponsor;
  const char *summary;
  const char *vision;
  const char *case_for_change;
  const char *scope_in;
  const char *scope_out;
} EdaadDemoPlan;

typedef struct
{
  guint plan;
  const char *title;
  int baseline_due_on, due_on, done_on; /* days from today; done_on only when done */
  const char *status;
  int weight;
} EdaadDemoMilestone;

typedef struct
{
  guint plan;
  const char *name;
  const char *role;
  int power, interest;
  const char *attitude_now, *attitude_target;
  const char *approach;
} EdaadDemoStakeholder;

typedef struct
{
  guint plan;
  const char *title;
  const char *category;
  int likelihood, impact;
  const char *status;
  int review_on;
  const char *owner;
  const char *mitigation;
} EdaadDemoRisk;

typedef struct
{
  guint plan;
  const char *name;
  const char *unit;
  const char *direction;
  double baseline, target;
  int target_on;
  guint n_readings;
  double readings[MAX_READINGS]; /* monthly, oldest first, the last one four days ago */
} EdaadDemoKpi;

typedef struct
{
  guint plan;
  const char *round;
  int assessed_on;
  const char *group_name;
  double awareness, desire, knowledge, ability, reinforcement;
  const char *notes;
} EdaadDemoAdkar;

typedef struct
{
  const char *code;
  const char *name_en;
  const char *name_ar;
  const char *audience;
  const char *life_event;
  const char *maturity, *maturity_target;
  const char *portal_stage;
  const char *priority_phase;
  gint64 annual_volume;
  int steps_before, steps_after;
  double days_before, days_after;
  const char *maturity_from; /* the maturity before the last change, or NULL */
} EdaadDemoService;

typedef struct
{
  const char *title_en;
  const char *title_ar;
  const char *framework_tag;
  const char *description;
  const char *attendance;
} EdaadDemoModule;

typedef struct
{
  guint module;
  const char *title_en;
  const char *title_ar;
  const char *kind;
  int due_day; /* days after the first module day; due at 23:59 Muscat time */
  double weight, max_score;
  gboolean mandatory;
  const char *plan_section;
  const char *brief;
} EdaadDemoAssignment;

typedef struct
{
  guint assignment;
  const char *status;
  int submitted_day; /* days after the first module day, or NO_DAY for a draft */
  int submitted_hour;
  gboolean for_plan; /* about the leader's own capstone plan (the first plan) */
  const char *body;
  double score; /* < 0: not graded */
  const char *feedback;
} EdaadDemoSubmission;

extern const EdaadDemoPlan edaad_demo_plans[EDAAD_DEMO_N_PLANS];
extern const EdaadDemoMilestone edaad_demo_milestones[];
extern const guint edaad_demo_n_milestones;
extern const EdaadDemoStakeholder edaad_demo_stakeholders[];
extern const guint edaad_demo_n_stakeholders;
extern const EdaadDemoRisk edaad_demo_risks[];
extern const guint edaad_demo_n_risks;
extern const EdaadDemoKpi edaad_demo_kpis[];
extern const guint edaad_demo_n_kpis;
extern const EdaadDemoAdkar edaad_demo_adkar[];
extern const guint edaad_demo_n_adkar;
extern const EdaadDemoService edaad_demo_services[EDAAD_DEMO_N_SERVICES];
extern const EdaadDemoModule edaad_demo_modules[EDAAD_DEMO_N_MODULES];
extern const EdaadDemoAssignment edaad_demo_assignments[EDAAD_DEMO_N_ASSIGNMENTS];
extern const EdaadDemoSubmission edaad_demo_submissions[];
extern const guint edaad_demo_n_submissions;

G_END_DECLS
