#include "fakeslack.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TestSupport {

namespace {

const QStringList kWriteMethods{u"chat.postMessage"_s,   u"chat.update"_s,
                                u"chat.postEphemeral"_s, u"views.open"_s,
                                u"views.update"_s,       u"apps.connections.open"_s};
const QStringList kReadMethods{u"users.info"_s,
                               u"users.lookupByEmail"_s,
                               u"users.list"_s,
                               u"usergroups.users.list"_s,
                               u"conversations.list"_s,
                               u"conversations.info"_s,
                               u"conversations.history"_s,
                               u"chat.getPermalink"_s,
                               u"files.info"_s,
                               u"auth.test"_s};

QJsonObject failure(const QString &code)
{
    return {{u"ok"_s, false}, {u"error"_s, code}};
}

QJsonObject invalidArguments(const QString &message)
{
    QJsonObject answer = failure(u"invalid_arguments"_s);
    answer.insert(u"response_metadata"_s, QJsonObject{{u"messages"_s, QJsonArray{message}}});
    return answer;
}

/// All fields of an x-www-form-urlencoded string, as JSON strings.
QJsonObject parseForm(const QByteArray &encoded)
{
    QJsonObject fields;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        fields.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return fields;
}

/// Where a page of a list method starts and how long it is; an error code when the arguments
/// are refused as Slack refuses them.
struct Page
{
    int offset = 0;
    int limit = 100;
    QString error;
};

Page pageOf(const QJsonObject &args)
{
    Page page;
    bool ok = true;
    if (args.contains(u"limit"_s))
        page.limit = args.value(u"limit"_s).toString().toInt(&ok);
    if (!ok || page.limit < 1 || page.limit > 1000) {
        page.error = u"invalid_limit"_s;
        return page;
    }
    const QString cursor = args.value(u"cursor"_s).toString();
    if (!cursor.isEmpty()) {
        const QByteArray decoded = QByteArray::fromBase64(cursor.toLatin1());
        if (decoded.startsWith("offset:"))
            page.offset = decoded.mid(7).toInt(&ok);
        if (!decoded.startsWith("offset:") || !ok || page.offset < 0)
            page.error = u"invalid_cursor"_s;
    }
    return page;
}

/// The opaque cursor of the page starting at `next`, or "" after the last page.
QString nextCursor(qsizetype next, qsizetype total)
{
    if (next >= total)
        return {};
    const QByteArray position = "offset:" + QByteArray::number(next);
    return QString::fromLatin1(position.toBase64());
}

/// A view argument may come as a JSON object or, in a form body, as a JSON string.
QJsonObject objectArg(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject();
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

} // namespace

FakeSlack::FakeSlack(const QString &token, QObject *parent)
    : FakeHttpServer(parent)
    , m_token(token)
{
}

QUrl FakeSlack::apiUrl() const
{
    QUrl url = baseUrl();
    url.setPath(u"/api"_s);
    return url;
}

QString FakeSlack::botUserId() const
{
    return fixture(u"auth.test.ok2"_s).value(u"user_id"_s).toString();
}

QString FakeSlack::botId() const
{
    return fixture(u"auth.test.ok2"_s).value(u"bot_id"_s).toString();
}

QString FakeSlack::teamId() const
{
    return fixture(u"auth.test.ok2"_s).value(u"team_id"_s).toString();
}

void FakeSlack::setWorkspace(const QString &team, const QString &botUser, const QString &url)
{
    m_workspace = {{u"team"_s, team}, {u"user"_s, botUser}};
    if (!url.isEmpty())
        m_workspace.insert(u"url"_s, url);
}

void FakeSlack::addChannel(const QString &id, const QString &name)
{
    m_channels.append({id, name});
}

void FakeSlack::addUser(const QString &id, const QString &name, const QString &email)
{
    m_users.append({id, name, email});
}

QList<FakeSlack::PostedMessage> FakeSlack::messages(const QString &channel) const
{
    if (channel.isEmpty())
        return m_messages;
    QList<PostedMessage> matching;
    for (const PostedMessage &m : m_messages) {
        if (m.channel == channel)
            matching.append(m);
    }
    return matching;
}

bool FakeSlack::removeMessage(const QString &channel, const QString &ts)
{
    return m_messages.removeIf(
               [&](const PostedMessage &m) { return m.channel == channel && m.ts == ts; }) == 1;
}

std::optional<FakeSlack::PostedMessage> FakeSlack::message(const QString &channel,
                                                           const QString &ts) const
{
    for (const PostedMessage &m : m_messages) {
        if (m.channel == channel && m.ts == ts)
            return m;
    }
    return std::nullopt;
}

QJsonObject FakeSlack::fixture(const QString &name) const
{
    auto it = m_fixtures.constFind(name);
    if (it != m_fixtures.constEnd())
        return *it;
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR) + u"/slack/web-api/"_s + name + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("FakeSlack: missing fixture %s", qPrintable(file.fileName()));
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    m_fixtures.insert(name, object);
    return object;
}

