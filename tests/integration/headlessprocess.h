#pragma once

// The real `hiveslack --headless` as an operator runs it: its own process, configured only by
// environment variables, against the fakes of this test process.

#include <QNetworkAccessManager>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace TestSupport {

class HeadlessProcess
{
public:
    /// `env` holds the HIVESLACK_* variables; the port and the data directory are added.
    HeadlessProcess(QProcessEnvironment env, const QString &dataDir);
    ~HeadlessProcess();

    /// Before start(): its stderr goes to this file instead of the test's.
    void setStandardErrorFile(const QString &path) { m_stderrFile = path; }
    /// Starts it and waits (at most two seconds, the headless contract) until /healthz answers.
    bool start();
    /// SIGKILL, as a crash would.
    void kill();
    /// SIGTERM, keeping the event loop running so the fakes answer what it finishes.
    bool terminate();
    QProcess &process() { return *m_process; }

    /// GET on the bridge's listener: the status and body (status 0 when it did not answer).
    QPair<int, QByteArray> get(const QString &path);
    /// POST of `body` with `headers` on the bridge's listener.
    QPair<int, QByteArray> post(const QString &path, const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers);

private:
    QProcessEnvironment m_env;
    quint16 m_port = 0;
    QString m_stderrFile;
    std::unique_ptr<QProcess> m_process;
    QNetworkAccessManager m_client;
};

} // namespace TestSupport
