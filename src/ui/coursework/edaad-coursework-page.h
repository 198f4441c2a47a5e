/* edaad-coursework-page.h — the current Edaad edition: its days (modules) with attendance,
 * and its assignments with the state of the user's submission and grade. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_COURSEWORK_PAGE (edaad_coursework_page_get_type ())
G_DECLARE_FINAL_TYPE (EdaadCourseworkPage, edaad_coursework_page, EDAAD, COURSEWORK_PAGE, AdwBin)

GtkWidget   *edaad_coursework_page_new          (EdaadStore          *store);
EdaadStore  *edaad_coursework_page_get_store    (EdaadCourseworkPage *self);

/* Selects and scrolls to an "assignment", a "module" or a "submission" (its assignment). */
void         edaad_coursework_page_show_record  (EdaadCourseworkPage *self,
                                                 const char          *kind,
                                                 const char          *id);
/* "edition_id" shows that edition instead of the current one, "id" shows that assignment,
 * any other assignment field filters the assignments by equality.  A NULL value clears that
 * filter; a NULL field clears all. */
void         edaad_coursework_page_set_filter   (EdaadCourseworkPage *self,
                                                 const char          *field,
                                                 const char          *value);

/* The edition shown (NULL when there is none), the rows of both sections, and the
 * id of the selected row of each section (or NULL) — for the window and tests. */
EdaadRecord *edaad_coursework_page_get_edition  (EdaadCourseworkPage *self);
/* "content" or "empty" */
const char  *edaad_coursework_page_get_state    (EdaadCourseworkPage *self);
GListModel  *edaad_coursework_page_get_modules  (EdaadCourseworkPage *self);
GListModel  *edaad_coursework_page_get_assignments (EdaadCourseworkPage *self);
const char  *edaad_coursework_page_get_selected_id (EdaadCourseworkPage *self,
                                                    const char          *kind);

G_END_DECLS
