/* edaad-renderer.h — which GSK renderer draws Edaad's windows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Call once GTK is initialised and before the first window is shown.  With GTK older than
 * 4.14, when OpenGL is a software rasteriser (Mesa's llvmpipe or softpipe: a machine
 * without a usable GPU, a virtual machine, a remote session), draws with GSK's Cairo
 * renderer — what GTK 4.14 and later decide by themselves ("gsk: Don't use gpu renderers
 * with llvmpipe").  Rasterising GL in software costs far more than Cairo for this kind of
 * interface: every frame repaints the window through llvmpipe.  An explicit GSK_RENDERER
 * is left alone.  Returns the renderer it chose ("cairo"), or NULL when it chose none. */
const char *edaad_renderer_choose (void);

G_END_DECLS
