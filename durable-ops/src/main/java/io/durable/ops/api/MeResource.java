package io.durable.ops.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /durable/me}: who the caller is to the operator API; the dashboard checks a login with it
 * and shows only the actions the caller's roles allow.
 */
@Path("durable/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    /**
     * The caller.
     *
     * @return {@code {"name": .., "tenant": ..|null, "roles": [..], "admin": bool}}
     */
    @GET
    @Operation(summary = "The caller: name, tenant, durable roles")
    @APIResponse(responseCode = "200", description = "{\"name\":\"alice\",\"tenant\":\"acme\",\"roles\":[...],\"admin\":false}")
    @APIResponse(responseCode = "403", description = "The caller has no durable role")
    public String me() {
        String name = caller.requireAnyRole("use the operator API");
        var roles = Json.createArrayBuilder();
        caller.roles().forEach(roles::add);
        return Json.createObjectBuilder()
                .add("name", name)
                .add("tenant", Views.text(caller.tenant().orElse(null)))
                .add("roles", roles)
                .add("admin", caller.isAdmin())
                .build().toString();
    }
}
