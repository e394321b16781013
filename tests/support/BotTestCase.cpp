#include "BotTestCase.h"

namespace Pterodisbot::BotTest {

BotTestCase::~BotTestCase() = default;

void BotTestCase::init()
{
    m_harness = std::make_unique<BotHarness>();
    QVERIFY(m_harness->dataDir.isValid());
}

void BotTestCase::cleanup()
{
    if (m_harness)
        m_harness->stopBot();
    m_harness.reset();
}

} // namespace Pterodisbot::BotTest
