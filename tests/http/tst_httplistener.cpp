// The hardened HTTP listener: body and header limits, deadlines, abrupt clients, backlog.
// Real sockets on loopback against a real QHttpServer.
#include "http/hardenedtcpserver.h"
#include "http/httplistener.h"

#include <QHttpServerRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Bridge;

class TestHttpListener : public QObject
{
    Q_OBJECT

private:
    HttpLimits limits()
    {
        HttpLimits l;
        l.maxBodyBytes = 1 << 20;
        l.requestTimeoutMs = 700;
        l.idleTimeoutMs = 500;
        return l;
    }

    std::unique_ptr<HttpListener> startListener(const HttpLimits &l)
    {
        auto listener = std::make_unique<HttpListener>(l);
        listener->server().route(QStringLiteral("/echo"), QHttpServerRequest::Method::Post,
                                 [](const QHttpServerRequest &request) {
                                     return HttpListener::text(
                                         200, QByteArray::number(request.body().size()));
                                 });
        QString error;
        if (!listener->listen(QHostAddress::LocalHost, 0, &error))
            qFatal("listen failed: %s", qPrintable(error));
        return listener;
    }

    static QByteArray postHead(qint64 length, const QByteArray &extra = {})
    {
        return "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n" + extra +
               "Content-Length: " + QByteArray::number(length) + "\r\n\r\n";
    }

    /// Reads until the peer closes or a whole response with Content-Length arrived.
    static QByteArray readResponse(QTcpSocket &socket, int timeoutMs = 3000)
    {
        QByteArray data;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(50) &&
                socket.state() != QAbstractSocket::ConnectedState)
                break;
            data += socket.readAll();
            const qsizetype headEnd = data.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                const qsizetype at = data.toLower().indexOf("content-length:");
                if (at >= 0) {
                    const qsizetype eol = data.indexOf("\r\n", at);
                    const int length = data.mid(at + 15, eol - at - 15).trimmed().toInt();
                    if (data.size() >= headEnd + 4 + length)
                        break;
                }
            }
        }
        return data;
    }

    static int statusOf(const QByteArray &response)
    {
        return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
    }

    /// Drives the event loop of this thread while a blocking client does its work elsewhere.
    template<typename F>
    static QByteArray inClientThread(F &&client)
    {
        QByteArray result;
        std::unique_ptr<QThread> thread(QThread::create([&] { result = client(); }));
        thread->start();
        while (!thread->isFinished())
            QTest::qWait(5);
        return result;
    }

