/* test-renderer.c — edaad_renderer_choose: Cairo on software OpenGL with GTK before 4.14,
 * and an explicit GSK_RENDERER left alone.  Each case runs in its own process (GSK reads
 * the variable once); under Xvfb OpenGL is always Mesa's software rasteriser. */
#define G_LOG_DOMAIN "test-renderer"

#include "config.h"

#include "edaad-renderer.h"

static void
test_software_gl (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_unsetenv ("GSK_RENDERER");
  gtk_init ();
#if GTK_CHECK_VERSION (4, 13, 8)
  /* GTK makes this choice itself. */
  g_assert_null (edaad_renderer_choose ());
  g_assert_null (g_getenv ("GSK_RENDERER"));
#else
  g_assert_cmpstr (edaad_renderer_choose (), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  /* Once chosen, a second call changes nothing. */
  g_assert_null (edaad_renderer_choose ());
#endif
}

static void
test_explicit_renderer (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  gtk_init ();
  g_assert_null (edaad_renderer_choose ());
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/software-gl", test_software_gl);
  g_test_add_func ("/renderer/explicit", test_explicit_renderer);

  return g_test_run ();
}
