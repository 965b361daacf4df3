// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServiceContext.h"
#include "ServiceLog.h"
#include "domain/Clock.h"
#include "domain/JsonChanges.h"
#include "domain/LogText.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"

#include <functional>

namespace signoff {

// The one way an entity is created, changed and deleted, for every kind
// (features, orders, products, users), so that a rule that concerns every
// change (an approval policy, a webhook) hooks in once:
//
//   update:  find (404) → may the actor, at this version? (403, 412, 409)
//            → apply the patch to a copy → diff (`changes`, JSON Pointers)
//            → nothing changed: done → rules on the change → version + 1
//            → write over the version read (lost race: 412; taken name: 409)
//            → what goes with the row → audit event → commit → log, announce
//
// A kind describes itself to the path with a `Kind` struct:
//
//   using Item = ...; using Key = ...;        // the entity and how it is found
//   static constexpr EntityType entityType;
//   static Result<std::optional<Item>> lookup(Connection &, const Key &);
//   static Message notFound();
//   static QString keyText(const Item &);      // the id announced and audited
//   static QString logName(const Item &);      // how the log names it
//   static QString status(const Item &);       // workflow status, or empty
//   static std::optional<Error> refuseEdit(const Actor &, const Item &, const ExpectedVersion &expectedVersion);
//   static std::optional<Error> refuseDelete(const Actor &, const Item &, const ExpectedVersion &expectedVersion);
//   static QJsonObject fields(const Item &);   // what an edit may change, as JSON: the diff's input; never a secret
//   static QJsonObject summary(const Item &);  // what every audit event of it names
//   static Error duplicate(const Item &);      // the unique index refused the item (names the taken value);
//                                              // a kind without unique values has none
//   static Result<void> insert(Connection &, const Item &);
//   static Result<bool> write(Connection &, const Item &, int readVersion);   // false: the version moved on
//   static Result<bool> remove(Connection &, const Item &);                    // false: the version moved on
//
// Every step returns a typed Error; each change is one transaction with its
// audit row; the announcement follows the commit.
template<typename Kind>
class WritePath
{
public:
    using Item = typename Kind::Item;
    using Key = typename Kind::Key;

    // What one update does beyond the path's own steps; only `apply` is needed.
    struct Edit
    {
        // Applies the patch to a copy of the stored item; may read (prices).
        std::function<Result<void>(Connection &, Item &)> apply;
        // Changes that `Kind::fields` cannot show (a new password): added to
        // `changes` as they are, and they count as a change.
        QJsonArray unseenChanges;
        // A rule about the change as a whole, once it is known (the last
        // administrator may not step down).
        std::function<Result<void>(Connection &, const Item &before, const Item &after)> check;
        // Writes the row instead of Kind::write (with a new password hash).
        std::function<Result<bool>(Connection &, const Item &, int readVersion)> write;
        // What is written with the row (an order's lines, a user's revoked tokens).
        std::function<Result<void>(Connection &, const Item &before, const Item &after)> alongside;
    };

    // What one creation does beyond inserting the row and its audit event.
    struct Creation
    {
        // Runs first in the transaction: completes the item (priced lines)
        // or refuses (the database already has users).
        std::function<Result<void>(Connection &, Item &)> prepare;
        // Inserts the row instead of Kind::insert (with a password hash).
        std::function<Result<void>(Connection &, const Item &)> insert;
        // Whom the audit event names, when not the actor (the first
        // administrator creates themselves).
        std::function<Actor(const Item &)> author;
    };

    // The stored item, or NotFound.
    static Result<Item> find(Connection &connection, const Key &key)
    {
        auto found = Kind::lookup(connection, key);
        if (!found)
            return found.error();
        if (!found.value())
            return Error::notFound(Kind::notFound());
        return std::move(*found.value());
    }

    static Result<Item> create(ServiceContext &context, const Actor &actor, Item item, const Creation &creation = {})
    {
        auto result = context.database.write([&](Connection &connection) -> Result<Item> {
            if (creation.prepare) {
                if (auto prepared = creation.prepare(connection, item); !prepared)
                    return prepared.error();
            }
            if (auto inserted = insertRow(creation, connection, item); !inserted)
                return refusal(inserted.error(), item);
            AuditEvent event = auditEvent(creation.author ? creation.author(item) : actor, QStringLiteral("create"),
                                          Kind::entityType, Kind::keyText(item), item.createdAt);
            event.toStatus = Kind::status(item);
            event.version = item.version;
            event.detail = Kind::summary(item);
            if (auto appended = AuditRepository(connection).append(event); !appended)
                return appended.error();
            return item;
        });
        return committed(context, actor, QStringLiteral("created"), std::move(result));
    }

    static Result<Item> update(ServiceContext &context, const Actor &actor, const Key &key,
                               const ExpectedVersion &expectedVersion, const Edit &edit)
    {
        auto result = context.database.write([&](Connection &connection) -> Result<Item> {
            auto current = find(connection, key);
            if (!current)
                return current;
            if (auto refused = Kind::refuseEdit(actor, *current, expectedVersion))
                return *refused;
            Item updated = *current;
            if (auto applied = edit.apply(connection, updated); !applied)
                return applied.error();
            QJsonArray changes = jsonChanges(Kind::fields(*current), Kind::fields(updated));
            for (const QJsonValue &unseen : edit.unseenChanges)
                changes.append(unseen);
            if (changes.isEmpty())
                return updated; // nothing to write: no new version, no event
            if (edit.check) {
                if (auto checked = edit.check(connection, *current, updated); !checked)
                    return checked.error();
            }
            updated.version = current->version + 1;
            updated.updatedAt = utcNow();
            AuditEvent event = auditEvent(actor, QStringLiteral("update"), Kind::entityType, Kind::keyText(updated),
                                          updated.updatedAt);
            event.version = updated.version;
            event.detail = Kind::summary(updated);
            event.detail.insert(QStringLiteral("changed"), QJsonArray::fromStringList(changedFields(changes)));
            event.detail.insert(QStringLiteral("changes"), changes);
            auto written = edit.write ? edit.write(connection, updated, current->version)
                                      : Kind::write(connection, updated, current->version);
            if (auto stored = storedOver(std::move(written), updated); !stored)
                return stored.error();
            if (edit.alongside) {
                if (auto also = edit.alongside(connection, *current, updated); !also)
                    return also.error();
            }
            if (auto appended = AuditRepository(connection).append(event); !appended)
                return appended.error();
            return updated;
        });
        return committed(context, actor, QStringLiteral("updated"), std::move(result));
    }

