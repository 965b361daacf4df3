// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/RestBackend.h"

#include <QtNetwork/QNetworkAccessManager>

int layeringClientControl()
{
    return sizeof(signoff::RestBackend) > sizeof(QNetworkAccessManager) ? 1 : 0;
}
