#include "headlessprocess.h"

#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace TestSupport {

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QPair<int, QByteArray> finish(QNetworkReply *reply)
{
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
        reply->abort(); // answered as status 0
    const QPair<int, QByteArray> answer{
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return answer;
}

} // namespace

HeadlessProcess::HeadlessProcess(QProcessEnvironment env, const QString &dataDir)
    : m_env(std::move(env))
    , m_port(freePort())
{
    m_env.insert(u"HIVESLACK_LISTEN"_s, u"127.0.0.1:%1"_s.arg(m_port));
    m_env.insert(u"HIVESLACK_DATA_DIR"_s, dataDir);
}

HeadlessProcess::~HeadlessProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        kill();
}

bool HeadlessProcess::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(m_env);
    // Its output goes where the test's goes, unless stderr is asked to go to a file.
    m_process->setProcessChannelMode(m_stderrFile.isEmpty() ? QProcess::ForwardedChannels
                                                            : QProcess::ForwardedOutputChannel);
    if (!m_stderrFile.isEmpty())
        m_process->setStandardErrorFile(m_stderrFile);
    m_process->start(QStringLiteral(HIVESLACK_BINARY), {u"--headless"_s});
    if (!m_process->waitForStarted(5000))
        return false;
    return QTest::qWaitFor([&] { return get(u"/healthz"_s).first == 200; }, 2000);
}

void HeadlessProcess::kill()
{
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(5000);
}

bool HeadlessProcess::terminate()
{
    m_process->terminate();
    return QTest::qWaitFor([&] { return m_process->state() == QProcess::NotRunning; }, 10000) &&
           m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

QPair<int, QByteArray> HeadlessProcess::get(const QString &path)
{
    return finish(
        m_client.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)))));
}

QPair<int, QByteArray> HeadlessProcess::post(const QString &path, const QByteArray &body,
                                             const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return finish(m_client.post(request, body));
}

} // namespace TestSupport
