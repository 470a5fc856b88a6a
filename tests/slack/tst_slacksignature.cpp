#include "slack/slacksignature.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Bridge;

namespace {

QJsonObject fixture(const QString &relative)
{
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR "/slack/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture");
    return QJsonDocument::fromJson(file.readAll()).object();
}

struct Vector
{
    QByteArray secret, timestamp, signature, body;
    qint64 now = 0;
};

Vector vector(const QString &relative)
{
    const QJsonObject o = fixture(relative);
    const QJsonObject headers = o.value(QStringLiteral("headers")).toObject();
    return {o.value(QStringLiteral("signing_secret")).toString().toUtf8(),
            headers.value(QStringLiteral("X-Slack-Request-Timestamp")).toString().toUtf8(),
            headers.value(QStringLiteral("X-Slack-Signature")).toString().toUtf8(),
            o.value(QStringLiteral("raw_body")).toString().toUtf8(),
            o.value(QStringLiteral("verify_with_clock_now")).toInteger()};
}

} // namespace

class TestSlackSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void officialVectorComputes()
    {
        const Vector v = vector(QStringLiteral("signature/official_docs_vector.json"));
        QCOMPARE(computeSlackSignature(v.secret, v.timestamp, v.body),
                 QByteArrayLiteral(
                     "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"));
        QCOMPARE(v.signature, computeSlackSignature(v.secret, v.timestamp, v.body));
    }

    void vectorsVerify_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("official docs") << QStringLiteral("signature/official_docs_vector.json");
        QTest::newRow("derived block_actions")
            << QStringLiteral("signature/derived_block_actions_form_vector.json");
    }

    void vectorsVerify()
    {
        QFETCH(QString, file);
        const Vector v = vector(file);
        QCOMPARE(verifySlackSignature(v.secret, v.timestamp, v.signature, v.body, v.now),
                 SignatureCheck::Valid);
    }

    void negatives_data()
    {
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<SignatureCheck>("expected");

        const Vector v = vector(QStringLiteral("signature/official_docs_vector.json"));
        QByteArray flipped = v.body;
        flipped[10] = char(flipped.at(10) ^ 0x01);
        const QByteArray hex = v.signature.mid(3);

        QTest::newRow("valid") << v.timestamp << v.signature << v.body << v.secret << v.now
                               << SignatureCheck::Valid;
        QTest::newRow("body altered by one byte") << v.timestamp << v.signature << flipped
                                                  << v.secret << v.now << SignatureCheck::Mismatch;
        QTest::newRow("dashes appended (python sdk)")
            << v.timestamp << v.signature << v.body + "------" << v.secret << v.now
            << SignatureCheck::Mismatch;
        QTest::newRow("body truncated") << v.timestamp << v.signature << v.body.chopped(1)
                                        << v.secret << v.now << SignatureCheck::Mismatch;
        QTest::newRow("wrong secret") << v.timestamp << v.signature << v.body
                                      << QByteArrayLiteral("8f742231b10e8888abcd99yyyzzz85a6")
                                      << v.now << SignatureCheck::Mismatch;
        QTest::newRow("stale by 301 s") << v.timestamp << v.signature << v.body << v.secret
                                        << v.now + 301 << SignatureCheck::StaleTimestamp;
        QTest::newRow("old by exactly 300 s") << v.timestamp << v.signature << v.body << v.secret
                                              << v.now + 300 << SignatureCheck::Valid;
        QTest::newRow("future by 301 s") << v.timestamp << v.signature << v.body << v.secret
                                         << v.now - 301 << SignatureCheck::StaleTimestamp;
        QTest::newRow("future by exactly 300 s") << v.timestamp << v.signature << v.body << v.secret
                                                 << v.now - 300 << SignatureCheck::Valid;
        QTest::newRow("real clock (python sdk expiration)")
            << v.timestamp << v.signature << v.body << v.secret
            << QDateTime::currentSecsSinceEpoch() << SignatureCheck::StaleTimestamp;
        QTest::newRow("missing timestamp") << QByteArray() << v.signature << v.body << v.secret
                                           << v.now << SignatureCheck::MissingHeaders;
        QTest::newRow("missing signature") << v.timestamp << QByteArray() << v.body << v.secret
                                           << v.now << SignatureCheck::MissingHeaders;
        QTest::newRow("v1 prefix") << v.timestamp << QByteArray("v1=" + hex) << v.body << v.secret
                                   << v.now << SignatureCheck::BadVersion;
        QTest::newRow("no prefix")
            << v.timestamp << hex << v.body << v.secret << v.now << SignatureCheck::BadVersion;
        QTest::newRow("uppercase V0") << v.timestamp << QByteArray("V0=" + hex) << v.body
                                      << v.secret << v.now << SignatureCheck::BadVersion;
        QTest::newRow("uppercase hex") << v.timestamp << QByteArray("v0=" + hex.toUpper()) << v.body
                                       << v.secret << v.now << SignatureCheck::Mismatch;
        QTest::newRow("signature truncated") << v.timestamp << v.signature.chopped(2) << v.body
                                             << v.secret << v.now << SignatureCheck::Mismatch;
        QTest::newRow("signature doubled header")
            << v.timestamp << QByteArray(v.signature + ", " + v.signature) << v.body << v.secret
            << v.now << SignatureCheck::Mismatch;
        QTest::newRow("timestamp not a number")
            << QByteArrayLiteral("abc") << v.signature << v.body << v.secret << v.now
            << SignatureCheck::StaleTimestamp;
        QTest::newRow("timestamp with plus sign")
            << QByteArray('+' + v.timestamp) << v.signature << v.body << v.secret << v.now
            << SignatureCheck::StaleTimestamp;
        QTest::newRow("timestamp with blank")
            << QByteArray(' ' + v.timestamp) << v.signature << v.body << v.secret << v.now
            << SignatureCheck::StaleTimestamp;
        QTest::newRow("timestamp fractional")
            << QByteArray(v.timestamp + ".5") << v.signature << v.body << v.secret << v.now
            << SignatureCheck::StaleTimestamp;
        QTest::newRow("timestamp negative") << QByteArrayLiteral("-5") << v.signature << v.body
                                            << v.secret << v.now << SignatureCheck::StaleTimestamp;
        QTest::newRow("timestamp absurdly long")
            << QByteArray(40, '9') << v.signature << v.body << v.secret << v.now
            << SignatureCheck::StaleTimestamp;

        // An HMAC under an empty key is forgeable by anyone: never accept it.
        const QByteArray emptyKeySig = computeSlackSignature({}, v.timestamp, v.body);
        QTest::newRow("empty secret") << v.timestamp << emptyKeySig << v.body << QByteArray()
                                      << v.now << SignatureCheck::Mismatch;
    }

    void negatives()
    {
        QFETCH(QByteArray, timestamp);
        QFETCH(QByteArray, signature);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, secret);
        QFETCH(qint64, now);
        QFETCH(SignatureCheck, expected);
        QCOMPARE(verifySlackSignature(secret, timestamp, signature, body, now), expected);
    }

    void customTolerance()
    {
        const Vector v = vector(QStringLiteral("signature/official_docs_vector.json"));
        QCOMPARE(verifySlackSignature(v.secret, v.timestamp, v.signature, v.body, v.now + 61, 60),
                 SignatureCheck::StaleTimestamp);
        QCOMPARE(verifySlackSignature(v.secret, v.timestamp, v.signature, v.body, v.now + 60, 60),
                 SignatureCheck::Valid);
    }

    void signatureIsLowercaseHex()
    {
        const QByteArray sig = computeSlackSignature("k", "1", "body");
        QCOMPARE(sig.size(), 3 + 64);
        QVERIFY(sig.startsWith("v0="));
        for (const char ch : sig.mid(3))
            QVERIFY((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
    }

    void describeIsDistinctAndShort()
    {
        const QList<SignatureCheck> all{SignatureCheck::Valid, SignatureCheck::MissingHeaders,
                                        SignatureCheck::BadVersion, SignatureCheck::StaleTimestamp,
                                        SignatureCheck::Mismatch};
        QStringList seen;
        for (const SignatureCheck check : all) {
            const QString text = describe(check);
            QVERIFY(!text.isEmpty());
            QVERIFY(text.size() < 80);
            QVERIFY(!seen.contains(text));
            seen.append(text);
        }
        QVERIFY(describe(SignatureCheck::MissingHeaders).contains(u"X-Slack-Signature"));
    }
};

QTEST_GUILESS_MAIN(TestSlackSignature)
#include "tst_slacksignature.moc"
