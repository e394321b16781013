#include "SimHost.h"

#include "Measure.h"

using namespace PterodisbotSim;

namespace PterodisbotBench {

SimHost::SimHost(const DiscordSimOptions &options)
{
    m_context.moveToThread(&m_thread);
    m_thread.start();
    call([&] {
        m_sim = new DiscordSimulator;
        if (!m_sim->start(options))
            m_error = m_sim->errorString();
    });
}

SimHost::~SimHost()
{
    call([&] { delete m_sim; });
    m_thread.quit();
    m_thread.wait();
}

double SimHost::cpuMs()
{
    double ms = 0;
    call([&ms] { ms = threadCpuMs(); });
    return ms;
}

Pterodisbot::GatewaySettings gatewaySettings(const QString &token, bool zlib)
{
    Pterodisbot::GatewaySettings settings;
    settings.token = token;
    settings.zlibStream = zlib;
    return settings;
}

} // namespace PterodisbotBench
