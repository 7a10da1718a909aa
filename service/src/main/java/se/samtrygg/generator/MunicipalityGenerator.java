package se.samtrygg.generator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.Services;
import se.samtrygg.activity.Category;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.PasswordHasher;
import se.samtrygg.meeting.NetworkGroup;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationInput;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.programme.DerivedSource;
import se.samtrygg.programme.Direction;
import se.samtrygg.programme.FocusArea;
import se.samtrygg.programme.FocusAreaInput;
import se.samtrygg.programme.Goal;
import se.samtrygg.programme.GoalInput;
import se.samtrygg.programme.Indicator;
import se.samtrygg.programme.IndicatorInput;
import se.samtrygg.programme.IndicatorKind;
import se.samtrygg.programme.Measure;
import se.samtrygg.programme.MeasureInput;
import se.samtrygg.programme.MeasurementInput;
import se.samtrygg.programme.PeriodLength;
import se.samtrygg.programme.Programme;
import se.samtrygg.programme.ProgrammeInput;
import se.samtrygg.rollout.MethodTemplate;
import se.samtrygg.rollout.PropertyInput;
import se.samtrygg.rollout.Rollout;
import se.samtrygg.rollout.RolloutInput;

/**
 * A fictional municipality, Norrhamn, over the ten years up to today. The few structural records (areas and places,
 * organisations, network groups, rollouts with their properties, the programme) go through the services, so they are
 * validated and audited like anything a user enters. The bulk (people, meetings with their agendas, minutes and
 * attendance, action items, activities, observations) is written with batched INSERTs of exactly the rows the services
 * would store: the same states, visibilities and derived columns (an action item's area from its group, an observation's
 * area and place from its activity), without one audit entry per row. Deterministic for a seed, apart from the session
 * and token secrets.
 */
public final class MunicipalityGenerator {
    public static final String MUNICIPALITY = "Norrhamn";
    /** Every generated person can also sign in with this password: this is test data, not a deployment. */
    public static final String PASSWORD = "Norrhamn-trygghet-2026";
    static final String EMAIL_DOMAIN = "@norrhamn.example";
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final int YEARS = 10;

    private final Jdbi jdbi;
    private final Services services;
    private final Scale scale;
    private final SplittableRandom random;
    private final Instant now;
    private final LocalDate today;
    private final LocalDate firstDay;

    // what was made, for the later steps and the sessions file
    final List<Area> areas = new ArrayList<>();
    final Map<Long, List<Long>> placesOfArea = new LinkedHashMap<>();
    final List<Organisation> organisations = new ArrayList<>();
    /** Organisation id → the area it works in; null for the municipality-wide ones. */
    final Map<Long, Long> homeArea = new LinkedHashMap<>();
    final Map<Long, List<Long>> localOrganisationsOfArea = new LinkedHashMap<>();
    final List<Long> centralOrganisations = new ArrayList<>();
    final Map<Long, List<Long>> membersOfOrganisation = new LinkedHashMap<>();
    final Map<String, List<Long>> usersByRole = new LinkedHashMap<>();
    final Map<Long, Long> organisationOfUser = new LinkedHashMap<>();
    final List<NetworkGroup> groups = new ArrayList<>();
    final Map<Long, Long> someMeetingOfGroup = new LinkedHashMap<>();
    long programmeId;
    final Map<String, Long> counts = new LinkedHashMap<>();

    public MunicipalityGenerator(Jdbi jdbi, Services services, Scale scale, long seed, Clock clock) {
        this.jdbi = jdbi;
        this.services = services;
        this.scale = scale;
        this.random = new SplittableRandom(seed);
        this.now = clock.instant();
        this.today = LocalDate.ofInstant(now, ZONE);
        this.firstDay = today.minusYears(YEARS);
    }

    /** True when this database already holds a generated municipality. */
    public static boolean alreadyGenerated(Services services) {
        return services.areas().all().stream().anyMatch(a -> a.municipality().equals(MUNICIPALITY));
    }

    public Map<String, Long> generate(java.io.PrintStream progress) {
        step(progress, "areas and places", this::areasAndPlaces);
        step(progress, "organisations", this::organisations);
        step(progress, "people", this::people);
        step(progress, "network groups", this::networkGroups);
        step(progress, "meetings, agendas, minutes, attendance, action items", this::meetings);
        step(progress, "activities and observations", this::activities);
        step(progress, "rollouts and property steps", this::rollouts);
        step(progress, "programme", this::programme);
        restartIdentities();
        return counts;
    }

