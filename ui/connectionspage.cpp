#include "connectionspage.h"

#include "bridgehost.h"
#include "checkrow.h"
#include "keychainbanner.h"
#include "secretfield.h"
#include "setuphelpers.h"
#include "slackappdialog.h"
#include "thehivesetupdialog.h"

#include "admin/connectiontester.h"
#include "config/configloader.h"
#include "core/secretstore.h"
#include "thehive/dialect.h"

#include <QButtonGroup>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Console {

namespace {

QString urlRule(const QString &text, bool required)
{
    if (text.isEmpty())
        return required ? ConnectionsPage::tr("required") : QString();
    return SetupHelpers::isHttpUrl(QUrl(text))
               ? QString()
               : ConnectionsPage::tr("must be an http:// or https:// address");
}

std::optional<Bridge::HiveVersion> pinnedVersion(const QString &text)
{
    std::optional<Bridge::HiveVersion> version = Bridge::parseVersionString(text);
    if (version && (version->major < 4 || version->major > 9))
        return std::nullopt;
    return version;
}

/// Secondary text under a choice: still readable and enabled.
QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *hint = new QLabel(text, parent);
    hint->setWordWrap(true);
    hint->setIndent(parent->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) +
                    parent->style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing));
    QPalette dimmed = hint->palette();
    dimmed.setColor(QPalette::WindowText, dimmed.color(QPalette::PlaceholderText));
    hint->setPalette(dimmed);
    return hint;
}

} // namespace

