#pragma once

// The SQLite write lock on a journal, held from a connection of its own as another process
// would (a backup tool, a second bridge): the bridge's writes fail after its busy timeout.

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace TestSupport {

class JournalLock
{
public:
    explicit JournalLock(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_locked = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~JournalLock() { release(); }
    Q_DISABLE_COPY_MOVE(JournalLock)

    bool locked() const { return m_locked; }
    void release()
    {
        if (!QSqlDatabase::contains(m_name))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }

private:
    const QString m_name = QStringLiteral("journal-test-lock");
    bool m_locked = false;
};

} // namespace TestSupport
