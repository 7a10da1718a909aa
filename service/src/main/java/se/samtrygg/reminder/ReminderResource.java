package se.samtrygg.reminder;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import se.samtrygg.identity.CurrentUser;

/** The reminder plan for admins: the next reminders due. */
@Path("/api/v1/admin/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders")
public final class ReminderResource {
    static final int DEFAULT_LIMIT = 50;

    private final ReminderService reminders;

    public ReminderResource(ReminderService reminders) {
        this.reminders = reminders;
    }

    @GET
    @Operation(summary = "The next planned reminders, earliest first (admins)", description = "limit: 1 to 500, default 50.")
    public List<PlannedReminder> nextDue(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("limit") Integer limit) {
        return reminders.nextDue(actor, limit == null ? DEFAULT_LIMIT : limit);
    }
}
