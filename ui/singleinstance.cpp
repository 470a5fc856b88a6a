#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace Console {

namespace {
constexpr int ConnectTimeoutMs = 1000;
const QByteArray ShowRequest = QByteArrayLiteral("show\n");
} // namespace

SingleInstance::SingleInstance(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultName()
{
    const QByteArray user = qgetenv("USER") + '|' + QDir::homePath().toUtf8();
    const QByteArray hash = QCryptographicHash::hash(user, QCryptographicHash::Sha256).toHex();
    return QStringLiteral("hiveslack-console-") + QString::fromLatin1(hash.left(16));
}

bool SingleInstance::isPrimary() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::claim()
{
    if (isPrimary())
        return true;
    if (notifyRunning())
        return false;
    // Nobody answered: whatever socket file exists is a crashed instance's leftover.
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::readRequests);
    if (!m_server->listen(m_name))
        qWarning("cannot listen for further console starts on %s: %s", qPrintable(m_name),
                 qPrintable(m_server->errorString()));
    // Without the socket a second console would start; still better than none at all.
    return true;
}

bool SingleInstance::notifyRunning()
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(ConnectTimeoutMs))
        return false;
    socket.write(ShowRequest);
    const bool sent = socket.waitForBytesWritten(ConnectTimeoutMs);
    socket.disconnectFromServer();
    return sent;
}

void SingleInstance::readRequests()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        const auto serve = [this, socket] {
            while (socket->canReadLine()) {
                if (socket->readLine() == ShowRequest)
                    Q_EMIT showRequested();
            }
        };
        connect(socket, &QLocalSocket::readyRead, this, serve);
        serve(); // the request may have arrived before readyRead was connected
    }
}

} // namespace Console
