package se.samtrygg.servicepoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationInput;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestServer;

class ServicePointTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final ServicePointService servicePoints = server.services().servicePoints();
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
    private final Organisation police = fixtures.organisation(OrganisationType.POLICE);
    private final Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR), municipality);
    private final User policePartner = fixtures.user(Set.of(Role.PARTNER), police);
    private final User housingPartner = fixtures.user(Set.of(Role.PARTNER), housing);
    private final Http coordinatorApi = new Http(server).bearer(fixtures.token(coordinator));
    private final Http policeApi = new Http(server).bearer(fixtures.token(policePartner));
    private final Http housingApi = new Http(server).bearer(fixtures.token(housingPartner));

    @Test
    void aCoordinatorCreatesAServicePointAndAPartnerAddsItsOrganisationsHoursButNotAnothers() {
        Http.Response created = coordinatorApi.postJson("/api/v1/service-points", Map.of("areaId", area.id(), "name", "Sätra servicepunkt",
                "kind", "SERVICE_CENTRE", "address", "Sätra centrum 4", "stepFree", true, "accessibilityNote", "Hörslinga i receptionen"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long point = created.json().get("id").asLong();
        assertThat(created.location()).endsWith("/api/v1/service-points/" + point);
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(created.json().get("hearingLoop").asBoolean()).isFalse();
        assertThat(created.json().get("areaName").asText()).isEqualTo(area.name());
        assertThat(policeApi.postJson("/api/v1/service-points", Map.of("areaId", area.id(), "name", "Polisens egen", "kind", "OTHER",
                "address", "Sätra centrum 5")).status()).as("partners do not create service points").isEqualTo(403);

        Http.Response slot = policeApi.postJson("/api/v1/service-points/" + point + "/slots", slot(police.id(), "TUESDAY", "10:00", "12:00",
                List.of("POLICE"), List.of("sv", " AR ")));
        assertThat(slot.status()).as(slot.body()).isEqualTo(201);
        assertThat(slot.json().get("organisationName").asText()).isEqualTo(police.name());
        assertThat(slot.json().get("startsAt").asText()).startsWith("10:00");
        assertThat(slot.json().get("languages").toString()).as("codes are stored lower-case, sorted").isEqualTo("[\"ar\",\"sv\"]");
        assertThat(slot.json().get("validFrom").asText()).as("from today when left out").isEqualTo(servicePoints.today().toString());

        Http.Response forAnother = policeApi.postJson("/api/v1/service-points/" + point + "/slots", slot(housing.id(), "THURSDAY", "13:00",
                "15:00", List.of("HOUSING"), List.of("sv")));
        assertThat(forAnother.status()).as("not for another organisation").isEqualTo(403);
        Http.Response ownByDefault = housingApi.postJson("/api/v1/service-points/" + point + "/slots", slot(null, "THURSDAY", "13:00",
                "15:00", List.of("HOUSING"), List.of("sv", "so")));
        assertThat(ownByDefault.status()).as("someone in one organisation adds for it without naming it").isEqualTo(201);
        assertThat(ownByDefault.json().get("organisationId").asLong()).isEqualTo(housing.id());

        JsonNode slots = coordinatorApi.getJson("/api/v1/service-points/" + point + "/slots").json().get("items");
        assertThat(slots).hasSize(2);
        assertThat(slots.get(0).get("weekday").asText()).isEqualTo("TUESDAY");
        assertThat(coordinatorApi.getJson("/api/v1/service-points?areaId=" + area.id()).json().get("items")).hasSize(1);
        assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'presence_slot' AND entity_id = ?",
                ownByDefault.json().get("id").asLong())).isEqualTo(1);
    }

    @Test
    void aPartnerChangesAndRemovesOnlyItsOwnOrganisationsSlots() {
        long point = point("Biblioteket");
        long policeSlot = addSlot(policeApi, point, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv"));
        long housingSlot = addSlot(housingApi, point, housing.id(), "TUESDAY", "13:00", "15:00", List.of("HOUSING"), List.of("sv"));

        Map<String, Object> change = slot(null, "WEDNESDAY", "09:00", "11:00", List.of("POLICE", "YOUTH_AND_PARENTS"), List.of("sv", "en"));
        assertThat(policeApi.putJson("/api/v1/presence-slots/" + housingSlot, change).status()).isEqualTo(403);
        assertThat(policeApi.delete("/api/v1/presence-slots/" + housingSlot).status()).isEqualTo(403);
        assertThat(coordinatorApi.putJson("/api/v1/presence-slots/" + policeSlot, change).status())
                .as("coordinators keep service points, not other organisations' hours").isEqualTo(403);
        Http.Response changed = policeApi.putJson("/api/v1/presence-slots/" + policeSlot, change);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("weekday").asText()).isEqualTo("WEDNESDAY");
        assertThat(changed.json().get("help").toString()).contains("YOUTH_AND_PARENTS");
        assertThat(changed.json().get("languages").toString()).isEqualTo("[\"en\",\"sv\"]");
        assertThat(policeApi.putJson("/api/v1/presence-slots/" + policeSlot, slot(housing.id(), "WEDNESDAY", "09:00", "11:00",
                List.of("POLICE"), List.of("sv"))).status()).as("nor handed to another organisation").isEqualTo(403);

        User admin = fixtures.user(Set.of(Role.ADMIN));
        Http adminApi = new Http(server).bearer(fixtures.token(admin));
        assertThat(adminApi.putJson("/api/v1/presence-slots/" + housingSlot, slot(null, "TUESDAY", "13:00", "16:00", List.of("HOUSING"),
                List.of("sv"))).status()).isEqualTo(200);
        assertThat(housingApi.delete("/api/v1/presence-slots/" + housingSlot).status()).isEqualTo(204);
        assertThat(housingApi.getJson("/api/v1/presence-slots/" + housingSlot).status()).isEqualTo(404);
        assertThat(coordinatorApi.getJson("/api/v1/service-points/" + point + "/slots").json().get("items")).hasSize(1);
    }

    @Test
    void closingTheServicePointOnAHolidayRemovesThatDaysPresencesWhileOtherDaysStay() {
        long point = point("Sätra servicepunkt");
        long other = point("Fritidsgården");
        addSlot(policeApi, point, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv", "ar"), "2030-01-01");
        long thursday = addSlot(housingApi, point, housing.id(), "THURSDAY", "13:00", "15:00", List.of("HOUSING"), List.of("sv"),
                "2030-01-01");
        addSlot(housingApi, other, housing.id(), "THURSDAY", "17:00", "19:00", List.of("YOUTH_AND_PARENTS"), List.of("sv"), "2030-01-01");
        LocalDate nationalDay = LocalDate.of(2030, 6, 6);

        assertThat(housingApi.postJson("/api/v1/service-points/" + point + "/exceptions", Map.of("date", nationalDay.toString(),
                "reason", "Nationaldagen")).status()).as("partners cancel their own hours, they do not close the point").isEqualTo(403);
        Http.Response closed = coordinatorApi.postJson("/api/v1/service-points/" + point + "/exceptions", Map.of("date",
                nationalDay.toString(), "reason", "Nationaldagen"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        assertThat(closed.json().get("slotId").isNull()).isTrue();
        assertThat(coordinatorApi.postJson("/api/v1/service-points/" + point + "/exceptions", Map.of("date", nationalDay.toString()))
                .json().get("errors").get(0).get("field").asText()).as("closed once").isEqualTo("date");

        List<String> days = presences(LocalDate.of(2030, 6, 3), LocalDate.of(2030, 6, 16), Optional.empty(), Optional.empty());
        assertThat(days).containsExactly(
                "2030-06-04 10:00 Sätra servicepunkt " + police.name(),
                "2030-06-06 17:00 Fritidsgården " + housing.name(),
                "2030-06-11 10:00 Sätra servicepunkt " + police.name(),
                "2030-06-13 13:00 Sätra servicepunkt " + housing.name(),
                "2030-06-13 17:00 Fritidsgården " + housing.name());
        assertThat(servicePoints.presences(area.id(), null, LocalDate.of(2030, 6, 3), LocalDate.of(2030, 6, 16), Optional.empty(),
                Optional.empty())).as("the Thursday hours of the closed point: not on the holiday, the week after")
                .filteredOn(p -> p.slot().id() == thursday).extracting(Presence::date).containsExactly(LocalDate.of(2030, 6, 13));
        JsonNode exceptions = coordinatorApi.getJson("/api/v1/service-points/" + point + "/exceptions?from=2030-06-01").json().get("items");
        assertThat(exceptions).hasSize(1);
        assertThat(exceptions.get(0).get("reason").asText()).isEqualTo("Nationaldagen");
        assertThat(coordinatorApi.getJson("/api/v1/service-points/" + point + "/exceptions?from=2030-06-07").json().get("items")).isEmpty();

        // Opened again: the day is back.
        assertThat(housingApi.delete("/api/v1/presence-exceptions/" + closed.json().get("id").asLong()).status()).isEqualTo(403);
        assertThat(coordinatorApi.delete("/api/v1/presence-exceptions/" + closed.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(presences(nationalDay, nationalDay, Optional.empty(), Optional.empty()))
                .containsExactly("2030-06-06 13:00 Sätra servicepunkt " + housing.name(), "2030-06-06 17:00 Fritidsgården " + housing.name());
        assertThat(servicePoints.presences(area.id(), null, nationalDay, nationalDay, Optional.empty(), Optional.empty()))
                .as("the Thursday hours closed on the holiday are back").filteredOn(p -> p.slot().id() == thursday)
                .extracting(p -> p.startsAt().toLocalTime()).containsExactly(LocalTime.of(13, 0));
    }

    @Test
    void aCancelledSlotDayDisappearsForThatSlotOnly() {
        long point = point("Biblioteket");
        long policeSlot = addSlot(policeApi, point, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv"), "2030-01-01");
        long housingSlot = addSlot(housingApi, point, housing.id(), "TUESDAY", "13:00", "15:00", List.of("HOUSING"), List.of("sv"),
                "2030-01-01");
        LocalDate tuesday = LocalDate.of(2030, 3, 5);

        assertThat(policeApi.postJson("/api/v1/service-points/" + point + "/exceptions", Map.of("slotId", housingSlot,
                "date", tuesday.toString())).status()).as("not another organisation's hours").isEqualTo(403);
        Http.Response wrongDay = policeApi.postJson("/api/v1/service-points/" + point + "/exceptions", Map.of("slotId", policeSlot,
                "date", tuesday.plusDays(1).toString()));
        assertThat(wrongDay.status()).isEqualTo(422);
        assertThat(wrongDay.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
        Http.Response cancelled = policeApi.postJson("/api/v1/service-points/" + point + "/exceptions", Map.of("slotId", policeSlot,
                "date", tuesday.toString(), "reason", "Utbildningsdag"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(201);

        assertThat(presences(tuesday.minusWeeks(1), tuesday.plusWeeks(1), Optional.empty(), Optional.empty())).containsExactly(
                "2030-02-26 10:00 Biblioteket " + police.name(),
                "2030-02-26 13:00 Biblioteket " + housing.name(),
                "2030-03-05 13:00 Biblioteket " + housing.name(),
                "2030-03-12 10:00 Biblioteket " + police.name(),
                "2030-03-12 13:00 Biblioteket " + housing.name());

        // A coordinator may cancel anyone's hours; the police restore their own day.
        assertThat(coordinatorApi.postJson("/api/v1/service-points/" + point + "/exceptions", Map.of("slotId", housingSlot,
                "date", tuesday.plusWeeks(1).toString())).status()).isEqualTo(201);
        assertThat(policeApi.delete("/api/v1/presence-exceptions/" + cancelled.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(presences(tuesday, tuesday.plusWeeks(1), Optional.empty(), Optional.empty())).containsExactly(
                "2030-03-05 10:00 Biblioteket " + police.name(),
                "2030-03-05 13:00 Biblioteket " + housing.name(),
                "2030-03-12 10:00 Biblioteket " + police.name());
    }

    @Test
    void refusedInputNamesTheFieldThatIsWrong() {
        long point = point("Servicecenter");
        assertThat(fields(policeApi.postJson("/api/v1/service-points/" + point + "/slots", slot(police.id(), "TUESDAY", "10:00", "12:00",
                List.of("POLICE"), List.of("sv", "xx"))))).containsExactly("languages");
        assertThat(fields(policeApi.postJson("/api/v1/service-points/" + point + "/slots", slot(police.id(), "TUESDAY", "12:00", "10:00",
                List.of("POLICE"), List.of("sv"))))).containsExactly("endsAt");
        assertThat(fields(policeApi.postJson("/api/v1/service-points/" + point + "/slots", slot(police.id(), "TUESDAY", "10:00", "12:00",
                List.of(), List.of())))).containsExactly("help", "languages");
        Map<String, Object> backwards = slot(police.id(), null, "10:00", "12:00", List.of("POLICE"), List.of("sv"));
        backwards.put("validFrom", "2030-05-01");
        backwards.put("validUntil", "2030-04-30");
        backwards.put("helpNote", "Ta med legitimation");
        assertThat(fields(policeApi.postJson("/api/v1/service-points/" + point + "/slots", backwards))).containsExactly("weekday", "validUntil");
        assertThat(fields(coordinatorApi.postJson("/api/v1/service-points", Map.of("areaId", area.id(), "name", "Servicecenter",
                "kind", "LIBRARY")))).containsExactly("name", "address");
        assertThat(fields(coordinatorApi.postJson("/api/v1/service-points", Map.of("areaId", area.id(), "name", "Ett till",
                "kind", "LIBRARY", "address", "x".repeat(201))))).containsExactly("address");
        Http.Response unknown = policeApi.postJson("/api/v1/service-points/" + point + "/slots", slot(police.id(), "TUESDAY", "10:00", "12:00",
                List.of("POLICE"), List.of("xx")));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("message").asText()).contains("xx").contains("ISO 639-1");
        assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM presence_slot WHERE service_point_id = ?", point)).isZero();
    }

    @Test
    void presencesKeepTheirLocalTimeOnBothSidesOfTheDaylightSavingChanges() {
        long point = point("Lokalkontoret");
        addSlot(policeApi, point, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv"), "2030-01-01");

        // The last Sunday of October 2030 is the 27th: summer time ends between the two Tuesdays.
        List<Presence> autumn = servicePoints.presences(area.id(), null, LocalDate.of(2030, 10, 21), LocalDate.of(2030, 11, 3),
                Optional.empty(), Optional.empty());
        assertThat(autumn).extracting(Presence::date).containsExactly(LocalDate.of(2030, 10, 22), LocalDate.of(2030, 10, 29));
        assertThat(autumn).allSatisfy(p -> {
            assertThat(p.startsAt().toLocalTime()).isEqualTo(LocalTime.of(10, 0));
            assertThat(p.endsAt().toLocalTime()).isEqualTo(LocalTime.of(12, 0));
            assertThat(p.startsAt().getZone().getId()).isEqualTo("Europe/Stockholm");
        });
        assertThat(autumn.get(0).startsAt().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(autumn.get(1).startsAt().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(Duration.between(autumn.get(0).startsAt().toInstant(), autumn.get(1).startsAt().toInstant()))
                .as("a week and the hour given back").isEqualTo(Duration.ofDays(7).plusHours(1));

        // And in spring (the last Sunday of March 2030 is the 31st).
        List<Presence> spring = servicePoints.presences(area.id(), null, LocalDate.of(2030, 3, 25), LocalDate.of(2030, 4, 7),
                Optional.empty(), Optional.empty());
        assertThat(spring).extracting(p -> p.startsAt().toLocalTime()).containsExactly(LocalTime.of(10, 0), LocalTime.of(10, 0));
        assertThat(spring).extracting(p -> p.startsAt().getOffset()).containsExactly(ZoneOffset.ofHours(1), ZoneOffset.ofHours(2));
    }

    @Test
    void presencesCanBeFilteredByLanguageAndByKindOfHelp() {
        long point = point("Sätra servicepunkt");
        addSlot(policeApi, point, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv", "ar"), "2030-01-01");
        addSlot(housingApi, point, housing.id(), "TUESDAY", "13:00", "15:00", List.of("HOUSING", "DIGITAL_HELP"), List.of("sv", "so"),
                "2030-01-01");
        addSlot(housingApi, point, housing.id(), "WEDNESDAY", "13:00", "15:00", List.of("HOUSING"), List.of("ar"), "2030-01-01");
        LocalDate monday = LocalDate.of(2030, 3, 4);
        LocalDate sunday = monday.plusDays(6);

        assertThat(presences(monday, sunday, Optional.of("ar"), Optional.empty())).containsExactly(
                "2030-03-05 10:00 Sätra servicepunkt " + police.name(), "2030-03-06 13:00 Sätra servicepunkt " + housing.name());
        assertThat(presences(monday, sunday, Optional.of("AR"), Optional.of(HelpKind.POLICE))).containsExactly(
                "2030-03-05 10:00 Sätra servicepunkt " + police.name());
        assertThat(presences(monday, sunday, Optional.empty(), Optional.of(HelpKind.DIGITAL_HELP))).containsExactly(
                "2030-03-05 13:00 Sätra servicepunkt " + housing.name());
        assertThat(presences(monday, sunday, Optional.of("ti"), Optional.empty())).isEmpty();
        assertThat(servicePoints.presences(null, "Gävle", monday, sunday, Optional.of("so"), Optional.empty()))
                .as("across the municipality's areas").extracting(p -> p.slot().organisationName()).contains(housing.name());
        assertThat(presences(monday, sunday, Optional.of(" "), Optional.empty())).as("a blank language is no filter").hasSize(3);

        // A deactivated organisation is no longer there to meet.
        server.services().organisations().setActive(Fixtures.principal(fixtures.user(Set.of(Role.ADMIN))), housing.id(), false);
        assertThat(presences(monday, sunday, Optional.empty(), Optional.empty()))
                .containsExactly("2030-03-05 10:00 Sätra servicepunkt " + police.name());
    }

    @Test
    void languagesAreNamedInSwedishAndInThemselvesWithTheirWritingDirection() {
        SpokenLanguage arabic = ServicePointService.language(" AR ").orElseThrow();
        assertThat(arabic.code()).isEqualTo("ar");
        assertThat(arabic.swedishName()).isEqualTo("arabiska");
        assertThat(arabic.englishName()).isEqualTo("Arabic");
        assertThat(arabic.nativeName()).contains("العربية");
        assertThat(arabic.rightToLeft()).isTrue();
        assertThat(ServicePointService.language("so").orElseThrow().swedishName()).isEqualTo("somaliska");
        assertThat(ServicePointService.language("so").orElseThrow().rightToLeft()).isFalse();
        assertThat(ServicePointService.language("iw").orElseThrow().code()).as("a withdrawn code is stored as today's").isEqualTo("he");
        assertThat(ServicePointService.language("xx")).isEmpty();
        assertThat(ServicePointService.language("ara")).as("ISO 639-1 codes have two letters").isEmpty();
        assertThat(SpokenLanguages.byCodeOrName("tyska").orElseThrow().code()).isEqualTo("de");
    }

    @Test
    void onThePagesACoordinatorKeepsTheServicePointAndAPartnerAddsAndRemovesItsHours() {
        Http coordinatorBrowser = browser(coordinator);
        assertThat(coordinatorBrowser.get("/service-points/new").body()).contains(area.name()).contains("Fritidsgård");
        Http.Response created = coordinatorBrowser.postForm("/service-points", Map.of("areaId", Long.toString(area.id()),
                "name", "Biblioteket", "kind", "LIBRARY", "address", "Sätra torg 2", "stepFree", "true"));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(created.location()).contains("/service-points/").endsWith("?saved=created");
        long point = Long.parseLong(created.location().replaceAll(".*/service-points/(\\d+).*", "$1"));
        assertThat(coordinatorBrowser.get("/service-points?areaId=" + area.id()).body()).contains("Biblioteket").contains("Bibliotek");

        Http policeBrowser = browser(policePartner);
        assertThat(policeBrowser.get("/service-points/new").status()).as("partners do not create service points").isEqualTo(403);
        String form = policeBrowser.get("/service-points/" + point + "/slots/new").body();
        assertThat(form).contains("<option value=\"TUESDAY\">Tisdag</option>").contains("Träffa polisen")
                .contains("Arabiska (<span lang=\"ar\" dir=\"rtl\">العربية</span>)").contains("Somaliska (<span lang=\"so\" dir=\"ltr\">Soomaali</span>)")
                .contains("name=\"organisationId\" value=\"" + police.id() + "\"");
        Http.Response added = policeBrowser.postFormPairs("/service-points/" + point + "/slots", List.of(Map.entry("organisationId",
                Long.toString(police.id())), Map.entry("weekday", "TUESDAY"), Map.entry("startsAt", "10:00"), Map.entry("endsAt", "12.00"),
                Map.entry("validFrom", "2030-01-01"), Map.entry("help", "POLICE"), Map.entry("help", "SOCIAL_SUPPORT"),
                Map.entry("languages", "sv"), Map.entry("languages", "ar"), Map.entry("otherLanguages", "tyska, TI"),
                Map.entry("helpNote", "Ta med legitimation")));
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        long slot = servicePoints.slots(point).get(0).id();
        assertThat(servicePoints.slot(slot).languages()).containsExactly("ar", "de", "sv", "ti");

        String page = coordinatorBrowser.get("/service-points/" + point).body();
        assertThat(page).contains("<h3>Tisdagar</h3>").contains("10:00–12:00").contains(police.name()).contains("Träffa polisen")
                .contains("Stöd från socialtjänsten").contains("Ta med legitimation").contains("Gäller från 2030-01-01.")
                .contains("Arabiska – <span lang=\"ar\" dir=\"rtl\">العربية</span>")
                .contains("Tyska – <span lang=\"de\" dir=\"ltr\">Deutsch</span>").contains("Tigrinja")
                .contains("Entrén går att nå utan trappsteg.").contains("Det finns ingen hörslinga.");
        assertThat(page).as("coordinators do not change other organisations' hours").doesNotContain("/presence-slots/" + slot + "/edit");
        assertThat(policeBrowser.get("/service-points/" + point).body()).contains("/presence-slots/" + slot + "/edit")
                .contains("/presence-slots/" + slot + "/delete");
        Http housingBrowser = browser(housingPartner);
        assertThat(housingBrowser.get("/service-points/" + point).body()).doesNotContain("/presence-slots/" + slot + "/edit");
        assertThat(housingBrowser.get("/presence-slots/" + slot + "/edit").status()).isEqualTo(403);
        assertThat(housingBrowser.postForm("/presence-slots/" + slot + "/delete", Map.of()).status()).isEqualTo(403);

        // Changed on its form: the typed values come back, ticked boxes ticked.
        String edit = policeBrowser.get("/presence-slots/" + slot + "/edit").body();
        assertThat(edit).contains("value=\"10:00\"").contains("id=\"language-ar\" name=\"languages\" value=\"ar\" checked")
                .contains("id=\"help-POLICE\" name=\"help\" value=\"POLICE\" checked").contains("id=\"otherLanguages\" name=\"otherLanguages\" type=\"text\" maxlength=\"200\" autocomplete=\"off\" value=\"de\"");
        assertThat(policeBrowser.postFormPairs("/presence-slots/" + slot + "/edit", List.of(Map.entry("weekday", "WEDNESDAY"),
                Map.entry("startsAt", "9:30"), Map.entry("endsAt", "11:30"), Map.entry("validFrom", "2030-01-01"), Map.entry("help", "POLICE"),
                Map.entry("languages", "sv"))).status()).isEqualTo(303);
        assertThat(servicePoints.slot(slot).weekday().name()).isEqualTo("WEDNESDAY");
        assertThat(servicePoints.slot(slot).startsAt()).isEqualTo(LocalTime.of(9, 30));

        // Removed after a confirmation page.
        assertThat(policeBrowser.get("/presence-slots/" + slot + "/delete").body()).contains("Vill du ta bort tiden").contains(police.name());
        Http.Response removed = policeBrowser.postForm("/presence-slots/" + slot + "/delete", Map.of());
        assertThat(removed.status()).isEqualTo(303);
        assertThat(removed.location()).endsWith("/service-points/" + point + "?saved=slotRemoved");
        assertThat(policeBrowser.get("/service-points/" + point + "?saved=slotRemoved").body()).contains("Tiden är borttagen.")
                .contains("Inga tider är inlagda ännu.");
    }

    @Test
    void aRefusedFormShowsEachMessageBesideItsFieldAndKeepsWhatWasTyped() {
        long point = point("Lokalkontoret");
        Http policeBrowser = browser(policePartner);
        policeBrowser.get("/service-points/" + point + "/slots/new");
        Http.Response refused = policeBrowser.postFormPairs("/service-points/" + point + "/slots", List.of(Map.entry("weekday", "TUESDAY"),
                Map.entry("startsAt", "12:00"), Map.entry("endsAt", "10:00"), Map.entry("languages", "sv"),
                Map.entry("otherLanguages", "xx"), Map.entry("helpNote", "Ta med legitimation")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Sluttiden måste vara efter starttiden.").contains("id=\"endsAt-error\"")
                .contains("Välj minst en sak som ni hjälper till med.").contains("href=\"#help\"")
                .contains("”xx” är inte en känd språkkod").contains("href=\"#languages\"")
                .contains("value=\"12:00\"").contains("value=\"xx\"").contains("Ta med legitimation</textarea>")
                .contains("id=\"language-sv\" name=\"languages\" value=\"sv\" checked");
        Http.Response badTime = policeBrowser.postFormPairs("/service-points/" + point + "/slots", List.of(Map.entry("weekday", "TUESDAY"),
                Map.entry("startsAt", "kl tio"), Map.entry("endsAt", "12:00"), Map.entry("help", "POLICE"), Map.entry("languages", "sv")));
        assertThat(badTime.status()).isEqualTo(422);
        assertThat(badTime.body()).contains("Ange en tid som TT:MM").contains("id=\"startsAt-error\"");
        assertThat(servicePoints.slots(point)).isEmpty();

        Http coordinatorBrowser = browser(coordinator);
        coordinatorBrowser.get("/service-points/new");
        Http.Response taken = coordinatorBrowser.postForm("/service-points", Map.of("areaId", Long.toString(area.id()),
                "name", "Lokalkontoret", "kind", "LOCAL_OFFICE", "address", ""));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.body()).contains("Det finns redan en servicepunkt med det namnet i området.").contains("id=\"address-error\"");
    }

    @Test
    void onThePageACoordinatorClosesADayAndAPartnerCancelsItsOwnHours() {
        long point = point("Sätra servicepunkt");
        long policeSlot = addSlot(policeApi, point, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv"), "2030-01-01");
        addSlot(housingApi, point, housing.id(), "THURSDAY", "13:00", "15:00", List.of("HOUSING"), List.of("sv"), "2030-01-01");

        Http coordinatorBrowser = browser(coordinator);
        coordinatorBrowser.get("/service-points/" + point);
        Http.Response closed = coordinatorBrowser.postForm("/service-points/" + point + "/exceptions", Map.of("kind", "closure",
                "date", "2030-06-06", "reason", "Nationaldagen"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(303);
        assertThat(coordinatorBrowser.get("/service-points/" + point + "?saved=closed").body()).contains("Servicepunkten är stängd den dagen.")
                .contains("Torsdag 2030-06-06</strong>: Hela servicepunkten är stängd (Nationaldagen)");

        Http policeBrowser = browser(policePartner);
        String page = policeBrowser.get("/service-points/" + point).body();
        assertThat(page).doesNotContain("Stäng servicepunkten en dag").contains("Ställ in en tid en dag")
                .contains("<option value=\"" + policeSlot + "\">Tisdag 10:00–12:00, " + police.name() + "</option>")
                .doesNotContain(housing.name() + "</option>").doesNotContain("/presence-exceptions/");
        Http.Response noSlot = policeBrowser.postForm("/service-points/" + point + "/exceptions", Map.of("kind", "cancellation", "slotId", "",
                "date", "2030-06-04"));
        assertThat(noSlot.status()).as("choosing no hours does not close the whole point").isEqualTo(422);
        assertThat(noSlot.body()).contains("href=\"#cancel-slotId\"").contains("id=\"cancel-slotId-error\"").contains("value=\"2030-06-04\"");
        assertThat(policeBrowser.postForm("/service-points/" + point + "/exceptions", Map.of("kind", "closure", "date", "2030-06-04")).status())
                .isEqualTo(403);
        Http.Response cancelled = policeBrowser.postForm("/service-points/" + point + "/exceptions", Map.of("kind", "cancellation",
                "slotId", Long.toString(policeSlot), "date", "2030-06-04", "reason", "Utbildningsdag"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(303);
        assertThat(presences(LocalDate.of(2030, 6, 3), LocalDate.of(2030, 6, 9), Optional.empty(), Optional.empty())).isEmpty();

        page = policeBrowser.get("/service-points/" + point).body();
        assertThat(page).contains("Tisdag 2030-06-04</strong>: Inställt: " + police.name() + ", 10:00–12:00 (Utbildningsdag)");
        long cancellation = servicePoints.exceptions(point, LocalDate.of(2030, 6, 4)).get(0).id();
        long closure = servicePoints.exceptions(point, LocalDate.of(2030, 6, 5)).get(0).id();
        assertThat(page).contains("/presence-exceptions/" + cancellation + "/delete").doesNotContain("/presence-exceptions/" + closure + "/delete");
        assertThat(policeBrowser.postForm("/presence-exceptions/" + closure + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(policeBrowser.postForm("/presence-exceptions/" + cancellation + "/delete", Map.of()).status()).isEqualTo(303);
        assertThat(presences(LocalDate.of(2030, 6, 3), LocalDate.of(2030, 6, 9), Optional.empty(), Optional.empty()))
                .containsExactly("2030-06-04 10:00 Sätra servicepunkt " + police.name());
    }

    @Test
    void hoursInTheHourOfADaylightSavingChangeEndHalfAnHourAfterTheyStartOnBothChangeDays() {
        long point = point("Nattöppet");
        addSlot(policeApi, point, police.id(), "SUNDAY", "02:30", "03:00", List.of("POLICE"), List.of("sv"), "2030-01-01");

        // 2030-03-31: 02:00-03:00 does not exist; 2030-10-27: 02:00-03:00 comes twice. 2030-10-20 is an ordinary Sunday.
        for (LocalDate sunday : List.of(LocalDate.of(2030, 3, 31), LocalDate.of(2030, 10, 27), LocalDate.of(2030, 10, 20))) {
            List<Presence> that = servicePoints.presences(area.id(), null, sunday, sunday, Optional.empty(), Optional.empty());
            assertThat(that).as(sunday.toString()).hasSize(1);
            assertThat(Duration.between(that.get(0).startsAt(), that.get(0).endsAt())).as(sunday + ": the end comes half an hour after the start")
                    .isEqualTo(Duration.ofMinutes(30));
        }
    }

    @Test
    void hoursRunOnTheirFirstAndTheirLastDay() {
        long point = point("Biblioteket");
        Map<String, Object> body = slot(police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv"));
        body.put("validFrom", "2030-03-05");
        body.put("validUntil", "2030-03-19");
        assertThat(policeApi.postJson("/api/v1/service-points/" + point + "/slots", body).status()).isEqualTo(201);

        assertThat(presences(LocalDate.of(2030, 2, 25), LocalDate.of(2030, 3, 31), Optional.empty(), Optional.empty())).containsExactly(
                "2030-03-05 10:00 Biblioteket " + police.name(),
                "2030-03-12 10:00 Biblioteket " + police.name(),
                "2030-03-19 10:00 Biblioteket " + police.name());
    }

    @Test
    void hoursOfAnotherServicePointCannotBeCancelledHere() {
        long point = point("Biblioteket");
        long other = point("Fritidsgården");
        long otherSlot = addSlot(policeApi, other, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv"), "2030-01-01");

        Http.Response refused = policeApi.postJson("/api/v1/service-points/" + point + "/exceptions", Map.of("slotId", otherSlot,
                "date", "2030-03-05"));
        assertThat(fields(refused)).containsExactly("slotId");
        assertThat(servicePoints.exceptions(point, LocalDate.of(2030, 1, 1))).isEmpty();
        assertThat(servicePoints.exceptions(other, LocalDate.of(2030, 1, 1))).isEmpty();
    }

    @Test
    void endingHoursAt2400IsRefusedWithAMessageThatHoursEndTheSameDay() {
        long point = point("Kvällsöppet");
        Http policeBrowser = browser(policePartner);
        policeBrowser.get("/service-points/" + point + "/slots/new");
        Http.Response refused = policeBrowser.postFormPairs("/service-points/" + point + "/slots", List.of(Map.entry("weekday", "FRIDAY"),
                Map.entry("startsAt", "20:00"), Map.entry("endsAt", "24:00"), Map.entry("help", "POLICE"), Map.entry("languages", "sv")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Tiden slutar senast 23:59 samma dag.").contains("id=\"endsAt-error\"")
                .contains("value=\"24:00\"").doesNotContain("Sluttiden måste vara efter starttiden.");
        Http.Response badHour = policeBrowser.postFormPairs("/service-points/" + point + "/slots", List.of(Map.entry("weekday", "FRIDAY"),
                Map.entry("startsAt", "25:00"), Map.entry("endsAt", "23:59"), Map.entry("help", "POLICE"), Map.entry("languages", "sv")));
        assertThat(badHour.status()).isEqualTo(422);
        assertThat(badHour.body()).contains("Ange en tid som TT:MM").contains("id=\"startsAt-error\"");
        assertThat(servicePoints.slots(point)).isEmpty();

        assertThat(policeBrowser.postFormPairs("/service-points/" + point + "/slots", List.of(Map.entry("weekday", "FRIDAY"),
                Map.entry("startsAt", "20:00"), Map.entry("endsAt", "23:59"), Map.entry("help", "POLICE"), Map.entry("languages", "sv")))
                .status()).isEqualTo(303);
        assertThat(servicePoints.slots(point)).extracting(PresenceSlot::endsAt).containsExactly(LocalTime.of(23, 59));
    }

    @Test
    void aLanguageTheJdkCannotNameInItselfIsShownByItsNameAloneAndNotMarkedUpAsThatLanguage() {
        SpokenLanguage abkhazian = ServicePointService.language("ab").orElseThrow();
        assertThat(abkhazian.swedishName()).isEqualTo("abchaziska");
        assertThat(abkhazian.nativeName()).as("the JDK's \"Abkhazian\" is English, not Abkhazian").isEmpty();
        assertThat(ServicePointService.language("ht").orElseThrow().nativeName()).isEmpty();
        assertThat(ServicePointService.language("en").orElseThrow().nativeName()).contains("English");
        assertThat(ServicePointService.language("ar").orElseThrow().nativeName()).contains("العربية");
        assertThat(ServicePointService.language("dv").orElseThrow().rightToLeft()).isTrue();
        for (String code : List.of("ug", "sd", "ks")) {
            assertThat(ServicePointService.language(code).orElseThrow().rightToLeft()).as(code + " is written right to left").isTrue();
        }

        long point = point("Biblioteket");
        addSlot(policeApi, point, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv", "ab", "ug"), "2030-01-01");
        String page = browser(coordinator).get("/service-points/" + point).body();
        assertThat(page).contains("<li class=\"tag\">Abchaziska</li>").doesNotContain("lang=\"ab\"")
                .contains("Uiguriska – <span lang=\"ug\" dir=\"rtl\">ئۇيغۇرچە</span>");

        // And on the public page of the area, with hours this week.
        addSlot(policeApi, point, police.id(), servicePoints.today().getDayOfWeek().name(), "18:00", "19:00", List.of("POLICE"),
                List.of("ab", "ar"));
        String publicPage = new Http(server).get("/public/areas/" + area.id()).body();
        assertThat(publicPage).contains("abchaziska").doesNotContain("lang=\"ab\"").contains("<span lang=\"ar\" dir=\"rtl\">العربية</span>");
    }

    @Test
    void otherLanguagesTypedAsNamesOfSeveralWordsAreEachTakenAsOneLanguage() {
        long point = point("Biblioteket");
        Http policeBrowser = browser(policePartner);
        policeBrowser.get("/service-points/" + point + "/slots/new");
        Http.Response added = policeBrowser.postFormPairs("/service-points/" + point + "/slots", List.of(Map.entry("weekday", "TUESDAY"),
                Map.entry("startsAt", "10:00"), Map.entry("endsAt", "12:00"), Map.entry("help", "POLICE"), Map.entry("languages", "sv"),
                Map.entry("otherLanguages", "norskt bokmål; Scottish Gaelic, ti so")));
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        assertThat(servicePoints.slots(point).get(0).languages()).containsExactly("gd", "nb", "so", "sv", "ti");
    }

    @Test
    void filteringByAWithdrawnLanguageCodeFindsTheHoursInThatLanguage() {
        long point = point("Biblioteket");
        addSlot(policeApi, point, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv", "he"), "2030-01-01");
        addSlot(housingApi, point, housing.id(), "TUESDAY", "13:00", "15:00", List.of("HOUSING"), List.of("id", "yi"), "2030-01-01");
        LocalDate monday = LocalDate.of(2030, 3, 4);

        assertThat(presences(monday, monday.plusDays(6), Optional.of("iw"), Optional.empty()))
                .containsExactly("2030-03-05 10:00 Biblioteket " + police.name());
        assertThat(presences(monday, monday.plusDays(6), Optional.of("JI"), Optional.empty()))
                .containsExactly("2030-03-05 13:00 Biblioteket " + housing.name());
        assertThat(presences(monday, monday.plusDays(6), Optional.of("in"), Optional.empty()))
                .containsExactly("2030-03-05 13:00 Biblioteket " + housing.name());
    }

    @Test
    void theSameClosureOrCancellationPostedTwiceAtOnceIsStoredOnce() throws Exception {
        long point = point("Biblioteket");
        long slot = addSlot(policeApi, point, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv"), "2030-01-01");
        CurrentUser actor = Fixtures.principal(coordinator);
        ExecutorService posts = Executors.newFixedThreadPool(4);
        try {
            for (int week = 0; week < 12; week++) {
                LocalDate tuesday = LocalDate.of(2030, 3, 5).plusWeeks(week);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Long slotId = i % 2 == 0 ? null : slot;
                    done.add(posts.submit(() -> {
                        start.await();
                        try {
                            servicePoints.addException(actor, point, new PresenceExceptionInput(slotId, tuesday, null));
                        } catch (InvalidInputException alreadyThere) {
                            assertThat(alreadyThere.errors()).extracting(FieldError::field).containsExactly("date");
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> post : done) {
                    post.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            posts.shutdownNow();
        }
        assertThat(servicePoints.exceptions(point, LocalDate.of(2030, 1, 1))).as("one closure and one cancellation a week").hasSize(24);
    }

    @Test
    void hoursMovedToAnotherWeekdayOrShortenedLoseTheirCancellationsOfDaysTheyNoLongerRunOn() {
        long point = point("Biblioteket");
        long slot = addSlot(policeApi, point, police.id(), "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv"), "2030-01-01");
        for (String day : List.of("2030-03-05", "2030-06-04")) {
            assertThat(policeApi.postJson("/api/v1/service-points/" + point + "/exceptions", Map.of("slotId", slot, "date", day)).status())
                    .isEqualTo(201);
        }
        assertThat(coordinatorApi.postJson("/api/v1/service-points/" + point + "/exceptions", Map.of("date", "2030-06-04")).status())
                .isEqualTo(201);

        Map<String, Object> shortened = slot(null, "TUESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv"));
        shortened.put("validFrom", "2030-01-01");
        shortened.put("validUntil", "2030-05-31");
        assertThat(policeApi.putJson("/api/v1/presence-slots/" + slot, shortened).status()).isEqualTo(200);
        assertThat(exceptionDays(point)).containsExactly("2030-03-05 slot", "2030-06-04 closed");

        Map<String, Object> moved = slot(null, "WEDNESDAY", "10:00", "12:00", List.of("POLICE"), List.of("sv"));
        moved.put("validFrom", "2030-01-01");
        assertThat(policeApi.putJson("/api/v1/presence-slots/" + slot, moved).status()).isEqualTo(200);
        assertThat(exceptionDays(point)).as("the closure of the whole point stays").containsExactly("2030-06-04 closed");
        assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'presence_slot' AND entity_id = ?"
                + " AND summary LIKE '%removed 1 cancellation%'", slot)).isEqualTo(2);
    }

    @Test
    void aPartnerWhoseOnlyOrganisationIsDeactivatedIsNotOfferedToAddHours() {
        long point = point("Biblioteket");
        Organisation closedDown = fixtures.organisation(OrganisationType.ASSOCIATION);
        Organisation open = fixtures.organisation(OrganisationType.ASSOCIATION);
        User onlyClosedDown = fixtures.user(Set.of(Role.PARTNER), closedDown);
        User both = fixtures.user(Set.of(Role.PARTNER), closedDown, open);
        server.services().organisations().setActive(Fixtures.principal(fixtures.user(Set.of(Role.ADMIN))), closedDown.id(), false);

        Http closedDownBrowser = browser(onlyClosedDown);
        assertThat(closedDownBrowser.get("/service-points/" + point).body()).doesNotContain("/service-points/" + point + "/slots/new");
        assertThat(closedDownBrowser.get("/service-points/" + point + "/slots/new").status()).isEqualTo(403);

        // Someone also in an active organisation adds its hours; a form naming the deactivated one shows why it was refused.
        Http bothBrowser = browser(both);
        assertThat(bothBrowser.get("/service-points/" + point).body()).contains("/service-points/" + point + "/slots/new");
        Http.Response refused = bothBrowser.postFormPairs("/service-points/" + point + "/slots", List.of(
                Map.entry("organisationId", Long.toString(closedDown.id())), Map.entry("weekday", "TUESDAY"), Map.entry("startsAt", "10:00"),
                Map.entry("endsAt", "12:00"), Map.entry("help", "HOUSING"), Map.entry("languages", "sv")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#organisationId\"").contains("id=\"organisationId\"")
                .contains("id=\"organisationId-error\"").contains("Organisationen är inaktiverad.").contains(open.name());
    }

    @Test
    void hoursAtTheSameTimeAreListedByOrganisationInSwedishAlphabeticalOrder() {
        long point = point("Servicecenter");
        // Upper and lower case, and Z before Ö: the databases' own orders differ from each other and from Swedish.
        List<Organisation> organisations = new ArrayList<>();
        for (String name : List.of("Öppna förskolan", "Zonen", "arbetsförmedlingen", "Bostadsbolaget")) {
            organisations.add(server.services().organisations().create(null, new OrganisationInput(Fixtures.unique(name),
                    OrganisationType.ASSOCIATION)));
        }
        for (Organisation organisation : organisations) {
            servicePoints.addSlot(null, new PresenceSlotInput(point, organisation.id(), DayOfWeek.TUESDAY, LocalTime.of(10, 0),
                    LocalTime.of(12, 0), LocalDate.of(2030, 1, 1), null, List.of(HelpKind.HOUSING), null, List.of("sv")));
        }
        List<String> names = new ArrayList<>();
        coordinatorApi.getJson("/api/v1/service-points/" + point + "/slots").json().get("items")
                .forEach(s -> names.add(s.get("organisationName").asText().replaceAll("-.*", "")));
        assertThat(names).containsExactly("arbetsförmedlingen", "Bostadsbolaget", "Zonen", "Öppna förskolan");
    }

    // Helpers

    private Http browser(User user) {
        Http browser = new Http(server).withSession(fixtures.session(user));
        browser.get("/");
        return browser;
    }

    private List<String> presences(LocalDate from, LocalDate to, Optional<String> language, Optional<HelpKind> help) {
        List<String> lines = new ArrayList<>();
        for (Presence p : servicePoints.presences(area.id(), null, from, to, language, help)) {
            lines.add(p.date() + " " + p.startsAt().toLocalTime() + " " + p.servicePoint().name() + " " + p.slot().organisationName());
        }
        return lines;
    }

    private long point(String name) {
        Http.Response created = coordinatorApi.postJson("/api/v1/service-points", Map.of("areaId", area.id(), "name", name,
                "kind", "SERVICE_CENTRE", "address", "Sätra centrum 4"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static Map<String, Object> slot(Long organisationId, String weekday, String startsAt, String endsAt, List<String> help,
                                            List<String> languages) {
        Map<String, Object> body = new HashMap<>();
        if (organisationId != null) {
            body.put("organisationId", organisationId);
        }
        if (weekday != null) {
            body.put("weekday", weekday);
        }
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("help", help);
        body.put("languages", languages);
        return body;
    }

    private static long addSlot(Http api, long point, long organisationId, String weekday, String startsAt, String endsAt, List<String> help,
                                List<String> languages) {
        return addSlot(api, point, organisationId, weekday, startsAt, endsAt, help, languages, null);
    }

    private static long addSlot(Http api, long point, long organisationId, String weekday, String startsAt, String endsAt, List<String> help,
                                List<String> languages, String validFrom) {
        Map<String, Object> body = slot(organisationId, weekday, startsAt, endsAt, help, languages);
        if (validFrom != null) {
            body.put("validFrom", validFrom);
        }
        Http.Response created = api.postJson("/api/v1/service-points/" + point + "/slots", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private List<String> exceptionDays(long point) {
        return servicePoints.exceptions(point, LocalDate.of(2030, 1, 1)).stream()
                .map(e -> e.date() + (e.slotId() == null ? " closed" : " slot")).toList();
    }

    private static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
