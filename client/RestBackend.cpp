// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RestBackend.h"

#include "EventStream.h"
#include "JsonReading.h"
#include "KeptSession.h"
#include "ProblemReading.h"
#include "TrustedCertificates.h"
#include "domain/ListSorting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QPointer>

namespace signoff {

using namespace client;

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A path segment of what someone typed (a user name), encoded.
QString segment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// The default order (newest first) is left out, so the URLs of default lists
// stay those of servers from before `sort`.
void addOrder(QUrlQuery &query, EntityType type, const ListOrder &order)
{
    if (order.key == SortKey::CreatedAt && order.descending)
        return;
    query.addQueryItem(QStringLiteral("sort"), listOrderText(type, order));
}

void addPage(QUrlQuery &query, const PageRequest &page)
{
    query.addQueryItem(QStringLiteral("limit"), QString::number(page.limit));
    if (!page.after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), page.after);
}

QUrlQuery itemQuery(const ItemQuery &query, EntityType type)
{
    QUrlQuery url;
    if (query.status)
        url.addQueryItem(QStringLiteral("status"), toString(*query.status));
    if (!query.ownerUsername.isEmpty())
        url.addQueryItem(QStringLiteral("owner"), query.ownerUsername);
    if (!query.search.isEmpty())
        url.addQueryItem(QStringLiteral("q"), query.search);
    addOrder(url, type, query.order);
    addPage(url, query.page);
    return url;
}

QString actionPath(WorkflowAction action)
{
    return toString(action);
}

QJsonObject transitionBody(WorkflowAction action, const QString &comment)
{
    if (comment.isEmpty())
        return {};
    return {{Workflow::requiresReason(action) ? QStringLiteral("reason") : QStringLiteral("comment"), comment}};
}

Error unreachable(const QString &server, const QString &reason)
{
    return Error::unavailable(
        Message(QT_TRANSLATE_NOOP("Core", "Cannot reach the server %1: %2"), {server, reason}));
}

template<typename T>
std::function<Result<QJsonValue>(const QJsonValue &)> noReader()
{
    return {};
}

} // namespace

RestBackend::RestBackend(const QUrl &server, QObject *parent)
    : Backend(parent)
    , m_server(server)
    , m_events(new EventStream(m_network, [this](QNetworkRequest &request) { prepare(request); }, this))
{
    qRegisterMetaType<StreamEvent>();
    // Redirects are not followed: a server that moved is configured anew.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    connect(&m_network, &QNetworkAccessManager::sslErrors, this, &RestBackend::checkCertificate);
    connect(m_events, &EventStream::received, this, &RestBackend::onStreamEvent);
    connect(m_events, &EventStream::resetRequested, this, &RestBackend::announceEverything);
    connect(m_events, &EventStream::connectedChanged, this, [this](bool connected) {
        if (connected)
            setReachable(true);
    });
    connect(m_events, &EventStream::failed, this, [this](const QString &reason) { setReachable(false, reason); });
    connect(m_events, &EventStream::refused, this, [this](int status) {
        if (status == 401) {
            endSession();
            emit sessionEnded(tr("Your session on the server has ended; sign in again."));
        }
    });
}

RestBackend::~RestBackend()
{
    m_events->stop();
}

QString RestBackend::location() const
{
    return m_server.toString(QUrl::RemoveUserInfo);
}

QByteArray RestBackend::untrustedCertificate() const
{
    return m_refusedCertificate ? m_refusedCertificate->presented : QByteArray();
}

void RestBackend::trustCertificate(const QByteArray &fingerprint)
{
    if (fingerprint.isEmpty())
        return;
    TrustedCertificates::pin(m_server, fingerprint);
    m_refusedCertificate.reset();
}

void RestBackend::checkCertificate(QNetworkReply *reply, const QList<QSslError> &errors)
{
    const QByteArray presented = TrustedCertificates::fingerprint(reply->sslConfiguration().peerCertificate());
    const QByteArray pinned = TrustedCertificates::pinned(m_server);
    if (!presented.isEmpty() && presented == pinned) {
        reply->ignoreSslErrors(errors);
        return;
    }
    QStringList why;
    for (const QSslError &error : errors)
        why.append(error.errorString());
    why.removeDuplicates();
    m_refusedCertificate = RefusedCertificate{presented, pinned, why.join(QStringLiteral("; "))};
}

