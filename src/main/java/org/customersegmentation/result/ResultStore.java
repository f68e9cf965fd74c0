package org.customersegmentation.result;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.customersegmentation.engine.ClusterQuality;
import org.customersegmentation.engine.KSearch;
import org.customersegmentation.engine.SegmentProfile.CategoryShares;
import org.customersegmentation.engine.SegmentProfile.FeatureStats;
import org.customersegmentation.engine.SegmentProfile;
import org.customersegmentation.engine.SegmentationOutcome;
import org.customersegmentation.engine.StabilityVerdict;
import org.customersegmentation.postgres.PostgresCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Segments, their feature summaries and the customers' assignments, written in bulk. */
@Repository
class ResultStore {

    private final JdbcTemplate jdbc;
    private final PostgresCopy copy;

    private final JsonMapper json;

    ResultStore(JdbcTemplate jdbc, PostgresCopy copy, JsonMapper json) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.json = json;
    }

    Optional<StoredModel> model(UUID jobId) {
        return jdbc.queryForList("SELECT model::text FROM segmentation_result WHERE job_id = ?", String.class, jobId)
                .stream().findFirst().map(text -> json.readValue(text, StoredModel.class));
    }

    /** The preprocessing of each feature, in the result's feature order. */
    private static List<SegmentationResult.FeaturePreparation> preparation(StoredModel model, List<String> features) {
        Map<String, SegmentationResult.FeaturePreparation> byFeature = new HashMap<>();
        for (int j = 0; j < model.features().size(); j++) {
            byFeature.put(model.features().get(j), new SegmentationResult.FeaturePreparation(model.features().get(j),
                    model.logged()[j] ? "log1p" : null, model.imputed()[j], model.centers()[j], model.scales()[j], null));
        }
        for (StoredModel.Encoding encoding : model.oneHot()) {
            List<SegmentationResult.OneHotColumn> columns = IntStream.range(0, encoding.values().size())
                    .mapToObj(v -> new SegmentationResult.OneHotColumn(encoding.values().get(v), encoding.centers()[v]))
                    .toList();
            byFeature.put(encoding.feature(), new SegmentationResult.FeaturePreparation(encoding.feature(), null,
                    encoding.imputed(), null, encoding.scale(), columns));
        }
        return features.stream().map(byFeature::get).toList();
    }

    /** Removes a job's results; segments and candidates go with them (ON DELETE CASCADE), assignments by trigger (V19). */
    void delete(UUID jobId) {
        jdbc.update("DELETE FROM segmentation_result WHERE job_id = ?", jobId);
    }

    /**
     * @param features all features, in request order
     * @param keys     each segment's key and what it carries from the segmentation refreshed
     */
    void insert(UUID jobId, List<String> features, SegmentationOutcome outcome, String[] customerIds,
                SegmentKeys keys) {
        ClusterQuality quality = outcome.quality();
        KSearch search = outcome.search();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO segmentation_result (job_id, inertia, "
                    + "silhouette, silhouette_sample_size, davies_bouldin, calinski_harabasz, k_selection, dropped_rows, "
                    + "features, model, refresh_of, highest_key, new_keys, retired_keys) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)");
            statement.setObject(1, jobId);
            statement.setDouble(2, outcome.inertia());
            statement.setObject(3, orNull(quality.silhouette()));
            statement.setInt(4, quality.silhouetteSampleSize());
            statement.setObject(5, orNull(quality.daviesBouldin()));
            statement.setObject(6, orNull(quality.calinskiHarabasz()));
            statement.setString(7, search == null ? null : search.method().name());
            statement.setInt(8, outcome.droppedRows());
            statement.setArray(9, connection.createArrayOf("text", features.toArray()));
            statement.setString(10, json.writeValueAsString(StoredModel.of(outcome.model())));
            statement.setObject(11, keys.refreshOf());
            statement.setInt(12, keys.highestKey());
            statement.setArray(13, connection.createArrayOf("text", keys.newKeys().toArray()));
            statement.setArray(14, connection.createArrayOf("text", keys.retiredKeys().toArray()));
            return statement;
        });
        if (search != null) {
            jdbc.batchUpdate("INSERT INTO segmentation_candidate (job_id, k, inertia, silhouette, silhouette_sample_size, "
                    + "davies_bouldin, calinski_harabasz, smallest_share, excluded, exclusion_reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    search.candidates().stream().map(candidate -> new Object[] {jobId, candidate.k(), candidate.inertia(),
                            orNull(candidate.quality().silhouette()), candidate.quality().silhouetteSampleSize(),
                            orNull(candidate.quality().daviesBouldin()), orNull(candidate.quality().calinskiHarabasz()),
                            candidate.smallestShare(), search.excludes(candidate), search.exclusionReason(candidate)})
                            .toList());
        }
        jdbc.batchUpdate("INSERT INTO segment (job_id, segment, key, size, share, label, traits, summary, "
                        + "previous_segment, centroid_shift, custom_name, description, tags, stability, stability_verdict) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)",
                outcome.segments(), outcome.segments().size(), (statement, segment) -> {
                    SegmentKeys.Carried carried = keys.segments().get(segment.segment());
                    statement.setObject(1, jobId);
                    statement.setInt(2, segment.segment());
                    statement.setString(3, carried.key());
                    statement.setInt(4, segment.size());
                    statement.setDouble(5, segment.share());
                    statement.setString(6, keys.label(segment.segment(), segment.label()));
                    statement.setString(7, json.writeValueAsString(segment.distinguishing().stream()
                            .map(StoredTrait::of).toList()));
                    statement.setString(8, segment.summary());
                    statement.setObject(9, carried.previousSegment());
                    statement.setObject(10, carried.shift());
                    statement.setString(11, carried.customName());
                    statement.setString(12, carried.description());
                    statement.setArray(13, statement.getConnection().createArrayOf("text", carried.tags().toArray()));
                    statement.setObject(14, outcome.stability() == null ? null : orNull(outcome.stability()[segment.segment()]));
                    StabilityVerdict verdict = outcome.stabilityVerdict(segment.segment());
                    statement.setString(15, verdict == null ? null : verdict.name());
                });
        List<String> numeric = outcome.model().features();
        List<Object[]> featureRows = new ArrayList<>();
        List<Object[]> categoryRows = new ArrayList<>();
        for (SegmentProfile segment : outcome.segments()) {
            for (int j = 0; j < numeric.size(); j++) {
                FeatureStats stats = segment.stats().get(j);
                featureRows.add(new Object[] {jobId, segment.segment(), j, numeric.get(j), segment.centroid()[j],
                        orNull(stats.mean()), orNull(stats.std()), orNull(stats.min()), orNull(stats.max()),
                        orNull(stats.median()), orNull(segment.zScores()[j]), orNull(stats.p25()), orNull(stats.p75()),
                        orNull(stats.lowerWhisker()), orNull(stats.upperWhisker())});
            }
            for (int c = 0; c < segment.categories().size(); c++) {
                CategoryShares shares = segment.categories().get(c);
                for (int v = 0; v < shares.values().size(); v++) {
                    categoryRows.add(new Object[] {jobId, segment.segment(), c, shares.feature(), v, shares.values().get(v),
                            orNull(shares.shares()[v]), orNull(shares.lifts()[v])});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO segment_feature (job_id, segment, position, feature, centroid, mean, std, min, max, "
                + "median, z_score, p25, p75, lower_whisker, upper_whisker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?)", featureRows);
        jdbc.batchUpdate("INSERT INTO segment_category (job_id, segment, position, feature, value_position, value, share, "
                + "lift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", categoryRows);
        copy.copyInBinary("COPY segment_assignment (job_id, row_number, customer_id, segment, distance) FROM STDIN "
                + "(FORMAT binary)", rows -> {
            for (int i = 0; i < outcome.assignments().length; i++) {
                int row = outcome.row(i);
                rows.row(5).uuid(jobId).integer(row + 1).text(customerIds[row]).integer(outcome.assignments()[i])
                        .float8(outcome.distances()[i]);
            }
        });
    }

    /** A distinguishing trait as the {@code traits} column keeps it; see {@link SegmentProfile.Trait}. */
    private record StoredTrait(String feature, String value, double zScore, double segmentValue, Double overallValue) {

        static StoredTrait of(SegmentProfile.Trait trait) {
            return new StoredTrait(trait.feature(), trait.value(), trait.zScore(), trait.segmentValue(),
                    orNull(trait.overallValue()));
        }

        SegmentationResult.Trait toView() {
            return SegmentationResult.Trait.of(new SegmentProfile.Trait(feature, value, zScore, segmentValue,
                    overallValue == null ? Double.NaN : overallValue));
        }
    }

    /** A job's result as callers read it, with the model it was built from. */
    record Found(SegmentationResult result, StoredModel model) {
    }

    Optional<Found> find(UUID jobId) {
        List<String> method = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        List<String> features = new ArrayList<>();
        List<SegmentationResult.Metrics> metrics = jdbc.query("SELECT inertia, silhouette, silhouette_sample_size, "
                        + "davies_bouldin, calinski_harabasz, k_selection, dropped_rows, features FROM segmentation_result "
                        + "WHERE job_id = ?",
                (rs, i) -> {
                    method.add(rs.getString(6));
                    dropped.add(rs.getInt(7));
                    features.addAll(List.of((String[]) rs.getArray(8).getArray()));
                    return new SegmentationResult.Metrics(rs.getDouble(1), rs.getObject(2, Double.class),
                            rs.getObject(3, Integer.class), rs.getObject(4, Double.class), rs.getObject(5, Double.class));
                }, jobId);
        if (metrics.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, SegmentationResult.Segment> segments = new LinkedHashMap<>();
        jdbc.query("SELECT segment, size, share, label, traits::text, summary, custom_name, description, tags, key, "
                + "stability, stability_verdict FROM segment WHERE job_id = ? ORDER BY segment", rs -> {
            List<SegmentationResult.Trait> traits = List.of(json.readValue(rs.getString(5), StoredTrait[].class)).stream()
                    .map(StoredTrait::toView).toList();
            segments.put(rs.getInt(1), new SegmentationResult.Segment(rs.getInt(1), rs.getString(10), null, null,
                    rs.getString(4), null,
                    List.of(), rs.getInt(2), rs.getDouble(3), rs.getObject(11, Double.class),
                    rs.getString(12), traits, rs.getString(6), new LinkedHashMap<>(),
                    new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>())
                    .withNaming(rs.getString(7), rs.getString(8), List.of((String[]) rs.getArray(9).getArray())));
        }, jobId);
        jdbc.query("SELECT segment, position, feature, centroid, mean, std, min, max, median, z_score, p25, p75, "
                + "lower_whisker, upper_whisker FROM segment_feature WHERE job_id = ? ORDER BY segment, position", rs -> {
            String feature = rs.getString(3);
            SegmentationResult.Segment segment = segments.get(rs.getInt(1));
            segment.centroid().put(feature, rs.getDouble(4));
            segment.zScores().put(feature, rs.getObject(10, Double.class));
            segment.features().put(feature, new SegmentationResult.FeatureSummary(
                    rs.getObject(5, Double.class), rs.getObject(6, Double.class), rs.getObject(7, Double.class),
                    rs.getObject(11, Double.class), rs.getObject(9, Double.class), rs.getObject(12, Double.class),
                    rs.getObject(8, Double.class), rs.getObject(13, Double.class), rs.getObject(14, Double.class)));
        }, jobId);
        jdbc.query("SELECT segment, feature, value, share, lift FROM segment_category WHERE job_id = ? "
                + "ORDER BY segment, position, value_position", rs -> {
            segments.get(rs.getInt(1)).categories().computeIfAbsent(rs.getString(2), feature -> new LinkedHashMap<>())
                    .put(rs.getString(3), new SegmentationResult.CategoryShare(rs.getObject(4, Double.class),
                            rs.getObject(5, Double.class)));
        }, jobId);
        StoredModel model = model(jobId).orElseThrow();
        return Optional.of(new Found(new SegmentationResult(jobId, segments.size(), features, dropped.getFirst(),
                metrics.getFirst(), kSelection(jobId, method.getFirst(), segments.size()),
                preparation(model, features), List.copyOf(segments.values()), null, null), model));
    }

    private SegmentationResult.KSelection kSelection(UUID jobId, String method, int chosenK) {
        if (method == null) {
            return null;
        }
        List<SegmentationResult.Candidate> candidates = jdbc.query("SELECT k, inertia, silhouette, davies_bouldin, "
                        + "calinski_harabasz, smallest_share, excluded, exclusion_reason FROM segmentation_candidate "
                        + "WHERE job_id = ? ORDER BY k",
                (rs, i) -> new SegmentationResult.Candidate(rs.getInt(1), rs.getDouble(2), rs.getObject(3, Double.class),
                        rs.getObject(4, Double.class), rs.getObject(5, Double.class), rs.getDouble(6), rs.getBoolean(7),
                        rs.getString(8)), jobId);
        return new SegmentationResult.KSelection(method, chosenK, candidates);
    }

    /** Row number (1-based) to segment, for those of the rows that have one. */
    Map<Integer, Integer> segmentsOfRows(UUID jobId, int[] rowNumbers) {
        Map<Integer, Integer> segments = new HashMap<>();
        jdbc.query("SELECT row_number, segment FROM segment_assignment WHERE job_id = ? AND row_number = ANY(?)",
                rs -> {
                    segments.put(rs.getInt(1), rs.getInt(2));
                }, jobId, rowNumbers);
        return segments;
    }

    /** What a segment goes by now: the name a person gave it, else its label. */
    record Naming(int segment, String name) {
    }

    /**
     * Locks every segment of the job, so that two renames of one segmentation cannot both take one name, and
     * answers their names as they stand (the given name, else the label).
     */
    List<Naming> lockSegments(UUID jobId) {
        return jdbc.query("SELECT segment, coalesce(custom_name, label) FROM segment WHERE job_id = ? ORDER BY segment "
                + "FOR UPDATE", (rs, i) -> new Naming(rs.getInt(1), rs.getString(2)), jobId);
    }

    /** Writes the fields the patch sets; the caller holds the segments' locks ({@link #lockSegments}). */
    void update(UUID jobId, int segment, SegmentPatch patch) {
        if (patch.changes("name")) {
            jdbc.update("UPDATE segment SET custom_name = ? WHERE job_id = ? AND segment = ?", patch.name(), jobId, segment);
        }
        if (patch.changes("description")) {
            jdbc.update("UPDATE segment SET description = ? WHERE job_id = ? AND segment = ?", patch.description(),
                    jobId, segment);
        }
        if (patch.changes("tags")) {
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE segment SET tags = ? WHERE job_id = ? AND segment = ?");
                statement.setArray(1, connection.createArrayOf("text",
                        (patch.tags() == null ? List.<String>of() : patch.tags()).toArray()));
                statement.setObject(2, jobId);
                statement.setInt(3, segment);
                return statement;
            });
        }
    }

    /** Each segment's name (the given name, else its label), by segment number. */
    List<String> names(UUID jobId) {
        return jdbc.queryForList("SELECT coalesce(custom_name, label) FROM segment WHERE job_id = ? ORDER BY segment",
                String.class, jobId);
    }

    /** NaN and infinities (an undefined statistic or index) are stored as NULL. */
    private static Double orNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
