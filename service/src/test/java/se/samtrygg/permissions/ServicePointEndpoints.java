package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_COORDINATOR;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_OWN_ORGANISATION;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.page;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import se.samtrygg.servicepoint.HelpKind;
import se.samtrygg.servicepoint.PresenceExceptionInput;
import se.samtrygg.servicepoint.PresenceSlotInput;
import se.samtrygg.servicepoint.ServicePointInput;
import se.samtrygg.servicepoint.ServicePointKind;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * Service points, presence slots and exceptions: public information that everyone signed in reads. Coordinators and admins
 * keep service points and close them on a day; the slot's organisation (OWN) and admins keep a slot; the slot's
 * organisation, coordinators and admins cancel it on a day. The scenario's service point is in the scenario's area, with a
 * slot of the scenario's organisation ("presenceSlot") and one of the spare organisation nobody is in ("otherSlot").
 * Adding a slot is for the organisation named in the link or the body: admins, or members of it (OWN).
 */
final class ServicePointEndpoints {
    /** Cancelling a slot, or lifting its cancellation: its organisation, coordinators and admins. */
    private static final BiPredicate<Actor, Target> ADMIN_COORDINATOR_OR_OWN = (actor, target) ->
            actor == Actor.ADMIN || actor == Actor.COORDINATOR || (actor != Actor.ANONYMOUS && target == Target.OWN);

    private ServicePointEndpoints() {
    }

    static void prepare(Scenario scenario, TestServer server, Fixtures fixtures) {
        Scenario.Ids ids = scenario.ids;
        ids.lazy("servicePoint", () -> server.services().servicePoints().create(null, new ServicePointInput(ids.get("area"),
                Fixtures.unique("Servicepunkt"), ServicePointKind.SERVICE_CENTRE, "Sätra centrum 4", true, false, null, null, null)).id());
        ids.lazy("presenceSlot", () -> slot(server, ids.get("servicePoint"), scenario.organisation));
        ids.lazy("otherSlot", () -> slot(server, ids.get("servicePoint"), scenario.spareOrganisation));
        ids.lazy("closure", () -> server.services().servicePoints().addException(null, ids.get("servicePoint"),
                new PresenceExceptionInput(null, LocalDate.of(2030, 6, 6), "Nationaldagen")).id());
        ids.lazy("cancellation", () -> server.services().servicePoints().addException(null, ids.get("servicePoint"),
                new PresenceExceptionInput(ids.get("presenceSlot"), LocalDate.of(2030, 3, 5), "Utbildningsdag")).id());
    }

    /** Tuesdays 10-12 from 2030-01-01, so that 2030-03-05 and 2030-03-12 are days it runs on. */
    private static long slot(TestServer server, long servicePoint, long organisation) {
        return server.services().servicePoints().addSlot(null, new PresenceSlotInput(servicePoint, organisation, DayOfWeek.TUESDAY,
                LocalTime.of(10, 0), LocalTime.of(12, 0), LocalDate.of(2030, 1, 1), null, List.of(HelpKind.POLICE), null,
                List.of("sv", "ar"))).id();
    }

    private static Map<String, Object> pointJson(Scenario s) {
        return Map.of("areaId", s.ids.get("area"), "name", Fixtures.unique("Servicepunkt"), "kind", "LIBRARY", "address", "Sätra torg 2");
    }

    private static Map<String, Object> slotJson(Long organisation) {
        Map<String, Object> body = new HashMap<>(Map.of("weekday", "WEDNESDAY", "startsAt", "13:00", "endsAt", "15:00",
                "validFrom", "2030-01-01", "help", List.of("HOUSING"), "languages", List.of("sv", "so")));
        if (organisation != null) {
            body.put("organisationId", organisation);
        }
        return body;
    }

    private static Map<String, String> pointForm(Scenario s) {
        return Map.of("areaId", Long.toString(s.ids.get("area")), "name", Fixtures.unique("Servicepunkt"), "kind", "LIBRARY",
                "address", "Sätra torg 2", "active", "true");
    }

    private static Map<String, String> slotForm(Long organisation) {
        Map<String, String> form = new HashMap<>(Map.of("weekday", "WEDNESDAY", "startsAt", "13:00", "endsAt", "15:00",
                "validFrom", "2030-01-01", "help", "HOUSING", "languages", "so"));
        if (organisation != null) {
            form.put("organisationId", Long.toString(organisation));
        }
        return form;
    }