std::optional<Error> RestBackend::certificateError(const Answer &answer) const
{
    if (answer.error != QNetworkReply::SslHandshakeFailedError || !m_refusedCertificate
        || m_refusedCertificate->presented.isEmpty())
        return std::nullopt;
    const RefusedCertificate &refused = *m_refusedCertificate;
    if (refused.pinned.isEmpty()) {
        Error error = Error::unavailable(Message(
            QT_TRANSLATE_NOOP("Core", "This computer does not trust the certificate of %1 (%2). Its SHA-256 fingerprint is %3."),
            {location(), refused.why, TrustedCertificates::readable(refused.presented)}));
        error.reason = QStringLiteral("untrusted-certificate");
        return error;
    }
    Error error = Error::unavailable(Message(
        QT_TRANSLATE_NOOP("Core", "%1 presented a different certificate from the one you trusted, so Signoff did not connect: "
                                  "someone may be intercepting the connection, or the server's certificate was replaced. "
                                  "Trusted: %2. Presented: %3."),
        {location(), TrustedCertificates::readable(refused.pinned), TrustedCertificates::readable(refused.presented)}));
    error.reason = QStringLiteral("changed-certificate");
    return error;
}

void RestBackend::prepare(QNetworkRequest &request) const
{
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
}

Call<RestBackend::Answer> RestBackend::send(const Request &request)
{
    QUrl url = m_server;
    url.setPath(m_server.path().chopped(m_server.path().endsWith(u'/') ? 1 : 0) + request.path, QUrl::TolerantMode);
    url.setQuery(request.query);
    QNetworkRequest http(url);
    prepare(http);
    http.setTransferTimeout(transferTimeoutMs);
    if (!request.sendToken)
        http.setRawHeader("Authorization", QByteArray());
    QByteArray body;
    if (request.body) {
        http.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        body = QJsonDocument(*request.body).toJson(QJsonDocument::Compact);
    }
    if (request.ifMatch)
        http.setRawHeader("If-Match", '"' + QByteArray::number(*request.ifMatch) + '"');

    Promise<Answer> promise;
    QNetworkReply *reply = request.body || request.method != "GET"
                               ? m_network.sendCustomRequest(http, request.method, body)
                               : m_network.get(http);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > maxAnswerBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, promise] {
        reply->deleteLater();
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.error = reply->error();
        answer.errorText = reply->errorString();
        answer.retryAfter = reply->rawHeader("Retry-After");
        answer.etag = reply->rawHeader("ETag");
        if (answer.status != 0)
            answer.body = reply->readAll();
        promise.finish(answer);
    });
    promise.onCancel([reply = QPointer<QNetworkReply>(reply)] {
        if (reply)
            reply->abort();
    });
    return promise.call();
}

Result<QJsonValue> RestBackend::interpret(const Answer &answer, bool sessionCall)
{
    if (answer.status == 0) {
        // Nothing came back: the server is out of reach (or the answer was too large).
        if (answer.error == QNetworkReply::OperationCanceledError)
            return unreachable(location(), tr("the request took too long or its answer was too large"));
        if (auto refused = certificateError(answer))
            return *refused;
        setReachable(false, answer.errorText);
        return unreachable(location(), answer.errorText);
    }
    setReachable(true);
    if (answer.status >= 200 && answer.status < 300) {
        if (answer.body.isEmpty())
            return QJsonValue();
        QJsonParseError parsed;
        const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parsed);
        if (parsed.error != QJsonParseError::NoError)
            return unexpectedAnswer(QStringLiteral("JSON"));
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
    Error error = errorFromProblem(answer.status, answer.body, answer.retryAfter);
    if (answer.status == 401 && sessionCall && !m_token.isEmpty()) {
        endSession();
        emit sessionEnded(error.message.translated());
    }
    return error;
}

template<typename T>
Call<T> RestBackend::call(const Request &request, std::function<Result<T>(const QJsonValue &)> read)
{
    const bool sessionCall = request.sessionCall;
    return send(request).map(this, [this, read, sessionCall](const Answer &answer) -> Result<T> {
        auto json = interpret(answer, sessionCall);
        if (!json)
            return json.error();
        return read(json.value());
    });
}

Call<void> RestBackend::callWithoutAnswer(const Request &request)
{
    const bool sessionCall = request.sessionCall;
    return send(request).map(this, [this, sessionCall](const Answer &answer) -> Result<void> {
        auto json = interpret(answer, sessionCall);
        if (!json)
            return json.error();
        return {};
    });
}

