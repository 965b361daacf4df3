// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Backend.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <optional>

namespace signoff::client {
class EventStream;
struct StreamEvent;
} // namespace signoff::client

namespace signoff {

// The backend of server mode (docs/design.md, "Team mode"): every call is a request
// to a Signoff server's REST API with QNetworkAccessManager (asynchronous by
// nature: nothing waits in the GUI thread), answered with core's values and
// typed errors read back from the representations and problem documents.
// Live refresh comes from the server's event stream, reopened with backoff.
//
// Reachability: a request that cannot reach the server (refused, timed out,
// the stream lost) makes the backend unreachable; the stream's retries are
// the probe, and when it is open again the backend is reachable and
// announces "everything changed" so lists and forms load what they missed.
class RestBackend : public Backend
{
    Q_OBJECT
public:
    // An ordinary call that takes longer than this failed (the stream has no limit).
    static constexpr int transferTimeoutMs = 30000;
    // An answer larger than this is refused (a list page is far smaller).
    static constexpr qint64 maxAnswerBytes = 64 * 1024 * 1024;

    // `server`: the server's base URL (https://host:port).
    explicit RestBackend(const QUrl &server, QObject *parent = nullptr);
    ~RestBackend() override;

    QUrl server() const { return m_server; }
    // The bearer token of the signed-in session (empty: none).
    QString token() const { return m_token; }
    // Signs in with a token kept from an earlier session ("Stay signed in").
    Call<User> resume(const QString &token);
    client::EventStream &events() const { return *m_events; }

    QByteArray untrustedCertificate() const override;
    void trustCertificate(const QByteArray &fingerprint) override;

    Kind kind() const override { return Kind::Server; }
    QString location() const override;
    bool isReachable() const override { return m_reachable; }

    Call<bool> hasUsers() override;
    Call<User> signIn(const QString &username, const QString &password) override;
    Call<User> createFirstAdministrator(const NewUser &input) override;
    Call<void> signOut() override;
    Call<User> me() override;
    Call<void> keepSession() override;
    Call<Outcomes> decideEach(EntityType type, WorkflowAction action, const QList<Decision> &items,
                              const QString &comment) override;
    Call<User> resumeKeptSession(const QString &username) override;

    Call<Feature> createFeature(const NewFeature &input) override;
    Call<Feature> getFeature(const QUuid &id) override;
    Call<Page<Feature>> listFeatures(const ItemQuery &query) override;
    Call<Feature> updateFeature(const QUuid &id, const FeaturePatch &patch, int expectedVersion) override;
    Call<void> removeFeature(const QUuid &id, int expectedVersion) override;
    Call<Feature> transitionFeature(const QUuid &id, WorkflowAction action, int expectedVersion,
                                    const QString &comment) override;
    Call<QList<AuditEvent>> featureHistory(const QUuid &id) override;

    Call<Order> createOrder(const NewOrder &input) override;
    Call<Order> getOrder(const QUuid &id) override;
    Call<Page<Order>> listOrders(const ItemQuery &query) override;
    Call<Order> updateOrder(const QUuid &id, const OrderPatch &patch, int expectedVersion) override;
    Call<void> removeOrder(const QUuid &id, int expectedVersion) override;
    Call<Order> transitionOrder(const QUuid &id, WorkflowAction action, int expectedVersion,
                                const QString &comment) override;
    Call<QList<AuditEvent>> orderHistory(const QUuid &id) override;

    Call<Product> createProduct(const NewProduct &input) override;
    Call<Product> getProduct(const QUuid &id) override;
    Call<Page<Product>> listProducts(const ProductQuery &query) override;
    Call<Product> updateProduct(const QUuid &id, const ProductPatch &patch, int expectedVersion) override;
    Call<void> removeProduct(const QUuid &id, int expectedVersion) override;

    Call<User> createUser(const NewUser &input) override;
    Call<User> getUser(const QString &username) override;
    Call<Page<User>> listUsers(const UserQuery &query) override;
    Call<User> updateUser(const QString &username, const UserPatch &patch, int expectedVersion) override;

    Call<Page<AuditEvent>> listAudit(const AuditQuery &query) override;

    Call<QList<Comment>> comments(EntityType type, const QUuid &id) override;
    Call<Comment> addComment(EntityType type, const QUuid &id, const QString &body) override;

    Call<ApprovalPolicy> policy() override;
    Call<ApprovalPolicy> updatePolicy(const ApprovalPolicy &policy, int expectedVersion) override;

