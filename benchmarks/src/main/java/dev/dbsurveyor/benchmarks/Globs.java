package dev.dbsurveyor.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Include globs that select exactly a workload's first databases, a handful whatever their number. */
final class Globs {

    private Globs() {
    }

    /**
     * Globs for names {@code prefix0 .. prefix(n-1)}: one glob per digit count for whole decades
     * ({@code prefix?}, {@code prefix??}…), so that filtering costs the same at every size; exact
     * names otherwise.
     */
    static List<String> selecting(List<String> databases) {
        String first = databases.get(0);
        String prefix = first.substring(0, first.length() - 1);
        int count = databases.size();
        boolean decades = first.endsWith("0") && String.valueOf(count).matches("10*") && count > 1;
        if (!decades) {
            return databases.stream().map(name -> name.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")).toList();
        }
        List<String> globs = new ArrayList<>();
        for (int digits = 1; digits < String.valueOf(count).length(); digits++) {
            globs.add(prefix + "?".repeat(digits));
        }
        return globs;
    }
}
