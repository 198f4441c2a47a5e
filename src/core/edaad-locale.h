/* edaad-locale.h — which language the user reads, for choices no translation can make
 * (which of a record's names comes first, which digits numbers are written with). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the language name `name` ("ar", "ar_OM.UTF-8", "ar@latin"…) is Arabic;
 * FALSE for NULL and for every other language ("arn", "en_GB"…). */
gboolean  edaad_locale_name_is_arabic  (const char *name);

/* TRUE when the user's first preferred language (g_get_language_names()) is Arabic. */
gboolean  edaad_locale_prefers_arabic  (void);

G_END_DECLS
