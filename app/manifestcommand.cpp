#include "manifestcommand.h"

#include "config/configloader.h"
#include "core/secretstore.h"
#include "headlessrunner.h"
#include "secrets/envsecretstore.h"
#include "slack/appmanifest.h"

#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QUrl>

#include <cstdio>

int runManifest(const QString &publicUrl, const QString &configFile)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    Bridge::AppManifest::Features features;
    if (!configFile.isEmpty()) {
        const Bridge::ConfigResult loaded = Bridge::loadConfig(configFile, env, defaultDataDir());
        if (!loaded.config) {
            std::fprintf(stderr, "hiveslack manifest: %s\n", qPrintable(loaded.error));
            return 2;
        }
        features.copyFiles = loaded.config->evidenceFiles.copy;
    }
    const Bridge::EnvSecretStore secrets(env);
    const bool socketMode = secrets.readNow(QLatin1String(Bridge::SecretKey::SlackAppToken)).ok();
    const QString given =
        publicUrl.isEmpty() ? env.value(QStringLiteral("HIVESLACK_PUBLIC_URL")) : publicUrl;
    QUrl base;
    if (!socketMode) {
        base = QUrl(given.trimmed(), QUrl::StrictMode);
        if (given.isEmpty()) {
            std::fputs("hiveslack manifest: no app-level token (HIVESLACK_SLACK_APP_TOKEN, for "
                       "Socket Mode) and no public URL (--public-url or HIVESLACK_PUBLIC_URL, "
                       "for HTTP): Slack could not reach HiveSlack\n",
                       stderr);
            return 2;
        }
        if (!base.isValid() || base.scheme() != u"https" || base.host().isEmpty()) {
            std::fprintf(stderr,
                         "hiveslack manifest: the public URL must be an https:// address "
                         "Slack can reach, not \"%s\"\n",
                         qPrintable(given));
            return 2;
        }
    }
    const QByteArray json =
        QJsonDocument(Bridge::AppManifest::build(base, features)).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    return 0;
}
