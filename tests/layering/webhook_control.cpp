// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The webhook dispatcher may use Qt Network over the services, and reaches
// the database only through them (their headers need no QtSql).
#include "service/Services.h"

#include <QtNetwork/QNetworkAccessManager>

int layeringWebhookControl()
{
    return sizeof(signoff::Services) > 0 && sizeof(QNetworkAccessManager) > 0 ? 1 : 0;
}
