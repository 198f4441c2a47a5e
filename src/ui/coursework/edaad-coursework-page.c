/* edaad-coursework-page.c — the current Edaad edition: days with attendance, assignments
 * with the user's submission and grade. */
#define G_LOG_DOMAIN "edaad-coursework-page"

#include "config.h"

#include "edaad-coursework-page.h"

#include "edaad-coursework-metrics.h"
#include "edaad-date.h"
#include "edaad-edition-choice.h"
#include "edaad-enum-chip.h"
#include "edaad-record-array.h"
#include "edaad-record-list.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

struct _EdaadCourseworkPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  AdwPreferencesGroup *edition_group;
  GtkListBox *modules_list;
  GtkListBox *assignments_list;
  GtkLabel *attendance_label;
  GtkLabel *grade_label;

  EdaadStore *store;
  EdaadRecordList *editions;
  EdaadRecordList *modules;
  EdaadRecordList *assignments;
  EdaadRecordList *attendance;
  EdaadRecordList *submissions;
  EdaadRecordList *grades;

  EdaadRecord *edition;
  char *pinned_edition_id; /* set_filter ("edition_id", …) */
  char *assignment_filter;  /* the assignment field filtered by equality, or NULL */
};

G_DEFINE_FINAL_TYPE (EdaadCourseworkPage, edaad_coursework_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean select_row (GtkListBox *list,
                            const char *id,
                            gboolean    focus);

static int
submission_rank (EdaadRecord *submission)
{
  const char *status = edaad_record_get_string (submission, "status");

  if (g_strcmp0 (status, "graded") == 0)
    return 3;
  if (g_strcmp0 (status, "submitted") == 0)
    return 2;
  if (g_strcmp0 (status, "returned") == 0)
    return 1;
  return 0;
}

static GtkWidget *
dim_label (const char *text,
           const char *extra_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, extra_class != NULL ? extra_class : "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static GtkWidget *
new_row (EdaadRecord *record,
         const char  *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = edaad_record_dup_title (record);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "edaad-record-id", g_strdup (edaad_record_get_id (record)), g_free);
  return row;
}

static char *
module_when (EdaadRecord *module)
{
  const char *starts_at = edaad_record_get_string (module, "starts_at");
  const char *ends_at = edaad_record_get_string (module, "ends_at");
  const char *place = edaad_record_get_string (module, "place");
  g_autofree char *start = edaad_ui_format_instant (starts_at);
  g_autofree char *when = NULL;
  g_autofree char *end_time = edaad_ui_format_instant_time (ends_at);

  if (start != NULL && end_time != NULL)
    {
      /* Translators: a session's start and end, e.g. "15 Nov 2026, 09:00–14:00" */
      when = g_strdup_printf (_("%s–%s"), start, end_time);
    }
  else
    when = g_steal_pointer (&start);

  if (place != NULL && *place != '\0')
    {
      if (when == NULL)
        return g_strdup (place);
      /* Translators: when and where a session takes place */
      return g_strdup_printf (_("%s · %s"), when, place);
    }
  return g_steal_pointer (&when);
}

static void
rebuild_modules (EdaadCourseworkPage *self,
                 GHashTable          *attendance_by_module,
                 const char          *now)
{
  GListModel *modules = G_LIST_MODEL (self->modules);
  guint n = g_list_model_get_n_items (modules);
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->modules_list, 0)) != NULL)
    gtk_list_box_remove (self->modules_list, GTK_WIDGET (row));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) module = g_list_model_get_item (modules, i);
      g_autofree char *when = module_when (module);
      GtkWidget *module_row = new_row (module, when);
      const char *status = g_hash_table_lookup (attendance_by_module, edaad_record_get_id (module));
      const char *starts_at = edaad_record_get_string (module, "starts_at");

      if (status != NULL)
        {
          GtkWidget *chip = edaad_enum_chip_new ("attendance", "status");
          edaad_enum_chip_set_value (EDAAD_ENUM_CHIP (chip), status);
          adw_action_row_add_suffix (ADW_ACTION_ROW (module_row), chip);
        }
      else if (starts_at != NULL && edaad_instant_is_valid (starts_at) &&
               edaad_instant_compare (starts_at, now) > 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (module_row), dim_label (_("Upcoming"), NULL));
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (module_row), dim_label (_("Attendance not recorded"), NULL));
      gtk_list_box_append (self->modules_list, module_row);
    }
}

