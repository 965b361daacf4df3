// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Call.h"
#include "PagedTableModel.h"

#include <functional>

namespace signoff {

// A PagedTableModel over one backend list read with one cursor (products,
// users, the audit log). It keeps the cursor and takes each page's answer;
// a subclass builds the query with nextPage() and hands the call to
// fetchPage() in its fetchFromSource().
template<typename Row>
class CursorTableModel : public PagedTableModel<Row>
{
public:
    using typename PagedTableModel<Row>::Done;
    using PagedTableModel<Row>::PagedTableModel;

protected:
    void restartSource() override
    {
        m_next.clear();
        m_started = false;
    }
    bool sourceExhausted() const override { return m_started && m_next.isEmpty(); }

    // The page after the ones fetched so far, of at most `limit` rows.
    PageRequest nextPage(int limit) const { return PageRequest{limit, m_next}; }

    // Hands the rows of the page `call` answers to `done` (after `seen`, if
    // given, looked at them) and moves the cursor past them.
    void fetchPage(Call<Page<Row>> call, QObject *epoch, Done done,
                   std::function<void(const QList<Row> &)> seen = {})
    {
        call.then(epoch, [this, done = std::move(done), seen = std::move(seen)](Result<Page<Row>> page) {
            if (!page) {
                done(page.error());
                return;
            }
            m_started = true;
            m_next = page->next;
            if (seen)
                seen(page->items);
            done(std::move(page->items));
        });
    }

private:
    QString m_next;
    bool m_started = false;
};

} // namespace signoff
