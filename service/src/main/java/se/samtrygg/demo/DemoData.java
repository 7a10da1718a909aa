package se.samtrygg.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samtrygg.Services;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.identity.UserInput;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.common.Visibility;
import se.samtrygg.meeting.ActionItem;
import se.samtrygg.meeting.ActionItemInput;
import se.samtrygg.meeting.ActionItemState;
import se.samtrygg.meeting.AgendaItemInput;
import se.samtrygg.meeting.AttendanceInput;
import se.samtrygg.meeting.MinutesInput;
import se.samtrygg.meeting.RecurrencePattern;
import se.samtrygg.meeting.Meeting;
import se.samtrygg.meeting.MeetingInput;
import se.samtrygg.meeting.NetworkGroup;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.ContactInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationInput;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.rollout.Rollout;

/**
 * Gävle's safety work as a demo: three areas, the organisations of the Sättra network group,
 * fictional people in them, the group's meetings, a year of Sättra's activity log ({@link SattraYear}), Huskurage in Sättra,
 * the service points and the social sustainability programme that follows it all up ({@link ProgrammeDemo}). Everything goes through the services, so it is validated and audited
 * like anything a user enters. Later features add their own part here.
 */
public final class DemoData {
    /** One password for every demo person, printed after loading: this is demo data, not a deployment. */
    public static final String PASSWORD = "Sattra-natvandring-2026";
    static final String MUNICIPALITY = "Gävle";

    private final Services services;

    public DemoData(Services services) {
        this.services = services;
    }

    public record Result(boolean alreadyLoaded, List<String> emails, int activities, int observations, int placeReports) {
        public String describe() {
            if (alreadyLoaded) {
                return "Demo data is already loaded; nothing changed.";
            }
            return "Demo data loaded, with " + activities + " activities, " + observations + " observations and " + placeReports
                    + " place reports in Sättra. Sign in as any of these with the password " + PASSWORD + ":\n  "
                    + String.join("\n  ", emails);
        }
    }

    private record Person(String email, String name, Set<Role> roles, String organisation) {
    }

