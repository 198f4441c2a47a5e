/* edaad-risks-section.h — a plan's risk register under its 5×5 likelihood × impact heat map. */
#pragma once

#include <adwaita.h>

#include "edaad-risk-heat-map.h"
#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_RISKS_SECTION (edaad_risks_section_get_type ())
G_DECLARE_FINAL_TYPE (EdaadRisksSection, edaad_risks_section, EDAAD, RISKS_SECTION, AdwBin)

/* Signal "toast" (AdwToast *toast): a message to show, e.g. "Risk deleted" with Undo.  The
 * section keeps its reference: a handler that shows the toast adds its own
 * (adw_toast_overlay_add_toast (overlay, g_object_ref (toast))).
 *
 * Actions (group "risks"): add (open the form for a new risk), edit, delete (Delete) — on
 * the risk whose row has the focus —, save, cancel-edit (Escape), clear-filter. */

GtkWidget        *edaad_risks_section_new          (EdaadStore        *store);
/* Shows the risks of `plan_id` (the filter cleared), or the "no plan" state for NULL. */
void              edaad_risks_section_set_plan     (EdaadRisksSection *self,
                                                    const char        *plan_id);
const char       *edaad_risks_section_get_plan_id  (EdaadRisksSection *self);

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
