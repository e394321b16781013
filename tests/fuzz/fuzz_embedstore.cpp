// The embed store loader: the input is `embed_locations.json` as found at start, and also the
// Python bot's file the store imports. What loads must save and load again to the same
// entries.

#include "FuzzSupport.h"

#include <cstdlib>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "bot/EmbedStore.h"
#include "Clock.h"

using namespace Pterodisbot;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        std::abort(); // the fuzzer's own folder must be writable
}

void emptyFolder(QDir dir)
{
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
        dir.remove(name);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::setUp();
    static QTemporaryDir folder;
    const QDir dir(folder.path());
    const QByteArray input = Fuzz::bytes(data, size);
    ManualClock clock;

    emptyFolder(dir);
    writeFile(dir.filePath(EmbedStore::fileName()), input);
    {
        EmbedStore store(folder.path(), &clock);
        const EmbedStore::LoadReport report = store.load();
        (void)report.summary();
        const QStringList loaded = store.serverIds();
        if (report.status == EmbedStore::LoadStatus::Loaded && store.save()) {
            EmbedStore again(folder.path(), &clock);
            again.load();
            if (again.serverIds() != loaded)
                std::abort(); // saving and loading lost or invented an entry
        }
    }

    emptyFolder(dir);
    const QString legacy = dir.filePath(QStringLiteral("python_embed_locations.json"));
    writeFile(legacy, input);
    EmbedStore store(folder.path(), &clock);
    store.load();
    (void)store.importLegacy(legacy);
    return 0;
}
