#include "codebox.h"
#include "routingrulesmodel.h"
#include "secrets/envsecretstore.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

/// One <message> of a .ts file, as far as these checks need it.
struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one, or one per numerus form
    QString type;             // "", "unfinished", "obsolete" or "vanished"
    QString file;             // first <location> seen for the message, relative to the .ts
    int line = 0;
};

bool isActive(const TsMessage &m)
{
    return m.type != u"obsolete" && m.type != u"vanished";
}

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    QList<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            TsMessage m;
            m.context = context;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"source") {
                    m.source = xml.readElementText();
                } else if (xml.name() == u"location") {
                    if (m.file.isEmpty()) {
                        m.file = xml.attributes().value(QLatin1String("filename")).toString();
                        m.line = xml.attributes().value(QLatin1String("line")).toInt();
                    }
                    xml.skipCurrentElement();
                } else if (xml.name() == u"translation") {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    // A numerus message holds its forms in <numerusform> children.
                    QString text;
                    while (!xml.atEnd() && (xml.readNext() != QXmlStreamReader::EndElement ||
                                            xml.name() != u"translation")) {
                        if (xml.isCharacters())
                            text += xml.text();
                        else if (xml.isStartElement() && xml.name() == u"numerusform")
                            m.translations.append(xml.readElementText());
                    }
                    if (m.translations.isEmpty())
                        m.translations.append(text);
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.append(m);
        }
    }
    if (xml.hasError())
        *error = u"%1: %2 at line %3"_s.arg(path, xml.errorString()).arg(xml.lineNumber());
    return messages;
}

QString key(const TsMessage &m)
{
    return m.context + u" | "_s + m.source;
}

QStringList listFromDefine(const char *joined)
{
    return QString::fromUtf8(joined).split(u'|', Qt::SkipEmptyParts);
}

QString sourceDir()
{
    return QStringLiteral(HIVESLACK_SOURCE_DIR);
}

QString tsPath(const QString &language)
{
    return sourceDir() + u"/translations/hiveslack_"_s + language + u".ts"_s;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(u"%L?(\\d+|n)"_s);
    QStringList found;
    for (const QRegularExpressionMatch &match : marker.globalMatch(text))
        found.append(match.captured(1));
    found.sort();
    return found;
}

/// Keyboard mnemonics: a '&' that is not an entity or a literal "A & B".
qsizetype mnemonics(const QString &text)
{
    static const QRegularExpression marker(u"&(?![a-z]+;|#\\d+;|\\s|&)"_s);
    return text.count(marker) - text.count(u"&&"_s);
}

struct LupdateRun
{
    QList<TsMessage> messages;
    QStringList warnings; // lupdate's "file:line: problem" lines
    QString error;
};

/// Runs lupdate like the update_translations target does, into a throw-away .ts.
LupdateRun runLupdate(const QStringList &inputs, const QString &tsFile)
{
    LupdateRun run;
    QProcess lupdate;
    lupdate.setWorkingDirectory(sourceDir());
    QStringList arguments{u"-no-obsolete"_s, u"-locations"_s, u"absolute"_s};
    for (const QString &include : {u"ui"_s, u"app"_s, u"bridge"_s})
        arguments << u"-I"_s << sourceDir() + u'/' + include;
    arguments << inputs << u"-ts"_s << tsFile;
    lupdate.start(QStringLiteral(HIVESLACK_LUPDATE), arguments);
    if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0) {
        run.error = u"lupdate failed: %1 %2"_s.arg(
            lupdate.errorString(), QString::fromUtf8(lupdate.readAllStandardError()));
        return run;
    }
    static const QRegularExpression warning(u"^\\S.*:\\d+: "_s);
    for (const QString &line : QString::fromUtf8(lupdate.readAllStandardError()).split(u'\n')) {
        if (warning.match(line).hasMatch())
            run.warnings.append(line.trimmed());
    }
    run.messages = readTs(tsFile, &run.error);
    return run;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void theFilesHoldExactlyTheSourceTexts_data();
    void theFilesHoldExactlyTheSourceTexts();
    void everyBridgeTextIsClassified();
    void theEmbeddedCatalogueMatchesTheFile_data();
    void theEmbeddedCatalogueMatchesTheFile();
    void germanReachesTheWidgets();
    void frenchReachesTheWidgets();
    void slackTextsStayEnglish();

private:
    static QStringList consoleInputs();

    QTemporaryDir m_scratch;
    LupdateRun m_sources;
};

