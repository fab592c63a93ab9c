package org.switchboard.pbx.provisioning;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Renders each vendor's configuration files from FreeMarker templates; thread-safe once built,
 * called on a virtual thread (it reads template files).
 *
 * <p>Templates ship under {@code provisioning/<vendor>/} on the classpath. An operator can
 * replace any of them by putting a file with the same relative path in the override directory;
 * changed files are picked up within {@link #UPDATE_DELAY_MILLIS}. Templates ending in
 * {@code .ftlx} produce XML and escape every inserted value; {@code .ftl} templates produce
 * line-oriented text, which is safe because the records refuse control characters.
 */
public final class ProvisioningTemplates {

    /** How long a loaded template is trusted before its file is checked for changes. */
    public static final long UPDATE_DELAY_MILLIS = 2_000;

    private final Configuration freemarker;
    private final Clock clock;

    /**
     * @param overrideDirectory a directory whose templates win over the shipped ones, if any
     * @throws UncheckedIOException when the override directory exists but cannot be read
     */
    public ProvisioningTemplates(Optional<Path> overrideDirectory, Clock clock) {
        this.clock = clock;
        this.freemarker = configuration(loaders(overrideDirectory));
    }

    /** The device's file of the given kind, as an admin previews it (no request, so no provisioning URL). */
    public RenderedFile render(ProvisioningContext ctx, DeviceFileKind kind) {
        return render(ctx, kind, "");
    }

    /**
     * The device's file of the given kind for a phone that asked at {@code provisioningUrl} (the
     * folder its file came from, ending in {@code /}): templates point the phone's remote phone book
     * there.
     */
    public RenderedFile render(ProvisioningContext ctx, DeviceFileKind kind, String provisioningUrl) {
        String name = switch (kind) {
            case MAIN -> switch (ctx.vendor()) {
                case YEALINK -> "yealink/device.cfg.ftl";
                case POLYCOM -> "polycom/device.cfg.ftlx";
                case GRANDSTREAM -> "grandstream/device.xml.ftlx";
                case CISCO -> "cisco/device.xml.ftlx";
                case SNOM -> "snom/device.xml.ftlx";
                case FANVIL -> "fanvil/device.cfg.ftl";
            };
            case PHONE_SETTINGS -> {
                if (ctx.vendor() != Vendor.POLYCOM) {
                    throw new IllegalArgumentException("only Polycom phones have a separate settings file");
                }
                yield "polycom/phone.cfg.ftlx";
            }
        };
        return render(name, TemplateModel.device(ctx, provisioningUrl, clock.instant()));
    }

    /** The file all phones of {@code vendor} share, for the makers that fetch one. */
    public Optional<RenderedFile> renderCommon(Vendor vendor, SiteSettings site) {
        Optional<String> name = switch (vendor) {
            case YEALINK -> Optional.of("yealink/common.cfg.ftl");
            case POLYCOM -> Optional.of("polycom/common.cfg.ftlx");
            case GRANDSTREAM, CISCO, SNOM, FANVIL -> Optional.empty();
        };
        return name.map(n -> render(n, TemplateModel.common(site, clock.instant())));
    }

    private RenderedFile render(String name, Map<String, Object> model) {
        try {
            Template template = freemarker.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return new RenderedFile(name.endsWith(".ftlx") ? RenderedFile.XML : RenderedFile.TEXT, out.toString());
        } catch (TemplateException e) {
            throw new TemplateRenderException("template " + name + ": " + e.getMessageWithoutStackTop(), e);
        } catch (IOException e) {
            throw new TemplateRenderException("template " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static TemplateLoader[] loaders(Optional<Path> overrideDirectory) {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (overrideDirectory.isPresent() && Files.isDirectory(overrideDirectory.get())) {
            try {
                loaders.add(new FileTemplateLoader(overrideDirectory.get().toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("provisioning template directory " + overrideDirectory.get(), e);
            }
        }
        loaders.add(new ClassTemplateLoader(ProvisioningTemplates.class, "/provisioning"));
        return loaders.toArray(TemplateLoader[]::new);
    }

    private static Configuration configuration(TemplateLoader[] loaders) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders));
        // .ftlx = XML output format with auto-escaping; .ftl = plain text.
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        // Without this a port renders as "5,060" in some locales.
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setLocalizedLookup(false);
        cfg.setTemplateUpdateDelayMilliseconds(UPDATE_DELAY_MILLIS);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // A template is configuration, not code: it may not instantiate Java classes.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }
}
