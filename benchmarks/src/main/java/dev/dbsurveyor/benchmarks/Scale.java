package dev.dbsurveyor.benchmarks;

/** The sizes a load run reads: databases times tables per database. */
enum Scale {
    QUICK(100, 20),
    STANDARD(1_000, 20),
    WIDE(1, 10_000);

    final int databases;
    final int tables;

    Scale(int databases, int tables) {
        this.databases = databases;
        this.tables = tables;
    }

    static Scale named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    String label() {
        return databases + "×" + tables;
    }
}
