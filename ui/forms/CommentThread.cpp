// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommentThread.h"

#include "domain/Validation.h"
#include "support/FieldMessage.h"
#include "support/Format.h"
#include "support/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace signoff {

CommentThread::CommentThread(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_empty(new QLabel(tr("No comments yet. Anyone may ask or remark here, in any status."), this))
    , m_draft(new QPlainTextEdit(this))
    , m_post(new QPushButton(themeIcon("mail-send", QStyle::SP_ArrowForward), tr("&Comment"), this))
    , m_message(new FieldMessage(this))
{
    m_list->setObjectName(QStringLiteral("comments"));
    m_list->setAccessibleName(tr("Comments"));
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setTextElideMode(Qt::ElideNone);
    m_empty->setObjectName(QStringLiteral("noComments"));
    m_empty->setWordWrap(true);
    m_draft->setObjectName(QStringLiteral("commentDraft"));
    m_draft->setAccessibleName(tr("New comment"));
    m_draft->setPlaceholderText(tr("Write a comment…"));
    m_draft->setTabChangesFocus(true);
    m_draft->setMaximumHeight(m_draft->fontMetrics().lineSpacing() * 5);
    m_post->setObjectName(QStringLiteral("postComment"));
    m_post->setAutoDefault(false);
    m_post->setEnabled(false);
    m_message->setObjectName(QStringLiteral("commentMessage"));

    auto *writing = new QHBoxLayout;
    writing->addWidget(m_draft, 1);
    writing->addWidget(m_post, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addLayout(writing);
    layout->addWidget(m_message);
    m_list->hide();

    connect(m_draft, &QPlainTextEdit::textChanged, this, &CommentThread::checkDraft);
    connect(m_post, &QPushButton::clicked, this, &CommentThread::post);
}

void CommentThread::setComments(const QList<Comment> &comments)
{
    m_list->clear();
    for (const Comment &comment : comments) {
        auto *item = new QListWidgetItem(tr("%1 · %2\n%3").arg(comment.author, Format::dateTime(comment.at), comment.body), m_list);
        item->setToolTip(Format::dateTime(comment.at));
        item->setData(Qt::UserRole, comment.id);
    }
    m_list->setVisible(!comments.isEmpty());
    m_empty->setVisible(comments.isEmpty());
    // The newest is the one people look for.
    if (!comments.isEmpty())
        m_list->scrollToItem(m_list->item(m_list->count() - 1), QAbstractItemView::PositionAtBottom);
}

int CommentThread::commentCount() const
{
    return m_list->count();
}

QString CommentThread::draft() const
{
    return m_draft->toPlainText();
}

void CommentThread::clearDraft()
{
    m_draft->clear();
    m_message->clearProblem();
}

void CommentThread::setBusy(bool busy)
{
    m_busy = busy;
    m_draft->setReadOnly(busy);
    checkDraft();
}

void CommentThread::showProblem(const QString &text)
{
    m_message->showProblem(text);
}

void CommentThread::checkDraft()
{
    const QString text = draft();
    const std::optional<Message> problem = validate::commentBody(text);
    // An empty box is no mistake yet: only the button says so.
    if (problem && !normalizedComment(text).isEmpty())
        m_message->showProblem(problem->translated());
    else
        m_message->clearProblem();
    m_post->setEnabled(!m_busy && !problem);
}

void CommentThread::post()
{
    if (m_busy || validate::commentBody(draft()))
        return;
    emit postRequested(draft());
}

} // namespace signoff