QString FakeSlack::resolveChannel(const QJsonValue &channel) const
{
    QString wanted = channel.toString();
    if (wanted.startsWith(u'#'))
        wanted.remove(0, 1);
    for (const Channel &c : m_channels) {
        if (c.id == wanted || c.name == wanted)
            return c.id;
    }
    return {};
}

QString FakeSlack::nextTs()
{
    // Like Slack's: the posting time in seconds with six digits of microseconds, unique and
    // increasing (conversations.history's `oldest` compares it with the clock).
    m_lastTsMicros = std::max(m_lastTsMicros + 100, QDateTime::currentMSecsSinceEpoch() * 1000);
    return QString::number(m_lastTsMicros / 1000000) + u'.' +
           QString::number(m_lastTsMicros % 1000000).rightJustified(6, u'0');
}

bool FakeSlack::parseMetadata(const QJsonValue &value, QJsonObject *metadata)
{
    if (value.isUndefined() || value.isNull())
        return true;
    *metadata = objectArg(value);
    return !metadata->value(u"event_type"_s).toString().isEmpty() &&
           metadata->value(u"event_payload"_s).isObject();
}

bool FakeSlack::parseBlocks(const QJsonValue &value, QJsonArray *blocks)
{
    if (value.isUndefined() || value.isNull()) {
        *blocks = {};
        return true;
    }
    if (value.isArray()) {
        *blocks = value.toArray();
        return true;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
    *blocks = doc.array();
    return doc.isArray();
}

void FakeSlack::emulateRateLimits(const SlackRateLimiter::Limits &limits)
{
    m_rateLimiter = std::make_unique<SlackRateLimiter>(limits);
}

QUrl FakeSlack::newResponseUrl()
{
    const QString path = u"/commands/T0001/%1/%2"_s.arg(m_responseUrlUses.size() + 1)
                             .arg(QString::number(QRandomGenerator::global()->generate64(), 36));
    m_responseUrlUses.insert(path, 0);
    QUrl url = baseUrl();
    url.setPath(path);
    return url;
}

void FakeSlack::answerResponseUrl(const RecordedRequest &request, Reply &reply)
{
    const auto uses = m_responseUrlUses.find(request.path);
    if (uses == m_responseUrlUses.end())
        return reply.setRawJson("invalid_url", 404);
    if (*uses >= 5)
        return reply.setRawJson("used_url", 404);
    QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (body.value(u"text"_s).toString().isEmpty() && !body.contains(u"blocks"_s))
        return reply.setRawJson("no_text", 400);
    ++*uses;
    body.insert(u"response_url"_s, request.path);
    m_responses.append(body);
    reply.setJson(QJsonObject{{u"ok"_s, true}});
}

void FakeSlack::handle(const RecordedRequest &request, Reply &reply)
{
    if (request.path.startsWith(u"/commands/"_s) && request.method == "POST")
        return answerResponseUrl(request, reply);
    if (isDownloadPath(request.path) && request.method == "GET")
        return answerDownload(request, reply);
    const QString method = request.path.startsWith(u"/api/"_s) ? request.path.mid(5) : QString();
    const bool isWrite = kWriteMethods.contains(method);
    if (!isWrite && !kReadMethods.contains(method))
        return reply.setJson(failure(u"unknown_method"_s), 404);

    // apps.connections.open takes only the app-level token, every other method the bot token.
    const QByteArray authorization = request.header("Authorization");
    const bool socketMethod = method == u"apps.connections.open";
    if (authorization.isEmpty())
        return reply.setJson(failure(u"not_authed"_s));
    const QByteArray appToken = "Bearer " + m_appToken.toUtf8();
    const QByteArray botToken = "Bearer " + m_token.toUtf8();
    if (authorization != (socketMethod ? appToken : botToken))
        return reply.setJson(failure(authorization == (socketMethod ? botToken : appToken)
                                         ? u"not_allowed_token_type"_s
                                         : u"invalid_auth"_s));

    const QByteArray contentType = request.header("Content-Type").toLower();
    const bool jsonBody = contentType.startsWith("application/json");
    QJsonObject args = parseForm(request.query.query(QUrl::FullyEncoded).toUtf8());
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
        const QJsonObject form = parseForm(request.body);
        for (auto it = form.begin(); it != form.end(); ++it)
            args.insert(it.key(), it.value());
    } else if (jsonBody && isWrite) { // read methods ignore JSON bodies, as Slack's do
        const QJsonObject json = request.json();
        for (auto it = json.begin(); it != json.end(); ++it)
            args.insert(it.key(), it.value());
    }

    if (m_rateLimiter) {
        const QString channel = resolveChannel(args.value(u"channel"_s));
        if (const int retryAfter =
                m_rateLimiter->admit(method, channel, QDateTime::currentMSecsSinceEpoch())) {
            ++m_rateLimited;
            reply.headers.append({"Retry-After", QByteArray::number(retryAfter)});
            return reply.setJson(failure(u"ratelimited"_s), 429);
        }
    }

    QJsonObject answer;
    if (socketMethod)
        answer = openConnection();
    else if (method == u"chat.postMessage")
        answer = postMessage(args);
    else if (method == u"chat.update")
        answer = updateMessage(args);
    else if (method == u"chat.postEphemeral")
        answer = postEphemeral(args);
    else if (method == u"views.open")
        answer = openView(args);
    else if (method == u"views.update")
        answer = updateView(args);
    else if (method == u"users.info")
        answer = userInfo(args);
    else if (method == u"users.lookupByEmail")
        answer = lookupByEmail(args);
    else if (method == u"users.list")
        answer = listUsers(args);
    else if (method == u"conversations.list")
        answer = listConversations(args);
    else if (method == u"conversations.info")
        answer = conversationInfo(args);
    else if (method == u"conversations.history")
        answer = history(args);
    else if (method == u"usergroups.users.list")
        answer = userGroupMembers(args);
    else if (method == u"chat.getPermalink")
        answer = permalink(args);
    else if (method == u"files.info")
        answer = fileInfo(args);
    else
        answer = authTest();

    if (jsonBody && isWrite && !contentType.contains("charset")) {
        answer.insert(u"warning"_s, u"missing_charset"_s);
        QJsonObject meta = answer.value(u"response_metadata"_s).toObject();
        meta.insert(u"warnings"_s, QJsonArray{u"missing_charset"_s});
        answer.insert(u"response_metadata"_s, meta);
    }
    reply.setJson(answer);
}

