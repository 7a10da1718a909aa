package se.samtrygg.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.PersonalNumberGuardTest.Form;
import se.samtrygg.common.PersonalNumberGuardTest.Number;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestServer;

/**
 * The personal-number guard in every free-text field of the service, through the HTTP API: every
 * written form of a valid personal identity or coordination number is refused with a 422 that
 * names the field and says why, and nothing is stored or changed; ordinary Swedish text with
 * dates, phone numbers, amounts and case numbers is accepted. The corpora are those of
 * {@link PersonalNumberGuardTest}.
 *
 * <h2>Adding a field</h2>
 * Every free-text field is one line of {@link #fields()}: a name, the endpoint as the OpenAPI
 * document writes it, the field as the problem JSON names it, its maximum length, and a
 * {@link Target} made with {@link #creates} (a POST that makes something: what must not grow is
 * given) or {@link #updates} (a PUT or POST that changes something: it is read back before and
 * after). A new feature (activities, observations, place reports, ...) adds its lines there, for
 * example:
 * <pre>{@code
 * field("activity description", "POST /api/v1/activities", "description", 4000,
 *         () -> creates(coordinatorApi, "/api/v1/activities", text -> Map.of(..., "description", text), () -> rows("activity"))),
 * }</pre>
 * {@link #everyStringFieldOfTheApiIsInTheTableOrNamedAsNoFreeText} fails for any string field of
 * a JSON request body in the OpenAPI document that is neither in the table nor in
 * {@link #NOT_FREE_TEXT}, so a new field cannot be forgotten.
 */
class PersonalNumberEverywhereTest {
    /**
     * String fields of request bodies that are not free text, with why: they have a format of
     * their own that the service checks, and a personal number is not a valid value of it.
     */
    static final Set<String> NOT_FREE_TEXT = Set.of(
            "POST /api/v1/auth/tokens email",            // an e-mail address, checked as one at sign-in
            "POST /api/v1/auth/tokens password",         // never stored as text, only as an Argon2 hash
            "POST /api/v1/users email",                  // an e-mail address
            "PUT /api/v1/users/{id} email",
            "POST /api/v1/users password",
            "PUT /api/v1/users/{id} password",           // part of UserInput, not read on a change
            "PUT /api/v1/users/{id}/password password",
            "POST /api/v1/organisations/{id}/contacts email",
            "PUT /api/v1/contacts/{id} email",
            "POST /api/v1/organisations/{id}/contacts phone", // digits, spaces, +, -, ( ) only: see the corpus' phone numbers
            "PUT /api/v1/contacts/{id} phone",
            "POST /api/v1/meetings videoLink",           // a web link (https://...), checked as one
            "PUT /api/v1/meetings/{id} videoLink",
            "POST /api/v1/meetings recurrence",          // an RFC 5545 RRULE, parsed
            "PUT /api/v1/meetings/{id} recurrence",
            "POST /api/v1/place-reports week",           // an ISO week (2026-W48), parsed
            "PUT /api/v1/place-reports/{id} week",
            // an indicator's unit (procent, st): free text all the same, guarded by Checks.freeText (ProgrammeTest), but at most
            // 50 characters, too short for this corpus' ordinary texts
            "POST /api/v1/indicators unit",
            "PUT /api/v1/indicators/{id} unit");

