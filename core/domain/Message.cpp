// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Message.h"

#include <QCoreApplication>

namespace signoff {

Message::Message(const char *source, QStringList arguments)
    : m_source(source)
    , m_arguments(std::move(arguments))
{
}

QString Message::english() const
{
    return m_source ? fill(QString::fromUtf8(m_source)) : QString();
}

QString Message::translated() const
{
    return m_source ? fill(QCoreApplication::translate("Core", m_source)) : QString();
}

QString Message::fill(QString text) const
{
    // One pass over %1..%9, so an argument that itself contains "%2" (a name
    // someone typed) stays as typed.
    QString filled;
    filled.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'%' && i + 1 < text.size() && text.at(i + 1) >= u'1' && text.at(i + 1) <= u'9') {
            const qsizetype index = text.at(i + 1).unicode() - u'1';
            if (index < m_arguments.size()) {
                filled += m_arguments.at(index);
                ++i;
                continue;
            }
        }
        filled += c;
    }
    return filled;
}

} // namespace signoff
