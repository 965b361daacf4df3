// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "UiFixture.h"

#include "forms/EntityForm.h"
#include "models/TableModel.h"
#include "storage/OpenDatabase.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDeadlineTimer>
#include <QSettings>
#include <QTimer>
#include <QtTest/QTest>

namespace signoff::test {

UiFixture::UiFixture()
{
    if (!m_testDatabase.isValid()) {
        m_error = m_testDatabase.errorString();
        return;
    }
    auto database = openDatabase(m_testDatabase.url());
    if (!database) {
        m_error = describe(database.error());
        return;
    }
    m_database = std::move(database.value());
    ServiceOptions options;
    options.passwordCost = PasswordHasher::Cost::Minimum;
    m_services = std::make_unique<Services>(*m_database, m_notifier, options);
}

UiFixture::~UiFixture()
{
    // The backends' workers first: they use the services.
    m_backends.clear();
    m_anonymous.reset();
}

LocalBackend &UiFixture::backend()
{
    if (!m_anonymous)
        m_anonymous = std::make_unique<LocalBackend>(*m_services);
    return *m_anonymous;
}

LocalBackend &UiFixture::backendFor(const User &user)
{
    std::unique_ptr<LocalBackend> &backend = m_backends[user.username];
    if (!backend) {
        backend = std::make_unique<LocalBackend>(*m_services);
        backend->actAs(user);
    }
    return *backend;
}

QString UiFixture::databaseLabel() const
{
    return m_testDatabase.url().redacted();
}

User UiFixture::addUser(const QString &username, Role role)
{
    auto user = m_services->users().create(Actor::system(), NewUser{username, username, role, passwordOf(username)});
    if (!user) {
        qWarning("cannot add user %s: %s", qPrintable(username), qPrintable(describe(user.error())));
        return {};
    }
    return user.value();
}

Feature UiFixture::addFeature(const User &owner, const QString &name, ItemStatus status, const User *reviewer)
{
    auto feature = m_services->features().create(owner.actor(), NewFeature{name, {}});
    if (!feature) {
        qWarning("cannot add feature %s: %s", qPrintable(name), qPrintable(describe(feature.error())));
        return {};
    }
    Feature current = feature.value();
    const auto move = [&](const Actor &actor, WorkflowAction action, const QString &comment = {}) {
        auto moved = m_services->features().transition(actor, current.id, action, current.version, comment);
        if (moved)
            current = moved.value();
        else
            qWarning("cannot move %s: %s", qPrintable(name), qPrintable(describe(moved.error())));
    };
    if (status == ItemStatus::Draft)
        return current;
    move(owner.actor(), WorkflowAction::Submit);
    if (status == ItemStatus::Approved && reviewer)
        move(reviewer->actor(), WorkflowAction::Approve);
    if (status == ItemStatus::Rejected && reviewer)
        move(reviewer->actor(), WorkflowAction::Reject, QStringLiteral("Not like this."));
    return current;
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(2);
    }
    return true;
}

bool settled(const TableModel &model)
{
    return waitFor([&model] { return !model.isLoading(); });
}

bool settled(const EntityForm *form)
{
    return form && waitFor([form] { return !form->isBusy(); });
}

void clearSettings()
{
    QSettings(QStringLiteral("signoff"), QStringLiteral("signoff")).clear();
}

void whenModal(std::function<void(QWidget *)> answer)
{
    auto *timer = new QTimer(QCoreApplication::instance());
    timer->setInterval(20);
    const QDeadlineTimer deadline(5000);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer = std::move(answer), deadline] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            answer(modal);
        } else if (deadline.hasExpired()) {
            qWarning("whenModal: no modal dialog appeared");
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

void clickInNextModal(const QString &buttonName)
{
    whenModal([buttonName](QWidget *modal) {
        auto *button = modal->findChild<QAbstractButton *>(buttonName);
        if (!button) {
            qWarning("clickInNextModal: %s has no button %s", qPrintable(modal->objectName()), qPrintable(buttonName));
            return;
        }
        QTest::mouseClick(button, Qt::LeftButton);
    });
}

} // namespace signoff::test
