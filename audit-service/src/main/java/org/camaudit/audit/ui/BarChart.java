package org.camaudit.audit.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart drawn as SVG by the template: every bar carries its label and its number as text,
 * so the chart reads the same printed in black and white, without colour, and to a screen reader.
 */
public record BarChart(String title, List<Bar> bars, int height) {

    static final int ROW = 26;
    static final int LABEL_WIDTH = 150;
    static final int BAR_SPACE = 300;

    /** One bar: its label, its value, its width in pixels and its vertical position. */
    public record Bar(String label, long value, int width, int y) {
        public int textY() {
            return y + 15;
        }

        public int valueX() {
            return LABEL_WIDTH + width + 6;
        }
    }

    static BarChart of(String title, Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 4;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            int width = max == 0 ? 0 : (int) Math.max(1, Math.round(BAR_SPACE * (double) e.getValue() / max));
            bars.add(new Bar(e.getKey(), e.getValue(), width, y));
            y += ROW;
        }
        return new BarChart(title, bars, Math.max(y + 4, ROW));
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int width() {
        return LABEL_WIDTH + BAR_SPACE + 60;
    }

    public long total() {
        return bars.stream().mapToLong(Bar::value).sum();
    }
}