FakeSocketMode &FakeSlack::enableSocketMode(const QString &appToken)
{
    m_appToken = appToken;
    if (!m_socketMode) {
        m_socketMode = std::make_unique<FakeSocketMode>();
        if (!m_socketMode->listen())
            qFatal("FakeSlack: the Socket Mode server cannot listen");
    }
    return *m_socketMode;
}

QJsonObject FakeSlack::openConnection()
{
    if (!m_socketMode)
        return failure(u"invalid_auth"_s);
    QJsonObject answer = fixture(u"apps.connections.open.ok"_s);
    answer.insert(u"url"_s, m_socketMode->newTicketUrl().toString());
    return answer;
}

QJsonObject FakeSlack::authTest() const
{
    QJsonObject answer = fixture(u"auth.test.ok2"_s);
    for (auto it = m_workspace.begin(); it != m_workspace.end(); ++it)
        answer.insert(it.key(), it.value());
    return answer;
}

QJsonObject FakeSlack::postMessage(const QJsonObject &args)
{
    const QString channel = resolveChannel(args.value(u"channel"_s));
    if (channel.isEmpty())
        return failure(u"channel_not_found"_s);
    QJsonArray blocks;
    if (!parseBlocks(args.value(u"blocks"_s), &blocks))
        return failure(u"invalid_blocks_format"_s);
    if (blocks.size() > 50)
        return failure(u"invalid_blocks"_s);
    const QString text = args.value(u"text"_s).toString();
    if (text.isEmpty() && blocks.isEmpty())
        return failure(u"no_text"_s);
    QJsonObject metadata;
    if (!parseMetadata(args.value(u"metadata"_s), &metadata))
        return failure(u"invalid_metadata_format"_s);

    const PostedMessage posted{
        channel, nextTs(), args.value(u"thread_ts"_s).toString(), text, blocks, 0, metadata};
    m_messages.append(posted);

    QJsonObject answer = fixture(u"chat.postMessage.ok"_s);
    QJsonObject message = answer.value(u"message"_s).toObject();
    for (const QString &key : {u"attachments"_s, u"username"_s, u"subtype"_s})
        message.remove(key);
    message.insert(u"text"_s, text);
    message.insert(u"ts"_s, posted.ts);
    message.insert(u"user"_s, botUserId());
    message.insert(u"bot_id"_s, botId());
    message.insert(u"team"_s, teamId());
    if (!blocks.isEmpty())
        message.insert(u"blocks"_s, blocks);
    if (!posted.threadTs.isEmpty())
        message.insert(u"thread_ts"_s, posted.threadTs);
    answer.insert(u"channel"_s, channel);
    answer.insert(u"ts"_s, posted.ts);
    answer.insert(u"message"_s, message);
    return answer;
}

