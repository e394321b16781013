#include "ConfigCheck.h"

#include "ConfigValidator.h"
#include "SecretStore.h"

namespace Pterodisbot {

QCoro::Task<ConfigLoadResult> loadConfiguration(ConfigLoader loader, QString explicitPath,
                                                SecretStore *store)
{
    ConfigLoadResult loaded = loader.load(explicitPath);
    SecretStoreOptions withoutKeychain;
    withoutKeychain.useKeychain = false;
    SecretStore fallback(withoutKeychain);
    SecretStore *settler = store ? store : &fallback;
    SecretResolution settled = co_await settler->resolve(loaded.config);
    ConfigLoadResult result;
    result.config = std::move(settled.config);
    result.problems = loaded.problems + settled.problems;
    result.problems += validateConfig(result.config, result.problems);
    co_return result;
}

} // namespace Pterodisbot
