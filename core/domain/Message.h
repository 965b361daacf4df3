// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

namespace signoff {

// A user-visible sentence from core. It keeps its English source so the REST
// API always answers in English, and translates on demand for the desktop,
// where a German reviewer must read the same message in German.
// Sources are marked with QT_TRANSLATE_NOOP("Core", ...) so lupdate finds them.
class Message
{
public:
    Message() = default;
    explicit Message(const char *source, QStringList arguments = {});

    QString english() const;
    QString translated() const;
    bool isEmpty() const { return m_source == nullptr; }
    const char *source() const { return m_source; }
    const QStringList &arguments() const { return m_arguments; }

private:
    QString fill(QString text) const;

    const char *m_source = nullptr;
    QStringList m_arguments;
};

} // namespace signoff