static void
rebuild_assignments (EdaadCourseworkPage *self,
                     GHashTable          *submission_by_assignment,
                     GHashTable          *grade_by_submission,
                     const char          *now)
{
  GListModel *assignments = G_LIST_MODEL (self->assignments);
  guint n = g_list_model_get_n_items (assignments);
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->assignments_list, 0)) != NULL)
    gtk_list_box_remove (self->assignments_list, GTK_WIDGET (row));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) assignment = g_list_model_get_item (assignments, i);
      const char *due_at = edaad_record_get_string (assignment, "due_at");
      g_autofree char *due = edaad_ui_format_instant (due_at);
      const char *kind = edaad_ui_enum_label ("assignment", "kind", edaad_record_get_string (assignment, "kind"));
      g_autofree char *subtitle = NULL;
      EdaadRecord *submission = g_hash_table_lookup (submission_by_assignment, edaad_record_get_id (assignment));
      GtkWidget *assignment_row;

      if (due != NULL)
        /* Translators: an assignment's kind and due date, e.g. "Reflection · due 3 Dec 2026, 23:59" */
        subtitle = g_strdup_printf (_("%s · due %s"), kind, due);
      else
        subtitle = g_strdup (kind);
      assignment_row = new_row (assignment, subtitle);

      if (submission != NULL)
        {
          GtkWidget *chip = edaad_enum_chip_new ("submission", "status");
          EdaadRecord *grade = g_hash_table_lookup (grade_by_submission, edaad_record_get_id (submission));

          edaad_enum_chip_set_value (EDAAD_ENUM_CHIP (chip), edaad_record_get_string (submission, "status"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (assignment_row), chip);
          if (grade != NULL)
            {
              double max_score = edaad_record_has_value (assignment, "max_score")
                                 ? edaad_record_get_real (assignment, "max_score") : 100.0;
              g_autofree char *score = edaad_ui_format_number (edaad_record_get_real (grade, "score"), 1);
              g_autofree char *max = edaad_ui_format_number (max_score, 1);
              /* Translators: a grade, e.g. "85 / 100" */
              g_autofree char *text = g_strdup_printf (_("%s / %s"), score, max);
              GtkWidget *label = gtk_label_new (text);

              gtk_widget_add_css_class (label, "numeric");
              gtk_widget_add_css_class (label, "heading");
              adw_action_row_add_suffix (ADW_ACTION_ROW (assignment_row), label);
            }
        }
      else if (due_at != NULL && edaad_instant_is_valid (due_at) && edaad_instant_compare (due_at, now) < 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (assignment_row), dim_label (_("Overdue"), "error"));
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (assignment_row), dim_label (_("Not started"), NULL));
      gtk_list_box_append (self->assignments_list, assignment_row);
    }
}

