// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ApprovalPolicy.h"
#include "Error.h"
#include "Feature.h"
#include "Order.h"
#include "Product.h"
#include "User.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace signoff {

// The field rules (docs/design.md, "Data model"), in one place. Services enforce
// them; the desktop forms call the same functions as the user types, so both
// doors show the same messages.
namespace limits {
constexpr int featureNameMax = 255;
constexpr int optionsMaxBytes = 64 * 1024;
constexpr int usernameMax = 64;
constexpr int displayNameMax = 255;
constexpr int passwordMin = 8;
constexpr int passwordMax = 1024;
constexpr int skuMax = 64;
constexpr int productNameMax = 255;
constexpr qint64 priceCentsMax = 9007199254740991LL; // 2^53 - 1: exact in every JSON client
constexpr int quantityMin = 1;
constexpr int quantityMax = 1000000;
constexpr int noteMax = 2000;
constexpr int linesMax = 1000;
constexpr int commentMax = 2000;
constexpr int commentBodyMax = 4000; // a comment in an item's discussion
constexpr int commentsPerItemMax = 1000;
constexpr int approvalsMin = 1;      // an approval policy's numbers
constexpr int approvalsMax = 5;
constexpr int thresholdsMax = 20;
constexpr int batchItemsMax = 100;   // items decided by one batch request
} // namespace limits

namespace validate {

// Each returns the problem with the value, or nothing when it is acceptable.
// Text rules apply to the trimmed value, which is what gets stored.
std::optional<Message> featureName(const QString &name);
std::optional<Message> options(const QJsonObject &options);
std::optional<Message> username(const QString &username);
// A name for a new user: a valid name that is not reserved ("me" is the
// signed-in user in /api/v1/user/me, so no user may be called that).
// Existing users keep their names; lookups use username().
std::optional<Message> newUsername(const QString &username);
std::optional<Message> displayName(const QString &displayName);
std::optional<Message> password(const QString &password);
std::optional<Message> sku(const QString &sku);
std::optional<Message> productName(const QString &name);
std::optional<Message> priceCents(qint64 priceCents);
std::optional<Message> quantity(qint64 quantity);
std::optional<Message> note(const QString &note);
std::optional<Message> comment(const QString &comment);
std::optional<Message> reason(const QString &reason);
// A comment in an item's discussion, as normalizedComment() stores it.
std::optional<Message> commentBody(const QString &body);
// A number of required approvals (1..5).
std::optional<Message> requiredApprovals(qint64 count);

// Whole inputs: every field problem at once, field names as in the API.
QList<FieldError> newFeature(const NewFeature &feature);
QList<FieldError> featurePatch(const FeaturePatch &patch);
// A sign-in: both fields are needed (400 naming the empty one), before any
// password is checked. Their content is not validated: a wrong name is a
// wrong credential (401), not a hint which names exist.
QList<FieldError> credentials(const QString &username, const QString &password);
QList<FieldError> newUser(const NewUser &user);
QList<FieldError> userPatch(const UserPatch &patch);
QList<FieldError> newProduct(const NewProduct &product);
QList<FieldError> productPatch(const ProductPatch &patch);
QList<FieldError> orderLines(const QList<NewLine> &lines);
QList<FieldError> newOrder(const NewOrder &order);
QList<FieldError> orderPatch(const OrderPatch &patch);
// Every problem of a policy, fields named as in its document
// ("order.thresholds[1].total_cents_at_least").
QList<FieldError> policy(const ApprovalPolicy &policy);
// The number of items of a batch (1..100).
std::optional<Message> batchSize(qsizetype count);

} // namespace validate

// The member of `object` that holds a NUL character (U+0000) in any string,
// name or value, at any depth (a name with NUL comes back with it spelt
// \u0000). NUL is no character a person means, and it would cut the
// statement QPSQL formats: every door refuses it.
std::optional<QString> firstMemberWithNul(const QJsonObject &object);

// The normal form in which text is stored: surrounding whitespace removed.
QString normalizedText(const QString &text);
// The normal form of a comment's body: Unicode NFC, surrounding whitespace
// removed.
QString normalizedComment(const QString &text);

// Parses the raw JSON view of a feature's options (desktop form), with a
// message fit for the user when it is not a JSON object.
std::optional<QJsonObject> parseOptions(const QString &json, Message *problem);

} // namespace signoff
