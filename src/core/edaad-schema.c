/* edaad-schema.c — the schema table of DESIGN.md §3. */
#define G_LOG_DOMAIN "edaad-schema"

#include "config.h"

#include "edaad-schema.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Field constructors keep the table one line per field. */
#define STR(n, lbl, len, fl) \
  { .name = n, .type = EDAAD_FIELD_STRING, .flags = (fl), .label = lbl, .max_len = (len) }
#define STR1(n, lbl, len, fl, grp) \
  { .name = n, .type = EDAAD_FIELD_STRING, .flags = (fl), .label = lbl, .max_len = (len), .one_of_group = (grp) }
#define INT(n, lbl, lo, hi, def, fl) \
  { .name = n, .type = EDAAD_FIELD_INT, .flags = (fl), .label = lbl, .min = (lo), .max = (hi), .default_value = def }
#define REAL(n, lbl, lo, hi, fl) \
  { .name = n, .type = EDAAD_FIELD_REAL, .flags = (fl), .label = lbl, .real_min = (lo), .real_max = (hi) }
#define BOOL(n, lbl, def) \
  { .name = n, .type = EDAAD_FIELD_BOOL, .label = lbl, .default_value = def }
#define ENUM(n, lbl, vals, def, fl) \
  { .name = n, .type = EDAAD_FIELD_ENUM, .flags = (fl), .label = lbl, \
    .enum_values = vals##_values, .enum_labels = vals##_labels, .default_value = def }
#define DATE(n, lbl, fl) \
  { .name = n, .type = EDAAD_FIELD_DATE, .flags = (fl), .label = lbl }
#define INSTANT(n, lbl, fl) \
  { .name = n, .type = EDAAD_FIELD_INSTANT, .flags = (fl), .label = lbl }
#define REF(n, lbl, kind, fl) \
  { .name = n, .type = EDAAD_FIELD_UUID, .flags = (fl) | EDAAD_FIELD_INDEXED, .label = lbl, .ref_kind = kind }
#define REF1(n, lbl, kind, fl, grp) \
  { .name = n, .type = EDAAD_FIELD_UUID, .flags = (fl) | EDAAD_FIELD_INDEXED, .label = lbl, .ref_kind = kind, .one_of_group = (grp) }
#define JSON(n, lbl) \
  { .name = n, .type = EDAAD_FIELD_JSON, .label = lbl }

#define ENUM_TABLE(name, ...) \
  static const char * const name##_values[] = { __VA_ARGS__, NULL };
#define LABEL_TABLE(name, ...) \
  static const char * const name##_labels[] = { __VA_ARGS__, NULL };

#define SHORT 200
#define NAME 500
#define TEXT 16000
#define R EDAAD_FIELD_REQUIRED
#define S EDAAD_FIELD_SEARCHABLE
#define T EDAAD_FIELD_TITLE
#define P EDAAD_FIELD_PARENT
#define I EDAAD_FIELD_INDEXED
#define O EDAAD_FIELD_OFFICE_ONLY
#define NONE EDAAD_FIELD_FLAG_NONE

/* ---- enums ---- */
ENUM_TABLE (tahawul, "advanced", "green", "yellow", "red", "black")
LABEL_TABLE (tahawul, N_("Advanced"), N_("Green"), N_("Yellow"), N_("Red"), N_("Black"))

ENUM_TABLE (change_type, "it_digital", "regulatory_compliance", "environmental_sustainability",
            "talent_people", "cultural_organisational", "process", "structural", "other")
LABEL_TABLE (change_type, N_("IT and digital"), N_("Regulatory compliance"),
             N_("Environmental sustainability"), N_("Talent and people"),
             N_("Cultural and organisational"), N_("Process"), N_("Structural"), N_("Other"))

ENUM_TABLE (plan_status, "draft", "submitted", "in_review", "approved", "implementing",
            "sustaining", "closed", "on_hold", "cancelled")
LABEL_TABLE (plan_status, N_("Draft"), N_("Submitted"), N_("In review"), N_("Approved"),
             N_("Implementing"), N_("Sustaining"), N_("Closed"), N_("On hold"), N_("Cancelled"))

ENUM_TABLE (phase, "prepare", "manage", "sustain")
LABEL_TABLE (phase, N_("Prepare"), N_("Manage"), N_("Sustain"))

ENUM_TABLE (priority, "low", "medium", "high", "critical")
LABEL_TABLE (priority, N_("Low"), N_("Medium"), N_("High"), N_("Critical"))

ENUM_TABLE (milestone_status, "planned", "on_track", "at_risk", "late", "done", "dropped")
LABEL_TABLE (milestone_status, N_("Planned"), N_("On track"), N_("At risk"), N_("Late"),
             N_("Done"), N_("Dropped"))

ENUM_TABLE (stakeholder_role, "sponsor", "coalition", "people_manager", "change_agent",
            "impacted", "citizen_business", "regulator", "it_provider")
LABEL_TABLE (stakeholder_role, N_("Sponsor"), N_("Guiding coalition"), N_("People manager"),
             N_("Change agent"), N_("Impacted group"), N_("Citizens and businesses"),
             N_("Regulator"), N_("IT provider"))

ENUM_TABLE (attitude, "champion", "supporter", "neutral", "critic", "opponent")
LABEL_TABLE (attitude, N_("Champion"), N_("Supporter"), N_("Neutral"), N_("Critic"), N_("Opponent"))

ENUM_TABLE (risk_category, "technical", "resource", "schedule", "budget", "external",
            "compliance", "reputational", "adoption")
LABEL_TABLE (risk_category, N_("Technical"), N_("Resource"), N_("Schedule"), N_("Budget"),
             N_("External"), N_("Compliance"), N_("Reputational"), N_("Adoption"))

ENUM_TABLE (risk_status, "open", "monitoring", "mitigating", "closed", "occurred")
LABEL_TABLE (risk_status, N_("Open"), N_("Monitoring"), N_("Mitigating"), N_("Closed"), N_("Occurred"))

ENUM_TABLE (direction, "up", "down")
LABEL_TABLE (direction, N_("Higher is better"), N_("Lower is better"))

ENUM_TABLE (adkar_round, "baseline", "pre_go_live", "go_live", "post_go_live", "adhoc")
LABEL_TABLE (adkar_round, N_("Baseline"), N_("Before go-live"), N_("Go-live"),
             N_("After go-live"), N_("Ad hoc"))

ENUM_TABLE (audience, "citizen", "resident", "business", "government", "visitor")
LABEL_TABLE (audience, N_("Citizens"), N_("Residents"), N_("Businesses"), N_("Government"), N_("Visitors"))

ENUM_TABLE (life_event, "newborn", "marriage", "elderly_care", "separation", "disability",
            "child_protection", "bereavement", "housing", "vehicle", "business_startup",
            "employment", "education", "other")
LABEL_TABLE (life_event, N_("Newborn"), N_("Marriage"), N_("Elderly care"), N_("Separation"),
             N_("Disability"), N_("Child protection"), N_("Bereavement"), N_("Housing"),
             N_("Vehicle"), N_("Starting a business"), N_("Employment"), N_("Education"), N_("Other"))

ENUM_TABLE (maturity, "manual", "semi_electronic", "electronic")
LABEL_TABLE (maturity, N_("Manual"), N_("Semi-electronic"), N_("Electronic"))

ENUM_TABLE (portal_stage, "identified", "prioritised", "survey", "business_ready",
            "technical_ready", "integration", "testing", "live", "monitoring")
LABEL_TABLE (portal_stage, N_("Identified"), N_("Prioritised"), N_("Readiness survey"),
             N_("Business ready"), N_("Technically ready"), N_("Integration"), N_("Testing"),
             N_("Live on the portal"), N_("Monitoring"))

ENUM_TABLE (priority_phase, "phase1", "phase2", "later")
LABEL_TABLE (priority_phase, N_("Phase 1"), N_("Phase 2"), N_("Later"))

ENUM_TABLE (event_field, "maturity", "portal_stage")
LABEL_TABLE (event_field, N_("Maturity"), N_("Portal stage"))

ENUM_TABLE (framework, "adkar", "kotter", "impact", "stakeholder", "communication",
            "resistance", "risk", "kpi", "capstone")
LABEL_TABLE (framework, N_("ADKAR"), N_("Kotter's eight steps"), N_("Change impact"),
             N_("Stakeholders"), N_("Communication"), N_("Resistance"), N_("Risk"),
             N_("KPIs"), N_("Capstone"))

ENUM_TABLE (assignment_kind, "quiz", "reflection", "template", "capstone_section",
            "capstone_final", "presentation")
LABEL_TABLE (assignment_kind, N_("Quiz"), N_("Reflection"), N_("Template"),
             N_("Capstone section"), N_("Final capstone"), N_("Presentation"))

ENUM_TABLE (submission_status, "draft", "submitted", "returned", "graded")
LABEL_TABLE (submission_status, N_("Draft"), N_("Submitted"), N_("Returned"), N_("Graded"))

ENUM_TABLE (attendance_status, "present", "late", "excused", "absent")
LABEL_TABLE (attendance_status, N_("Present"), N_("Late"), N_("Excused"), N_("Absent"))

ENUM_TABLE (conflict_kind, "field", "edit_on_deleted", "delete_of_modified", "parent_deleted")
LABEL_TABLE (conflict_kind, N_("Both changed this field"), N_("Edited after it was deleted"),
             N_("Deleted after it was changed"), N_("Added under a deleted item"))

/* ---- kinds ---- */
static const EdaadFieldSpec institution_fields[] = {
  STR1 ("name_en", N_("Name (English)"), NAME, S | T, 1),
  STR1 ("name_ar", N_("Name (Arabic)"), NAME, S | T, 1),
  STR ("short_name", N_("Short name"), 40, S),
  ENUM ("tahawul_level", N_("Tahawul level"), tahawul, NULL, NONE),
};

static const EdaadFieldSpec plan_fields[] = {
  STR ("code", N_("Code"), 40, S | I),
  STR ("title", N_("Title"), NAME, R | S | T),
  STR ("summary", N_("Summary"), TEXT, S),
  ENUM ("change_type", N_("Type of change"), change_type, "other", R | I),
  ENUM ("status", N_("Status"), plan_status, "draft", R | I),
  ENUM ("phase", N_("Phase"), phase, "prepare", NONE),
  INT ("kotter_step", N_("Kotter step"), 1, 8, "1", NONE),
  ENUM ("priority", N_("Priority"), priority, "medium", I),
  STR ("owner", N_("Owner"), SHORT, S),
  STR ("sponsor", N_("Sponsor"), SHORT, S),
  DATE ("start_on", N_("Start"), NONE),
  DATE ("go_live_on", N_("Go-live"), NONE),
  DATE ("due_on", N_("Due"), I),
  STR ("vision", N_("Vision"), TEXT, S),
  STR ("case_for_change", N_("Case for change"), TEXT, S),
  STR ("scope_in", N_("In scope"), TEXT, NONE),
  STR ("scope_out", N_("Out of scope"), TEXT, NONE),
  BOOL ("capstone", N_("Capstone plan"), "false"),
  REF ("edition_id", N_("Edaad edition"), "edition", NONE),
};

static const EdaadFieldSpec milestone_fields[] = {
  REF ("plan_id", N_("Plan"), "plan", R | P),
  STR ("title", N_("Title"), NAME, R | S | T),
  DATE ("baseline_due_on", N_("Baseline due date"), NONE),
  DATE ("due_on", N_("Due"), I),
  DATE ("done_on", N_("Done on"), NONE),
  ENUM ("status", N_("Status"), milestone_status, "planned", I),
  INT ("weight", N_("Weight"), 0, 100, "1", NONE),
  INT ("position", N_("Position"), 0, G_MAXINT32, "0", NONE),
};

static const EdaadFieldSpec stakeholder_fields[] = {
  REF ("plan_id", N_("Plan"), "plan", R | P),
  STR ("name", N_("Name"), SHORT, R | S | T),
  ENUM ("role", N_("Role"), stakeholder_role, "impacted", NONE),
  INT ("power", N_("Power"), 1, 5, "3", NONE),
  INT ("interest", N_("Interest"), 1, 5, "3", NONE),
  ENUM ("attitude_now", N_("Attitude now"), attitude, "neutral", NONE),
  ENUM ("attitude_target", N_("Target attitude"), attitude, "supporter", NONE),
  STR ("approach", N_("Engagement approach"), TEXT, S),
  INT ("position", N_("Position"), 0, G_MAXINT32, "0", NONE),
};

static const EdaadFieldSpec risk_fields[] = {
  REF ("plan_id", N_("Plan"), "plan", R | P),
  STR ("title", N_("Title"), NAME, R | S | T),
  ENUM ("category", N_("Category"), risk_category, "technical", NONE),
  INT ("likelihood", N_("Likelihood"), 1, 5, NULL, R),
  INT ("impact", N_("Impact"), 1, 5, NULL, R),
  STR ("mitigation", N_("Mitigation"), TEXT, S),
  STR ("owner", N_("Owner"), SHORT, S),
  ENUM ("status", N_("Status"), risk_status, "open", I),
  DATE ("review_on", N_("Next review"), NONE),
};

static const EdaadFieldSpec kpi_fields[] = {
  REF1 ("plan_id", N_("Plan"), "plan", P, 1),
  REF1 ("service_id", N_("Service"), "service", P, 1),
  STR ("name", N_("Name"), SHORT, R | S | T),
  STR ("unit", N_("Unit"), 40, NONE),
  ENUM ("direction", N_("Direction"), direction, "up", NONE),
  REAL ("baseline", N_("Baseline"), -1e12, 1e12, NONE),
  REAL ("target", N_("Target"), -1e12, 1e12, NONE),
  DATE ("target_on", N_("Target date"), NONE),
};

static const EdaadFieldSpec kpi_reading_fields[] = {
  REF ("kpi_id", N_("KPI"), "kpi", R | P),
  DATE ("measured_on", N_("Measured on"), R | I),
  REAL ("value", N_("Value"), -1e12, 1e12, R),
  STR ("note", N_("Note"), TEXT, S),
};

#define ADKAR_SCORE(n, lbl) REAL (n, lbl, 1.0, 5.0, NONE)
static const EdaadFieldSpec adkar_fields[] = {
  REF ("plan_id", N_("Plan"), "plan", R | P),
  ENUM ("round", N_("Round"), adkar_round, "baseline", R),
  DATE ("assessed_on", N_("Assessed on"), R | I),
  STR ("group_name", N_("Group"), SHORT, S | T),
  ADKAR_SCORE ("awareness", N_("Awareness")),
  ADKAR_SCORE ("desire", N_("Desire")),
  ADKAR_SCORE ("knowledge", N_("Knowledge")),
  ADKAR_SCORE ("ability", N_("Ability")),
  ADKAR_SCORE ("reinforcement", N_("Reinforcement")),
  STR ("notes", N_("Notes"), TEXT, S),
};

static const EdaadFieldSpec service_fields[] = {
  STR ("code", N_("Code"), 40, S | I),
  STR1 ("name_en", N_("Name (English)"), NAME, S | T, 1),
  STR1 ("name_ar", N_("Name (Arabic)"), NAME, S | T, 1),
  STR ("description", N_("Description"), TEXT, S),
  ENUM ("audience", N_("Audience"), audience, "citizen", NONE),
  ENUM ("life_event", N_("Life event"), life_event, "other", I),
  ENUM ("maturity", N_("Maturity"), maturity, "manual", R | I),
  ENUM ("maturity_target", N_("Target maturity"), maturity, "electronic", NONE),
  ENUM ("portal_stage", N_("Portal stage"), portal_stage, "identified", I),
  ENUM ("priority_phase", N_("Priority phase"), priority_phase, "later", NONE),
  INT ("annual_volume", N_("Transactions a year"), 0, G_GINT64_CONSTANT (1000000000000), NULL, NONE),
  INT ("steps_before", N_("Steps before"), 0, 1000, NULL, NONE),
  INT ("steps_after", N_("Steps after"), 0, 1000, NULL, NONE),
  REAL ("days_before", N_("Days before"), 0, 3650, NONE),
  REAL ("days_after", N_("Days after"), 0, 3650, NONE),
};

static const EdaadFieldSpec service_event_fields[] = {
  REF ("service_id", N_("Service"), "service", R | P),
  DATE ("on", N_("Date"), R | I),
  ENUM ("field", N_("Field"), event_field, NULL, R),
  STR ("from", N_("From"), 40, NONE),
  STR ("to", N_("To"), 40, R),
};

#define SURVEY_ITEM(n, lbl) INT (n, lbl, 0, 4, NULL, NONE)
static const EdaadFieldSpec readiness_survey_fields[] = {
  REF ("service_id", N_("Service"), "service", R | P),
  DATE ("surveyed_on", N_("Surveyed on"), R | I),
  SURVEY_ITEM ("process_documented", N_("Process documented")),
  SURVEY_ITEM ("simplified", N_("Process simplified")),
  SURVEY_ITEM ("legal_basis", N_("Legal basis for digital service")),
  SURVEY_ITEM ("e_payment", N_("Electronic payment")),
  SURVEY_ITEM ("digital_evidence", N_("Digital documents accepted")),
  SURVEY_ITEM ("owner_named", N_("Service owner named")),
  SURVEY_ITEM ("backend_system", N_("Back-end system")),
  SURVEY_ITEM ("api_available", N_("API available")),
  SURVEY_ITEM ("integration_platform", N_("On the integration platform")),
  SURVEY_ITEM ("e_auth", N_("Electronic authentication")),
  SURVEY_ITEM ("data_quality", N_("Data quality")),
  SURVEY_ITEM ("hosting_security", N_("Hosting and security")),
};

static const EdaadFieldSpec edition_fields[] = {
  STR1 ("name_en", N_("Name (English)"), NAME, S | T, 1),
  STR1 ("name_ar", N_("Name (Arabic)"), NAME, S | T, 1),
  INT ("number", N_("Edition number"), 1, 1000, NULL, NONE),
  DATE ("starts_on", N_("Starts"), R),
  DATE ("ends_on", N_("Ends"), R),
  INT ("expected_plans", N_("Expected plans"), 0, 1000, "10", NONE),
  REAL ("min_attendance_pct", N_("Minimum attendance (%)"), 0, 100, NONE),
  REAL ("min_average_grade", N_("Minimum average grade (%)"), 0, 100, NONE),
};

static const EdaadFieldSpec module_fields[] = {
  REF ("edition_id", N_("Edition"), "edition", R | P),
  INT ("position", N_("Position"), 0, 1000, "0", NONE),
  STR1 ("title_en", N_("Title (English)"), NAME, S | T, 1),
  STR1 ("title_ar", N_("Title (Arabic)"), NAME, S | T, 1),
  STR ("description", N_("Description"), TEXT, S),
  INSTANT ("starts_at", N_("Starts"), I),
  INSTANT ("ends_at", N_("Ends"), NONE),
  STR ("place", N_("Place"), SHORT, NONE),
  ENUM ("framework_tag", N_("Framework"), framework, NULL, NONE),
};

static const EdaadFieldSpec assignment_fields[] = {
  REF ("edition_id", N_("Edition"), "edition", R | P),
  REF ("module_id", N_("Module"), "module", NONE),
  STR1 ("title_en", N_("Title (English)"), NAME, S | T, 1),
  STR1 ("title_ar", N_("Title (Arabic)"), NAME, S | T, 1),
  STR ("brief", N_("Brief"), TEXT, S),
  ENUM ("kind", N_("Kind"), assignment_kind, "template", NONE),
  INSTANT ("due_at", N_("Due"), R | I),
  REAL ("weight", N_("Weight"), 0, 100, NONE),
  REAL ("max_score", N_("Maximum score"), 0, 1000, NONE),
  BOOL ("mandatory", N_("Mandatory"), "true"),
  STR ("plan_section", N_("Plan section"), SHORT, NONE),
};

static const EdaadFieldSpec submission_fields[] = {
  REF ("assignment_id", N_("Assignment"), "assignment", R | P),
  REF ("plan_id", N_("Plan"), "plan", NONE),
  STR ("body", N_("Answer"), TEXT, S),
  ENUM ("status", N_("Status"), submission_status, "draft", I),
  INSTANT ("submitted_at", N_("Submitted"), NONE),
};

static const EdaadFieldSpec grade_fields[] = {
  REF ("submission_id", N_("Submission"), "submission", R | P),
  REAL ("score", N_("Score"), 0, 1000, R),
  STR ("feedback", N_("Feedback"), TEXT, S),
};

static const EdaadFieldSpec attendance_fields[] = {
  REF ("module_id", N_("Module"), "module", R | P),
  ENUM ("status", N_("Attendance"), attendance_status, "present", R),
};

static const EdaadFieldSpec conflict_fields[] = {
  STR ("record_type", N_("Kind"), 40, R),
  { .name = "record_id", .type = EDAAD_FIELD_UUID, .flags = R | I, .label = N_("Record") },
  STR ("field", N_("Field"), 100, NONE),
  ENUM ("kind", N_("Conflict"), conflict_kind, "field", R),
  JSON ("base", N_("Before")),
  JSON ("mine", N_("Mine")),
  JSON ("theirs", N_("Theirs")),
  STR ("by_user", N_("Changed by"), SHORT, NONE),
  BOOL ("resolved", N_("Resolved"), "false"),
};

#define KIND(n, lbl, plural, sc, append, office, f) \
  { .name = n, .label = lbl, .label_plural = plural, .scope = sc, .append_only = append, \
    .office_only = office, .fields = f, .n_fields = G_N_ELEMENTS (f) }

static const EdaadKindSpec kinds[] = {
  KIND ("institution", N_("Institution"), N_("Institutions"), EDAAD_SCOPE_PROGRAMME, FALSE, TRUE, institution_fields),
  KIND ("plan", N_("Change plan"), N_("Change plans"), EDAAD_SCOPE_INSTITUTION, FALSE, FALSE, plan_fields),
  KIND ("milestone", N_("Milestone"), N_("Milestones"), EDAAD_SCOPE_INSTITUTION, FALSE, FALSE, milestone_fields),
  KIND ("stakeholder", N_("Stakeholder"), N_("Stakeholders"), EDAAD_SCOPE_INSTITUTION, FALSE, FALSE, stakeholder_fields),
  KIND ("risk", N_("Risk"), N_("Risks"), EDAAD_SCOPE_INSTITUTION, FALSE, FALSE, risk_fields),
  KIND ("kpi", N_("KPI"), N_("KPIs"), EDAAD_SCOPE_INSTITUTION, FALSE, FALSE, kpi_fields),
  KIND ("kpi_reading", N_("KPI reading"), N_("KPI readings"), EDAAD_SCOPE_INSTITUTION, TRUE, FALSE, kpi_reading_fields),
  KIND ("adkar_assessment", N_("ADKAR assessment"), N_("ADKAR assessments"), EDAAD_SCOPE_INSTITUTION, TRUE, FALSE, adkar_fields),
  KIND ("service", N_("Service"), N_("Services"), EDAAD_SCOPE_INSTITUTION, FALSE, FALSE, service_fields),
  KIND ("service_event", N_("Service event"), N_("Service events"), EDAAD_SCOPE_INSTITUTION, TRUE, FALSE, service_event_fields),
  KIND ("readiness_survey", N_("Readiness survey"), N_("Readiness surveys"), EDAAD_SCOPE_INSTITUTION, FALSE, FALSE, readiness_survey_fields),
  KIND ("edition", N_("Edition"), N_("Editions"), EDAAD_SCOPE_PROGRAMME, FALSE, TRUE, edition_fields),
  KIND ("module", N_("Module"), N_("Modules"), EDAAD_SCOPE_PROGRAMME, FALSE, TRUE, module_fields),
  KIND ("assignment", N_("Assignment"), N_("Assignments"), EDAAD_SCOPE_PROGRAMME, FALSE, TRUE, assignment_fields),
  KIND ("submission", N_("Submission"), N_("Submissions"), EDAAD_SCOPE_PERSON, FALSE, FALSE, submission_fields),
  KIND ("grade", N_("Grade"), N_("Grades"), EDAAD_SCOPE_PERSON, FALSE, TRUE, grade_fields),
  KIND ("attendance", N_("Attendance"), N_("Attendance"), EDAAD_SCOPE_PERSON, FALSE, TRUE, attendance_fields),
  KIND ("conflict", N_("Conflict"), N_("Conflicts"), EDAAD_SCOPE_SAME_AS_RECORD, FALSE, FALSE, conflict_fields),
};

guint
edaad_schema_n_kinds (void)
{
  return G_N_ELEMENTS (kinds);
}

const EdaadKindSpec *
edaad_schema_kind_at (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (kinds), NULL);
  return &kinds[index];
}

