package org.camaudit.audit.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** inventory-service's device list; used only through {@link InventoryClient}. */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "inventory")
interface InventoryRestClient {

    @GET
    DevicePage devices(@QueryParam("page") int page, @QueryParam("size") int size,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
