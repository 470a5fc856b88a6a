#include "routingrulesmodel.h"

#include "core/hivevocabulary.h"

#include <QComboBox>

#include <algorithm>

namespace Console {

namespace {

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty() && !items.contains(item, Qt::CaseInsensitive))
            items.append(item);
    }
    return items;
}

QVariantList choice(const QString &label, const QVariant &value)
{
    return {label, value};
}

} // namespace

RoutingRulesModel::RoutingRulesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RoutingRulesModel::setRules(const QList<Bridge::RouteRule> &rules)
{
    beginResetModel();
    m_rules = rules;
    endResetModel();
}

void RoutingRulesModel::setHiveVersion(const Bridge::HiveVersion &version)
{
    if (version == m_version)
        return;
    m_version = version;
    if (!m_rules.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RoutingRulesModel::setChannels(const QList<QPair<QString, QString>> &channels)
{
    m_channels = channels;
    if (!m_rules.isEmpty())
        Q_EMIT dataChanged(index(0, Channel), index(rowCount() - 1, Channel));
}

QString RoutingRulesModel::channelLabel(const QString &id) const
{
    for (const auto &[channelId, name] : m_channels) {
        if (channelId == id)
            return tr("#%1 (%2)").arg(name, id);
    }
    return id;
}

QString RoutingRulesModel::channelIdFor(const QString &text) const
{
    const QString trimmed = text.trimmed();
    for (const auto &[id, name] : m_channels) {
        if (trimmed == channelLabel(id) || trimmed == u'#' + name || trimmed == name)
            return id;
    }
    return trimmed;
}

int RoutingRulesModel::addRule(const QString &channel)
{
    const int row = int(m_rules.size());
    Bridge::RouteRule rule;
    rule.name = tr("Rule %1").arg(row + 1);
    rule.channel = channel;
    beginInsertRows({}, row, row);
    m_rules.append(rule);
    endInsertRows();
    return row;
}

bool RoutingRulesModel::removeRule(int row)
{
    if (row < 0 || row >= m_rules.size())
        return false;
    beginRemoveRows({}, row, row);
    m_rules.removeAt(row);
    endRemoveRows();
    return true;
}

bool RoutingRulesModel::moveRule(int row, int delta)
{
    // moveRows() counts the destination before the move: one further down means row + 2.
    if (delta < 0)
        return moveRows({}, row, 1, {}, row - 1);
    return moveRows({}, row, 1, {}, row + 2);
}

bool RoutingRulesModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                 const QModelIndex &destinationParent, int destinationChild)
{
    const int size = int(m_rules.size());
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0 ||
        sourceRow + count > size || destinationChild < 0 || destinationChild > size ||
        (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild))
        return false;
    for (int i = 0; i < count; ++i) {
        if (destinationChild > sourceRow)
            m_rules.move(sourceRow, destinationChild - 1);
        else
            m_rules.move(sourceRow + i, destinationChild + i);
    }
    endMoveRows();
    return true;
}

QString RoutingRulesModel::problem() const
{
    for (const Bridge::RouteRule &rule : m_rules) {
        if (rule.channel.trimmed().isEmpty())
            return tr("The rule “%1” has no channel: pick one, or remove the rule.").arg(rule.name);
    }
    return {};
}

QString RoutingRulesModel::tlpLabel(int value) const
{
    return Bridge::Vocabulary::tlp(value, m_version).label;
}

std::optional<int> RoutingRulesModel::parseTlp(const QString &token) const
{
    bool isNumber = false;
    const int number = token.toInt(&isNumber);
    const QList<Bridge::VocabEntry> tlps = Bridge::Vocabulary::tlps(m_version);
    for (const Bridge::VocabEntry &entry : tlps) {
        const QString bare = entry.label.mid(entry.label.indexOf(u':') + 1);
        if ((isNumber && entry.value.toInt() == number) ||
            token.compare(entry.label, Qt::CaseInsensitive) == 0 ||
            token.compare(bare, Qt::CaseInsensitive) == 0)
            return entry.value.toInt();
    }
    return std::nullopt;
}

