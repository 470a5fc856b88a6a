#pragma once

#include "recentevents.h"

#include <QWidget>

namespace Console {

/// Events and errors per minute over the last hour as bars (errors in red over the events),
/// drawn with QPainter: a glance, not a plotting tool.
class EventChart final : public QWidget
{
    Q_OBJECT
public:
    explicit EventChart(QWidget *parent = nullptr);

    /// Sixty buckets, oldest first (RecentEvents::buckets()).
    void setBuckets(const QList<MinuteBucket> &buckets);
    QList<MinuteBucket> buckets() const { return m_buckets; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<MinuteBucket> m_buckets;
};

} // namespace Console
