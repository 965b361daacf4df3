// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Comment.h"

#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace signoff {

class FieldMessage;

// An item's discussion on its form (docs/design.md, "Approval policies"): the
// comments, oldest at the top and the newest in view, and a box to write one.
// It checks what is typed with core's rule (validate::commentBody) and asks for
// the post with postRequested(); whoever owns it talks to the services and
// gives back the thread (setComments) or a refusal (showProblem).
class CommentThread : public QWidget
{
    Q_OBJECT
public:
    explicit CommentThread(QWidget *parent = nullptr);

    void setComments(const QList<Comment> &comments);
    int commentCount() const;
    // The text being written (as typed).
    QString draft() const;
    void clearDraft();
    // While a post is under way: no second one.
    void setBusy(bool busy);
    void showProblem(const QString &text);

signals:
    void postRequested(const QString &body);

private:
    void checkDraft();
    void post();

    QListWidget *m_list;
    QLabel *m_empty;
    QPlainTextEdit *m_draft;
    QPushButton *m_post;
    FieldMessage *m_message;
    bool m_busy = false;
};

} // namespace signoff
