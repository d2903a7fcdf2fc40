package org.camaudit.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.camaudit.common.problem.Problem;
import org.camaudit.common.security.Roles;
import org.camaudit.inventory.service.DeviceStream;

@Path("/api/v1/devices/stream")
@Tag(name = "Devices")
public class DeviceStreamResource {

    private final DeviceStream stream;

    DeviceStreamResource(DeviceStream stream) {
        this.stream = stream;
    }

    @GET
    @Produces(DeviceStream.MEDIA_TYPE)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Every device in one response, for readers that need them all",
            description = "NDJSON: one device per line, in the JSON shape of an item of the devices list, ordered by "
                    + "`id` ascending, read from one consistent snapshot. The last line is `{\"total\":N}` with N the "
                    + "number of device lines; a stream that ends without it was cut short and must be treated as "
                    + "a failure.")
    @APIResponse(responseCode = "200", description = "The devices, then the total line",
            content = @Content(mediaType = DeviceStream.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "two devices", value = Examples.DEVICE_STREAM)))
    public StreamingOutput stream(
            @Parameter(description = "Exact site name; all sites when absent", example = "HQ") @QueryParam("site") String site) {
        return out -> stream.write(site, out);
    }
}
