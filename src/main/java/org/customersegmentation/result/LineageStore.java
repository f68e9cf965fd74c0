package org.customersegmentation.result;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.customersegmentation.engine.EngineException;
import org.customersegmentation.engine.SegmentMatching;
import org.customersegmentation.engine.SegmentModel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The keys of a new result, from the segmentation it refreshes, and a refresh's lineage as callers read it. */
@Repository
class LineageStore {

    private final JdbcTemplate jdbc;
    private final ResultStore results;

    LineageStore(JdbcTemplate jdbc, ResultStore results) {
        this.jdbc = jdbc;
        this.results = results;
    }

    /**
     * Matches the new model's segments to those of the segmentation refreshed (S1..Sk for none). An
     * EngineException, which fails the job, when that segmentation was deleted while this one ran.
     */
    SegmentKeys keys(UUID refreshOf, SegmentModel model) {
        if (refreshOf == null) {
            return SegmentKeys.first(model.centroids().length);
        }
        SegmentModel earlier = results.model(refreshOf).map(StoredModel::toModel).orElseThrow(() ->
                new EngineException("Segmentation " + refreshOf + ", which this one refreshes, was deleted while it "
                        + "ran; its segments cannot be matched. Segment the dataset again without refreshOf, or refresh "
                        + "another segmentation."));
        List<SegmentKeys.Earlier> segments = jdbc.query("SELECT key, custom_name, description, tags FROM segment "
                        + "WHERE job_id = ? ORDER BY segment", (rs, i) -> new SegmentKeys.Earlier(rs.getString(1),
                        rs.getString(2), rs.getString(3), List.of((String[]) rs.getArray(4).getArray())), refreshOf);
        int highestKey = jdbc.queryForObject("SELECT highest_key FROM segmentation_result WHERE job_id = ?",
                Integer.class, refreshOf);
        return SegmentKeys.refresh(refreshOf, SegmentMatching.match(earlier, model), segments, highestKey);
    }

    /** The lineage of a refresh's result; empty for a segmentation that is not a refresh. */
    Optional<SegmentationResult.Lineage> lineage(UUID jobId) {
        return jdbc.query("SELECT refresh_of, new_keys, retired_keys FROM segmentation_result WHERE job_id = ? "
                        + "AND refresh_of IS NOT NULL",
                (rs, i) -> new SegmentationResult.Lineage(rs.getObject(1, UUID.class), jdbc.query(
                        "SELECT key, segment, previous_segment, centroid_shift FROM segment WHERE job_id = ? "
                                + "ORDER BY segment", (segment, j) -> new SegmentationResult.SegmentLineage(
                                segment.getString(1), segment.getInt(2), segment.getObject(3, Integer.class),
                                segment.getObject(4, Double.class)), jobId),
                        List.of((String[]) rs.getArray(2).getArray()), List.of((String[]) rs.getArray(3).getArray())),
                jobId).stream().findFirst();
    }
}
