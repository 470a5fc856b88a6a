#include "slackappdialog.h"

#include "codebox.h"
#include "setuphelpers.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Console {

SlackAppDialog::SlackAppDialog(const QUrl &defaultBase,
                               const Bridge::AppManifest::Features &features, QWidget *parent)
    : QDialog(parent)
    , m_socketMode(new QRadioButton(tr("&Socket Mode: HiveSlack connects out to Slack; nothing "
                                       "from the internet reaches it (recommended)"),
                                    this))
    , m_http(new QRadioButton(tr("&HTTP: Slack calls HiveSlack at a public HTTPS address"), this))
    , m_base(new QLineEdit(defaultBase.toString(), this))
    , m_hint(new QLabel(this))
    , m_manifest(new CodeBox(this))
    , m_features(features)
{
    setWindowTitle(tr("Create the Slack app"));
    m_base->setObjectName(QStringLiteral("publicBaseUrl"));
    m_manifest->setObjectName(QStringLiteral("manifest"));

    m_socketMode->setObjectName(QStringLiteral("socketModeChoice"));
    m_http->setObjectName(QStringLiteral("httpChoice"));
    m_socketMode->setChecked(true);
    auto *intro = new QLabel(
        tr("At api.slack.com/apps choose \"Create New App\", then \"From an app manifest\", pick "
           "the workspace and paste this manifest. Install the app to the workspace, then copy "
           "its Bot User OAuth Token (OAuth & Permissions) into Connections, and either an "
           "app-level token with the connections:write scope (Basic Information → App-Level "
           "Tokens; Socket Mode) or the Signing Secret (Basic Information; HTTP)."),
        this);
    intro->setWordWrap(true);
    m_hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Slack reaches HiveSlack by:"), m_socketMode);
    form->addRow(QString(), m_http);
    auto *baseLabel = new QLabel(tr("&Public base URL:"), this);
    baseLabel->setBuddy(m_base);
    form->addRow(baseLabel, m_base);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_manifest, 1);
    layout->addWidget(buttons);
    resize(640, 560);

    connect(m_base, &QLineEdit::textChanged, this, &SlackAppDialog::update);
    connect(m_http, &QRadioButton::toggled, this, &SlackAppDialog::update);
    update();
}

void SlackAppDialog::update()
{
    m_base->setEnabled(m_http->isChecked());
    if (m_socketMode->isChecked()) {
        m_hint->setText(tr("Slack will send button clicks over the connection HiveSlack opens "
                           "with the app-level token."));
        m_manifest->setText(SetupHelpers::slackAppManifest({}, m_features));
        return;
    }
    const QUrl base(m_base->text().trimmed());
    if (!SetupHelpers::isHttpUrl(base)) {
        m_hint->setText(tr("Type the address at which Slack reaches this bridge, starting with "
                           "https://."));
        m_manifest->setText({});
        return;
    }
    const QString requestUrl =
        SetupHelpers::endpointUrl(base, QStringLiteral("/slack/interactions")).toString();
    m_hint->setText(base.scheme() == u"https"
                        ? tr("Slack will send button clicks to %1.").arg(requestUrl)
                        : tr("Slack only sends to https addresses reachable from the internet: "
                             "put the bridge behind a reverse proxy with a certificate and type "
                             "that proxy's address here."));
    m_manifest->setText(SetupHelpers::slackAppManifest(base, m_features));
}

QString SlackAppDialog::manifestText() const
{
    return m_manifest->text();
}

} // namespace Console
