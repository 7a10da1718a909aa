package se.samtrygg.reminder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.notification.MailConfiguration;
import se.samtrygg.notification.NotificationService;

/**
 * Coordinators' adjustments of the reminder rules per network group, users' opt-outs, and the weekly digest.
 * {@link #forGroup} and {@link #optOuts} are what the planner and the dispatcher rely on. A group's rules are
 * changed by its coordinators and admins; a user changes only their own opt-outs.
 */
public final class ReminderSettingsService {
    static final String GROUP_ENTITY = "network_group_reminders";
    static final String OPT_OUT_ENTITY = "notification_settings";

    /** The offsets a coordinator may choose, per kind with an offset: beyond them a reminder stops being useful. */
    private static final Map<ReminderKind, int[]> DAY_BOUNDS = new EnumMap<>(Map.of(
            ReminderKind.AGENDA_MISSING, new int[] {1, 30},
            ReminderKind.MEETING_TOMORROW, new int[] {1, 14},
            ReminderKind.MINUTES_MISSING, new int[] {1, 30},
            ReminderKind.ACTION_ITEM_DUE_SOON, new int[] {1, 30},
            ReminderKind.ACTION_ITEM_OVERDUE, new int[] {1, 30},
            ReminderKind.ACTION_ITEM_OVERDUE_COORDINATOR, new int[] {1, 60},
            ReminderKind.STEP_DUE_SOON, new int[] {1, 30},
            ReminderKind.STEP_OVERDUE, new int[] {1, 30},
            ReminderKind.STEP_OVERDUE_COORDINATOR, new int[] {1, 60}));

    private final Jdbi jdbi;
    private final AuditService audit;
    private final Clock clock;
    private final WeeklyDigest digest;

    public ReminderSettingsService(Jdbi jdbi, AuditService audit, NotificationService notifications, Messages messages,
                                   MailConfiguration mail, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.digest = new WeeklyDigest(jdbi, notifications, messages, mail.getBaseUrl(), clock);
    }

    /** The rules of a network group (its reminder_setting rows over the defaults); the defaults when the id is null. */
    public ReminderSettings forGroup(Handle h, Long networkGroupId) {
        Map<ReminderKind, ReminderSettings.Rule> rules = new EnumMap<>(ReminderSettings.defaults().rules());
        if (networkGroupId != null) {
            for (ReminderSettingsDao.SettingRow row : h.attach(ReminderSettingsDao.class).settingsOf(networkGroupId)) {
                kindOf(row.kind()).filter(ReminderKind::perGroup).ifPresent(kind ->
                        rules.put(kind, new ReminderSettings.Rule(row.enabled(), kind.defaultDays() == null ? null
                                : row.days() == null ? kind.defaultDays() : row.days())));
            }
        }
        return new ReminderSettings(rules);
    }

    /** The kinds this user has opted out of. */
    public Set<ReminderKind> optOuts(Handle h, long userId) {
        Set<ReminderKind> kinds = EnumSet.noneOf(ReminderKind.class);
        for (String kind : h.attach(ReminderSettingsDao.class).optOuts(userId)) {
            kindOf(kind).ifPresent(kinds::add);
        }
        return kinds;
    }

    // A network group's rules

    /** The kinds a coordinator may adjust, in the order the page lists them. */
    public static List<ReminderKind> adjustableKinds() {
        return java.util.Arrays.stream(ReminderKind.values()).filter(ReminderKind::perGroup).toList();
    }

    public GroupReminderSettings groupSettings(CurrentUser actor, long groupId) {
        return jdbi.withHandle(h -> {
            String name = requireManager(h, actor, groupId);
            return view(h, groupId, name);
        });
    }

    /** Whether the actor may change the group's rules: for the link on the group's page. */
    public boolean canAdjust(CurrentUser actor, long groupId) {
        return actor.isAdmin() || jdbi.withExtension(ReminderSettingsDao.class, dao -> dao.isCoordinator(groupId, actor.id())) > 0;
    }

