#include "singleinstance.h"

#include <QLocalServer>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondStartBringsTheFirstForward();
    void aCrashedInstanceIsReplaced();
    void defaultNameIsStablePerUser();

private:
    static QString uniqueName();
};

QString TestSingleInstance::uniqueName()
{
    return u"hiveslack-test-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

void TestSingleInstance::secondStartBringsTheFirstForward()
{
    const QString name = uniqueName();
    Console::SingleInstance first(name);
    QVERIFY(first.claim());
    QVERIFY(first.isPrimary());
    QSignalSpy shown(&first, &Console::SingleInstance::showRequested);

    Console::SingleInstance second(name);
    QVERIFY(!second.claim());
    QVERIFY(!second.isPrimary());
    QTRY_COMPARE(shown.size(), 1);

    Console::SingleInstance third(name);
    QVERIFY(!third.claim());
    QTRY_COMPARE(shown.size(), 2);
}

void TestSingleInstance::aCrashedInstanceIsReplaced()
{
    const QString name = uniqueName();
    {
        // A server that stops listening without cleaning up plays the crashed console.
        QLocalServer crashed;
        crashed.setSocketOptions(QLocalServer::UserAccessOption);
        QVERIFY(crashed.listen(name));
        crashed.close();
    }
    Console::SingleInstance next(name);
    QVERIFY(next.claim());
    QVERIFY(next.isPrimary());
    QSignalSpy shown(&next, &Console::SingleInstance::showRequested);
    Console::SingleInstance later(name);
    QVERIFY(!later.claim());
    QTRY_COMPARE(shown.size(), 1);
}

void TestSingleInstance::defaultNameIsStablePerUser()
{
    const QString name = Console::SingleInstance::defaultName();
    QCOMPARE(Console::SingleInstance::defaultName(), name);
    QVERIFY(name.startsWith(u"hiveslack-console-"_s));
    QCOMPARE(name.size(), int(qstrlen("hiveslack-console-")) + 16);
}

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
