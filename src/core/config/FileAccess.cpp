#include "config/FileAccess.h"

#include <pwd.h>
#include <unistd.h>

#include <QFileInfo>

namespace Pterodisbot {

namespace {

QString userName(uid_t uid)
{
    // getpwuid_r: the reentrant form, with a buffer of our own.
    struct passwd entry
    {};
    struct passwd *found = nullptr;
    char buffer[1024];
    if (getpwuid_r(uid, &entry, buffer, sizeof buffer, &found) == 0 && found)
        return QString::fromLocal8Bit(found->pw_name);
    return QStringLiteral("uid %1").arg(uid);
}

} // namespace

QString octalMode(const QFileInfo &info)
{
    const QFileDevice::Permissions p = info.permissions();
    const int owner = (p & QFileDevice::ReadOwner ? 4 : 0) | (p & QFileDevice::WriteOwner ? 2 : 0) |
                      (p & QFileDevice::ExeOwner ? 1 : 0);
    const int group = (p & QFileDevice::ReadGroup ? 4 : 0) | (p & QFileDevice::WriteGroup ? 2 : 0) |
                      (p & QFileDevice::ExeGroup ? 1 : 0);
    const int other = (p & QFileDevice::ReadOther ? 4 : 0) | (p & QFileDevice::WriteOther ? 2 : 0) |
                      (p & QFileDevice::ExeOther ? 1 : 0);
    return QStringLiteral("0%1%2%3").arg(owner).arg(group).arg(other);
}

FileAccessProblem describeUnreadableFile(const QFileInfo &info, const QString &openError)
{
    return describeUnreadableFile(info, openError, geteuid());
}

FileAccessProblem describeUnreadableFile(const QFileInfo &info, const QString &openError,
                                         uint runningAs)
{
    const QString path = info.filePath();
    if (info.isDir())
        return {QStringLiteral("cannot read config file %1: it is a folder").arg(path),
                QStringLiteral("give --config the path of the file itself")};
    const uid_t me = uid_t(runningAs);
    const QString self = QStringLiteral("%1 (uid %2)").arg(userName(me)).arg(me);
    const QString owner =
        info.owner().isEmpty() ? QStringLiteral("uid %1").arg(info.ownerId()) : info.owner();
    const QString mode = octalMode(info);
    if (info.ownerId() == me) {
        // Our own file, yet unreadable: the owner's read bit is off (or a mandatory access
        // control said no).
        return {QStringLiteral("cannot read config file %1 (%2): it is ours (%3) but mode %4 "
                               "does not let its owner read it")
                    .arg(path, openError, self, mode),
                QStringLiteral("chmod 600 %1").arg(path)};
    }
    FileAccessProblem problem;
    problem.message = QStringLiteral("cannot read config file %1 (%2): pterodisbot runs as %3, "
                                     "but the file belongs to %4 with mode %5")
                          .arg(path, openError, self, owner, mode);
    if (me != 0 && info.ownerId() == 0) {
        // The systemd unit's DynamicUser=yes: the service is not root, so a root-only file is
        // closed to it, however right its mode is for secrets.
        problem.hint =
            QStringLiteral(
                "as a systemd service (DynamicUser) the bot is not root: keep the secrets in "
                "/etc/pterodisbot/environment (mode 0600, read by systemd itself) and make the "
                "config file without secrets readable (chmod 644 %1); see packaging/linux/"
                "pterodisbot.service")
                .arg(path);
    } else {
        problem.hint =
            QStringLiteral("run pterodisbot as %1, or give the file to the user it runs as "
                           "(chown %2 %3; chmod 600 %3)")
                .arg(owner, userName(me), path);
    }
    return problem;
}

} // namespace Pterodisbot
