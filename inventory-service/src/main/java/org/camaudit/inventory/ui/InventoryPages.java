package org.camaudit.inventory.ui;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.camaudit.common.csv.CsvTable;
import org.camaudit.common.paging.Paging;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;
import org.camaudit.inventory.Device;
import org.camaudit.inventory.DeviceStatus;
import org.camaudit.inventory.mapping.DeviceCsv;
import org.camaudit.inventory.mapping.PageResult;
import org.camaudit.inventory.mapping.SiteSummary;
import org.camaudit.inventory.service.DeviceService;
import org.camaudit.inventory.service.ScanService;

/** The inventory's console pages: the devices list (and its CSV) and the sites. */
@Path("/ui")
@RolesAllowed(Roles.VIEWER)
public class InventoryPages {

    /** The CSV download holds every match up to this many rows, the API's largest page. */
    static final int CSV_ROWS = 1000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance devices(DeviceListParams params, PageResult<Device> result, String error,
                List<String> sites, List<String> statuses, List<String> identifications, List<Column> columns);

        static native TemplateInstance sites(List<SiteSummary> sites);
    }

    /** A sortable column of the devices table. */
    public record Column(String field, String label) {
    }

    static final List<Column> COLUMNS = List.of(new Column("site", "Site"), new Column("ip", "IP"),
            new Column("manufacturer", "Manufacturer"), new Column("model", "Model"),
            new Column("serialNumber", "Serial number"), new Column("location", "Location"),
            new Column("status", "Status"), new Column("lastSeen", "Last seen"));

    static final List<String> IDENTIFICATIONS = List.of("complete", "partial", "unidentified");

    static final List<String> STATUSES = Arrays.stream(DeviceStatus.values()).map(Enum::name).toList();

    private final DeviceService devices;
    private final ScanService scans;
    private final Paging paging;

    InventoryPages(DeviceService devices, ScanService scans, Paging paging) {
        this.devices = devices;
        this.scans = scans;
        this.paging = paging;
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        return Response.seeOther(URI.create("/ui/devices")).build();
    }

    @GET
    @Path("/devices")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance devices(@QueryParam("site") String site, @QueryParam("manufacturer") String manufacturer,
            @QueryParam("status") String status, @QueryParam("identification") String identification,
            @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("" + DeviceListParams.DEFAULT_SIZE) String size) {
        DeviceListParams params = new DeviceListParams(site, manufacturer, status, identification, q, sort, number(page, 0),
                number(size, DeviceListParams.DEFAULT_SIZE));
        try {
            PageResult<Device> result = devices.list(params.query(), paging.of(params.page(), params.size()));
            return Templates.devices(params, result, null, scans.siteNames(), STATUSES, IDENTIFICATIONS, COLUMNS);
        } catch (ProblemException e) {
            return Templates.devices(params, new PageResult<>(List.of(), 0, params.size(), 0), e.problem().detail(),
                    scans.siteNames(), STATUSES, IDENTIFICATIONS, COLUMNS);
        }
    }

    @GET
    @Path("/devices.csv")
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(hidden = true)
    public Response devicesCsv(@QueryParam("site") String site, @QueryParam("manufacturer") String manufacturer,
            @QueryParam("status") String status, @QueryParam("identification") String identification,
            @QueryParam("q") String q, @QueryParam("sort") String sort) {
        DeviceListParams params = new DeviceListParams(site, manufacturer, status, identification, q, sort, 0, CSV_ROWS);
        PageResult<Device> result = devices.list(params.query(), paging.of(0, CSV_ROWS));
        return Response.ok(DeviceCsv.table(result.items()), CsvTable.MEDIA)
                .header("Content-Disposition", "attachment; filename=\"devices.csv\"")
                .header("X-Total-Count", result.total())
                .build();
    }

    @GET
    @Path("/sites")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance sites() {
        return Templates.sites(scans.sites());
    }

    /** A page number the browser sent; anything unreadable is the default, never an error page. */
    private static int number(String value, int fallback) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
