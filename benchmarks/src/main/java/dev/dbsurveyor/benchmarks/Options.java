package dev.dbsurveyor.benchmarks;

/** Command-line options shared by the benchmarks. */
record Options(String url, int tables, int columns, int runs, boolean drop, boolean heapOnly) {

    static Options parse(String[] args) {
        String url = "postgresql://postgres@127.0.0.1:5432";
        int tables = 10_000;
        int columns = 10;
        int runs = 3;
        boolean drop = false;
        boolean heapOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--tables" -> tables = Integer.parseInt(args[++i]);
                case "--columns" -> columns = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--drop" -> drop = true;
                case "--heap-only" -> heapOnly = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (columns < 3) {
            throw new IllegalArgumentException("--columns must be at least 3 (id, parent_id and one more)");
        }
        return new Options(url, tables, columns, runs, drop, heapOnly);
    }
}
