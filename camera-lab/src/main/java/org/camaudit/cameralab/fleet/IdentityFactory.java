package org.camaudit.cameralab.fleet;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camaudit.cameralab.profile.ProfileDescriptor;
import org.camaudit.cameralab.profile.ProfileDescriptor.ModelVariant;

/**
 * Makes believable identities for a profile: one of its model variants, a serial number in the
 * vendor's format and a MAC in one of the vendor's real OUIs. Deterministic for a given random.
 */
public final class IdentityFactory {

    private static final Pattern FIELD = Pattern.compile("\\{(model|mac|date|[dhxa]\\d+)}");
    private static final LocalDate FIRST_MANUFACTURE = LocalDate.of(2016, 1, 1);
    private static final int MANUFACTURE_SPAN_DAYS = 3000;

    private IdentityFactory() {
    }

    /** A new identity; {@code model} (may be null) forces the model the serial number is built on. */
    public static Identity create(ProfileDescriptor profile, Random random, String model) {
        List<ModelVariant> variants = profile.models();
        ModelVariant variant = variants == null || variants.isEmpty()
                ? new ModelVariant(profile.identity().model(), profile.identity().firmwareVersion(),
                        profile.identity().hardwareId())
                : variants.get(random.nextInt(variants.size()));
        String chosenModel = model != null ? model : variant.model();
        String mac = mac(profile.ouis(), random);
        String serial = serial(profile.serialFormat(), chosenModel, mac, random);
        return new Identity(profile.identity().manufacturer(), chosenModel, variant.firmwareVersion(), serial,
                variant.hardwareId(), mac);
    }

    static String serial(String format, String model, String mac, Random random) {
        Matcher m = FIELD.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String field = m.group(1);
            String value = switch (field.charAt(0)) {
                case 'm' -> field.equals("mac") ? mac.replace(":", "").toUpperCase(Locale.ROOT) : model;
                case 'd' -> field.equals("date")
                        ? FIRST_MANUFACTURE.plusDays(random.nextInt(MANUFACTURE_SPAN_DAYS))
                                .format(DateTimeFormatter.BASIC_ISO_DATE)
                        : digits(random, Integer.parseInt(field.substring(1)), "0123456789");
                case 'h' -> digits(random, Integer.parseInt(field.substring(1)), "0123456789ABCDEF");
                case 'x' -> digits(random, Integer.parseInt(field.substring(1)), "0123456789abcdef");
                default -> digits(random, Integer.parseInt(field.substring(1)), "ABCDEFGHJKLMNPQRSTUVWXYZ");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String digits(Random random, int count, String alphabet) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static String mac(List<String> ouis, Random random) {
        String oui = ouis.get(random.nextInt(ouis.size())).toLowerCase(Locale.ROOT);
        return String.format("%s:%02x:%02x:%02x", oui, random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }
}