QStringList TestTranslations::consoleInputs()
{
    QStringList inputs{sourceDir() + u"/ui"_s, sourceDir() + u"/app"_s};
    for (const QString &file : listFromDefine(HIVESLACK_I18N_BRIDGE_CONSOLE))
        inputs.append(sourceDir() + u"/bridge/"_s + file);
    return inputs;
}

void TestTranslations::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(HIVESLACK_LUPDATE)).isExecutable(), HIVESLACK_LUPDATE);
    QVERIFY(m_scratch.isValid());
    for (const QString &input : consoleInputs())
        QVERIFY2(QFileInfo::exists(input), qPrintable(input));
    m_sources = runLupdate(consoleInputs(), m_scratch.filePath(u"sources.ts"_s));
    QVERIFY2(m_sources.error.isEmpty(), qPrintable(m_sources.error));
    // A warning means a text lupdate cannot file under the context tr() uses at run time (no
    // Q_OBJECT, tr() on a non-QObject, a non-literal text): it would never be translated.
    QVERIFY2(m_sources.warnings.isEmpty(),
             qPrintable(u"lupdate warnings:\n"_s + m_sources.warnings.join(u'\n')));
    QVERIFY(m_sources.messages.size() > 300);
}

void TestTranslations::everyMessageIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : listFromDefine(HIVESLACK_I18N_TS_FILES))
        QTest::newRow(qPrintable(language)) << language.section(u'_', 1).section(u'.', 0, 0);
}

void TestTranslations::everyMessageIsTranslated()
{
    QFETCH(QString, language);
    QString error;
    const QList<TsMessage> messages = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const TsMessage &m : messages) {
        if (!isActive(m))
            continue;
        const QString where = key(m);
        if (m.type == u"unfinished")
            problems.append(u"unfinished: "_s + where);
        for (const QString &text : m.translations) {
            if (text.isEmpty()) {
                problems.append(u"empty: "_s + where);
                continue;
            }
            if (placeholders(text) != placeholders(m.source))
                problems.append(u"placeholders differ: "_s + where + u" -> "_s + text);
            if (mnemonics(text) != mnemonics(m.source))
                problems.append(u"mnemonic (&) differs: "_s + where + u" -> "_s + text);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

void TestTranslations::theFilesHoldExactlyTheSourceTexts_data()
{
    everyMessageIsTranslated_data();
}

void TestTranslations::theFilesHoldExactlyTheSourceTexts()
{
    QFETCH(QString, language);
    QString error;
    const QList<TsMessage> committed = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> inFile;
    for (const TsMessage &m : committed) {
        if (isActive(m))
            inFile.insert(key(m));
    }
    QSet<QString> inSources;
    for (const TsMessage &m : m_sources.messages)
        inSources.insert(key(m));

    QStringList missing = (inSources - inFile).values();
    QStringList stale = (inFile - inSources).values();
    missing.sort();
    stale.sort();
    const QString refresh =
        u"\nRun `cmake --build <build dir> --target update_translations` and translate."_s;
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"texts in the sources but not in "_s + tsPath(language) + u":\n"_s +
                        missing.join(u'\n') + refresh));
    QVERIFY2(stale.isEmpty(),
             qPrintable(u"texts in "_s + tsPath(language) +
                        u" that the sources no longer have:\n"_s + stale.join(u'\n') + refresh));
}

void TestTranslations::everyBridgeTextIsClassified()
{
    const QStringList console = listFromDefine(HIVESLACK_I18N_BRIDGE_CONSOLE);
    const QStringList english = listFromDefine(HIVESLACK_I18N_BRIDGE_ENGLISH);
    for (const QString &file : console + english)
        QVERIFY2(QFileInfo::exists(sourceDir() + u"/bridge/"_s + file), qPrintable(file));

    const QString tsFile = m_scratch.filePath(u"bridge.ts"_s);
    const LupdateRun bridge = runLupdate({sourceDir() + u"/bridge"_s}, tsFile);
    QVERIFY2(bridge.error.isEmpty(), qPrintable(bridge.error));
    QVERIFY2(bridge.warnings.isEmpty(),
             qPrintable(u"lupdate warnings:\n"_s + bridge.warnings.join(u'\n')));
    const QDir bridgeDir(sourceDir() + u"/bridge"_s);
    QStringList unlisted;
    for (const TsMessage &m : bridge.messages) {
        const QString absolute =
            QDir::cleanPath(QFileInfo(tsFile).absoluteDir().absoluteFilePath(m.file));
        const QString file = bridgeDir.relativeFilePath(absolute);
        if (!console.contains(file) && !english.contains(file))
            unlisted.append(u"bridge/%1:%2: %3"_s.arg(file).arg(m.line).arg(m.source));
    }
    // Each bridge tr() is either shown in the console (translated) or goes to Slack users and
    // the journal (stays English): translations/CMakeLists.txt must say which.
    QVERIFY2(unlisted.isEmpty(),
             qPrintable(u"bridge texts not classified in translations/CMakeLists.txt:\n"_s +
                        unlisted.join(u'\n')));
}

