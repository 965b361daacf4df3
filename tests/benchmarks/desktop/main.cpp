// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop half of the benchmark: how long the main window takes to show
// the first rows of the Features page over a large database, and how much
// memory the process needs for it. Prints one JSON object on standard output.
//
//   signoff-bench-desktop --database URL --user NAME [--pages N]
//
// Run it with QT_QPA_PLATFORM=offscreen where there is no display. Timed from
// opening the database (the window's own work: every page's first query,
// widgets, layout) until the Features page has been rendered with its rows;
// then N more pages are fetched as scrolling down would, and the peak
// resident memory is read from /proc/self/status.

#include "LocalBackend.h"
#include "MainWindow.h"
#include "pages/ItemsPage.h"
#include "service/Services.h"
#include "storage/OpenDatabase.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QTableView>

#include <cstdio>

using namespace signoff;

namespace {

// VmHWM or VmRSS from /proc/self/status, in MiB.
double memoryMiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "signoff-bench-desktop: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"), QStringLiteral("Database URL"), QStringLiteral("URL"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Signed-in user"), QStringLiteral("NAME"),
                                        QStringLiteral("bob"));
    const QCommandLineOption pagesOption(QStringLiteral("pages"), QStringLiteral("Pages to fetch after the first"),
                                         QStringLiteral("N"), QStringLiteral("20"));
    parser.addOptions({databaseOption, userOption, pagesOption});
    parser.process(app);

    QElapsedTimer timer;
    timer.start();
    auto url = DatabaseUrl::parse(parser.value(databaseOption));
    if (!url)
        return fail(url.error().englishSummary());
    auto database = openDatabase(url.value());
    if (!database)
        return fail(database.error().englishSummary());
    ChangeNotifier notifier;
    Services services(*database.value(), notifier);
    auto user = services.users().get(Actor::system(), parser.value(userOption));
    if (!user)
        return fail(user.error().englishSummary());
    const qint64 opened = timer.elapsed();

    LocalBackend backend(services);
    backend.actAs(user.value());
    MainWindow window(backend, user.value());
    window.resize(1280, 800);
    if (!window.showPage(QStringLiteral("featuresPage")))
        return fail(QStringLiteral("no Features page"));
    window.show();
    auto *page = window.findChild<ItemsPage *>(QStringLiteral("featuresPage"));
    if (!page)
        return fail(QStringLiteral("no Features page"));
    QElapsedTimer waited;
    waited.start();
    while (page->table()->model()->rowCount() == 0 && waited.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    const int firstRows = page->table()->model()->rowCount();
    // Rendering the window is what makes the rows visible.
    const QPixmap rendered = window.grab();
    const qint64 shown = timer.elapsed();

    const int pages = parser.value(pagesOption).toInt();
    for (int i = 0; i < pages && page->items()->canFetchMore({}); ++i) {
        page->items()->fetchMore({});
        while (page->items()->isLoading())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    page->table()->scrollToBottom();
    window.grab();
    const qint64 scrolled = timer.elapsed();

    const QJsonObject result{
        {QStringLiteral("database_open_ms"), opened},
        {QStringLiteral("first_rows_ms"), shown},
        {QStringLiteral("first_rows"), firstRows},
        {QStringLiteral("rendered"), !rendered.isNull()},
        {QStringLiteral("rows_after_scrolling"), page->table()->model()->rowCount()},
        {QStringLiteral("scrolled_ms"), scrolled},
        {QStringLiteral("peak_rss_mib"), memoryMiB("VmHWM")},
        {QStringLiteral("rss_mib"), memoryMiB("VmRSS")},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return firstRows > 0 ? 0 : 1;
}