QJsonObject FakeSlack::updateMessage(const QJsonObject &args)
{
    const QString channel = resolveChannel(args.value(u"channel"_s));
    if (channel.isEmpty())
        return failure(u"channel_not_found"_s);
    const QString ts = args.value(u"ts"_s).toString();
    auto it = std::find_if(m_messages.begin(), m_messages.end(), [&](const PostedMessage &m) {
        return m.channel == channel && m.ts == ts;
    });
    if (it == m_messages.end())
        return failure(u"message_not_found"_s);
    QJsonArray blocks;
    if (!parseBlocks(args.value(u"blocks"_s), &blocks))
        return failure(u"invalid_blocks_format"_s);
    if (blocks.size() > 50)
        return failure(u"invalid_blocks"_s);
    const bool hasText = args.contains(u"text"_s);
    const QString text = args.value(u"text"_s).toString();
    if (!hasText && !args.contains(u"blocks"_s))
        return failure(u"no_text"_s);
    if (text.size() > 4000)
        return failure(u"msg_too_long"_s);
    QJsonObject metadata;
    if (!parseMetadata(args.value(u"metadata"_s), &metadata))
        return failure(u"invalid_metadata_format"_s);

    if (hasText)
        it->text = text;
    if (!metadata.isEmpty()) // chat.update without metadata leaves it as it was
        it->metadata = metadata;
    if (args.contains(u"blocks"_s))
        it->blocks = blocks;
    ++it->updates;

    QJsonObject answer = fixture(u"chat.update.ok"_s);
    QJsonObject message{{u"text"_s, it->text}, {u"user"_s, botUserId()}};
    if (!it->blocks.isEmpty())
        message.insert(u"blocks"_s, it->blocks);
    answer.insert(u"channel"_s, channel);
    answer.insert(u"ts"_s, it->ts);
    answer.insert(u"text"_s, it->text);
    answer.insert(u"message"_s, message);
    return answer;
}

