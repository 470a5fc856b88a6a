#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace Bridge {

/// The Slack app HiveSlack needs, as a manifest for "Create New App → From an app manifest"
/// (Slack's manifest schema 1.x, its length limits included): the bot user and its scopes,
/// interactivity, the /hive slash command and the "Add to TheHive case" message shortcut,
/// and the events subscribed (each with the scope it needs). The console's "Create the Slack
/// app" and `hiveslack manifest` both print it.
namespace AppManifest {

/// What the manifest asks of Slack besides the basics.
struct Features
{
    /// evidence.copyFiles: the shortcut copies a message's files, which needs files:read.
    bool copyFiles = false;
};

/// The bot scopes, in manifest order.
QStringList botScopes(const Features &features = {});
/// Through Socket Mode when `publicBase` is empty (Slack needs no way in to the bridge),
/// else with request URLs under `publicBase` (a reverse proxy's path prefix kept).
QJsonObject build(const QUrl &publicBase = {}, const Features &features = {});
/// `base` plus `path`, keeping a path prefix of `base` ("/hiveslack").
QUrl endpoint(const QUrl &base, const QString &path);

} // namespace AppManifest

} // namespace Bridge
