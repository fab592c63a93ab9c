package org.switchboard.pbx.registrar;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.store.provisioning.RegisteredPhone;
import org.switchboard.store.provisioning.RegisteredPhoneStore;

/**
 * Removes the bindings a provisioned device made with its own credentials once those credentials
 * are revoked (the device deleted, or moved to another extension), so a removed desk phone stops
 * ringing at once instead of when its registration would have expired. Which binding is the
 * device's comes from {@code registered_phones} (its MAC, the user name it proved, its contact).
 * The extension's other phones are untouched. Runs on its event subscription's thread, which may
 * block on the database.
 */
final class RevokedDeviceBindings {
    private static final Logger log = LoggerFactory.getLogger(RevokedDeviceBindings.class);

    private final RegisteredPhoneStore phones;
    private final CredentialLookup credentials;
    private final LocationService location;
    private final BindingPersistence persistence;

    RevokedDeviceBindings(RegisteredPhoneStore phones, CredentialLookup credentials, LocationService location,
            BindingPersistence persistence) {
        this.phones = phones;
        this.credentials = credentials;
        this.location = location;
        this.persistence = persistence;
    }

    /** An event handler: acts on committed changes of provisioned devices (keyed by MAC). */
    void onEvent(PbxEvent event) {
        if (event instanceof ConfigChanged changed && changed.entity().equals("device")
                && changed.change() != PbxEvent.Change.CREATED) {
            revoke(changed.key());
        }
    }

    private void revoke(String mac) {
        for (RegisteredPhone phone : phones.findByMac(mac)) {
            String authUser = phone.authUser();
            boolean stillValid = authUser == null || credentials.login(authUser)
                    .filter(l -> l.extension().equals(phone.extensionNumber()))
                    .isPresent();
            if (stillValid) {
                continue;
            }
            Optional<Binding> binding = location.lookup(phone.extensionNumber()).stream()
                    .filter(b -> b.contactKey().equals(phone.contactUri()))
                    .findFirst();
            binding.ifPresent(b -> remove(b, authUser));
        }
    }

    private void remove(Binding binding, String authUser) {
        persistence.writeThrough(List.of(), List.of(binding)).join();
        location.apply(binding.extension(), List.of(), List.of(binding.contactKey()));
        log.info("binding removed with its device's credentials extension={} auth_user={} contact={}",
                binding.extension(), authUser, binding.contactKey());
    }
}