QList<QPair<QString, int>> RoutingRulesModel::ceilingChoices() const
{
    QList<QPair<QString, int>> out{{tr("No ceiling"), -1}};
    for (const Bridge::VocabEntry &entry : Bridge::Vocabulary::tlps(m_version))
        out.append({entry.label, entry.value.toInt()});
    return out;
}

QString RoutingRulesModel::aboveCeilingLabel(Bridge::AboveCeiling action)
{
    return action == Bridge::AboveCeiling::Drop ? tr("Post nothing") : tr("Post a redacted card");
}

int RoutingRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RoutingRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoutingRulesModel::display(const Bridge::RouteRule &rule, int column) const
{
    switch (column) {
    case Name:
        return rule.kind == Bridge::RouteKind::Alert ? tr("%1 (alerts)").arg(rule.name) : rule.name;
    case Organisations:
        return rule.organisations.isEmpty() ? tr("any") : rule.organisations.join(u", ");
    case MinSeverity:
        return rule.minSeverity <= 0
                   ? tr("any")
                   : tr("%1 or above").arg(Bridge::Vocabulary::severity(rule.minSeverity).label);
    case Tags:
        return rule.tags.isEmpty() ? tr("any") : rule.tags.join(u", ");
    case Tlps: {
        if (rule.tlps.isEmpty())
            return tr("any");
        QStringList labels;
        for (int tlp : rule.tlps)
            labels.append(tlpLabel(tlp));
        return labels.join(u", ");
    }
    case Channel:
        return rule.channel.isEmpty() ? tr("(no channel)") : channelLabel(rule.channel);
    case TlpCeiling:
        return rule.tlpCeiling < 0 ? tr("No ceiling") : tlpLabel(rule.tlpCeiling);
    case AboveCeiling:
        return rule.tlpCeiling < 0 ? QString() : aboveCeilingLabel(rule.aboveCeiling);
    }
    return {};
}

QVariant RoutingRulesModel::edit(const Bridge::RouteRule &rule, int column) const
{
    switch (column) {
    case Name:
        return rule.name;
    case Organisations:
        return rule.organisations.join(u", ");
    case MinSeverity:
        return rule.minSeverity;
    case Tags:
        return rule.tags.join(u", ");
    case Tlps: {
        QStringList labels;
        for (int tlp : rule.tlps)
            labels.append(tlpLabel(tlp));
        return labels.join(u", ");
    }
    case Channel:
        return rule.channel;
    case TlpCeiling:
        return rule.tlpCeiling;
    case AboveCeiling:
        return int(rule.aboveCeiling);
    }
    return {};
}

QVariantList RoutingRulesModel::choices(int column) const
{
    QVariantList out;
    switch (column) {
    case MinSeverity:
        out.append(QVariant(choice(tr("any"), 0)));
        for (const Bridge::VocabEntry &entry : Bridge::Vocabulary::severities())
            out.append(QVariant(choice(tr("%1 or above").arg(entry.label), entry.value.toInt())));
        break;
    case Channel:
        for (const auto &[id, name] : m_channels)
            out.append(QVariant(choice(tr("#%1 (%2)").arg(name, id), id)));
        break;
    case TlpCeiling:
        for (const auto &[label, value] : ceilingChoices())
            out.append(QVariant(choice(label, value)));
        break;
    case AboveCeiling:
        for (Bridge::AboveCeiling action :
             {Bridge::AboveCeiling::Redact, Bridge::AboveCeiling::Drop})
            out.append(QVariant(choice(aboveCeilingLabel(action), int(action))));
        break;
    default:
        break;
    }
    return out;
}

QVariant RoutingRulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bridge::RouteRule &rule = m_rules.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(rule, index.column());
    case Qt::EditRole:
        return edit(rule, index.column());
    case ChoicesRole:
        return choices(index.column());
    case Qt::ToolTipRole:
        if (index.column() == Name && rule.kind == Bridge::RouteKind::Alert)
            return tr("An alert route: it places TheHive alerts, not cases. Its sources, types "
                      "and batching are set in the configuration file (\"kind\": \"alert\").");
        if (index.column() == Channel && rule.channel.isEmpty())
            return tr("Cases this rule matches need a channel to go to.");
        if (index.column() == Tags || index.column() == Organisations)
            return tr("Comma-separated; a case matches when it has any of them.");
        return {};
    default:
        return {};
    }
}

