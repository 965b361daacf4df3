// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>
#include <optional>

namespace signoff {

struct Product
{
    QUuid id;
    QString sku;
    QString name;
    qint64 priceCents = 0;
    bool active = true;
    int version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct NewProduct
{
    QString sku;
    QString name;
    qint64 priceCents = 0;
    bool active = true;
};

struct ProductPatch
{
    std::optional<QString> sku;
    std::optional<QString> name;
    std::optional<qint64> priceCents;
    std::optional<bool> active;
};

} // namespace signoff