    // `check`, when given, is a rule of the kind about deleting this item
    // (a product that orders use is deactivated instead).
    static Result<void> remove(ServiceContext &context, const Actor &actor, const Key &key,
                               const ExpectedVersion &expectedVersion,
                               const std::function<Result<void>(Connection &, const Item &)> &check = {})
    {
        std::optional<Item> removed;
        auto result = context.database.write([&](Connection &connection) -> Result<void> {
            auto current = find(connection, key);
            if (!current)
                return current.error();
            if (auto refused = Kind::refuseDelete(actor, *current, expectedVersion))
                return *refused;
            if (check) {
                if (auto checked = check(connection, *current); !checked)
                    return checked;
            }
            auto gone = Kind::remove(connection, *current);
            if (!gone)
                return gone.error();
            if (!gone.value())
                return Error::preconditionFailed();
            AuditEvent event = auditEvent(actor, QStringLiteral("delete"), Kind::entityType, Kind::keyText(*current), utcNow());
            event.fromStatus = Kind::status(*current);
            event.version = current->version;
            event.detail = Kind::summary(*current);
            removed = std::move(*current);
            return AuditRepository(connection).append(event);
        });
        if (result)
            announce(context, actor, QStringLiteral("deleted"), *removed);
        return result;
    }

    // Writes `updated` (its version already incremented) over the version
    // that was read, and then `event`: for changes that are not edits (the
    // workflow's transitions).
    static Result<void> store(Connection &connection, const Item &updated, int readVersion, const AuditEvent &event)
    {
        if (auto stored = storedOver(Kind::write(connection, updated, readVersion), updated); !stored)
            return stored;
        return AuditRepository(connection).append(event);
    }

    // After a committed change: the log line and the announcement.
    static void announce(ServiceContext &context, const Actor &actor, const QString &what, const Item &item)
    {
        qCInfo(lcService).noquote() << toString(Kind::entityType) << what << logText(Kind::logName(item)) << "by" << logText(actor.username);
        context.notifier.announce(Kind::entityType, Kind::keyText(item));
    }

private:
    // Kind::insert, or the creation's own (a kind without Kind::insert, such
    // as users with their password hash, always gives one).
    static Result<void> insertRow(const Creation &creation, Connection &connection, const Item &item)
    {
        if constexpr (requires { Kind::insert(connection, item); }) {
            if (!creation.insert)
                return Kind::insert(connection, item);
        }
        return creation.insert(connection, item);
    }

    // A storage refusal in the kind's words: the unique index's "duplicate"
    // names the taken value (the one way duplicates are found: no lookup
    // first, which another writer could overtake).
    static Error refusal(const Error &error, [[maybe_unused]] const Item &attempted)
    {
        if constexpr (requires { Kind::duplicate(attempted); }) {
            if (error.kind == ErrorKind::Conflict && error.reason == QStringLiteral("duplicate"))
                return Kind::duplicate(attempted);
        }
        return error;
    }

    static Result<void> storedOver(Result<bool> written, const Item &attempted)
    {
        if (!written)
            return refusal(written.error(), attempted);
        if (!written.value())
            return Error::preconditionFailed();
        return {};
    }

    static Result<Item> committed(ServiceContext &context, const Actor &actor, const QString &what, Result<Item> result)
    {
        if (result)
            announce(context, actor, what, result.value());
        return result;
    }
};

// The parts of a WritePath kind that repositories with the usual members
// (findById, insert, update over a version, remove at a version) provide.
template<typename R>
struct StoredInRepository
{
    using Key = QUuid;
    using Repository = R;

    static auto lookup(Connection &connection, const QUuid &id) { return Repository(connection).findById(id); }
    template<typename Item>
    static Result<void> insert(Connection &connection, const Item &item) { return Repository(connection).insert(item); }
    template<typename Item>
    static Result<bool> write(Connection &connection, const Item &item, int readVersion)
    {
        return Repository(connection).update(item, readVersion);
    }
    template<typename Item>
    static Result<bool> remove(Connection &connection, const Item &item)
    {
        return Repository(connection).remove(item.id, item.version);
    }
    template<typename Item>
    static QString keyText(const Item &item) { return idText(item.id); }
};

// The parts of a WritePath kind that only administrators change (products,
// users; the services check the role first): only the version is checked.
struct ManagedByAdministrators
{
    template<typename Item>
    static QString status(const Item &) { return {}; }

    template<typename Item>
    static std::optional<Error> refuseEdit(const Actor &, const Item &item, const ExpectedVersion &expectedVersion)
    {
        if (!versionMatches(expectedVersion, item.version))
            return Error::preconditionFailed();
        return std::nullopt;
    }

    template<typename Item>
    static std::optional<Error> refuseDelete(const Actor &actor, const Item &item, const ExpectedVersion &expectedVersion)
    {
        return refuseEdit(actor, item, expectedVersion);
    }
};

} // namespace signoff
