package org.camaudit.inventory.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import org.camaudit.common.paging.Sorting;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.inventory.Device;
import org.camaudit.inventory.DeviceStatus;
import org.camaudit.inventory.Sighting;
import org.camaudit.inventory.mapping.Limits;
import org.camaudit.inventory.mapping.PageResult;

/** Reads devices and their sightings, and applies the edits people may make to a device. */
@ApplicationScoped
public class DeviceService {

    /** Sortable fields of the API and the entity attribute each one orders by. */
    private static final Map<String, String> SORTABLE = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("site", "facts.site"), Map.entry("ip", "facts.ip"),
            Map.entry("mac", "facts.mac"), Map.entry("manufacturer", "facts.manufacturer"),
            Map.entry("model", "facts.model"), Map.entry("firmwareVersion", "facts.firmwareVersion"),
            Map.entry("serialNumber", "facts.serialNumber"), Map.entry("status", "status"),
            Map.entry("location", "location"), Map.entry("owner", "owner"),
            Map.entry("firstSeen", "firstSeen"), Map.entry("lastSeen", "lastSeen"));

    /** Fields a PATCH may set, with their length caps ({@code status} is checked against its values). */
    private static final Map<String, Integer> EDITABLE = Map.of(
            "location", Limits.TEXT, "owner", Limits.TEXT, "notes", Limits.NOTES, "status", Limits.VERSION);

    public PageResult<Device> list(DeviceQuery query, Page page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.site() != null && !query.site().isBlank()) {
            where.add("facts.site = :site");
            params.put("site", query.site().strip());
        }
        if (query.manufacturer() != null && !query.manufacturer().isBlank()) {
            where.add("lower(facts.manufacturer) = :manufacturer");
            params.put("manufacturer", query.manufacturer().strip().toLowerCase(Locale.ROOT));
        }
        if (query.status() != null && !query.status().isBlank()) {
            where.add("status = :status");
            params.put("status", DeviceStatus.parse(query.status().strip()).orElseThrow(
                    () -> ProblemException.badRequest("status", "must be one of active, missing, retired")));
        }
        if (query.identification() != null && !query.identification().isBlank()) {
            String identification = query.identification().strip();
            if (!identification.matches(Limits.IDENTIFICATION_PATTERN)) {
                throw ProblemException.badRequest("identification", "must be one of complete, partial, unidentified");
            }
            where.add("facts.identificationStatus = :identification");
            params.put("identification", identification);
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.add("(lower(facts.ip) like :q escape '!' or lower(facts.model) like :q escape '!'"
                    + " or lower(facts.serialNumber) like :q escape '!' or lower(location) like :q escape '!')");
            params.put("q", "%" + likeEscape(query.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        String hql = String.join(" and ", where);
        var found = Device.<Device>find(hql, Sorting.parse(query.sort(), SORTABLE), params);
        List<Device> items = found.page(page).list();
        return new PageResult<>(items, page.index, page.size, found.count());
    }

    public Optional<Device> find(long id) {
        return Device.findByIdOptional(id);
    }

    public PageResult<Sighting> sightings(long deviceId, Page page) {
        if (Device.findByIdOptional(deviceId).isEmpty()) {
            throw ProblemException.notFound("Device " + deviceId);
        }
        var found = Sighting.<Sighting>find("deviceId", Sort.descending("observedAt").and("id", Sort.Direction.Descending),
                deviceId);
        return new PageResult<>(found.page(page).list(), page.index, page.size, found.count());
    }

    /**
     * Applies a JSON merge patch (RFC 7396) of {@code location}, {@code owner}, {@code notes} and
     * {@code status}; {@code null} clears a text field. Any other field, or a wrong value, rejects the whole
     * patch with every problem listed.
     */
    @Transactional
    public Device patch(long id, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Malformed request body",
                    "A merge patch must be a JSON object");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            Integer cap = EDITABLE.get(name);
            if (cap == null) {
                errors.add(new Problem.FieldError(name, "may not be changed; only location, owner, notes and status may"));
            } else if (name.equals("status")) {
                if (!value.isTextual() || DeviceStatus.parse(value.textValue()).isEmpty()) {
                    errors.add(new Problem.FieldError(name, "must be one of active, missing, retired"));
                }
            } else if (!value.isNull() && !value.isTextual()) {
                errors.add(new Problem.FieldError(name, "must be a string or null"));
            } else if (value.isTextual() && value.textValue().length() > cap) {
                errors.add(new Problem.FieldError(name, "size must be between 0 and " + cap));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Validation failed",
                    String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()), errors);
        }
        Device device = Device.<Device>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Device " + id));
        if (patch.has("location")) {
            device.location = text(patch.get("location"));
        }
        if (patch.has("owner")) {
            device.owner = text(patch.get("owner"));
        }
        if (patch.has("notes")) {
            device.notes = text(patch.get("notes"));
        }
        if (patch.has("status")) {
            device.status = DeviceStatus.valueOf(patch.get("status").textValue());
        }
        return device;
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        String s = value.textValue().strip();
        return s.isEmpty() ? null : s;
    }

    private static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
