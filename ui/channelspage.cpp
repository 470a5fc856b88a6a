#include "channelspage.h"

#include "bridgehost.h"
#include "routingrulesmodel.h"

#include "admin/connectiontester.h"
#include "bridgeservice.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Console {

namespace {

/// 200 channels a page: enough for any SOC workspace, and a bad cursor never loops forever.
constexpr int MaxChannelPages = 50;
/// A long list of tags or organisations must not push the other conditions out of sight.
constexpr int MaxColumnWidth = 320;

/// Slack's answer to a channel operation in words an admin can act on.
QString describeSlackError(const QString &code)
{
    if (code == u"channel_not_found")
        return ChannelsPage::tr("the channel does not exist, or it is private and the HiveSlack "
                                "app has not been invited to it");
    if (code == u"not_in_channel")
        return ChannelsPage::tr("the HiveSlack app is not in the channel: type /invite "
                                "@HiveSlack there");
    if (code == u"is_archived")
        return ChannelsPage::tr("the channel is archived");
    // Slack's codes are snake_case; anything else is the network's own message.
    static const QRegularExpression slackCode(QStringLiteral("^[a-z_]+$"));
    if (!slackCode.match(code).hasMatch())
        return ChannelsPage::tr("Slack could not be reached (%1)").arg(code);
    return Bridge::ConnectionTester::describeSlackError(code);
}

/// Shows a channel id in an editable combo: its item when listed, the bare id otherwise.
void showChannel(QComboBox *combo, const QString &id)
{
    if (const int at = combo->findData(id); at >= 0)
        return combo->setCurrentIndex(at);
    combo->setCurrentIndex(-1);
    combo->setEditText(id);
}

} // namespace

ChannelsPage::ChannelsPage(BridgeHost &host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_model(new RoutingRulesModel(this))
    , m_banner(new QLabel(this))
{
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_save = new QPushButton(tr("&Save"), this);
    m_revert = new QPushButton(tr("Re&vert"), this);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_revert);
    actions->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(buildRules(), 1);
    layout->addWidget(buildDefaults());
    layout->addLayout(actions);

    const auto edited = [this] {
        if (!m_loading)
            setDirty(true);
    };
    connect(m_model, &QAbstractItemModel::dataChanged, this, edited);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, edited);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, edited);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, edited);
    connect(m_defaultChannel, &QComboBox::editTextChanged, this, edited);
    connect(m_defaultCeiling, &QComboBox::currentIndexChanged, this, edited);
    connect(m_defaultAbove, &QComboBox::currentIndexChanged, this, edited);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ChannelsPage::updateButtons);

    connect(m_add, &QPushButton::clicked, this, [this] {
        const QString channel =
            m_picker->isEnabled() ? m_picker->currentData().toString() : QString();
        const int row = m_model->addRule(channel);
        m_table->selectRow(row);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] { m_model->removeRule(selectedRow()); });
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(+1); });
    connect(m_useChannel, &QPushButton::clicked, this, [this] {
        m_model->setData(m_model->index(selectedRow(), RoutingRulesModel::Channel),
                         m_picker->currentData());
    });
    connect(m_reloadChannels, &QPushButton::clicked, this, &ChannelsPage::loadChannels);
    connect(m_test, &QPushButton::clicked, this, &ChannelsPage::sendTestCard);
    connect(m_save, &QPushButton::clicked, this, &ChannelsPage::save);
    connect(m_revert, &QPushButton::clicked, this, &ChannelsPage::loadFromConfig);
    connect(&m_host, &BridgeHost::bridgeReplaced, this, &ChannelsPage::onBridgeReplaced);
    connect(&m_host, &BridgeHost::stateChanged, this, &ChannelsPage::updateButtons);

    loadFromConfig();
    onBridgeReplaced();
}