template<typename Item>
Item RestBackend::withOwnApprovals(Item item) const
{
    for (Approval &approval : item.approvals) {
        if (approval.by == m_me.username)
            approval.approverId = m_me.id;
    }
    return item;
}

template<typename Item>
RestBackend::Read<Item> RestBackend::readingOwnApprovals(Result<Item> (*read)(const QJsonValue &)) const
{
    return [this, read](const QJsonValue &json) -> Result<Item> {
        auto item = read(json);
        if (!item)
            return item.error();
        return withOwnApprovals(std::move(item.value()));
    };
}

// A resource's usual operations.

template<typename T>
Call<T> RestBackend::createResource(const QString &collection, const QJsonObject &body, Read<T> read)
{
    Request request;
    request.method = "POST";
    request.path = collection;
    request.body = body;
    return call<T>(request, std::move(read));
}

template<typename T>
Call<T> RestBackend::getResource(const QString &path, Read<T> read)
{
    Request request;
    request.path = path;
    return call<T>(request, std::move(read));
}

template<typename T>
Call<T> RestBackend::updateResource(const QString &path, const QJsonObject &body, int expectedVersion, Read<T> read)
{
    Request request;
    request.method = "PATCH";
    request.path = path;
    request.body = body;
    request.ifMatch = expectedVersion;
    return call<T>(request, std::move(read));
}

Call<void> RestBackend::removeResource(const QString &path, int expectedVersion)
{
    Request request;
    request.method = "DELETE";
    request.path = path;
    request.ifMatch = expectedVersion;
    return callWithoutAnswer(request);
}

// Signing in.

Call<bool> RestBackend::hasUsers()
{
    // A server made its administrator when it first started.
    return Call<bool>::finished(true);
}

Call<User> RestBackend::signIn(const QString &username, const QString &password)
{
    Request request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/auth/token");
    request.body = QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    request.sendToken = false;
    request.sessionCall = false;
    Promise<User> promise;
    auto issued = call<QString>(request, [](const QJsonValue &json) -> Result<QString> {
        const QString token = json.toObject().value(QStringLiteral("token")).toString();
        if (token.isEmpty())
            return unexpectedAnswer(QStringLiteral("token"));
        return token;
    });
    promise.onCancel([issued] { issued.cancel(); });
    issued.then(this, [this, promise](Result<QString> token) {
        if (!token) {
            promise.finish(token.error());
            return;
        }
        startSession(token.value()).then(this, [promise](Result<User> user) { promise.finish(std::move(user)); });
    });
    return promise.call();
}

Call<User> RestBackend::resume(const QString &token)
{
    return startSession(token);
}

Call<User> RestBackend::startSession(const QString &token)
{
    m_events->stop();
    m_token = token;
    Request request;
    request.path = QStringLiteral("/api/v1/user/me");
    request.sessionCall = false; // a refused token is a failed sign-in, not a session that ended
    return send(request).map(this, [this, token](const Answer &answer) -> Result<User> {
        auto json = interpret(answer, false);
        auto user = json ? readUser(json.value()) : Result<User>(json.error());
        if (m_token != token)
            return user; // another sign-in overtook this one
        if (!user) {
            endSession();
            return user.error();
        }
        m_me = user.value();
        QUrl events = m_server;
        events.setPath(m_server.path().chopped(m_server.path().endsWith(u'/') ? 1 : 0) + QStringLiteral("/api/v1/events"));
        m_events->start(events);
        return user;
    });
}

Call<User> RestBackend::createFirstAdministrator(const NewUser &)
{
    return Call<User>::finished(Error::conflict(
        QStringLiteral("already-set-up"),
        Message(QT_TRANSLATE_NOOP("Core", "A server creates its administrator when it first starts; sign in instead."))));
}

