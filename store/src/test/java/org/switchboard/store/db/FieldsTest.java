package org.switchboard.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {
    @Test
    void recordNamesAreLowerCaseKeysOfUpTo64Characters() {
        assertThat(Fields.recordName("sales-2_b")).isEqualTo("sales-2_b");
        assertThat(Fields.recordName("a".repeat(64))).hasSize(64);
        for (String bad : new String[] {null, "", "Sales", "-sales", "a b", "a".repeat(65), "a.b"}) {
            assertThatThrownBy(() -> Fields.recordName(bad)).as("%s", bad)
                    .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "name");
        }
    }

    @Test
    void mixedCaseNamesAreStrippedAndMayHoldDots() {
        assertThat(Fields.mixedCaseName(" Carrier.B-2_x ")).isEqualTo("Carrier.B-2_x");
        assertThat(Fields.isMixedCaseName(null)).isFalse();
        assertThatThrownBy(() -> Fields.mixedCaseName(" ")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "name").hasMessageContaining("is required");
        for (String bad : new String[] {".carrier", "a b", "a".repeat(65), "a/b"}) {
            assertThatThrownBy(() -> Fields.mixedCaseName(bad)).as("%s", bad)
                    .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "name");
        }
    }

    @Test
    void distinctExtensionsKeepTheOrderInAnImmutableCopy() {
        List<String> members = new ArrayList<>(List.of("2002", "2001"));
        List<String> checked = Fields.distinctExtensions(members, 2);
        members.clear();
        assertThat(checked).containsExactly("2002", "2001");
        assertThatThrownBy(() -> checked.add("2003")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Fields.distinctExtensions(List.of(), 2)).isEmpty();
    }

    @Test
    void aBadMemberListNamesTheFieldAtFault() {
        assertField(null, "members");
        assertField(List.of("2001", "2002", "2003"), "members");
        assertField(List.of("2001", "sales"), "members[1]");
        assertField(List.of("2001", "2001"), "members[1]");
        assertField(Arrays.asList("2001", null), "members[1]");
    }

    private static void assertField(List<String> members, String field) {
        assertThatThrownBy(() -> Fields.distinctExtensions(members, 2)).as("%s", members)
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", field);
    }
}