static void
set_percent_label (GtkLabel   *label,
                   const char *what,
                   double      pct)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  if (pct < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }
  number = edaad_ui_format_percent (pct);
  /* Translators: e.g. "Attendance 80%" */
  text = g_strdup_printf (_("%s %s"), what, number);
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static void
refresh (EdaadCourseworkPage *self)
{
  g_autoptr(GHashTable) module_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) attendance_by_module = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) submission_by_assignment = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) grade_by_submission = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) modules = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) edition_attendance = g_ptr_array_new ();
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GPtrArray) grades = NULL;
  g_autofree char *now = edaad_instant_now ();

  if (self->edition == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");

  modules = edaad_record_array_from_model (G_LIST_MODEL (self->modules));
  assignments = edaad_record_array_from_model (G_LIST_MODEL (self->assignments));
  attendance = edaad_record_array_from_model (G_LIST_MODEL (self->attendance));
  submissions = edaad_record_array_from_model (G_LIST_MODEL (self->submissions));
  grades = edaad_record_array_from_model (G_LIST_MODEL (self->grades));

  for (guint i = 0; i < modules->len; i++)
    g_hash_table_add (module_ids, (gpointer) edaad_record_get_id (g_ptr_array_index (modules, i)));
  for (guint i = 0; i < attendance->len; i++)
    {
      EdaadRecord *record = g_ptr_array_index (attendance, i);
      const char *module_id = edaad_record_get_string (record, "module_id");

      if (module_id == NULL || !g_hash_table_contains (module_ids, module_id))
        continue;
      g_ptr_array_add (edition_attendance, record);
      g_hash_table_insert (attendance_by_module, (gpointer) module_id,
                           (gpointer) edaad_record_get_string (record, "status"));
    }
  for (guint i = 0; i < submissions->len; i++)
    {
      EdaadRecord *submission = g_ptr_array_index (submissions, i);
      const char *assignment_id = edaad_record_get_string (submission, "assignment_id");
      EdaadRecord *known;

      if (assignment_id == NULL)
        continue;
      known = g_hash_table_lookup (submission_by_assignment, assignment_id);
      if (known == NULL || submission_rank (submission) > submission_rank (known))
        g_hash_table_insert (submission_by_assignment, (gpointer) assignment_id, submission);
    }
  for (guint i = 0; i < grades->len; i++)
    {
      EdaadRecord *grade = g_ptr_array_index (grades, i);
      const char *submission_id = edaad_record_get_string (grade, "submission_id");
      EdaadRecord *known;

      if (submission_id == NULL)
        continue;
      known = g_hash_table_lookup (grade_by_submission, submission_id);
      if (known == NULL || edaad_record_get_real (grade, "score") > edaad_record_get_real (known, "score"))
        g_hash_table_insert (grade_by_submission, (gpointer) submission_id, grade);
    }

  {
    g_autofree char *module_id = g_strdup (edaad_coursework_page_get_selected_id (self, "module"));
    g_autofree char *assignment_id = g_strdup (edaad_coursework_page_get_selected_id (self, "assignment"));

    rebuild_modules (self, attendance_by_module, now);
    rebuild_assignments (self, submission_by_assignment, grade_by_submission, now);
    if (module_id != NULL)
      select_row (self->modules_list, module_id, FALSE);
    if (assignment_id != NULL)
      select_row (self->assignments_list, assignment_id, FALSE);
  }
  set_percent_label (self->attendance_label, _("Attendance"), edaad_attendance_pct (edition_attendance));
  set_percent_label (self->grade_label, _("Average grade"),
                     edaad_average_grade (assignments, submissions, grades));
}

static void
update_edition (EdaadCourseworkPage *self)
{
  g_autoptr(EdaadRecord) edition = NULL;
  g_autofree char *today = edaad_date_today ();
  const char *old_id = self->edition != NULL ? edaad_record_get_id (self->edition) : NULL;

  if (self->pinned_edition_id != NULL)
    {
      edition = edaad_store_get (self->store, "edition", self->pinned_edition_id, NULL);
      if (edition != NULL && edaad_record_get_deleted (edition))
        g_clear_object (&edition);
    }
  if (edition == NULL)
    edition = edaad_edition_choose (G_LIST_MODEL (self->editions), today);

  if (edition != NULL)
    {
      g_autofree char *name = edaad_record_dup_title (edition);
      g_autofree char *starts = edaad_ui_format_date (edaad_record_get_string (edition, "starts_on"));
      g_autofree char *ends = edaad_ui_format_date (edaad_record_get_string (edition, "ends_on"));
      /* Translators: an edition's first and last day, e.g. "15 Nov 2026 – 20 Dec 2026" */
      g_autofree char *dates = g_strdup_printf (_("%s – %s"), starts != NULL ? starts : "", ends != NULL ? ends : "");

      adw_preferences_group_set_title (self->edition_group, name);
      adw_preferences_group_set_description (self->edition_group, dates);
    }

  if (edition == NULL || g_strcmp0 (old_id, edaad_record_get_id (edition)) != 0)
    {
      const char *id = edition != NULL ? edaad_record_get_id (edition) : NULL;

      g_set_object (&self->edition, edition);
      /* An id no record has keeps the lists empty while there is no edition. */
      edaad_record_list_set_equals (self->modules, "edition_id", id != NULL ? id : "");
      edaad_record_list_set_equals (self->assignments, "edition_id", id != NULL ? id : "");
    }
  else
    g_set_object (&self->edition, edition);
  refresh (self);
}

static gboolean
select_row (GtkListBox *list,
            const char *id,
            gboolean    focus)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (row == NULL)
        return FALSE;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "edaad-record-id"), id) == 0)
        {
          gtk_list_box_select_row (list, row);
          if (focus)
            gtk_widget_grab_focus (GTK_WIDGET (row));
          return TRUE;
        }
    }
}

