// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace signoff {

// The desktop's asynchronous calls (docs/design.md, "The backend interface").
//
// A backend call returns at once with a Call<T>; its Result<T> arrives later.
// The one way to receive it is
//
//     backend.getFeature(id).then(this, [this](Result<Feature> feature) { ... });
//
// The handler runs in the GUI thread, from the event loop, never inside the
// call that started it, and never when `this` (the context object) has been
// destroyed meanwhile: a form closed during a slow save simply never hears of
// it. cancel() drops the handler and tells the producer (the REST client
// aborts its request). map() derives a call from another (errors pass
// through unchanged).
//
// Producers (a backend) make a Promise<T>, hand out promise.call() and call
// finish() once, from any thread. A promise that is dropped unfinished
// finishes its call with Unavailable, so nothing waits forever.

template<typename T>
class Call;
template<typename T>
class Promise;

namespace detail {

template<typename R>
struct ResultValue
{
    using type = R;
};
template<typename T>
struct ResultValue<Result<T>>
{
    using type = T;
};

// What map()'s function returns for a Call<T>.
template<typename T, typename Function>
struct Mapped
{
    using type = std::invoke_result_t<Function, T &&>;
};
template<typename Function>
struct Mapped<void, Function>
{
    using type = std::invoke_result_t<Function>;
};

Error abandonedCallError();

template<typename T>
class CallState : public std::enable_shared_from_this<CallState<T>>
{
public:
    void finish(Result<T> result)
    {
        {
            const QMutexLocker lock(&m_mutex);
            if (m_result || m_cancelled)
                return;
            m_result.emplace(std::move(result));
            if (!m_handler)
                return;
        }
        deliverLater();
    }

    void setHandler(QObject *context, std::function<void(Result<T>)> handler)
    {
        Q_ASSERT_X(context, "Call::then", "a call's handler needs a context object");
        Q_ASSERT_X(!QCoreApplication::instance() || context->thread() == QCoreApplication::instance()->thread(),
                   "Call::then", "calls answer in the GUI thread");
        {
            const QMutexLocker lock(&m_mutex);
            Q_ASSERT_X(!m_handler && !m_delivered, "Call::then", "a call has one handler");
            m_context = context;
            m_handler = std::move(handler);
            if (!m_result)
                return;
        }
        deliverLater();
    }

    void cancel()
    {
        std::function<void()> onCancel;
        {
            const QMutexLocker lock(&m_mutex);
            if (m_cancelled || m_delivered)
                return;
            m_cancelled = true;
            onCancel = std::move(m_onCancel);
            m_handler = nullptr;
        }
        if (onCancel)
            onCancel();
    }

    void setOnCancel(std::function<void()> onCancel)
    {
        {
            const QMutexLocker lock(&m_mutex);
            if (!m_cancelled) {
                m_onCancel = std::move(onCancel);
                return;
            }
        }
        onCancel();
    }

    bool isCancelled() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_cancelled;
    }

    bool isFinished() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_delivered || m_result.has_value();
    }

private:
    void deliverLater()
    {
        QCoreApplication *application = QCoreApplication::instance();
        if (!application)
            return;
        QMetaObject::invokeMethod(
            application, [self = this->shared_from_this()] { self->deliver(); }, Qt::QueuedConnection);
    }

    void deliver()
    {
        std::function<void(Result<T>)> handler;
        std::optional<Result<T>> result;
        QPointer<QObject> context;
        {
            const QMutexLocker lock(&m_mutex);
            if (m_cancelled || m_delivered || !m_result || !m_handler)
                return;
            m_delivered = true;
            handler = std::move(m_handler);
            m_handler = nullptr;
            result.swap(m_result);
            context = m_context;
            m_onCancel = nullptr;
        }
        if (context)
            handler(std::move(*result));
    }

    mutable QMutex m_mutex;
    std::optional<Result<T>> m_result;
    std::function<void(Result<T>)> m_handler;
    std::function<void()> m_onCancel;
    QPointer<QObject> m_context;
    bool m_cancelled = false;
    bool m_delivered = false;
};