    static List<Endpoint> all() {
        return List.of(
                // API
                api("GET", "/api/v1/service-points", ANY_SIGNED_IN),
                api("GET", "/api/v1/service-points?areaId={area}&includeInactive=true", ANY_SIGNED_IN),
                api("POST", "/api/v1/service-points", s -> pointJson(s), ADMIN_OR_COORDINATOR),
                api("GET", "/api/v1/service-points/{servicePoint}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/service-points/{servicePoint}", s -> pointJson(s), ADMIN_OR_COORDINATOR),
                api("GET", "/api/v1/service-points/{servicePoint}/slots", ANY_SIGNED_IN),
                api("POST", "/api/v1/service-points/{servicePoint}/slots", s -> slotJson(s.organisation), ADMIN_OR_OWN_ORGANISATION),
                api("GET", "/api/v1/service-points/{servicePoint}/exceptions?from=2030-01-01", ANY_SIGNED_IN),
                api("POST", "/api/v1/service-points/{servicePoint}/exceptions", s -> Map.of("date", "2030-12-25", "reason", "Juldagen"),
                        ADMIN_OR_COORDINATOR),
                api("POST", "/api/v1/service-points/{servicePoint}/exceptions", s -> Map.of("slotId", s.ids.get("presenceSlot"),
                        "date", "2030-03-12"), ADMIN_COORDINATOR_OR_OWN),
                api("GET", "/api/v1/presence-slots/{presenceSlot}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/presence-slots/{presenceSlot}", s -> slotJson(null), ADMIN_OR_OWN_ORGANISATION),
                api("PUT", "/api/v1/presence-slots/{otherSlot}", s -> slotJson(null), ADMIN_ONLY),
                api("DELETE", "/api/v1/presence-slots/{presenceSlot}", ADMIN_OR_OWN_ORGANISATION),
                api("DELETE", "/api/v1/presence-slots/{otherSlot}", ADMIN_ONLY),
                api("DELETE", "/api/v1/presence-exceptions/{closure}", ADMIN_OR_COORDINATOR),
                api("DELETE", "/api/v1/presence-exceptions/{cancellation}", ADMIN_COORDINATOR_OR_OWN),

                // Signed-in pages
                page("GET", "/service-points", ANY_SIGNED_IN),
                page("GET", "/service-points?areaId={area}", ANY_SIGNED_IN),
                page("GET", "/service-points/new", ADMIN_OR_COORDINATOR),
                page("POST", "/service-points", s -> pointForm(s), ADMIN_OR_COORDINATOR),
                page("GET", "/service-points/{servicePoint}", ANY_SIGNED_IN),
                page("GET", "/service-points/{servicePoint}/edit", ADMIN_OR_COORDINATOR),
                page("POST", "/service-points/{servicePoint}/edit", s -> pointForm(s), ADMIN_OR_COORDINATOR),
                page("GET", "/service-points/{servicePoint}/slots/new?organisationId={organisation}", ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/service-points/{servicePoint}/slots/new?organisationId={spareOrganisation}", ADMIN_ONLY),
                page("POST", "/service-points/{servicePoint}/slots", s -> slotForm(s.organisation), ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/presence-slots/{presenceSlot}/edit", ADMIN_OR_OWN_ORGANISATION),
                page("POST", "/presence-slots/{presenceSlot}/edit", s -> slotForm(null), ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/presence-slots/{otherSlot}/edit", ADMIN_ONLY),
                page("POST", "/presence-slots/{otherSlot}/edit", s -> slotForm(null), ADMIN_ONLY),
                page("GET", "/presence-slots/{presenceSlot}/delete", ADMIN_OR_OWN_ORGANISATION),
                page("POST", "/presence-slots/{presenceSlot}/delete", ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/presence-slots/{otherSlot}/delete", ADMIN_ONLY),
                page("POST", "/presence-slots/{otherSlot}/delete", ADMIN_ONLY),
                page("POST", "/service-points/{servicePoint}/exceptions", s -> Map.of("kind", "closure", "date", "2030-12-25",
                        "reason", "Juldagen"), ADMIN_OR_COORDINATOR),
                page("POST", "/service-points/{servicePoint}/exceptions", s -> Map.of("kind", "cancellation",
                        "slotId", Long.toString(s.ids.get("presenceSlot")), "date", "2030-03-12"), ADMIN_COORDINATOR_OR_OWN),
                page("POST", "/presence-exceptions/{closure}/delete", ADMIN_OR_COORDINATOR),
                page("POST", "/presence-exceptions/{cancellation}/delete", ADMIN_COORDINATOR_OR_OWN));
    }
}
