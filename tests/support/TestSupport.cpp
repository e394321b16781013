#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace Pterodisbot::TestSupport {

QString dataPath(const QString &name)
{
    return QDir(QStringLiteral(PTERODISBOT_TEST_DATA)).filePath(name);
}

QByteArray readData(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("missing test data file %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

QString fakeKey(const QString &prefix, char fill)
{
    return prefix + QString(43, QLatin1Char(fill));
}

} // namespace Pterodisbot::TestSupport
