/* edaad-risks-section.h — a plan's risk register under its 5×5 likelihood × impact heat map. */
#pragma once

#include <adwaita.h>

#include "edaad-plan-section.h"
#include "edaad-risk-heat-map.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_RISKS_SECTION (edaad_risks_section_get_type ())
G_DECLARE_FINAL_TYPE (EdaadRisksSection, edaad_risks_section, EDAAD, RISKS_SECTION, EdaadPlanSection)

/* An EdaadPlanSection: the plan shown (edaad_plan_section_set_plan, property "plan-id"),
 * the store and the "toast" signal (e.g. "Risk deleted" with Undo) are the base's.
 *
 * Actions (group "risks"): add (open the form for a new risk), edit, delete (Delete) — on
 * the risk whose row has the focus —, save, cancel-edit (Escape), clear-filter. */

GtkWidget        *edaad_risks_section_new          (EdaadStore        *store);

EdaadRiskHeatMap *edaad_risks_section_get_heat_map (EdaadRisksSection *self);
/* The register as shown: the plan's risks (filtered), by score, highest first. */
GListModel       *edaad_risks_section_get_model    (EdaadRisksSection *self);
/* Shows only the risks with this likelihood and impact ((0, 0) shows all), as a click on
 * the heat map's cell does. */
void              edaad_risks_section_set_filter   (EdaadRisksSection *self,
                                                    int                likelihood,
                                                    int                impact);
/* TRUE and the cell when the register is filtered; FALSE and (0, 0) otherwise. */
gboolean          edaad_risks_section_get_filter   (EdaadRisksSection *self,
                                                    int               *likelihood,
                                                    int               *impact);
/* The text of the filter bar ("" when it is hidden). */
const char       *edaad_risks_section_get_filter_text (EdaadRisksSection *self);

/* Opens the form for a new risk, or for risk `id`. */
void              edaad_risks_section_add          (EdaadRisksSection *self);
void              edaad_risks_section_edit         (EdaadRisksSection *self,
                                                    const char        *id);
/* Gives the keyboard focus to the row of risk `id` (FALSE when it is not shown). */
gboolean          edaad_risks_section_focus_risk   (EdaadRisksSection *self,
                                                    const char        *id);
/* The form, for keyboard handling and tests: the widget editing `field` (an AdwEntryRow
 * or AdwComboRow) and the label showing its message. */
GtkWidget        *edaad_risks_section_get_form_widget  (EdaadRisksSection *self,
                                                        const char        *field);
GtkLabel         *edaad_risks_section_get_form_message (EdaadRisksSection *self,
                                                        const char        *field);
/* Saves the form: TRUE and back to the register when valid and stored; otherwise FALSE,
 * the messages shown and nothing stored. */
gboolean          edaad_risks_section_save_form    (EdaadRisksSection *self);

G_END_DECLS
