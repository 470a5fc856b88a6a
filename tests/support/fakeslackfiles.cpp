// FakeSlack: hosted files — their file objects, files.info and the url_private downloads.
// Sources (file-facts.md C1–C3): docs.slack.dev/reference/objects/file-object, files.info in
// slack-api-ref, the java-slack-sdk message-shortcut fixture; downloads answering a bad token
// with an HTTP 200 sign-in page and files.slack.com → files-origin.slack.com hops are third-party
// reports (vercel/eve#1567, hermes-agent#114483).
#include "fakeslack.h"

#include <QDateTime>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace TestSupport {

namespace {

const QString kFilesRead = u"files:read"_s;
/// What the bot token is granted; missing_scope's `provided` is this minus revoked scopes.
const QStringList kGrantedScopes{
    u"channels:history"_s, u"chat:write"_s, u"chat:write.public"_s, u"files:read"_s,
    u"usergroups:read"_s,  u"users:read"_s, u"users:read.email"_s};

QJsonObject failure(const QString &code)
{
    return {{u"ok"_s, false}, {u"error"_s, code}};
}

/// Slack's `filetype` for a name: the extension lower-cased, with Slack's own names for a few.
QString fileTypeOf(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    const QString extension = dot > 0 ? name.mid(dot + 1).toLower() : QString();
    if (extension.isEmpty())
        return u"binary"_s;
    if (extension == u"txt")
        return u"text"_s;
    if (extension == u"jpeg")
        return u"jpg"_s;
    return extension;
}

QString prettyTypeOf(const QString &fileType)
{
    static const QHash<QString, QString> known{
        {u"text"_s, u"Plain Text"_s}, {u"binary"_s, u"Binary"_s}, {u"jpg"_s, u"JPEG"_s},
        {u"zip"_s, u"Zip"_s},         {u"gzip"_s, u"GZip"_s},     {u"email"_s, u"Email"_s}};
    return known.value(fileType, fileType.toUpper());
}

bool isGone(const QString &mode)
{
    return mode == u"tombstone" || mode == u"hidden_by_limit";
}

/// Slack answers a signed-out browser (no or a bad token, or no files:read) with this page.
QByteArray signInPage(const QString &team)
{
    return "<!DOCTYPE html><html lang=\"en-US\"><head><meta charset=\"utf-8\">"
           "<title>Slack</title></head><body><h1>Sign in to " +
           team.toHtmlEscaped().toUtf8() +
           "</h1><form id=\"signin_form\" action=\"/\" method=\"post\">"
           "<input type=\"email\" name=\"email\"><input type=\"password\" name=\"password\">"
           "<button type=\"submit\">Sign in</button></form></body></html>\n";
}

} // namespace

QString FakeSlack::workspaceUrl() const
{
    QString url = authTest().value(u"url"_s).toString();
    if (!url.endsWith(u'/'))
        url += u'/';
    return url;
}

QJsonObject FakeSlack::addFile(const QString &userId, const QString &name,
                               const QByteArray &content, const QString &mimetype)
{
    const QString id = u"F0"_s + QString::number(++m_fileCounter).rightJustified(8, u'0');
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString fileType = fileTypeOf(name);
    const QString secret =
        QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 16);
    const QString encodedName = QString::fromLatin1(QUrl::toPercentEncoding(name));
    const QString permalink =
        workspaceUrl() + u"files/"_s + userId + u'/' + id + u'/' + encodedName;
    HostedFile file;
    file.content = content;
    file.fields = {
        {u"id"_s, id},
        {u"created"_s, now},
        {u"timestamp"_s, now},
        {u"name"_s, name},
        {u"title"_s, name},
        {u"mimetype"_s, mimetype},
        {u"filetype"_s, fileType},
        {u"pretty_type"_s, prettyTypeOf(fileType)},
        {u"user"_s, userId},
        {u"user_team"_s, teamId()},
        {u"editable"_s, false},
        {u"size"_s, content.size()},
        {u"mode"_s, u"hosted"_s},
        {u"is_external"_s, false},
        {u"external_type"_s, QString()},
        {u"is_public"_s, true},
        {u"public_url_shared"_s, false},
        {u"display_as_bot"_s, false},
        {u"username"_s, QString()},
        {u"file_access"_s, u"visible"_s},
        {u"permalink"_s, permalink},
        {u"permalink_public"_s, u"https://slack-files.com/%1-%2-%3"_s.arg(teamId(), id, secret)}};
    m_files.insert(id, file);
    return renderFile(file);
}

QJsonObject FakeSlack::renderFile(const HostedFile &file) const
{
    const QString id = file.fields.value(u"id"_s).toString();
    const QString mode = file.fields.value(u"mode"_s).toString();
    if (file.deleted || isGone(mode))
        return {{u"id"_s, id}, {u"mode"_s, file.deleted ? u"tombstone"_s : mode}};
    // The URLs follow this server's address, so a file added before a re-listen still works.
    const QString folder = baseUrl().toString() + u"/files-pri/"_s + teamId() + u'-' + id;
    const QString encodedName =
        QString::fromLatin1(QUrl::toPercentEncoding(file.fields.value(u"name"_s).toString()));
    QJsonObject object = file.fields;
    object.insert(u"url_private"_s, QString(folder + u'/' + encodedName));
    object.insert(u"url_private_download"_s, QString(folder + u"/download/"_s + encodedName));
    return object;
}

