package io.durable.sample.security;

import io.durable.ops.api.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Set;

/**
 * Every request to the sample's API needs a login, whatever its path (an unknown path included, so
 * an anonymous caller learns nothing of what exists): reads need the viewer role, everything else the
 * operator role. The one exception is the fake CRM, which plays a third-party API that the customer
 * sync calls without credentials. The operator API checks its callers itself as well.
 */
@Provider
@PreMatching
@ApplicationScoped
public class SampleAccess implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isFakeCrm(request.getUriInfo().getPathSegments())) {
            return;
        }
        if (READS.contains(request.getMethod())) {
            caller.requireViewer("read through the sample's API");
        } else {
            caller.requireOperator("act through the sample's API");
        }
    }

    private static boolean isFakeCrm(List<PathSegment> segments) {
        return !segments.isEmpty() && "fake-crm".equals(segments.get(0).getPath())
                && segments.stream().map(PathSegment::getPath).noneMatch(s -> s.equals("..") || s.equals("."));
    }
}
