#include "setuphelpers.h"

#include "slack/appmanifest.h"

#include "hoststatus.h"

#include "config/configloader.h"
#include "config/jsoncomments.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>

#include <array>

using namespace Qt::StringLiterals;

namespace Console {

namespace {

/// A value inside a double-quoted HOCON string.
QString hoconQuoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s);
    escaped.replace(u"\""_s, u"\\\""_s);
    return u'"' + escaped + u'"';
}

} // namespace

QUrl SetupHelpers::listenBaseUrl(const Bridge::BridgeConfig &config)
{
    return QUrl(listenUrl(config.listenAddress, config.listenPort));
}

QUrl SetupHelpers::endpointUrl(const QUrl &base, const QString &path)
{
    return Bridge::AppManifest::endpoint(base, path);
}

bool SetupHelpers::isHttpUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
           !url.host().isEmpty();
}

QString SetupHelpers::slackAppManifest(const QUrl &publicBase,
                                       const Bridge::AppManifest::Features &features)
{
    return QString::fromUtf8(QJsonDocument(Bridge::AppManifest::build(publicBase, features))
                                 .toJson(QJsonDocument::Indented));
}

QString SetupHelpers::secretPlaceholder()
{
    return tr("<webhook secret>");
}

QString SetupHelpers::theHive5Steps(const QUrl &webhookUrl, const QString &secret)
{
    const QString shownSecret = secret.isEmpty() ? secretPlaceholder() : secret;
    return tr("In TheHive 5, logged in as an administrator of the organisation:\n"
              "\n"
              "1. Organization → Endpoints → \"+\" → Webhook\n"
              "     Name:            HiveSlack\n"
              "     URL:             %1\n"
              "     Version:         1\n"
              "     Authentication:  Bearer\n"
              "     Token:           %2\n"
              "   Save.\n"
              "\n"
              "2. Organization → Notifications → \"+\"\n"
              "     Name:      HiveSlack\n"
              "     Trigger:   AnyEvent (HiveSlack ignores what it does not show)\n"
              "     Notifier:  Webhook, endpoint HiveSlack\n"
              "     \"Send notification to every user\": off\n"
              "   Save.\n"
              "\n"
              "3. Create a case: its card appears in the default Slack channel.\n")
        .arg(webhookUrl.toString(), shownSecret);
}

QString SetupHelpers::theHive4Config(const QUrl &webhookUrl, const QString &secret)
{
    const QString key = secret.isEmpty() ? secretPlaceholder() : secret;
    return u"notification.webhook.endpoints = [\n"
           u"  {\n"
           u"    name: hiveslack\n"
           u"    url: "_s +
           hoconQuoted(webhookUrl.toString()) +
           u"\n"
           u"    version: 0\n"
           u"    wsConfig: {}\n"
           u"    auth: {type: \"bearer\", key: "_s +
           hoconQuoted(key) +
           u"}\n"
           u"    includedTheHiveOrganisations: [\"*\"]\n"
           u"    excludedTheHiveOrganisations: []\n"
           u"  }\n"
           u"]\n"_s;
}

QString SetupHelpers::theHive4Activation(const QUrl &theHiveUrl)
{
    const QUrl base = isHttpUrl(theHiveUrl) ? theHiveUrl : QUrl(u"https://thehive.example"_s);
    return u"curl -X PUT \\\n"
           u"  -H 'Authorization: Bearer "_s +
           tr("<API key of an org-admin>") +
           u"' \\\n"
           u"  -H 'Content-Type: application/json' \\\n"
           u"  '"_s +
           endpointUrl(base, u"/api/config/organisation/notification"_s).toString() +
           u"' \\\n"
           u"  -d '{\"value\":[{\"delegate\":false,\"trigger\":{\"name\":\"AnyEvent\"},"
           u"\"notifier\":{\"name\":\"webhook\",\"endpoint\":\"hiveslack\"}}]}'\n"_s;
}

QString SetupHelpers::generateSecret()
{
    std::array<quint32, 8> words;
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), sizeof(words));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool SetupHelpers::exportConfig(const Bridge::BridgeConfig &config, const QString &path,
                                QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(Bridge::configToJson(config)).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<Bridge::BridgeConfig>
SetupHelpers::importConfig(const QString &path, const QString &defaultDataDir, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc =
        QJsonDocument::fromJson(Bridge::stripJsonComments(file.readAll()), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error =
            tr("%1 is not a HiveSlack configuration: %2 at offset %3")
                .arg(path, parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                        : tr("not a JSON object"))
                .arg(parseError.offset);
        return std::nullopt;
    }
    // No environment: what is imported is the file, not this desktop's variables.
    const Bridge::ConfigResult result =
        Bridge::configFromJson(doc.object(), QProcessEnvironment(), defaultDataDir);
    if (!result.config) {
        *error = tr("%1 cannot be used: %2").arg(path, result.error);
        return std::nullopt;
    }
    return result.config;
}

} // namespace Console