private Q_SLOTS:
    void acceptsABodyUnderTheLimitSentInPieces()
    {
        auto listener = startListener(limits());
        const quint16 port = listener->port();
        const QByteArray response = inClientThread([port]() -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            socket.waitForConnected(2000);
            const qint64 size = 900 * 1024;
            socket.write(postHead(size));
            for (qint64 sent = 0; sent < size; sent += 64 * 1024) {
                socket.write(QByteArray(qMin<qint64>(64 * 1024, size - sent), 'a'));
                socket.waitForBytesWritten(2000);
                QThread::msleep(5);
            }
            return readResponse(socket);
        });
        QCOMPARE(statusOf(response), 200);
        QVERIFY(response.endsWith(QByteArray::number(900 * 1024)));
    }

    void refusesADeclaredOversizedBodyWith413()
    {
        auto listener = startListener(limits());
        const quint16 port = listener->port();
        const QByteArray response = inClientThread([port]() -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            socket.waitForConnected(2000);
            socket.write(postHead(2 << 20, "Expect: 100-continue\r\n"));
            socket.waitForBytesWritten(2000);
            return readResponse(socket);
        });
        QCOMPARE(statusOf(response), 413);
        QCOMPARE(listener->tcpServer()->rejectedTooLarge(), quint64(1));
    }

    void refusesAnOversizedBodySentWithoutWaiting()
    {
        auto listener = startListener(limits());
        const quint16 port = listener->port();
        const QByteArray response = inClientThread([port]() -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            socket.waitForConnected(2000);
            socket.write(postHead(2 << 20) + QByteArray(2 << 20, 'x'));
            return readResponse(socket);
        });
        QCOMPARE(statusOf(response), 413);
    }

    void refusesAnUndeclaredChunkedBodyOverTheLimit()
    {
        auto listener = startListener(limits());
        const quint16 port = listener->port();
        const QByteArray response = inClientThread([port]() -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            socket.waitForConnected(2000);
            socket.write(
                "POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
            const QByteArray chunk = QByteArray(64 * 1024, 'c');
            for (int i = 0; i < 40 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
                socket.write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
                socket.waitForBytesWritten(1000);
            }
            return readResponse(socket);
        });
        QCOMPARE(statusOf(response), 413);
    }

    void refusesAnOversizedHeaderWith431()
    {
        auto listener = startListener(limits());
        const quint16 port = listener->port();
        const QByteArray response = inClientThread([port]() -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            socket.waitForConnected(2000);
            socket.write("POST /echo HTTP/1.1\r\nX-Padding: " + QByteArray(100 * 1024, 'p'));
            socket.waitForBytesWritten(2000);
            return readResponse(socket);
        });
        QCOMPARE(statusOf(response), 431);
    }

    void closesASlowRequestAtItsDeadline()
    {
        auto listener = startListener(limits());
        const quint16 port = listener->port();
        QElapsedTimer timer;
        timer.start();
        const QByteArray response = inClientThread([port]() -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            socket.waitForConnected(2000);
            socket.write(postHead(100)); // promises a body that never comes
            socket.waitForBytesWritten(1000);
            socket.waitForDisconnected(5000);
            return QByteArray::number(int(socket.state()));
        });
        QCOMPARE(response, QByteArray::number(int(QAbstractSocket::UnconnectedState)));
        QVERIFY2(timer.elapsed() < 3000, "the slow request was not cut at its deadline");
        QCOMPARE(listener->tcpServer()->closedForTimeout(), quint64(1));
    }

    void closesAnIdleKeepAliveConnection()
    {
        auto listener = startListener(limits());
        const quint16 port = listener->port();
        const QByteArray result = inClientThread([port]() -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            socket.waitForConnected(2000);
            socket.write(postHead(2) + "hi");
            const QByteArray first = readResponse(socket);
            QElapsedTimer idle;
            idle.start();
            socket.waitForDisconnected(5000);
            return QByteArray::number(statusOf(first)) + ' ' +
                   QByteArray::number(socket.state() == QAbstractSocket::UnconnectedState) + ' ' +
                   QByteArray::number(idle.elapsed() >= 300);
        });
        QCOMPARE(result, QByteArrayLiteral("200 1 1"));
    }

    void survivesClientsThatVanishMidRequest()
    {
        auto listener = startListener(limits());
        const quint16 port = listener->port();
        inClientThread([port]() -> QByteArray {
            for (int i = 0; i < 50; ++i) {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, port);
                socket.waitForConnected(2000);
                socket.write(postHead(1000) + QByteArray(i * 10, 'z'));
                socket.waitForBytesWritten(1000);
                socket.abort();
            }
            return QByteArray();
        });
        // Still serving after all of that.
        const QByteArray response = inClientThread([port]() -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            socket.waitForConnected(2000);
            socket.write(postHead(5) + "hello");
            return readResponse(socket);
        });
        QCOMPARE(statusOf(response), 200);
        QVERIFY(response.endsWith("5"));
    }

    void listensWithALargeBacklog()
    {
        auto listener = startListener(limits());
        QCOMPARE(listener->tcpServer()->listenBacklogSize(), 1024);
    }

    void saysWhyItCannotListen()
    {
        auto first = startListener(limits());
        HttpListener second(limits());
        QString error;
        QVERIFY(!second.listen(QHostAddress::LocalHost, first->port(), &error));
        QVERIFY2(error.contains(QString::number(first->port())), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestHttpListener)
#include "tst_httplistener.moc"
