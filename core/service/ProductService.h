// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "EntityMetrics.h"
#include "ServiceContext.h"
#include "domain/Page.h"
#include "domain/Product.h"
#include "domain/Queries.h"
#include "domain/Result.h"

namespace signoff {

// The catalogue: anyone signed in reads it, administrators change it. A
// product that any order uses is deactivated, never deleted.
class ProductService
{
public:
    explicit ProductService(ServiceContext &context);

    Result<Product> create(const Actor &actor, const NewProduct &input);
    Result<Product> get(const Actor &actor, const QUuid &id);
    Result<Page<Product>> list(const Actor &actor, const ProductQuery &query);
    Result<Product> update(const Actor &actor, const QUuid &id, const ProductPatch &patch,
                           ExpectedVersion expectedVersion = {});
    // Deletes a product no order uses; Conflict for one that is used.
    Result<void> remove(const Actor &actor, const QUuid &id, ExpectedVersion expectedVersion = {});

private:
    ServiceContext &m_context;
    EntityMetrics m_metrics;
};

} // namespace signoff
