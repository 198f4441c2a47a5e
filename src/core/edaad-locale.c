/* edaad-locale.c — which language the user reads. */
#define G_LOG_DOMAIN "edaad-locale"

#include "config.h"

#include "edaad-locale.h"

gboolean
edaad_locale_name_is_arabic (const char *name)
{
  return name != NULL && name[0] == 'a' && name[1] == 'r' &&
         (name[2] == '\0' || name[2] == '_' || name[2] == '.' || name[2] == '@');
}

gboolean
edaad_locale_prefers_arabic (void)
{
  const char * const *names = g_get_language_names ();

  return names != NULL && edaad_locale_name_is_arabic (names[0]);
}
