package org.switchboard.pbx.provisioning;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.SipCredentials;
import org.switchboard.pbx.provisioning.ImportReport.RowOutcome;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.provisioning.NewProvisionedDevice;
import org.switchboard.store.provisioning.ProvisionedDevice;
import org.switchboard.store.provisioning.ProvisionedDeviceStore;
import org.switchboard.store.provisioning.ProvisioningFetch;
import org.switchboard.store.provisioning.RegisteredPhone;
import org.switchboard.store.provisioning.RegisteredPhoneStore;

/**
 * The single entry point for provisioned devices (API, config seed, the file server): applies the
 * rules, gives each device the SIP password of its extension (generated here, sealed at rest,
 * see docs/provisioning.md), writes through the store, renders configuration files and records
 * fetches write-behind.
 *
 * <p>Thread-safe. Changes are serialized by one lock (admin changes are rare) and followed by a
 * reload of an in-memory copy of the table, published through a volatile field; the file server
 * reads that copy without SQL or locks. Never call the changing methods from an event loop.
 */
public final class ProvisioningService {
    private static final Logger log = LoggerFactory.getLogger(ProvisioningService.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    // 24 symbols from 57: about 140 bits, above the 128 the design asks for.
    private static final int PASSWORD_LENGTH = 24;
    private static final int MAX_DISPLAY_NAME = 64;

    private final ProvisionedDeviceStore store;
    private final RegisteredPhoneStore phones;
    private final ExtensionService extensions;
    private final ProvisioningTemplates templates;
    private final SiteSettings site;
    private final DeviceSecretCipher cipher;
    private final Consumer<ProvisioningFetch> fetches;
    private final Clock clock;
    private final EventBus events;
    private final ExtensionNames names;
    private final SecureRandom random = new SecureRandom();
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, ProvisionedDevice> byMac = Map.of();

    /**
     * @param fetches where fetch times go, normally a write-behind {@code BatchWriter::submit}
     *     over {@link ProvisionedDeviceStore#fetchSink()}; must not block
     */
    public ProvisioningService(ProvisionedDeviceStore store, RegisteredPhoneStore phones, ExtensionService extensions,
                               ProvisioningTemplates templates, SiteSettings site, DeviceSecretCipher cipher,
                               Consumer<ProvisioningFetch> fetches, Clock clock, EventBus events) {
        this.store = store;
        this.phones = phones;
        this.extensions = extensions;
        this.templates = templates;
        this.site = site;
        this.cipher = cipher;
        this.fetches = fetches;
        this.clock = clock;
        this.events = events;
        this.names = new ExtensionNames(extensions, clock);
    }

    /** Loads the cache at start (after the seeds ran) and logs how many devices there are. */
    public void start() {
        reloadCache();
        log.info("Loaded {} provisioned devices from database", byMac.size());
    }

    /**
     * Creates the device, or updates the one with this MAC (its static IP is kept). A device bound
     * to an extension gets that extension's provisioning password: the one its other devices
     * already have, or a new one that also becomes the extension's SIP password.
     *
     * @throws ValidationException on {@code extension_number} when no such extension exists
     */
    public SavedDevice save(DeviceInput input, String actor) {
        changes.lock();
        try {
            SavedDevice saved = write(input, actor);
            reloadCache();
            published(saved.device().macAddress(), saved.created() ? Change.CREATED : Change.UPDATED);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** {@link #save} without the cache reload; the caller holds {@link #changes}. */
    private SavedDevice write(DeviceInput input, String actor) {
        Optional<ProvisionedDevice> existing = store.findByMac(input.mac().hex());
        Extension extension = existingExtension(input.extension());
        PasswordPlan plan = planPassword(input.mac(), extension, existing);
        ProvisionedDevice saved;
        if (existing.isEmpty()) {
            saved = store.create(toStored(input, null, plan.sealed()), clock.instant());
        } else {
            saved = store.update(existing.get().id(), toStored(input, existing.get().staticIp(), plan.sealed()),
                    clock.instant());
        }
        ensureExtensionPassword(extension, plan.password(), actor);
        existing.filter(old -> !old.extensionNumber().equals(input.extension()))
                .ifPresent(old -> rotateIfUnbound(old.extensionNumber(), actor));
        log.info("provisioned device {} mac={} extension={} vendor={} model={} by={}",
                existing.isEmpty() ? "created" : "updated", saved.macAddress(), saved.extensionNumber(),
                saved.vendor(), saved.model(), actor);
        return new SavedDevice(saved, existing.isEmpty());
    }

    /** The stored device, read from the database; {@link NotFoundException} if absent. */
    public ProvisionedDevice get(String mac) {
        MacAddress m = MacAddress.parse(mac);
        return store.findByMac(m.hex()).orElseThrow(() -> new NotFoundException("provisioned_device", m.hex()));
    }

    /** Every device, ordered by MAC, read from the database. */
    public List<ProvisionedDevice> list() {
        return store.list();
    }

    /** How many devices there are (the seed asks before copying the config's section). */
    public int count() {
        return store.list().size();
    }

    /**
     * Deletes the device. When it was the last device of its extension, the extension's password
     * is replaced by a new one nobody knows, so the removed phone can no longer register.
     */
    public void delete(String mac, String actor) {
        changes.lock();
        try {
            ProvisionedDevice device = get(mac);
            store.delete(device.id());
            rotateIfUnbound(device.extensionNumber(), actor);
            reloadCache();
            published(device.macAddress(), Change.DELETED);
            log.info("provisioned device deleted mac={} by={}", device.macAddress(), actor);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Sets, or with a null or blank {@code staticIp} clears, the only address the device's files
     * are served to.
     *
     * @throws ValidationException on {@code static_ip} when it is not a unicast IPv4/IPv6 literal
     */
    public ProvisionedDevice setStaticIp(String mac, String staticIp, String actor) {
        changes.lock();
        try {
            ProvisionedDevice saved = writeStaticIp(mac, staticIp, actor);
            reloadCache();
            published(saved.macAddress(), Change.UPDATED);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** {@link #setStaticIp} without the cache reload; the caller holds {@link #changes}. */
    private ProvisionedDevice writeStaticIp(String mac, String staticIp, String actor) {
        String stored = staticIp == null || staticIp.isBlank()
                ? null
                : IpLiteral.parse(staticIp, "static_ip").getHostAddress();
        ProvisionedDevice d = get(mac);
        ProvisionedDevice saved = store.update(d.id(), new NewProvisionedDevice(d.macAddress(), d.extensionNumber(),
                d.vendor(), d.model(), stored, d.configUrl(), d.sipSecret()), clock.instant());
        log.info("provisioned device static ip set mac={} static_ip={} by={}", d.macAddress(), stored, actor);
        return saved;
    }

    /**
     * Imports devices from CSV ({@link DeviceImportCsv} format). Every line gets an outcome:
     * unparseable values, unknown vendor or model, unknown extension and a MAC already provisioned
     * (or repeated in the file) are errors of that line.
     *
     * @throws ValidationException on {@code file} when the text is not CSV at all
     */
    public ImportReport importCsv(String csv, ImportMode mode, String actor) {
        List<ImportLine> lines = DeviceImportCsv.parse(csv == null ? "" : csv);
        changes.lock();
        try {
            Map<String, ProvisionedDevice> current = byMac(store.list());
            List<RowOutcome> checked = new ArrayList<>();
            for (ImportLine line : lines) {
                checked.add(check(line, current));
            }
            ImportReport report = mode == ImportMode.ALL_OR_NOTHING
                    ? importAll(lines, checked, actor)
                    : importEach(lines, checked, actor);
            reloadCache();
            for (RowOutcome row : report.rows()) {
                if (row instanceof RowOutcome.Imported imported) {
                    published(imported.macAddress(), Change.CREATED);
                }
            }
            log.info("provisioning import mode={} committed={} imported={} failed={} by={}",
                    mode, report.committed(), report.imported(), report.failed(), actor);
            return report;
        } finally {
            changes.unlock();
        }
    }

    /** Tells subscribers (the live panel) about a committed change of one device. */
    private void published(String mac, Change change) {
        events.publish(new ConfigChanged(clock.instant(), "device", mac, change));
    }

    /**
     * The answer to a phone's request for its own file, from the cache: refused when the device
     * has a static IP other than {@code client}. A served file's fetch is recorded write-behind.
     */
    public ConfigFetch fetch(ProvisioningRequest.DeviceFile request, InetAddress client) {
        ProvisionedDevice device = byMac.get(request.mac().hex());
        if (device == null) {
            return new ConfigFetch.Unknown();
        }
        Optional<Vendor> vendor = Vendor.fromId(device.vendor());
        if (vendor.isEmpty() || !request.fits(vendor.get())) {
            return new ConfigFetch.Unknown();
        }
        if (device.staticIp() != null && !staticIpMatches(device.staticIp(), client)) {
            return new ConfigFetch.WrongAddress();
        }
        try {
            RenderedFile file = templates.render(context(device, vendor.get()), request.kind());
            fetches.accept(new ProvisioningFetch(device.macAddress(), clock.instant()));
            return new ConfigFetch.Served(file);
        } catch (SealedSecretException | NotFoundException | ValidationException e) {
            return new ConfigFetch.NotRenderable(e.getMessage());
        }
    }

    /** A file every phone of one maker shares (no secrets in it); unknown when the maker has none. */
    public ConfigFetch fetchCommon(ProvisioningRequest.CommonFile request) {
        return templates.renderCommon(request.vendor(), site)
                .<ConfigFetch>map(ConfigFetch.Served::new)
                .orElseGet(ConfigFetch.Unknown::new);
    }

    /** The device's main file as the phone would get it, for an admin to look at; no fetch is recorded. */
    public RenderedFile render(String mac) {
        ProvisionedDevice device = get(mac);
        Vendor vendor = Vendor.fromId(device.vendor())
                .orElseThrow(() -> new ValidationException("vendor", "is not a supported vendor: " + device.vendor()));
        return templates.render(context(device, vendor), DeviceFileKind.MAIN);
    }

    /** Every phone seen registering, ordered by extension then most recently seen first. */
    public List<RegisteredPhone> registeredPhones() {
        return phones.list();
    }

    /**
     * Correlates provisioning and registrations for a MAC address or an IP address.
     *
     * @throws ValidationException on {@code mac_or_ip} when the text is neither
     */
    public PhoneLookup lookup(String macOrIp) {
        Optional<MacAddress> mac = MacAddress.tryParse(macOrIp == null ? "" : macOrIp.strip());
        if (mac.isPresent()) {
            String hex = mac.get().hex();
            return new PhoneLookup(hex, "mac", store.findByMac(hex).stream().toList(), phones.findByMac(hex));
        }
        InetAddress ip;
        try {
            ip = IpLiteral.parse(macOrIp == null ? "" : macOrIp, "mac_or_ip");
        } catch (ValidationException e) {
            throw new ValidationException("mac_or_ip", "must be a MAC address (001565123456) or an IP address");
        }
        List<RegisteredPhone> seen = phones.list().stream()
                .filter(p -> p.ipAddress() != null && staticIpMatches(p.ipAddress(), ip))
                .toList();
        Map<String, ProvisionedDevice> devices = new LinkedHashMap<>();
        for (ProvisionedDevice d : store.list()) {
            boolean byStaticIp = d.staticIp() != null && staticIpMatches(d.staticIp(), ip);
            boolean byRegistration = seen.stream().anyMatch(p -> d.macAddress().equals(p.macAddress()));
            if (byStaticIp || byRegistration) {
                devices.put(d.macAddress(), d);
            }
        }
        return new PhoneLookup(ip.getHostAddress(), "ip", List.copyOf(devices.values()), seen);
    }

    /** Loads the cache from the database: at start, after each change, and on a change notice from another node. */
    public void reloadCache() {
        changes.lock();
        try {
            byMac = byMac(store.list());
            names.clear();
        } finally {
            changes.unlock();
        }
    }

    private RowOutcome check(ImportLine line, Map<String, ProvisionedDevice> current) {
        return switch (line) {
            case ImportLine.Rejected r -> new RowOutcome.Failed(r.line(), r.field(), r.message());
            case ImportLine.Accepted a -> {
                if (current.containsKey(a.row().mac().hex())) {
                    yield new RowOutcome.Failed(a.line(), MacAddress.FIELD, "device " + a.row().mac().hex()
                            + " is already provisioned; update it through the API");
                }
                try {
                    extensions.get(a.row().extension());
                } catch (NotFoundException e) {
                    yield new RowOutcome.Failed(a.line(), "extension_number",
                            "extension " + a.row().extension() + " does not exist");
                }
                yield new RowOutcome.Imported(a.line(), a.row().mac().hex());
            }
        };
    }

    private ImportReport importEach(List<ImportLine> lines, List<RowOutcome> checked, String actor) {
        List<RowOutcome> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RowOutcome outcome = checked.get(i);
            if (outcome instanceof RowOutcome.Imported && lines.get(i) instanceof ImportLine.Accepted a) {
                try {
                    // One cache reload after the whole file, not one per row.
                    SavedDevice saved = write(DeviceInput.of(a.row()), actor);
                    a.row().staticIp().ifPresent(ip -> writeStaticIp(saved.device().macAddress(), ip.getHostAddress(), actor));
                } catch (ValidationException e) {
                    outcome = new RowOutcome.Failed(a.line(), e.field(), e.getMessage());
                } catch (ConflictException e) {
                    outcome = new RowOutcome.Failed(a.line(), e.field() == null ? MacAddress.FIELD : e.field(), e.getMessage());
                }
            }
            out.add(outcome);
        }
        return new ImportReport(ImportMode.PER_ROW, true, out);
    }

    private ImportReport importAll(List<ImportLine> lines, List<RowOutcome> checked, String actor) {
        if (checked.stream().anyMatch(o -> o instanceof RowOutcome.Failed)) {
            List<RowOutcome> out = checked.stream()
                    .map(o -> o instanceof RowOutcome.Imported i ? new RowOutcome.Skipped(i.line(), i.macAddress()) : o)
                    .toList();
            return new ImportReport(ImportMode.ALL_OR_NOTHING, false, out);
        }
        // One password per extension, shared by the file's devices and any already bound to it.
        Map<String, String> passwordOf = new HashMap<>();
        Map<String, Extension> needsPassword = new LinkedHashMap<>();
        List<NewProvisionedDevice> rows = new ArrayList<>();
        for (ImportLine line : lines) {
            DeviceImportRow row = ((ImportLine.Accepted) line).row();
            String password = passwordOf.computeIfAbsent(row.extension(), ext -> {
                Extension extension = existingExtension(ext);
                PasswordPlan plan = planPassword(row.mac(), extension, Optional.empty());
                needsPassword.put(ext, extension);
                return plan.password();
            });
            rows.add(new NewProvisionedDevice(row.mac().hex(), row.extension(), row.vendor().id(), row.model(),
                    row.staticIp().map(InetAddress::getHostAddress).orElse(null), null, cipher.seal(row.mac(), password)));
        }
        store.createAll(rows, clock.instant());
        needsPassword.forEach((ext, extension) -> ensureExtensionPassword(extension, passwordOf.get(ext), actor));
        return new ImportReport(ImportMode.ALL_OR_NOTHING, true, checked);
    }

    private Extension existingExtension(String number) {
        try {
            return extensions.get(number);
        } catch (NotFoundException e) {
            throw new ValidationException("extension_number", "extension " + number + " does not exist");
        }
    }

    /** The password the device gets, sealed for its MAC. */
    private PasswordPlan planPassword(MacAddress mac, Extension extension, Optional<ProvisionedDevice> existing) {
        Optional<String> known = existing
                .filter(d -> d.extensionNumber().equals(extension.number()) && d.sipSecret() != null)
                .flatMap(d -> tryOpen(d));
        if (known.isEmpty()) {
            known = store.findByExtension(extension.number()).stream()
                    .filter(d -> !d.macAddress().equals(mac.hex()) && d.sipSecret() != null)
                    .map(this::tryOpen)
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        String password = known.orElseGet(this::newPassword);
        return new PasswordPlan(password, cipher.seal(mac, password));
    }

    private Optional<String> tryOpen(ProvisionedDevice d) {
        try {
            return Optional.of(cipher.open(MacAddress.parse(d.macAddress()), d.sipSecret()));
        } catch (SealedSecretException e) {
            log.warn("{}; a new password will be generated", e.getMessage());
            return Optional.empty();
        }
    }

    /** Sets the extension's SIP password unless its HA1 already matches (idempotent, so a retry heals). */
    private void ensureExtensionPassword(Extension extension, String password, String actor) {
        Optional<SipCredentials> credentials = extensions.findCredentials(extension.number());
        boolean matches = credentials.isPresent() && DigestAlgorithm.MD5
                .ha1(extension.number(), credentials.get().realm(), password).equals(credentials.get().ha1Md5());
        if (!matches) {
            extensions.update(extension.number(), new ExtensionInput(extension.number(), extension.name(), password,
                    extension.email(), null, extension.allowExternal(), extension.enabled()), "provisioning (" + actor + ")");
        }
    }

    private void rotateIfUnbound(String extensionNumber, String actor) {
        if (!store.findByExtension(extensionNumber).isEmpty()) {
            return;
        }
        try {
            Extension extension = extensions.get(extensionNumber);
            ensureExtensionPassword(extension, newPassword(), actor);
            log.info("extension password rotated after its last provisioned device went extension={}", extensionNumber);
        } catch (NotFoundException e) {
            // The extension was deleted meanwhile: nothing left to protect.
        }
    }

    private String newPassword() {
        StringBuilder b = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private ProvisioningContext context(ProvisionedDevice device, Vendor vendor) {
        MacAddress mac = MacAddress.parse(device.macAddress());
        if (device.sipSecret() == null) {
            throw new SealedSecretException("device " + mac + " has no SIP password yet; save it again");
        }
        String number = device.extensionNumber();
        if (extensions.findCredentials(number).isEmpty()) {
            // Deleted meanwhile (the device row went with it) or its HA1s are for another realm.
            throw new NotFoundException("extension", number + " (or its password must be set again)");
        }
        String password = cipher.open(mac, device.sipSecret());
        String fullName = names.nameOf(number);
        String name = fullName.length() > MAX_DISPLAY_NAME ? fullName.substring(0, MAX_DISPLAY_NAME) : fullName;
        SipAccount account = new SipAccount(number, name, number, password);
        String model = PhoneModels.canonical(vendor, device.model()).orElse(device.model());
        return new ProvisioningContext(mac, vendor, model, account, site, List.of());
    }

    private static boolean staticIpMatches(String stored, InetAddress client) {
        try {
            return IpLiteral.parse(stored, "static_ip").equals(client);
        } catch (ValidationException e) {
            return false;
        }
    }

    private static NewProvisionedDevice toStored(DeviceInput input, String staticIp, String sealed) {
        return new NewProvisionedDevice(input.mac().hex(), input.extension(), input.vendor().id(), input.model(),
                staticIp, null, sealed);
    }

    private static Map<String, ProvisionedDevice> byMac(List<ProvisionedDevice> devices) {
        return devices.stream().collect(Collectors.toUnmodifiableMap(ProvisionedDevice::macAddress, Function.identity()));
    }

    private record PasswordPlan(String password, String sealed) {
        @Override
        public String toString() {
            return "PasswordPlan[***]";
        }
    }
}
