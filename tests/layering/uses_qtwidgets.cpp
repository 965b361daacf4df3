// Must not compile in this layer (see CMakeLists.txt).
#include <QtWidgets/QWidget>