// POST /api/v1/{type}/batch, 100 items a request; each result carries the
// status its own request would have had, and its problem.
Call<RestBackend::Outcomes> RestBackend::decideEach(EntityType type, WorkflowAction action, const QList<Decision> &items,
                                                    const QString &comment)
{
    if (action == WorkflowAction::Revise || (type != EntityType::Feature && type != EntityType::Order))
        return Backend::decideEach(type, action, items, comment); // no batch for these: one by one
    constexpr qsizetype perRequest = 100;
    Promise<Outcomes> promise;
    auto outcomes = std::make_shared<Outcomes>();
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [this, type, action, items, comment, outcomes, promise, next](qsizetype from) {
        if (from >= items.size()) {
            promise.finish(*outcomes);
            *next = nullptr; // the chain ends: no cycle left
            return;
        }
        const QList<Decision> chunk = items.mid(from, perRequest);
        QJsonArray list;
        for (const Decision &decision : chunk)
            list.append(QJsonObject{{QStringLiteral("id"), idText(decision.id)}, {QStringLiteral("version"), decision.version}});
        QJsonObject body{{QStringLiteral("action"), toString(action)}, {QStringLiteral("items"), list}};
        if (!comment.isEmpty() || Workflow::requiresReason(action))
            body.insert(Workflow::requiresReason(action) ? QStringLiteral("reason") : QStringLiteral("comment"), comment);
        Request request;
        request.method = "POST";
        request.path = QStringLiteral("/api/v1/%1/batch").arg(toString(type));
        request.body = body;
        send(request).then(this, [this, chunk, outcomes, promise, next, from](Result<Answer> answer) {
            auto json = answer ? interpret(answer.value(), true) : Result<QJsonValue>(answer.error());
            if (!json) {
                // The whole request was refused (the reason, say): so is each item.
                for (qsizetype i = 0; i < chunk.size(); ++i)
                    outcomes->append(json.error());
            } else {
                const QJsonArray results = json->toObject().value(QStringLiteral("results")).toArray();
                for (qsizetype i = 0; i < chunk.size(); ++i) {
                    const QJsonObject result = i < results.size() ? results.at(i).toObject() : QJsonObject();
                    const int status = result.value(QStringLiteral("status")).toInt();
                    if (status >= 200 && status < 300)
                        outcomes->append(std::nullopt);
                    else if (status == 0)
                        outcomes->append(unexpectedAnswer(QStringLiteral("batch result")));
                    else
                        outcomes->append(errorFromProblem(
                            status, QJsonDocument(result.value(QStringLiteral("problem")).toObject()).toJson(QJsonDocument::Compact)));
                }
            }
            if (*next)
                (*next)(from + chunk.size());
        });
    };
    (*next)(0);
    return promise.call();
}

Call<void> RestBackend::keepSession()
{
    if (m_token.isEmpty())
        return Call<void>::finished(Error::unauthenticated(Message(QT_TRANSLATE_NOOP("Core", "Sign in first."))));
    return KeptSession::keep(m_server, m_me.username, m_token);
}

Call<User> RestBackend::resumeKeptSession(const QString &username)
{
    Promise<User> promise;
    KeptSession::find(m_server, username).then(this, [this, promise, username](Result<QString> token) {
        if (!token) {
            promise.finish(token.error());
            return;
        }
        resume(token.value()).then(this, [this, promise, username](Result<User> user) {
            // A kept token the server refuses (expired, revoked) is of no more use.
            if (!user && user.error().kind == ErrorKind::Unauthenticated)
                KeptSession::forget(m_server, username).then(this, [](const Result<void> &) {});
            promise.finish(std::move(user));
        });
    });
    return promise.call();
}

Call<void> RestBackend::signOut()
{
    if (m_token.isEmpty())
        return Call<void>::finished(Result<void>());
    // Signing out ends the kept session too (nothing happens when there is none).
    KeptSession::forget(m_server, m_me.username).then(this, [](const Result<void> &) {});
    Request request;
    request.method = "DELETE";
    request.path = QStringLiteral("/api/v1/auth/token");
    // Sent with the token, then forgotten here whatever the server says.
    Call<void> revoked = callWithoutAnswer(request);
    endSession();
    return revoked;
}

void RestBackend::endSession()
{
    m_events->stop();
    m_token.clear();
    m_me = User();
}

Call<User> RestBackend::me()
{
    Request request;
    request.path = QStringLiteral("/api/v1/user/me");
    return call<User>(request, readUser).map(this, [this](User user) {
        if (user.id == m_me.id)
            m_me = user;
        return user;
    });
}

// Lists.

template<typename T>
Call<Page<T>> RestBackend::listPage(const QString &path, const QUrlQuery &query,
                                    std::function<Result<T>(const QJsonValue &)> read)
{
    Request request;
    request.path = path;
    request.query = query;
    return call<Page<T>>(request, [read](const QJsonValue &json) { return readPage<T>(json, read); });
}

