package se.samtrygg.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.common.Secrets;

/**
 * Signed-in web sessions and API tokens for a sample of the generated people, written as the services store them (only
 * the hash of the session id and of the token in the database; the CSRF token beside it), and a file the load scripts read:
 * one line per session, whitespace-separated:
 * {@code role userId sessionCookie csrfToken apiToken areaId meetingId networkGroupId programmeId organisationId}.
 * A session lives as long as the server's configured idle timeout and absolute lifetime allow (the bench config raises them).
 */
final class BenchSessions {
    static final Map<String, Integer> PER_ROLE = Map.of("PARTNER", 60, "COORDINATOR", 20, "OFFICIAL", 10, "ADMIN", 2);

    private BenchSessions() {
    }

    static int write(Jdbi jdbi, Path file, Instant now) throws IOException {
        long programme = jdbi.withHandle(h -> h.createQuery("SELECT MIN(id) FROM programme WHERE name LIKE 'Norrhamn%'").mapTo(Long.class)
                .findOne().orElse(0L));
        List<String> lines = new ArrayList<>();
        lines.add("# role userId sessionCookie csrfToken apiToken areaId meetingId networkGroupId programmeId organisationId");
        for (String role : List.of("PARTNER", "COORDINATOR", "OFFICIAL", "ADMIN")) {
            List<Long> users = jdbi.withHandle(h -> h.createQuery("SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id "
                    + "WHERE r.role = :role AND u.email LIKE :domain ORDER BY u.id").bind("role", role)
                    .bind("domain", "%" + MunicipalityGenerator.EMAIL_DOMAIN).mapTo(Long.class).list());
            int wanted = Math.min(users.size(), PER_ROLE.get(role));
            for (int i = 0; i < wanted; i++) {
                long user = users.get((int) ((long) i * users.size() / wanted));
                lines.add(role + " " + user + " " + session(jdbi, user, now, programme));
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return lines.size() - 1;
    }

    private static String session(Jdbi jdbi, long user, Instant now, long programme) {
        String id = Secrets.newToken();
        String csrf = Secrets.newToken();
        String token = "st_" + Secrets.newToken(); // ApiTokenService.PREFIX: the service refuses a token without it
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO web_session (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (:hash, :user, :csrf, :now, :now)")
                    .bind("hash", Secrets.sha256(id)).bind("user", user).bind("csrf", csrf).bind("now", now).execute();
            h.createUpdate("INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at) VALUES (:user, 'bench', :hash, :now, :expires)")
                    .bind("user", user).bind("hash", Secrets.sha256(token)).bind("now", now).bind("expires", now.plus(Duration.ofDays(30)))
                    .execute();
            long organisation = h.createQuery("SELECT MIN(organisation_id) FROM membership WHERE user_id = :user").bind("user", user)
                    .mapTo(Long.class).one();
            // the group they coordinate, else one their organisation is a member of, else any (an official may be in none)
            long[] group = h.createQuery("""
                    SELECT g.id, g.area_id FROM network_group g
                    ORDER BY CASE WHEN EXISTS (SELECT 1 FROM network_group_coordinator c WHERE c.network_group_id = g.id AND c.user_id = :user) THEN 0
                                  WHEN EXISTS (SELECT 1 FROM network_group_member m WHERE m.network_group_id = g.id AND m.organisation_id = :organisation) THEN 1
                                  ELSE 2 END, MOD(g.id * 7919 + :user, 101), g.id
                    LIMIT 1""").bind("user", user).bind("organisation", organisation)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
            long meeting = h.createQuery("SELECT id FROM meeting WHERE network_group_id = :group AND starts_at < :now AND status = 'SCHEDULED' "
                    + "ORDER BY starts_at DESC LIMIT 1").bind("group", group[0]).bind("now", now).mapTo(Long.class).findOne().orElse(0L);
            return id + " " + csrf + " " + token + " " + group[1] + " " + meeting + " " + group[0] + " " + programme + " " + organisation;
        });
    }
}
