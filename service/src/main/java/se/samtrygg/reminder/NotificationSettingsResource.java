package se.samtrygg.reminder;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/account/notification-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders")
public final class NotificationSettingsResource {
    private final ReminderSettingsService settings;

    public NotificationSettingsResource(ReminderSettingsService settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "Your own notification settings: the kinds you opted out of, and every kind with whether you get it")
    public NotificationSettings get(@Parameter(hidden = true) @Auth CurrentUser actor) {
        return settings.userOptOuts(actor);
    }

    @PUT
    @Operation(summary = "Change which kinds of reminders and notices you get",
            description = "`optOuts` lists the kinds you no longer want, neither in the inbox nor by e-mail; every other kind "
                    + "reaches you. Reminders already planned follow the change.")
    public NotificationSettings update(@Parameter(hidden = true) @Auth CurrentUser actor, NotificationSettingsInput input) {
        return settings.updateUserOptOuts(actor, Api.body(input).optOuts());
    }
}
