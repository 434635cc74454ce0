package dev.dbsurveyor.model;

import java.util.List;

/**
 * The filters a sweep applied, as given (an addition to the manifest): whether system databases
 * were included, and the include and exclude globs. A resume compares them with its own.
 */
public record SweepFilters(boolean includeSystem, List<String> include, List<String> exclude) {

    public SweepFilters {
        include = Require.list(include);
        exclude = Require.list(exclude);
    }

    /** The filters as command-line flags would give them, such as {@code --include 'sales_*' --exclude '*_old'}; "no filters" when there are none. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (includeSystem) {
            text.append("--include-system");
        }
        include.forEach(glob -> text.append(text.isEmpty() ? "" : " ").append("--include '").append(glob).append('\''));
        exclude.forEach(glob -> text.append(text.isEmpty() ? "" : " ").append("--exclude '").append(glob).append('\''));
        return text.isEmpty() ? "no filters" : text.toString();
    }
}
