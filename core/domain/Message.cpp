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
    for (const QString &argument : m_arguments)
        text = text.arg(argument);
    return text;
}

} // namespace signoff
