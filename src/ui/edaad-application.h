/* edaad-application.h — the AdwApplication: options, actions, the store. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EDAAD_TYPE_APPLICATION (edaad_application_get_type ())
G_DECLARE_FINAL_TYPE (EdaadApplication, edaad_application, EDAAD, APPLICATION, AdwApplication)

EdaadApplication *edaad_application_new (void);

G_END_DECLS
