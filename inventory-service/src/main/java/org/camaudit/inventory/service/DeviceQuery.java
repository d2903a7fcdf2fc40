package org.camaudit.inventory.service;

/**
 * Filters and order of the devices list.
 *
 * @param site         exact site name
 * @param manufacturer canonical manufacturer, case-insensitive
 * @param status       {@code active}, {@code missing} or {@code retired}
 * @param identification {@code complete}, {@code partial} or {@code unidentified}
 * @param q            substring of ip, model, serial number or location, case-insensitive
 * @param sort         a field name, {@code -field} or {@code field,desc} for descending
 */
public record DeviceQuery(String site, String manufacturer, String status, String identification, String q,
        String sort) {
}
