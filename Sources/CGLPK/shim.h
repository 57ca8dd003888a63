// GLPK (GNU Linear Programming Kit), Debian package libglpk-dev. No pkg-config file ships with it,
// so the module map links "glpk" directly.
#include <glpk.h>