QJsonObject FakeSlack::fileJson(const QString &id) const
{
    const auto it = m_files.constFind(id);
    return it == m_files.constEnd() ? QJsonObject() : renderFile(*it);
}

void FakeSlack::setFileMode(const QString &id, const QString &mode)
{
    const auto it = m_files.find(id);
    if (it != m_files.end())
        it->fields.insert(u"mode"_s, mode);
}

void FakeSlack::deleteFile(const QString &id)
{
    const auto it = m_files.find(id);
    if (it != m_files.end())
        it->deleted = true;
}

QJsonObject FakeSlack::fileInfo(const QJsonObject &args) const
{
    if (m_revokedScopes.contains(kFilesRead)) {
        QStringList provided = kGrantedScopes;
        for (const QString &scope : m_revokedScopes)
            provided.removeAll(scope);
        QJsonObject answer = failure(u"missing_scope"_s);
        answer.insert(u"needed"_s, kFilesRead);
        answer.insert(u"provided"_s, provided.join(u','));
        return answer;
    }
    const QString id = args.value(u"file"_s).toString();
    if (id.isEmpty()) {
        QJsonObject answer = failure(u"invalid_arguments"_s);
        answer.insert(
            u"response_metadata"_s,
            QJsonObject{{u"messages"_s, QJsonArray{u"[ERROR] missing required field: file"_s}}});
        return answer;
    }
    const auto it = m_files.constFind(id);
    if (it == m_files.constEnd())
        return failure(u"file_not_found"_s);
    if (it->deleted || it->fields.value(u"mode"_s).toString() == u"tombstone")
        return failure(u"file_deleted"_s);
    return {{u"ok"_s, true},
            {u"file"_s, renderFile(*it)}, // hidden_by_limit: {id, mode} only
            {u"comments"_s, QJsonArray()},
            {u"response_metadata"_s, QJsonObject{{u"next_cursor"_s, QString()}}}};
}

bool FakeSlack::isDownloadPath(const QString &path)
{
    return path.startsWith(u"/files-pri/"_s) || path.startsWith(u"/files-origin/files-pri/"_s);
}

void FakeSlack::answerDownload(const RecordedRequest &request, Reply &reply) const
{
    // Slack checks the caller before the file: a signed-out browser learns nothing of it.
    const bool authorized = request.header("Authorization") == "Bearer " + m_token.toUtf8() &&
                            !m_revokedScopes.contains(kFilesRead);
    if (!authorized) {
        reply.contentType = "text/html; charset=utf-8";
        reply.status = 200;
        reply.body = signInPage(authTest().value(u"team"_s).toString());
        return;
    }

    const QString origin = u"/files-origin"_s;
    const bool atOrigin = request.path.startsWith(origin + u'/');
    if (!atOrigin && m_downloadRedirect.isValid()) {
        // One hop per request: the target (this fake's /files-origin included) serves the bytes.
        QUrl target = m_downloadRedirect;
        QString basePath = target.path();
        while (basePath.endsWith(u'/'))
            basePath.chop(1);
        target.setPath(basePath + request.path, QUrl::DecodedMode);
        if (!request.query.isEmpty())
            target.setQuery(request.query);
        reply.contentType = "text/html; charset=utf-8";
        reply.headers.append({"Location", target.toEncoded()});
        reply.setEmpty(302);
        return;
    }

    const auto notFound = [&reply] {
        reply.contentType = "text/html; charset=utf-8";
        reply.status = 404;
        reply.body = "<!DOCTYPE html><html><head><title>Not Found | Slack</title></head>"
                     "<body><h1>404 Not Found</h1></body></html>\n";
    };
    // /files-pri/<team>-<id>/<name> or /files-pri/<team>-<id>/download/<name> (path decoded)
    const QString rest = request.path.mid((atOrigin ? origin.size() : 0) + 11);
    const qsizetype slash = rest.indexOf(u'/');
    const QString prefix = teamId() + u'-';
    const QString folder = rest.left(slash);
    if (slash < 0 || !folder.startsWith(prefix))
        return notFound();
    const auto it = m_files.constFind(folder.mid(prefix.size()));
    if (it == m_files.constEnd() || it->deleted || isGone(it->fields.value(u"mode"_s).toString()))
        return notFound();
    const QString name = it->fields.value(u"name"_s).toString();
    const QString tail = rest.mid(slash + 1);
    const bool download = tail == u"download/"_s + name;
    if (!download && tail != name)
        return notFound();

    reply.status = 200;
    reply.contentType = it->fields.value(u"mimetype"_s).toString().toUtf8();
    reply.body = it->content;
    if (download) {
        // RFC 6266: a quoted name plus its UTF-8 form for clients that read filename*.
        QByteArray quoted = name.toUtf8();
        quoted.replace('\\', "\\\\").replace('"', "\\\"");
        reply.headers.append({"Content-Disposition", "attachment; filename=\"" + quoted +
                                                         "\"; filename*=UTF-8''" +
                                                         QUrl::toPercentEncoding(name)});
    }
}

} // namespace TestSupport