bool RoutingRulesModel::apply(Bridge::RouteRule &rule, int column, const QVariant &value) const
{
    bool ok = true;
    switch (column) {
    case Name:
        rule.name = value.toString().trimmed();
        return !rule.name.isEmpty();
    case Organisations:
        rule.organisations = splitList(value.toString());
        return true;
    case MinSeverity: {
        const int severity = value.toInt(&ok);
        if (!ok || severity < 0 || severity > 4)
            return false;
        rule.minSeverity = severity;
        return true;
    }
    case Tags:
        rule.tags = splitList(value.toString());
        return true;
    case Tlps: {
        QList<int> tlps;
        for (const QString &token : splitList(value.toString())) {
            const std::optional<int> tlp = parseTlp(token);
            if (!tlp)
                return false;
            if (!tlps.contains(*tlp))
                tlps.append(*tlp);
        }
        std::sort(tlps.begin(), tlps.end());
        rule.tlps = tlps;
        return true;
    }
    case Channel:
        rule.channel = channelIdFor(value.toString());
        return true;
    case TlpCeiling: {
        const int ceiling = value.toInt(&ok);
        if (!ok || ceiling < -1 || ceiling > 4)
            return false;
        rule.tlpCeiling = ceiling;
        return true;
    }
    case AboveCeiling: {
        const int action = value.toInt(&ok);
        if (!ok || (action != int(Bridge::AboveCeiling::Redact) &&
                    action != int(Bridge::AboveCeiling::Drop)))
            return false;
        rule.aboveCeiling = Bridge::AboveCeiling(action);
        return true;
    }
    }
    return false;
}

bool RoutingRulesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Bridge::RouteRule rule = m_rules.at(index.row());
    if (!apply(rule, index.column(), value))
        return false;
    if (rule == m_rules.at(index.row()))
        return true;
    m_rules[index.row()] = rule;
    // The action column reads empty without a ceiling, so a ceiling change repaints it too.
    const int last = index.column() == TlpCeiling ? int(AboveCeiling) : index.column();
    Q_EMIT dataChanged(index, index.siblingAtColumn(last));
    return true;
}

Qt::ItemFlags RoutingRulesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant RoutingRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1; // the order is the point: first match wins
    static const char *const titles[ColumnCount] = {
        QT_TR_NOOP("Rule"),        QT_TR_NOOP("Organisations"),
        QT_TR_NOOP("Severity"),    QT_TR_NOOP("Tags"),
        QT_TR_NOOP("TLP"),         QT_TR_NOOP("Channel"),
        QT_TR_NOOP("TLP ceiling"), QT_TR_NOOP("Above the ceiling")};
    if (section >= 0 && section < ColumnCount)
        return tr(titles[section]);
    return {};
}

RuleChoiceDelegate::RuleChoiceDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QWidget *RuleChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    const QVariantList choices = index.data(RoutingRulesModel::ChoicesRole).toList();
    const bool freeText = index.column() == RoutingRulesModel::Channel;
    if (choices.isEmpty() && !freeText)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setEditable(freeText);
    combo->setInsertPolicy(QComboBox::NoInsert); // a typed id is a value, not a new choice
    for (const QVariant &choice : choices)
        combo->addItem(choice.toList().value(0).toString(), choice.toList().value(1));
    return combo;
}

void RuleChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setEditorData(editor, index);
    const QVariant value = index.data(Qt::EditRole);
    if (const int at = combo->findData(value); at >= 0)
        combo->setCurrentIndex(at);
    else if (combo->isEditable())
        combo->setEditText(value.toString());
}

void RuleChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                      const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setModelData(editor, model, index);
    const QVariant picked = combo->currentData();
    const bool typed =
        combo->isEditable() &&
        (!picked.isValid() || combo->currentText() != combo->itemText(combo->currentIndex()));
    model->setData(index, typed ? QVariant(combo->currentText()) : picked);
}

} // namespace Console
