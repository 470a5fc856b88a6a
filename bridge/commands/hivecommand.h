#pragma once

#include <QString>

namespace Bridge {

/// What an analyst asked for with the `/hive` slash command.
struct HiveCommand
{
    enum class Kind {
        Help,    ///< `/hive`, `/hive help`, or anything not understood (then `unknown` says what)
        Summon,  ///< `/hive 123` or `/hive #123`: the case's card in this channel
        NewCase, ///< `/hive new`: the New case form
        Mine,    ///< `/hive mine`: the analyst's open cases and tasks
    };
    Kind kind = Kind::Help;
    qint64 caseNumber = 0; ///< Summon only
    QString unknown;       ///< Help only: the input that was not understood, if any
};

/// Reads the text after `/hive` (Slack's `text` field).
HiveCommand parseHiveCommand(const QString &text);

/// The short help, for `/hive help` and for input not understood; `command` is the command as
/// the workspace named it (e.g. "/hive").
QString hiveCommandHelp(const QString &command, const QString &unknown = {});

} // namespace Bridge
