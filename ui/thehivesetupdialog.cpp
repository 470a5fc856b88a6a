#include "thehivesetupdialog.h"

#include "bridgehost.h"
#include "codebox.h"
#include "setuphelpers.h"

#include "core/secretstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Console {

namespace {

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

TheHiveSetupDialog::TheHiveSetupDialog(BridgeHost &host, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_base(new QLineEdit(SetupHelpers::listenBaseUrl(host.config()).toString(), this))
    , m_webhookUrl(new QLabel(this))
    , m_showSecret(new QPushButton(tr("&Show secret"), this))
    , m_secretState(new QLabel(this))
    , m_steps5(new CodeBox(this))
    , m_config4(new CodeBox(this))
    , m_activation4(new CodeBox(this))
{
    setWindowTitle(tr("Connect TheHive"));
    m_base->setObjectName(QStringLiteral("bridgeBaseUrl"));
    m_showSecret->setObjectName(QStringLiteral("showSecret"));
    m_secretState->setObjectName(QStringLiteral("secretState"));
    m_webhookUrl->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_secretState->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *baseLabel = new QLabel(tr("&Bridge address as TheHive reaches it:"), this);
    baseLabel->setBuddy(m_base);
    form->addRow(baseLabel, m_base);
    form->addRow(tr("Webhook URL:"), m_webhookUrl);
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_showSecret);
    secretRow->addWidget(m_secretState, 1);
    form->addRow(tr("Webhook secret:"), secretRow);

    auto *th5 = new QWidget(this);
    auto *th5Layout = new QVBoxLayout(th5);
    th5Layout->addWidget(m_steps5);

    auto *th4 = new QWidget(this);
    auto *th4Layout = new QVBoxLayout(th4);
    th4Layout->addWidget(wrapped(tr("Add this endpoint to TheHive's application.conf (usually "
                                    "/etc/thehive/application.conf) and restart TheHive:"),
                                 th4));
    th4Layout->addWidget(m_config4, 2);
    th4Layout->addWidget(wrapped(tr("Then turn the webhook on for each organisation whose "
                                    "cases go to Slack, with the API key of an administrator "
                                    "of that organisation:"),
                                 th4));
    th4Layout->addWidget(m_activation4, 1);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(th5, tr("TheHive &5"));
    tabs->addTab(th4, tr("TheHive &4"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(720, 600);

    connect(m_base, &QLineEdit::textChanged, this, &TheHiveSetupDialog::update);
    connect(m_showSecret, &QPushButton::clicked, this, &TheHiveSetupDialog::toggleSecret);
    update();
}

void TheHiveSetupDialog::toggleSecret()
{
    if (!m_secret.isEmpty()) {
        m_secret.clear();
        m_showSecret->setText(tr("&Show secret"));
        m_secretState->clear();
        return update();
    }
    m_showSecret->setEnabled(false);
    m_secretState->setText(tr("Reading the secret…"));
    QPointer<TheHiveSetupDialog> self(this);
    m_host.secrets().read(QLatin1String(Bridge::SecretKey::TheHiveWebhookSecret),
                          [self](const Bridge::SecretResult &r) {
                              if (!self)
                                  return;
                              self->m_showSecret->setEnabled(true);
                              if (r.ok() && !r.value.isEmpty()) {
                                  self->m_secret = r.value;
                                  self->m_showSecret->setText(tr("&Hide secret"));
                                  self->m_secretState->clear();
                                  return self->update();
                              }
                              self->m_secretState->setText(
                                  r.status == Bridge::SecretResult::Status::NotFound
                                      ? tr("No webhook secret is stored yet: generate one in "
                                           "Connections and save.")
                                      : tr("Cannot read the webhook secret: %1").arg(r.error));
                          });
}

void TheHiveSetupDialog::update()
{
    const QUrl base(m_base->text().trimmed());
    if (!SetupHelpers::isHttpUrl(base)) {
        m_webhookUrl->setText(tr("type an http:// or https:// address"));
        for (CodeBox *box : {m_steps5, m_config4, m_activation4})
            box->setText({});
        return;
    }
    const QUrl webhook = SetupHelpers::endpointUrl(base, QStringLiteral("/thehive/webhook"));
    m_webhookUrl->setText(webhook.toString());
    m_steps5->setText(SetupHelpers::theHive5Steps(webhook, m_secret));
    m_config4->setText(SetupHelpers::theHive4Config(webhook, m_secret));
    m_activation4->setText(SetupHelpers::theHive4Activation(m_host.config().theHiveUrl));
}

} // namespace Console
