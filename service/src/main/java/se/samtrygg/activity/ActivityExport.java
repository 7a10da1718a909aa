package se.samtrygg.activity;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.identity.CurrentUser;

/** The CSV download of the log, for the API and the page alike: streamed, so a long log is never held whole. */
final class ActivityExport {
    private ActivityExport() {
    }

    static Response response(ActivityService activities, Messages messages, CurrentUser actor, Language language, ActivityFilter filter) {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            ActivityCsv.writeHeader(writer, column -> messages.get(language, "activities.csv." + column));
            activities.export(actor, filter, activity -> ActivityCsv.writeRow(writer, activity));
            writer.flush();
        };
        return Response.ok(body, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"aktiviteter.csv\"").build();
    }
}
