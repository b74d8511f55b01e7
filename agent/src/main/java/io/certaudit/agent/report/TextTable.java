package io.certaudit.agent.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table for the terminal: columns as wide as their widest cell, colour codes not counted, two spaces apart. */
final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    TextTable(String... headers) {
        this.headers = List.of(headers);
        this.rightAligned = new boolean[headers.length];
    }

    /** Aligns a column of numbers to the right. */
    TextTable rightAlign(int column) {
        rightAligned[column] = true;
        return this;
    }

    /** A row of cells, already cleaned and styled. */
    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + Arrays.toString(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    void print(PrintWriter out, String indent, TextStyle style) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = TextStyle.width(headers.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], TextStyle.width(row.get(i)));
            }
        }
        out.println(line(headers.stream().map(style::dim).toList(), widths, indent));
        for (List<String> row : rows) {
            out.println(line(row, widths, indent));
        }
    }

    private String line(List<String> cells, int[] widths, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String padding = " ".repeat(widths[i] - TextStyle.width(cell));
            boolean last = i == cells.size() - 1;
            if (rightAligned[i]) {
                line.append(padding).append(cell);
            } else {
                line.append(cell).append(last ? "" : padding);
            }
            if (!last) {
                line.append("  ");
            }
        }
        return line.toString().stripTrailing();
    }
}
