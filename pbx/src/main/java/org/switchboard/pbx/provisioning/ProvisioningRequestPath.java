package org.switchboard.pbx.provisioning;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.pbx.provisioning.ProvisioningRequest.CommonFile;
import org.switchboard.pbx.provisioning.ProvisioningRequest.DeviceFile;
import org.switchboard.pbx.provisioning.ProvisioningRequest.Directory;

/**
 * Maps an HTTP request path under {@value #PREFIX} to the configuration file a phone asked for;
 * stateless, any thread.
 *
 * <p>Recognised file names (hex digits in any case):
 * <ul>
 *   <li>{@code {mac}.cfg}: Yealink, Fanvil and the Polycom main file (the stored vendor decides);
 *   <li>{@code {mac}-phone.cfg}: Polycom per-phone settings;
 *   <li>{@code 000000000000.cfg}: Polycom's shared main file;
 *   <li>{@code y0000000000xx.cfg}: Yealink's shared file per firmware family {@code xx};
 *   <li>{@code cfg{mac}.xml} and {@code cfg{mac}}: Grandstream;
 *   <li>{@code spa{mac}.xml}: Cisco SPA and multiplatform phones;
 *   <li>{@code snom{model}-{mac}.htm} and {@code {mac}.xml}: Snom.
 * </ul>
 * Anything else, including a sub-folder, a MAC no device can have, or a path outside the prefix,
 * is not a provisioning request.
 */
public final class ProvisioningRequestPath {

    /** The path every provisioning file is served under. */
    public static final String PREFIX = "/provision/";

    // A file name longer than this is no phone's request; bounds the regex work on hostile input.
    private static final int MAX_NAME_LENGTH = 64;

    private record Rule(Pattern pattern, Function<Matcher, Optional<ProvisioningRequest>> build) {}

    private static final String MAC = "(?<mac>[0-9a-f]{12})";

    private static final List<Rule> RULES = List.of(
            new Rule(name("000000000000\\.cfg"),
                    m -> Optional.of(new CommonFile(Vendor.POLYCOM, m.group()))),
            new Rule(name("y0000000000\\d{2}\\.cfg"),
                    m -> Optional.of(new CommonFile(Vendor.YEALINK, m.group()))),
            new Rule(name("(?:000000000000|" + MAC + ")-directory\\.xml"), m -> Optional.of(new Directory(Vendor.POLYCOM))),
            new Rule(name("phonebook\\.xml"), m -> Optional.of(new Directory(Vendor.GRANDSTREAM))),
            new Rule(name("directory-(?<vendor>yealink|cisco|snom|fanvil)\\.xml"),
                    m -> Vendor.fromId(m.group("vendor")).map(Directory::new)),
            new Rule(name(MAC + "\\.cfg"), m -> device(m, Optional.empty(), DeviceFileKind.MAIN)),
            new Rule(name(MAC + "-phone\\.cfg"), m -> device(m, Optional.of(Vendor.POLYCOM), DeviceFileKind.PHONE_SETTINGS)),
            new Rule(name("cfg" + MAC + "(?:\\.xml)?"), m -> device(m, Optional.of(Vendor.GRANDSTREAM), DeviceFileKind.MAIN)),
            new Rule(name("spa" + MAC + "\\.xml"), m -> device(m, Optional.of(Vendor.CISCO), DeviceFileKind.MAIN)),
            new Rule(name("snom(?<model>[a-z]?\\d{3}\\w{0,4}?)-" + MAC + "\\.htm"),
                    ProvisioningRequestPath::snomDevice),
            new Rule(name(MAC + "\\.xml"), m -> device(m, Optional.of(Vendor.SNOM), DeviceFileKind.MAIN)));

    private ProvisioningRequestPath() {}

    /** The file asked for by {@code path} (the path only, without query string), if it is one. */
    public static Optional<ProvisioningRequest> parse(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String fileName = path.substring(PREFIX.length());
        if (fileName.isEmpty() || fileName.length() > MAX_NAME_LENGTH || fileName.contains("/")) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(fileName);
            if (m.matches()) {
                return rule.build().apply(m);
            }
        }
        return Optional.empty();
    }

    private static Pattern name(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    private static Optional<ProvisioningRequest> device(Matcher m, Optional<Vendor> hint, DeviceFileKind kind) {
        return MacAddress.tryParse(m.group("mac"))
                .map(mac -> new DeviceFile(mac, hint, Optional.empty(), kind));
    }

    private static Optional<ProvisioningRequest> snomDevice(Matcher m) {
        Optional<String> model = Optional.of(m.group("model").toUpperCase(Locale.ROOT));
        return MacAddress.tryParse(m.group("mac"))
                .map(mac -> new DeviceFile(mac, Optional.of(Vendor.SNOM), model, DeviceFileKind.MAIN));
    }
}