// Finishes the call with an error when the last copy of its promise goes
// away unfinished.
template<typename T>
class PromiseSentinel
{
public:
    explicit PromiseSentinel(std::shared_ptr<CallState<T>> state) : m_state(std::move(state)) {}
    ~PromiseSentinel() { m_state->finish(abandonedCallError()); }
    PromiseSentinel(const PromiseSentinel &) = delete;
    PromiseSentinel &operator=(const PromiseSentinel &) = delete;

private:
    std::shared_ptr<CallState<T>> m_state;
};

} // namespace detail

template<typename T>
class [[nodiscard]] Call
{
public:
    using Value = T;

    // A call whose result is already known (delivered from the event loop all the same).
    static Call finished(Result<T> result)
    {
        Promise<T> promise;
        promise.finish(std::move(result));
        return promise.call();
    }

    // Runs `handler(Result<T>)` in the GUI thread once the result is there,
    // unless `context` was destroyed or the call cancelled first. Once per call.
    template<typename Handler>
    void then(QObject *context, Handler &&handler) const
    {
        m_state->setHandler(context, std::function<void(Result<T>)>(std::forward<Handler>(handler)));
    }

    // A call of what `function` makes of the value: `function(T)` (or
    // `function()` for Call<void>) returns U, Result<U> or nothing. An error
    // passes through without calling it. Cancelling the new call cancels this one.
    template<typename Function>
    auto map(QObject *context, Function function) const
    {
        using Produced = typename detail::Mapped<T, Function>::type;
        using U = typename detail::ResultValue<Produced>::type;
        Promise<U> promise;
        promise.onCancel([weak = std::weak_ptr<detail::CallState<T>>(m_state)] {
            if (auto state = weak.lock())
                state->cancel();
        });
        then(context, [promise, function = std::move(function)](Result<T> result) mutable {
            if (!result) {
                promise.finish(result.error());
                return;
            }
            if constexpr (std::is_void_v<T>) {
                if constexpr (std::is_void_v<Produced>) {
                    function();
                    promise.finish(Result<void>());
                } else {
                    promise.finish(function());
                }
            } else {
                if constexpr (std::is_void_v<Produced>) {
                    function(std::move(result).value());
                    promise.finish(Result<void>());
                } else {
                    promise.finish(function(std::move(result).value()));
                }
            }
        });
        return promise.call();
    }

    // Drops the handler (it will not run) and asks the producer to stop.
    void cancel() const { m_state->cancel(); }
    bool isFinished() const { return m_state->isFinished(); }

private:
    friend class Promise<T>;
    explicit Call(std::shared_ptr<detail::CallState<T>> state) : m_state(std::move(state)) {}

    std::shared_ptr<detail::CallState<T>> m_state;
};

// The producer's side of a Call<T>. Copies share the call; finish() is
// thread-safe and counts once.
template<typename T>
class Promise
{
public:
    Promise()
        : m_state(std::make_shared<detail::CallState<T>>())
        , m_sentinel(std::make_shared<detail::PromiseSentinel<T>>(m_state))
    {
    }

    Call<T> call() const { return Call<T>(m_state); }
    void finish(Result<T> result) const { m_state->finish(std::move(result)); }
    // Whether the caller cancelled (a worker skips what nobody waits for).
    bool isCancelled() const { return m_state->isCancelled(); }
    // Runs `onCancel` when the caller cancels (at once if it did already).
    void onCancel(std::function<void()> onCancel) const { m_state->setOnCancel(std::move(onCancel)); }

private:
    std::shared_ptr<detail::CallState<T>> m_state;
    std::shared_ptr<detail::PromiseSentinel<T>> m_sentinel;
};

} // namespace signoff