QWidget *ChannelsPage::buildRules()
{
    auto *box = new QGroupBox(tr("Routing rules"), this);
    auto *intro = new QLabel(tr("Rules are tried from the top: the first rule whose conditions "
                                "all hold picks the channel. An empty condition matches any "
                                "case. Above its TLP ceiling a case is redacted or not posted."),
                             box);
    intro->setWordWrap(true);

    m_table = new QTableView(box);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new RuleChoiceDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    // One line a rule: conditions and channels size to their text, the rule's name takes the
    // rest of the width.
    m_table->setWordWrap(false);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(RoutingRulesModel::Name, QHeaderView::Stretch);
    columns->setMaximumSectionSize(MaxColumnWidth);

    m_add = new QPushButton(tr("&Add rule"), box);
    m_remove = new QPushButton(tr("&Remove"), box);
    m_up = new QPushButton(tr("Move &up"), box);
    m_down = new QPushButton(tr("Move do&wn"), box);
    auto *ruleButtons = new QVBoxLayout;
    for (QPushButton *button : {m_add, m_remove, m_up, m_down})
        ruleButtons->addWidget(button);
    ruleButtons->addStretch(1);
    auto *tableRow = new QHBoxLayout;
    tableRow->addWidget(m_table, 1);
    tableRow->addLayout(ruleButtons);

    m_picker = new QComboBox(box);
    m_picker->setMinimumContentsLength(24);
    auto *pickerLabel = new QLabel(tr("Slack &channel:"), box);
    pickerLabel->setBuddy(m_picker);
    m_useChannel = new QPushButton(tr("Use for the selected rule"), box);
    m_reloadChannels = new QPushButton(tr("Re&load channels"), box);
    auto *pickerRow = new QHBoxLayout;
    pickerRow->addWidget(pickerLabel);
    pickerRow->addWidget(m_picker, 1);
    pickerRow->addWidget(m_useChannel);
    pickerRow->addWidget(m_reloadChannels);
    m_channelHint = new QLabel(box);
    m_channelHint->setWordWrap(true);

    m_test = new QPushButton(tr("Send a &test card"), box);
    m_test->setToolTip(tr("Posts a short message to the selected rule's channel, or to the "
                          "default channel when no rule is selected."));
    m_testResult = new QLabel(box);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(intro);
    layout->addLayout(tableRow, 1);
    layout->addLayout(pickerRow);
    layout->addWidget(m_channelHint);
    layout->addLayout(testRow);
    return box;
}

QWidget *ChannelsPage::buildDefaults()
{
    auto *box = new QGroupBox(tr("Cases no rule matches"), this);
    m_defaultChannel = new QComboBox(box);
    m_defaultChannel->setEditable(true);
    m_defaultChannel->setToolTip(tr("Pick a channel, or type a channel id such as C0123ABCD."));
    m_defaultCeiling = new QComboBox(box);
    m_defaultAbove = new QComboBox(box);
    for (Bridge::AboveCeiling action : {Bridge::AboveCeiling::Redact, Bridge::AboveCeiling::Drop})
        m_defaultAbove->addItem(RoutingRulesModel::aboveCeilingLabel(action), int(action));
    auto *form = new QFormLayout(box);
    form->addRow(tr("&Default channel:"), m_defaultChannel);
    form->addRow(tr("TLP c&eiling:"), m_defaultCeiling);
    form->addRow(tr("A&bove the ceiling:"), m_defaultAbove);
    return box;
}

void ChannelsPage::loadFromConfig()
{
    const Bridge::BridgeConfig &config = m_host.config();
    m_loading = true;
    m_model->setRules(config.routes);
    showChannel(m_defaultChannel, config.defaultChannel);
    fillCeilingChoices();
    m_defaultCeiling->setCurrentIndex(
        std::max(0, int(m_defaultCeiling->findData(config.defaultTlpCeiling))));
    m_defaultAbove->setCurrentIndex(m_defaultAbove->findData(int(config.defaultAboveCeiling)));
    m_loading = false;
    setDirty(false);
}

bool ChannelsPage::differsFromConfig() const
{
    const Bridge::BridgeConfig &config = m_host.config();
    return config.routes != m_model->rules() ||
           config.defaultChannel != m_model->channelIdFor(m_defaultChannel->currentText()) ||
           config.defaultTlpCeiling != m_defaultCeiling->currentData().toInt() ||
           int(config.defaultAboveCeiling) != m_defaultAbove->currentData().toInt();
}

