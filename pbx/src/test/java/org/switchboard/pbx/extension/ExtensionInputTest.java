package org.switchboard.pbx.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.ValidationException;

class ExtensionInputTest {

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource(delimiter = '|', value = {
            "number|1",
            "number|12345678901",
            "number|10a1",
            "name|'  '",
            "password|short",
            "email|not-an-email",
            "email|a@b",
            "voicemail_pin|123",
            "voicemail_pin|12a4",
            "voicemail_pin|12345678901",
    })
    void badFieldIsNamed(String field, String value) {
        assertThatThrownBy(() -> build(field, value))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void goodValuesAreAcceptedAndBlankEmailMeansNone() {
        ExtensionInput in = new ExtensionInput("10", " Bob ", "12345678", "  ", "1234", true, true);
        assertThat(in.name()).isEqualTo("Bob");
        assertThat(in.email()).isNull();
    }

    @Test
    void toStringHidesSecrets() {
        assertThat(new ExtensionInput("1001", "Bob", "Pa55word-xyz", null, "987654", false, true).toString())
                .doesNotContain("Pa55word-xyz", "987654");
    }

    private static ExtensionInput build(String field, String value) {
        String number = "1001";
        String name = "Bob";
        String password = "long-enough";
        String email = "bob@example.org";
        String pin = "1234";
        switch (field) {
            case "number" -> number = value;
            case "name" -> name = value;
            case "password" -> password = value;
            case "email" -> email = value;
            case "voicemail_pin" -> pin = value;
            default -> throw new IllegalArgumentException(field);
        }
        return new ExtensionInput(number, name, password, email, pin, false, true);
    }
}
