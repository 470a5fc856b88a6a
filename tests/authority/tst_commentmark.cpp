// The mark on every comment HiveSlack writes: what thread sync never shows back in Slack.
#include "authority/commentmark.h"

#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

class TestCommentMark : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void marksAreRecognised()
    {
        QVERIFY(CommentMark::isMarked(u"severity set to High from Slack by a@b "_s +
                                      CommentMark::suffix()));
        QVERIFY(CommentMark::isMarked(u"Added from Slack by a@b "_s + CommentMark::suffix(42)));
        QVERIFY(CommentMark::isMarked(u"text\n\nCopied from Slack (HiveSlack event 7)\n"_s));
        QVERIFY(!CommentMark::isMarked(u"Analyst wrote (HiveSlack event 7) mid-text, then more"_s));
        QVERIFY(!CommentMark::isMarked(u"Found the dropper"_s));
        QCOMPARE(CommentMark::suffix(42), u"(HiveSlack event 42)"_s);
    }
};

QTEST_APPLESS_MAIN(TestCommentMark)
#include "tst_commentmark.moc"
