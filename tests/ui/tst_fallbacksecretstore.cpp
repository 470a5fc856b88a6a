#include "fallbacksecretstore.h"
#include "memorysecretstore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Status = Bridge::SecretResult::Status;

class TestFallbackSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsPrimaryThenFallback_data();
    void readsPrimaryThenFallback();
    void writesAndRemovesGoToThePrimaryOnly();

private:
    static Bridge::SecretResult
    wait(const std::function<void(Bridge::SecretStore::Callback)> &call);
};

Bridge::SecretResult
TestFallbackSecretStore::wait(const std::function<void(Bridge::SecretStore::Callback)> &call)
{
    std::optional<Bridge::SecretResult> result;
    call([&result](const Bridge::SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 2000))
        return {Status::Failed, {}, u"no answer"_s};
    return *result;
}

void TestFallbackSecretStore::readsPrimaryThenFallback_data()
{
    QTest::addColumn<QString>("primaryValue"); // null: not stored
    QTest::addColumn<bool>("primaryUnavailable");
    QTest::addColumn<QString>("fallbackValue");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("keychain has it") << u"from-keychain"_s << false << u"from-env"_s
                                     << int(Status::Ok) << u"from-keychain"_s << QString();
    QTest::newRow("keychain lacks it")
        << QString() << false << u"from-env"_s << int(Status::Ok) << u"from-env"_s << QString();
    QTest::newRow("no keychain") << QString() << true << u"from-env"_s << int(Status::Ok)
                                 << u"from-env"_s << QString();
    QTest::newRow("nowhere, no keychain") << QString() << true << QString() << int(Status::NotFound)
                                          << QString() << u"keychain locked"_s;
    QTest::newRow("nowhere") << QString() << false << QString() << int(Status::NotFound)
                             << QString() << QString();
}

void TestFallbackSecretStore::readsPrimaryThenFallback()
{
    QFETCH(QString, primaryValue);
    QFETCH(bool, primaryUnavailable);
    QFETCH(QString, fallbackValue);
    QFETCH(int, status);
    QFETCH(QString, value);
    QFETCH(QString, errorPart);

    TestSupport::MemorySecretStore primary;
    TestSupport::MemorySecretStore fallback;
    if (!primaryValue.isNull())
        primary.insert(u"slack_bot_token"_s, primaryValue);
    primary.setUnavailable(primaryUnavailable);
    if (!fallbackValue.isNull())
        fallback.insert(u"slack_bot_token"_s, fallbackValue);
    Console::FallbackSecretStore store(primary, fallback);

    const Bridge::SecretResult r =
        wait([&store](auto done) { store.read(u"slack_bot_token"_s, done); });
    QCOMPARE(int(r.status), status);
    QCOMPARE(r.value, value);
    if (!errorPart.isEmpty())
        QVERIFY2(r.error.contains(errorPart), qPrintable(r.error));
}

void TestFallbackSecretStore::writesAndRemovesGoToThePrimaryOnly()
{
    TestSupport::MemorySecretStore primary;
    TestSupport::MemorySecretStore fallback;
    Console::FallbackSecretStore store(primary, fallback);
    QCOMPARE(wait([&store](auto done) { store.write(u"k"_s, u"v"_s, done); }).status, Status::Ok);
    QCOMPARE(primary.peek(u"k"_s), u"v"_s);
    QVERIFY(!fallback.contains(u"k"_s));
    QCOMPARE(wait([&store](auto done) { store.remove(u"k"_s, done); }).status, Status::Ok);
    QVERIFY(!primary.contains(u"k"_s));
    QCOMPARE(store.backendName(), u"memory, then memory"_s);
}

QTEST_MAIN(TestFallbackSecretStore)
#include "tst_fallbacksecretstore.moc"
