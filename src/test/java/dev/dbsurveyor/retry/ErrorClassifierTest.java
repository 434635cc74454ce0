package dev.dbsurveyor.retry;

import dev.dbsurveyor.model.ErrorCategory;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTest {

    @ParameterizedTest(name = "SQLSTATE {0} is {1}, transient {2}, connection {3}")
    @CsvSource({
            "28P01, PERMISSION, false, true",
            "28000, PERMISSION, false, true",
            "42501, PERMISSION, false, false",
            "3D000, NOT_FOUND, false, true",
            "42P01, NOT_FOUND, false, false",
            "42703, NOT_FOUND, false, false",
            "57014, TIMEOUT, true, false",
            "55P03, TIMEOUT, true, false",
            "57P01, OTHER, true, true",
            "53300, OTHER, true, true",
            "08006, OTHER, true, true",
            "40001, OTHER, true, false",
            "XX000, OTHER, true, false",
            "22012, INVALID_DATA, false, false",
            "25006, OTHER, false, false"})
    void postgresStatesAreClassifiedByCodeWhateverTheExceptionClass(String state, ErrorCategory category, boolean transientError,
                                                                     boolean connection) {
        R2dbcException error = new R2dbcNonTransientResourceException("message", state);

        assertThat(ErrorClassifier.classify(error)).isEqualTo(new ErrorClassification(category, transientError, connection));
    }

    @ParameterizedTest(name = "MySQL error {0} is {1}, transient {2}")
    @CsvSource({
            "1044, PERMISSION, false", "1045, PERMISSION, false", "1142, PERMISSION, false",
            "1049, NOT_FOUND, false", "1146, NOT_FOUND, false",
            "1040, OTHER, true", "2013, OTHER, true", "1205, TIMEOUT, true", "3024, TIMEOUT, true", "1969, TIMEOUT, true"})
    void mysqlErrorsAreClassifiedByVendorCode(int code, ErrorCategory category, boolean transientError) {
        R2dbcException error = new R2dbcBadGrammarException("message", "HY000", code);

        ErrorClassification classification = ErrorClassifier.classify(error);

        assertThat(classification.category()).isEqualTo(category);
        assertThat(classification.transientError()).isEqualTo(transientError);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "SQLITE_BUSY, OTHER, true, false", "SQLITE_LOCKED, OTHER, true, false", "SQLITE_BUSY_SNAPSHOT, OTHER, true, false",
            "SQLITE_NOTADB, INVALID_DATA, false, false", "SQLITE_CORRUPT, INVALID_DATA, false, false",
            "SQLITE_CANTOPEN, NOT_FOUND, false, true", "SQLITE_READONLY, PERMISSION, false, false",
            "SQLITE_INTERRUPT, TIMEOUT, true, false", "SQLITE_IOERR_READ, OTHER, true, true", "SQLITE_ERROR, OTHER, false, false"})
    void sqliteErrorsAreClassifiedByTheirPrimaryResultCode(org.sqlite.SQLiteErrorCode code, ErrorCategory category, boolean transientError,
                                                           boolean connection) {
        Throwable error = new RuntimeException("wrapped", new org.sqlite.SQLiteException("[" + code.name() + "] message", code));
        assertThat(ErrorClassifier.classify(error)).isEqualTo(new ErrorClassification(category, transientError, connection));
    }

    @Test
    void filesThatAreNotThereOrMayNotBeReadAreNeverRetried() {
        assertThat(ErrorClassifier.classify(new java.nio.file.NoSuchFileException("/srv/a.db")))
                .isEqualTo(new ErrorClassification(ErrorCategory.NOT_FOUND, false, true));
        assertThat(ErrorClassifier.classify(new java.nio.file.AccessDeniedException("/srv/a.db")))
                .isEqualTo(new ErrorClassification(ErrorCategory.PERMISSION, false, true));
    }

    @Test
    void withoutACodeTheTypeDecides() {
        assertThat(ErrorClassifier.classify(new R2dbcTimeoutException("slow")).category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(ErrorClassifier.classify(new TimeoutException()).transientError()).isTrue();
        assertThat(ErrorClassifier.classify(new R2dbcPermissionDeniedException("no")).category()).isEqualTo(ErrorCategory.PERMISSION);
        assertThat(ErrorClassifier.classify(new RuntimeException("wrapped", new ConnectException("refused"))))
                .isEqualTo(new ErrorClassification(ErrorCategory.OTHER, true, true));
        assertThat(ErrorClassifier.classify(new IllegalStateException("bug")))
                .isEqualTo(new ErrorClassification(ErrorCategory.OTHER, false, false));
    }

    @Test
    void theFirstCodedErrorInTheCauseChainDecides() {
        RuntimeException wrapped = new RuntimeException("outer", new R2dbcNonTransientResourceException("inner", "57014"));

        assertThat(ErrorClassifier.classify(wrapped).category()).isEqualTo(ErrorCategory.TIMEOUT);
    }

    @Test
    void aTlsRefusalIsAPermissionErrorOfTheConnectionNeverRetriedWhateverTheDriversCodeSays() {
        R2dbcException driver = new R2dbcNonTransientResourceException("Cannot connect to 127.0.0.1/<unresolved>:5441", "08003");
        Throwable refused = new TlsRefusedException(TlsRefusedException.Reason.UNKNOWN_CA, "the server's certificate is not signed by a CA", driver);

        assertThat(ErrorClassifier.classify(driver)).isEqualTo(new ErrorClassification(ErrorCategory.OTHER, true, true));
        assertThat(ErrorClassifier.classify(refused)).isEqualTo(new ErrorClassification(ErrorCategory.PERMISSION, false, true));
        assertThat(ErrorClassifier.classify(new RetriedException(refused, 0, null)))
                .isEqualTo(new ErrorClassification(ErrorCategory.PERMISSION, false, true));
    }
}