const EdaadKindSpec *
edaad_schema_lookup_kind (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}

int
edaad_kind_field_index (const EdaadKindSpec *kind,
                        const char          *name)
{
  g_return_val_if_fail (kind != NULL, -1);
  if (name == NULL)
    return -1;
  for (guint i = 0; i < kind->n_fields; i++)
    if (strcmp (kind->fields[i].name, name) == 0)
      return (int) i;
  return -1;
}

const EdaadFieldSpec *
edaad_kind_lookup_field (const EdaadKindSpec *kind,
                         const char          *name)
{
  int i = edaad_kind_field_index (kind, name);
  return i < 0 ? NULL : &kind->fields[i];
}

static const EdaadFieldSpec *
first_field_with_flag (const EdaadKindSpec *kind,
                       EdaadFieldFlags      flag)
{
  g_return_val_if_fail (kind != NULL, NULL);
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & flag)
      return &kind->fields[i];
  return NULL;
}

const EdaadFieldSpec *
edaad_kind_parent_field (const EdaadKindSpec *kind)
{
  return first_field_with_flag (kind, EDAAD_FIELD_PARENT);
}

const EdaadFieldSpec *
edaad_kind_title_field (const EdaadKindSpec *kind)
{
  return first_field_with_flag (kind, EDAAD_FIELD_TITLE);
}

int
edaad_field_enum_index (const EdaadFieldSpec *field,
                        const char           *nick)
{
  g_return_val_if_fail (field != NULL && field->type == EDAAD_FIELD_ENUM, -1);
  if (nick == NULL)
    return -1;
  for (guint i = 0; field->enum_values[i] != NULL; i++)
    if (strcmp (field->enum_values[i], nick) == 0)
      return (int) i;
  return -1;
}

const char *
edaad_field_enum_label (const EdaadFieldSpec *field,
                        const char           *nick)
{
  int i = edaad_field_enum_index (field, nick);
  return i < 0 ? nick : g_dgettext (GETTEXT_PACKAGE, field->enum_labels[i]);
}

const char *
edaad_scope_kind_to_string (EdaadScopeKind scope)
{
  switch (scope)
    {
    case EDAAD_SCOPE_PROGRAMME: return "programme";
    case EDAAD_SCOPE_INSTITUTION: return "institution";
    case EDAAD_SCOPE_PERSON: return "person";
    case EDAAD_SCOPE_SAME_AS_RECORD: return "record";
    default: g_assert_not_reached ();
    }
}
