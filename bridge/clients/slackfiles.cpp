// SlackClient's file methods: files.info, and downloads with the token kept to Slack's hosts.
#include "clients/slackclient.h"

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

constexpr int MaxRedirects = 3;

SlackDownload failed(SlackResult::Kind kind, const QString &error)
{
    SlackDownload d;
    d.result.kind = kind;
    d.result.error = error;
    return d;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

void SlackClient::fileInfo(const QString &fileId, Callback done)
{
    read(QStringLiteral("files.info"), {{u"file"_s, fileId}}, std::move(done));
}

SlackFileHost slackFileHost(const QUrl &url, const QUrl &apiBase)
{
    if (!url.isValid() || url.host().isEmpty())
        return SlackFileHost::Refused;
    // The API's own origin: Slack's, or a stand-in for it (a test's fake, a forward proxy).
    if (url.scheme() == apiBase.scheme() && url.host() == apiBase.host() &&
        url.port() == apiBase.port())
        return SlackFileHost::WithToken;
    if (url.scheme() != u"https")
        return SlackFileHost::Refused;
    const QString host = url.host().toLower();
    if (host == u"slack.com" || host.endsWith(u".slack.com"))
        return SlackFileHost::WithToken;
    // Signed CDN addresses: they need no token, and must not see it.
    if (host.endsWith(u".slack-edge.com") || host == u"slack-files.com" ||
        host.endsWith(u".slack-files.com"))
        return SlackFileHost::WithoutToken;
    return SlackFileHost::Refused;
}

void SlackClient::downloadFile(const QUrl &url, const QByteArray &expectedType, qint64 maxBytes,
                               std::function<void(const SlackDownload &)> done)
{
    downloadHop(url, expectedType, maxBytes, 0, std::move(done));
}

void SlackClient::downloadHop(const QUrl &url, const QByteArray &expectedType, qint64 maxBytes,
                              int hops, std::function<void(const SlackDownload &)> done)
{
    const SlackFileHost host = slackFileHost(url, m_apiBase);
    if (host == SlackFileHost::Refused) {
        m_errors.count(u"foreign_host"_s);
        return done(failed(SlackResult::Kind::Permanent, u"foreign_host"_s));
    }
    RestRequest req;
    req.url = url;
    req.followRedirects = false;
    req.maxBodyBytes = maxBytes;
    if (host == SlackFileHost::WithToken)
        req.headers = {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toUtf8()}};
    // Not through the governor: it reads an ok:false "ratelimited" in a 200 body as a
    // refusal, and a file's bytes may well say that.
    m_rest.send(
        req, [this, expectedType, maxBytes, hops, done = std::move(done)](const RestReply &reply) {
            m_outages.record(reply);
            if (const QString kind = reply.errorKind(); !kind.isEmpty())
                m_errors.count(kind);
            if (reply.tooLarge)
                return done(failed(SlackResult::Kind::Permanent, u"too_large"_s));
            if (!reply.answered())
                return done(failed(SlackResult::Kind::Retryable, reply.networkError));
            if (isRedirect(reply.httpStatus)) {
                if (reply.location.isEmpty())
                    return done(failed(SlackResult::Kind::Permanent, u"redirect_nowhere"_s));
                if (hops >= MaxRedirects)
                    return done(failed(SlackResult::Kind::Permanent, u"too_many_redirects"_s));
                return downloadHop(reply.location, expectedType, maxBytes, hops + 1, done);
            }
            if (reply.httpStatus == 429 || reply.httpStatus >= 500)
                return done(failed(SlackResult::Kind::Retryable,
                                   QStringLiteral("HTTP %1").arg(reply.httpStatus)));
            if (reply.httpStatus != 200)
                return done(failed(SlackResult::Kind::Permanent,
                                   QStringLiteral("HTTP %1").arg(reply.httpStatus)));
            // Slack answers a download it will not give with its sign-in page, and 200.
            const bool html = reply.contentType.trimmed().toLower().startsWith("text/html");
            if (html && !expectedType.toLower().startsWith("text/html")) {
                m_errors.count(u"sign_in_page"_s);
                return done(failed(SlackResult::Kind::Permanent, u"sign_in_page"_s));
            }
            SlackDownload d;
            d.result.kind = SlackResult::Kind::Ok;
            d.content = reply.body;
            done(d);
        });
}

} // namespace Bridge
