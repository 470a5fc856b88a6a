#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <utility>

namespace Bridge {

/// Whichever comes first of an answer and a deadline: returns a callable that passes its
/// argument to `take` once, the first time it is called; if nothing has called it after
/// `deadlineMs`, `take` gets `fallback`. Later calls do nothing. (For what Slack waits at most
/// 3 s for: options, a form.)
template<typename T>
std::function<void(const T &)> firstAnswer(QObject *context, int deadlineMs, T fallback,
                                           std::function<void(const T &)> take)
{
    auto pending = std::make_shared<std::function<void(const T &)>>(std::move(take));
    const auto once = [pending](const T &answer) {
        if (const auto taken = std::exchange(*pending, {}))
            taken(answer);
    };
    QTimer::singleShot(deadlineMs, context, [once, fallback] { once(fallback); });
    return once;
}

} // namespace Bridge
