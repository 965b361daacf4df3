#include "ChangeNotifier.h"

namespace signoff {

void ChangeNotifier::announce(EntityType type, const QString &id)
{
    emit changed(type, id);
}

} // namespace signoff
