#include "eventchart.h"

#include <QPainter>

#include <algorithm>

namespace Console {

namespace {
const QColor EventColour(0x34, 0x78, 0xf6);
const QColor ErrorColour(0xd0, 0x3a, 0x2f);
} // namespace

EventChart::EventChart(QWidget *parent)
    : QWidget(parent)
    , m_buckets(RecentEvents::Minutes)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Events and errors per minute, last hour"));
}

void EventChart::setBuckets(const QList<MinuteBucket> &buckets)
{
    if (buckets == m_buckets)
        return;
    m_buckets = buckets;
    int events = 0;
    int errors = 0;
    for (const MinuteBucket &b : m_buckets) {
        events += b.events;
        errors += b.errors;
    }
    const QString summary = tr("Last hour: events %1, errors %2").arg(events).arg(errors);
    setToolTip(summary);
    setAccessibleDescription(summary);
    update();
}

QSize EventChart::sizeHint() const
{
    return {480, 140};
}

QSize EventChart::minimumSizeHint() const
{
    return {240, 100};
}

void EventChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics metrics = fontMetrics();
    const int labelHeight = metrics.height();
    int peak = 1;
    for (const MinuteBucket &b : m_buckets)
        peak = std::max(peak, b.events);
    const QString peakText = QString::number(peak);
    const int axisWidth = metrics.horizontalAdvance(peakText) + 6;
    const QRect plot = rect().adjusted(axisWidth, 4, -4, -labelHeight - 4);
    if (plot.width() <= 0 || plot.height() <= 0 || m_buckets.isEmpty())
        return;

    const QColor text = palette().color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlphaF(0.2);
    painter.setPen(grid);
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.topLeft(), plot.topRight());

    const qreal slot = qreal(plot.width()) / m_buckets.size();
    const qreal barWidth = std::max<qreal>(1.0, slot - 1.0);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < m_buckets.size(); ++i) {
        const MinuteBucket &b = m_buckets.at(i);
        const qreal x = plot.left() + i * slot;
        const qreal eventsHeight = plot.height() * qreal(b.events) / peak;
        const qreal errorsHeight = plot.height() * qreal(b.errors) / peak;
        painter.fillRect(QRectF(x, plot.bottom() - eventsHeight, barWidth, eventsHeight),
                         EventColour);
        painter.fillRect(QRectF(x, plot.bottom() - errorsHeight, barWidth, errorsHeight),
                         ErrorColour);
    }

    painter.setPen(text);
    painter.drawText(QRect(0, plot.top(), axisWidth - 4, labelHeight),
                     Qt::AlignRight | Qt::AlignTop, peakText);
    painter.drawText(QRect(0, plot.bottom() - labelHeight, axisWidth - 4, labelHeight),
                     Qt::AlignRight | Qt::AlignBottom, QStringLiteral("0"));
    const QRect labels(plot.left(), plot.bottom() + 2, plot.width(), labelHeight);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignTop, tr("60 min ago"));
    painter.drawText(labels, Qt::AlignHCenter | Qt::AlignTop, tr("30 min"));
    painter.drawText(labels, Qt::AlignRight | Qt::AlignTop, tr("now"));
}

} // namespace Console