void TestTranslations::theEmbeddedCatalogueMatchesTheFile_data()
{
    everyMessageIsTranslated_data();
}

void TestTranslations::theEmbeddedCatalogueMatchesTheFile()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/hiveslack_"_s + language + u".qm"_s));
    QString error;
    const QList<TsMessage> committed = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int compared = 0;
    for (const TsMessage &m : committed) {
        if (!isActive(m) || m.translations.size() != 1)
            continue;
        const QString shown =
            translator.translate(m.context.toUtf8().constData(), m.source.toUtf8().constData());
        // lrelease may leave out a translation equal to its source: translate() is empty then.
        const bool sameAsSource = shown.isEmpty() && m.translations.constFirst() == m.source;
        QVERIFY2(shown == m.translations.constFirst() || sameAsSource,
                 qPrintable(key(m) + u" shows "_s + shown + u": rebuild the .qm"_s));
        ++compared;
    }
    QVERIFY(compared > 300);
}

void TestTranslations::germanReachesTheWidgets()
{
    QTranslator german;
    QVERIFY(german.load(QLocale(QLocale::German, QLocale::Austria), u"hiveslack"_s, u"_"_s,
                        u":/i18n"_s));
    QVERIFY(QCoreApplication::installTranslator(&german));

    QCOMPARE(QCoreApplication::translate("Console::MainWindow", "&Quit"), u"&Beenden"_s);
    QCOMPARE(QCoreApplication::translate("Console::ActivityPage", "&Retry"), u"&Wiederholen"_s);
    // Through each class's own tr(): the contexts lupdate chose are the run-time class names.
    const Console::RoutingRulesModel rules;
    QCOMPARE(rules.headerData(Console::RoutingRulesModel::MinSeverity, Qt::Horizontal).toString(),
             u"Schweregrad"_s);
    QCOMPARE(rules.headerData(Console::RoutingRulesModel::TlpCeiling, Qt::Horizontal).toString(),
             u"TLP-Obergrenze"_s);
    const Bridge::EnvSecretStore environment{QProcessEnvironment()};
    QCOMPARE(environment.backendName(), u"Umgebungsvariablen"_s);
    const Console::CodeBox box;
    const QPushButton *copy = box.findChild<QPushButton *>();
    QVERIFY(copy);
    QCOMPARE(copy->text(), u"&Kopieren"_s);

    QVERIFY(QCoreApplication::removeTranslator(&german));
    QCOMPARE(environment.backendName(), u"environment variables"_s);
}

void TestTranslations::frenchReachesTheWidgets()
{
    QTranslator french;
    QVERIFY(french.load(QLocale(QLocale::French, QLocale::Canada), u"hiveslack"_s, u"_"_s,
                        u":/i18n"_s));
    QVERIFY(QCoreApplication::installTranslator(&french));
    QCOMPARE(QCoreApplication::translate("Console::MainWindow", "&Quit"), u"&Quitter"_s);
    const Console::RoutingRulesModel rules;
    QCOMPARE(rules.headerData(Console::RoutingRulesModel::MinSeverity, Qt::Horizontal).toString(),
             u"Sévérité"_s);
    QVERIFY(QCoreApplication::removeTranslator(&french));
}

void TestTranslations::slackTextsStayEnglish()
{
    QTranslator german;
    QVERIFY(german.load(u":/i18n/hiveslack_de.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(&german));
    // Thread notes and ephemeral replies go to Slack users; the console's language is not theirs.
    QCOMPARE(QCoreApplication::translate("Bridge::ActionHandler", "case reopened"),
             u"case reopened"_s);
    QCOMPARE(QCoreApplication::translate("Bridge::CardPublisher", "card updated"),
             u"card updated"_s);
    QVERIFY(QCoreApplication::removeTranslator(&german));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
