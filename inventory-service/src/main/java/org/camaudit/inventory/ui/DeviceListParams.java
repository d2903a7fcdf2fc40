package org.camaudit.inventory.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camaudit.inventory.service.DeviceQuery;

/**
 * The devices page's filters, order and page as the browser sends them, and the links that change one of
 * them while keeping the others.
 */
public record DeviceListParams(String site, String manufacturer, String status, String identification, String q,
        String sort, int page, int size) {

    static final int DEFAULT_SIZE = 50;

    public DeviceQuery query() {
        return new DeviceQuery(blankToNull(site), blankToNull(manufacturer), blankToNull(status), blankToNull(identification),
                blankToNull(q), blankToNull(sort));
    }

    /** The page's address with {@code sort} ordering by {@code field}, flipping the direction when it already does. */
    public String sortedBy(String field) {
        String next = field.equals(sort) ? "-" + field : field;
        return href("/ui/devices", next, 0);
    }

    /** {@code ascending}, {@code descending} or {@code none}, for {@code aria-sort}. */
    public String order(String field) {
        if (field.equals(sort)) {
            return "ascending";
        }
        return ("-" + field).equals(sort) ? "descending" : "none";
    }

    public String pageLink(int target) {
        return href("/ui/devices", sort, target);
    }

    /** The same rows as CSV, every match up to the API's page cap. */
    public String csvLink() {
        return href("/ui/devices.csv", sort, -1);
    }

    private String href(String path, String sortValue, int targetPage) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("site", site);
        params.put("manufacturer", manufacturer);
        params.put("status", status);
        params.put("identification", identification);
        params.put("q", q);
        params.put("sort", sortValue);
        if (targetPage > 0) {
            params.put("page", Integer.toString(targetPage));
        }
        if (targetPage >= 0 && size != DEFAULT_SIZE) {
            params.put("size", Integer.toString(size));
        }
        String query = params.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