QJsonObject FakeSlack::postEphemeral(const QJsonObject &args)
{
    const QString channel = resolveChannel(args.value(u"channel"_s));
    if (channel.isEmpty())
        return failure(u"channel_not_found"_s);
    const QString user = args.value(u"user"_s).toString();
    const bool known =
        std::any_of(m_users.cbegin(), m_users.cend(), [&](const User &u) { return u.id == user; });
    if (!known)
        return failure(u"user_not_in_channel"_s);
    QJsonArray blocks;
    if (!parseBlocks(args.value(u"blocks"_s), &blocks))
        return failure(u"invalid_blocks_format"_s);
    if (blocks.size() > 50)
        return failure(u"invalid_blocks"_s);
    if (args.value(u"text"_s).toString().isEmpty() && blocks.isEmpty())
        return failure(u"no_text"_s);

    QJsonObject answer = fixture(u"chat.postEphemeral.ok"_s);
    const QString ts = nextTs();
    answer.insert(u"message_ts"_s, ts);
    QJsonObject stored = args;
    stored.insert(u"channel"_s, channel);
    stored.insert(u"message_ts"_s, ts);
    m_ephemerals.append(stored);
    return answer;
}

QJsonObject FakeSlack::renderView(const QJsonObject &requested, const QJsonObject &base)
{
    QJsonObject view = base;
    for (const QString &key :
         {u"type"_s, u"title"_s, u"submit"_s, u"close"_s, u"blocks"_s, u"private_metadata"_s,
          u"callback_id"_s, u"external_id"_s, u"clear_on_close"_s, u"notify_on_close"_s}) {
        if (requested.contains(key))
            view.insert(key, requested.value(key));
        else if (key == u"submit" || key == u"close")
            view.remove(key);
    }
    view.insert(u"state"_s, QJsonObject{{u"values"_s, QJsonObject()}});
    view.insert(u"team_id"_s, teamId());
    const QString hash = QString::number(QDateTime::currentSecsSinceEpoch()) + u'.' +
                         QString::number(++m_hashCounter, 16).rightJustified(8, u'0');
    view.insert(u"hash"_s, hash);
    return view;
}

QJsonObject FakeSlack::openView(const QJsonObject &args)
{
    if (args.value(u"trigger_id"_s).toString().isEmpty())
        return fixture(u"views.open.error.invalid_arguments"_s);
    const QJsonObject requested = objectArg(args.value(u"view"_s));
    if (requested.isEmpty())
        return invalidArguments(u"[ERROR] missing required field: view"_s);
    const QJsonArray blocks = requested.value(u"blocks"_s).toArray();
    const bool hasInput = std::any_of(blocks.begin(), blocks.end(), [](const QJsonValue &b) {
        return b.toObject().value(u"type"_s).toString() == u"input";
    });
    if (hasInput && !requested.contains(u"submit"_s))
        return invalidArguments(u"[ERROR] must provide a submit property when using input "
                                u"blocks [json-pointer:/view]"_s);

    QJsonObject answer = fixture(u"views.open.ok"_s);
    QJsonObject view = renderView(requested, answer.value(u"view"_s).toObject());
    const QString id = u"V"_s + QString::number(++m_viewCounter).rightJustified(8, u'0');
    view.insert(u"id"_s, id);
    view.insert(u"root_view_id"_s, id);
    view.insert(u"previous_view_id"_s, QJsonValue::Null);
    for (const QString &key : {u"private_metadata"_s, u"callback_id"_s, u"external_id"_s}) {
        if (!requested.contains(key))
            view.insert(key, QString());
    }
    m_views.append(view);
    answer.insert(u"view"_s, view);
    return answer;
}

QJsonObject FakeSlack::updateView(const QJsonObject &args)
{
    const QString viewId = args.value(u"view_id"_s).toString();
    const QString externalId = args.value(u"external_id"_s).toString();
    auto it = std::find_if(m_views.begin(), m_views.end(), [&](const QJsonObject &v) {
        return (!viewId.isEmpty() && v.value(u"id"_s).toString() == viewId) ||
               (!externalId.isEmpty() && v.value(u"external_id"_s).toString() == externalId);
    });
    if (it == m_views.end())
        return fixture(u"views.update.error.not_found"_s);
    const QString hash = args.value(u"hash"_s).toString();
    if (!hash.isEmpty() && hash != it->value(u"hash"_s).toString())
        return failure(u"hash_conflict"_s);
    const QJsonObject requested = objectArg(args.value(u"view"_s));
    if (requested.isEmpty())
        return invalidArguments(u"[ERROR] missing required field: view"_s);

    *it = renderView(requested, *it);
    QJsonObject answer = fixture(u"views.update.ok"_s);
    answer.insert(u"view"_s, *it);
    return answer;
}

