package se.samtrygg.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.common.Secrets;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.UserService;
import se.samtrygg.meeting.NetworkGroup;
import se.samtrygg.meeting.NetworkGroupService;

/**
 * Calendar feeds: secret URLs that calendar programs fetch without signing in. A user has at most
 * one active personal feed and one per network group they see; issuing one revokes the previous
 * feed of the same scope. The secret is shown once and stored as a hash, like an API token. What a
 * feed shows is computed at every fetch with its owner's rights at that moment.
 */
public final class CalendarFeedService {
    static final String ENTITY = "calendar_feed";
    static final String PATH = "calendar/feed.ics?token=";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final CalendarService calendars;
    private final NetworkGroupService groups;
    private final UserService users;
    private final AuditService audit;
    private final Clock clock;

    public CalendarFeedService(Jdbi jdbi, CalendarService calendars, NetworkGroupService groups, UserService users, AuditService audit,
                               Clock clock) {
        this.jdbi = jdbi;
        this.calendars = calendars;
        this.groups = groups;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new feed for the owner: personal when {@code groupId} is null, else of a group the owner sees. */
    public IssuedCalendarFeed issue(CurrentUser owner, Long groupId, String baseUrl) {
        NetworkGroup group = null;
        if (groupId != null) {
            try {
                group = groups.get(owner, groupId);
            } catch (NotFoundException e) {
                throw new InvalidInputException("networkGroupId", "error.unknownNetworkGroup");
            }
        }
        String scope = group == null ? "the personal calendar feed" : "the calendar feed of network group \"" + group.name() + "\"";
        String token = Secrets.newToken();
        Instant now = clock.instant();
        CalendarFeed feed = jdbi.inTransaction(h -> {
            CalendarFeedDao dao = h.attach(CalendarFeedDao.class);
            dao.lockUser(owner.id());
            int revoked = dao.revokeScope(owner.id(), groupId, now);
            long id = dao.insert(owner.id(), groupId, Secrets.sha256(token), now);
            audit.record(h, owner, AuditAction.CREATE, ENTITY, id, "Issued " + scope + (revoked > 0 ? ", revoking the previous one" : ""));
            return dao.find(id).orElseThrow();
        });
        return new IssuedCalendarFeed(feed, url(baseUrl, token));
    }

    /** The owner's feeds, revoked ones included, without their secrets. */
    public Page<CalendarFeed> list(CurrentUser owner, Long after, Integer limit) {
        int size = Page.clampLimit(limit);
        return Page.of(jdbi.withExtension(CalendarFeedDao.class, dao -> dao.listFor(owner.id(), Page.afterOrStart(after), size + 1)),
                size, CalendarFeed::id);
    }

    /** The owner's feeds that still work: the personal one first. */
    public List<CalendarFeed> active(CurrentUser owner) {
        return jdbi.withExtension(CalendarFeedDao.class, dao -> dao.activeOf(owner.id()));
    }

    /** One's own feed; nobody else's, not even an admin's: a feed shows its owner's calendar. */
    public CalendarFeed get(CurrentUser actor, long id) {
        CalendarFeed feed = jdbi.withExtension(CalendarFeedDao.class, dao -> dao.find(id)).orElseThrow(() -> new NotFoundException(ENTITY, id));
        requireOwner(actor, feed);
        return feed;
    }

    public CalendarFeed revoke(CurrentUser actor, long id) {
        return jdbi.inTransaction(h -> {
            CalendarFeedDao dao = h.attach(CalendarFeedDao.class);
            CalendarFeed feed = dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            requireOwner(actor, feed);
            if (dao.revoke(id, clock.instant()) > 0) {
                audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Revoked " + (feed.personal() ? "the personal calendar feed"
                        : "the calendar feed of network group \"" + feed.networkGroupName() + "\""));
            }
            return dao.find(id).orElseThrow();
        });
    }

    /**
     * The calendar behind a feed URL, as its owner may see it now. Empty (so: not found) when the
     * token is unknown or revoked, the owner was deactivated, or the owner no longer sees the group.
     */
    public Optional<String> render(String token, String baseUrl) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        Optional<CalendarFeed> found = jdbi.withExtension(CalendarFeedDao.class, dao -> dao.findActiveByHash(Secrets.sha256(token)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CalendarFeed feed = found.get();
        CurrentUser owner;
        try {
            // The secret stands in for a sign-in: the owner's current roles and memberships decide what the feed shows.
            owner = users.principalOf(feed.userId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        try {
            String calendar = feed.personal() ? calendars.personalFeed(owner, baseUrl)
                    : calendars.groupFeed(owner, feed.networkGroupId(), baseUrl);
            touch(feed);
            return Optional.of(calendar);
        } catch (AccessDeniedException | NotFoundException e) {
            return Optional.empty();
        }
    }

    static String url(String baseUrl, String token) {
        return baseUrl + PATH + token;
    }

    private void touch(CalendarFeed feed) {
        Instant now = clock.instant();
        if (feed.lastUsedAt() == null || now.isAfter(feed.lastUsedAt().plus(TOUCH_INTERVAL))) {
            jdbi.useExtension(CalendarFeedDao.class, dao -> dao.touch(feed.id(), now));
        }
    }

    private static void requireOwner(CurrentUser actor, CalendarFeed feed) {
        if (feed.userId() != actor.id()) {
            throw new AccessDeniedException("calendar feed " + feed.id() + " belongs to user " + feed.userId() + ", not " + actor.id());
        }
    }
}
