#pragma once

#include "config/bridgeconfig.h"
#include "core/casemodel.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPair>
#include <QStyledItemDelegate>

#include <optional>

namespace Console {

/// The routing rules as an editable, ordered table: one row per Bridge::RouteRule, first match
/// wins. Display text is what an admin reads ("TLP:AMBER", "High or above", "#soc (C012)");
/// the edit role takes and gives plain values (see Column).
class RoutingRulesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// Edit-role values per column: Name, Channel: the text / channel id; Organisations, Tags:
    /// comma-separated text; Tlps: comma-separated TLP labels or numbers ("TLP:GREEN, 2");
    /// MinSeverity: int 0 (any) to 4; TlpCeiling: int, -1 for none; AboveCeiling: int
    /// (Bridge::AboveCeiling).
    enum Column {
        Name,
        Organisations,
        MinSeverity,
        Tags,
        Tlps,
        Channel,
        TlpCeiling,
        AboveCeiling,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        /// A QVariantList of {label, value} QVariantLists for columns edited by picking one
        /// value; empty for free text. Channel choices allow free text too.
        ChoicesRole = Qt::UserRole + 1,
    };

    explicit RoutingRulesModel(QObject *parent = nullptr);

    void setRules(const QList<Bridge::RouteRule> &rules);
    QList<Bridge::RouteRule> rules() const { return m_rules; }

    /// Labels TLP values the way this TheHive numbers them (AMBER+STRICT from 5.2).
    void setHiveVersion(const Bridge::HiveVersion &version);
    Bridge::HiveVersion hiveVersion() const { return m_version; }
    /// Channels known from Slack (id, name): shown as "#name (id)" and offered when editing.
    void setChannels(const QList<QPair<QString, QString>> &channels);
    /// "#name (id)" for a known channel, the bare id otherwise.
    QString channelLabel(const QString &id) const;
    /// The channel id meant by what an admin typed or picked: "#name (id)", "#name" or "name"
    /// of a known channel, else the trimmed text itself (an id).
    QString channelIdFor(const QString &text) const;

    /// Appends a rule that matches everything until edited; returns its row.
    int addRule(const QString &channel);
    bool removeRule(int row);
    /// Moves a rule one place up (delta -1) or down (+1); false at either end.
    bool moveRule(int row, int delta);

    /// Why these rules cannot be saved (a rule without a channel), or empty.
    QString problem() const;

    /// TLP choices of this version plus "no ceiling" (-1) first.
    QList<QPair<QString, int>> ceilingChoices() const;
    static QString aboveCeilingLabel(Bridge::AboveCeiling action);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

private:
    QVariant display(const Bridge::RouteRule &rule, int column) const;
    QVariant edit(const Bridge::RouteRule &rule, int column) const;
    bool apply(Bridge::RouteRule &rule, int column, const QVariant &value) const;
    QVariantList choices(int column) const;
    QString tlpLabel(int value) const;
    std::optional<int> parseTlp(const QString &token) const;

    QList<Bridge::RouteRule> m_rules;
    Bridge::HiveVersion m_version;
    QList<QPair<QString, QString>> m_channels;
};

/// Edits the RoutingRulesModel columns that offer choices (ChoicesRole) with a combo box; the
/// channel combo also takes a typed channel id.
class RuleChoiceDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RuleChoiceDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace Console
