#pragma once

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace Bridge {

/// How a route that answers later is handed its responder: by rvalue up to Qt 6.7, by
/// reference from 6.8.
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
using RouteResponder = QHttpServerResponder &;
#else
using RouteResponder = QHttpServerResponder &&;
#endif

/// An HTTP answer given after the route has returned. Qt 6.4's responder keeps a raw socket
/// pointer that dangles once the peer has gone (qt-6.4-notes.md §2.4): the answer is then
/// dropped instead of written. Later versions track their connections themselves. Copies
/// share one responder.
class DeferredAnswer
{
public:
    explicit DeferredAnswer(RouteResponder responder)
        : m_responder(std::make_shared<QHttpServerResponder>(std::move(responder)))
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
        , m_socket(m_responder->socket())
#endif
    {
    }

    /// Writes the answer; false when the peer has gone (nothing was written).
    bool send(int status, const QByteArray &body, const QByteArray &mimeType) const
    {
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
            return false;
#endif
        m_responder->write(body, mimeType, QHttpServerResponder::StatusCode(status));
        return true;
    }

private:
    std::shared_ptr<QHttpServerResponder> m_responder;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    QPointer<QTcpSocket> m_socket;
#endif
};

} // namespace Bridge