QJsonObject FakeSlack::renderUser(const User &user, const QString &fixtureName) const
{
    QJsonObject answer = fixture(fixtureName);
    QJsonObject shape = answer.value(u"user"_s).toObject();
    QJsonObject profile = shape.value(u"profile"_s).toObject();
    shape.insert(u"id"_s, user.id);
    shape.insert(u"team_id"_s, teamId());
    shape.insert(u"name"_s, user.name);
    shape.insert(u"real_name"_s, user.name);
    for (const QString &key : {u"real_name"_s, u"display_name"_s, u"real_name_normalized"_s,
                               u"display_name_normalized"_s})
        profile.insert(key, user.name);
    profile.insert(u"email"_s, user.email);
    profile.insert(u"team"_s, teamId());
    shape.insert(u"profile"_s, profile);
    answer.insert(u"user"_s, shape);
    return answer;
}

QJsonObject FakeSlack::userInfo(const QJsonObject &args) const
{
    const QString id = args.value(u"user"_s).toString();
    for (const User &user : m_users) {
        if (user.id == id)
            return renderUser(user, u"users.info.ok"_s);
    }
    return fixture(u"users.info.error.user_not_found"_s);
}

QJsonObject FakeSlack::lookupByEmail(const QJsonObject &args) const
{
    const QString email = args.value(u"email"_s).toString();
    for (const User &user : m_users) {
        if (!email.isEmpty() && user.email.compare(email, Qt::CaseInsensitive) == 0)
            return renderUser(user, u"users.lookupByEmail.ok"_s);
    }
    return fixture(u"users.lookupByEmail.error.users_not_found"_s);
}

QJsonObject FakeSlack::renderChannel(const Channel &channel, const QJsonObject &shape) const
{
    QJsonObject c = shape;
    c.insert(u"id"_s, channel.id);
    c.insert(u"name"_s, channel.name);
    c.insert(u"name_normalized"_s, channel.name);
    c.insert(u"is_general"_s, false);
    c.insert(u"is_member"_s, true);
    c.insert(u"is_private"_s, false);
    return c;
}

QJsonObject FakeSlack::listConversations(const QJsonObject &args) const
{
    const Page page = pageOf(args);
    if (!page.error.isEmpty())
        return failure(page.error);
    QJsonObject answer = fixture(u"conversations.list.ok"_s);
    const QJsonObject shape = answer.value(u"channels"_s).toArray().first().toObject();
    QJsonArray channels;
    for (qsizetype i = page.offset; i < m_channels.size() && channels.size() < page.limit; ++i)
        channels.append(renderChannel(m_channels.at(i), shape));
    answer.insert(u"channels"_s, channels);
    answer.insert(u"response_metadata"_s,
                  QJsonObject{{u"next_cursor"_s,
                               nextCursor(page.offset + channels.size(), m_channels.size())}});
    return answer;
}

QJsonObject FakeSlack::history(const QJsonObject &args) const
{
    if (m_revokedScopes.contains(u"channels:history"_s)) {
        QJsonObject answer = failure(u"missing_scope"_s);
        answer.insert(u"needed"_s, u"channels:history"_s);
        answer.insert(u"provided"_s, u"chat:write,chat:write.public,users:read,users:read.email"_s);
        return answer;
    }
    const QString channel = resolveChannel(args.value(u"channel"_s));
    if (channel.isEmpty())
        return failure(u"channel_not_found"_s);
    const Page page = pageOf(args);
    if (!page.error.isEmpty())
        return failure(page.error);
    // Top-level messages (thread replies live in conversations.replies) after `oldest`, newest
    // first; metadata only when asked for.
    const double oldest = args.value(u"oldest"_s).toString().toDouble();
    const bool withMetadata = args.value(u"include_all_metadata"_s).toString() == u"true";
    QList<const PostedMessage *> listed;
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (it->channel == channel && it->threadTs.isEmpty() && it->ts.toDouble() > oldest)
            listed.append(&*it);
    }
    QJsonArray messages;
    for (qsizetype i = page.offset; i < listed.size() && messages.size() < page.limit; ++i) {
        const PostedMessage &m = *listed.at(i);
        QJsonObject message{{u"type"_s, u"message"_s}, {u"text"_s, m.text},
                            {u"user"_s, botUserId()},  {u"bot_id"_s, botId()},
                            {u"ts"_s, m.ts},           {u"team"_s, teamId()}};
        if (!m.blocks.isEmpty())
            message.insert(u"blocks"_s, m.blocks);
        if (withMetadata && !m.metadata.isEmpty())
            message.insert(u"metadata"_s, m.metadata);
        messages.append(message);
    }
    const QString next = nextCursor(page.offset + messages.size(), listed.size());
    return {{u"ok"_s, true},
            {u"messages"_s, messages},
            {u"has_more"_s, !next.isEmpty()},
            {u"pin_count"_s, 0},
            {u"response_metadata"_s, QJsonObject{{u"next_cursor"_s, next}}}};
}

