package org.customersegmentation.report;

import java.util.List;
import java.util.Map;

/**
 * Everything the report page shows, already worded and formatted: the template only lays it out. Public, as are
 * its parts, because the template engine reads them by reflection.
 *
 * @param charts chart name to an inline {@code <svg>} element; a chart whose data does not exist is absent
 */
public record ReportView(String title, String subtitle, List<Fact> facts, List<ColumnRow> columns, String kSelectionSentence,
                  List<String> candidateHeader, List<CandidateRow> candidates, List<Fact> metrics,
                  List<SegmentRow> segments, List<PreparationRow> preprocessing, Map<String, String> charts,
                  String generatedAt) {

    /** A named value with a sentence on how to read it. */
    public record Fact(String name, String value, String meaning) {
    }

    public record ColumnRow(String name, String type, String missing, String summary) {
    }

    public record CandidateRow(boolean chosen, List<String> cells) {
    }

    /** Whether the segmentation measured its segments' stability: the segments table then shows it. */
    public boolean stabilityMeasured() {
        return segments.stream().anyMatch(segment -> segment.stability() != null);
    }

    /**
     * @param automaticLabel the segment's label, when a person gave it another name; else null
     * @param stability      the stability verdict and score, as "highly stable (0.97)"; null when not measured
     */
    public record SegmentRow(String number, String key, String name, String automaticLabel, String description,
                             String tags, String size, String share, String stability, String summary) {
    }

    public record PreparationRow(String feature, String transform, String imputed, String center, String scale, String oneHot) {
    }
}