    private void step(java.io.PrintStream progress, String what, Runnable work) {
        long start = System.nanoTime();
        work.run();
        progress.printf("  %-55s %6.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }

    // --- structure, through the services ---

    private void areasAndPlaces() {
        List<String> names = Names.areaNames(scale.areas, random);
        for (String name : names) {
            Area area = services.areas().create(null, new AreaInput(name, MUNICIPALITY, Names.areaDescription(name, random)));
            areas.add(area);
            List<Long> places = new ArrayList<>();
            for (String place : Names.placeNames(name, scale.placesPerArea)) {
                places.add(services.areas().addPlace(null, area.id(), new PlaceInput(place, random.nextInt(3) == 0 ? null
                        : Names.street(name, random) + " " + (1 + random.nextInt(40)))).id());
            }
            placesOfArea.put(area.id(), places);
            localOrganisationsOfArea.put(area.id(), new ArrayList<>());
        }
        counts.put("areas", (long) areas.size());
        counts.put("places", placesOfArea.values().stream().mapToLong(List::size).sum());
    }

    private void organisations() {
        List<Names.Org> central = Names.centralOrganisations();
        int centralCount = Math.min(central.size(), Math.max(6, scale.organisations / 20));
        for (int i = 0; i < centralCount; i++) {
            Organisation o = services.organisations().create(null, new OrganisationInput(central.get(i).name(), central.get(i).type()));
            organisations.add(o);
            centralOrganisations.add(o.id());
            homeArea.put(o.id(), null);
        }
        int local = scale.organisations - centralCount;
        List<Names.Org> templates = Names.localTemplates();
        for (int i = 0; i < local; i++) {
            Area area = areas.get(i % areas.size());
            Names.Org template = templates.get((i / areas.size()) % templates.size());
            String name = template.name().replace("{}", area.name()) + (i / areas.size() >= templates.size() ? " " + (i / areas.size() / templates.size() + 1) : "");
            Organisation o = services.organisations().create(null, new OrganisationInput(name, template.type()));
            organisations.add(o);
            homeArea.put(o.id(), area.id());
            localOrganisationsOfArea.get(area.id()).add(o.id());
        }
        organisations.forEach(o -> membersOfOrganisation.put(o.id(), new ArrayList<>()));
        counts.put("organisations", (long) organisations.size());
    }

    /**
     * Mostly partners, one in each organisation at least; coordinators and officials in the municipality's units; a few
     * admins. A tenth write in English. One password hash for all, so that anyone can also sign in by hand.
     */
    private void people() {
        String hash = new PasswordHasher(19_456, 2).hash(PASSWORD);
        long nextId = nextId("app_user");
        Batch users = new Batch(jdbi, "app_user", "id, email, name, language, active, password_hash, password_change_required, failed_logins, "
                + "created_at, updated_at", Long.class, String.class, String.class, String.class, Boolean.class, String.class, Boolean.class,
                Integer.class, Instant.class, Instant.class);
        Batch roles = new Batch(jdbi, "user_role", "user_id, role", Long.class, String.class).after(users);
        Batch memberships = new Batch(jdbi, "membership", "user_id, organisation_id, created_at", Long.class, Long.class, Instant.class).after(users);
        List<Long> municipal = organisations.stream().filter(o -> o.type() == OrganisationType.MUNICIPAL_UNIT
                && homeArea.get(o.id()) == null).map(Organisation::id).toList();
        int admins = Math.max(1, scale.users / 1000);
        int coordinators = Math.max(scale.areas * scale.groupsPerArea / 2, scale.users * 6 / 100);
        int officials = Math.max(2, scale.users * 6 / 100);
        java.util.Set<String> emails = new java.util.HashSet<>();
        for (int i = 0; i < scale.users; i++) {
            String role = i < admins ? "ADMIN" : i < admins + coordinators ? "COORDINATOR" : i < admins + coordinators + officials ? "OFFICIAL" : "PARTNER";
            long id = nextId++;
            String first = Names.pick(Names.FIRST, random);
            String last = Names.pick(Names.LAST, random);
            String email = Names.ascii(first + "." + last) + EMAIL_DOMAIN;
            for (int n = 2; !emails.add(email); n++) {
                email = Names.ascii(first + "." + last) + n + EMAIL_DOMAIN;
            }
            Instant created = day(random.nextInt(YEARS * 365)).atTime(9, 0).atZone(ZONE).toInstant();
            users.add(id, email, first + " " + last, random.nextInt(10) == 0 ? "en" : "sv", true, hash, false, 0, created, created);
            roles.add(id, role);
            if (role.equals("ADMIN")) {
                roles.add(id, "COORDINATOR");
            }
            usersByRole.computeIfAbsent(role, r -> new ArrayList<>()).add(id);
            long organisation;
            if (!role.equals("PARTNER")) {
                organisation = municipal.isEmpty() ? centralOrganisations.get(0) : municipal.get(i % municipal.size());
            } else {
                int partner = i - admins - coordinators - officials;
                // the first ones fill every organisation, the rest go where the work is
                organisation = partner < organisations.size() ? organisations.get(partner).id()
                        : organisations.get(random.nextInt(organisations.size())).id();
            }
            memberships.add(id, organisation, created);
            membersOfOrganisation.get(organisation).add(id);
            organisationOfUser.put(id, organisation);
        }
        users.flush();
        roles.flush();
        memberships.flush();
        counts.put("users", users.total());
        counts.put("memberships", memberships.total());
    }

    /** Per area: the network group and, at larger scales, the safety council and the youth group; members central and local. */
    private void networkGroups() {
        List<Long> coordinators = new ArrayList<>(usersByRole.get("COORDINATOR"));
        String[] kinds = {"Nätverksgruppen", "Trygghetsrådet", "Samverkansgruppen för unga"};
        int c = 0;
        for (Area area : areas) {
            for (int g = 0; g < scale.groupsPerArea; g++) {
                LinkedHashSet<Long> members = new LinkedHashSet<>();
                members.addAll(centralOrganisations.subList(0, Math.min(centralOrganisations.size(), 5)));
                members.add(centralOrganisations.get((5 + areas.indexOf(area)) % centralOrganisations.size()));
                members.addAll(localOrganisationsOfArea.get(area.id()));
                // the coordinators' own unit is a member, so that they see what the group sees
                long coordinator = coordinators.get(c++ % coordinators.size());
                members.add(organisationOfUser.get(coordinator));
                groups.add(services.networkGroups().create(null, new NetworkGroupInput(area.id(), kinds[g % kinds.length] + " " + area.name(),
                        List.copyOf(members), List.of(coordinator))));
            }
        }
        counts.put("network groups", (long) groups.size());
    }

    // --- the bulk, as batched rows ---

    private void meetings() {
        long meetingId = nextId("meeting");
        long agendaId = nextId("agenda_item");
        long itemId = nextId("action_item");
        Batch meetings = new Batch(jdbi, "meeting", "id, network_group_id, title, starts_at, ends_at, place_id, address, video_link, status, "
                + "cancel_reason, created_by, created_at, updated_at, detached", Long.class, Long.class, String.class, Instant.class, Instant.class,
                Long.class, String.class, String.class, String.class, String.class, Long.class, Instant.class, Instant.class, Boolean.class);
        Batch invited = new Batch(jdbi, "meeting_invited_organisation", "meeting_id, organisation_id", Long.class, Long.class).after(meetings);
        Batch agenda = new Batch(jdbi, "agenda_item", "id, meeting_id, sort_order, title, presenter_organisation_id, duration_minutes",
                Long.class, Long.class, Integer.class, String.class, Long.class, Integer.class).after(meetings);
        Batch minutes = new Batch(jdbi, "agenda_minutes", "agenda_item_id, meeting_id, notes, decision, visibility, organisation_id, updated_by, "
                + "created_at, updated_at", Long.class, Long.class, String.class, String.class, String.class, Long.class, Long.class, Instant.class,
                Instant.class).after(agenda);
        Batch attendingOrganisations = new Batch(jdbi, "meeting_attendance_organisation", "meeting_id, organisation_id", Long.class, Long.class).after(meetings);
        Batch attendingPeople = new Batch(jdbi, "meeting_attendance_user", "meeting_id, user_id", Long.class, Long.class).after(meetings);
        Batch items = actionItemBatch().after(meetings);
        int perGroup = Math.max(1, scale.meetings / groups.size());
        int meetingItems = scale.actionItems - scale.actionItems / 10;
        double itemsPerMeeting = meetingItems / (scale.meetings * 0.93);
        double owed = 0;
        int made = 0;
        for (int gi = 0; gi < groups.size(); gi++) {
            NetworkGroup group = groups.get(gi);
            int count = gi == groups.size() - 1 ? scale.meetings - made : perGroup;
            long coordinator = group.coordinators().get(0).userId();
            long coordinatorOrganisation = organisationOfUser.get(coordinator);
            List<Long> members = group.members().stream().map(NetworkGroup.Member::organisationId).toList();
            List<Long> places = placesOfArea.get(group.areaId());
            // evenly over ten years and a little ahead, about one in twenty still to come
            double spacing = (YEARS * 365.0 * 1.05) / count;
            for (int m = 0; m < count; m++, made++) {
                LocalDate date = firstDay.plusDays((long) (m * spacing) + random.nextInt(Math.max(1, (int) spacing)));
                int hour = random.nextBoolean() ? 9 : 18;
                Instant starts = date.atTime(hour, 0).atZone(ZONE).toInstant();
                Instant ends = starts.plus(Duration.ofMinutes(90));
                boolean past = ends.isBefore(now);
                boolean cancelled = random.nextInt(100) < 3;
                long id = meetingId++;
                Long place = random.nextInt(4) == 0 ? null : places.get(random.nextInt(places.size()));
                Instant created = starts.minus(Duration.ofDays(14 + random.nextInt(30)));
                created = created.isAfter(now) ? now : created;
                meetings.add(id, group.id(), Names.pick(Names.MEETING_TITLES, random), starts, ends, place,
                        place == null ? "Kommunhuset, sal " + (1 + random.nextInt(4)) : null,
                        random.nextInt(5) == 0 ? "https://video.norrhamn.example/mote-" + id : null,
                        cancelled ? "CANCELLED" : "SCHEDULED", cancelled ? Names.pick(Names.CANCEL_REASONS, random) : null,
                        coordinator, created, cancelled ? created.plus(Duration.ofDays(7)) : created, false);
                if (past && !cancelled) {
                    someMeetingOfGroup.put(group.id(), id); // the latest held one: it has minutes, attendance and action items
                }
                members.forEach(o -> invited.add(id, o));
                int agendaItems = 3 + random.nextInt(3);
                long firstAgenda = agendaId;
                for (int a = 0; a < agendaItems; a++) {
                    agenda.add(agendaId++, id, a + 1, Names.pick(Names.AGENDA, random),
                            random.nextInt(4) == 0 ? null : members.get(random.nextInt(members.size())), 10 + 5 * random.nextInt(5));
                }
                if (!past || cancelled) {
                    continue;
                }
                Instant written = ends.plus(Duration.ofDays(1));
                written = written.isAfter(now) ? now : written;
                for (int a = 0; a < 2; a++) {
                    minutes.add(firstAgenda + a, id, Names.pick(Names.NOTES, random),
                            random.nextBoolean() ? Names.pick(Names.DECISIONS, random) : null, "NETWORK", null, coordinator, written, written);
                }
                LinkedHashSet<Long> present = new LinkedHashSet<>();
                int attending = Math.max(1, members.size() * 2 / 3);
                while (present.size() < attending) {
                    present.add(members.get(random.nextInt(members.size())));
                }
                present.forEach(o -> attendingOrganisations.add(id, o));
                LinkedHashSet<Long> people = new LinkedHashSet<>();
                people.add(coordinator);
                for (long o : present) {
                    List<Long> of = membersOfOrganisation.get(o);
                    if (!of.isEmpty() && random.nextInt(3) == 0) {
                        people.add(of.get(random.nextInt(of.size())));
                    }
                }
                people.forEach(u -> attendingPeople.add(id, u));
                owed += itemsPerMeeting;
                while (owed >= 1 && items.total() < meetingItems) {
                    owed -= 1;
                    long responsible = members.get(random.nextInt(members.size()));
                    LocalDate due = date.plusDays(14 + random.nextInt(50));
                    // ORGANISATION only for the coordinator's own organisation: the service allows no other
                    String visibility = responsible == coordinatorOrganisation && random.nextInt(3) == 0 ? "ORGANISATION" : "NETWORK";
                    addActionItem(items, itemId++, id, group.id(), group.areaId(), Names.pick(Names.ACTION_TITLES, random), responsible,
                            due, visibility, coordinator, written);
                }
            }
        }
        for (Batch b : List.of(meetings, invited, agenda, minutes, attendingOrganisations, attendingPeople, items)) {
            b.flush();
        }
        counts.put("meetings", meetings.total());
        counts.put("meeting invitations", invited.total());
        counts.put("agenda items", agenda.total());
        counts.put("minutes", minutes.total());
        counts.put("attendance (organisations)", attendingOrganisations.total());
        counts.put("attendance (people)", attendingPeople.total());
        counts.put("action items from meetings", items.total());
        nextActionItemId = itemId;
    }

    private long nextActionItemId;

    private Batch actionItemBatch() {
        return new Batch(jdbi, "action_item", "id, meeting_id, network_group_id, area_id, title, responsible_organisation_id, responsible_user_id, "
                + "due_date, state, visibility, created_by, created_at, updated_at, closed_at", Long.class, Long.class, Long.class, Long.class,
                String.class, Long.class, Long.class, LocalDate.class, String.class, String.class, Long.class, Instant.class, Instant.class,
                Instant.class);
    }

    /** States as the follow-up leaves them: most past items done (most on time), some cancelled, some left overdue. */
    private void addActionItem(Batch items, long id, Long meetingId, Long groupId, long areaId, String title, long organisation,
                               LocalDate due, String visibility, long createdBy, Instant created) {
        List<Long> people = membersOfOrganisation.get(organisation);
        Long person = !people.isEmpty() && random.nextInt(3) == 0 ? people.get(random.nextInt(people.size())) : null;
        String state;
        Instant closed = null;
        int roll = random.nextInt(100);
        if (due.isBefore(today)) {
            state = roll < 75 ? "DONE" : roll < 80 ? "CANCELLED" : roll < 90 ? "OPEN" : "IN_PROGRESS";
            if (state.equals("DONE") || state.equals("CANCELLED")) {
                LocalDate on = roll < 60 ? due.minusDays(random.nextInt(14)) : due.plusDays(1 + random.nextInt(30));
                closed = on.atTime(14, 0).atZone(ZONE).toInstant();
            }
        } else {
            state = roll < 60 ? "OPEN" : roll < 90 ? "IN_PROGRESS" : "DONE";
            if (state.equals("DONE")) {
                closed = now.minus(Duration.ofDays(random.nextInt(7)));
            }
        }
        if (closed != null && closed.isBefore(created)) {
            closed = created;
        }
        if (closed != null && closed.isAfter(now)) {
            closed = now;
        }
        items.add(id, meetingId, groupId, areaId, title, organisation, person, due, state, visibility, createdBy, created,
                closed == null ? created : closed, closed);
    }

    /**
     * A million activities over ten years, more each year, in the evening mostly; a few planned for the next two weeks. A
     * partner of the organisation logs each. One in seven has an observation; one in seven of those was handed over as an
     * action item (meeting-less, the area's first group, visibility NETWORK or ORGANISATION as the service sets it).
     */
    private void activities() {
        List<Long> types = services.categories().active(CategoryKind.ACTIVITY_TYPE).stream().map(Category::id).toList();
        List<Long> categories = services.categories().active(CategoryKind.OBSERVATION_CATEGORY).stream().map(Category::id).toList();
        Map<Long, Long> firstGroupOfArea = new LinkedHashMap<>();
        groups.forEach(g -> firstGroupOfArea.merge(g.areaId(), g.id(), Math::min));
        long activityId = nextId("activity");
        long observationId = nextId("observation");
        long itemId = nextActionItemId;
        Batch activities = new Batch(jdbi, "activity", "id, organisation_id, area_id, place_id, type_id, starts_at, ends_at, staff_count, "
                + "reached_count, description, visibility, created_by, created_at, updated_at", Long.class, Long.class, Long.class, Long.class,
                Long.class, Instant.class, Instant.class, Integer.class, Integer.class, String.class, String.class, Long.class, Instant.class,
                Instant.class);
        Batch observations = new Batch(jdbi, "observation", "id, activity_id, organisation_id, area_id, place_id, category_id, observed_at, "
                + "description, visibility, action_item_id, created_by, created_at, updated_at", Long.class, Long.class, Long.class, Long.class,
                Long.class, Long.class, Instant.class, String.class, String.class, Long.class, Long.class, Instant.class, Instant.class);
        Batch items = actionItemBatch();
        observations.after(activities, items);
        int handOvers = scale.actionItems / 10;
        int days = YEARS * 365;
        for (int i = 0; i < scale.activities; i++) {
            Area area = areas.get(random.nextInt(areas.size()));
            List<Long> local = localOrganisationsOfArea.get(area.id());
            long organisation = local.isEmpty() || random.nextInt(10) < 4 ? centralOrganisations.get(random.nextInt(centralOrganisations.size()))
                    : local.get(random.nextInt(local.size()));
            List<Long> people = membersOfOrganisation.get(organisation);
            long author = people.get(random.nextInt(people.size()));
            // density grows linearly towards today; one in two hundred is planned ahead
            LocalDate date = random.nextInt(200) == 0 ? today.plusDays(1 + random.nextInt(14))
                    : firstDay.plusDays(Math.min(days, (long) (days * Math.sqrt(random.nextDouble()))));
            Instant starts = date.atTime(random.nextInt(3) == 0 ? 10 + random.nextInt(6) : 17 + random.nextInt(5), 0).atZone(ZONE).toInstant();
            Instant ends = starts.plus(Duration.ofMinutes(60 + 30 * random.nextInt(6)));
            List<Long> places = placesOfArea.get(area.id());
            Long place = random.nextBoolean() ? places.get(random.nextInt(places.size())) : null;
            int roll = random.nextInt(10);
            String visibility = roll < 3 ? "PUBLIC" : roll < 9 ? "NETWORK" : "ORGANISATION";
            Instant logged = ends.isAfter(now) ? now.minus(Duration.ofDays(1 + random.nextInt(5))) : ends.plus(Duration.ofHours(random.nextInt(48)));
            logged = logged.isAfter(now) ? now : logged;
            long id = activityId++;
            activities.add(id, organisation, area.id(), place, types.get(random.nextInt(types.size())), starts, ends, 1 + random.nextInt(6),
                    random.nextInt(4) == 0 ? null : random.nextInt(60), random.nextInt(3) == 0 ? null : Names.pick(Names.ACTIVITY_NOTES, random),
                    visibility, author, logged, logged);
            if (!ends.isAfter(now) && random.nextInt(7) == 0) {
                String seen = visibility.equals("ORGANISATION") ? "ORGANISATION" : "NETWORK";
                Long item = null;
                if (items.total() < handOvers && random.nextInt(7) == 0 && !date.isBefore(today.minusYears(YEARS - 1))) {
                    item = itemId++;
                    long responsible = local.isEmpty() ? organisation : local.get(random.nextInt(local.size()));
                    addActionItem(items, item, null, firstGroupOfArea.get(area.id()), area.id(), Names.pick(Names.ACTION_TITLES, random),
                            responsible, date.plusDays(7 + random.nextInt(30)), seen, author, logged);
                }
                observations.add(observationId++, id, organisation, area.id(), place, categories.get(random.nextInt(categories.size())), starts,
                        Names.pick(Names.OBSERVATIONS, random), seen, item, author, logged, logged);
            }
        }
        activities.flush();
        items.flush(); // before the observations that point at them
        observations.flush();
        counts.put("activities", activities.total());
        counts.put("observations", observations.total());
        counts.put("action items from observations", items.total());
    }

    /**
     * Huskurage, one rollout per area for as many areas as it takes, started between five years and two months ago, through
     * the rollout service (which makes each property's steps and their due dates). Then the steps as the partners left them:
     * most that fell due are done, some still in progress, the rest overdue; a few ahead already started.
     */
    private void rollouts() {
        int perRollout = 50;
        int rollouts = Math.max(1, (scale.properties + perRollout - 1) / perRollout);
        List<Long> coordinators = usersByRole.get("COORDINATOR");
        CurrentUser actor = services.users().principalOf(coordinators.get(0));
        MethodTemplate huskurage = services.methodTemplates().list(actor, false).stream().filter(t -> t.name().equals("Huskurage"))
                .findFirst().orElseThrow(() -> new IllegalStateException("the Huskurage method template is missing"));
        List<Long> housing = organisations.stream().filter(o -> o.type() == OrganisationType.HOUSING_COMPANY).map(Organisation::id).toList();
        List<Long> made = new ArrayList<>();
        int properties = 0;
        for (int r = 0; r < rollouts && properties < scale.properties; r++) {
            Area area = areas.get(r % areas.size());
            int count = Math.min(perRollout, scale.properties - properties);
            List<PropertyInput> houses = new ArrayList<>();
            for (int p = 0; p < count; p++) {
                houses.add(new PropertyInput(Names.street(area.name(), random) + " " + (p + 1) + (r >= areas.size() ? " " + (char) ('A' + r / areas.size()) : ""),
                        housing.get(random.nextInt(housing.size())), 1 + random.nextInt(6), 8 + random.nextInt(80)));
            }
            LocalDate start = today.minusDays(60 + random.nextInt(5 * 365 - 60));
            long coordinator = coordinators.get(r % coordinators.size());
            Rollout rollout = services.rollouts().create(actor, new RolloutInput(huskurage.id(), area.id(),
                    "Huskurage i " + area.name() + (r >= areas.size() ? " (etapp " + (r / areas.size() + 1) + ")" : ""), start,
                    start.plusMonths(12), coordinator, List.of(), houses));
            made.add(rollout.id());
            properties += count;
        }
        String ids = made.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        long by = coordinators.get(0);
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE property_step SET state = 'DONE', completed_on = due_date, updated_at = :now, updated_by = :by, "
                    + "item_count = CASE WHEN counted THEN 10 ELSE NULL END FROM rollout_step s WHERE s.id = property_step.step_id "
                    + "AND property_step.rollout_id IN (" + ids + ") AND property_step.due_date < :today AND MOD(property_step.id, 5) <> 0")
                    .bind("now", now).bind("by", by).bind("today", today).execute();
        });
        jdbi.useTransaction(h -> h.createUpdate("UPDATE property_step SET state = 'IN_PROGRESS', updated_at = :now, updated_by = :by "
                + "WHERE rollout_id IN (" + ids + ") AND state = 'NOT_STARTED' AND MOD(id, 3) = 0")
                .bind("now", now).bind("by", by).execute());
        counts.put("rollouts", (long) made.size());
        counts.put("properties", (long) properties);
        counts.put("property steps", jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM property_step WHERE rollout_id IN (" + ids + ")")
                .mapTo(Long.class).one()));
    }

    /**
     * One programme for the whole period: four focus areas, two goals each, two measures per goal (with areas, the rollouts,
     * activity types), and the indicators: most DERIVED over the four sources, one in five MANUAL with yearly measurements.
     */
    private void programme() {
        LocalDate start = firstDay.withDayOfYear(1).plusYears(1);
        LocalDate end = today.withDayOfYear(1).plusYears(2).minusDays(1);
        Programme programme = services.programmes().create(null, new ProgrammeInput("Norrhamns program för trygghet och social hållbarhet",
                "Kommunfullmäktige", start.minusDays(20), start, end,
                "Programmet samlar kommunens, polisens och civilsamhällets arbete för trygga bostadsområden. Det följs upp varje år."));
        programmeId = programme.id();
        List<Long> types = services.categories().active(CategoryKind.ACTIVITY_TYPE).stream().map(Category::id).toList();
        List<Long> rollouts = jdbi.withHandle(h -> h.createQuery("SELECT r.id FROM rollout r JOIN area a ON a.id = r.area_id "
                + "WHERE a.municipality = :m ORDER BY r.id").bind("m", MUNICIPALITY).mapTo(Long.class).list());
        long responsible = centralOrganisations.stream().filter(id -> organisations.stream()
                .anyMatch(o -> o.id() == id && o.type() == OrganisationType.MUNICIPAL_UNIT)).findFirst().orElse(centralOrganisations.get(0));
        String[][] focus = {
            {"Trygghet", "Trygga bostadsområden dag som kväll", "Färre platser som upplevs otrygga"},
            {"Unga", "Meningsfull fritid för unga", "Färre unga i riskmiljöer"},
            {"Våld i nära relationer", "En kommun fri från våld", "Grannar som reagerar"},
            {"Samverkan", "Ett nätverk som håller", "Åtgärder som blir gjorda"}};
        List<Long> goalIds = new ArrayList<>();
        List<long[]> measureIds = new ArrayList<>(); // measure id, has rollouts (1/0)
        int rolloutIndex = 0;
        for (String[] f : focus) {
            FocusArea fa = services.programmes().addFocusArea(null, programme.id(), new FocusAreaInput(f[0], "Fokusområdet " + f[0] + ".", null));
            for (int g = 1; g <= 2; g++) {
                Goal goal = services.programmes().addGoal(null, fa.id(), new GoalInput(f[g], "Målet följs upp med indikatorerna nedan.", null));
                goalIds.add(goal.id());
                for (int m = 0; m < 2; m++) {
                    List<Long> measureAreas = new ArrayList<>();
                    for (int a = 0; a < Math.min(5, areas.size()); a++) {
                        measureAreas.add(areas.get((goalIds.size() * 3 + m * 5 + a) % areas.size()).id());
                    }
                    List<Long> measureRollouts = new ArrayList<>();
                    if (m == 0 && rolloutIndex < rollouts.size()) {
                        measureRollouts.add(rollouts.get(rolloutIndex++));
                    }
                    Measure measure = services.programmes().addMeasure(null, goal.id(), new MeasureInput(
                            (m == 0 ? "Huskurage och information, " : "Nattvandring och fältarbete, ") + f[g].toLowerCase(),
                            "Åtgärden genomförs tillsammans med nätverksgrupperna i områdena.", responsible, start.plusMonths(3), null, null,
                            List.copyOf(new LinkedHashSet<>(measureAreas)), measureRollouts, types.subList(0, Math.min(2, types.size()))));
                    measureIds.add(new long[] {measure.id(), measureRollouts.isEmpty() ? 0 : 1});
                }
            }
        }
        DerivedSource[] sources = {DerivedSource.ACTIVITIES, DerivedSource.MEETINGS_HELD, DerivedSource.ACTION_ITEMS_CLOSED_ON_TIME,
            DerivedSource.APARTMENTS_COVERED};
        int manual = 0;
        for (int i = 0; i < scale.indicators; i++) {
            boolean onGoal = i % 2 == 0;
            long[] measure = measureIds.get(i % measureIds.size());
            Long goalId = onGoal ? goalIds.get(i % goalIds.size()) : null;
            Long measureId = onGoal ? null : measure[0];
            if (i % 5 == 4) {
                Indicator indicator = services.programmes().createIndicator(null, new IndicatorInput(goalId, measureId,
                        "Andel boende som känner sig trygga, enkät " + (manual + 1), "Från kommunens trygghetsundersökning.", "procent",
                        Direction.HIGHER_IS_BETTER, new BigDecimal("60"), start, new BigDecimal("75"), end, IndicatorKind.MANUAL, null, null, null,
                        null, null, null));
                for (LocalDate on = start.plusMonths(4); !on.isAfter(today); on = on.plusYears(1)) {
                    services.programmes().addMeasurement(null, indicator.id(), new MeasurementInput(on,
                            BigDecimal.valueOf(58 + random.nextInt(15)), null, "Trygghetsundersökning Norrhamn", null));
                }
                manual++;
                continue;
            }
            DerivedSource source = sources[i % 3];
            if (!onGoal && measure[1] == 1 && i % 4 == 1) {
                source = DerivedSource.APARTMENTS_COVERED;
            }
            List<Long> indicatorAreas = null;
            if (onGoal) { // a goal's indicator names its areas; a measure's takes the measure's
                indicatorAreas = new ArrayList<>();
                int span = i % 8 == 0 ? areas.size() : Math.min(5, areas.size());
                for (int a = 0; a < span; a++) {
                    indicatorAreas.add(areas.get((i + a) % areas.size()).id());
                }
            }
            String[] about = switch (source) {
                case ACTIVITIES -> new String[] {"Aktiviteter i områdena", "aktiviteter"};
                case MEETINGS_HELD -> new String[] {"Hållna nätverksmöten", "möten"};
                case ACTION_ITEMS_CLOSED_ON_TIME -> new String[] {"Åtgärdspunkter klara i tid", "procent"};
                case APARTMENTS_COVERED -> new String[] {"Lägenheter som nåtts av Huskurage", "lägenheter"};
            };
            services.programmes().createIndicator(null, new IndicatorInput(goalId, measureId, about[0] + " " + (i + 1),
                    "Räknas ur det som loggas i Samtrygg.", about[1], Direction.HIGHER_IS_BETTER, BigDecimal.TEN, start,
                    new BigDecimal(source == DerivedSource.ACTION_ITEMS_CLOSED_ON_TIME ? "90" : "500"), end, IndicatorKind.DERIVED, source,
                    i % 3 == 0 ? PeriodLength.YEAR : PeriodLength.QUARTER, null, indicatorAreas,
                    source == DerivedSource.ACTIVITIES && onGoal ? types.subList(0, Math.min(3, types.size())) : null, null));
        }
        counts.put("indicators", (long) scale.indicators);
        counts.put("manual indicators", (long) manual);
    }

    // --- ids ---

    private long nextId(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).mapTo(Long.class).one());
    }

    /** The batches wrote their own ids; the identity columns continue after them, so the services' next row does not collide. */
    private void restartIdentities() {
        boolean postgres;
        try {
            postgres = jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName()).equals("PostgreSQL");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        for (String table : List.of("app_user", "meeting", "agenda_item", "action_item", "activity", "observation")) {
            long next = nextId(table);
            jdbi.useHandle(h -> {
                if (postgres) {
                    h.createQuery("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + (next - 1) + ")").mapTo(Long.class).one();
                } else {
                    h.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
                }
            });
        }
    }

    private LocalDate day(int offset) {
        return firstDay.plusDays(offset);
    }
}
