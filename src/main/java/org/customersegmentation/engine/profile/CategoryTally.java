package org.customersegmentation.engine.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.customersegmentation.engine.CategoricalColumn;
import org.customersegmentation.engine.OneHotEncoding;
import org.customersegmentation.engine.SegmentProfile.CategoryShares;
import org.customersegmentation.engine.SegmentProfile.Trait;

/**
 * One categorical feature's values counted over all customers that have one, in the encoding's order, to
 * compare each segment with.
 */
final class CategoryTally {

    private final CategoricalColumn column;
    private final OneHotEncoding encoding;
    private final int[] columnOfCode;
    private final double[] populationShares;

    CategoryTally(CategoricalColumn column, OneHotEncoding encoding) {
        this.column = column;
        this.encoding = encoding;
        columnOfCode = encoding.positionsOf(column.values());
        populationShares = sharesOf(column.codes().length, i -> i);
    }

    CategoryShares shares(int[] members) {
        double[] shares = sharesOf(members.length, m -> members[m]);
        double[] lifts = new double[shares.length];
        for (int v = 0; v < shares.length; v++) {
            lifts[v] = shares[v] / populationShares[v];
        }
        return new CategoryShares(column.name(), encoding.values(), shares, lifts);
    }

    /** Each value's share among the given rows that have one; NaN when none has. */
    private double[] sharesOf(int count, IntUnaryOperator row) {
        double[] shares = new double[encoding.width()];
        int present = 0;
        for (int m = 0; m < count; m++) {
            int code = column.codes()[row.applyAsInt(m)];
            if (code != CategoricalColumn.MISSING) {
                shares[columnOfCode[code]]++;
                present++;
            }
        }
        for (int v = 0; v < shares.length; v++) {
            shares[v] = present == 0 ? Double.NaN : shares[v] / present;
        }
        return shares;
    }

    /** Per value, how its share among a segment's members compares with all customers ({@link CategoryShares#indicatorZScore}). */
    List<Trait> traits(CategoryShares segment) {
        List<Trait> traits = new ArrayList<>(populationShares.length);
        for (int v = 0; v < populationShares.length; v++) {
            traits.add(new Trait(column.name(), encoding.values().get(v),
                    CategoryShares.indicatorZScore(segment.shares()[v], populationShares[v]), segment.shares()[v],
                    populationShares[v]));
        }
        return traits;
    }
}
