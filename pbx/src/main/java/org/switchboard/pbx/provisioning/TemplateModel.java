package org.switchboard.pbx.provisioning;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.pbx.provisioning.FunctionKey.BlfKey;
import org.switchboard.pbx.provisioning.FunctionKey.LineKey;

/**
 * Turns a {@link ProvisioningContext} into the plain maps, lists, strings and numbers templates
 * read (documented in docs/provisioning.md); stateless, any thread.
 *
 * <p>Templates see values only, never our Java objects, so an operator's template cannot call
 * methods, and renaming a Java accessor cannot silently break a template on disk.
 */
final class TemplateModel {

    private TemplateModel() {}

    /** @param provisioningUrl the folder the phone fetched its file from, empty for an admin's preview */
    static Map<String, Object> device(ProvisioningContext ctx, String provisioningUrl, Instant now) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("device", Map.of(
                "mac", ctx.mac().hex(),
                "macUpper", ctx.mac().upperHex(),
                "macColon", ctx.mac().colonSeparated(),
                "vendor", ctx.vendor().id(),
                "model", ctx.model()));
        root.put("account", Map.of(
                "extension", ctx.account().extension(),
                "displayName", ctx.account().displayName(),
                "authUser", ctx.account().authUser(),
                "password", ctx.account().password()));
        root.put("site", site(ctx.site(), now));
        root.put("keys", ctx.keys().stream().map(TemplateModel::key).toList());
        root.put("provisioning", Map.of("url", provisioningUrl));
        return root;
    }

    static Map<String, Object> common(SiteSettings site, Instant now) {
        return Map.of("site", site(site, now));
    }

    private static Map<String, Object> site(SiteSettings s, Instant now) {
        var offset = TimeZoneFormats.standardOffset(s.timeZone(), now);
        Map<String, Object> timeZone = Map.of(
                "id", s.timeZone().getId(),
                "offsetSeconds", offset.getTotalSeconds(),
                "hours", TimeZoneFormats.hours(offset),
                "gmt", TimeZoneFormats.gmt(offset),
                "observesDst", TimeZoneFormats.observesDaylightSaving(s.timeZone()),
                "posix", TimeZoneFormats.posix(s.timeZone(), now).orElse(""));
        List<String> codecs = s.codecs().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        return Map.of(
                "sipServer", s.sipServer(),
                "sipPort", s.sipPort(),
                "transport", s.transport().name().toLowerCase(Locale.ROOT),
                "voicemailNumber", s.voicemailNumber(),
                "ntpServer", s.ntpServer(),
                "timeZone", timeZone,
                "codecs", codecs);
    }

    private static Map<String, Object> key(FunctionKey key) {
        return switch (key) {
            case LineKey l -> Map.of("position", l.position(), "type", "line", "label", l.label(), "target", "");
            case BlfKey b -> Map.of("position", b.position(), "type", "blf", "label", b.label(), "target", b.target());
        };
    }
}
