package org.customersegmentation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.customersegmentation.chart.Charts;
import org.customersegmentation.dataset.DatasetProfile;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.result.SegmentationResult;

/** The report's tables and sentences, from the result and the dataset's profile. */
final class ReportTables {

    static final List<String> CANDIDATE_HEADER = List.of("k", "inertia", "silhouette", "Davies–Bouldin",
            "Calinski–Harabasz", "smallest segment");

    private ReportTables() {
    }

    static List<ReportView.ColumnRow> columns(DatasetSchema dataset, DatasetProfile profile) {
        List<ReportView.ColumnRow> rows = new ArrayList<>();
        dataset.columns().forEach((name, column) -> {
            DatasetProfile.ColumnProfile columnProfile = profile.columns().stream()
                    .filter(candidate -> candidate.name().equals(name)).findFirst().orElse(null);
            rows.add(new ReportView.ColumnRow(name, column.type().name(), Numbers.count(column.missing()),
                    summary(columnProfile)));
        });
        return rows;
    }

    private static String summary(DatasetProfile.ColumnProfile column) {
        if (column == null) {
            return "";
        }
        if (column.numeric() != null) {
            DatasetProfile.NumericSummary numeric = column.numeric();
            return "mean " + Numbers.format(numeric.mean()) + " · median " + Numbers.format(numeric.median()) + " · min "
                    + Numbers.format(numeric.min()) + " · max " + Numbers.format(numeric.max());
        }
        if (column.values() != null && !column.values().isEmpty()) {
            return column.distinct() + " values; most frequent: " + column.values().stream().limit(3)
                    .map(value -> value.value() + " (" + Numbers.count(value.count()) + ")")
                    .collect(Collectors.joining(", "));
        }
        return "";
    }

    static String kSelectionSentence(SegmentationResult result) {
        SegmentationResult.KSelection selection = result.kSelection();
        if (selection == null) {
            return "k = " + result.k() + " was given in the request, so no other k was tried.";
        }
        return "Every k from " + selection.candidates().getFirst().k() + " to " + selection.candidates().getLast().k()
                + " was fitted; k = " + selection.chosenK() + " has " + Charts.kSelectionRule(selection.method()) + ".";
    }

    static List<ReportView.CandidateRow> candidates(SegmentationResult result) {
        if (result.kSelection() == null) {
            return List.of();
        }
        return result.kSelection().candidates().stream().map(candidate -> new ReportView.CandidateRow(
                candidate.k() == result.kSelection().chosenK(), List.of(Integer.toString(candidate.k()),
                Numbers.format(candidate.inertia()), Numbers.format(candidate.silhouette()),
                Numbers.format(candidate.daviesBouldin()), Numbers.format(candidate.calinskiHarabasz()),
                Numbers.percent(candidate.smallestShare()) + (candidate.excluded() ? " (excluded: below minSegmentShare)"
                        : "")))).toList();
    }

    static List<ReportView.Fact> metrics(SegmentationResult result) {
        SegmentationResult.Metrics metrics = result.metrics();
        String sample = metrics.silhouetteSampleSize() == null ? ""
                : " Computed over " + Numbers.count(metrics.silhouetteSampleSize()) + " customers.";
        return List.of(
                new ReportView.Fact("Silhouette", Numbers.format(metrics.silhouette()), "From −1 to 1: how much closer "
                        + "customers are to their own segment than to the next. Above 0.5 the segments are clearly "
                        + "apart, 0.25–0.5 they are reasonable, below 0.25 they overlap." + sample),
                new ReportView.Fact("Davies–Bouldin", Numbers.format(metrics.daviesBouldin()), "How much each segment "
                        + "resembles its closest neighbour, on average; lower is better, 0 is perfectly apart."),
                new ReportView.Fact("Calinski–Harabasz", Numbers.format(metrics.calinskiHarabasz()), "Spread between "
                        + "segments over spread within them, allowing for k; higher is better. Compare it across k on "
                        + "the same data, not across datasets."),
                new ReportView.Fact("Inertia", Numbers.format(metrics.inertia()), "The sum of squared distances from "
                        + "each customer to its segment's centre, in the scaled space; it always falls as k grows, so it "
                        + "compares runs with the same k."));
    }

    /** Each segment by its name, with what people wrote about it and its summary. */
    static List<ReportView.SegmentRow> segments(SegmentationResult result) {
        return result.segments().stream().map(segment -> new ReportView.SegmentRow(Integer.toString(segment.segment()),
                segment.key(), segment.name(), segment.nameSource() == SegmentationResult.NameSource.USER ? segment.label() : null,
                segment.description(), String.join(", ", segment.tags()), Numbers.count(segment.size()),
                Numbers.percent(segment.share()), stability(segment), summary(segment))).toList();
    }

    private static String stability(SegmentationResult.Segment segment) {
        if (segment.stability() == null) {
            return null;
        }
        String verdict = segment.stabilityVerdict().toLowerCase(Locale.ROOT).replace('_', ' ');
        return verdict + " (" + Numbers.format(segment.stability()) + ")";
    }

    /** Segments stored by earlier versions have no summary; their traits say the most that is known. */
    private static String summary(SegmentationResult.Segment segment) {
        if (segment.summary() != null) {
            return segment.summary();
        }
        return segment.distinguishing().isEmpty() ? "Close to the average on every feature."
                : "Distinguished by " + segment.distinguishing().stream().map(SegmentationResult.Trait::trait)
                        .collect(Collectors.joining(", ")) + ".";
    }

    static List<ReportView.PreparationRow> preprocessing(SegmentationResult result) {
        return result.preprocessing().stream().map(feature -> new ReportView.PreparationRow(feature.feature(),
                feature.transform() == null ? "none" : feature.transform(),
                feature.imputed() instanceof Number number ? Numbers.format(number.doubleValue())
                        : String.valueOf(feature.imputed()),
                feature.center() == null ? "" : Numbers.format(feature.center()), Numbers.format(feature.scale()),
                feature.oneHot() == null ? "" : feature.oneHot().stream()
                        .map(column -> column.value() + " " + Numbers.percent(column.center()))
                        .collect(Collectors.joining(", ")))).toList();
    }
}
