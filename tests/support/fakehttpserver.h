#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace TestSupport {

/// One HTTP request as a fake server received it. Requests that hit a scripted fault are
/// recorded too, so a test can count retries.
struct RecordedRequest
{
    QByteArray method; ///< "GET", "POST", "PATCH", …
    QString path;      ///< decoded path without query, e.g. "/api/v1/case/~4096"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;         ///< raw, byte-exact
    qint64 receivedAtMs = 0; ///< wall clock, ms since epoch

    /// First header with this name (case-insensitive), empty when absent.
    QByteArray header(const QByteArray &name) const;
    /// The body parsed as a JSON object (empty when it is not one).
    QJsonObject json() const;
    /// A field of an application/x-www-form-urlencoded body, with '+' decoded as a space.
    QString formValue(const QString &key) const;
    /// A query-string parameter, with '+' decoded as a space (QUrlQuery leaves '+' alone).
    QString queryValue(const QString &key) const;
};

/// Decodes one key of an x-www-form-urlencoded string ('+' is a space, then percent-decoding).
/// Returns a null QString when the key is absent.
QString formDecode(const QByteArray &encoded, const QString &key);

/// A real HTTP server on 127.0.0.1 that records every request and can be scripted to fail.
/// Subclasses only implement handle(); the base does recording, faults and the socket-safe
/// deferred answers QtHttpServer 6.4 needs (see shared/docs/qt-6.4-notes.md §2.4).
class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    using RecordedRequest = TestSupport::RecordedRequest;

    /// A scripted misbehaviour for the next matching request(s).
    struct Fault
    {
        enum Kind {
            Status,      ///< answer httpStatus with body
            SlackError,  ///< HTTP 200 {"ok":false,"error":slackError}
            RateLimited, ///< HTTP 429, Retry-After: retryAfterSecs,
                         ///< {"ok":false,"error":"ratelimited"}
            Delay,       ///< handle normally at once, but answer only after delayMs
            Drop,        ///< abort the connection without answering (the request is not handled)
            Lost, ///< handle normally, then answer httpStatus instead: a gateway whose upstream
                  ///< did the work but whose answer never came back (e.g. 504)
        };
        Kind kind = Status;
        int httpStatus = 500;
        QByteArray body;
        QString slackError;
        int retryAfterSecs = 1;
        int delayMs = 0;
    };

    /// What handle() fills in. Defaults to 200 with an empty JSON content type.
    struct Reply
    {
        int status = 200;
        QByteArray contentType = "application/json; charset=utf-8";
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        void setJson(const QJsonObject &object, int httpStatus = 200);
        void setJson(const QJsonArray &array, int httpStatus = 200);
        /// A bare JSON scalar such as a number (QJsonDocument cannot hold one).
        void setRawJson(const QByteArray &json, int httpStatus = 200);
        void setEmpty(int httpStatus);
    };

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    /// Listens on 127.0.0.1; port 0 picks a free one. False if the port is taken.
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    /// "http://127.0.0.1:PORT" (no trailing slash).
    QUrl baseUrl() const;

    /// Recorded requests in arrival order; only those with exactly this path when given.
    QList<RecordedRequest> requests(const QString &path = {}) const;
    void clearRequests();

    /// Queues a fault for the next `times` requests on `path` ("" matches any path).
    /// Faults are consumed in the order they were added.
    void addFault(const QString &path, const Fault &fault, int times = 1);
    void failNext(const QString &path, int httpStatus, const QByteArray &body = {}, int times = 1);
    void slackErrorNext(const QString &path, const QString &error, int times = 1);
    void rateLimitNext(const QString &path, int retryAfterSecs, int times = 1);
    /// The request is handled (state changes) at once; only the answer waits `ms`.
    void delayNext(const QString &path, int ms, int times = 1);
    /// Note: QNetworkAccessManager silently resends a request whose connection dies before
    /// any answer, once; drop twice to make a QNAM client see RemoteHostClosedError.
    void dropNext(const QString &path, int times = 1);
    /// The request is handled (state changes), but the answer is `httpStatus` with no body.
    void loseAnswerNext(const QString &path, int httpStatus = 504, int times = 1);
    void clearFaults();
    /// Faults not consumed yet (counting each remaining repetition).
    int pendingFaults() const;

Q_SIGNALS:
    void requestRecorded(const TestSupport::RecordedRequest &request);
    /// Emitted once the answer is written; status 0 means the connection was dropped or the
    /// client left before a delayed answer.
    void requestAnswered(const TestSupport::RecordedRequest &request, int status);

protected:
    /// Produces the normal answer to a request. Called only for requests without a fault
    /// (or with a Delay fault).
    virtual void handle(const RecordedRequest &request, Reply &reply) = 0;

private:
    struct QueuedFault
    {
        QString path;
        Fault fault;
        int remaining = 1;
    };

    void onRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    bool takeFault(const QString &path, Fault *fault);
    static void write(QHttpServerResponder &responder, const Reply &reply);

    QHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    QList<RecordedRequest> m_requests;
    QList<QueuedFault> m_faults;
};

} // namespace TestSupport
