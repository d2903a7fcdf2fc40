package org.camaudit.audit.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prices findings with a cost table. A device flagged for two vendors is replaced once, under its most certain
 * finding. Sites are in name order; items by priority, then {@code replaceBy} (earliest first, none last), then
 * address.
 */
public final class ReplacementPlanner {

    private static final Comparator<PlanCandidate> MOST_CERTAIN_FIRST = Comparator
            .comparingInt((PlanCandidate c) -> c.confidence().priority())
            .thenComparingLong(PlanCandidate::findingId);

    private ReplacementPlanner() {
    }

    public static ReplacementPlan plan(List<PlanCandidate> candidates, CostTable costs, Integer policyVersion,
            OffsetDateTime generatedAt) {
        Map<String, PlanCandidate> perDevice = new LinkedHashMap<>();
        for (PlanCandidate candidate : candidates) {
            perDevice.merge(candidate.deviceId(), candidate,
                    (a, b) -> MOST_CERTAIN_FIRST.compare(a, b) <= 0 ? a : b);
        }
        Map<String, List<ReplacementPlan.Item>> bySite = new TreeMap<>();
        for (PlanCandidate c : perDevice.values()) {
            BigDecimal cost = costs.deviceCost(c.category()).setScale(2, RoundingMode.HALF_UP);
            bySite.computeIfAbsent(c.site() == null ? "" : c.site(), s -> new ArrayList<>())
                    .add(new ReplacementPlan.Item(c.findingId(), c.deviceId(), c.ip(), c.location(), c.vendor(),
                            c.model(), c.category(), c.confidence(), c.basis(), c.confidence().priority(), c.replaceBy(), cost,
                            costs.replacement(c.category())));
        }
        List<ReplacementPlan.Site> sites = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int devices = 0;
        for (Map.Entry<String, List<ReplacementPlan.Item>> site : bySite.entrySet()) {
            List<ReplacementPlan.Item> items = site.getValue();
            items.sort(Comparator.comparingInt(ReplacementPlan.Item::priority)
                    .thenComparing(ReplacementPlan.Item::replaceBy, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(i -> i.ip() == null ? "" : i.ip(), ReplacementPlanner::compareAddresses)
                    .thenComparingLong(ReplacementPlan.Item::findingId));
            BigDecimal siteCost = items.stream().map(ReplacementPlan.Item::estimatedCost)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            sites.add(new ReplacementPlan.Site(site.getKey(), items.size(), siteCost, List.copyOf(items)));
            total = total.add(siteCost);
            devices += items.size();
        }
        return new ReplacementPlan(generatedAt, policyVersion, costs.currency(),
                new ReplacementPlan.Totals(devices, total), List.copyOf(sites));
    }

    /** Dotted addresses in numeric order (10.1.0.9 before 10.1.0.10); anything else as text. */
    static int compareAddresses(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        if (x.length == 4 && y.length == 4) {
            try {
                for (int i = 0; i < 4; i++) {
                    int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        }
        return a.compareTo(b);
    }
}
