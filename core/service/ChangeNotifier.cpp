// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ChangeNotifier.h"

namespace signoff {

void ChangeNotifier::announce(EntityType type, const QString &id)
{
    emit changed(type, id);
}

} // namespace signoff
