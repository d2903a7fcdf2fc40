package org.camaudit.inventory.ui;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.camaudit.common.paging.Paging;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;
import org.camaudit.common.ui.Console;
import org.camaudit.common.ui.CsrfTokens;
import org.camaudit.inventory.Device;
import org.camaudit.inventory.Sighting;
import org.camaudit.inventory.mapping.PageResult;
import org.camaudit.inventory.service.DeviceService;

/** One device's page: every fact with its evidence, the sightings, and the edit form for facilities. */
@Path("/ui/devices/{id}")
public class DevicePages {

    static final int SIGHTINGS_PER_PAGE = 20;

    /** What the edit form shows: the values to fill in and a message per field that was refused. */
    public record EditForm(String location, String owner, String notes, String status, Map<String, String> errors) {

        static EditForm of(Device device) {
            return new EditForm(device.location, device.owner, device.notes,
                    device.status == null ? "active" : device.status.name(), Map.of());
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean invalid() {
            return !errors.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance device(Device device, PageResult<Sighting> sightings, EditForm form,
                List<String> statuses, boolean saved);
    }

    private final DeviceService devices;
    private final Paging paging;
    private final Console console;
    private final ObjectMapper json;

    DevicePages(DeviceService devices, Paging paging, Console console, ObjectMapper json) {
        this.devices = devices;
        this.paging = paging;
        this.console = console;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.VIEWER)
    @Operation(hidden = true)
    public TemplateInstance device(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("saved") String saved) {
        Device device = devices.find(id).orElseThrow(() -> ProblemException.notFound("Device " + id));
        return page(device, page, EditForm.of(device), saved != null);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.FACILITIES)
    @Operation(hidden = true)
    public Response edit(@PathParam("id") long id, @RestForm(CsrfTokens.FIELD) String csrf, @RestForm String location,
            @RestForm String owner, @RestForm String notes, @RestForm String status) {
        console.checkForm(csrf);
        ObjectNode patch = json.createObjectNode();
        patch.put("location", location);
        patch.put("owner", owner);
        patch.put("notes", notes);
        patch.put("status", status == null ? "" : status);
        try {
            devices.patch(id, patch);
        } catch (ProblemException e) {
            if (e.problem().status() != Response.Status.BAD_REQUEST.getStatusCode() || e.problem().errors().isEmpty()) {
                throw e;
            }
            Map<String, String> errors = e.problem().errors().stream()
                    .collect(Collectors.toMap(Problem.FieldError::field, Problem.FieldError::message, (a, b) -> a + "; " + b));
            Device device = devices.find(id).orElseThrow(() -> ProblemException.notFound("Device " + id));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(device, 0, new EditForm(location, owner, notes, status, errors), false))
                    .type(MediaType.TEXT_HTML_TYPE)
                    .build();
        }
        return Response.seeOther(URI.create("/ui/devices/" + id + "?saved=1")).build();
    }

    private TemplateInstance page(Device device, int page, EditForm form, boolean saved) {
        PageResult<Sighting> sightings = devices.sightings(device.id, paging.of(Math.max(page, 0), SIGHTINGS_PER_PAGE));
        return Templates.device(device, sightings, form, InventoryPages.STATUSES, saved);
    }
}
