// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// German ships complete: every message of translations/signoff_de.ts is
// translated, keeps its placeholders, and nothing in the sources is missing
// from it (lupdate is run over core, ui and app into a copy). The compiled
// file translates the window and core's messages alike.

#include "MainWindow.h"
#include "domain/Message.h"
#include "support/Format.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace signoff;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString translationType; // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the numerus forms
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            current = TsMessage{context, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), {}, {}};
        } else if (xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            current.translationType = xml.attributes().value(QLatin1String("type")).toString();
            if (current.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        current.translations.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                current.translations.append(xml.readElementText());
            }
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d|n)"));
    QStringList found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    found.sort();
    found.removeDuplicates();
    return found;
}

QString describe(const TsMessage &message)
{
    return message.context + QStringLiteral(" | ") + message.source;
}

const QString sourceDir = QStringLiteral(SIGNOFF_SOURCE_DIR);

} // namespace

class TestUiTranslations : public QObject
{
    Q_OBJECT

private slots:
    void germanIsComplete()
    {
        QString error;
        const QList<TsMessage> messages = readTs(sourceDir + QStringLiteral("/translations/signoff_de.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        QStringList problems;
        for (const TsMessage &message : messages) {
            if (!message.translationType.isEmpty()) {
                problems.append(message.translationType + QStringLiteral(": ") + describe(message));
                continue;
            }
            const qsizetype forms = message.numerus ? 2 : 1; // German: singular and plural
            if (message.translations.size() != forms
                || std::any_of(message.translations.cbegin(), message.translations.cend(),
                               [](const QString &text) { return text.trimmed().isEmpty(); })) {
                problems.append(QStringLiteral("empty: ") + describe(message));
                continue;
            }
            // Every form keeps the source's placeholders (a singular may leave out %n).
            QStringList expected = placeholders(message.source);
            for (qsizetype form = 0; form < message.translations.size(); ++form) {
                QStringList got = placeholders(message.translations.at(form));
                QStringList wanted = expected;
                if (message.numerus && form == 0) {
                    wanted.removeAll(QStringLiteral("%n"));
                    got.removeAll(QStringLiteral("%n"));
                }
                if (got != wanted)
                    problems.append(QStringLiteral("placeholders %1 instead of %2: %3")
                                        .arg(got.join(u' '), wanted.join(u' '), describe(message)));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // lupdate over the sources, into a copy: anything new comes out unfinished.
    void sourcesHaveNothingUntranslated()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString copy = folder.filePath(QStringLiteral("signoff_de.ts"));
        QVERIFY(QFile::copy(sourceDir + QStringLiteral("/translations/signoff_de.ts"), copy));
        QProcess lupdate;
        lupdate.setWorkingDirectory(sourceDir);
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(SIGNOFF_LUPDATE),
                      {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("core"),
                       QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("backend"),
                       QStringLiteral("client"), QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

        QString error;
        const QList<TsMessage> messages = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList missing;
        for (const TsMessage &message : messages) {
            if (message.translationType == QStringLiteral("unfinished"))
                missing.append(describe(message));
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("Not in translations/signoff_de.ts yet (run the update_translations "
                                           "target and translate them):\n")
                            + missing.join(u'\n')));
    }

    void compiledGermanTranslatesWindowAndCore()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(SIGNOFF_QM_DIR "/signoff_de.qm")));
        QCoreApplication::installTranslator(&german);
        QCOMPARE(Format::status(ItemStatus::Pending), QStringLiteral("Zur Prüfung"));
        QCOMPARE(MainWindow::tr("REST off"), QStringLiteral("REST aus"));
        QCOMPARE(MainWindow::tr("REST: port %1 busy").arg(8080), QStringLiteral("REST: Port 8080 belegt"));
        QCOMPARE(Message(QT_TRANSLATE_NOOP("Core", "A feature named ‘%1’ already exists."), {QStringLiteral("X")}).translated(),
                 QStringLiteral("Ein Feature namens „X“ gibt es bereits."));
        QCOMPARE(Message(QT_TRANSLATE_NOOP("Core", "A feature named ‘%1’ already exists."), {QStringLiteral("X")}).english(),
                 QStringLiteral("A feature named ‘X’ already exists."));
        QCOMPARE(MainWindow::tr("%n open form(s) have changes that are not saved. Discard them?", nullptr, 2),
                 QStringLiteral("2 offene Formulare haben ungespeicherte Änderungen. Verwerfen?"));
        QCoreApplication::removeTranslator(&german);
    }

    void englishHasItsPluralForms()
    {
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(SIGNOFF_QM_DIR "/signoff_en.qm")));
        QCoreApplication::installTranslator(&english);
        QCOMPARE(MainWindow::tr("%n open form(s) have changes that are not saved. Discard them?", nullptr, 1),
                 QStringLiteral("1 open form has changes that are not saved. Discard them?"));
        QCoreApplication::removeTranslator(&english);
    }
};

QTEST_MAIN(TestUiTranslations)
#include "tst_ui_translations.moc"
