#include "i18n/InterfaceTranslations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "logging.h"

namespace Pterodisbot {

namespace {

//! The catalog \a name for the first language of \a locale's preferences that has one.
QString install(QCoreApplication *app, const QLocale &locale, const QString &name,
                const QString &directory)
{
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return {};
    }
    QCoreApplication::installTranslator(translator);
    return name + QLatin1Char('_') + translator->language();
}

} // namespace

QStringList installInterfaceTranslations(QCoreApplication *app)
{
    const QLocale system = QLocale::system();
    QStringList installed;
    const QString own =
        install(app, system, QStringLiteral("pterodisbot"), QStringLiteral(":/i18n"));
    // English is the source language: only its plural forms have a catalog (it is also what a
    // language without a catalog of its own reads), and Qt's English needs none.
    if (own.isEmpty() || own.endsWith(QLatin1String("_en"))) {
        if (own.isEmpty())
            install(app, QLocale(QLocale::English), QStringLiteral("pterodisbot"),
                    QStringLiteral(":/i18n"));
        return installed;
    }
    installed << own;
    const QString qt = install(app, system, QStringLiteral("qtbase"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (!qt.isEmpty())
        installed << qt;
    qCInfo(lcApp).noquote() << "window language:" << system.uiLanguages().value(0) << "-"
                            << installed.join(QStringLiteral(", "));
    return installed;
}

} // namespace Pterodisbot
