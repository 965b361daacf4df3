// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// resources/openapi.json and the route table describe the same API: every
// (method, path) of one is in the other; every reference in the document
// resolves; every operation documents its success and its errors.

#include "rest/Routes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

using namespace signoff::rest;

namespace {

QJsonObject loadDocument()
{
    QFile file(QStringLiteral(":/signoff/openapi.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void collectReferences(const QJsonValue &value, QStringList *references)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QStringLiteral("$ref"))
                references->append(it.value().toString());
            else
                collectReferences(it.value(), references);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectReferences(item, references);
    }
}

} // namespace

class TestRestOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void documentIsOpenApi3()
    {
        const QJsonObject document = loadDocument();
        QVERIFY2(!document.isEmpty(), "the OpenAPI document is missing or not JSON");
        QVERIFY(document.value(QStringLiteral("openapi")).toString().startsWith(QStringLiteral("3.0.")));
        QVERIFY(!document.value(QStringLiteral("info")).toObject().value(QStringLiteral("title")).toString().isEmpty());
    }

    void routesAndDocumentAgree()
    {
        QSet<QString> routes;
        for (const Route &route : routeTable())
            routes.insert(QString::fromLatin1(route.method) + u' ' + route.path);
        QCOMPARE(routes.size(), routeTable().size()); // no duplicates

        QSet<QString> documented;
        const QJsonObject paths = loadDocument().value(QStringLiteral("paths")).toObject();
        static const QStringList methods{QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"), QStringLiteral("delete"),
                                         QStringLiteral("options"), QStringLiteral("head"), QStringLiteral("patch"), QStringLiteral("trace")};
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject operations = path.value().toObject();
            for (auto operation = operations.begin(); operation != operations.end(); ++operation) {
                if (methods.contains(operation.key()))
                    documented.insert(operation.key().toUpper() + u' ' + path.key());
            }
        }
        const QSet<QString> undocumented = routes - documented;
        const QSet<QString> unrouted = documented - routes;
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("not in openapi.json: ") + undocumented.values().join(QStringLiteral(", "))));
        QVERIFY2(unrouted.isEmpty(), qPrintable(QStringLiteral("no such route: ") + unrouted.values().join(QStringLiteral(", "))));
    }

    void everyReferenceResolves()
    {
        const QJsonObject document = loadDocument();
        QStringList references;
        collectReferences(document, &references);
        QVERIFY(references.size() > 50);
        for (const QString &reference : references) {
            QVERIFY2(reference.startsWith(QStringLiteral("#/")), qPrintable(reference));
            QJsonValue target = document;
            for (const QString &segment : reference.mid(2).split(u'/'))
                target = target.toObject().value(segment);
            QVERIFY2(target.isObject(), qPrintable(QStringLiteral("unresolved: ") + reference));
        }
    }

    void everyOperationDocumentsSuccessAndErrors()
    {
        const QJsonObject paths = loadDocument().value(QStringLiteral("paths")).toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject operations = path.value().toObject();
            for (auto operation = operations.begin(); operation != operations.end(); ++operation) {
                const QString where = operation.key() + u' ' + path.key();
                const QJsonObject responses = operation.value().toObject().value(QStringLiteral("responses")).toObject();
                const QStringList codes = responses.keys();
                QVERIFY2(std::any_of(codes.cbegin(), codes.cend(), [](const QString &code) { return code.startsWith(u'2'); }),
                         qPrintable(where));
                // Every route is rate limited but the load balancers' probe, which says so.
                const bool limited = !operation.value().toObject().value(QStringLiteral("x-never-rate-limited")).toBool();
                QVERIFY2(codes.contains(QStringLiteral("429")) == limited && codes.contains(QStringLiteral("431")), qPrintable(where));
                const bool isPublic = operation.value().toObject().value(QStringLiteral("security")).toArray().isEmpty()
                    && operation.value().toObject().contains(QStringLiteral("security"));
                if (!isPublic)
                    QVERIFY2(codes.contains(QStringLiteral("401")), qPrintable(where));
                if (operation.value().toObject().contains(QStringLiteral("requestBody")))
                    QVERIFY2(codes.contains(QStringLiteral("400")) && codes.contains(QStringLiteral("413"))
                                 && codes.contains(QStringLiteral("415")),
                             qPrintable(where));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRestOpenApi)
#include "tst_rest_openapi.moc"
