// `cpack -G DEB` in the build directory makes a Debian package that holds what a server needs:
// the binary where the systemd unit expects it (and the simulator its --demo runs), the unit,
// the example configuration, and
// dependencies found by dpkg-shlibdeps (plus the SQLite driver plugin).
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray run(const QString &program, const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.setWorkingDirectory(QStringLiteral(HIVESLACK_BUILD_DIR));
    process.start(program, arguments);
    process.waitForFinished(120'000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAllStandardOutput() + process.readAllStandardError();
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theDebianPackageHoldsTheService()
    {
        QTemporaryDir out;
        int exitCode = -1;
        const QByteArray made =
            run(u"cpack"_s, {u"-G"_s, u"DEB"_s, u"-B"_s, out.path()}, &exitCode);
        QVERIFY2(exitCode == 0, made.constData());
        const QStringList debs = QDir(out.path()).entryList({u"hiveslack_*.deb"_s});
        QCOMPARE(debs.size(), 1);
        const QString deb = out.filePath(debs.constFirst());

        const QByteArray files = run(u"dpkg-deb"_s, {u"-c"_s, deb}, &exitCode);
        QCOMPARE(exitCode, 0);
        for (const char *path :
             {"./usr/bin/hiveslack", "./usr/lib/systemd/system/hiveslack.service",
              "./usr/share/doc/hiveslack/hiveslack.example.json",
              "./usr/share/applications/hiveslack.desktop",
              "./usr/share/icons/hicolor/scalable/apps/hiveslack.svg"})
            QVERIFY2(files.contains(path), path);
        const QByteArray depends = run(u"dpkg-deb"_s, {u"-f"_s, deb, u"Depends"_s}, &exitCode);
        QCOMPARE(exitCode, 0);
        for (const char *package :
             {"libqt6httpserver6", "libqt6websockets6", "libqt6keychain1", "libqt6sql6-sqlite"})
            QVERIFY2(depends.contains(package), depends.constData());
    }

    void theConsoleHasAValidMenuEntry()
    {
        int exitCode = -1;
        const QByteArray said =
            run(u"desktop-file-validate"_s,
                {QStringLiteral(HIVESLACK_SOURCE_DIR) + u"/resources/desktop/hiveslack.desktop"_s},
                &exitCode);
        QVERIFY2(exitCode == 0 && !said.contains("error"), said.constData());
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