static EdaadRecordList *
new_list (EdaadCourseworkPage *self,
          const char          *kind,
          GCallback            on_changed)
{
  EdaadRecordList *list = edaad_record_list_new (self->store, kind);

  g_signal_connect_object (list, "items-changed", on_changed, self, G_CONNECT_SWAPPED);
  return list;
}

static void
edaad_coursework_page_constructed (GObject *object)
{
  EdaadCourseworkPage *self = EDAAD_COURSEWORK_PAGE (object);

  G_OBJECT_CLASS (edaad_coursework_page_parent_class)->constructed (object);

  g_return_if_fail (EDAAD_IS_STORE (self->store));

  self->modules = new_list (self, "module", G_CALLBACK (refresh));
  edaad_record_list_set_sort (self->modules, "position", FALSE);
  edaad_record_list_set_equals (self->modules, "edition_id", "");
  self->assignments = new_list (self, "assignment", G_CALLBACK (refresh));
  edaad_record_list_set_sort (self->assignments, "due_at", FALSE);
  edaad_record_list_set_equals (self->assignments, "edition_id", "");
  self->attendance = new_list (self, "attendance", G_CALLBACK (refresh));
  self->submissions = new_list (self, "submission", G_CALLBACK (refresh));
  self->grades = new_list (self, "grade", G_CALLBACK (refresh));
  self->editions = new_list (self, "edition", G_CALLBACK (update_edition));
  /* Dates, times, grades and percentages follow the "digits" setting. */
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (update_edition), self, G_CONNECT_SWAPPED);
  update_edition (self);
}

static void
edaad_coursework_page_dispose (GObject *object)
{
  EdaadCourseworkPage *self = EDAAD_COURSEWORK_PAGE (object);

  g_clear_object (&self->editions);
  g_clear_object (&self->modules);
  g_clear_object (&self->assignments);
  g_clear_object (&self->attendance);
  g_clear_object (&self->submissions);
  g_clear_object (&self->grades);
  g_clear_object (&self->edition);
  g_clear_object (&self->store);

  /* AdwBin owns its child: let it go before the template drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_COURSEWORK_PAGE);

  G_OBJECT_CLASS (edaad_coursework_page_parent_class)->dispose (object);
}

static void
edaad_coursework_page_finalize (GObject *object)
{
  EdaadCourseworkPage *self = EDAAD_COURSEWORK_PAGE (object);

  g_clear_pointer (&self->pinned_edition_id, g_free);
  g_clear_pointer (&self->assignment_filter, g_free);

  G_OBJECT_CLASS (edaad_coursework_page_parent_class)->finalize (object);
}

static void
edaad_coursework_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EdaadCourseworkPage *self = EDAAD_COURSEWORK_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_coursework_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EdaadCourseworkPage *self = EDAAD_COURSEWORK_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_coursework_page_class_init (EdaadCourseworkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = edaad_coursework_page_constructed;
  object_class->dispose = edaad_coursework_page_dispose;
  object_class->finalize = edaad_coursework_page_finalize;
  object_class->get_property = edaad_coursework_page_get_property;
  object_class->set_property = edaad_coursework_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-coursework-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadCourseworkPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadCourseworkPage, edition_group);
  gtk_widget_class_bind_template_child (widget_class, EdaadCourseworkPage, modules_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadCourseworkPage, assignments_list);
  gtk_widget_class_bind_template_child (widget_class, EdaadCourseworkPage, attendance_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadCourseworkPage, grade_label);
}

static void
edaad_coursework_page_init (EdaadCourseworkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
edaad_coursework_page_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);
  return g_object_new (EDAAD_TYPE_COURSEWORK_PAGE, "store", store, NULL);
}

EdaadStore *
edaad_coursework_page_get_store (EdaadCourseworkPage *self)
{
  g_return_val_if_fail (EDAAD_IS_COURSEWORK_PAGE (self), NULL);
  return self->store;
}

void
edaad_coursework_page_show_record (EdaadCourseworkPage *self,
                                   const char          *kind,
                                   const char          *id)
{
  g_autoptr(EdaadRecord) record = NULL;
  const char *edition_id;
  const char *assignment_id = id;

  g_return_if_fail (EDAAD_IS_COURSEWORK_PAGE (self));
  g_return_if_fail (kind != NULL && id != NULL);
  g_return_if_fail (g_str_equal (kind, "assignment") || g_str_equal (kind, "module") ||
                    g_str_equal (kind, "submission"));

  if (g_str_equal (kind, "submission"))
    {
      g_autoptr(EdaadRecord) submission = edaad_store_get (self->store, "submission", id, NULL);

      if (submission == NULL)
        return;
      record = edaad_store_get (self->store, "assignment",
                                edaad_record_get_string (submission, "assignment_id"), NULL);
      kind = "assignment";
    }
  else
    record = edaad_store_get (self->store, kind, id, NULL);
  if (record == NULL || edaad_record_get_deleted (record))
    return;
  assignment_id = edaad_record_get_id (record);

  /* Show the record's edition, and drop an assignment filter that would hide it. */
  edition_id = edaad_record_get_string (record, "edition_id");
  if (self->edition == NULL || g_strcmp0 (edition_id, edaad_record_get_id (self->edition)) != 0)
    {
      g_free (self->pinned_edition_id);
      self->pinned_edition_id = g_strdup (edition_id);
      update_edition (self);
    }
  if (g_str_equal (kind, "module"))
    {
      select_row (self->modules_list, assignment_id, TRUE);
      return;
    }
  if (!select_row (self->assignments_list, assignment_id, TRUE) && self->assignment_filter != NULL)
    {
      edaad_coursework_page_set_filter (self, self->assignment_filter, NULL);
      select_row (self->assignments_list, assignment_id, TRUE);
    }
}

