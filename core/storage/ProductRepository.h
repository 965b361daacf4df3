// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/Page.h"
#include "domain/Product.h"
#include "domain/Queries.h"
#include "domain/Result.h"

#include <optional>

namespace signoff {

class ProductRepository
{
public:
    explicit ProductRepository(Connection &connection) : m_connection(connection) {}

    Result<void> insert(const Product &product);
    Result<std::optional<Product>> findById(const QUuid &id);
    Result<bool> update(const Product &product, int expectedVersion);
    // Whether any order line refers to the product (then it may only be deactivated).
    Result<bool> isUsed(const QUuid &id);
    Result<bool> remove(const QUuid &id, int expectedVersion);
    Result<Page<Product>> list(const ProductQuery &query);

private:
    Connection &m_connection;
};

} // namespace signoff
