package se.samtrygg.audit;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import se.samtrygg.common.Page;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
public final class AuditResource {
    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Browse the audit log (admins)", description = "Newest first; pass the last id as before= for the next page.")
    public Page<AuditEntry> list(@Parameter(hidden = true) @Auth CurrentUser actor,
                                 @QueryParam("entityType") String entityType, @QueryParam("entityId") Long entityId,
                                 @QueryParam("actorUserId") Long actorUserId, @QueryParam("action") AuditAction action,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        AuditFilter filter = new AuditFilter(entityType, entityId, actorUserId, action, instant("from", from), instant("to", to));
        return audit.search(actor, filter, before, limit);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new se.samtrygg.common.InvalidInputException(field, "error.instant");
        }
    }
}
