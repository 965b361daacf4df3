// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReviewNotifications.h"

#include "Backend.h"
#include "Session.h"
#include "support/Format.h"

#include <QSettings>

namespace signoff {

namespace {

const QString settingsKey = QStringLiteral("notifications/enabled");

QString orderTitle(const Order &order)
{
    return order.note.isEmpty() ? ReviewNotifications::tr("an order of %1").arg(Format::money(order.totalCents()))
                                : order.note.section(u'\n', 0, 0).left(80);
}

} // namespace

ReviewNotifications::ReviewNotifications(Session &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_startedAt(QDateTime::currentDateTimeUtc())
{
    // Many changes at once (a batch, a reconnect) are counted once.
    m_recount.setSingleShot(true);
    m_recount.setInterval(1000);
    connect(&m_recount, &QTimer::timeout, this, &ReviewNotifications::recount);
    connect(&session.backend(), &Backend::changed, this, &ReviewNotifications::onChanged);
    start();
}

bool ReviewNotifications::enabledInSettings()
{
    return QSettings(QStringLiteral("signoff"), QStringLiteral("signoff")).value(settingsKey, true).toBool();
}

void ReviewNotifications::saveEnabledInSettings(bool enabled)
{
    QSettings(QStringLiteral("signoff"), QStringLiteral("signoff")).setValue(settingsKey, enabled);
}

QString ReviewNotifications::key(EntityType type, const QUuid &id)
{
    return toString(type) + u':' + id.toString(QUuid::WithoutBraces);
}

// What is known at the start is not news: the person's own items and the
// queue as they are now.
void ReviewNotifications::start()
{
    ItemQuery own;
    own.ownerUsername = m_session.user().username;
    own.page.limit = countedUpTo;
    m_session.backend().listFeatures(own).then(this, [this](Result<Page<Feature>> page) {
        if (page) {
            for (const Feature &feature : page->items)
                m_known.insert(key(EntityType::Feature, feature.id), Known{feature.status, feature.version, {}});
        }
    });
    m_session.backend().listOrders(own).then(this, [this](Result<Page<Order>> page) {
        if (page) {
            for (const Order &order : page->items)
                m_known.insert(key(EntityType::Order, order.id), Known{order.status, order.version, {}});
        }
    });
    recount();
}

void ReviewNotifications::onChanged(EntityType type, const QString &id)
{
    if (type != EntityType::Feature && type != EntityType::Order)
        return;
    if (!m_recount.isActive())
        m_recount.start();
    if (!id.isEmpty())
        look(type, QUuid::fromString(id));
}

void ReviewNotifications::look(EntityType type, const QUuid &id)
{
    const QUuid me = m_session.user().id;
    if (type == EntityType::Feature) {
        m_session.backend().getFeature(id).then(this, [this, me](Result<Feature> feature) {
            if (feature)
                judge(EntityType::Feature, Seen{feature->id, feature->name, feature->ownerUsername, feature->status,
                                                feature->version, hasApprovalBy(feature->approvals, me)});
        });
    } else {
        m_session.backend().getOrder(id).then(this, [this, me](Result<Order> order) {
            if (order)
                judge(EntityType::Order, Seen{order->id, orderTitle(order.value()), order->ownerUsername, order->status,
                                              order->version, hasApprovalBy(order->approvals, me)});
        });
    }
}

void ReviewNotifications::judge(EntityType type, const Seen &seen)
{
    const QString itemKey = key(type, seen.id);
    const auto previous = m_known.constFind(itemKey);
    const bool known = previous != m_known.cend();
    const Known before = known ? previous.value() : Known{};
    Known now{seen.status, seen.version, before.latestComment};
    const bool mine = seen.ownerUsername == m_session.user().username;
    const bool statusChanged = !known || before.status != seen.status;

    if (mine) {
        if (known && statusChanged && seen.status == ItemStatus::Approved)
            emit notified(tr("Approved"), tr("‘%1’ was approved.").arg(seen.title));
        else if (known && statusChanged && seen.status == ItemStatus::Rejected)
            tellRejection(type, seen);
        // A comment changes no version: looked for when the version stayed.
        if (known && before.version == seen.version)
            lookForComments(type, seen);
    } else if (m_session.isReviewer() && seen.status == ItemStatus::Pending && !seen.approvedByMe
               && (!known || before.status != ItemStatus::Pending)) {
        emit notified(tr("Waiting for your review"), tr("‘%1’ by %2 waits for your review.").arg(seen.title, seen.ownerUsername));
    }
    m_known.insert(itemKey, now);
}

void ReviewNotifications::tellRejection(EntityType type, const Seen &seen)
{
    const auto told = [this, seen](Result<QList<AuditEvent>> history) {
        QString reason;
        QString by;
        if (history) {
            for (auto it = history->crbegin(); it != history->crend(); ++it) {
                if (it->action == QStringLiteral("reject")) {
                    reason = it->comment;
                    by = it->actorUsername;
                    break;
                }
            }
        }
        emit notified(tr("Rejected"), reason.isEmpty() ? tr("‘%1’ was rejected.").arg(seen.title)
                                                       : tr("‘%1’ was rejected by %2: %3").arg(seen.title, by, reason));
    };
    if (type == EntityType::Feature)
        m_session.backend().featureHistory(seen.id).then(this, told);
    else
        m_session.backend().orderHistory(seen.id).then(this, told);
}

void ReviewNotifications::lookForComments(EntityType type, const Seen &seen)
{
    m_session.backend().comments(type, seen.id).then(this, [this, type, seen](Result<QList<Comment>> comments) {
        if (!comments || comments->isEmpty())
            return;
        auto known = m_known.find(key(type, seen.id));
        if (known == m_known.end())
            return;
        const Comment &latest = comments->last();
        const QDateTime toldUpTo = qMax(known->latestComment, m_startedAt);
        if (latest.at <= toldUpTo)
            return;
        known->latestComment = latest.at;
        if (latest.author != m_session.user().username)
            emit notified(tr("New comment"), tr("%1 commented on ‘%2’: %3").arg(latest.author, seen.title, latest.body.left(200)));
    });
}

void ReviewNotifications::recount()
{
    if (!m_session.isReviewer()) {
        if (m_waiting != 0) {
            m_waiting = 0;
            emit waitingCountChanged(0);
        }
        return;
    }
    ItemQuery queue;
    queue.status = ItemStatus::Pending;
    queue.excludeOwnedByActor = true;
    queue.excludeApprovedByActor = true;
    queue.page.limit = countedUpTo;
    auto features = std::make_shared<std::optional<int>>();
    auto orders = std::make_shared<std::optional<int>>();
    const auto both = [this, features, orders] {
        if (!*features || !*orders)
            return;
        const int count = qMin(**features + **orders, countedUpTo);
        if (count != m_waiting) {
            m_waiting = count;
            emit waitingCountChanged(count);
        }
    };
    m_session.backend().listFeatures(queue).then(this, [features, both](Result<Page<Feature>> page) {
        *features = page ? int(page->items.size()) : 0;
        both();
    });
    m_session.backend().listOrders(queue).then(this, [orders, both](Result<Page<Order>> page) {
        *orders = page ? int(page->items.size()) : 0;
        both();
    });
}

} // namespace signoff
