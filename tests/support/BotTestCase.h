#pragma once

#include <memory>

#include <QObject>

#include "BotHarness.h"

namespace Pterodisbot::BotTest {

//! Base of the tst_bot* test classes: a fresh BotHarness for every test function, its bot
//! stopped afterwards. QTest finds the init() and cleanup() slots through the subclass.
class BotTestCase : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BotTestCase)

public:
    BotTestCase() = default;
    ~BotTestCase() override;

protected:
    //! The current test function's harness.
    BotHarness &harness() { return *m_harness; }

private slots:
    void init();
    void cleanup();

private:
    std::unique_ptr<BotHarness> m_harness;
};

} // namespace Pterodisbot::BotTest
