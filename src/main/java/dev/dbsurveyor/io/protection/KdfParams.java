package dev.dbsurveyor.io.protection;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The Argon2id parameters of upstream's passphrase envelope ({@code kdf_params}): a raw salt, the
 * memory in KiB, the iterations and the lanes. Version 1.3 always; the key is 32 bytes.
 */
record KdfParams(byte[] salt, int memoryKib, int iterations, int parallelism) {

    static final int SALT_BYTES = 16;
    static final int MEMORY_KIB = 65_536;
    static final int ITERATIONS = 3;
    static final int PARALLELISM = 4;
    static final String VERSION = "1.3";
    static final int KEY_BYTES = 32;
    static final int MAXIMUM_MEMORY_KIB = 1024 * 1024;
    static final int MAXIMUM_ITERATIONS = 16;
    static final int MAXIMUM_PARALLELISM = 16;

    KdfParams {
        salt = salt.clone();
    }

    /** Upstream's defaults with a fresh random salt. */
    static KdfParams fresh(SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new KdfParams(salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /**
     * Refuses what upstream refuses: parameters weaker than its defaults, and values no Argon2 takes.
     *
     * @throws ProtectedFileException naming the parameter
     */
    KdfParams checked() throws ProtectedFileException {
        if (salt.length < SALT_BYTES) {
            throw new ProtectedFileException("its key derivation is weaker than dbsurveyor accepts: a salt of " + salt.length + " bytes");
        }
        if (memoryKib < MEMORY_KIB || iterations < ITERATIONS || parallelism < 1) {
            throw new ProtectedFileException("its key derivation is weaker than dbsurveyor accepts: memory " + memoryKib
                    + " KiB, " + iterations + " iterations, parallelism " + parallelism);
        }
        // A planted file must not make a reader run out of memory or spin for minutes.
        long usable = Math.min(MAXIMUM_MEMORY_KIB, Runtime.getRuntime().maxMemory() / 2 / 1024);
        if (parallelism > MAXIMUM_PARALLELISM || memoryKib > usable || iterations > MAXIMUM_ITERATIONS) {
            throw new ProtectedFileException("its key derivation asks for more than dbsurveyor allows: memory " + memoryKib
                    + " KiB (at most " + usable + "), " + iterations + " iterations (at most " + MAXIMUM_ITERATIONS + "), parallelism "
                    + parallelism + " (at most " + MAXIMUM_PARALLELISM + ")");
        }
        return this;
    }

    /** The 32-byte AES key of {@code passphrase} (UTF-8). The caller clears it after use. */
    byte[] derive(char[] passphrase) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[KEY_BYTES];
        generator.generateBytes(passphrase, key);
        return key;
    }

    /** What identifies the key these parameters derive from one passphrase. */
    String cacheKey() {
        return HexFormat.of().formatHex(salt) + "/" + memoryKib + "/" + iterations + "/" + parallelism;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KdfParams that && Arrays.equals(salt, that.salt) && memoryKib == that.memoryKib
                && iterations == that.iterations && parallelism == that.parallelism;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + memoryKib + 7 * iterations + 13 * parallelism;
    }

    @Override
    public String toString() {
        return "KdfParams[memoryKib=" + memoryKib + ", iterations=" + iterations + ", parallelism=" + parallelism + "]";
    }
}
