package dev.acgbot.bench.gallery;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The duplicates evaluation's rows against issue 12's goal, for one sample and pooled over several
 * ({@code bench duplicates --sample-seed 4,77,91,123,200}): per edit and source group, whether the source is the first
 * hit for at least {@value #GOAL_FIRST} of the queries while unrelated pictures listed stay at most
 * {@value #GOAL_FALSE_PER_QUERY} a query. A sample of 150 sources holds 34-46 line-art ones, where one copy moves a
 * row's recall by 2-3 %; the five samples together hold 193 per edit. Pooled, each sample's queries count once: the
 * sums of its sources found first and of its false duplicates.
 */
final class PooledSamples {
    /** The goal: the source is the first near duplicate for at least this share of queries. */
    static final double GOAL_FIRST = 0.95;
    /** The goal: unrelated images listed as near duplicates, at most this many per query. */
    static final double GOAL_FALSE_PER_QUERY = 0.05;
    /** The groups the goal is read on: star polygons apart (DuplicateEval.STARS_FOLDER), the sketches apart. */
    static final List<String> GROUPS = List.of("not-stars", "line art", "stars");

    private PooledSamples() {
    }

    /** One edit on one group of sources: how many queries, how many found their source first, how many false hits. */
    record Row(String edit, String group, int queries, int first, int falseHits) {
        double recall() {
            return first / (double) queries;
        }

        double falsePerQuery() {
            return falseHits / (double) queries;
        }

        boolean meetsGoal() {
            return recall() >= GOAL_FIRST && falsePerQuery() <= GOAL_FALSE_PER_QUERY;
        }

        Row plus(Row o) {
            return new Row(edit, group, queries + o.queries, first + o.first, falseHits + o.falseHits);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("edit", edit);
            m.put("sources", group);
            m.put("queries", queries);
            m.put("first", first);
            m.put("false_hits", falseHits);
            m.put("recall", recall());
            m.put("false_per_query", falsePerQuery());
            m.put("meets_goal", meetsGoal());
            return m;
        }

        /** A row of {@link DuplicateEval}'s JSON ({@code Outcome.summarise}). */
        static Row of(Map<String, Object> row) {
            return new Row((String) row.get("edit"), (String) row.get("sources"), ((Number) row.get("queries")).intValue(),
                    ((Number) row.get("first")).intValue(), ((Number) row.get("false_hits")).intValue());
        }
    }

    /** The rows of {@link #GROUPS} summed over {@code samples} (each a sample's rows), per edit and group, in first-seen order. */
    static List<Row> pool(List<List<Map<String, Object>>> samples) {
        Map<String, Row> pooled = new LinkedHashMap<>();
        for (List<Map<String, Object>> rows : samples) {
            for (Map<String, Object> r : rows) {
                if (GROUPS.contains(r.get("sources"))) {
                    Row row = Row.of(r);
                    pooled.merge(row.edit() + "\u0000" + row.group(), row, Row::plus);
                }
            }
        }
        return List.copyOf(pooled.values());
    }

    /** One line per group: on how many edits the goal holds, and the edits where it does not. */
    static void printGoal(String title, List<Row> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%s: goal (source first >= %.2f, false/q <= %.2f) met on%n", title, GOAL_FIRST, GOAL_FALSE_PER_QUERY);
        for (String group : GROUPS) {
            List<Row> in = rows.stream().filter(r -> r.group().equals(group)).toList();
            if (in.isEmpty()) {
                continue;
            }
            List<String> shortOf = new ArrayList<>();
            for (Row r : in) {
                if (!r.meetsGoal()) {
                    shortOf.add(String.format(Locale.ROOT, "%s %d/%d = %.3f, false/q %.3f", r.edit(), r.first(), r.queries(),
                            r.recall(), r.falsePerQuery()));
                }
            }
            out.printf(Locale.ROOT, "  %-9s %2d of %d edits%s%n", group, in.size() - shortOf.size(), in.size(),
                    shortOf.isEmpty() || group.equals("stars") ? "" : "; short: " + String.join("; ", shortOf));
        }
    }

    /** The pooled table: per edit, each group's queries, recall and false duplicates per query, "*" where the goal holds. */
    static void printTable(List<Long> seeds, List<Row> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%npooled over samples %s%n", seeds);
        out.printf(Locale.ROOT, "%-22s %-9s %5s %8s %8s %5s%n", "edit", "sources", "n", "recall", "false/q", "goal");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-22s %-9s %5d %8.3f %8.3f %5s%n", r.edit(), r.group(), r.queries(), r.recall(),
                    r.falsePerQuery(), r.meetsGoal() ? "*" : "");
        }
        printGoal("pooled", rows, out);
    }
}
