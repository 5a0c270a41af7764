package org.harmony.dsar.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScannedDocumentsTest {

    @ParameterizedTest(name = "{0} starting {1}: {2}")
    @CsvSource({
            "application/pdf, 255044462D312E37, true",
            "application/pdf, 89504E470D0A1A0A, false",
            "image/png,       89504E470D0A1A0A00, true",
            "image/png,       FFD8FFE000, false",
            "image/jpeg,      FFD8FFE000, true",
            "image/jpeg,      3C68746D6C3E, false",
            "text/html,       3C68746D6C3E, false",
            "application/pdf, 2550, false"})
    void shouldAcceptADocumentOnlyWhenItsContentIsOfItsDeclaredType(String type, String hex, boolean accepted) {
        assertThat(ScannedDocuments.looksLike(type, java.util.HexFormat.of().parseHex(hex))).isEqualTo(accepted);
    }
}
