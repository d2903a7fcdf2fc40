package org.camaudit.audit.evaluation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads when a device was made from what it reported: the production date Hikvision firmware writes into serial
 * numbers ({@code DS-2CD2143G2-I20220101AAWR...}), else a firmware build date ({@code V5.5.0 build 170725},
 * {@code 2.800.0000016.0.R, Build Date 2020-06-05}). A build date is when the firmware was built, so at most an
 * approximation of the device's date; the source says which one was used. Dates before 2001 or after today are
 * not dates.
 */
public final class DeviceDateReader {

    private static final Pattern HIKVISION_SERIAL = Pattern.compile("(\\d{8})[A-Z]{2}WR");
    private static final Pattern BUILD_YYMMDD = Pattern.compile("(?i)\\bbuild ?(\\d{6})\\b");
    private static final Pattern BUILD_DATE = Pattern.compile("(?i)build date:? ?(\\d{4})-(\\d{2})-(\\d{2})");
    private static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);

    private DeviceDateReader() {
    }

    /** A device's date and where it was read ({@code serialNumber = ...}). */
    public record DeviceDate(LocalDate date, String source) {
    }

    /**
     * @param serials   serial numbers as {@code where -> value}
     * @param firmwares firmware versions as {@code where -> value}
     * @param today     the latest date that counts
     */
    public static Optional<DeviceDate> read(List<Map.Entry<String, String>> serials,
            List<Map.Entry<String, String>> firmwares, LocalDate today) {
        for (Map.Entry<String, String> serial : serials) {
            Matcher m = HIKVISION_SERIAL.matcher(serial.getValue());
            if (m.find()) {
                Optional<LocalDate> date = date(m.group(1).substring(0, 4), m.group(1).substring(4, 6),
                        m.group(1).substring(6, 8), today);
                if (date.isPresent()) {
                    return Optional.of(new DeviceDate(date.get(), "production date in " + serial.getKey() + " = "
                            + serial.getValue()));
                }
            }
        }
        for (Map.Entry<String, String> firmware : firmwares) {
            Matcher full = BUILD_DATE.matcher(firmware.getValue());
            Matcher shortForm = BUILD_YYMMDD.matcher(firmware.getValue());
            Optional<LocalDate> date = full.find() ? date(full.group(1), full.group(2), full.group(3), today)
                    : shortForm.find() ? date("20" + shortForm.group(1).substring(0, 2), shortForm.group(1).substring(2, 4),
                            shortForm.group(1).substring(4, 6), today)
                    : Optional.empty();
            if (date.isPresent()) {
                return Optional.of(new DeviceDate(date.get(), "firmware build date in " + firmware.getKey() + " = "
                        + firmware.getValue()));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day, LocalDate today) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return date.isBefore(EARLIEST) || date.isAfter(today) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
