// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every table exports what it shows as CSV (docs/design.md, "The audit log"), in the
// real main window on an SQLite file: all rows, also those not fetched yet
// (more than a page), the columns shown in their order, RFC 4180 quoting,
// and cells a spreadsheet would run as formulas made harmless. The audit
// log's page exports the same way.

#include "MainWindow.h"
#include "UiFixture.h"
#include "models/TableModel.h"
#include "pages/ListPage.h"

#include <QAction>
#include <QFile>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

QList<QByteArray> exportLines(ListPage *page, const QString &path)
{
    QSignalSpy finished(page, &ListPage::exportFinished);
    page->exportCsv(path);
    if (!finished.wait(30000) || !finished.first().at(2).toString().isEmpty())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestUiExport : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        clearSettings();
    }

    void theFeaturesListExportsEveryRowAsShown()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const int plain = 250; // more than a page of the list (200)
        for (int i = 0; i < plain; ++i)
            fixture.addFeature(alice, QStringLiteral("Feature %1").arg(i));
        fixture.addFeature(alice, QStringLiteral("=HYPERLINK(\"http://evil\")"));
        fixture.addFeature(alice, QStringLiteral("Commas, \"quotes\""));

        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        QVERIFY(window.showPage(QStringLiteral("featuresPage")));
        ListPage *page = window.currentPage();
        QVERIFY(page);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("exportAction"))->isEnabled());
        QTemporaryDir folder;
        const QList<QByteArray> lines = exportLines(page, folder.filePath(QStringLiteral("features.csv")));
        QCOMPARE(lines.size(), 1 + plain + 2);
        for (const QByteArray &line : lines)
            QVERIFY2(line.endsWith('\r'), line.constData()); // CRLF

        // The header is the columns as shown, in their order.
        QHeaderView *header = page->table()->horizontalHeader();
        QStringList shown;
        for (int visual = 0; visual < header->count(); ++visual) {
            const int logical = header->logicalIndex(visual);
            if (!header->isSectionHidden(logical))
                shown.append(page->model()->headerData(logical, Qt::Horizontal).toString());
        }
        QCOMPARE(QString::fromUtf8(lines.first().chopped(1)), shown.join(u','));

        const QByteArray all = lines.join('\n');
        QVERIFY2(all.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), all.left(400).constData());
        QVERIFY(all.contains("\"Commas, \"\"quotes\"\"\""));
        QVERIFY(all.contains("Feature 0,") && all.contains("Feature 249,"));
    }

    void theAuditLogExportsToo()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        fixture.addFeature(alice, QStringLiteral("Audited"), ItemStatus::Rejected, &rita);

        MainWindow window(fixture.backendFor(rita), rita);
        window.show();
        QVERIFY(window.showPage(QStringLiteral("auditPage")));
        QTemporaryDir folder;
        const QList<QByteArray> lines = exportLines(window.currentPage(), folder.filePath(QStringLiteral("audit.csv")));
        QVERIFY(lines.size() >= 4); // header, create, submit, reject (and the users made)
        QVERIFY(lines.join('\n').contains("Not like this."));
    }

    void anUnwritablePlaceIsAnError()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        QVERIFY(window.showPage(QStringLiteral("featuresPage")));
        QSignalSpy finished(window.currentPage(), &ListPage::exportFinished);
        window.currentPage()->exportCsv(QStringLiteral("/nonexistent-folder/features.csv"));
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.first().at(2).toString().isEmpty());
        QVERIFY(!QFile::exists(QStringLiteral("/nonexistent-folder/features.csv")));
    }
};

QTEST_MAIN(TestUiExport)
#include "tst_ui_export.moc"
