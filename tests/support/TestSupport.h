#pragma once

#include <QByteArray>
#include <QString>

namespace Pterodisbot::TestSupport {

//! Absolute path of a file in tests/data.
QString dataPath(const QString &name);
//! Contents of a file in tests/data; fails the current test when missing.
QByteArray readData(const QString &name);
//! A syntactically valid, obviously fake key: prefix + 43 chars (48 in all) built at run time.
QString fakeKey(const QString &prefix, char fill = 'x');

} // namespace Pterodisbot::TestSupport
