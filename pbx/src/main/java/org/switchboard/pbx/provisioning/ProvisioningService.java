package org.switchboard.pbx.provisioning;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.provisioning.ImportReport.RowOutcome;
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
 * rules, gives each device SIP credentials of its own that register to its extension (see
 * {@link DeviceCredentialIssuer} and docs/provisioning.md), writes through the store, renders
 * configuration files, records fetches write-behind, and answers the registrar's lookups of
 * device logins from memory.
 *
 * <p>Thread-safe. Changes are serialized by one lock (admin changes are rare) and followed by a
 * reload of an in-memory copy of the table, published through a volatile field; the file server
 * and the registrar read that copy without SQL or locks. Never call the changing methods from an
 * event loop.
 */
public final class ProvisioningService implements ProvisionedLogins {
    private static final Logger log = LoggerFactory.getLogger(ProvisioningService.class);
    private static final int MAX_DISPLAY_NAME = 64;

    private final ProvisionedDeviceStore store;
    private final RegisteredPhoneStore phones;
    private final ExtensionService extensions;
    private final ProvisioningTemplates templates;
    private final SiteSettings site;
    private final DeviceCredentialIssuer credentials;
    private final Consumer<ProvisioningFetch> fetches;
    private final Clock clock;
    private final EventBus events;
    private final ExtensionNames names;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, ProvisionedDevice> byMac = Map.of();
    private volatile Map<String, ProvisionedLogin> byAuthUser = Map.of();

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
        this.credentials = new DeviceCredentialIssuer(cipher, extensions.realm());
        this.fetches = fetches;
        this.clock = clock;
        this.events = events;
        this.names = new ExtensionNames(extensions, clock);
    }

    /**
     * Loads the cache at start (after the seeds ran), first issuing credentials of their own to
     * devices saved before V062 (when they shared the extension's password), and logs how many
     * devices there are.
     */
    public void start() {
        changes.lock();
        try {
            List<ProvisionedDevice> withoutLogin = store.list().stream().filter(d -> d.login() == null).toList();
            for (ProvisionedDevice d : withoutLogin) {
                // The phone keeps registering with what its file gave it (the extension's password)
                // until it fetches the file again, which now carries its own.
                issueOwnCredentials(d, "start-up");
            }
            reloadCache();
        } finally {
            changes.unlock();
        }
        log.info("Loaded {} provisioned devices from database", byMac.size());
    }

    private void issueOwnCredentials(ProvisionedDevice d, String actor) {
        MacAddress mac = MacAddress.parse(d.macAddress());
        DeviceCredentialIssuer.Issued issued = credentials.credentialsFor(mac, d.extensionNumber(), Optional.of(d),
                this::userNameTaken);
        store.update(d.id(), new NewProvisionedDevice(d.macAddress(), d.extensionNumber(), d.vendor(), d.model(),
                d.staticIp(), d.configUrl(), issued.sealedPassword(), issued.login()), clock.instant());
        log.info("provisioned device given its own sip credentials mac={} auth_user={} by={}", d.macAddress(),
                issued.login().authUser(), actor);
    }

    @Override
    public Optional<ProvisionedLogin> findLogin(String authUser) {
        return Optional.ofNullable(byAuthUser.get(authUser));
    }

    /**
     * Creates the device, or updates the one with this MAC (its static IP is kept). A new device,
     * or one moved to another extension, gets new SIP credentials of its own (the old ones stop
     * working); one saved again on the same extension keeps its credentials. The extension's own
     * password is left alone.
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
        existingExtension(input.extension());
        DeviceCredentialIssuer.Issued issued = credentials.credentialsFor(input.mac(), input.extension(), existing,
                this::userNameTaken);
        ProvisionedDevice saved;
        if (existing.isEmpty()) {
            saved = store.create(toStored(input, null, issued), clock.instant());
        } else {
            saved = store.update(existing.get().id(), toStored(input, existing.get().staticIp(), issued),
                    clock.instant());
        }
        log.info("provisioned device {} mac={} extension={} vendor={} model={} auth_user={} by={}",
                existing.isEmpty() ? "created" : "updated", saved.macAddress(), saved.extensionNumber(),
                saved.vendor(), saved.model(), issued.login().authUser(), actor);
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
     * Deletes the device, and with it its own SIP credentials: the removed phone can no longer
     * register or call, while the extension's other phones are untouched.
     */
    public void delete(String mac, String actor) {
        changes.lock();
        try {
            ProvisionedDevice device = get(mac);
            store.delete(device.id());
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
                d.vendor(), d.model(), stored, d.configUrl(), d.sipSecret(), d.login()), clock.instant());
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
     *
     * @param provisioningUrl the folder the phone asked in ({@code https://host:port/provision/<token>/}), where
     *     the phone book's directories are too
     */
    public ConfigFetch fetch(ProvisioningRequest.DeviceFile request, InetAddress client, String provisioningUrl) {
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
            RenderedFile file = templates.render(context(device, vendor.get()), request.kind(), provisioningUrl);
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
            byAuthUser = byMac.values().stream()
                    .filter(d -> d.login() != null)
                    .collect(Collectors.toUnmodifiableMap(d -> d.login().authUser(), ProvisioningService::login));
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
        // Every device its own credentials; user names are checked against the file's earlier rows too.
        Set<String> namesInFile = new HashSet<>();
        List<NewProvisionedDevice> rows = new ArrayList<>();
        for (ImportLine line : lines) {
            DeviceImportRow row = ((ImportLine.Accepted) line).row();
            existingExtension(row.extension());
            DeviceCredentialIssuer.Issued issued = credentials.credentialsFor(row.mac(), row.extension(),
                    Optional.empty(), name -> namesInFile.contains(name) || userNameTaken(name));
            namesInFile.add(issued.login().authUser());
            rows.add(new NewProvisionedDevice(row.mac().hex(), row.extension(), row.vendor().id(), row.model(),
                    row.staticIp().map(InetAddress::getHostAddress).orElse(null), null, issued.sealedPassword(),
                    issued.login()));
        }
        store.createAll(rows, clock.instant());
        return new ImportReport(ImportMode.ALL_OR_NOTHING, true, checked);
    }

    private Extension existingExtension(String number) {
        try {
            return extensions.get(number);
        } catch (NotFoundException e) {
            throw new ValidationException("extension_number", "extension " + number + " does not exist");
        }
    }

    /** Whether a device already has this SIP user name (read from the database: the cache may lag inside a change). */
    private boolean userNameTaken(String userName) {
        return store.findByAuthUser(userName).isPresent();
    }

    private ProvisioningContext context(ProvisionedDevice device, Vendor vendor) {
        MacAddress mac = MacAddress.parse(device.macAddress());
        if (device.sipSecret() == null || device.login() == null) {
            throw new SealedSecretException("device " + mac + " has no SIP credentials yet; save it again");
        }
        String number = device.extensionNumber();
        if (extensions.findCredentials(number).isEmpty()) {
            // Deleted meanwhile (the device row went with it) or its HA1s are for another realm.
            throw new NotFoundException("extension", number + " (or its password must be set again)");
        }
        String password = credentials.password(mac, device.sipSecret());
        String fullName = names.nameOf(number);
        String name = fullName.length() > MAX_DISPLAY_NAME ? fullName.substring(0, MAX_DISPLAY_NAME) : fullName;
        SipAccount account = new SipAccount(number, name, device.login().authUser(), password);
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

    private static NewProvisionedDevice toStored(DeviceInput input, String staticIp,
            DeviceCredentialIssuer.Issued issued) {
        return new NewProvisionedDevice(input.mac().hex(), input.extension(), input.vendor().id(), input.model(),
                staticIp, null, issued.sealedPassword(), issued.login());
    }

    private static ProvisionedLogin login(ProvisionedDevice d) {
        return new ProvisionedLogin(d.login().authUser(), d.extensionNumber(), d.macAddress(), d.login().realm(),
                d.login().ha1Md5(), d.login().ha1Sha256());
    }

    private static Map<String, ProvisionedDevice> byMac(List<ProvisionedDevice> devices) {
        return devices.stream().collect(Collectors.toUnmodifiableMap(ProvisionedDevice::macAddress, Function.identity()));
    }
}