    /**
     * Replaces the group's rules, inside the caller's transaction ({@link ReminderService#updateGroupSettings}, which
     * replans the group's reminders in the same one). Only rules that differ from the defaults are stored, so a group
     * that changed nothing follows the defaults. The planner reads them through {@link #forGroup}.
     */
    GroupReminderSettings writeGroupSettings(Handle h, CurrentUser actor, long groupId, Map<ReminderKind, ReminderSettings.Rule> rules) {
        // Locks the group row, so that two coordinators saving at once save one after the other.
        h.createQuery("SELECT id FROM network_group WHERE id = :id FOR UPDATE").bind("id", groupId).mapTo(Long.class).findOne();
        String name = requireManager(h, actor, groupId);
        ReminderSettings before = forGroup(h, groupId);
        ReminderSettingsDao dao = h.attach(ReminderSettingsDao.class);
        dao.clearSettings(groupId);
        List<String> changes = new ArrayList<>();
        for (ReminderKind kind : adjustableKinds()) {
            ReminderSettings.Rule rule = rules.getOrDefault(kind, new ReminderSettings.Rule(true, kind.defaultDays()));
            if (!rule.equals(new ReminderSettings.Rule(true, kind.defaultDays()))) {
                dao.insertSetting(groupId, kind.name(), rule.enabled(), rule.days(), clock.instant());
            }
            if (!rule.equals(before.rule(kind))) {
                changes.add(kind + " " + describe(before.rule(kind)) + " → " + describe(rule));
            }
        }
        audit.record(h, actor, AuditAction.UPDATE, GROUP_ENTITY, groupId, "Changed the reminder rules of network group " + name
                + (changes.isEmpty() ? ": no change" : ": " + String.join(", ", changes)));
        return view(h, groupId, name);
    }

    private GroupReminderSettings view(Handle h, long groupId, String name) {
        ReminderSettings settings = forGroup(h, groupId);
        List<GroupReminderSettings.AdjustableRule> rules = adjustableKinds().stream().map(kind -> {
            int[] bounds = DAY_BOUNDS.get(kind);
            ReminderSettings.Rule rule = settings.rule(kind);
            return new GroupReminderSettings.AdjustableRule(kind, rule.enabled(), rule.days(), kind.defaultDays(),
                    bounds == null ? null : bounds[0], bounds == null ? null : bounds[1]);
        }).toList();
        return new GroupReminderSettings(groupId, name, rules);
    }

    /** The group's name; 404 for an unknown group, 403 for anyone but its coordinators and admins. */
    static String requireManager(Handle h, CurrentUser actor, long groupId) {
        ReminderSettingsDao dao = h.attach(ReminderSettingsDao.class);
        String name = dao.groupName(groupId).orElseThrow(() -> new NotFoundException("network_group", groupId));
        if (!actor.isAdmin() && dao.isCoordinator(groupId, actor.id()) == 0) {
            throw new AccessDeniedException("only coordinators of network group " + groupId + " and admins change its reminder rules");
        }
        return name;
    }

