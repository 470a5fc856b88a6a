#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Bridge {
struct HiveVersion;
}

namespace Console {

class BridgeHost;
class RoutingRulesModel;

/// The Channels tab: the ordered routing rules (first match wins), the default channel with its
/// TLP ceiling, a channel picker fed by Slack's conversations.list, and "Send a test card".
/// Save writes the settings through BridgeHost, which restarts the bridge with them.
class ChannelsPage final : public QWidget
{
    Q_OBJECT
public:
    ChannelsPage(BridgeHost &host, QWidget *parent = nullptr);

    RoutingRulesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// Channels Slack listed, as "#name (id)" with the id as item data.
    QComboBox *channelPicker() const { return m_picker; }
    /// Editable: accepts a picked channel or a typed id.
    QComboBox *defaultChannel() const { return m_defaultChannel; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *moveUpButton() const { return m_up; }
    QPushButton *moveDownButton() const { return m_down; }
    /// Puts the picked channel on the selected rule.
    QPushButton *useChannelButton() const { return m_useChannel; }
    QPushButton *saveButton() const { return m_save; }
    /// Back to what the settings hold.
    QPushButton *revertButton() const { return m_revert; }
    QPushButton *testButton() const { return m_test; }
    /// Save problems and confirmations.
    QLabel *banner() const { return m_banner; }
    /// Why the picker is empty or disabled.
    QLabel *channelHint() const { return m_channelHint; }
    /// The outcome of the last test card.
    QLabel *testResult() const { return m_testResult; }
    bool hasUnsavedChanges() const { return m_dirty; }

private:
    QWidget *buildRules();
    QWidget *buildDefaults();
    void loadFromConfig();
    bool differsFromConfig() const;
    void onBridgeReplaced();
    void updateButtons();
    void setDirty(bool dirty);
    void showBanner(const QString &text, bool error);
    void applyHiveVersion();
    void useHiveVersion(const Bridge::HiveVersion &version);
    void fillCeilingChoices();
    void loadChannels();
    void fetchChannelPage(const QString &cursor, int page);
    void showChannels();
    int selectedRow() const;
    QString testChannel() const;
    void moveSelected(int delta);
    void save();
    void sendTestCard();

    BridgeHost &m_host;
    RoutingRulesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_picker = nullptr;
    QComboBox *m_defaultChannel = nullptr;
    QComboBox *m_defaultCeiling = nullptr;
    QComboBox *m_defaultAbove = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_useChannel = nullptr;
    QPushButton *m_reloadChannels = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_channelHint = nullptr;
    QLabel *m_testResult = nullptr;

    bool m_dirty = false;
    bool m_loading = false;
    bool m_testInFlight = false;
    /// Bumped whenever the bridge is replaced: answers carrying an older ticket are dropped.
    quint64 m_ticket = 0;
    QList<QPair<QString, QString>> m_fetched; ///< channels gathered across pages (id, name)
};

} // namespace Console
