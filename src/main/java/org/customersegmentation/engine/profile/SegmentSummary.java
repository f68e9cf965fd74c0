package org.customersegmentation.engine.profile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.customersegmentation.engine.SegmentProfile.Trait;

/**
 * A segment described in one or two sentences, the way an analyst closes a notebook:
 * {@code 1,601 customers (17.9%). Much higher CASH_ADVANCE (mean 4,520 vs 979 overall) and
 * CASH_ADVANCE_FREQUENCY (0.48 vs 0.14); somewhat lower PURCHASES (271 vs 1,003).}
 *
 * <p>Numeric traits of the same strength and direction share a clause; "much" is |z| of at least 1, "somewhat" at
 * least 0.5, "slightly" at least 0.2. A categorical value reads as its share beside all customers' share.
 */
final class SegmentSummary {

    /** More than this many traits make a paragraph rather than a summary; the rest stay in the trait list. */
    static final int TRAITS = 5;

    private SegmentSummary() {
    }

    static String of(int size, double share, List<Trait> distinguishing) {
        String people = count(size) + (size == 1 ? " customer (" : " customers (") + percent(share) + ").";
        if (distinguishing.isEmpty()) {
            return people + " Close to the overall average on every feature.";
        }
        // numeric traits of one strength and direction share their clause; a categorical value has its own
        Map<String, Clause> clauses = new LinkedHashMap<>();
        boolean first = true;
        for (Trait trait : distinguishing.subList(0, Math.min(TRAITS, distinguishing.size()))) {
            if (trait.numeric()) {
                String values = (first ? "mean " : "") + number(trait.segmentValue()) + " vs "
                        + number(trait.overallValue()) + (first ? " overall" : "");
                clauses.computeIfAbsent(adverb(trait) + (trait.zScore() > 0 ? " higher " : " lower "),
                        opening -> new Clause(opening, new ArrayList<>())).items().add(trait.feature() + " (" + values + ")");
                first = false;
            } else {
                clauses.put(trait.name(), new Clause("", List.of(percent(trait.segmentValue()) + " " + trait.name()
                        + " vs " + percent(trait.overallValue()) + " overall")));
            }
        }
        String traits = String.join("; ", clauses.values().stream().map(Clause::text).toList());
        return people + " " + Character.toUpperCase(traits.charAt(0)) + traits.substring(1) + ".";
    }

    private record Clause(String opening, List<String> items) {

        String text() {
            return opening + (items.size() == 1 ? items.getFirst()
                    : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast());
        }
    }

    private static String adverb(Trait trait) {
        double z = Math.abs(trait.zScore());
        return z >= 1 ? "much" : z >= Trait.STRONG_Z ? "somewhat" : "slightly";
    }

    private static String count(int n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }

    private static String percent(double share) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(share * 100) + "%";
    }

    /** Enough digits to tell values apart at a glance: 4,520, 27.3, 1.23, 0.48, 0.0049. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1 || value == 0) {
            String pattern = magnitude >= 100 ? "#,##0" : magnitude >= 10 ? "#,##0.#" : "0.##";
            return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
        }
        return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