    public Result load() {
        if (services.areas().findByName(MUNICIPALITY, "Sättra").isPresent()) {
            return new Result(true, List.of(), 0, 0, 0);
        }
        // Today in Sweden by the service's clock: the meetings and the activity log are dated from it.
        LocalDateTime now = services.observations().now();
        Area sattra = services.areas().create(null, new AreaInput("Sättra", MUNICIPALITY,
                "Bostadsområde i västra Gävle med cirka 3 000 invånare. Nätverksgruppen träffas en gång i månaden."));
        Map<String, Long> places = new LinkedHashMap<>();
        for (String[] place : new String[][] {
                {SattraYear.CENTRE, "Sättragatan 10"}, {SattraYear.UNDERPASS, null}, {SattraYear.YOUTH_CENTRE, "Sättragatan 22"},
                {SattraYear.LIBRARY, "Sättra centrum"}, {SattraYear.PITCH, null}}) {
            places.put(place[0], services.areas().addPlace(null, sattra.id(), new PlaceInput(place[0], place[1])).id());
        }
        services.areas().create(null, new AreaInput("Andersberg", MUNICIPALITY,
                "Bostadsområde söder om centrum med allmännyttans hyresrätter och ett aktivt föreningsliv."));
        services.areas().create(null, new AreaInput("Brynäs", MUNICIPALITY,
                "Stadsdel öster om centrum, med hamnen, idrottsföreningar och många unga."));

        Map<String, Organisation> organisations = new LinkedHashMap<>();
        organisation(organisations, "Gävle kommun, enheten för social hållbarhet", OrganisationType.MUNICIPAL_UNIT);
        organisation(organisations, "Polisen, lokalpolisområde Gävle", OrganisationType.POLICE);
        organisation(organisations, "Socialtjänsten, fältassistenterna", OrganisationType.SOCIAL_SERVICES);
        organisation(organisations, "Gavlegårdarna", OrganisationType.HOUSING_COMPANY);
        organisation(organisations, "Hyresgästföreningen Sättra", OrganisationType.TENANTS_ASSOCIATION);
        organisation(organisations, "Nattvandrarna i Gävle", OrganisationType.ASSOCIATION);
        organisation(organisations, "Sättra IF", OrganisationType.ASSOCIATION);
        organisation(organisations, "Sättraskolan", OrganisationType.SCHOOL);
        organisation(organisations, "Sättra Livs", OrganisationType.BUSINESS);

        List<Person> people = List.of(
                new Person("anna.lindqvist@demo.samtrygg.se", "Anna Lindqvist", EnumSet.of(Role.COORDINATOR),
                        "Gävle kommun, enheten för social hållbarhet"),
                new Person("erik.sjoberg@demo.samtrygg.se", "Erik Sjöberg", EnumSet.of(Role.OFFICIAL),
                        "Gävle kommun, enheten för social hållbarhet"),
                new Person("maria.holm@demo.samtrygg.se", "Maria Holm", EnumSet.of(Role.PARTNER),
                        "Polisen, lokalpolisområde Gävle"),
                new Person("jonas.berg@demo.samtrygg.se", "Jonas Berg", EnumSet.of(Role.PARTNER),
                        "Socialtjänsten, fältassistenterna"),
                new Person("sara.nyberg@demo.samtrygg.se", "Sara Nyberg", EnumSet.of(Role.PARTNER), "Gavlegårdarna"),
                new Person("ahmed.hassan@demo.samtrygg.se", "Ahmed Hassan", EnumSet.of(Role.PARTNER), "Hyresgästföreningen Sättra"),
                new Person("leila.karimi@demo.samtrygg.se", "Leila Karimi", EnumSet.of(Role.PARTNER), "Nattvandrarna i Gävle"),
                new Person("johan.ek@demo.samtrygg.se", "Johan Ek", EnumSet.of(Role.PARTNER), "Sättra IF"),
                new Person("karin.wall@demo.samtrygg.se", "Karin Wall", EnumSet.of(Role.ADMIN, Role.COORDINATOR),
                        "Gävle kommun, enheten för social hållbarhet"));
        contact(organisations, "Polisen, lokalpolisområde Gävle", "Maria Holm", "Kommunpolis", "114 14", "maria.holm@demo.samtrygg.se");
        contact(organisations, "Socialtjänsten, fältassistenterna", "Jonas Berg", "Fältassistent", "026-17 80 00", null);
        contact(organisations, "Gavlegårdarna", "Sara Nyberg", "Områdesvärd Sättra", "026-14 35 00", "sara.nyberg@demo.samtrygg.se");
        contact(organisations, "Hyresgästföreningen Sättra", "Ahmed Hassan", "Ordförande", null, "ahmed.hassan@demo.samtrygg.se");

        List<String> emails = new ArrayList<>();
        Map<String, Long> userIds = new LinkedHashMap<>();
        for (Person person : people) {
            User user = services.users().create(null, new UserInput(person.email(), person.name(), Language.sv, person.roles(), PASSWORD));
            services.users().addMembership(null, user.id(), organisations.get(person.organisation()).id());
            emails.add(person.email() + " (" + person.roles() + ", " + person.organisation() + ")");
            userIds.put(person.email(), user.id());
        }
        List<Long> members = List.of("Gävle kommun, enheten för social hållbarhet", "Polisen, lokalpolisområde Gävle",
                "Socialtjänsten, fältassistenterna", "Gavlegårdarna", "Hyresgästföreningen Sättra", "Nattvandrarna i Gävle",
                "Sättra IF", "Sättraskolan", "Sättra Livs").stream().map(name -> organisations.get(name).id()).toList();
        NetworkGroup group = services.networkGroups().create(null, new NetworkGroupInput(sattra.id(), "Nätverksgruppen Sättra", members,
                List.of(userIds.get("anna.lindqvist@demo.samtrygg.se"))));
        meetings(group, organisations, userIds.get("anna.lindqvist@demo.samtrygg.se"), now.toLocalDate());
        Rollout huskurage = new HuskurageDemo(services, sattra.id(), organisations, userIds).load();
        SattraYear.People loggers = new SattraYear.People(person(userIds, "leila.karimi"), person(userIds, "jonas.berg"),
                person(userIds, "johan.ek"), person(userIds, "sara.nyberg"), person(userIds, "ahmed.hassan"),
                person(userIds, "maria.holm"));
        SattraYear.Counts year = new SattraYear(services, sattra.id(), places, organisations.get("Gavlegårdarna").id(), loggers, now)
                .load();
        new ServicePointDemo(services, sattra, places, organisations, loggers, now).load();
        new ProgrammeDemo(services, sattra, organisations, userIds, huskurage).load();
        return new Result(false, emails, year.activities(), year.observations(), year.placeReports());
    }

    private CurrentUser person(Map<String, Long> userIds, String name) {
        return services.users().principalOf(userIds.get(name + "@demo.samtrygg.se"));
    }

