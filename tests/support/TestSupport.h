#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Pterodisbot::TestSupport {

//! Absolute path of a file in tests/data.
QString dataPath(const QString &name);
//! Contents of a file in tests/data; fails the current test when missing.
QByteArray readData(const QString &name);
//! A syntactically valid, obviously fake key: prefix + 43 chars (48 in all) built at run time.
QString fakeKey(const QString &prefix, char fill = 'x');
//! A fake Discord bot token of the real shape; its first part is base64("123456789012345678"),
//! like a real token's is its user id.
QString fakeToken();
//! \a text with the placeholders @TOKEN@, @CLIENT_KEY@, @APPLICATION_KEY@, @PELICAN_CLIENT@ and
//! @PELICAN_APPLICATION@ replaced by fake secrets, so nothing secret-looking is committed.
QString expandFakeSecrets(QString text);
//! An environment of "NAME=value" entries, placeholders expanded.
QProcessEnvironment fakeEnvironment(const QStringList &variables);

} // namespace Pterodisbot::TestSupport
