// The permission map of the trust rules: TheHive 4 and 5.0 know one case permission, 5.1 split
// it, 5.2.6 added manageCase/reopen; and the one rule that reads a profile against it.
#include "authority/analystpermissions.h"
#include "authority/caseaction.h"

#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

class TestCaseAction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void permissionsPerVersion_data()
    {
        QTest::addColumn<HiveVersion>("version");
        QTest::addColumn<CaseAction>("action");
        QTest::addColumn<QStringList>("needed");
        const QStringList update{u"manageCase/update"_s};
        QTest::newRow("4.1 severity")
            << HiveVersion{4, 1} << CaseAction::SetSeverity << QStringList{u"manageCase"_s};
        QTest::newRow("4.1 reopen")
            << HiveVersion{4, 1} << CaseAction::Reopen << QStringList{u"manageCase"_s};
        QTest::newRow("4.1 task") << HiveVersion{4, 1} << CaseAction::AddTask
                                  << QStringList{u"manageTask"_s};
        QTest::newRow("5.0 close")
            << HiveVersion{5, 0} << CaseAction::Close << QStringList{u"manageCase"_s};
        QTest::newRow("5.1 assign") << HiveVersion{5, 1} << CaseAction::Assign << update;
        QTest::newRow("5.1 reopen") << HiveVersion{5, 1} << CaseAction::Reopen << update;
        QTest::newRow("5.2 reopen") << HiveVersion{5, 2} << CaseAction::Reopen
                                    << QStringList{u"manageCase/reopen"_s, u"manageCase/update"_s};
        QTest::newRow("5.5 reopen")
            << HiveVersion{5, 5} << CaseAction::Reopen << QStringList{u"manageCase/reopen"_s};
        QTest::newRow("5.5 status") << HiveVersion{5, 5} << CaseAction::SetStatus << update;
        QTest::newRow("5.5 TLP") << HiveVersion{5, 5} << CaseAction::SetTlp << update;
        QTest::newRow("5.5 PAP") << HiveVersion{5, 5} << CaseAction::SetPap << update;
        QTest::newRow("5.5 comment")
            << HiveVersion{5, 5} << CaseAction::Comment << QStringList{u"manageComment"_s};
        QTest::newRow("4.1 new case")
            << HiveVersion{4, 1} << CaseAction::CreateCase << QStringList{u"manageCase"_s};
        QTest::newRow("5.0 new case")
            << HiveVersion{5, 0} << CaseAction::CreateCase << QStringList{u"manageCase"_s};
        QTest::newRow("5.2 new case")
            << HiveVersion{5, 2} << CaseAction::CreateCase << QStringList{u"manageCase/create"_s};
    }
    void permissionsPerVersion()
    {
        QFETCH(HiveVersion, version);
        QFETCH(CaseAction, action);
        QFETCH(QStringList, needed);
        QCOMPARE(permissionsFor(action, version), needed);
        QVERIFY(!describeAction(action).isEmpty());
    }

    void aProfileAllowsWhatItHolds()
    {
        HiveProfile p;
        p.state = HiveProfile::State::Known;
        p.permissions = {u"manageCase/update"_s, u"manageComment"_s};
        QVERIFY(p.allows(CaseAction::SetSeverity, {5, 3}));
        QVERIFY(!p.allows(CaseAction::AddTask, {5, 3}));
        QVERIFY(!p.allows(CaseAction::Reopen, {5, 3}));
        QVERIFY(p.allows(CaseAction::Reopen, {5, 2}));       // before 5.2.6 update was enough
        QVERIFY(!p.allows(CaseAction::SetSeverity, {4, 1})); // TheHive 4 has other names
        // Permissions read for another organisation, or not at all, allow nothing.
        p.state = HiveProfile::State::Unreadable;
        QVERIFY(!p.allows(CaseAction::SetSeverity, {5, 3}));
    }
};

QTEST_APPLESS_MAIN(TestCaseAction)
#include "tst_caseaction.moc"
