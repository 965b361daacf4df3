// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RestSettings.h"

#include <QSettings>

namespace signoff {

RestSettings RestSettings::load()
{
    QSettings store(QStringLiteral("signoff"), QStringLiteral("signoff"));
    RestSettings loaded;
    store.beginGroup(QStringLiteral("rest"));
    loaded.enabled = store.value(QStringLiteral("enabled"), loaded.enabled).toBool();
    loaded.address = store.value(QStringLiteral("address"), loaded.address).toString().trimmed();
    const int port = store.value(QStringLiteral("port"), int(loaded.port)).toInt();
    loaded.port = port > 0 && port <= 65535 ? quint16(port) : defaultPort;
    if (loaded.address.isEmpty())
        loaded.address = RestSettings().address;
    return loaded;
}

void RestSettings::save() const
{
    QSettings store(QStringLiteral("signoff"), QStringLiteral("signoff"));
    store.beginGroup(QStringLiteral("rest"));
    store.setValue(QStringLiteral("enabled"), enabled);
    store.setValue(QStringLiteral("address"), address);
    store.setValue(QStringLiteral("port"), int(port));
}

} // namespace signoff
