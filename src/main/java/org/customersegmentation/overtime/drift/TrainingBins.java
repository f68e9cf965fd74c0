package org.customersegmentation.overtime.drift;

import java.util.ArrayList;
import java.util.List;
import org.customersegmentation.dataset.CustomerFeatures;

/**
 * The bins of every feature and how the training customers fall into them, kept so that the training columns can
 * be let go before the newer snapshot is read.
 */
final class TrainingBins {

    private record Numeric(String feature, NumericBins bins, long[] counts) {
    }

    private record Categorical(String feature, CategoricalBins bins, long[] counts) {
    }

    private final List<String> features;
    private final List<Numeric> numeric = new ArrayList<>();
    private final List<Categorical> categorical = new ArrayList<>();

    /** @param features the segmentation's features, in its order */
    TrainingBins(List<String> features, CustomerFeatures training) {
        this.features = List.copyOf(features);
        for (int j = 0; j < training.numeric().size(); j++) {
            double[] column = new double[training.rowCount()];
            for (int i = 0; i < column.length; i++) {
                column[i] = training.values()[i][j];
            }
            NumericBins bins = NumericBins.ofTraining(column);
            numeric.add(new Numeric(training.numeric().get(j), bins, bins.counts(training.values(), j)));
        }
        for (CustomerFeatures.Categorical column : training.categoricals()) {
            CategoricalBins bins = CategoricalBins.ofTraining(column);
            categorical.add(new Categorical(column.name(), bins, bins.counts(column)));
        }
    }

    /** Each feature's PSI against the snapshot, which has the same features with the same types, in feature order. */
    List<DriftReport.FeatureDrift> against(CustomerFeatures snapshot) {
        List<DriftReport.FeatureDrift> drifts = new ArrayList<>();
        for (String feature : features) {
            drifts.add(numeric.stream().filter(n -> n.feature().equals(feature)).findFirst()
                    .map(n -> numericDrift(n, snapshot))
                    .orElseGet(() -> categoricalDrift(categorical.stream().filter(c -> c.feature().equals(feature))
                            .findFirst().orElseThrow(), snapshot)));
        }
        return drifts;
    }

    private static DriftReport.FeatureDrift numericDrift(Numeric training, CustomerFeatures snapshot) {
        long[] counts = training.bins().counts(snapshot.values(), snapshot.numeric().indexOf(training.feature()));
        double[] edges = training.bins().edges();
        List<DriftReport.Bin> bins = new ArrayList<>();
        double[] before = Psi.shares(training.counts());
        double[] after = Psi.shares(counts);
        for (int bin = 0; bin <= edges.length; bin++) {
            bins.add(new DriftReport.Bin(DriftReport.BinKind.RANGE, bin == 0 ? null : edges[bin - 1],
                    bin == edges.length ? null : edges[bin], null, before[bin], after[bin]));
        }
        addMissing(bins, training.bins().missingBin(), before, after);
        return drift(training.feature(), "NUMERIC", before, after, bins);
    }

    private static DriftReport.FeatureDrift categoricalDrift(Categorical training, CustomerFeatures snapshot) {
        CustomerFeatures.Categorical column = snapshot.categoricals().stream()
                .filter(candidate -> candidate.name().equals(training.feature())).findFirst().orElseThrow();
        double[] before = Psi.shares(training.counts());
        double[] after = Psi.shares(training.bins().counts(column));
        List<DriftReport.Bin> bins = new ArrayList<>();
        List<String> values = training.bins().values();
        for (int bin = 0; bin < values.size(); bin++) {
            bins.add(new DriftReport.Bin(DriftReport.BinKind.VALUE, null, null, values.get(bin), before[bin], after[bin]));
        }
        int unseen = training.bins().unseenBin();
        bins.add(new DriftReport.Bin(DriftReport.BinKind.UNSEEN, null, null, null, before[unseen], after[unseen]));
        addMissing(bins, training.bins().missingBin(), before, after);
        return drift(training.feature(), "CATEGORICAL", before, after, bins);
    }

    /** Shown only where either side has missing values; an empty bin on both sides adds nothing to the PSI anyway. */
    private static void addMissing(List<DriftReport.Bin> bins, int missing, double[] before, double[] after) {
        if (before[missing] > 0 || after[missing] > 0) {
            bins.add(new DriftReport.Bin(DriftReport.BinKind.MISSING, null, null, null, before[missing], after[missing]));
        }
    }

    private static DriftReport.FeatureDrift drift(String feature, String type, double[] before, double[] after,
                                                  List<DriftReport.Bin> bins) {
        double psi = Psi.of(before, after);
        return new DriftReport.FeatureDrift(feature, type, psi, Psi.verdict(psi), bins);
    }
}
