#include "slack/formdecoding.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Bridge;

using Pairs = QList<QPair<QString, QString>>;

namespace {

QByteArray fixtureBytes(const QString &relative)
{
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR "/slack/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture");
    return file.readAll();
}

QJsonObject fixture(const QString &relative)
{
    return QJsonDocument::fromJson(fixtureBytes(relative)).object();
}

QPair<QString, QString> kv(const QString &k, const QString &v)
{
    return {k, v};
}

} // namespace

class TestFormDecoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Pairs>("expected");

        const QString empty = QStringLiteral("");
        QTest::newRow("empty body") << QByteArray() << Pairs{};
        QTest::newRow("plus is a space")
            << QByteArrayLiteral("a=b+c") << Pairs{kv(QStringLiteral("a"), QStringLiteral("b c"))};
        QTest::newRow("encoded plus stays a plus")
            << QByteArrayLiteral("a=b%2Bc")
            << Pairs{kv(QStringLiteral("a"), QStringLiteral("b+c"))};
        QTest::newRow("encoded space and plus")
            << QByteArrayLiteral("a=1%20%2B+2")
            << Pairs{kv(QStringLiteral("a"), QStringLiteral("1 + 2"))};
        QTest::newRow("utf-8") << QByteArrayLiteral("a=%E2%9C%93%F0%9F%94%A5")
                               << Pairs{
                                      kv(QStringLiteral("a"), QStringLiteral("\u2713\U0001F525"))};
        QTest::newRow("key without value")
            << QByteArrayLiteral("flag") << Pairs{kv(QStringLiteral("flag"), empty)};
        QTest::newRow("empty value") << QByteArrayLiteral("text=&x=1")
                                     << Pairs{kv(QStringLiteral("text"), empty),
                                              kv(QStringLiteral("x"), QStringLiteral("1"))};
        QTest::newRow("empty segments skipped")
            << QByteArrayLiteral("&&a=1&&") << Pairs{kv(QStringLiteral("a"), QStringLiteral("1"))};
        QTest::newRow("order and duplicates kept")
            << QByteArrayLiteral("b=2&a=1&b=3")
            << Pairs{kv(QStringLiteral("b"), QStringLiteral("2")),
                     kv(QStringLiteral("a"), QStringLiteral("1")),
                     kv(QStringLiteral("b"), QStringLiteral("3"))};
        QTest::newRow("only the first = splits")
            << QByteArrayLiteral("a=1=2") << Pairs{kv(QStringLiteral("a"), QStringLiteral("1=2"))};
        QTest::newRow("encoded key") << QByteArrayLiteral("k+e%79=v")
                                     << Pairs{kv(QStringLiteral("k ey"), QStringLiteral("v"))};
        QTest::newRow("encoded ampersand and equals")
            << QByteArrayLiteral("a=x%26y%3Dz")
            << Pairs{kv(QStringLiteral("a"), QStringLiteral("x&y=z"))};
        QTest::newRow("lowercase hex") << QByteArrayLiteral("a=%2f%2F")
                                       << Pairs{kv(QStringLiteral("a"), QStringLiteral("//"))};
    }

    void decode()
    {
        QFETCH(QByteArray, body);
        QFETCH(Pairs, expected);
        QCOMPARE(decodeForm(body), expected);
    }

    void malformedPercentDoesNotCrash()
    {
        const Pairs pairs = decodeForm("a=%zz&b=%&c=%4");
        QCOMPARE(pairs.size(), 3);
        QCOMPARE(pairs.at(0).first, QStringLiteral("a"));
        QCOMPARE(pairs.at(1).first, QStringLiteral("b"));
        QCOMPARE(pairs.at(2).first, QStringLiteral("c"));
    }

    void formValueDistinguishesMissingFromEmpty()
    {
        const Pairs pairs = decodeForm("text=&a=1&a=2");
        QVERIFY(formValue(pairs, QStringLiteral("missing")).isNull());
        QVERIFY(!formValue(pairs, QStringLiteral("text")).isNull());
        QVERIFY(formValue(pairs, QStringLiteral("text")).isEmpty());
        QCOMPARE(formValue(pairs, QStringLiteral("a")), QStringLiteral("1"));
    }

    void slashCommandFromOfficialVector()
    {
        const QJsonObject v = fixture(QStringLiteral("signature/official_docs_vector.json"));
        const Pairs pairs = decodeForm(v.value(QStringLiteral("raw_body")).toString().toUtf8());
        QCOMPARE(pairs.size(), 11);
        QCOMPARE(formValue(pairs, QStringLiteral("command")), QStringLiteral("/webhook-collect"));
        QCOMPARE(formValue(pairs, QStringLiteral("user_name")), QStringLiteral("roadrunner"));
        QCOMPARE(formValue(pairs, QStringLiteral("response_url")),
                 QStringLiteral("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/"
                                "96rGlfmibIGlgcZRskXaIFfN"));
        QVERIFY(!formValue(pairs, QStringLiteral("text")).isNull());
        QVERIFY(formValue(pairs, QStringLiteral("text")).isEmpty());
    }

    void interactivityPayloadRoundTrips()
    {
        // The derived vector is quote_plus() of a real payload: '+' for spaces, %2B never
        // appears for a space, and the decoded text must equal the original JSON byte for byte.
        const QJsonObject v =
            fixture(QStringLiteral("signature/derived_block_actions_form_vector.json"));
        const QByteArray body = v.value(QStringLiteral("raw_body")).toString().toUtf8();
        QVERIFY(body.contains('+'));
        const QString payload = formValue(decodeForm(body), QStringLiteral("payload"));
        QByteArray original = fixtureBytes(
            QStringLiteral("interactive/block_actions_button_home_tab_real_compact.json"));
        while (original.endsWith('\n'))
            original.chop(1);
        QCOMPARE(payload.toUtf8(), original);
        QVERIFY(payload.contains(u"Here's what you can do with Project Tracker:"));
    }
};

QTEST_GUILESS_MAIN(TestFormDecoding)
#include "tst_formdecoding.moc"
