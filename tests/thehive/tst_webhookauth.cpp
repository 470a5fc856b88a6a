#include "thehive/webhookauth.h"

#include <QTest>

using namespace Bridge;

class TestWebhookAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forms_data();
    void forms();
    void secretLookingLikeBasicCredentials();
};

namespace {

const QByteArray Secret = "s3cr3t-Key_42";

QByteArray basic(const QByteArray &credentials)
{
    return "Basic " + credentials.toBase64();
}

} // namespace

void TestWebhookAuth::forms_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("authorised");

    QTest::newRow("bearer") << "Bearer " + Secret << Secret << true;
    QTest::newRow("bearer lower-case scheme") << "bearer " + Secret << Secret << true;
    QTest::newRow("bearer upper-case scheme") << "BEARER " + Secret << Secret << true;
    QTest::newRow("bearer, several spaces") << "Bearer   " + Secret << Secret << true;
    QTest::newRow("bearer, surrounding whitespace")
        << "  Bearer " + Secret + " \t" << Secret << true;
    QTest::newRow("basic user:secret") << basic("thehive:" + Secret) << Secret << true;
    QTest::newRow("basic, empty user") << basic(":" + Secret) << Secret << true;
    QTest::newRow("basic lower-case scheme")
        << "basic " + QByteArray("u:" + Secret).toBase64() << Secret << true;
    QTest::newRow("basic, password containing a colon")
        << basic("u:pa:ss") << QByteArray("pa:ss") << true;
    QTest::newRow("raw key") << Secret << Secret << true;
    QTest::newRow("raw key with spaces around") << " " + Secret + " " << Secret << true;

    QTest::newRow("empty header") << QByteArray() << Secret << false;
    QTest::newRow("blank header") << QByteArray("   ") << Secret << false;
    QTest::newRow("empty secret") << QByteArray("Bearer ") << QByteArray() << false;
    QTest::newRow("empty secret, empty header") << QByteArray() << QByteArray() << false;
    QTest::newRow("empty secret, raw") << QByteArray("x") << QByteArray() << false;
    QTest::newRow("bearer without token") << QByteArray("Bearer") << Secret << false;
    QTest::newRow("bearer, prefix of secret")
        << "Bearer " + Secret.left(Secret.size() - 1) << Secret << false;
    QTest::newRow("bearer, secret + suffix") << "Bearer " + Secret + "x" << Secret << false;
    QTest::newRow("bearer, no space") << "Bearer" + Secret << Secret << false;
    QTest::newRow("bearer, space inside token")
        << "Bearer " + Secret.left(4) + " " + Secret.mid(4) << Secret << false;
    QTest::newRow("bearer, wrong case of secret")
        << "Bearer " + Secret.toUpper() << Secret << false;
    QTest::newRow("other scheme") << "Token " + Secret << Secret << false;
    QTest::newRow("raw, prefix of secret") << Secret.left(Secret.size() - 1) << Secret << false;
    QTest::newRow("raw, secret + suffix") << Secret + "0" << Secret << false;
    QTest::newRow("basic, wrong password") << basic("thehive:nope") << Secret << false;
    QTest::newRow("basic, prefix of secret") << basic("u:" + Secret.left(5)) << Secret << false;
    QTest::newRow("basic, secret + suffix") << basic("u:" + Secret + "!") << Secret << false;
    QTest::newRow("basic, secret as user") << basic(Secret + ":x") << Secret << false;
    QTest::newRow("basic, not base64") << "Basic " + Secret << Secret << false;
    QTest::newRow("basic, unencoded user:secret") << "Basic u:" + Secret << Secret << false;
    QTest::newRow("bearer carrying basic credentials")
        << "Bearer " + QByteArray("u:" + Secret).toBase64() << Secret << false;
}

void TestWebhookAuth::forms()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, secret);
    QTEST(isWebhookAuthorized(header, secret), "authorised");
}

void TestWebhookAuth::secretLookingLikeBasicCredentials()
{
    // A secret configured as "user:password" matches the whole decoded Basic credentials…
    QVERIFY(isWebhookAuthorized(basic("thehive:pw"), "thehive:pw"));
    // …while a plain secret still means the password part only.
    QVERIFY(isWebhookAuthorized(basic("thehive:pw"), "pw"));
    QVERIFY(!isWebhookAuthorized(basic("thehive:pw"), "thehive"));
    QVERIFY(!isWebhookAuthorized(basic("thehive:pw"), "thehive:p"));
}

QTEST_GUILESS_MAIN(TestWebhookAuth)
#include "tst_webhookauth.moc"