void
edaad_coursework_page_set_filter (EdaadCourseworkPage *self,
                                  const char          *field,
                                  const char          *value)
{
  g_return_if_fail (EDAAD_IS_COURSEWORK_PAGE (self));

  if (field == NULL)
    {
      g_clear_pointer (&self->pinned_edition_id, g_free);
      if (self->assignment_filter != NULL)
        edaad_record_list_set_equals (self->assignments, self->assignment_filter, NULL);
      g_clear_pointer (&self->assignment_filter, g_free);
      update_edition (self);
      return;
    }
  if (g_str_equal (field, "edition_id"))
    {
      g_free (self->pinned_edition_id);
      self->pinned_edition_id = g_strdup (value);
      update_edition (self);
      return;
    }
  if (g_str_equal (field, "id"))
    {
      if (value != NULL)
        edaad_coursework_page_show_record (self, "assignment", value);
      return;
    }

  g_return_if_fail (edaad_kind_lookup_field (edaad_schema_lookup_kind ("assignment"), field) != NULL);
  if (self->assignment_filter != NULL && g_strcmp0 (self->assignment_filter, field) != 0)
    edaad_record_list_set_equals (self->assignments, self->assignment_filter, NULL);
  g_free (self->assignment_filter);
  self->assignment_filter = value != NULL ? g_strdup (field) : NULL;
  edaad_record_list_set_equals (self->assignments, field, value);
}

EdaadRecord *
edaad_coursework_page_get_edition (EdaadCourseworkPage *self)
{
  g_return_val_if_fail (EDAAD_IS_COURSEWORK_PAGE (self), NULL);
  return self->edition;
}

const char *
edaad_coursework_page_get_state (EdaadCourseworkPage *self)
{
  g_return_val_if_fail (EDAAD_IS_COURSEWORK_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GListModel *
edaad_coursework_page_get_modules (EdaadCourseworkPage *self)
{
  g_return_val_if_fail (EDAAD_IS_COURSEWORK_PAGE (self), NULL);
  return G_LIST_MODEL (self->modules);
}

GListModel *
edaad_coursework_page_get_assignments (EdaadCourseworkPage *self)
{
  g_return_val_if_fail (EDAAD_IS_COURSEWORK_PAGE (self), NULL);
  return G_LIST_MODEL (self->assignments);
}

const char *
edaad_coursework_page_get_selected_id (EdaadCourseworkPage *self,
                                       const char          *kind)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (EDAAD_IS_COURSEWORK_PAGE (self), NULL);
  g_return_val_if_fail (g_strcmp0 (kind, "module") == 0 || g_strcmp0 (kind, "assignment") == 0, NULL);

  row = gtk_list_box_get_selected_row (g_str_equal (kind, "module") ? self->modules_list
                                                                     : self->assignments_list);
  return row != NULL ? g_object_get_data (G_OBJECT (row), "edaad-record-id") : NULL;
}