    Call<Page<WebhookEndpoint>> listWebhooks(const PageRequest &page) override;
    Call<WebhookEndpoint> createWebhook(const NewWebhook &input) override;
    Call<WebhookEndpoint> updateWebhook(const QUuid &id, const WebhookPatch &patch, int expectedVersion) override;
    Call<void> removeWebhook(const QUuid &id, int expectedVersion) override;
    Call<Page<WebhookDelivery>> webhookDeliveries(const QUuid &endpointId, const PageRequest &page) override;
    Call<WebhookDelivery> redeliverWebhook(const QUuid &endpointId, const QUuid &deliveryId) override;

    Call<Stats> stats(int days) override;

protected:
    // Every request's common parts (the token, TLS settings); subclasses
    // (tests) may add to them.
    virtual void prepare(QNetworkRequest &request) const;
    QNetworkAccessManager &network() { return m_network; }

private:
    // What came back: the status (0 when nothing came), the body, and the
    // transport error if there was one.
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray retryAfter;
        QByteArray etag;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QString errorText;
    };
    using Reader = std::function<Result<QJsonValue>(const QJsonValue &)>;
    template<typename T>
    using Read = std::function<Result<T>(const QJsonValue &)>;

    struct Request
    {
        QByteArray method = "GET";
        QString path;
        QUrlQuery query;
        std::optional<QJsonObject> body;
        std::optional<int> ifMatch;
        bool sendToken = true;
        // A 401 means the session ended (not so for signing in).
        bool sessionCall = true;
    };

    Call<Answer> send(const Request &request);
    // The answer as a JSON value, or the error it means (a problem
    // document, an unreachable server, a session that ended).
    Result<QJsonValue> interpret(const Answer &answer, bool sessionCall);
    template<typename T>
    Call<T> call(const Request &request, std::function<Result<T>(const QJsonValue &)> read);
    Call<void> callWithoutAnswer(const Request &request);

    // The usual operations on the API's resources: `collection` is the path
    // of a type's collection (/api/v1/feature), `path` that of one resource.
    template<typename T>
    Call<T> createResource(const QString &collection, const QJsonObject &body, Read<T> read);
    template<typename T>
    Call<T> getResource(const QString &path, Read<T> read);
    template<typename T>
    Call<T> updateResource(const QString &path, const QJsonObject &body, int expectedVersion, Read<T> read);
    Call<void> removeResource(const QString &path, int expectedVersion);

    template<typename T>
    Call<Page<T>> listPage(const QString &path, const QUrlQuery &query, std::function<Result<T>(const QJsonValue &)> read);
    // The review queue: pending items the signed-in user does not own,
    // filtered here, pages fetched until some are found or none are left.
    template<typename T>
    void collectNotOwned(const QString &path, QUrlQuery query, std::shared_ptr<QList<T>> found,
                         std::function<Result<T>(const QJsonValue &)> read, Promise<Page<T>> promise);
    // A page of features or orders; the review queue's through collectNotOwned().
    template<typename Item>
    Call<Page<Item>> listItems(const QString &collection, EntityType type, const ItemQuery &query, Read<Item> read);
    template<typename T>
    Call<T> transition(const QString &kind, const QUuid &id, WorkflowAction action, int expectedVersion,
                       const QString &comment, std::function<Result<T>(const QJsonValue &)> read);

    // TLS: a certificate pinned for this server is accepted whatever the
    // system thinks of it; any other untrusted one is refused and remembered
    // (m_refusedCertificate) so that the call's error can say why.
    void checkCertificate(QNetworkReply *reply, const QList<QSslError> &errors);
    std::optional<Error> certificateError(const Answer &answer) const;

    // The policy of an answer, its version from the ETag.
    Call<ApprovalPolicy> policyCall(const Request &request);

    Call<User> startSession(const QString &token);
    void endSession();
    void setReachable(bool reachable, const QString &reason = {});
    void onStreamEvent(const client::StreamEvent &event);
    void announceEverything();
    // Approvals name their approver; the signed-in user's own get their id.
    template<typename Item>
    Item withOwnApprovals(Item item) const;
    // `read`, then withOwnApprovals() on what it read.
    template<typename Item>
    Read<Item> readingOwnApprovals(Result<Item> (*read)(const QJsonValue &)) const;

    QUrl m_server;
    QNetworkAccessManager m_network;
    client::EventStream *m_events;
    QString m_token;
    User m_me;
    bool m_reachable = true;
    struct RefusedCertificate
    {
        QByteArray presented;
        QByteArray pinned; // empty: none was trusted
        QString why;       // what the system found wrong with it
    };
    std::optional<RefusedCertificate> m_refusedCertificate;
};

} // namespace signoff
