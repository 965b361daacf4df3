// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Call.h"
#include "domain/EntityType.h"
#include "domain/Error.h"
#include "domain/Result.h"

#include <QDialog>
#include <QHash>

class QBoxLayout;
class QProgressBar;
class QPushButton;

namespace signoff {

class ChangeListener;
class FieldMessage;
class MessageBanner;
class Session;

// What every form of an item shares: a banner for what concerns the whole
// item, core's messages next to the fields, the unsaved-edits flag, and the
// rule that a change made elsewhere never silently overwrites what the
// person typed. Subclasses load, show and save their own entity.
//
// Loading, saving, transitions and deleting are backend calls: the form
// stays responsive, the button that started one says what is under way (a
// busy bar runs beside the buttons), and one runs at a time.
class EntityForm : public QDialog
{
    Q_OBJECT
public:
    EntityForm(Session &session, EntityType type, QWidget *parent = nullptr);

    // "feature:<id>" for a stored item; empty for one not saved yet.
    virtual QString key() const = 0;
    bool isDirty() const { return m_dirty; }
    bool isDeleted() const { return m_deleted; }
    MessageBanner *banner() const { return m_banner; }

    // Loads the latest version into the form (the banner's Reload).
    void reload();
    // Saves the edits. `after(true)` once saved; `after(false)` when there
    // was nothing to save or the backend refused (the form says why).
    void save(std::function<void(bool)> after = {});
    // Whether a load, save, transition or deletion is under way, or asked
    // for and waiting for a quiet look at the item to end.
    bool isBusy() const { return m_activity == Activity::Working || !m_afterCheck.isEmpty(); }

signals:
    // The item was created, saved, moved through the workflow or deleted
    // from this form: for the window's status bar.
    void statusMessage(const QString &text);
    // A new item got its key on its first save.
    void keyAssigned(const QString &key);
    // A load, save, transition or deletion started or ended.
    void busyChanged(bool busy);

protected:
    Session &session() const { return m_session; }
    QBoxLayout *contentLayout() const { return m_content; }
    QBoxLayout *buttonLayout() const { return m_buttons; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *closeButton() const { return m_close; }

    // Where core's message for an API field goes ("name", "lines[2].quantity"
    // goes to "lines" when only that is registered).
    void registerField(const QString &field, FieldMessage *message);
    void clearFieldMessages();
    // A refusal from the service: next to its field, or in the banner.
    void showError(const Error &error);
    // Called by subclasses whenever the person edits something.
    void markEdited();
    void setDirty(bool dirty);
    // Re-evaluates which buttons show and whether Save is possible.
    void updateState();
    // Marks a backend call under way: `button` says `text` (disabled), the
    // busy bar runs, editors are read-only until endBusy().
    void beginBusy(QPushButton *button, const QString &text);
    void endBusy();
    // Runs `action` now, or after the quiet look at the stored version
    // (a change announced elsewhere) that is under way; false when the form
    // is busy with a call of its own.
    bool whenIdle(const std::function<void()> &action);
    // To be called at the end of the subclass's constructor.
    void finishSetup();

    virtual bool isNew() const = 0;
    virtual int loadedVersion() const = 0;
    // Reads the current stored version into the subclass (not yet shown);
    // answers its version.
    virtual Call<int> fetchLatest() = 0;
    // Puts what fetchLatest() or the last save returned into the editors.
    virtual void showLatest() = 0;
    // Creates or updates from the editors, passing the loaded version; on
    // success the saved item is what showLatest() shows next.
    virtual Call<void> saveEdits() = 0;
    virtual bool editsValid() const = 0;
    // Whether the signed-in user may change the item now (core's rules).
    virtual bool mayEdit() const = 0;
    virtual void setEditorsEnabled(bool enabled) = 0;
    virtual bool mayDelete() const { return false; }
    virtual Call<void> removeItem() { return Call<void>::finished(Error::forbidden(Message())); }
    // The API field a duplicate (Conflict "duplicate") belongs to.
    virtual QString duplicateField() const { return QString(); }
    virtual QString windowTitleText() const = 0;
    // After the state changed (loaded, saved, transition): subclasses
    // refresh their extra parts (details, history, workflow buttons).
    virtual void afterStateChange() {}

    // The id core's change announcements use for this item (a UUID).
    virtual QString watchedId() const = 0;

    // Closing with unsaved edits asks first.
    void done(int result) override;

private:
    void onChangedElsewhere();
    void confirmAndDelete();
    void markDeleted();
    void showLoaded();
    FieldMessage *messageFor(const QString &field) const;

    enum class Activity { Idle, Checking, Working };

    bool m_deleted = false;
    Activity m_activity = Activity::Idle;
    // A change announced while busy: looked at when the call is done.
    bool m_changedWhileBusy = false;
    QList<std::function<void()>> m_afterCheck;
    QPushButton *m_busyButton = nullptr;
    QString m_busyButtonText;

    Session &m_session;
    MessageBanner *m_banner;
    QBoxLayout *m_content;
    QBoxLayout *m_buttons;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_close;
    ChangeListener *m_watcher;
    QProgressBar *m_progress;
    QHash<QString, FieldMessage *> m_fieldMessages;
    bool m_dirty = false;
};

} // namespace signoff
