#include "commands/hivecommand.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Bridge {

HiveCommand parseHiveCommand(const QString &text)
{
    const QString words = text.simplified();
    const QString word = words.toLower();
    if (word.isEmpty() || word == u"help")
        return {};
    if (word == u"new")
        return {HiveCommand::Kind::NewCase, 0, {}};
    if (word == u"mine")
        return {HiveCommand::Kind::Mine, 0, {}};
    static const QRegularExpression number(u"^#?([1-9][0-9]{0,11})$"_s);
    if (const QRegularExpressionMatch m = number.match(word); m.hasMatch())
        return {HiveCommand::Kind::Summon, m.captured(1).toLongLong(), {}};
    return {HiveCommand::Kind::Help, 0, words.left(80)};
}

QString hiveCommandHelp(const QString &command, const QString &unknown)
{
    // English, as everything HiveSlack says in Slack.
    QString help;
    if (!unknown.isEmpty())
        help += u"HiveSlack did not understand “%1”.\n"_s.arg(unknown);
    help += u"*%1 123* shows case #123 here, as a live card\n"
            "*%1 new* opens a form to start a case in TheHive, shown here\n"
            "*%1 mine* lists your open cases and tasks\n"
            "*%1 help* shows this"_s.arg(command.isEmpty() ? u"/hive"_s : command);
    return help;
}

} // namespace Bridge
