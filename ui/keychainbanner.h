#pragma once

#include <QLabel>

namespace Console {

/// A plain banner saying the keychain cannot be used and how HiveSlack reads secrets
/// instead: the HIVESLACK_*_FILE environment variables. Hidden until showFor().
class KeychainBanner final : public QLabel
{
    Q_OBJECT
public:
    explicit KeychainBanner(QWidget *parent = nullptr);

    /// Shows the banner with the keychain's @p reason.
    void showFor(const QString &reason);
};

} // namespace Console