ConnectionsPage::ConnectionsPage(BridgeHost &host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_network(new QNetworkAccessManager(this))
    , m_tester(new Bridge::ConnectionTester(*m_network, 10'000, this))
    , m_banner(new KeychainBanner(this))
{

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addWidget(m_banner);
    column->addWidget(buildTheHive());
    column->addWidget(buildSlack());

    m_save = new QPushButton(tr("&Save"), content);
    m_save->setObjectName(u"saveButton"_s);
    m_saveResult = new QLabel(content);
    m_saveResult->setObjectName(u"saveResult"_s);
    m_saveResult->setWordWrap(true);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_save);
    saveRow->addWidget(m_saveResult, 1);
    column->addLayout(saveRow);
    column->addWidget(buildHelpers());
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_save, &QPushButton::clicked, this, &ConnectionsPage::save);
    // The host reads its settings file on start: follow it unless the admin is editing.
    connect(&m_host, &BridgeHost::stateChanged, this, [this] {
        if (!m_dirty)
            loadFromConfig();
    });
    loadFromConfig();
    refreshSecretStates();
}

ConnectionsPage::~ConnectionsPage() = default;

QLineEdit *ConnectionsPage::addField(QFormLayout *form, const QString &label, const QString &name,
                                     std::function<QString(const QString &)> rule)
{
    auto *parent = form->parentWidget();
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    auto *caption = new QLabel(label, parent);
    caption->setBuddy(edit);
    connect(edit, &QLineEdit::textEdited, this, [this] { m_dirty = true; });
    if (!rule) {
        form->addRow(caption, edit);
        return edit;
    }
    auto *error = new QLabel(parent);
    error->setObjectName(u"error_"_s + name);
    error->setStyleSheet(u"color: #b3261e;"_s);
    error->hide();
    auto *cell = new QVBoxLayout;
    cell->addWidget(edit);
    cell->addWidget(error);
    form->addRow(caption, cell);
    m_checks.append({edit, error, std::move(rule)});
    connect(edit, &QLineEdit::textChanged, this, &ConnectionsPage::validate);
    return edit;
}

SecretField *ConnectionsPage::addSecret(QFormLayout *form, const QString &label,
                                        const QString &name, const char *key, QWidget *extra)
{
    auto *field = new SecretField(key, name, extra, form->parentWidget());
    auto *caption = new QLabel(label, form->parentWidget());
    caption->setBuddy(field->edit());
    form->addRow(caption, field);
    m_secrets.append(field);
    return field;
}

QWidget *ConnectionsPage::buildTheHive()
{
    auto *box = new QGroupBox(tr("TheHive"));
    auto *form = new QFormLayout(box);
    m_hiveUrl = addField(form, tr("TheHive &URL:"), u"theHiveUrl"_s,
                         [](const QString &t) { return urlRule(t, true); });
    m_hiveUiUrl = addField(form, tr("U&I URL:"), u"theHiveUiUrl"_s,
                           [](const QString &t) { return urlRule(t, false); });
    m_hiveUiUrl->setPlaceholderText(tr("same as the TheHive URL"));
    m_organisation = addField(form, tr("&Organisation:"), u"theHiveOrganisation"_s);
    m_organisation->setPlaceholderText(tr("the API user's default organisation"));
    m_version = addField(form, tr("&Version:"), u"theHiveVersion"_s, [](const QString &t) {
        return t.isEmpty() || pinnedVersion(t) ? QString()
                                               : tr("type 5.2 or 4.1, or leave empty to detect");
    });
    m_version->setPlaceholderText(tr("detect"));
    m_apiKey =
        addSecret(form, tr("&API key:"), u"theHiveApiKey"_s, Bridge::SecretKey::TheHiveApiKey);
    auto *generate = new QPushButton(tr("Gen&erate"));
    generate->setObjectName(u"generateSecret"_s);
    generate->setToolTip(tr("Make a new random webhook secret"));
    m_webhookSecret = addSecret(form, tr("&Webhook secret:"), u"theHiveWebhookSecret"_s,
                                Bridge::SecretKey::TheHiveWebhookSecret, generate);
    connect(generate, &QPushButton::clicked, this, [this] {
        m_webhookSecret->edit()->setText(SetupHelpers::generateSecret());
        m_webhookSecret->state()->setText(tr("new secret, not saved yet"));
    });
    buildIdentity(form);
    m_hiveTest = new CheckRow(tr("&Test TheHive"), u"testTheHive"_s, u"theHiveResult"_s, box);
    form->addRow(m_hiveTest);
    connect(m_hiveTest->button(), &QPushButton::clicked, this, &ConnectionsPage::testTheHive);
    return box;
}

void ConnectionsPage::buildIdentity(QFormLayout *form)
{
    QWidget *box = form->parentWidget();
    m_actAsService = new QRadioButton(tr("the &HiveSlack service account"), box);
    m_actAsService->setObjectName(u"actAsService"_s);
    m_actAsHeader = new QRadioButton(
        tr("each anal&yst himself, through TheHive's HTTP header authentication"), box);
    m_actAsHeader->setObjectName(u"actAsHeader"_s);
    auto *group = new QButtonGroup(box);
    group->addButton(m_actAsService);
    group->addButton(m_actAsHeader);
    auto *choices = new QVBoxLayout;
    choices->addWidget(m_actAsService);
    choices->addWidget(hintLabel(tr("HiveSlack checks each analyst's TheHive permissions first "
                                    "and records who acted in a case comment on TheHive 5 and in "
                                    "the card's thread."),
                                 box));
    choices->addWidget(m_actAsHeader);
    choices->addWidget(hintLabel(tr("TheHive checks and audits the analyst itself. TheHive must "
                                    "accept this header only from HiveSlack's address: anyone "
                                    "else sending it could act as any analyst."),
                                 box));
    form->addRow(tr("Act in TheHive as:"), choices);

    // The loader's own message for a bad name (empty means the default).
    m_userHeader =
        addField(form, tr("User hea&der:"), u"theHiveUserHeader"_s, [](const QString &text) {
            return text.trimmed().isEmpty() ? QString() : Bridge::userHeaderProblem(text.trimmed());
        });
    m_userHeader->setPlaceholderText(Bridge::BridgeConfig().theHiveUserHeader);
    connect(group, &QButtonGroup::buttonClicked, this, [this] { m_dirty = true; });
    connect(m_actAsHeader, &QRadioButton::toggled, m_userHeader, &QLineEdit::setEnabled);
}

QWidget *ConnectionsPage::buildSlack()
{
    auto *box = new QGroupBox(tr("Slack"));
    auto *form = new QFormLayout(box);
    m_slackUrl = addField(form, tr("Slack API U&RL:"), u"slackApiUrl"_s,
                          [](const QString &t) { return urlRule(t, false); });
    m_slackUrl->setPlaceholderText(Bridge::BridgeConfig().slackApiUrl.toString());
    m_botToken =
        addSecret(form, tr("&Bot token:"), u"slackBotToken"_s, Bridge::SecretKey::SlackBotToken);
    addSecret(form, tr("App-level t&oken:"), u"slackAppToken"_s, Bridge::SecretKey::SlackAppToken);
    form->addRow(QString(), hintLabel(tr("For Socket Mode (xapp-…, scope connections:write): "
                                         "HiveSlack connects out to Slack, and Slack needs no way "
                                         "in. Without it, Slack calls HiveSlack over HTTP, "
                                         "checked with the signing secret."),
                                      box));
    addSecret(form, tr("Sig&ning secret:"), u"slackSigningSecret"_s,
              Bridge::SecretKey::SlackSigningSecret);
    m_channel = addField(form, tr("Default &channel:"), u"slackDefaultChannel"_s);
    m_channel->setPlaceholderText(tr("channel id, e.g. C0123456789"));
    m_slackTest = new CheckRow(tr("Test S&lack"), u"testSlack"_s, u"slackResult"_s, box);
    form->addRow(m_slackTest);
    connect(m_slackTest->button(), &QPushButton::clicked, this, &ConnectionsPage::testSlack);
    return box;
}

QWidget *ConnectionsPage::buildHelpers()
{
    auto *box = new QGroupBox(tr("Set-up helpers"));
    const auto button = [box](const QString &text, const QString &name) {
        auto *b = new QPushButton(text, box);
        b->setObjectName(name);
        return b;
    };
    QPushButton *slackApp = button(tr("Create the Slac&k app…"), u"slackAppButton"_s);
    QPushButton *hiveSetup = button(tr("Set u&p the TheHive webhook…"), u"theHiveSetupButton"_s);
    QPushButton *exportButton = button(tr("E&xport configuration…"), u"exportButton"_s);
    QPushButton *importButton = button(tr("I&mport configuration…"), u"importButton"_s);
    m_transferResult = new QLabel(box);
    m_transferResult->setObjectName(u"transferResult"_s);
    m_transferResult->setWordWrap(true);
    m_transferResult->setTextFormat(Qt::PlainText);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {slackApp, hiveSetup, exportButton, importButton})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(buttons);
    layout->addWidget(m_transferResult);

    // Window-modal would block the page the admin copies values from: plain windows instead.
    connect(slackApp, &QPushButton::clicked, this, [this] {
        auto *dialog = new SlackAppDialog(SetupHelpers::listenBaseUrl(m_host.config()),
                                          {.copyFiles = m_host.config().evidenceFiles.copy}, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(hiveSetup, &QPushButton::clicked, this, [this] {
        auto *dialog = new TheHiveSetupDialog(m_host, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose); // the shown secret goes with it
        dialog->show();
    });
    connect(exportButton, &QPushButton::clicked, this, &ConnectionsPage::exportClicked);
    connect(importButton, &QPushButton::clicked, this, &ConnectionsPage::importClicked);
    return box;
}

void ConnectionsPage::loadFromConfig()
{
    const Bridge::BridgeConfig &c = m_host.config();
    m_hiveUrl->setText(c.theHiveUrl.toString());
    m_hiveUiUrl->setText(c.theHiveUiUrl == c.theHiveUrl ? QString() : c.theHiveUiUrl.toString());
    m_organisation->setText(c.theHiveOrganisation);
    m_version->setText(c.theHiveVersion ? c.theHiveVersion->toString() : QString());
    (c.theHiveActAs == Bridge::ActAs::Header ? m_actAsHeader : m_actAsService)->setChecked(true);
    m_userHeader->setEnabled(c.theHiveActAs == Bridge::ActAs::Header);
    m_userHeader->setText(c.theHiveUserHeader);
    m_slackUrl->setText(c.slackApiUrl.toString());
    m_channel->setText(c.defaultChannel);
    m_dirty = false;
    validate();
}

bool ConnectionsPage::validate()
{
    bool ok = true;
    for (const Checked &check : std::as_const(m_checks)) {
        const QString problem = check.rule(check.edit->text().trimmed());
        check.error->setText(problem);
        check.error->setVisible(!problem.isEmpty());
        ok = ok && problem.isEmpty();
    }
    m_save->setEnabled(ok && !m_saving);
    return ok;
}

Bridge::BridgeConfig ConnectionsPage::formConfig() const
{
    Bridge::BridgeConfig config = m_host.config(); // keeps what other pages own (routes, …)
    config.theHiveUrl = QUrl(m_hiveUrl->text().trimmed());
    const QString uiUrl = m_hiveUiUrl->text().trimmed();
    config.theHiveUiUrl = uiUrl.isEmpty() ? config.theHiveUrl : QUrl(uiUrl);
    config.theHiveOrganisation = m_organisation->text().trimmed();
    config.theHiveVersion = pinnedVersion(m_version->text().trimmed());
    config.theHiveActAs =
        m_actAsHeader->isChecked() ? Bridge::ActAs::Header : Bridge::ActAs::Service;
    const QString header = m_userHeader->text().trimmed();
    config.theHiveUserHeader = header.isEmpty() ? Bridge::BridgeConfig().theHiveUserHeader : header;
    const QString slackUrl = m_slackUrl->text().trimmed();
    config.slackApiUrl = slackUrl.isEmpty() ? Bridge::BridgeConfig().slackApiUrl : QUrl(slackUrl);
    config.defaultChannel = m_channel->text().trimmed();
    return config;
}

void ConnectionsPage::save()
{
    if (!validate())
        return;
    QString error;
    if (!m_host.saveConfig(formConfig(), &error))
        return showResultText(m_saveResult, false, error);
    m_dirty = false;
    QList<SecretField *> pending;
    for (SecretField *field : std::as_const(m_secrets)) {
        if (!field->edit()->text().isEmpty())
            pending.append(field);
    }
    m_saving = true; // the host restarts per secret: no second Save meanwhile
    m_save->setEnabled(false);
    showResultText(m_saveResult, true, tr("Saving…"));
    storeSecrets(pending, {});
}

void ConnectionsPage::storeSecrets(QList<SecretField *> pending, QStringList failures)
{
    if (pending.isEmpty()) {
        m_saving = false;
        validate();
        refreshSecretStates();
        if (!failures.isEmpty()) {
            m_banner->showFor(failures.join(u"; "_s));
            return showResultText(
                m_saveResult, false,
                tr("Settings saved, but not every secret: %1").arg(failures.join(u"; "_s)));
        }
        const QString missing = Bridge::validateConfig(m_host.config());
        if (!missing.isEmpty())
            return showResultText(m_saveResult, true, tr("Saved. Still missing: %1").arg(missing));
        return showResultText(m_saveResult, true,
                              m_host.isDemo() ? tr("Saved. The demo keeps running; the bridge "
                                                   "uses these settings once it ends.")
                                              : tr("Saved. The bridge restarts with it."));
    }
    SecretField *field = pending.takeFirst();
    const QString value = field->edit()->text();
    QPointer<ConnectionsPage> self(this);
    m_host.storeSecret(field->key(), value,
                       [self, field, value, pending, failures](bool ok, const QString &error) {
                           if (!self)
                               return;
                           QStringList failed = failures;
                           if (!ok)
                               failed.append(field->key() + u": "_s + error);
                           else if (field->edit()->text() == value)
                               field->edit()->clear(); // write-only: never kept in the form
                           self->storeSecrets(pending, failed);
                       });
}

void ConnectionsPage::refreshSecretStates()
{
    m_banner->hide();
    for (SecretField *field : std::as_const(m_secrets)) {
        field->refresh(m_host.secrets(),
                       [this](Bridge::SecretResult::Status status, const QString &error) {
                           if (status == Bridge::SecretResult::Status::Unavailable)
                               m_banner->showFor(error);
                       });
    }
}

void ConnectionsPage::testTheHive()
{
    const QUrl url(m_hiveUrl->text().trimmed());
    const QString organisation = m_organisation->text().trimmed();
    const std::optional<Bridge::HiveVersion> pin = pinnedVersion(m_version->text().trimmed());
    m_hiveTest->start(tr("Checking TheHive…"));
    const QString missing = tr("no API key: type it above or save one first");
    m_apiKey->valueOrStored(
        m_host.secrets(), missing, [=, this](const QString &key, const QString &error) {
            if (!error.isEmpty())
                return m_hiveTest->finish(false, error);
            m_tester->testTheHive(
                url, key, organisation, [pin, this](const Bridge::TheHiveCheck &c) {
                    if (!c.ok)
                        return m_hiveTest->finish(false, c.error);
                    QStringList lines{tr("Connected to TheHive %1 as %2 (%3).")
                                          .arg(c.version, c.userName, c.userLogin)};
                    if (!c.organisation.isEmpty())
                        lines.append(tr("Organisation: %1.").arg(c.organisation));
                    if (!c.profile.isEmpty())
                        lines.append(tr("Profile: %1.").arg(c.profile));
                    if (!c.permissions.isEmpty())
                        lines.append(tr("Permissions: %1.").arg(c.permissions.join(u", "_s)));
                    if (pin && c.parsed && !(*pin == *c.parsed))
                        lines.append(tr("Note: the version is pinned to %1 but TheHive runs %2.")
                                         .arg(pin->toString(), c.parsed->toString()));
                    m_hiveTest->finish(true, lines.join(u'\n'));
                });
        });
}

void ConnectionsPage::testSlack()
{
    const QString typed = m_slackUrl->text().trimmed();
    const QUrl url = typed.isEmpty() ? Bridge::BridgeConfig().slackApiUrl : QUrl(typed);
    m_slackTest->start(tr("Checking Slack…"));
    const QString missing = tr("no bot token: type it above or save one first");
    m_botToken->valueOrStored(
        m_host.secrets(), missing, [this, url](const QString &token, const QString &error) {
            if (!error.isEmpty())
                return m_slackTest->finish(false, error);
            m_tester->testSlack(url, token, [this](const Bridge::SlackCheck &c) {
                if (!c.ok)
                    return m_slackTest->finish(false, c.error);
                m_slackTest->finish(
                    true, tr("Connected to the Slack workspace %1 (%2) as the bot %3 (%4).")
                              .arg(c.team, c.url, c.botUser, c.botUserId));
            });
        });
}

bool ConnectionsPage::exportTo(const QString &path)
{
    QString error;
    const bool ok = SetupHelpers::exportConfig(m_host.config(), path, &error);
    showResultText(m_transferResult, ok,
                   ok ? tr("Exported the saved configuration to %1. It holds no secrets: give them "
                           "to the server through HIVESLACK_*_FILE variables.")
                            .arg(path)
                      : error);
    return ok;
}

bool ConnectionsPage::importFrom(const QString &path)
{
    QString error;
    const std::optional<Bridge::BridgeConfig> config =
        SetupHelpers::importConfig(path, m_host.config().dataDir, &error);
    if (!config || !m_host.saveConfig(*config, &error)) {
        showResultText(m_transferResult, false, error);
        return false;
    }
    loadFromConfig();
    showResultText(m_transferResult, true,
                   tr("Imported %1. The bridge restarts with it.").arg(path));
    return true;
}

void ConnectionsPage::exportClicked()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export configuration"), u"hiveslack.json"_s, tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

void ConnectionsPage::importClicked()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import configuration"), {},
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFrom(path);
}

} // namespace Console
