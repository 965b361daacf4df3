// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EntityForm.h"

#include "Backend.h"
#include "Session.h"
#include "support/ChangeListener.h"
#include "support/FieldMessage.h"
#include "support/Icons.h"
#include "support/MessageBanner.h"

#include <QHBoxLayout>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QVBoxLayout>

namespace signoff {

EntityForm::EntityForm(Session &session, EntityType type, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_banner(new MessageBanner(this))
    , m_content(new QVBoxLayout)
    , m_buttons(new QHBoxLayout)
    , m_save(new QPushButton(themeIcon("document-save", QStyle::SP_DialogSaveButton), tr("&Save"), this))
    , m_delete(new QPushButton(themeIcon("edit-delete", QStyle::SP_TrashIcon), tr("&Delete"), this))
    , m_close(new QPushButton(themeIcon("window-close", QStyle::SP_DialogCloseButton), tr("Close"), this))
    , m_watcher(new ChangeListener(session.backend(), {type}, this))
    , m_progress(new QProgressBar(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    setSizeGripEnabled(true);

    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    m_save->setToolTip(tr("Save the changes (Ctrl+S)"));
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_delete->setAutoDefault(false);
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_close->setAutoDefault(false);

    // Indeterminate: it moves while a call is under way, so a slow database
    // or server looks busy, not frozen.
    m_progress->setObjectName(QStringLiteral("busyBar"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(120);
    m_progress->setAccessibleName(tr("Working"));
    m_progress->hide();
    m_buttons->addWidget(m_progress);
    m_buttons->addStretch(1);
    m_buttons->addWidget(m_delete);
    m_buttons->addWidget(m_save);
    m_buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(m_content, 1);
    layout->addLayout(m_buttons);

    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_delete, &QPushButton::clicked, this, &EntityForm::confirmAndDelete);
    connect(m_close, &QPushButton::clicked, this, &EntityForm::reject);
    connect(m_banner, &MessageBanner::actionTriggered, this, &EntityForm::reload);
    connect(m_watcher, &ChangeListener::changed, this, &EntityForm::onChangedElsewhere);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (m_save->isVisible() && m_save->isEnabled())
            save();
    });
}

void EntityForm::finishSetup()
{
    if (isNew()) {
        updateState();
        afterStateChange();
    } else {
        reload();
    }
}

void EntityForm::registerField(const QString &field, FieldMessage *message)
{
    m_fieldMessages.insert(field, message);
}

FieldMessage *EntityForm::messageFor(const QString &field) const
{
    if (auto *message = m_fieldMessages.value(field))
        return message;
    // "lines[2].quantity" → "lines": the editor shows it for the whole table.
    const qsizetype cut = field.indexOf(QRegularExpression(QStringLiteral("[\\[.]")));
    return cut > 0 ? m_fieldMessages.value(field.left(cut)) : nullptr;
}

void EntityForm::clearFieldMessages()
{
    for (FieldMessage *message : std::as_const(m_fieldMessages))
        message->clearProblem();
}

void EntityForm::showError(const Error &error)
{
    if (error.kind == ErrorKind::PreconditionFailed) {
        m_banner->showMessage(MessageBanner::Kind::Warning, error.message.translated(), tr("Reload"));
        return;
    }
    if (error.kind == ErrorKind::NotFound && !isNew()) {
        markDeleted();
        return;
    }
    QStringList unplaced;
    for (const FieldError &field : error.fields) {
        if (FieldMessage *message = messageFor(field.field))
            message->showProblem(field.message.translated());
        else
            unplaced.append(field.message.translated());
    }
    if (error.fields.isEmpty()) {
        FieldMessage *message = error.kind == ErrorKind::Conflict && error.reason == QStringLiteral("duplicate")
                                    ? messageFor(duplicateField())
                                    : nullptr;
        if (message)
            message->showProblem(error.message.translated());
        else
            unplaced.append(error.message.translated());
    }
    if (!unplaced.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Error, unplaced.join(u'\n'));
    else if (m_banner->kind() == MessageBanner::Kind::Error)
        m_banner->clear();
}

void EntityForm::markEdited()
{
    setDirty(true);
    updateState();
}

void EntityForm::setDirty(bool dirty)
{
    m_dirty = dirty;
    setWindowModified(dirty);
}

void EntityForm::updateState()
{
    const bool working = m_activity == Activity::Working;
    const bool editable = !m_deleted && (isNew() || mayEdit());
    setEditorsEnabled(editable && !working);
    m_save->setVisible(editable);
    m_save->setEnabled(editable && !working && (isNew() || m_dirty) && editsValid());
    m_delete->setVisible(!isNew() && !m_deleted && mayDelete());
    m_delete->setEnabled(!working);
    setWindowTitle(windowTitleText() + QStringLiteral("[*]"));
    setWindowModified(m_dirty);
}

void EntityForm::beginBusy(QPushButton *button, const QString &text)
{
    m_activity = Activity::Working;
    m_busyButton = button;
    if (button) {
        m_busyButtonText = button->text();
        button->setText(text);
    }
    m_progress->show();
    updateState();
    if (button)
        button->setEnabled(false);
    emit busyChanged(true);
}

void EntityForm::endBusy()
{
    m_activity = Activity::Idle;
    if (m_busyButton) {
        m_busyButton->setText(m_busyButtonText);
        m_busyButton->setEnabled(true);
        m_busyButton = nullptr;
    }
    m_progress->hide();
    updateState();
    emit busyChanged(false);
    if (m_changedWhileBusy) {
        m_changedWhileBusy = false;
        onChangedElsewhere();
    }
}

bool EntityForm::whenIdle(const std::function<void()> &action)
{
    switch (m_activity) {
    case Activity::Idle: action(); return true;
    case Activity::Checking: m_afterCheck.append(action); return true;
    case Activity::Working: return false;
    }
    return false;
}

void EntityForm::save(std::function<void(bool)> after)
{
    const bool started = whenIdle([this, after] {
        if (m_deleted || !(isNew() || mayEdit()) || !editsValid()) {
            if (after)
                after(false);
            return;
        }
        const QString keyBefore = key();
        beginBusy(m_save, tr("Saving…"));
        saveEdits().then(this, [this, keyBefore, after](Result<void> saved) {
            endBusy();
            if (!saved) {
                showError(saved.error());
                if (after)
                    after(false);
                return;
            }
            showLoaded();
            if (keyBefore.isEmpty()) {
                emit keyAssigned(key());
                emit statusMessage(tr("Created."));
            } else {
                emit statusMessage(tr("Saved."));
            }
            if (after)
                after(true);
        });
    });
    if (!started && after)
        after(false);
}

// What the subclass holds as the latest version goes into the editors, edits and messages gone.
void EntityForm::showLoaded()
{
    clearFieldMessages();
    m_banner->clear();
    setDirty(false);
    showLatest();
    m_watcher->setId(watchedId());
    updateState();
    afterStateChange();
}

void EntityForm::reload()
{
    if (isNew())
        return;
    whenIdle([this] {
        beginBusy(nullptr, QString());
        fetchLatest().then(this, [this](Result<int> latest) {
            endBusy();
            if (!latest) {
                if (latest.error().kind == ErrorKind::NotFound)
                    markDeleted();
                else
                    m_banner->showMessage(MessageBanner::Kind::Error, latest.error().translatedSummary(), tr("Reload"));
                return;
            }
            showLoaded();
        });
    });
}

// A quiet look: the editors stay as they are while it runs; what the person
// asks for meanwhile (save, a transition) runs after it.
void EntityForm::onChangedElsewhere()
{
    if (isNew() || m_deleted)
        return;
    if (m_activity != Activity::Idle) {
        m_changedWhileBusy = true;
        return;
    }
    m_activity = Activity::Checking;
    fetchLatest().then(this, [this](Result<int> latest) {
        m_activity = Activity::Idle;
        if (!latest) {
            if (latest.error().kind == ErrorKind::NotFound)
                markDeleted();
        } else if (latest.value() != loadedVersion()) {
            if (!m_dirty) {
                showLatest();
                updateState();
                afterStateChange();
                m_banner->showMessage(MessageBanner::Kind::Information,
                                      tr("Someone else changed this item; the form now shows the current version."));
            } else {
                m_banner->showMessage(MessageBanner::Kind::Warning,
                                      tr("Someone else changed this item while you were editing it. Reload to see "
                                         "their changes (yours will be discarded), or copy your edits first."),
                                      tr("Reload"));
            }
        }
        const QList<std::function<void()>> waiting = std::exchange(m_afterCheck, {});
        for (const auto &action : waiting)
            action();
        if (m_changedWhileBusy && m_activity == Activity::Idle) {
            m_changedWhileBusy = false;
            onChangedElsewhere();
        }
    });
}

void EntityForm::markDeleted()
{
    m_deleted = true;
    setDirty(false);
    m_banner->showMessage(MessageBanner::Kind::Error, tr("This item was deleted; it can no longer be changed."));
    updateState();
    afterStateChange();
}

void EntityForm::confirmAndDelete()
{
    if (m_activity == Activity::Working)
        return;
    QMessageBox box(QMessageBox::Question, tr("Delete"),
                    tr("Delete %1? This cannot be undone.").arg(windowTitleText()),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmDeleteBox"));
    QPushButton *confirm = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != confirm)
        return;
    whenIdle([this] {
        beginBusy(m_delete, tr("Deleting…"));
        removeItem().then(this, [this](Result<void> removed) {
            endBusy();
            if (!removed) {
                showError(removed.error());
                return;
            }
            emit statusMessage(tr("Deleted %1.").arg(windowTitleText()));
            setDirty(false);
            m_deleted = true;
            QDialog::done(QDialog::Accepted);
        });
    });
}

void EntityForm::done(int result)
{
    if (m_dirty && !m_deleted) {
        QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                        tr("%1 has changes that are not saved. Discard them?").arg(windowTitleText()),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("discardChangesBox"));
        box.setDefaultButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Discard)
            return;
        setDirty(false);
    }
    QDialog::done(result);
}

} // namespace signoff