void ChannelsPage::onBridgeReplaced()
{
    ++m_ticket; // answers still on their way come from a bridge that is gone
    if (m_testInFlight) {
        m_testInFlight = false;
        m_testResult->setText(tr("The bridge restarted before Slack answered: send it again."));
    }
    // Settings saved elsewhere (another page, an import) show up unless edits are pending here.
    if (!m_dirty && differsFromConfig())
        loadFromConfig();
    applyHiveVersion();
    loadChannels();
    updateButtons();
}

void ChannelsPage::updateButtons()
{
    const bool running = m_host.bridge() != nullptr;
    const int row = selectedRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_model->rowCount());
    m_picker->setEnabled(running && m_picker->count() > 0);
    m_useChannel->setEnabled(m_picker->isEnabled() && row >= 0);
    m_reloadChannels->setEnabled(running);
    m_test->setEnabled(running && !m_testInFlight && !testChannel().isEmpty());
    m_save->setEnabled(m_dirty);
    m_revert->setEnabled(m_dirty);
    if (running)
        return;
    if (m_host.state() == BridgeHost::State::Starting)
        m_channelHint->setText(tr("The bridge is starting…"));
    else
        m_channelHint->setText(
            tr("Channels are listed and test cards sent by the running "
               "bridge, which is not running: %1")
                .arg(m_host.stateText().isEmpty() ? tr("stopped") : m_host.stateText()));
}

void ChannelsPage::setDirty(bool dirty)
{
    if (dirty && !m_dirty)
        m_banner->hide(); // an old "Saved" no longer describes what is shown
    m_dirty = dirty;
    updateButtons();
}

void ChannelsPage::showBanner(const QString &text, bool error)
{
    m_banner->setStyleSheet(
        error ? QStringLiteral("QLabel { background: #fdecea; color: #611a15; padding: 6px; }")
              : QStringLiteral("QLabel { background: #e8f4fd; color: #0d3c61; padding: 6px; }"));
    m_banner->setText(text);
    m_banner->show();
}

void ChannelsPage::applyHiveVersion()
{
    Bridge::BridgeService *bridge = m_host.bridge();
    if (const std::optional<Bridge::HiveVersion> pinned = m_host.config().theHiveVersion)
        return useHiveVersion(*pinned);
    if (!bridge)
        return;
    if (const std::optional<Bridge::HiveVersion> known = bridge->versions().known())
        return useHiveVersion(*known);
    // The bridge asks TheHive on start; the probe goes with the bridge, and so does this.
    connect(&bridge->versions(), &Bridge::HiveVersionProbe::detected, this,
            &ChannelsPage::useHiveVersion);
}

void ChannelsPage::useHiveVersion(const Bridge::HiveVersion &version)
{
    if (version == m_model->hiveVersion())
        return;
    const bool wasLoading = std::exchange(m_loading, true); // relabelling is no edit
    m_model->setHiveVersion(version);
    m_loading = wasLoading;
    fillCeilingChoices();
}

void ChannelsPage::fillCeilingChoices()
{
    const bool wasLoading = std::exchange(m_loading, true);
    const QVariant current = m_defaultCeiling->currentData();
    m_defaultCeiling->clear();
    for (const auto &[label, value] : m_model->ceilingChoices())
        m_defaultCeiling->addItem(label, value);
    m_defaultCeiling->setCurrentIndex(std::max(0, int(m_defaultCeiling->findData(current))));
    m_loading = wasLoading;
}

void ChannelsPage::loadChannels()
{
    if (!m_host.bridge())
        return updateButtons();
    m_fetched.clear();
    m_channelHint->setText(tr("Asking Slack for the channels…"));
    fetchChannelPage({}, 0);
}

