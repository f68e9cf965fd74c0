package org.customersegmentation.segmentation.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.dataset.DatasetSchema;

/**
 * A refresh: the earlier job's effective request with the fields the caller gave in its place, checked against the
 * new snapshot's columns before the usual {@link RequestChecks} run on it.
 */
final class RefreshChecks {

    private static final String TITLE = "Invalid segmentation request";

    private RefreshChecks() {
    }

    /**
     * The earlier request with every field the caller gave instead; the seed and callbackUrl are only ever the
     * caller's, and kSelection and minSegmentShare carry over only from one k range to another. A list left empty counts as not given, as generated clients send [] for a list left unset.
     */
    static SegmentationRequest merged(SegmentationRequest request, EffectiveRequest earlier) {
        boolean kGiven = request.k() != null || request.kRange() != null;
        Integer k = kGiven ? request.k() : earlier.k();
        KRange range = kGiven ? request.kRange() : earlier.kRange();
        var selection = request.kSelection() != null ? request.kSelection()
                : range != null && earlier.kRange() != null ? earlier.kSelection() : null;
        return new SegmentationRequest(request.datasetId(), request.refreshOf(), k, range, selection,
                given(request.features()) ? request.features() : earlier.features(),
                request.scaling() != null ? request.scaling() : earlier.scaling(),
                given(request.logTransform()) ? request.logTransform() : earlier.logTransform(),
                request.missingValues() != null ? request.missingValues() : earlier.missingValues(),
                request.seed(),
                request.restarts() != null ? request.restarts() : earlier.restarts(),
                request.maxIterations() != null ? request.maxIterations() : earlier.maxIterations(),
                request.tolerance() != null ? request.tolerance() : earlier.tolerance(),
                request.callbackUrl(),
                request.stability() != null ? request.stability() : earlier.stability(),
                request.minSegmentShare() != null ? request.minSegmentShare()
                        : range != null && earlier.kRange() != null ? earlier.minSegmentShare() : null);
    }

    /**
     * 400 naming every earlier feature the new dataset lacks or has with another type, and every one an explicit
     * features list leaves out: segments are matched in the earlier job's clustering space, which needs them all.
     */
    static void check(UUID earlierId, List<String> features, EffectiveRequest earlier, DatasetSchema earlierDataset,
                      DatasetSchema dataset) {
        List<String> missing = new ArrayList<>();
        Map<String, String> mistyped = new LinkedHashMap<>();
        for (String feature : earlier.features()) {
            DatasetSchema.Column column = dataset.columns().get(feature);
            DatasetSchema.Column before = earlierDataset.columns().get(feature);
            if (column == null) {
                missing.add(feature);
            } else if (before != null && column.type() != before.type()) {
                mistyped.put(feature, column.type() + " here, " + before.type() + " in the dataset refreshed");
            }
        }
        if (!missing.isEmpty() || !mistyped.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!missing.isEmpty()) {
                problems.add("it has no column " + String.join(", ", missing.stream().map(f -> "'" + f + "'").toList()));
            }
            mistyped.forEach((feature, types) -> problems.add("'" + feature + "' is " + types));
            throw new InvalidInputException(TITLE, "Dataset " + dataset.id() + " cannot refresh segmentation "
                    + earlierId + ", which clusters on " + earlier.features() + ": "
                    + String.join("; ", problems) + ". Upload a snapshot with these columns, with the same types.",
                    Map.of("parameter", "datasetId", "missingFeatures", missing,
                            "mistypedFeatures", List.copyOf(mistyped.keySet())));
        }
        List<String> leftOut = earlier.features().stream().filter(feature -> !features.contains(feature)).toList();
        if (!leftOut.isEmpty()) {
            throw new InvalidInputException(TITLE, "features leaves out " + leftOut + ", which the segmentation refreshed "
                    + "clusters on; a refresh needs them all to match its segments to the earlier ones. Leave "
                    + "features out to keep the earlier ones.", Map.of("parameter", "features"));
        }
    }

    private static boolean given(List<String> list) {
        return list != null && !list.isEmpty();
    }
}