template<typename T>
void RestBackend::collectNotOwned(const QString &path, QUrlQuery query, std::shared_ptr<QList<T>> found,
                                  std::function<Result<T>(const QJsonValue &)> read, Promise<Page<T>> promise)
{
    if (promise.isCancelled())
        return;
    listPage<T>(path, query, read).then(this, [this, path, query, found, read, promise](Result<Page<T>> page) mutable {
        if (!page) {
            promise.finish(page.error());
            return;
        }
        for (T &item : page->items) {
            if (item.ownerUsername != m_me.username)
                found->append(std::move(item));
        }
        // Nothing for the queue on this page, but more pages: look further.
        if (found->isEmpty() && !page->next.isEmpty()) {
            query.removeQueryItem(QStringLiteral("after"));
            query.addQueryItem(QStringLiteral("after"), page->next);
            collectNotOwned<T>(path, query, found, read, promise);
            return;
        }
        promise.finish(Page<T>{*found, page->next});
    });
}

template<typename Item>
Call<Page<Item>> RestBackend::listItems(const QString &collection, EntityType type, const ItemQuery &query, Read<Item> read)
{
    if (!query.excludeOwnedByActor)
        return listPage<Item>(collection, itemQuery(query, type), read);
    Promise<Page<Item>> promise;
    collectNotOwned<Item>(collection, itemQuery(query, type), std::make_shared<QList<Item>>(), read, promise);
    return promise.call();
}

Call<Page<Feature>> RestBackend::listFeatures(const ItemQuery &query)
{
    return listItems<Feature>(QStringLiteral("/api/v1/feature"), EntityType::Feature, query, readingOwnApprovals(readFeature));
}

Call<Page<Order>> RestBackend::listOrders(const ItemQuery &query)
{
    return listItems<Order>(QStringLiteral("/api/v1/order"), EntityType::Order, query, readingOwnApprovals(readOrder));
}

Call<Page<Product>> RestBackend::listProducts(const ProductQuery &query)
{
    QUrlQuery url;
    if (query.active)
        url.addQueryItem(QStringLiteral("active"), *query.active ? QStringLiteral("true") : QStringLiteral("false"));
    if (!query.search.isEmpty())
        url.addQueryItem(QStringLiteral("q"), query.search);
    addOrder(url, EntityType::Product, query.order);
    addPage(url, query.page);
    return listPage<Product>(QStringLiteral("/api/v1/product"), url, readProduct);
}

Call<Page<User>> RestBackend::listUsers(const UserQuery &query)
{
    QUrlQuery url;
    if (!query.search.isEmpty())
        url.addQueryItem(QStringLiteral("q"), query.search);
    addOrder(url, EntityType::User, query.order);
    addPage(url, query.page);
    return listPage<User>(QStringLiteral("/api/v1/user"), url, readUser);
}

Call<Page<AuditEvent>> RestBackend::listAudit(const AuditQuery &query)
{
    QUrlQuery url;
    if (!query.entityType.isEmpty())
        url.addQueryItem(QStringLiteral("entity_type"), query.entityType);
    if (!query.entityId.isEmpty())
        url.addQueryItem(QStringLiteral("entity_id"), query.entityId);
    if (!query.actorUsername.isEmpty())
        url.addQueryItem(QStringLiteral("actor"), query.actorUsername);
    addPage(url, query.page);
    return listPage<AuditEvent>(QStringLiteral("/api/v1/audit"), url, readAuditEvent);
}

Call<Stats> RestBackend::stats(int days)
{
    Request request;
    request.path = QStringLiteral("/api/v1/stats");
    request.query.addQueryItem(QStringLiteral("days"), QString::number(days));
    return call<Stats>(request, readStats);
}

// Features and orders.

template<typename T>
Call<T> RestBackend::transition(const QString &kind, const QUuid &id, WorkflowAction action, int expectedVersion,
                                const QString &comment, std::function<Result<T>(const QJsonValue &)> read)
{
    Request request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/%1/%2/%3").arg(kind, idText(id), actionPath(action));
    request.body = transitionBody(action, comment);
    request.ifMatch = expectedVersion;
    return call<T>(request, read);
}

namespace {

Result<QList<AuditEvent>> readHistory(const QJsonValue &json)
{
    // A plain list, or a page of one ({"items": [...]}).
    if (json.isObject())
        return readList<AuditEvent>(json.toObject().value(QStringLiteral("items")), readAuditEvent);
    return readList<AuditEvent>(json, readAuditEvent);
}

} // namespace

