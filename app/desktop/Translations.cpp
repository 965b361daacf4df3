// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Commands.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace signoff {

namespace {

// Installs one translator; it lives as long as the application.
bool install(const QLocale &locale, const QString &name, const QString &folder)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

// Signoff's own strings (the window's and core's "Core" context, compiled
// from translations/*.ts into :/i18n) and Qt's own (standard buttons, input
// context menus) for `language`, or for the system's locale when empty.
void installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    // English is the source language; its file only adds plural forms, and
    // serves every locale Signoff has no translation for.
    if (!install(locale, QStringLiteral("signoff"), QStringLiteral(":/i18n")))
        install(QLocale(QLocale::English), QStringLiteral("signoff"), QStringLiteral(":/i18n"));
    install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace signoff
