package se.samtrygg.reminder;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/network-groups/{id}/reminder-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders")
public final class GroupReminderSettingsResource {
    private final ReminderSettingsService settings;
    private final ReminderService reminders;

    public GroupReminderSettingsResource(ReminderSettingsService settings, ReminderService reminders) {
        this.settings = settings;
        this.reminders = reminders;
    }

    @GET
    @Operation(summary = "A network group's reminder rules (its coordinators, admins)",
            description = "Every kind a group can adjust: whether it is on, its offset in days (before the meeting or due date, "
                    + "after it for MINUTES_MISSING and the OVERDUE kinds; null for kinds without one), the default and the "
                    + "allowed range. Reminders are sent at 07:00 Europe/Stockholm on their day.")
    public GroupReminderSettings get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return settings.groupSettings(actor, id);
    }

    @PUT
    @Operation(summary = "Change a network group's reminder rules (its coordinators, admins)",
            description = "Replaces the rules: a kind left out goes back to its default; `days` null keeps the default offset. "
                    + "An offset outside the kind's range, a kind that groups cannot adjust, or a kind given twice is 422.")
    public GroupReminderSettings update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                        ReminderSettingsInput input) {
        return reminders.updateGroupSettings(actor, id, Api.body(input));
    }
}
