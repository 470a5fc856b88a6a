#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace Bench {

/// Calls send(i, issuedNs) for i = 0 … count-1 at start + i/rate, whatever the answers do (an
/// open-loop load, as real webhooks arrive): a late tick sends everything already due, and the
/// lag behind the schedule is recorded so a run shows whether the client kept it. issuedNs is
/// when send() is called; timing from it rather than from the socket write keeps any wait for
/// a free connection in the figures (no "coordinated omission"), while the timer's own
/// millisecond granularity stays out of them.
class OpenLoop final : public QObject
{
    Q_OBJECT
public:
    using Send = std::function<void(int i, qint64 issuedNs)>;

    OpenLoop(int count, double ratePerSecond, Send send, QObject *parent = nullptr);

    void start();
    bool isFinished() const { return m_next >= m_count; }
    /// The longest delay between a request's scheduled time and its sending, in ms.
    double maxLagMs() const { return double(m_maxLagNs) / 1e6; }

private:
    void tick();
    qint64 dueNs(int i) const;

    int m_count;
    double m_intervalNs;
    Send m_send;
    QTimer m_timer;
    qint64 m_startNs = 0;
    qint64 m_maxLagNs = 0;
    int m_next = 0;
};

} // namespace Bench
