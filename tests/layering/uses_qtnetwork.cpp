// Must not compile in this layer (see CMakeLists.txt).
#include <QtNetwork/QTcpSocket>
