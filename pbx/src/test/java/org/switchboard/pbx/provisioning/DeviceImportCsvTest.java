package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.provisioning.ImportLine.Accepted;
import org.switchboard.pbx.provisioning.ImportLine.Rejected;
import org.switchboard.store.db.ValidationException;

class DeviceImportCsvTest {

    @Test
    void goodLinesBecomeRowsWithCanonicalValues() throws Exception {
        List<ImportLine> result = DeviceImportCsv.parse("""
                mac,extension,vendor,model,static_ip
                00:15:65:12:34:56,1001,Yealink,sip-t46s,192.0.2.10
                0004.f2ab.cdef,1002,polycom,VVX_450
                000B82123456,1003,grandstream,gxp2170,2001:db8::10
                """);

        assertThat(result).containsExactly(
                new Accepted(2, new DeviceImportRow(new MacAddress("001565123456"), "1001", Vendor.YEALINK, "T46S",
                        Optional.of(InetAddress.ofLiteral("192.0.2.10")))),
                new Accepted(3, new DeviceImportRow(new MacAddress("0004f2abcdef"), "1002", Vendor.POLYCOM, "VVX 450",
                        Optional.empty())),
                new Accepted(4, new DeviceImportRow(new MacAddress("000b82123456"), "1003", Vendor.GRANDSTREAM, "GXP2170",
                        Optional.of(InetAddress.ofLiteral("2001:db8::10")))));
    }

    @Test
    void headerIsOptionalAndCommentsAndBlankLinesAreSkippedWithLineNumbersKept() {
        List<ImportLine> result = DeviceImportCsv.parse("""
                # devices for the second floor

                001565123456,1001,yealink,T46S
                """);
        assertThat(result).singleElement().isInstanceOf(Accepted.class).extracting(ImportLine::line).isEqualTo(3L);
    }

    @Test
    void eachBadLineIsRejectedNamingTheField() {
        List<ImportLine> result = DeviceImportCsv.parse("""
                00:15:65:12:34,1001,yealink,T46S
                001565000002,10a1,yealink,T46S
                001565000003,1003,nokia,T46S
                001565000004,1004,yealink,T99X
                001565000005,1005,yealink,T46S,192.0.2.300
                001565000006,1006,yealink,T46S,fe80::1%eth0
                001565000007,1007,yealink
                001565000008,1008,yealink,T46S,192.0.2.8,extra
                001565000009,1009,yealink,T46S,10.1
                001565000010,1010,yealink,T46S,example.com
                ffffffffffff,1011,yealink,T46S
                001565000012,1012,yealink,T46S,224.0.0.1
                """);

        assertThat(result).extracting(l -> ((Rejected) l).field()).containsExactly(
                "mac_address", "extension_number", "vendor", "model", "static_ip", "static_ip",
                "row", "row", "static_ip", "static_ip", "mac_address", "static_ip");
        assertThat(result).extracting(ImportLine::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(((Rejected) result.get(2)).message()).contains("nokia");
        assertThat(((Rejected) result.get(3)).message()).contains("T99X");
    }

    @Test
    void aMacGivenTwiceIsRejectedOnItsSecondLineWhateverTheSpelling() {
        List<ImportLine> result = DeviceImportCsv.parse("""
                001565123456,1001,yealink,T46S
                00-15-65-12-34-56,1002,yealink,T48S
                """);
        assertThat(result.get(0)).isInstanceOf(Accepted.class);
        assertThat(result.get(1)).isEqualTo(new Rejected(2, "mac_address", "MAC 00:15:65:12:34:56 is already on line 1"));
    }

    @Test
    void quotedFieldsAndSurroundingBlanksAreAccepted() {
        List<ImportLine> result = DeviceImportCsv.parse("\"00:15:65:12:34:56\" , 1001 , \"yealink\" , \"T46S\"\r\n");
        assertThat(result).singleElement().isInstanceOf(Accepted.class);
    }

    @Test
    void emptyFileHasNoLines() {
        assertThat(DeviceImportCsv.parse("")).isEmpty();
        assertThat(DeviceImportCsv.parse("mac,extension,vendor,model\n")).isEmpty();
    }

    @Test
    void unterminatedQuoteIsAFileError() {
        assertThatThrownBy(() -> DeviceImportCsv.parse("001565123456,1001,\"yealink,T46S\n"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("file"))
                .satisfies(e -> assertThat(e.getMessage()).as("in the admin's words, naming no internal class")
                        .contains("quote").doesNotContain("Exception", "org.", "EOF", "token"));
    }

    @Test
    void tooManyLinesIsRefusedWhole() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i <= DeviceImportCsv.MAX_LINES; i++) {
            csv.append(String.format("0215650%05x,%d,yealink,T46S%n", i, 1000 + i));
        }
        assertThatThrownBy(() -> DeviceImportCsv.parse(csv.toString()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("more than");
    }
}