Call<Feature> RestBackend::createFeature(const NewFeature &input)
{
    return createResource<Feature>(QStringLiteral("/api/v1/feature"), toJson(input), readFeature);
}

Call<Feature> RestBackend::getFeature(const QUuid &id)
{
    return getResource<Feature>(QStringLiteral("/api/v1/feature/") + idText(id), readingOwnApprovals(readFeature));
}

Call<Feature> RestBackend::updateFeature(const QUuid &id, const FeaturePatch &patch, int expectedVersion)
{
    return updateResource<Feature>(QStringLiteral("/api/v1/feature/") + idText(id), toJson(patch), expectedVersion,
                                   readFeature);
}

Call<void> RestBackend::removeFeature(const QUuid &id, int expectedVersion)
{
    return removeResource(QStringLiteral("/api/v1/feature/") + idText(id), expectedVersion);
}

Call<Feature> RestBackend::transitionFeature(const QUuid &id, WorkflowAction action, int expectedVersion,
                                             const QString &comment)
{
    return transition<Feature>(QStringLiteral("feature"), id, action, expectedVersion, comment,
                               readingOwnApprovals(readFeature));
}

// Comments.

Call<QList<Comment>> RestBackend::comments(EntityType type, const QUuid &id)
{
    Request request;
    request.path = QStringLiteral("/api/v1/%1/%2/comment").arg(toString(type), idText(id));
    return call<QList<Comment>>(request, [](const QJsonValue &json) {
        return readList<Comment>(json.toObject().value(QStringLiteral("items")), readComment);
    });
}

Call<Comment> RestBackend::addComment(EntityType type, const QUuid &id, const QString &body)
{
    Request request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/%1/%2/comment").arg(toString(type), idText(id));
    request.body = QJsonObject{{QStringLiteral("body"), body}};
    return call<Comment>(request, readComment);
}

// The approval policy.

Call<ApprovalPolicy> RestBackend::policyCall(const Request &request)
{
    return send(request).map(this, [this](const Answer &answer) -> Result<ApprovalPolicy> {
        auto json = interpret(answer, true);
        if (!json)
            return json.error();
        auto policy = readPolicy(json.value());
        if (!policy)
            return policy;
        // ETag: "VERSION"
        bool numeric = false;
        const int version = QByteArray(answer.etag).replace("W/", "").replace('"', "").toInt(&numeric);
        if (!numeric || version < 1)
            return unexpectedAnswer(QStringLiteral("policy version"));
        policy.value().version = version;
        return policy;
    });
}

Call<ApprovalPolicy> RestBackend::policy()
{
    Request request;
    request.path = QStringLiteral("/api/v1/policy");
    return policyCall(request);
}

Call<ApprovalPolicy> RestBackend::updatePolicy(const ApprovalPolicy &policy, int expectedVersion)
{
    Request request;
    request.method = "PUT";
    request.path = QStringLiteral("/api/v1/policy");
    request.body = policy.toJson();
    request.ifMatch = expectedVersion;
    return policyCall(request);
}

// Webhooks.

Call<Page<WebhookEndpoint>> RestBackend::listWebhooks(const PageRequest &page)
{
    QUrlQuery url;
    addPage(url, page);
    return listPage<WebhookEndpoint>(QStringLiteral("/api/v1/webhook"), url, readWebhook);
}

Call<WebhookEndpoint> RestBackend::createWebhook(const NewWebhook &input)
{
    return createResource<WebhookEndpoint>(QStringLiteral("/api/v1/webhook"), toJson(input), readWebhook);
}

Call<WebhookEndpoint> RestBackend::updateWebhook(const QUuid &id, const WebhookPatch &patch, int expectedVersion)
{
    return updateResource<WebhookEndpoint>(QStringLiteral("/api/v1/webhook/") + idText(id), toJson(patch),
                                           expectedVersion, readWebhook);
}

Call<void> RestBackend::removeWebhook(const QUuid &id, int expectedVersion)
{
    return removeResource(QStringLiteral("/api/v1/webhook/") + idText(id), expectedVersion);
}

Call<Page<WebhookDelivery>> RestBackend::webhookDeliveries(const QUuid &endpointId, const PageRequest &page)
{
    QUrlQuery url;
    addPage(url, page);
    return listPage<WebhookDelivery>(QStringLiteral("/api/v1/webhook/%1/delivery").arg(idText(endpointId)), url,
                                     readWebhookDelivery);
}

