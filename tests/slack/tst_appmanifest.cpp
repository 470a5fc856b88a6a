// The Slack app manifest HiveSlack prints (console and `hiveslack manifest`) is valid against
// Slack's own manifest schema (tests/fixtures/slack/manifest, validated by python3-jsonschema,
// which resources/setup.sh installs), in Socket Mode and in HTTP mode.
#include "slack/appmanifest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Schema =
    QStringLiteral(HIVESLACK_FIXTURES_DIR) + u"/slack/manifest/manifest.schema.1.0.0.json"_s;

/// Empty when `manifest` passes Slack's schema, else the validator's complaint.
QString schemaProblems(const QJsonObject &manifest)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"manifest.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(manifest).toJson()) < 0)
        return u"cannot write "_s + path;
    file.close();
    QProcess python;
    python.start(u"/usr/bin/python3"_s, {u"-c"_s,
                                         u"import json, sys, jsonschema\n"
                                         "jsonschema.validate(json.load(open(sys.argv[1])),"
                                         " json.load(open(sys.argv[2])))"_s,
                                         path, Schema});
    if (!python.waitForFinished(30'000))
        return u"python3 did not finish: "_s + python.errorString();
    if (python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0)
        return {};
    const QString error = QString::fromUtf8(python.readAllStandardError());
    const QStringList complaint = error.split(u'\n').filter(u"ValidationError"_s);
    return complaint.isEmpty() ? error : complaint.constFirst();
}

QJsonObject manifestFromTheBinary(const QStringList &arguments, const QString &appToken,
                                  int *exitCode, QByteArray *errorOutput)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"HIVESLACK_SLACK_APP_TOKEN"_s);
    env.remove(u"HIVESLACK_SLACK_APP_TOKEN_FILE"_s);
    env.remove(u"HIVESLACK_PUBLIC_URL"_s);
    if (!appToken.isEmpty())
        env.insert(u"HIVESLACK_SLACK_APP_TOKEN"_s, appToken);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HIVESLACK_BINARY), QStringList{u"manifest"_s} + arguments);
    process.waitForFinished(10'000);
    *exitCode = process.exitCode();
    *errorOutput = process.readAllStandardError();
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    return error.error == QJsonParseError::NoError ? json.object() : QJsonObject();
}

} // namespace

class TestAppManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theSchemaCatchesWhatSlackRefuses()
    {
        // The validator really validates: a shortcut name over Slack's 24 characters fails.
        QJsonObject manifest = Bridge::AppManifest::build();
        QJsonObject features = manifest.value(u"features").toObject();
        QJsonArray shortcuts = features.value(u"shortcuts").toArray();
        QJsonObject shortcut = shortcuts.first().toObject();
        shortcut.insert(u"name"_s, u"Add this message to a TheHive case"_s);
        shortcuts.replace(0, shortcut);
        features.insert(u"shortcuts"_s, shortcuts);
        manifest.insert(u"features"_s, features);
        QVERIFY(!schemaProblems(manifest).isEmpty());
    }

    void socketModeIsValid()
    {
        const QJsonObject manifest = Bridge::AppManifest::build();
        const QString problems = schemaProblems(manifest);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        const QJsonObject settings = manifest.value(u"settings").toObject();
        QCOMPARE(settings.value(u"socket_mode_enabled").toBool(), true);
        // No request URL anywhere: Slack needs no way in.
        QVERIFY(!QJsonDocument(manifest).toJson().contains("\"url\""));
        QVERIFY(!QJsonDocument(manifest).toJson().contains("request_url"));
        QVERIFY(!QJsonDocument(manifest).toJson().contains("message_menu_options_url"));
    }

    void httpModeIsValid()
    {
        const QJsonObject manifest =
            Bridge::AppManifest::build(QUrl(u"https://bridge.example.org/hiveslack/"_s));
        const QString problems = schemaProblems(manifest);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        const QJsonObject settings = manifest.value(u"settings").toObject();
        QCOMPARE(settings.value(u"socket_mode_enabled").toBool(), false);
        QCOMPARE(settings.value(u"interactivity").toObject().value(u"request_url").toString(),
                 u"https://bridge.example.org/hiveslack/slack/interactions"_s);
        QCOMPARE(settings.value(u"interactivity")
                     .toObject()
                     .value(u"message_menu_options_url")
                     .toString(),
                 u"https://bridge.example.org/hiveslack/slack/options"_s);
        QCOMPARE(settings.value(u"event_subscriptions").toObject().value(u"request_url").toString(),
                 u"https://bridge.example.org/hiveslack/slack/events"_s);
        const QJsonObject command = manifest.value(u"features")
                                        .toObject()
                                        .value(u"slash_commands")
                                        .toArray()
                                        .first()
                                        .toObject();
        QCOMPARE(command.value(u"command").toString(), u"/hive"_s);
        QCOMPARE(command.value(u"url").toString(),
                 u"https://bridge.example.org/hiveslack/slack/commands"_s);
    }

    void everySubscribedEventHasItsScope()
    {
        const QJsonObject manifest = Bridge::AppManifest::build();
        const QStringList scopes = Bridge::AppManifest::botScopes();
        QVERIFY(scopes.contains(u"commands"_s)); // slash commands and shortcuts
        const QJsonArray events = manifest.value(u"settings")
                                      .toObject()
                                      .value(u"event_subscriptions")
                                      .toObject()
                                      .value(u"bot_events")
                                      .toArray();
        // Each event Slack sends only with its scope (Slack's events reference).
        const QHash<QString, QString> needs{{u"app_mention"_s, u"app_mentions:read"_s},
                                            {u"message.channels"_s, u"channels:history"_s},
                                            {u"message.groups"_s, u"groups:history"_s}};
        QCOMPARE(events.size(), needs.size());
        for (const QJsonValue &event : events)
            QVERIFY2(scopes.contains(needs.value(event.toString(), u"?"_s)),
                     qPrintable(event.toString()));
    }

    void theCommandPrintsOnlyJson()
    {
        int exitCode = -1;
        QByteArray errors;
        const QJsonObject socket =
            manifestFromTheBinary({}, u"xapp-1-A111-manifest"_s, &exitCode, &errors);
        QCOMPARE(exitCode, 0);
        QVERIFY2(errors.isEmpty(), errors.constData());
        QCOMPARE(socket, Bridge::AppManifest::build());
        QVERIFY(!QJsonDocument(socket).toJson().contains("xapp-")); // never the token

        const QJsonObject http = manifestFromTheBinary(
            {u"--public-url"_s, u"https://bridge.example.org"_s}, {}, &exitCode, &errors);
        QCOMPARE(exitCode, 0);
        QCOMPARE(http, Bridge::AppManifest::build(QUrl(u"https://bridge.example.org"_s)));
    }

    void filesAreReadOnlyWhenTheConfigCopiesThem()
    {
        QVERIFY(!Bridge::AppManifest::botScopes().contains(u"files:read"_s));
        QVERIFY(Bridge::AppManifest::botScopes({.copyFiles = true}).contains(u"files:read"_s));

        QTemporaryDir dir;
        const auto manifestFor = [&](const QByteArray &evidence, int *exitCode) {
            QFile config(dir.filePath(u"hiveslack.json"_s));
            if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return QJsonObject();
            config.write(R"({"dataDir":")" + dir.path().toUtf8() +
                         R"(","thehive":{"url":"https://thehive.example.org"},)"
                         R"("slack":{"defaultChannel":"C0SOC"},"evidence":)" +
                         evidence + "}");
            config.close();
            QByteArray errors;
            return manifestFromTheBinary({u"--config"_s, config.fileName()},
                                         u"xapp-1-A111-manifest"_s, exitCode, &errors);
        };
        int exitCode = -1;
        const QJsonObject copying = manifestFor(R"({"copyFiles":true})", &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(copying, Bridge::AppManifest::build({}, {.copyFiles = true}));
        QCOMPARE(manifestFor(R"({"copyFiles":false})", &exitCode), Bridge::AppManifest::build());
        QCOMPARE(exitCode, 0);
        manifestFor(R"({"copyFiles":"yes"})", &exitCode);
        QCOMPARE(exitCode, 2); // a config it cannot read is said, not guessed
    }

    void theCommandRefusesWhatSlackCouldNotReach_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("neither token nor URL") << QStringList() << u"--public-url"_s;
        QTest::newRow("plain http")
            << QStringList{u"--public-url"_s, u"http://bridge"_s} << u"https://"_s;
    }
    void theCommandRefusesWhatSlackCouldNotReach()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        int exitCode = -1;
        QByteArray errors;
        const QJsonObject manifest = manifestFromTheBinary(arguments, {}, &exitCode, &errors);
        QCOMPARE(exitCode, 2);
        QVERIFY(manifest.isEmpty());
        QCOMPARE(errors.count('\n'), 1); // one line naming the problem
        QVERIFY2(errors.contains(mentions.toUtf8()), errors.constData());
    }
};

QTEST_GUILESS_MAIN(TestAppManifest)
#include "tst_appmanifest.moc"
