package org.customersegmentation.result;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.SegmentMatching;

/**
 * The keys a new result's segments get, with what each carries over from the segmentation it refreshes.
 *
 * @param refreshOf  the segmentation refreshed; null for a first segmentation
 * @param segments   per segment, in segment order
 * @param highestKey the highest key number (Sn) handed out in the chain of refreshes so far, this one included
 */
record SegmentKeys(UUID refreshOf, List<Carried> segments, int highestKey, List<String> newKeys,
                   List<String> retiredKeys) {

    /**
     * @param previousSegment the earlier segment continued, null for a new one
     * @param shift           the centroid's shift from it in the earlier clustering space, null for a new one
     * @param customName      the earlier segment's given name, null when none (or a new segment)
     */
    record Carried(String key, Integer previousSegment, Double shift, String customName, String description,
                   List<String> tags) {
    }

    /** What an earlier segment hands down. */
    record Earlier(String key, String customName, String description, List<String> tags) {
    }

    /** A segmentation that is not a refresh: S1..Sk in segment order. */
    static SegmentKeys first(int k) {
        List<Carried> segments = new ArrayList<>();
        for (int segment = 0; segment < k; segment++) {
            segments.add(new Carried(key(segment + 1), null, null, null, null, List.of()));
        }
        return new SegmentKeys(null, segments, k, List.of(), List.of());
    }

    /**
     * A refresh: matched segments take the earlier key, name, description and tags; the others the next keys of
     * the chain, in segment order, so that a retired key never comes back for another group.
     *
     * @param earlier     the earlier segments, in their segment order
     * @param highestKey  the highest key number the earlier segmentation's chain has handed out
     */
    static SegmentKeys refresh(UUID refreshOf, SegmentMatching.Match match, List<Earlier> earlier, int highestKey) {
        List<Carried> segments = new ArrayList<>();
        List<String> newKeys = new ArrayList<>();
        boolean[] continued = new boolean[earlier.size()];
        int highest = highestKey;
        for (int segment = 0; segment < match.previous().length; segment++) {
            int previous = match.previous()[segment];
            if (previous < 0) {
                String key = key(++highest);
                newKeys.add(key);
                segments.add(new Carried(key, null, null, null, null, List.of()));
            } else {
                continued[previous] = true;
                Earlier from = earlier.get(previous);
                segments.add(new Carried(from.key(), previous, match.shift()[segment], from.customName(),
                        from.description(), from.tags()));
            }
        }
        List<String> retired = new ArrayList<>();
        for (int previous = 0; previous < earlier.size(); previous++) {
            if (!continued[previous]) {
                retired.add(earlier.get(previous).key());
            }
        }
        return new SegmentKeys(refreshOf, segments, highest, newKeys, retired);
    }

    /**
     * The segment's automatic label, with its segment number when a name carried to another segment already
     * reads the same (whatever the case), as labels that collide with one another get: names stay unique.
     */
    String label(int segment, String label) {
        boolean taken = segments.get(segment).customName() == null && segments.stream()
                .anyMatch(other -> other.customName() != null && other.customName().equalsIgnoreCase(label));
        return taken ? label + " (segment " + segment + ")" : label;
    }

    private static String key(int number) {
        return "S" + number;
    }
}
