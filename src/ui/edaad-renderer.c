/* edaad-renderer.c — which GSK renderer draws Edaad's windows.
 *
 * GSK reads GSK_RENDERER once, when the first surface gets its renderer, so this runs at
 * application start-up.  Asking OpenGL who renders costs one GL context, which GTK would
 * otherwise make for the first window anyway. */
#define G_LOG_DOMAIN "edaad-renderer"

#include "config.h"

#include "edaad-renderer.h"

#if !GTK_CHECK_VERSION (4, 13, 8)
#include <epoxy/gl.h>
#include <string.h>

static gboolean
gl_is_software (void)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *renderer;
  gboolean software;

  context = gdk_display_create_gl_context (gdk_display_get_default (), &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      /* No GL at all: GTK falls back to Cairo by itself. */
      g_debug ("No OpenGL context: %s", error != NULL ? error->message : "unknown");
      return FALSE;
    }
  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  software = renderer != NULL && (strstr (renderer, "llvmpipe") != NULL ||
                                  strstr (renderer, "softpipe") != NULL);
  g_debug ("OpenGL renderer: %s", renderer != NULL ? renderer : "unknown");
  gdk_gl_context_clear_current ();
  return software;
}
#endif

const char *
edaad_renderer_choose (void)
{
#if !GTK_CHECK_VERSION (4, 13, 8)
  if (g_getenv ("GSK_RENDERER") != NULL || gdk_display_get_default () == NULL)
    return NULL;
  if (gl_is_software ())
    {
      g_setenv ("GSK_RENDERER", "cairo", TRUE);
      return "cairo";
    }
#endif
  return NULL;
}