void ChannelsPage::fetchChannelPage(const QString &cursor, int page)
{
    Bridge::BridgeService *bridge = m_host.bridge();
    QPointer<ChannelsPage> self(this);
    const quint64 ticket = m_ticket;
    bridge->slack().listConversations(
        cursor, [self, ticket, bridge, page](const Bridge::SlackResult &r) {
            if (!self || self->m_ticket != ticket || self->m_host.bridge() != bridge)
                return;
            if (!r.ok())
                return self->m_channelHint->setText(
                    tr("Slack did not list the channels: %1.").arg(describeSlackError(r.error)));
            for (const QJsonValue &value : r.json.value(u"channels").toArray()) {
                const QJsonObject channel = value.toObject();
                self->m_fetched.append(
                    {channel.value(u"id").toString(), channel.value(u"name").toString()});
            }
            const QString next =
                r.json.value(u"response_metadata").toObject().value(u"next_cursor").toString();
            if (!next.isEmpty() && page + 1 < MaxChannelPages)
                return self->fetchChannelPage(next, page + 1);
            self->showChannels();
        });
}

void ChannelsPage::showChannels()
{
    std::sort(m_fetched.begin(), m_fetched.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    // Read the current choices before the labels they are written in change.
    const QString defaultId = m_model->channelIdFor(m_defaultChannel->currentText());
    const QString picked = m_picker->currentData().toString();
    const bool wasLoading = std::exchange(m_loading, true); // relabelling is no edit
    m_model->setChannels(m_fetched);
    m_picker->clear();
    m_defaultChannel->clear();
    for (const auto &[id, name] : std::as_const(m_fetched)) {
        m_picker->addItem(m_model->channelLabel(id), id);
        m_defaultChannel->addItem(m_model->channelLabel(id), id);
    }
    m_picker->setCurrentIndex(std::max(0, int(m_picker->findData(picked))));
    showChannel(m_defaultChannel, defaultId);
    m_loading = wasLoading;
    m_channelHint->setText(
        m_fetched.isEmpty()
            ? tr("Slack listed no channels: create one and invite the HiveSlack app to it.")
            : tr("Channels in the workspace: %1. HiveSlack posts only where it has been "
                 "invited (/invite @HiveSlack).")
                  .arg(m_fetched.size()));
    updateButtons();
}

int ChannelsPage::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

QString ChannelsPage::testChannel() const
{
    const int row = selectedRow();
    if (row >= 0)
        return m_model->rules().at(row).channel;
    return m_model->channelIdFor(m_defaultChannel->currentText());
}

void ChannelsPage::moveSelected(int delta)
{
    const int row = selectedRow();
    if (m_model->moveRule(row, delta))
        m_table->selectRow(row + delta);
}

void ChannelsPage::save()
{
    if (const QString problem = m_model->problem(); !problem.isEmpty())
        return showBanner(problem, true);
    const QString defaultChannel = m_model->channelIdFor(m_defaultChannel->currentText());
    if (defaultChannel.isEmpty())
        return showBanner(tr("Choose a default channel: cases no rule matches are posted there."),
                          true);
    Bridge::BridgeConfig config = m_host.config();
    config.routes = m_model->rules();
    config.defaultChannel = defaultChannel;
    config.defaultTlpCeiling = m_defaultCeiling->currentData().toInt();
    config.defaultAboveCeiling = Bridge::AboveCeiling(m_defaultAbove->currentData().toInt());
    QString error;
    if (!m_host.saveConfig(config, &error))
        return showBanner(tr("The rules were not saved: %1").arg(error), true);
    setDirty(false);
    showBanner(tr("Saved. The bridge restarts and routes new cases with these rules."), false);
}

void ChannelsPage::sendTestCard()
{
    Bridge::BridgeService *bridge = m_host.bridge();
    const QString channel = testChannel();
    if (!bridge || channel.isEmpty())
        return;
    const QString label = m_model->channelLabel(channel);
    m_testInFlight = true;
    m_testResult->setText(tr("Posting a test message to %1…").arg(label));
    updateButtons();
    QPointer<ChannelsPage> self(this);
    const quint64 ticket = m_ticket;
    bridge->sendTestMessage(channel, [self, ticket, bridge, label](bool ok, const QString &error) {
        if (!self || self->m_ticket != ticket || self->m_host.bridge() != bridge)
            return;
        self->m_testInFlight = false;
        self->m_testResult->setText(
            ok ? tr("Posted to %1: HiveSlack can post there.").arg(label)
               : tr("Could not post to %1: %2.").arg(label, describeSlackError(error)));
        self->updateButtons();
    });
}

} // namespace Console
