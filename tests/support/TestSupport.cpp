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

QString fakeToken()
{
    return QStringLiteral("MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.") + QString(38, QLatin1Char('t'));
}

QString expandFakeSecrets(QString text)
{
    text.replace(QStringLiteral("@TOKEN@"), fakeToken());
    text.replace(QStringLiteral("@CLIENT_KEY@"), fakeKey(QStringLiteral("ptlc_")));
    text.replace(QStringLiteral("@APPLICATION_KEY@"), fakeKey(QStringLiteral("ptla_")));
    text.replace(QStringLiteral("@PELICAN_CLIENT@"), fakeKey(QStringLiteral("pacc_")));
    text.replace(QStringLiteral("@PELICAN_APPLICATION@"), fakeKey(QStringLiteral("papp_")));
    return text;
}

QProcessEnvironment fakeEnvironment(const QStringList &variables)
{
    QProcessEnvironment environment;
    for (const QString &variable : variables)
        environment.insert(variable.section(QLatin1Char('='), 0, 0),
                           expandFakeSecrets(variable.section(QLatin1Char('='), 1)));
    return environment;
}

} // namespace Pterodisbot::TestSupport
