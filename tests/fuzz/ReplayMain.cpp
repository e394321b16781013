// The ordinary suite's driver of a fuzz target: runs LLVMFuzzerTestOneInput over every file
// of the folders (or files) given, so the seed corpus and every input that once crashed a
// target (tests/fuzz/corpus/<target>/) stay regression tests in the gcc and sanitizer builds.

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

bool replay(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    std::fprintf(stderr, "replaying %s (%lld bytes)\n", qPrintable(path),
                 static_cast<long long>(bytes.size()));
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()),
                           size_t(bytes.size()));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        if (!QFileInfo(path).isDir()) {
            files.append(path);
            continue;
        }
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    files.sort();
    if (files.isEmpty()) {
        std::fprintf(stderr, "usage: %s <file or folder>...; no input found\n", argv[0]);
        return 2;
    }
    for (const QString &file : std::as_const(files)) {
        if (!replay(file))
            return 1;
    }
    std::fprintf(stderr, "%lld inputs replayed without a finding\n",
                 static_cast<long long>(files.size()));
    return 0;
}
