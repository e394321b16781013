// The Prometheus text exposition format 0.0.4, written by a pure function: every line exact.
#include "monitoring/PrometheusText.h"

#include <limits>

#include <QTest>

using namespace Pterodisbot;

namespace {

using Type = MetricFamily::Type;

MetricFamily family(const QString &name, Type type, const QString &help,
                    QList<MetricSample> samples = {})
{
    MetricFamily result;
    result.name = name;
    result.type = type;
    result.help = help;
    result.samples = std::move(samples);
    return result;
}

MetricFamily histogram(QList<quint64> counts, double sum, MetricLabels labels = {})
{
    MetricFamily result =
        family(QStringLiteral("cycle_seconds"), Type::Histogram, QStringLiteral("Cycle duration."));
    result.histograms.append({std::move(labels), {0.1, 1, 2.5}, std::move(counts), sum});
    return result;
}

} // namespace

Q_DECLARE_METATYPE(QList<Pterodisbot::MetricFamily>)

class TestPrometheusText final : public QObject
{
    Q_OBJECT

private slots:
    void values_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        const double inf = std::numeric_limits<double>::infinity();
        // clang-format off
        QTest::newRow("zero")          << 0.0 << QStringLiteral("0");
        QTest::newRow("negative zero") << -0.0 << QStringLiteral("0");
        QTest::newRow("integer")       << 42.0 << QStringLiteral("42");
        QTest::newRow("negative")      << -7.0 << QStringLiteral("-7");
        QTest::newRow("big counter")   << 1e15 << QStringLiteral("1000000000000000");
        QTest::newRow("fraction")      << 0.25 << QStringLiteral("0.25");
        QTest::newRow("shortest")      << 0.1 << QStringLiteral("0.1");
        QTest::newRow("small")         << 0.005 << QStringLiteral("0.005");
        QTest::newRow("huge")          << 1e20 << QStringLiteral("1e+20");
        QTest::newRow("+Inf")          << inf << QStringLiteral("+Inf");
        QTest::newRow("-Inf")          << -inf << QStringLiteral("-Inf");
        QTest::newRow("NaN")           << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("NaN");
        // clang-format on
    }
    void values()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(formatMetricValue(value), text);
    }

    void labelValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("escaped");
        // clang-format off
        QTest::newRow("plain")     << QStringLiteral("message_edit") << QStringLiteral("message_edit");
        QTest::newRow("empty")     << QString() << QString();
        QTest::newRow("backslash") << QStringLiteral("C:\\dir") << QStringLiteral("C:\\\\dir");
        QTest::newRow("quote")     << QStringLiteral("say \"hi\"") << QStringLiteral("say \\\"hi\\\"");
        QTest::newRow("newline")   << QStringLiteral("a\nb") << QStringLiteral("a\\nb");
        QTest::newRow("all three") << QStringLiteral("\\\"\n") << QStringLiteral("\\\\\\\"\\n");
        QTest::newRow("unicode")   << QStringLiteral("Überwachung") << QStringLiteral("Überwachung");
        // clang-format on
    }
    void labelValues()
    {
        QFETCH(QString, value);
        QFETCH(QString, escaped);
        QCOMPARE(escapeLabelValue(value), escaped);
    }

    void helpText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        // clang-format off
        QTest::newRow("plain")      << QStringLiteral("Update cycles.") << QStringLiteral("Update cycles.");
        QTest::newRow("backslash")  << QStringLiteral("a\\b") << QStringLiteral("a\\\\b");
        QTest::newRow("newline")    << QStringLiteral("one\ntwo") << QStringLiteral("one\\ntwo");
        QTest::newRow("quote kept") << QStringLiteral("the \"state\"") << QStringLiteral("the \"state\"");
        // clang-format on
    }
    void helpText()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(escapeHelpText(text), escaped);
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("metric");
        QTest::addColumn<bool>("label");
        // clang-format off
        QTest::newRow("snake case")     << QStringLiteral("pterodisbot_cycles_total") << true << true;
        QTest::newRow("colon")          << QStringLiteral("job:rate5m") << true << false;
        QTest::newRow("leading _")      << QStringLiteral("_x") << true << true;
        QTest::newRow("reserved __")    << QStringLiteral("__name__") << true << false;
        QTest::newRow("digit inside")   << QStringLiteral("a1") << true << true;
        QTest::newRow("leading digit")  << QStringLiteral("1a") << false << false;
        QTest::newRow("dash")           << QStringLiteral("a-b") << false << false;
        QTest::newRow("space")          << QStringLiteral("a b") << false << false;
        QTest::newRow("empty")          << QString() << false << false;
        QTest::newRow("non-ASCII")      << QStringLiteral("zähler") << false << false;
        // clang-format on
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, metric);
        QFETCH(bool, label);
        QCOMPARE(isValidMetricName(name), metric);
        QCOMPARE(isValidLabelName(name), label);
    }

    // Whole documents, byte for byte.
    void render_data()
    {
        QTest::addColumn<QList<MetricFamily>>("families");
        QTest::addColumn<QString>("text");

        QTest::newRow("nothing") << QList<MetricFamily>{} << QString();
        QTest::newRow("counter") << QList<MetricFamily>{family(QStringLiteral("edits_total"),
                                                               Type::Counter,
                                                               QStringLiteral("Edits."), {{{}, 3}})}
                                 << QStringLiteral("# HELP edits_total Edits.\n"
                                                   "# TYPE edits_total counter\n"
                                                   "edits_total 3\n");
        QTest::newRow("gauge with labels")
            << QList<MetricFamily>{family(
                   QStringLiteral("servers"), Type::Gauge, QStringLiteral("Servers by state."),
                   {{{{QStringLiteral("state"), QStringLiteral("running")}}, 2},
                    {{{QStringLiteral("state"), QStringLiteral("offline")},
                      {QStringLiteral("node"), QStringLiteral("n\"1\"")}},
                     0.5}})}
            << QStringLiteral("# HELP servers Servers by state.\n"
                              "# TYPE servers gauge\n"
                              "servers{state=\"running\"} 2\n"
                              "servers{state=\"offline\",node=\"n\\\"1\\\"\"} 0.5\n");
        QTest::newRow("no samples yet: HELP and TYPE alone")
            << QList<MetricFamily>{family(QStringLiteral("latency_seconds"), Type::Gauge,
                                          QStringLiteral("Latency.\nSecond line \\ here."))}
            << QStringLiteral("# HELP latency_seconds Latency.\\nSecond line \\\\ here.\n"
                              "# TYPE latency_seconds gauge\n");
        QTest::newRow("histogram: cumulative buckets, +Inf, sum, count")
            << QList<MetricFamily>{histogram({1, 2, 0, 1}, 4.75)}
            << QStringLiteral("# HELP cycle_seconds Cycle duration.\n"
                              "# TYPE cycle_seconds histogram\n"
                              "cycle_seconds_bucket{le=\"0.1\"} 1\n"
                              "cycle_seconds_bucket{le=\"1\"} 3\n"
                              "cycle_seconds_bucket{le=\"2.5\"} 3\n"
                              "cycle_seconds_bucket{le=\"+Inf\"} 4\n"
                              "cycle_seconds_sum 4.75\n"
                              "cycle_seconds_count 4\n");
        QTest::newRow("histogram: missing counts are 0, labels before le")
            << QList<MetricFamily>{histogram({}, 0, {{QStringLiteral("bot"), QStringLiteral("a")}})}
            << QStringLiteral("# HELP cycle_seconds Cycle duration.\n"
                              "# TYPE cycle_seconds histogram\n"
                              "cycle_seconds_bucket{bot=\"a\",le=\"0.1\"} 0\n"
                              "cycle_seconds_bucket{bot=\"a\",le=\"1\"} 0\n"
                              "cycle_seconds_bucket{bot=\"a\",le=\"2.5\"} 0\n"
                              "cycle_seconds_bucket{bot=\"a\",le=\"+Inf\"} 0\n"
                              "cycle_seconds_sum{bot=\"a\"} 0\n"
                              "cycle_seconds_count{bot=\"a\"} 0\n");
        QTest::newRow("a bad family name leaves out that family only")
            << QList<MetricFamily>{family(QStringLiteral("bad-name"), Type::Counter,
                                          QStringLiteral("x"), {{{}, 1}}),
                                   family(QStringLiteral("good_total"), Type::Counter,
                                          QStringLiteral("y"), {{{}, 2}})}
            << QStringLiteral("# HELP good_total y\n"
                              "# TYPE good_total counter\n"
                              "good_total 2\n");
        QTest::newRow("a bad label name leaves out that sample only")
            << QList<MetricFamily>{family(
                   QStringLiteral("requests_total"), Type::Counter, QStringLiteral("z"),
                   {{{{QStringLiteral("route kind"), QStringLiteral("a")}}, 1},
                    {{{QStringLiteral("route"), QStringLiteral("b")}}, 2}})}
            << QStringLiteral("# HELP requests_total z\n"
                              "# TYPE requests_total counter\n"
                              "requests_total{route=\"b\"} 2\n");
    }
    void render()
    {
        QFETCH(QList<MetricFamily>, families);
        QFETCH(QString, text);
        QCOMPARE(QString::fromUtf8(renderPrometheusText(families)), text);
    }

    void outputIsUtf8()
    {
        const QByteArray text =
            renderPrometheusText({family(QStringLiteral("g"), Type::Gauge, QStringLiteral("Zähler"),
                                         {{{{QStringLiteral("l"), QStringLiteral("é")}}, 1}})});
        QVERIFY(text.contains("Z\xc3\xa4hler"));
        QVERIFY(text.contains("l=\"\xc3\xa9\""));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusText)
#include "tst_prometheustext.moc"
