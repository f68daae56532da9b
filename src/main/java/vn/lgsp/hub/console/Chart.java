package vn.lgsp.hub.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import vn.lgsp.hub.console.IndicatorFormulas.Figures;

/**
 * An indicator chart drawn on the server as SVG coordinates: one line per indicator over the period's buckets,
 * 0-100 % on the y axis, the buckets on the x axis, a legend below. A bucket without dossiers measures nothing:
 * the line joins the buckets on either side of it (with gaps, daily buckets of a quiet period were loose dots).
 * No script and no external library.
 */
public record Chart(int width, int height, List<Series> series, List<Label> labels, List<Integer> gridY) {

    /** One indicator's line: its message key, CSS class, the SVG polyline (none without data) and its points. */
    public record Series(String key, String css, List<String> polylines, List<double[]> points) {
    }

    /** An x-axis label. */
    public record Label(double x, String text) {
    }

    static final int WIDTH = 760;
    static final int HEIGHT = 260;
    static final int LEFT = 44;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 28;
    private static final int MAX_LABELS = 12;

    static Chart of(List<Indicators.Bucket> buckets) {
        List<Series> series = List.of(
                series("indicator.sync", "s14", buckets, Figures::syncRate),
                series("indicator.ontime", "s21", buckets, Figures::onTimeRate),
                series("indicator.online", "s33", buckets, Figures::onlineRate),
                series("indicator.payment", "s36", buckets, Figures::onlinePaymentRate),
                series("indicator.digitisation", "s4x", buckets, Figures::digitisationRate),
                series("indicator.satisfaction", "s6x", buckets, Figures::satisfactionRate));
        List<Label> labels = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(buckets.size() / (double) MAX_LABELS));
        for (int i = 0; i < buckets.size(); i += step) {
            labels.add(new Label(x(i, buckets.size()), buckets.get(i).label()));
        }
        List<Integer> grid = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) {
            grid.add(p);
        }
        return new Chart(WIDTH, HEIGHT, series, labels, grid);
    }

    /** The y coordinate of a percentage (0-100). */
    public double y(double percent) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - percent / 100.0);
    }

    public int top() {
        return TOP;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    private static Series series(String key, String css, List<Indicators.Bucket> buckets,
                                 Function<Figures, Double> rate) {
        List<String> lines = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < buckets.size(); i++) {
            Double value = rate.apply(buckets.get(i).figures());
            if (value == null) {
                continue;
            }
            double x = x(i, buckets.size());
            double y = TOP + (HEIGHT - TOP - BOTTOM) * (1 - value);
            points.add(new double[] {x, y});
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        flush(lines, line);
        return new Series(key, css, lines, points);
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (!line.isEmpty()) {
            lines.add(line.toString().strip());
            line.setLength(0);
        }
    }

    private static double x(int index, int count) {
        double span = WIDTH - LEFT - RIGHT;
        return count <= 1 ? LEFT + span / 2 : LEFT + span * index / (count - 1);
    }
}
