package dev.dbsurveyor.output;

import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.model.FleetManifest;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a fleet directory's manifest, atomically and through the run's protection, as every other file of the run is written. */
public final class FleetManifestFile {

    /** The format of fleet manifests. */
    public static final String FORMAT_VERSION = "1.0";

    private FleetManifestFile() {
    }

    /** Writes {@code manifest} into {@code directory} as {@code fleet.json} with {@code protection}'s extensions. */
    public static Path write(Path directory, OutputProtection protection, FleetManifest manifest) throws IOException {
        Path file = directory.resolve(protection.fileName(FleetManifest.FILE));
        AtomicFiles.write(file, protection, out -> ContractMapper.mapper().writeValue(out, manifest));
        return file;
    }
}