QJsonObject FakeSlack::listUsers(const QJsonObject &args) const
{
    const Page page = pageOf(args);
    if (!page.error.isEmpty())
        return failure(page.error);
    // There is no users.list fixture: members take the users.info shape, as Slack's do.
    QJsonArray members;
    for (qsizetype i = page.offset; i < m_users.size() && members.size() < page.limit; ++i) {
        QJsonObject member =
            renderUser(m_users.at(i), u"users.info.ok"_s).value(u"user"_s).toObject();
        member.insert(u"deleted"_s, false);
        member.insert(u"is_bot"_s, false);
        members.append(member);
    }
    return {{u"ok"_s, true},
            {u"members"_s, members},
            {u"cache_ts"_s, QDateTime::currentSecsSinceEpoch()},
            {u"response_metadata"_s,
             QJsonObject{
                 {u"next_cursor"_s, nextCursor(page.offset + members.size(), m_users.size())}}}};
}

QString FakeSlack::addUserMessage(const QString &channel, const QString &)
{
    const QString ts = nextTs();
    m_userMessages.append({channel, ts});
    return ts;
}

QJsonObject FakeSlack::permalink(const QJsonObject &args) const
{
    const QString channel = resolveChannel(args.value(u"channel"_s));
    if (channel.isEmpty())
        return failure(u"channel_not_found"_s);
    const QString ts = args.value(u"message_ts"_s).toString();
    const bool known = m_userMessages.contains({channel, ts}) || message(channel, ts).has_value();
    if (!known)
        return failure(u"message_not_found"_s);
    return {{u"ok"_s, true},
            {u"channel"_s, channel},
            {u"permalink"_s, u"https://soc-example.slack.com/archives/%1/p%2"_s.arg(
                                 channel, QString(ts).remove(u'.'))}};
}

QJsonObject FakeSlack::conversationInfo(const QJsonObject &args) const
{
    const QString id = resolveChannel(args.value(u"channel"_s));
    for (const Channel &channel : m_channels) {
        if (channel.id == id) {
            QJsonObject answer = fixture(u"conversations.info.ok"_s);
            answer.insert(u"channel"_s,
                          renderChannel(channel, answer.value(u"channel"_s).toObject()));
            return answer;
        }
    }
    return fixture(u"conversations.info.error.channel_not_found"_s);
}

} // namespace TestSupport

namespace TestSupport {

void FakeSlack::addUserGroup(const QString &id, const QStringList &memberIds)
{
    m_userGroups.insert(id, memberIds);
}

QJsonObject FakeSlack::userGroupMembers(const QJsonObject &args) const
{
    // Shape of Slack's usergroups.users.list: {"ok":true,"users":["U…",…]}; unknown group:
    // no_such_subteam.
    const QString id = args.value(u"usergroup"_s).toString();
    if (!m_userGroups.contains(id))
        return {{u"ok"_s, false}, {u"error"_s, u"no_such_subteam"_s}};
    return {{u"ok"_s, true}, {u"users"_s, QJsonArray::fromStringList(m_userGroups.value(id))}};
}

} // namespace TestSupport