    /**
     * The group meets on the first Tuesday of the month at 18:00, as a series that began three
     * months ago and runs a year ahead; each meeting has an agenda, and the past ones left action items.
     * The minutes follow the underpass lamps of the activity log: broken, then replaced.
     */
    private void meetings(NetworkGroup group, Map<String, Organisation> organisations, long coordinatorId, LocalDate today) {
        CurrentUser coordinator = services.users().principalOf(coordinatorId);
        LocalDate first = today.withDayOfMonth(1).minusMonths(3)
                .with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));
        Meeting firstMeeting = services.meetings().schedule(coordinator, new MeetingInput(group.id(), "Nätverksmöte", first.atTime(18, 0),
                first.atTime(19, 30), null, "Sättra centrum, samlingssalen", null, null, null,
                RecurrencePattern.MONTHLY_WEEKDAY.rrule(first, first.plusMonths(15))));
        List<Meeting> series = services.meetings().list(coordinator, group.id(), firstMeeting.seriesId(), null, 200).items();
        Organisation housing = organisations.get("Gavlegårdarna");
        for (Meeting meeting : series) {
            services.meetings().setAgenda(coordinator, meeting.id(), List.of(
                    new AgendaItemInput("Läget i området sedan förra mötet", organisations.get("Polisen, lokalpolisområde Gävle").id(), 20),
                    new AgendaItemInput("Fältassistenternas iakttagelser", organisations.get("Socialtjänsten, fältassistenterna").id(), 15),
                    new AgendaItemInput("Belysning och skadegörelse i gångtunneln", housing.id(), 15),
                    new AgendaItemInput("Nattvandringar och aktiviteter för unga", organisations.get("Nattvandrarna i Gävle").id(), 15),
                    new AgendaItemInput("Övriga frågor", null, 10)));
        }
        LocalDate lampsReplaced = SattraYear.lampsReplaced(today);
        List<Meeting> past = series.stream().filter(m -> m.start().toLocalDate().isBefore(today)).toList();
        List<Long> present = List.of("Gävle kommun, enheten för social hållbarhet", "Polisen, lokalpolisområde Gävle",
                "Socialtjänsten, fältassistenterna", "Gavlegårdarna", "Hyresgästföreningen Sättra").stream()
                .map(name -> organisations.get(name).id()).toList();
        for (Meeting meeting : past) {
            Meeting held = services.meetings().get(coordinator, meeting.id());
            services.attendance().record(coordinator, held.id(), new AttendanceInput(present, List.of(coordinatorId)));
            services.minutes().write(coordinator, held.id(), held.agenda().get(0).id(), new MinutesInput(
                    "Polisen: färre anmälningar om skadegörelse än samma månad förra året. Oro för ungdomar som samlas vid "
                            + "Sättra torg sent på kvällarna.", null, Visibility.NETWORK, null));
            if (held.start().toLocalDate().isBefore(lampsReplaced)) {
                services.minutes().write(coordinator, held.id(), held.agenda().get(2).id(), new MinutesInput(
                        "Flera lampor i gångtunneln under Sättravägen är trasiga, och boende säger att de undviker tunneln när det är "
                                + "mörkt.", "Gavlegårdarna byter lamporna och berättar vid nästa möte hur det gick.", Visibility.NETWORK, null));
            } else {
                services.minutes().write(coordinator, held.id(), held.agenda().get(2).id(), new MinutesInput(
                        "Gavlegårdarna har bytt de trasiga lamporna i gångtunneln. Nattvandrarna ser att fler går igenom tunneln "
                                + "på kvällarna.", "Gavlegårdarna byter resterande armaturer mot sådana med skalskydd.", Visibility.NETWORK,
                        null));
            }
        }
        if (past.size() >= 2) {
            Meeting earlier = past.get(past.size() - 2);
            Meeting latest = past.get(past.size() - 1);
            ActionItem lamps = services.actionItems().create(coordinator, new ActionItemInput(earlier.id(),
                    "Byt armaturerna i gångtunneln under Sättravägen mot sådana med skalskydd", housing.id(), null, latest.start().toLocalDate().plusWeeks(2),
                    Visibility.NETWORK));
            services.actionItems().setState(coordinator, lamps.id(), ActionItemState.IN_PROGRESS);
            ActionItem walks = services.actionItems().create(coordinator, new ActionItemInput(earlier.id(),
                    "Planera extra nattvandringar under höstlovet", organisations.get("Nattvandrarna i Gävle").id(), null,
                    latest.start().toLocalDate(), Visibility.NETWORK));
            services.actionItems().setState(coordinator, walks.id(), ActionItemState.DONE);
            services.actionItems().create(coordinator, new ActionItemInput(latest.id(), "Bjud in Sättraskolan att berätta om fritidsgården",
                    organisations.get("Sättraskolan").id(), null, today.plusWeeks(3), Visibility.NETWORK));
        }
    }

    private static final String[] MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
        "oktober", "november", "december"};

    private void contact(Map<String, Organisation> organisations, String organisation, String name, String title, String phone,
                         String email) {
        services.organisations().addContact(null, organisations.get(organisation).id(), new ContactInput(name, title, phone, email));
    }

    private void organisation(Map<String, Organisation> organisations, String name, OrganisationType type) {
        Organisation organisation = services.organisations().findByName(name)
                .orElseGet(() -> services.organisations().create(null, new OrganisationInput(name, type)));
        organisations.put(name, organisation);
    }
}