Call<WebhookDelivery> RestBackend::redeliverWebhook(const QUuid &endpointId, const QUuid &deliveryId)
{
    Request request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/webhook/%1/delivery/%2/retry").arg(idText(endpointId), idText(deliveryId));
    return call<WebhookDelivery>(request, readWebhookDelivery);
}

Call<QList<AuditEvent>> RestBackend::featureHistory(const QUuid &id)
{
    return getResource<QList<AuditEvent>>(QStringLiteral("/api/v1/feature/%1/history").arg(idText(id)), readHistory);
}

Call<Order> RestBackend::createOrder(const NewOrder &input)
{
    return createResource<Order>(QStringLiteral("/api/v1/order"), toJson(input), readOrder);
}

Call<Order> RestBackend::getOrder(const QUuid &id)
{
    return getResource<Order>(QStringLiteral("/api/v1/order/") + idText(id), readingOwnApprovals(readOrder));
}

Call<Order> RestBackend::updateOrder(const QUuid &id, const OrderPatch &patch, int expectedVersion)
{
    return updateResource<Order>(QStringLiteral("/api/v1/order/") + idText(id), toJson(patch), expectedVersion,
                                 readOrder);
}

Call<void> RestBackend::removeOrder(const QUuid &id, int expectedVersion)
{
    return removeResource(QStringLiteral("/api/v1/order/") + idText(id), expectedVersion);
}

Call<Order> RestBackend::transitionOrder(const QUuid &id, WorkflowAction action, int expectedVersion,
                                         const QString &comment)
{
    return transition<Order>(QStringLiteral("order"), id, action, expectedVersion, comment,
                             readingOwnApprovals(readOrder));
}

Call<QList<AuditEvent>> RestBackend::orderHistory(const QUuid &id)
{
    return getResource<QList<AuditEvent>>(QStringLiteral("/api/v1/order/%1/history").arg(idText(id)), readHistory);
}

// Products.

Call<Product> RestBackend::createProduct(const NewProduct &input)
{
    return createResource<Product>(QStringLiteral("/api/v1/product"), toJson(input), readProduct);
}

Call<Product> RestBackend::getProduct(const QUuid &id)
{
    return getResource<Product>(QStringLiteral("/api/v1/product/") + idText(id), readProduct);
}

Call<Product> RestBackend::updateProduct(const QUuid &id, const ProductPatch &patch, int expectedVersion)
{
    return updateResource<Product>(QStringLiteral("/api/v1/product/") + idText(id), toJson(patch), expectedVersion,
                                   readProduct);
}

Call<void> RestBackend::removeProduct(const QUuid &id, int expectedVersion)
{
    return removeResource(QStringLiteral("/api/v1/product/") + idText(id), expectedVersion);
}

// Users.

Call<User> RestBackend::createUser(const NewUser &input)
{
    return createResource<User>(QStringLiteral("/api/v1/user"), toJson(input), readUser);
}

Call<User> RestBackend::getUser(const QString &username)
{
    return getResource<User>(QStringLiteral("/api/v1/user/") + segment(username), readUser);
}

Call<User> RestBackend::updateUser(const QString &username, const UserPatch &patch, int expectedVersion)
{
    return updateResource<User>(QStringLiteral("/api/v1/user/") + segment(username), toJson(patch), expectedVersion,
                                readUser);
}

// Live refresh and reachability.

void RestBackend::onStreamEvent(const StreamEvent &event)
{
    const QString typeName = event.data.value(QStringLiteral("entity_type")).toString();
    const auto type = entityTypeFromString(typeName.isEmpty() ? event.type.section(u'.', 0, 0) : typeName);
    if (!type)
        return;
    emit changed(*type, event.data.value(QStringLiteral("entity_id")).toString());
}

void RestBackend::announceEverything()
{
    for (EntityType type : {EntityType::Feature, EntityType::Order, EntityType::Product, EntityType::User,
                            EntityType::Policy})
        emit changed(type, QString());
}

void RestBackend::setReachable(bool reachable, const QString &reason)
{
    if (reachable == m_reachable)
        return;
    m_reachable = reachable;
    emit reachabilityChanged(reachable, reason);
    // Back: what happened meanwhile is loaded again (the stream resumes too,
    // but a list may have failed to load while the server was away).
    if (reachable)
        announceEverything();
}

} // namespace signoff
