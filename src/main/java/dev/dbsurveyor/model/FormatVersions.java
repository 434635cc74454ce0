package dev.dbsurveyor.model;

/** Checks the {@code format_version} of every document kind. */
final class FormatVersions {

    private FormatVersions() {
    }

    static String require(String version) {
        Require.present(version, "format_version");
        if (!DatabaseSchema.FORMAT_VERSION.equals(version)) {
            throw new IllegalArgumentException("format_version must be \"" + DatabaseSchema.FORMAT_VERSION + "\": \"" + version + "\"");
        }
        return version;
    }
}