    /** Field names: {@code rules.KIND.days} and {@code rules.KIND.kind}, the same on the API and the page. */
    static Map<ReminderKind, ReminderSettings.Rule> validate(ReminderSettingsInput input) {
        if (input == null || input.rules() == null) {
            throw new InvalidInputException("rules", "error.required");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<ReminderKind, ReminderSettings.Rule> rules = new EnumMap<>(ReminderKind.class);
        for (ReminderSettingsInput.Rule rule : input.rules()) {
            if (rule == null || rule.kind() == null) {
                errors.add(new FieldError("rules", "error.reminderSettings.kindRequired"));
                continue;
            }
            ReminderKind kind = rule.kind();
            String field = "rules." + kind.name();
            if (!kind.perGroup()) {
                errors.add(new FieldError(field + ".kind", "error.reminderSettings.notAdjustable"));
                continue;
            }
            if (rules.containsKey(kind)) {
                errors.add(new FieldError(field + ".kind", "error.reminderSettings.twice"));
                continue;
            }
            Integer days = rule.days();
            int[] bounds = DAY_BOUNDS.get(kind);
            if (kind.defaultDays() == null) {
                if (days != null) {
                    errors.add(new FieldError(field + ".days", "error.reminderSettings.noDays"));
                    continue;
                }
            } else if (days == null) {
                days = kind.defaultDays();
            } else if (days < bounds[0] || days > bounds[1]) {
                errors.add(new FieldError(field + ".days", "error.reminderSettings.days", bounds[0], bounds[1]));
                continue;
            }
            rules.put(kind, new ReminderSettings.Rule(rule.enabled() == null || rule.enabled(), days));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return rules;
    }

    /** The days a kind's offset may take, for the page's error message when the typed text is not a number. */
    public static int[] dayBounds(ReminderKind kind) {
        return DAY_BOUNDS.get(kind);
    }

    private static String describe(ReminderSettings.Rule rule) {
        return (rule.enabled() ? "on" : "off") + (rule.days() == null ? "" : " " + rule.days() + " d");
    }

    // A user's opt-outs

    public NotificationSettings userOptOuts(CurrentUser actor) {
        return jdbi.withHandle(h -> settingsView(optOuts(h, actor.id())));
    }

    /** Replaces the user's own opt-outs; the dispatcher reads them when a reminder falls due, so nothing needs replanning. */
    public NotificationSettings updateUserOptOuts(CurrentUser actor, Set<ReminderKind> optOuts) {
        if (optOuts == null) {
            throw new InvalidInputException("optOuts", "error.required");
        }
        if (optOuts.contains(null)) {
            throw new InvalidInputException("optOuts", "error.unknownValue");
        }
        Set<ReminderKind> wanted = optOuts.isEmpty() ? EnumSet.noneOf(ReminderKind.class) : EnumSet.copyOf(optOuts);
        return jdbi.inTransaction(h -> {
            // Locks the user's row, so that two saves at once do not both insert the same opt-out.
            h.createQuery("SELECT id FROM app_user WHERE id = :id FOR UPDATE").bind("id", actor.id()).mapTo(Long.class).findOne();
            Set<ReminderKind> before = optOuts(h, actor.id());
            ReminderSettingsDao dao = h.attach(ReminderSettingsDao.class);
            dao.clearOptOuts(actor.id());
            for (ReminderKind kind : wanted) {
                dao.insertOptOut(actor.id(), kind.name(), clock.instant());
            }
            if (!before.equals(wanted)) {
                audit.record(h, actor, AuditAction.UPDATE, OPT_OUT_ENTITY, actor.id(), "Changed own notification opt-outs: "
                        + (wanted.isEmpty() ? "none" : wanted.stream().map(Enum::name).collect(Collectors.joining(", "))));
            }
            return settingsView(wanted);
        });
    }

    private static NotificationSettings settingsView(Set<ReminderKind> optOuts) {
        List<NotificationSettings.Choice> choices = java.util.Arrays.stream(ReminderKind.values())
                .map(kind -> new NotificationSettings.Choice(kind, groupOf(kind), !optOuts.contains(kind))).toList();
        return new NotificationSettings(List.copyOf(optOuts), choices);
    }

    /** How the settings page groups the kinds: meetings, action items, rollout steps, the weekly digest. */
    public static String groupOf(ReminderKind kind) {
        String name = kind.name();
        if (name.startsWith("ACTION_ITEM")) {
            return "actionItems";
        }
        if (name.startsWith("STEP")) {
            return "rolloutSteps";
        }
        if (kind == ReminderKind.WEEKLY_DIGEST) {
            return "digest";
        }
        return "meetings";
    }

    // The weekly digest

    /** Sends this week's digest to every active user who has something this week and did not opt out; returns how many were sent. */
    public int sendWeeklyDigests() {
        return digest.sendAll();
    }

    private static java.util.Optional<ReminderKind> kindOf(String name) {
        try {
            return java.util.Optional.of(ReminderKind.valueOf(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // a kind since removed: its rows are ignored
        }
    }
}
