package org.camaudit.inventory.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camaudit.common.csv.ContentNegotiation;
import org.camaudit.common.csv.CsvTable;
import org.camaudit.common.paging.Paging;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;
import org.camaudit.inventory.Device;
import org.camaudit.inventory.mapping.DeviceCsv;
import org.camaudit.inventory.mapping.PageResult;
import org.camaudit.inventory.service.DeviceQuery;
import org.camaudit.inventory.service.DeviceService;

@Path("/api/v1/devices")
@Tag(name = "Devices", description = "The cameras and recorders found on the networks")
public class DeviceResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final DeviceService devices;
    private final Paging paging;
    private final ObjectMapper json;

    DeviceResource(DeviceService devices, Paging paging, ObjectMapper json) {
        this.devices = devices;
        this.paging = paging;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTable.MEDIA_TYPE})
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List devices",
            description = "Filtered, sorted and paged. With `Accept: text/csv` the same rows as CSV with a header line.")
    @APIResponse(responseCode = "200", description = "One page of devices",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DevicePage.class),
                            examples = @ExampleObject(name = "one device", value = Examples.DEVICE_PAGE)),
                    @Content(mediaType = CsvTable.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "one device", value = Examples.DEVICE_CSV))})
    @APIResponse(responseCode = "400", description = "A filter, sort, page or size is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Exact site name", example = "HQ") @QueryParam("site") String site,
            @Parameter(description = "Manufacturer, case-insensitive", example = "Hikvision") @QueryParam("manufacturer") String manufacturer,
            @Parameter(description = "active, missing or retired", example = "active") @QueryParam("status") String status,
            @Parameter(description = "How far the latest observation identified the device: complete, partial or "
                    + "unidentified", example = "partial") @QueryParam("identification") String identification,
            @Parameter(description = "Part of the ip, model, serial number or location", example = "DS-2CD") @QueryParam("q") String q,
            @Parameter(description = "0-based page", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1 to 1000 (default 50)", example = "50") @QueryParam("size") Integer size,
            @Parameter(description = "Field to order by: id, site, ip, mac, manufacturer, model, firmwareVersion, "
                    + "serialNumber, status, location, owner, firstSeen, lastSeen; `-field` or `field,desc` for descending",
                    example = "-lastSeen") @QueryParam("sort") String sort,
            @Context HttpHeaders headers) {
        PageResult<Device> result = devices.list(new DeviceQuery(site, manufacturer, status, identification, q, sort),
                paging.of(page, size));
        if (ContentNegotiation.wantsCsv(null, headers)) {
            return Response.ok(DeviceCsv.table(result.items()), CsvTable.MEDIA)
                    .header("X-Total-Count", result.total())
                    .build();
        }
        return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One device")
    @APIResponse(responseCode = "200", description = "The device",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Device.class),
                    examples = @ExampleObject(name = "Hikvision dome", value = Examples.DEVICE)))
    @APIResponse(responseCode = "404", description = "No device has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Device get(@Parameter(example = "42") @PathParam("id") long id) {
        return devices.find(id).orElseThrow(() -> ProblemException.notFound("Device " + id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITIES)
    @Operation(summary = "Edit a device's location, owner, notes or status",
            description = "A JSON merge patch (RFC 7396): fields present are set, `null` clears a text field. "
                    + "Any other field is rejected.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = DevicePatch.class),
                    examples = @ExampleObject(name = "retire", value = Examples.PATCH)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DevicePatch.class),
                    examples = @ExampleObject(name = "retire", value = Examples.PATCH))})
    @APIResponse(responseCode = "200", description = "The device after the edit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Device.class),
                    examples = @ExampleObject(name = "edited", value = Examples.DEVICE)))
    @APIResponse(responseCode = "400", description = "Not a JSON object, a field that may not be edited, or a bad value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No device has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Device patch(@Parameter(example = "42") @PathParam("id") long id, String body) throws JsonProcessingException {
        JsonNode patch = body == null || body.isBlank() ? null : json.readTree(body);
        return devices.patch(id, patch);
    }

    @GET
    @Path("/{id}/sightings")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Every time a scan saw the device, newest first")
    @APIResponse(responseCode = "200", description = "One page of sightings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SightingPage.class),
                    examples = @ExampleObject(name = "one sighting", value = Examples.SIGHTINGS)))
    @APIResponse(responseCode = "400", description = "page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No device has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public PageResult<org.camaudit.inventory.Sighting> sightings(@Parameter(example = "42") @PathParam("id") long id,
            @Parameter(description = "0-based page", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1 to 1000 (default 50)", example = "50") @QueryParam("size") Integer size) {
        return devices.sightings(id, paging.of(page, size));
    }

    @Schema(name = "DevicePage")
    static final class DevicePage {
        public List<Device> items;
        @Schema(example = "0")
        public int page;
        @Schema(example = "50")
        public int size;
        @Schema(example = "1")
        public long total;
    }

    @Schema(name = "SightingPage")
    static final class SightingPage {
        public List<org.camaudit.inventory.Sighting> items;
        @Schema(example = "0")
        public int page;
        @Schema(example = "50")
        public int size;
        @Schema(example = "1")
        public long total;
    }

    @Schema(name = "DevicePatch", description = "JSON merge patch of a device: only these fields")
    static final class DevicePatch {
        @Schema(example = "Building A, loading dock", maxLength = 255, nullable = true)
        public String location;
        @Schema(example = "Facilities east", maxLength = 255, nullable = true)
        public String owner;
        @Schema(example = "Scheduled for replacement in Q1", maxLength = 4000, nullable = true)
        public String notes;
        @Schema(example = "retired", enumeration = {"active", "missing", "retired"})
        public String status;
    }
}
