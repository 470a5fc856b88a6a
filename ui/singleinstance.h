#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace Console {

/// One console per user: the first start listens on a local socket named for the user; a
/// second start finds it, asks it to show its window and exits.
class SingleInstance final : public QObject
{
    Q_OBJECT
public:
    /// `name` defaults to defaultName(); tests pass their own.
    explicit SingleInstance(QString name = defaultName(), QObject *parent = nullptr);
    ~SingleInstance() override;

    /// "hiveslack-console-<hash of user and home>": the same for every start by one user,
    /// different for other users on the machine.
    static QString defaultName();

    /// Becomes the running instance and returns true, or, when another one answers, asks it
    /// to come forward and returns false. A socket left behind by a crashed instance is
    /// reclaimed.
    bool claim();
    bool isPrimary() const;

Q_SIGNALS:
    /// A second start asked this instance to show its window.
    void showRequested();

private:
    bool notifyRunning();
    void readRequests();

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace Console