    /** The length of " ref-" and twelve letters (see Fixtures.unique). */
    private static final int TAG_LENGTH = 17;

    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final User admin = fixtures.user(Set.of(Role.ADMIN));
    private final Http adminApi = new Http(server).bearer(fixtures.token(admin));
    private final Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
    private final Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR), municipality);
    private final Http coordinatorApi = new Http(server).bearer(fixtures.token(coordinator));
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final long group = id(coordinatorApi.postJson("/api/v1/network-groups", Map.of("areaId", area.id(), "name", "Nätverket",
            "memberOrganisationIds", List.of(municipality.id(), housing.id()))));

    /** What one field is checked on: send a valid body with the given text in the field, and read what must not change. */
    interface Target {
        Http.Response send(String text);

        String state();
    }

    record Field(String name, String endpoint, String problemField, int maxLength, Supplier<Target> target) {
    }

    private static Field field(String name, String endpoint, String problemField, int maxLength, Supplier<Target> target) {
        return new Field(name, endpoint, problemField, maxLength, target);
    }

    /** Every free-text field of the service. Add new ones here (see the class comment). */
    private List<Field> fields() {
        return List.of(
                // areas and places
                field("area name", "POST /api/v1/areas", "name", 200,
                        () -> creates(adminApi, "/api/v1/areas", text -> Map.of("name", text, "municipality", "Gävle"), () -> rows("area"))),
                field("area municipality", "POST /api/v1/areas", "municipality", 200,
                        () -> creates(adminApi, "/api/v1/areas", text -> Map.of("name", Fixtures.unique("Sättra"), "municipality", text),
                                () -> rows("area"))),
                field("area description", "POST /api/v1/areas", "description", 4000,
                        () -> creates(adminApi, "/api/v1/areas", text -> Map.of("name", Fixtures.unique("Sättra"), "municipality", "Gävle",
                                "description", text), () -> rows("area"))),
                field("area name, changed", "PUT /api/v1/areas/{id}", "name", 200,
                        () -> updates(adminApi, "/api/v1/areas/" + newArea(), text -> Map.of("name", text, "municipality", "Gävle"))),
                field("area municipality, changed", "PUT /api/v1/areas/{id}", "municipality", 200,
                        () -> updates(adminApi, "/api/v1/areas/" + newArea(), text -> Map.of("name", Fixtures.unique("Sättra"),
                                "municipality", text))),
                field("area description, changed", "PUT /api/v1/areas/{id}", "description", 4000,
                        () -> updates(adminApi, "/api/v1/areas/" + newArea(), text -> Map.of("name", Fixtures.unique("Sättra"),
                                "municipality", "Gävle", "description", text))),
                field("place name", "POST /api/v1/areas/{id}/places", "name", 200,
                        () -> creates(adminApi, "/api/v1/areas/" + area.id() + "/places", text -> Map.of("name", text),
                                () -> read(adminApi, "/api/v1/areas/" + area.id() + "/places"))),
                field("place address", "POST /api/v1/areas/{id}/places", "address", 300,
                        () -> creates(adminApi, "/api/v1/areas/" + area.id() + "/places", text -> Map.of("name", Fixtures.unique("Torget"), "address", text),
                                () -> read(adminApi, "/api/v1/areas/" + area.id() + "/places"))),
                field("place name, changed", "PUT /api/v1/places/{id}", "name", 200,
                        () -> updates(adminApi, "/api/v1/places/" + newPlace(), text -> Map.of("name", text))),
                field("place address, changed", "PUT /api/v1/places/{id}", "address", 300,
                        () -> updates(adminApi, "/api/v1/places/" + newPlace(), text -> Map.of("name", "Gångtunneln", "address", text))),
                // organisations, contact people, users, API tokens
                field("organisation name", "POST /api/v1/organisations", "name", 200,
                        () -> creates(adminApi, "/api/v1/organisations", text -> Map.of("name", text, "type", "ASSOCIATION"),
                                () -> rows("organisation"))),
                field("organisation name, changed", "PUT /api/v1/organisations/{id}", "name", 200,
                        () -> updates(adminApi, "/api/v1/organisations/" + fixtures.organisation().id(),
                                text -> Map.of("name", text, "type", "ASSOCIATION"))),
                field("contact person name", "POST /api/v1/organisations/{id}/contacts", "name", 200,
                        () -> creates(adminApi, "/api/v1/organisations/" + housing.id() + "/contacts",
                                text -> Map.of("name", text, "email", "kontakt@gavlegardarna.se"),
                                () -> read(adminApi, "/api/v1/organisations/" + housing.id() + "/contacts"))),
                field("contact person title", "POST /api/v1/organisations/{id}/contacts", "title", 200,
                        () -> creates(adminApi, "/api/v1/organisations/" + housing.id() + "/contacts",
                                text -> Map.of("name", "Anna Andersson", "title", text, "phone", "026-17 80 00"),
                                () -> read(adminApi, "/api/v1/organisations/" + housing.id() + "/contacts"))),
                field("contact person name, changed", "PUT /api/v1/contacts/{id}", "name", 200,
                        () -> updates(adminApi, "/api/v1/contacts/" + newContact(), text -> Map.of("name", text, "phone", "070-123 45 67"))),
                field("contact person title, changed", "PUT /api/v1/contacts/{id}", "title", 200,
                        () -> updates(adminApi, "/api/v1/contacts/" + newContact(), text -> Map.of("name", "Bo Berg", "title", text,
                                "phone", "070-123 45 67"))),
                field("user name", "POST /api/v1/users", "name", 200,
                        () -> creates(adminApi, "/api/v1/users", text -> Map.of("email", email(), "name", text, "language", "sv",
                                "roles", List.of("PARTNER")), () -> rows("app_user"))),
                field("user name, changed", "PUT /api/v1/users/{id}", "name", 200, () -> {
                    User user = fixtures.user(Set.of(Role.PARTNER));
                    return updates(adminApi, "/api/v1/users/" + user.id(), text -> Map.of("email", user.email(), "name", text,
                            "language", "sv", "roles", List.of("PARTNER")));
                }),
                field("API token name", "POST /api/v1/auth/tokens", "name", 100, () -> {
                    User user = fixtures.userWithPassword(Set.of(Role.PARTNER));
                    return creates(new Http(server), "/api/v1/auth/tokens", text -> Map.of("email", user.email(),
                            "password", Fixtures.PASSWORD, "name", text), () -> rows("api_token"));
                }),
                // network groups and meetings
                field("network group name", "POST /api/v1/network-groups", "name", 200,
                        () -> creates(coordinatorApi, "/api/v1/network-groups", text -> Map.of("areaId", area.id(), "name", text),
                                () -> read(coordinatorApi, "/api/v1/network-groups?areaId=" + area.id() + "&limit=200"))),
                field("network group name, changed", "PUT /api/v1/network-groups/{id}", "name", 200,
                        () -> updates(coordinatorApi, "/api/v1/network-groups/" + group, text -> Map.of("areaId", area.id(), "name", text,
                                "memberOrganisationIds", List.of(municipality.id(), housing.id()), "coordinatorUserIds",
                                List.of(coordinator.id())))),
                field("meeting title", "POST /api/v1/meetings", "title", 200,
                        () -> creates(coordinatorApi, "/api/v1/meetings", text -> meeting(text, null), this::meetingsOfTheGroup)),
                field("meeting address", "POST /api/v1/meetings", "address", 300,
                        () -> creates(coordinatorApi, "/api/v1/meetings", text -> meeting("Nätverksmöte", text), this::meetingsOfTheGroup)),
                field("meeting title, changed", "PUT /api/v1/meetings/{id}", "title", 200,
                        () -> updates(coordinatorApi, "/api/v1/meetings/" + newMeeting(), text -> meeting(text, null))),
                field("meeting address, changed", "PUT /api/v1/meetings/{id}", "address", 300,
                        () -> updates(coordinatorApi, "/api/v1/meetings/" + newMeeting(), text -> meeting("Nätverksmöte", text))),
                field("cancellation reason", "POST /api/v1/meetings/{id}/cancel", "reason", 1000, this::cancellation),
                field("agenda point title", "PUT /api/v1/meetings/{id}/agenda", "agenda[0].title", 500, () -> {
                    long meeting = newMeeting();
                    return updates(coordinatorApi, "PUT", "/api/v1/meetings/" + meeting + "/agenda", "/api/v1/meetings/" + meeting,
                            text -> List.of(Map.of("title", text)));
                }),
                field("minutes notes", "PUT /api/v1/meetings/{id}/minutes/{agendaItemId}", "notes", 20_000,
                        () -> minutes(text -> Map.of("notes", text))),
                field("minutes decision", "PUT /api/v1/meetings/{id}/minutes/{agendaItemId}", "decision", 4000,
                        () -> minutes(text -> Map.of("decision", text))),
                // action items and their comments
                field("action item title", "POST /api/v1/action-items", "title", 500, () -> {
                    long meeting = newMeeting();
                    return creates(coordinatorApi, "/api/v1/action-items", text -> Map.of("meetingId", meeting, "title", text,
                            "responsibleOrganisationId", housing.id()), () -> read(coordinatorApi, "/api/v1/action-items?meetingId=" + meeting));
                }),
                field("action item title, changed", "PUT /api/v1/action-items/{id}", "title", 500, () -> {
                    long meeting = newMeeting();
                    long item = newActionItem(meeting);
                    return updates(coordinatorApi, "/api/v1/action-items/" + item, text -> Map.of("meetingId", meeting, "title", text,
                            "responsibleOrganisationId", housing.id()));
                }),
                field("action item comment", "POST /api/v1/action-items/{id}/comments", "text", 4000, () -> {
                    long item = newActionItem(newMeeting());
                    return creates(coordinatorApi, "/api/v1/action-items/" + item + "/comments", text -> Map.of("text", text),
                            () -> read(coordinatorApi, "/api/v1/action-items/" + item + "/comments"));
                }),
                // weekly place reports (EST)
                field("place report upcoming events", "POST /api/v1/place-reports", "upcomingEvents", 2000, () -> {
                    long place = newPlace();
                    return creates(coordinatorApi, "/api/v1/place-reports", text -> placeReport(place, text, null), () -> rows("place_report"));
                }),
                field("place report comment", "POST /api/v1/place-reports", "comment", 4000, () -> {
                    long place = newPlace();
                    return creates(coordinatorApi, "/api/v1/place-reports", text -> placeReport(place, null, text), () -> rows("place_report"));
                }),
                field("place report upcoming events, changed", "PUT /api/v1/place-reports/{id}", "upcomingEvents", 2000, () -> {
                    long place = newPlace();
                    return updates(coordinatorApi, "/api/v1/place-reports/" + newPlaceReport(place), text -> placeReport(place, text, null));
                }),
                field("place report comment, changed", "PUT /api/v1/place-reports/{id}", "comment", 4000, () -> {
                    long place = newPlace();
                    return updates(coordinatorApi, "/api/v1/place-reports/" + newPlaceReport(place), text -> placeReport(place, null, text));
                }),
                // the activity log: activities, their types, observations and their handover
                field("activity description", "POST /api/v1/activities", "description", 4000,
                        () -> creates(coordinatorApi, "/api/v1/activities", this::activity, () -> rows("activity"))),
                field("activity description, changed", "PUT /api/v1/activities/{id}", "description", 4000,
                        () -> updates(coordinatorApi, "/api/v1/activities/" + id(coordinatorApi.postJson("/api/v1/activities",
                                activity("Nattvandring, lugn kväll"))), this::activity)),
                field("activity type name", "POST /api/v1/categories", "name", 200,
                        () -> creates(adminApi, "/api/v1/categories", text -> Map.of("kind", "ACTIVITY_TYPE", "name", text),
                                () -> rows("category"))),
                field("observation category name, changed", "PUT /api/v1/categories/{id}", "name", 200,
                        () -> updates(adminApi, "PUT", "/api/v1/categories/" + id(adminApi.postJson("/api/v1/categories",
                                Map.of("kind", "OBSERVATION_CATEGORY", "name", Fixtures.unique("Klotter")))),
                                "/api/v1/categories?kind=OBSERVATION_CATEGORY", text -> Map.of("kind", "OBSERVATION_CATEGORY", "name", text))),
                field("observation description", "POST /api/v1/observations", "description", 4000,
                        () -> creates(coordinatorApi, "/api/v1/observations", this::observation, () -> rows("observation"))),
                field("observation description, changed", "PUT /api/v1/observations/{id}", "description", 4000,
                        () -> updates(coordinatorApi, "/api/v1/observations/" + newObservation(), this::observation)),
                field("handover title", "POST /api/v1/observations/{id}/handover", "title", 500, this::handover),
                // method templates (admins)
                field("method template name", "POST /api/v1/method-templates", "name", 200,
                        () -> creates(adminApi, "/api/v1/method-templates", text -> methodTemplate(text, null, "Affischer", null),
                                () -> rows("method_template"))),
                field("method template description", "POST /api/v1/method-templates", "description", 4000,
                        () -> creates(adminApi, "/api/v1/method-templates", text -> methodTemplate(Fixtures.unique("Mall"), text,
                                "Affischer", null), () -> rows("method_template"))),
                field("method template step name", "POST /api/v1/method-templates", "steps[0].name", 200,
                        () -> creates(adminApi, "/api/v1/method-templates", text -> methodTemplate(Fixtures.unique("Mall"), null, text,
                                null), () -> rows("method_template_step"))),
                field("method template step description", "POST /api/v1/method-templates", "steps[0].description", 2000,
                        () -> creates(adminApi, "/api/v1/method-templates", text -> methodTemplate(Fixtures.unique("Mall"), null,
                                "Affischer", text), () -> rows("method_template_step"))),
                field("method template name, changed", "PUT /api/v1/method-templates/{id}", "name", 200,
                        () -> updates(adminApi, "/api/v1/method-templates/" + newMethodTemplate(),
                                text -> methodTemplate(text, null, "Affischer", null))),
                field("method template description, changed", "PUT /api/v1/method-templates/{id}", "description", 4000,
                        () -> updates(adminApi, "/api/v1/method-templates/" + newMethodTemplate(),
                                text -> methodTemplate(Fixtures.unique("Mall"), text, "Affischer", null))),
                field("method template step name, changed", "PUT /api/v1/method-templates/{id}", "steps[0].name", 200,
                        () -> updates(adminApi, "/api/v1/method-templates/" + newMethodTemplate(),
                                text -> methodTemplate(Fixtures.unique("Mall"), null, text, null))),
                field("method template step description, changed", "PUT /api/v1/method-templates/{id}", "steps[0].description", 2000,
                        () -> updates(adminApi, "/api/v1/method-templates/" + newMethodTemplate(),
                                text -> methodTemplate(Fixtures.unique("Mall"), null, "Affischer", text))),
                // rollouts: their names, their properties' addresses, the notes and reasons of property steps
                field("rollout name", "POST /api/v1/rollouts", "name", 200,
                        () -> creates(coordinatorApi, "/api/v1/rollouts", text -> rollout(text, null), () -> rows("rollout"))),
                field("rollout property address", "POST /api/v1/rollouts", "properties[0].address", 200,
                        () -> creates(coordinatorApi, "/api/v1/rollouts", text -> rollout(null, text), () -> rows("rollout_property"))),
                field("rollout name, changed", "PUT /api/v1/rollouts/{id}", "name", 200,
                        () -> updates(coordinatorApi, "/api/v1/rollouts/" + newRollout(), text -> Map.of("name", text))),
                field("rollout property address, added", "POST /api/v1/rollouts/{id}/properties", "address", 200, () -> {
                    long rollout = newRollout();
                    return creates(coordinatorApi, "/api/v1/rollouts/" + rollout + "/properties", this::rolloutProperty,
                            () -> read(coordinatorApi, "/api/v1/rollouts/" + rollout + "/properties?limit=200"));
                }),
                field("rollout property address, changed", "PUT /api/v1/rollout-properties/{id}", "address", 200,
                        () -> updates(coordinatorApi, "/api/v1/rollout-properties/" + newRolloutProperty(), this::rolloutProperty)),
                field("property step note", "PUT /api/v1/property-steps/{id}", "note", 2000,
                        () -> updates(coordinatorApi, "/api/v1/property-steps/" + newPropertyStep(),
                                text -> Map.of("state", "IN_PROGRESS", "note", text))),
                field("property step not-applicable reason", "PUT /api/v1/property-steps/{id}", "notApplicableReason", 500,
                        () -> updates(coordinatorApi, "/api/v1/property-steps/" + newPropertyStep(),
                                text -> Map.of("state", "NOT_APPLICABLE", "notApplicableReason", text))),
                // service points, presence slots and exceptions
                field("service point name", "POST /api/v1/service-points", "name", 200,
                        () -> creates(coordinatorApi, "/api/v1/service-points", text -> servicePoint(text, "Sätra centrum 4", null, null),
                                () -> rows("service_point"))),
                field("service point address", "POST /api/v1/service-points", "address", 200,
                        () -> creates(coordinatorApi, "/api/v1/service-points", text -> servicePoint(Fixtures.unique("Servicepunkt"), text,
                                null, null), () -> rows("service_point"))),
                field("service point accessibility note", "POST /api/v1/service-points", "accessibilityNote", 1000,
                        () -> creates(coordinatorApi, "/api/v1/service-points", text -> servicePoint(Fixtures.unique("Servicepunkt"),
                                "Sätra centrum 4", text, null), () -> rows("service_point"))),
                field("service point description", "POST /api/v1/service-points", "description", 2000,
                        () -> creates(coordinatorApi, "/api/v1/service-points", text -> servicePoint(Fixtures.unique("Servicepunkt"),
                                "Sätra centrum 4", null, text), () -> rows("service_point"))),
                field("service point name, changed", "PUT /api/v1/service-points/{id}", "name", 200,
                        () -> updates(coordinatorApi, "/api/v1/service-points/" + newServicePoint(),
                                text -> servicePoint(text, "Sätra centrum 4", null, null))),
                field("service point address, changed", "PUT /api/v1/service-points/{id}", "address", 200, () -> {
                    String name = Fixtures.unique("Servicepunkt");
                    return updates(coordinatorApi, "/api/v1/service-points/" + newServicePoint(name), text -> servicePoint(name, text, null, null));
                }),
                field("service point accessibility note, changed", "PUT /api/v1/service-points/{id}", "accessibilityNote", 1000, () -> {
                    String name = Fixtures.unique("Servicepunkt");
                    return updates(coordinatorApi, "/api/v1/service-points/" + newServicePoint(name),
                            text -> servicePoint(name, "Sätra centrum 4", text, null));
                }),
                field("service point description, changed", "PUT /api/v1/service-points/{id}", "description", 2000, () -> {
                    String name = Fixtures.unique("Servicepunkt");
                    return updates(coordinatorApi, "/api/v1/service-points/" + newServicePoint(name),
                            text -> servicePoint(name, "Sätra centrum 4", null, text));
                }),
                field("presence slot help note", "POST /api/v1/service-points/{id}/slots", "helpNote", 500, () -> {
                    long point = newServicePoint();
                    return creates(coordinatorApi, "/api/v1/service-points/" + point + "/slots", this::presenceSlot,
                            () -> read(coordinatorApi, "/api/v1/service-points/" + point + "/slots"));
                }),
                field("presence slot help note, changed", "PUT /api/v1/presence-slots/{id}", "helpNote", 500,
                        () -> updates(coordinatorApi, "/api/v1/presence-slots/" + id(coordinatorApi.postJson("/api/v1/service-points/"
                                + newServicePoint() + "/slots", presenceSlot("Ta med legitimation"))), this::presenceSlot)),
                field("presence exception reason", "POST /api/v1/service-points/{id}/exceptions", "reason", 200, this::closure),
                // programme follow-up: the tree's names and descriptions, indicators, measurements, overrides, comments
                field("programme name", "POST /api/v1/programmes", "name", 200,
                        () -> creates(adminApi, "/api/v1/programmes", text -> programme(text, null, null), () -> rows("programme"))),
                field("programme adopted by", "POST /api/v1/programmes", "adoptedBy", 200,
                        () -> creates(adminApi, "/api/v1/programmes", text -> programme(Fixtures.unique("Program"), text, null),
                                () -> rows("programme"))),
                field("programme description", "POST /api/v1/programmes", "description", 4000,
                        () -> creates(adminApi, "/api/v1/programmes", text -> programme(Fixtures.unique("Program"), null, text),
                                () -> rows("programme"))),
                field("programme name, changed", "PUT /api/v1/programmes/{id}", "name", 200,
                        () -> updates(adminApi, "/api/v1/programmes/" + newProgramme(), text -> programme(text, null, null))),
                field("programme adopted by, changed", "PUT /api/v1/programmes/{id}", "adoptedBy", 200,
                        () -> updates(adminApi, "/api/v1/programmes/" + newProgramme(), text -> programme(Fixtures.unique("Program"), text,
                                null))),
                field("programme description, changed", "PUT /api/v1/programmes/{id}", "description", 4000,
                        () -> updates(adminApi, "/api/v1/programmes/" + newProgramme(), text -> programme(Fixtures.unique("Program"), null,
                                text))),
                field("focus area name", "POST /api/v1/programmes/{id}/focus-areas", "name", 200,
                        () -> creates(adminApi, "/api/v1/programmes/" + newProgramme() + "/focus-areas", text -> named(text, null),
                                () -> rows("focus_area"))),
                field("focus area description", "POST /api/v1/programmes/{id}/focus-areas", "description", 4000,
                        () -> creates(adminApi, "/api/v1/programmes/" + newProgramme() + "/focus-areas",
                                text -> named(Fixtures.unique("Trygghet"), text), () -> rows("focus_area"))),
                field("focus area name, changed", "PUT /api/v1/focus-areas/{id}", "name", 200,
                        () -> updates(adminApi, "/api/v1/focus-areas/" + newFocusArea(), text -> named(text, null))),
                field("focus area description, changed", "PUT /api/v1/focus-areas/{id}", "description", 4000,
                        () -> updates(adminApi, "/api/v1/focus-areas/" + newFocusArea(), text -> named("Trygghet", text))),
                field("goal name", "POST /api/v1/focus-areas/{id}/goals", "name", 200,
                        () -> creates(adminApi, "/api/v1/focus-areas/" + newFocusArea() + "/goals", text -> named(text, null),
                                () -> rows("programme_goal"))),
                field("goal description", "POST /api/v1/focus-areas/{id}/goals", "description", 4000,
                        () -> creates(adminApi, "/api/v1/focus-areas/" + newFocusArea() + "/goals",
                                text -> named(Fixtures.unique("Mål"), text), () -> rows("programme_goal"))),
                field("goal name, changed", "PUT /api/v1/goals/{id}", "name", 200,
                        () -> updates(adminApi, "/api/v1/goals/" + newGoal(), text -> named(text, null))),
                field("goal description, changed", "PUT /api/v1/goals/{id}", "description", 4000,
                        () -> updates(adminApi, "/api/v1/goals/" + newGoal(), text -> named("En kommun fri från våld", text))),
                field("measure name", "POST /api/v1/goals/{id}/measures", "name", 200,
                        () -> creates(adminApi, "/api/v1/goals/" + newGoal() + "/measures", text -> programmeMeasure(text, null),
                                () -> rows("measure"))),
                field("measure description", "POST /api/v1/goals/{id}/measures", "description", 4000,
                        () -> creates(adminApi, "/api/v1/goals/" + newGoal() + "/measures",
                                text -> programmeMeasure(Fixtures.unique("Huskurage"), text), () -> rows("measure"))),
                field("measure name, changed", "PUT /api/v1/measures/{id}", "name", 200,
                        () -> updates(adminApi, "/api/v1/measures/" + newMeasure(), text -> programmeMeasure(text, null))),
                field("measure description, changed", "PUT /api/v1/measures/{id}", "description", 4000,
                        () -> updates(adminApi, "/api/v1/measures/" + newMeasure(), text -> programmeMeasure("Huskurage", text))),
                field("indicator name", "POST /api/v1/indicators", "name", 200,
                        () -> creates(adminApi, "/api/v1/indicators", text -> indicator(newGoal(), text, null), () -> rows("indicator"))),
                field("indicator description", "POST /api/v1/indicators", "description", 4000,
                        () -> creates(adminApi, "/api/v1/indicators", text -> indicator(newGoal(), "Trygghet", text), () -> rows("indicator"))),
                field("indicator name, changed", "PUT /api/v1/indicators/{id}", "name", 200,
                        () -> updates(adminApi, "/api/v1/indicators/" + newIndicator(), text -> indicator(null, text, null))),
                field("indicator description, changed", "PUT /api/v1/indicators/{id}", "description", 4000,
                        () -> updates(adminApi, "/api/v1/indicators/" + newIndicator(), text -> indicator(null, "Trygghet", text))),
                field("measurement source", "POST /api/v1/indicators/{id}/measurements", "source", 200,
                        () -> creates(adminApi, "/api/v1/indicators/" + newIndicator() + "/measurements", text -> measurement(text, null),
                                () -> rows("measurement"))),
                field("measurement comment", "POST /api/v1/indicators/{id}/measurements", "comment", 2000,
                        () -> creates(adminApi, "/api/v1/indicators/" + newIndicator() + "/measurements", text -> measurement(null, text),
                                () -> rows("measurement"))),
                field("goal status justification", "PUT /api/v1/goals/{id}/status-override", "justification", 2000, () -> {
                    long goal = newGoal();
                    return updates(adminApi, "PUT", "/api/v1/goals/" + goal + "/status-override", "/api/v1/goals/" + goal, this::override);
                }),
                field("measure status justification", "PUT /api/v1/measures/{id}/status-override", "justification", 2000, () -> {
                    long measure = newMeasure();
                    return updates(adminApi, "PUT", "/api/v1/measures/" + measure + "/status-override", "/api/v1/measures/" + measure,
                            this::override);
                }),
                field("indicator status justification", "PUT /api/v1/indicators/{id}/status-override", "justification", 2000, () -> {
                    long indicator = newIndicator();
                    return updates(adminApi, "PUT", "/api/v1/indicators/" + indicator + "/status-override", "/api/v1/indicators/" + indicator,
                            this::override);
                }),
                field("progress comment", "POST /api/v1/progress-comments", "text", 4000, () -> {
                    long goal = newGoal();
                    return creates(coordinatorApi, "/api/v1/progress-comments", text -> Map.of("subjectType", "GOAL", "subjectId", goal,
                            "year", 2026, "quarter", 4, "text", text), () -> rows("progress_comment"));
                }));
    }

    private Map<String, Object> servicePoint(String name, String address, String accessibilityNote, String description) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("areaId", area.id(), "name", name, "kind", "SERVICE_CENTRE",
                "address", address));
        if (accessibilityNote != null) {
            body.put("accessibilityNote", accessibilityNote);
        }
        if (description != null) {
            body.put("description", description);
        }
        return body;
    }

    private long newServicePoint() {
        return newServicePoint(Fixtures.unique("Servicepunkt"));
    }

    private long newServicePoint(String name) {
        return id(coordinatorApi.postJson("/api/v1/service-points", servicePoint(name, "Sätra centrum 4", null, null)));
    }

    private Map<String, Object> presenceSlot(String helpNote) {
        return Map.of("organisationId", municipality.id(), "weekday", "TUESDAY", "startsAt", "10:00", "endsAt", "12:00",
                "help", List.of("MUNICIPAL_SERVICES"), "languages", List.of("sv", "ar"), "helpNote", helpNote);
    }

    /** A service point is closed once a day: each accepted reason closes the next day. */
    private Target closure() {
        long point = newServicePoint();
        return new Target() {
            private LocalDate day = LocalDate.of(2031, 1, 1);

            @Override
            public Http.Response send(String text) {
                Http.Response response = coordinatorApi.postJson("/api/v1/service-points/" + point + "/exceptions",
                        Map.of("date", day.toString(), "reason", text));
                if (response.status() / 100 == 2) {
                    day = day.plusDays(1);
                }
                return response;
            }

            @Override
            public String state() {
                return read(coordinatorApi, "/api/v1/service-points/" + point + "/exceptions?from=2031-01-01");
            }
        };
    }

    private Map<String, Object> rollout(String name, String address) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("templateId", server.services().methodTemplates().list(null, false).stream()
                .filter(t -> t.name().equals("Huskurage")).findFirst().orElseThrow().id(), "areaId", area.id(),
                "startDate", "2027-03-01", "targetDate", "2027-12-31"));
        if (name != null) {
            body.put("name", name);
        }
        if (address != null) {
            body.put("properties", List.of(rolloutProperty(address)));
        }
        return body;
    }

    private Map<String, Object> rolloutProperty(String address) {
        return Map.of("address", address, "ownerOrganisationId", housing.id(), "stairwells", 2, "apartments", 16);
    }

    private long newRollout() {
        return id(coordinatorApi.postJson("/api/v1/rollouts", rollout(null, null)));
    }

    private long newRolloutProperty() {
        return id(coordinatorApi.postJson("/api/v1/rollouts/" + newRollout() + "/properties", rolloutProperty("Sätragatan 1")));
    }

    private long newPropertyStep() {
        long property = newRolloutProperty();
        return coordinatorApi.getJson("/api/v1/rollout-properties/" + property).json().at("/steps/3/id").asLong();
    }

    private static Map<String, Object> methodTemplate(String name, String description, String stepName, String stepDescription) {
        Map<String, Object> step = new java.util.HashMap<>(Map.of("name", stepName, "responsibleType", "HOUSING_COMPANY",
                "offsetDays", 14, "covering", true));
        if (stepDescription != null) {
            step.put("description", stepDescription);
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "steps", List.of(step)));
        if (description != null) {
            body.put("description", description);
        }
        return body;
    }

    private long newMethodTemplate() {
        return id(adminApi.postJson("/api/v1/method-templates", methodTemplate(Fixtures.unique("Mall"), "Införs trapphus för trapphus",
                "Affischer i trapphusen", null)));
    }

    private Map<String, Object> activity(String description) {
        return Map.of("areaId", area.id(), "typeId", firstCategory("ACTIVITY_TYPE"), "startsAt", "2026-10-02T21:00:00+02:00",
                "endsAt", "2026-10-03T01:00:00+02:00", "description", description);
    }

    private Map<String, Object> observation(String description) {
        return Map.of("areaId", area.id(), "categoryId", firstCategory("OBSERVATION_CATEGORY"), "observedAt", "2026-10-02T22:15",
                "description", description);
    }

    private long newObservation() {
        return id(coordinatorApi.postJson("/api/v1/observations", observation("Två lampor är trasiga i gångtunneln")));
    }

    private long firstCategory(String kind) {
        return coordinatorApi.getJson("/api/v1/categories?kind=" + kind).json().get(0).get("id").asLong();
    }

    /** An observation is handed over once: each accepted title hands over the next of a row of observations. */
    private Target handover() {
        return new Target() {
            private long observation = newObservation();

            @Override
            public Http.Response send(String text) {
                Http.Response response = coordinatorApi.postJson("/api/v1/observations/" + observation + "/handover",
                        Map.of("responsibleOrganisationId", housing.id(), "title", text));
                if (response.status() / 100 == 2) {
                    observation = newObservation();
                }
                return response;
            }

            @Override
            public String state() {
                return rows("action_item") + ", " + read(coordinatorApi, "/api/v1/observations/" + observation);
            }
        };
    }

    private static Map<String, Object> placeReport(long place, String upcomingEvents, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("placeId", place, "vandalism", 1, "littering", 2, "lighting", 0,
                "gatherings", 1, "incidentsAgainstStaff", 0, "visibility", "NETWORK"));
        if (upcomingEvents != null) {
            body.put("upcomingEvents", upcomingEvents);
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private long newPlaceReport(long place) {
        return id(coordinatorApi.postJson("/api/v1/place-reports", placeReport(place, "Skolavslutning på fredag", "Lugn vecka")));
    }

    @Test
    void everyWrittenFormOfAPersonalNumberIsRefusedInEveryFreeTextFieldAndNothingIsStored() {
        List<String> failures = new ArrayList<>();
        List<Field> fields = fields();
        for (int f = 0; f < fields.size(); f++) {
            Field field = fields.get(f);
            Target target = field.target().get();
            String before = target.state();
            for (int i = 0; i < PersonalNumberGuardTest.FORMS.size(); i++) {
                Form form = PersonalNumberGuardTest.FORMS.get(i);
                // Every form once as a personal identity number and once as a coordination number; numbers and the text
                // around them rotate with the field, so that the whole corpus passes through the whole table.
                for (Number number : List.of(PersonalNumberGuardTest.NUMBERS.get((i + f) % 5),
                        PersonalNumberGuardTest.NUMBERS.get(5 + (i + f) % 5))) {
                    String written = form.write().apply(number);
                    String text = PersonalNumberGuardTest.CONTEXTS.get((i + f) % PersonalNumberGuardTest.CONTEXTS.size()).apply(written);
                    String masked = (form.withCentury() ? number.yyyymmdd() : number.yymmdd()) + "-****";
                    String refusal = refusal(target.send(text), field.problemField(), masked, text.indexOf(written) + 1);
                    if (refusal != null) {
                        failures.add(field.name() + " (" + field.endpoint() + "), " + form.name() + " in \"" + text + "\": " + refusal);
                    }
                }
            }
            String after = target.state();
            if (!after.equals(before)) {
                failures.add(field.name() + " (" + field.endpoint() + "): a refused call changed what is stored:\n  before " + before
                        + "\n  after  " + after);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void ordinarySwedishTextWithDatesPhoneNumbersAndAmountsIsAcceptedInEveryFreeTextField() {
        List<String> failures = new ArrayList<>();
        for (Field field : fields()) {
            Target target = field.target().get();
            // Names must be unique (of areas, places, organisations, groups): each text ends in a tag of its own.
            for (String joined : joined(PersonalNumberGuardTest.ORDINARY, field.maxLength() - TAG_LENGTH)) {
                String text = joined + " " + Fixtures.unique("ref");
                Http.Response response = target.send(text);
                if (response.status() / 100 != 2) {
                    failures.add(field.name() + " (" + field.endpoint() + ") refused \"" + text + "\": " + response.status() + " "
                            + response.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aRefusedFormShowsTheMessageBesideTheFieldAndKeepsWhatWasTyped() {
        long meeting = newMeeting();
        long item = newActionItem(meeting);
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/action-items/" + item + "/edit");

        String typed = "Ring upp anmälaren (19121212-1212) om lampan";
        Http.Response refused = browser.postForm("/action-items/" + item + "/edit", Map.of("title", typed,
                "responsibleOrganisationId", Long.toString(housing.id()), "dueDate", "2027-10-15", "visibility", "NETWORK"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Texten innehåller ett personnummer (19121212-**** vid tecken 21).")
                .contains("Personnummer får inte sparas i fritext här")
                .contains("href=\"#title\"").contains("title-error")
                .contains("value=\"" + typed + "\"").contains("value=\"2027-10-15\"");
        assertThat(coordinatorApi.getJson("/api/v1/action-items/" + item).json().get("title").asText()).isEqualTo("Kartlägg mörka stråk");

        browser.get("/action-items/" + item);
        Http.Response comment = browser.postForm("/action-items/" + item + "/comments", Map.of("text", "Samordningsnummer 900577-2380"));
        assertThat(comment.status()).isEqualTo(422);
        assertThat(comment.body()).contains("Texten innehåller ett samordningsnummer (900577-**** vid tecken 19).")
                .contains("Samordningsnummer 900577-2380</textarea>");
        assertThat(coordinatorApi.getJson("/api/v1/action-items/" + item + "/comments").json()).isEmpty();
    }

    /**
     * The table misses no field: every string field of a JSON request body in the OpenAPI document
     * (not a date, not a choice among values) is either guarded here or named in {@link #NOT_FREE_TEXT}.
     */
    @Test
    void everyStringFieldOfTheApiIsInTheTableOrNamedAsNoFreeText() {
        JsonNode document = new Http(server).getJson("/api/openapi.json").json();
        Set<String> inTable = new TreeSet<>();
        for (Field field : fields()) {
            inTable.add(field.endpoint() + " " + field.problemField().replaceFirst("^.*\\]\\.", ""));
        }
        Set<String> unguarded = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode schema = operation.getValue().at("/requestBody/content/application~1json/schema");
            for (String property : stringProperties(document, schema, 0)) {
                String key = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " " + property;
                if (!inTable.contains(key) && !NOT_FREE_TEXT.contains(key)) {
                    unguarded.add(key);
                }
            }
        }));
        assertThat(unguarded).as("string fields of the API that are neither checked here nor named as no free text").isEmpty();
    }

    // What a refusal must look like

    /** Null when the answer is the refusal it should be, otherwise what is wrong with it. */
    private static String refusal(Http.Response response, String field, String masked, int position) {
        if (response.status() != 422 || !response.contentType().startsWith("application/problem+json")) {
            return "answered " + response.status() + " " + response.contentType() + " " + response.body();
        }
        for (JsonNode error : response.json().path("errors")) {
            String message = error.path("message").asText();
            if (error.path("field").asText().equals(field) && message.contains(masked)
                    && (message.contains("vid tecken " + position + ")") || message.contains("at character " + position + ")"))
                    && (message.contains("personnummer") || message.contains("samordningsnummer")
                    || message.contains("personal identity number") || message.contains("coordination number"))) {
                return null;
            }
        }
        return "no error on " + field + " with " + masked + " at character " + position + ": " + response.body();
    }

    // Building the table

    private Target creates(Http client, String path, Function<String, Object> body, Supplier<String> stored) {
        return new Target() {
            @Override
            public Http.Response send(String text) {
                return client.postJson(path, body.apply(text));
            }

            @Override
            public String state() {
                return stored.get();
            }
        };
    }

    private Target updates(Http client, String path, Function<String, Object> body) {
        return updates(client, "PUT", path, path, body);
    }

    private Target updates(Http client, String method, String path, String readPath, Function<String, Object> body) {
        return new Target() {
            @Override
            public Http.Response send(String text) {
                return client.sendJson(method, path, body.apply(text));
            }

            @Override
            public String state() {
                return read(client, readPath);
            }
        };
    }

    /** A cancelled meeting cannot be cancelled again: each accepted reason cancels the next of a row of meetings. */
    private Target cancellation() {
        return new Target() {
            private long meeting = newMeeting();

            @Override
            public Http.Response send(String text) {
                Http.Response response = coordinatorApi.postJson("/api/v1/meetings/" + meeting + "/cancel", Map.of("reason", text));
                if (response.status() / 100 == 2) {
                    meeting = newMeeting();
                }
                return response;
            }

            @Override
            public String state() {
                return read(coordinatorApi, "/api/v1/meetings/" + meeting);
            }
        };
    }

    private Target minutes(Function<String, Object> body) {
        long meeting = newMeeting();
        JsonNode agenda = coordinatorApi.putJson("/api/v1/meetings/" + meeting + "/agenda", List.of(Map.of("title", "Läget i området")))
                .json().get("agenda");
        long point = agenda.get(0).get("id").asLong();
        return updates(coordinatorApi, "PUT", "/api/v1/meetings/" + meeting + "/minutes/" + point, "/api/v1/meetings/" + meeting + "/minutes",
                body);
    }

    private Map<String, Object> meeting(String title, String address) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("networkGroupId", group, "title", title,
                "start", "2027-05-11T18:00", "end", "2027-05-11T19:30"));
        if (address != null) {
            body.put("address", address);
        }
        return body;
    }

    private String meetingsOfTheGroup() {
        return read(coordinatorApi, "/api/v1/meetings?networkGroupId=" + group + "&limit=200");
    }

    private long newArea() {
        return id(adminApi.postJson("/api/v1/areas", Map.of("name", Fixtures.unique("Sättra"), "municipality", "Gävle")));
    }

    private long newPlace() {
        return id(adminApi.postJson("/api/v1/areas/" + area.id() + "/places", Map.of("name", Fixtures.unique("Torget"))));
    }

    private long newContact() {
        return id(adminApi.postJson("/api/v1/organisations/" + housing.id() + "/contacts", Map.of("name", "Cecilia Ek",
                "email", "cecilia.ek@gavlegardarna.se")));
    }

    private long newMeeting() {
        return id(coordinatorApi.postJson("/api/v1/meetings", meeting("Nätverksmöte", null)));
    }

    private long newActionItem(long meeting) {
        return id(coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Kartlägg mörka stråk",
                "responsibleOrganisationId", housing.id())));
    }

    private static String email() {
        return Fixtures.unique("person").toLowerCase(java.util.Locale.ROOT) + "@test.samtrygg.se";
    }

    private String rows(String table) {
        return table + ": " + Sql.count(server.database(), "SELECT COUNT(*) FROM " + table) + " rows";
    }

    private static String read(Http client, String path) {
        Http.Response response = client.getJson(path);
        assertThat(response.status()).as("GET " + path).isEqualTo(200);
        return response.body();
    }

    private static long id(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static Map<String, Object> programme(String name, String adoptedBy, String description) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "periodStart", "2019-01-01", "periodEnd", "2030-12-31"));
        if (adoptedBy != null) {
            body.put("adoptedBy", adoptedBy);
        }
        if (description != null) {
            body.put("description", description);
        }
        return body;
    }

    private static Map<String, Object> named(String name, String description) {
        return description == null ? Map.of("name", name) : Map.of("name", name, "description", description);
    }

    private Map<String, Object> programmeMeasure(String name, String description) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "responsibleOrganisationId", municipality.id(),
                "startDate", "2019-03-01"));
        if (description != null) {
            body.put("description", description);
        }
        return body;
    }

    /** A MANUAL indicator on the goal ({@code goal} null: a change, which keeps where it belongs). */
    private static Map<String, Object> indicator(Long goal, String name, String description) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "unit", "procent", "direction", "HIGHER_IS_BETTER",
                "kind", "MANUAL"));
        if (goal != null) {
            body.put("goalId", goal);
        }
        if (description != null) {
            body.put("description", description);
        }
        return body;
    }

    private static Map<String, Object> measurement(String source, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("measuredOn", "2024-11-01", "value", 64));
        if (source != null) {
            body.put("source", source);
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private Map<String, Object> override(String justification) {
        return Map.of("status", "AT_RISK", "justification", justification);
    }

    private long newProgramme() {
        return id(adminApi.postJson("/api/v1/programmes", programme(Fixtures.unique("Program"), null, null)));
    }

    private long newFocusArea() {
        return id(adminApi.postJson("/api/v1/programmes/" + newProgramme() + "/focus-areas", named("Trygghet", null)));
    }

    private long newGoal() {
        return id(adminApi.postJson("/api/v1/focus-areas/" + newFocusArea() + "/goals", named("En kommun fri från våld", null)));
    }

    private long newMeasure() {
        return id(adminApi.postJson("/api/v1/goals/" + newGoal() + "/measures", programmeMeasure("Huskurage", null)));
    }

    private long newIndicator() {
        return id(adminApi.postJson("/api/v1/indicators", indicator(newGoal(), "Andel trygga", null)));
    }

    /** The ordinary texts run together into as few texts as the field's length allows. */
    private static List<String> joined(List<String> texts, int maxLength) {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String text : texts) {
            assertThat(text.length()).as("an ordinary text fits every field: " + text).isLessThanOrEqualTo(maxLength);
            if (current.length() > 0 && current.length() + 1 + text.length() > maxLength) {
                joined.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(text);
        }
        joined.add(current.toString());
        return joined;
    }

    /** The string properties of a request body's schema (following references and array items), by name. */
    private static List<String> stringProperties(JsonNode document, JsonNode schema, int depth) {
        List<String> names = new ArrayList<>();
        if (schema.isMissingNode() || depth > 5) {
            return names;
        }
        if (schema.has("$ref")) {
            return stringProperties(document, document.at(schema.get("$ref").asText().substring(1)), depth + 1);
        }
        if (schema.has("items")) {
            return stringProperties(document, schema.get("items"), depth + 1);
        }
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode type = property.getValue();
            if (type.has("$ref") || type.has("items")) {
                stringProperties(document, type, depth + 1).forEach(names::add);
            } else if ("string".equals(type.path("type").asText()) && !type.has("format") && !type.has("enum")) {
                names.add(property.getKey());
            }
        }
        return names;
    }
}
