package se.samtrygg.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.dropwizard.testing.ConfigOverride;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.TriggerKey;
import se.samtrygg.Services;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.identity.UserInput;
import se.samtrygg.meeting.ActionItemInput;
import se.samtrygg.meeting.MeetingInput;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.notification.DeliverOutboxJob;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.rollout.PropertyInput;
import se.samtrygg.rollout.PropertyStep;
import se.samtrygg.rollout.PropertyStepInput;
import se.samtrygg.rollout.Rollout;
import se.samtrygg.rollout.RolloutInput;
import se.samtrygg.rollout.StepState;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;
import se.samtrygg.support.TestSmtp;

/**
 * The Monday digest, on a server and database of its own: it goes to every active user of the database, so only this
 * test's users may be in it. The clock stands at Monday 07:00 in Stockholm, when the job fires. Mail is on, received by an
 * in-process SMTP server (GreenMail); the dispatch and delivery jobs' triggers are paused, so that only the digest is sent
 * and the test delivers the outbox itself.
 */
class WeeklyDigestTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String DOMAIN = "digest.test.samtrygg.se";

    private static GreenMail smtp;
    private static TestServer server;
    private static Services services;
    private static Fixtures fixtures;
    private static LocalDate monday;
    private static User swede;
    private static User englishman;
    private static User idle;
    private static User optedOut;
    private static long meetingId;
    private static Rollout rollout;
    private static PropertyStep swedesStep;

    @BeforeAll
    static void aWeekWithAMeetingAnOverdueItemAndARolloutStep() throws Exception {
        smtp = TestSmtp.start();
        int smtpPort = smtp.getSmtp().getPort();
        server = TestServer.start(TestDatabase.fresh(),
                ConfigOverride.config("mail.host", "127.0.0.1"),
                ConfigOverride.config("mail.port", Integer.toString(smtpPort)),
                ConfigOverride.config("mail.tls", "NONE"),
                ConfigOverride.config("mail.messageIdDomain", DOMAIN));
        server.application().scheduling().scheduler().pauseJob(JobKey.jobKey(DispatchRemindersJob.NAME, "samtrygg"));
        server.application().scheduling().scheduler().pauseJob(JobKey.jobKey(DeliverOutboxJob.NAME, "samtrygg"));
        services = server.services();
        fixtures = new Fixtures(server);
        ZonedDateTime now = ZonedDateTime.now(STOCKHOLM);
        ZonedDateTime nextMonday = now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(LocalTime.of(7, 0))
                .atZone(STOCKHOLM);
        server.clock().advance(Duration.between(now, nextMonday));
        monday = nextMonday.toLocalDate();

        long area = services.areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null)).id();
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        Organisation police = fixtures.organisation(OrganisationType.POLICE);
        Organisation outside = fixtures.organisation();
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR), police);
        long group = services.networkGroups().create(null, new NetworkGroupInput(area, Fixtures.unique("Nätverk Sättra"),
                List.of(housing.id(), police.id()), List.of(coordinator.id()))).id();
        swede = fixtures.user(Set.of(Role.PARTNER), housing);
        englishman = user(Language.en, housing);
        optedOut = fixtures.user(Set.of(Role.PARTNER), housing);
        idle = fixtures.user(Set.of(Role.PARTNER), outside);
        services.reminderSettings().updateUserOptOuts(Fixtures.principal(optedOut), EnumSet.of(ReminderKind.WEEKLY_DIGEST));

        meetingId = services.meetings().schedule(Fixtures.principal(coordinator), new MeetingInput(group, "Nätverksmöte om sommaren",
                monday.plusDays(2).atTime(18, 0), monday.plusDays(2).atTime(19, 30), null, "Sättra centrum", null, null)).id();
        long earlier = services.meetings().schedule(Fixtures.principal(coordinator), new MeetingInput(group, "Förra veckans möte",
                monday.minusDays(5).atTime(18, 0), monday.minusDays(5).atTime(19, 0), null, null, null, null)).id();
        services.actionItems().create(Fixtures.principal(coordinator), new ActionItemInput(earlier, "Laga lampan i gångtunneln",
                housing.id(), swede.id(), monday.minusDays(3), Visibility.NETWORK));
        services.actionItems().create(Fixtures.principal(coordinator), new ActionItemInput(earlier, "Polisens interna uppföljning",
                police.id(), null, monday.plusDays(1), Visibility.ORGANISATION));
        services.actionItems().create(Fixtures.principal(coordinator), new ActionItemInput(earlier, "Klar långt senare",
                housing.id(), swede.id(), monday.plusDays(30), Visibility.NETWORK));

        // A rollout in an area without a network group, its properties owned by an organisation without members: no step is
        // anybody's until the coordinator gives one, due on Thursday, to the Swede by name.
        CurrentUser asCoordinator = Fixtures.principal(coordinator);
        long huskurage = services.methodTemplates().list(asCoordinator, false).stream().filter(t -> t.name().equals("Huskurage"))
                .findFirst().orElseThrow().id();
        long otherArea = services.areas().create(null, new AreaInput(Fixtures.unique("Skogås"), "Huddinge", null)).id();
        Organisation owner = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        rollout = services.rollouts().create(asCoordinator, new RolloutInput(huskurage, otherArea, Fixtures.unique("Huskurage i Skogås"),
                monday, monday.plusDays(200), null, null, List.of(new PropertyInput("Backvägen 1", owner.id(), 2, 16))));
        long training = rollout.steps().get(1).id();
        PropertyStep step = services.rollouts().properties(asCoordinator, rollout.id(), null, null).items().get(0).steps().stream()
                .filter(s -> s.stepId() == training).findFirst().orElseThrow();
        swedesStep = services.rollouts().updateStep(asCoordinator, step.id(), new PropertyStepInput(StepState.NOT_STARTED, null, null,
                null, swede.id(), housing.id(), monday.plusDays(3), null));

        // The invitations to the meetings go out now; the mailbox then holds nothing but what the digest sends.
        services.notifications().deliverDue();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static List<MimeMessage> mailTo(User user) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().contains(user.email())) {
                found.add(message);
            }
        }
        return found;
    }

    /** The first part of this content type, depth first. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return part.isMimeType(type) ? new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : null;
    }

    /** Computed here, not by the service's own method: {@code <} + 32 hex digits of SHA-256(key) + {@code @domain>}. */
    private static String messageId(String key) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return "<" + java.util.HexFormat.of().formatHex(hash).substring(0, 32) + "@" + DOMAIN + ">";
    }

    private static User user(Language language, Organisation organisation) {
        User user = services.users().create(null, new UserInput(Fixtures.unique("person").toLowerCase() + "@test.samtrygg.se",
                "Test Person", language, EnumSet.of(Role.PARTNER), null));
        services.users().addMembership(null, user.id(), organisation.id());
        return user;
    }

    private static String week() {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The user's inbox entries of this kind: subject, then body. */
    private static List<String[]> digests(User user) {
        try (java.sql.Connection c = DriverManager.getConnection(server.database().url(), server.database().user(), server.database().password());
             PreparedStatement s = c.prepareStatement(
                     "SELECT notification_key, subject, body, link FROM notification WHERE user_id = ? AND kind = 'WEEKLY_DIGEST'")) {
            s.setLong(1, user.id());
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachUserWithSomethingThisWeekGetsOneDigestInTheirLanguageAndARunAgainSendsNothingMore() throws Exception {
        int sent = services.reminderSettings().sendWeeklyDigests();
        assertThat(sent).as("the Swede, the Englishman and the coordinator (invited with the police)").isEqualTo(3);

        List<String[]> swedish = digests(swede);
        assertThat(swedish).hasSize(1);
        int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        assertThat(swedish.get(0)[0]).isEqualTo("digest:u" + swede.id() + ":" + week());
        assertThat(swedish.get(0)[1]).isEqualTo("Din vecka i Samtrygg, vecka " + week);
        assertThat(swedish.get(0)[2])
                .contains("Möten som du är inbjuden till: 1")
                .contains(monday.plusDays(2) + " 18:00 Nätverksmöte om sommaren: http://localhost:8080/meetings/" + meetingId)
                .contains("Dina åtgärdspunkter som ska vara klara den här veckan eller är försenade: 1")
                .contains("Laga lampan i gångtunneln, försenad sedan " + monday.minusDays(3))
                .doesNotContain("Förra veckans möte").doesNotContain("Klar långt senare")
                .doesNotContain("Polisens interna uppföljning")
                .contains("Dina införandesteg som ska vara klara den här veckan eller är försenade: 1")
                .contains("– " + swedesStep.stepName() + ", Backvägen 1 (" + rollout.name() + "), klart senast " + monday.plusDays(3)
                        + ": http://localhost:8080/rollouts/" + rollout.id());

        List<String[]> english = digests(englishman);
        assertThat(english).hasSize(1);
        assertThat(english.get(0)[1]).isEqualTo("Your week in Samtrygg, week " + week);
        assertThat(english.get(0)[2]).contains("Meetings you are invited to: 1").contains("Nätverksmöte om sommaren")
                .doesNotContain("action items").doesNotContain("Laga lampan").doesNotContain("rollout steps");

        assertThat(digests(idle)).as("nothing this week: no digest at all").isEmpty();
        assertThat(digests(optedOut)).as("opted out").isEmpty();

        services.notifications().deliverDue();
        List<MimeMessage> swedishMail = mailTo(swede);
        assertThat(swedishMail).as("one e-mail").hasSize(1);
        MimeMessage mail = swedishMail.get(0);
        assertThat(mail.getSubject()).isEqualTo("Din vecka i Samtrygg, vecka " + week);
        assertThat(mail.getMessageID()).isEqualTo(messageId("digest:u" + swede.id() + ":" + week()));
        assertThat(part(mail, "text/plain")).contains("Möten som du är inbjuden till: 1").contains("Nätverksmöte om sommaren")
                .contains("Laga lampan i gångtunneln").contains(swedesStep.stepName() + ", Backvägen 1");
        assertThat(part(mail, "text/html")).contains("Nätverksmöte om sommaren");
        assertThat(part(mail, "text/calendar")).as("no calendar in a digest").isNull();

        List<MimeMessage> englishMail = mailTo(englishman);
        assertThat(englishMail).hasSize(1);
        assertThat(englishMail.get(0).getSubject()).isEqualTo("Your week in Samtrygg, week " + week);
        assertThat(englishMail.get(0).getMessageID()).isEqualTo(messageId("digest:u" + englishman.id() + ":" + week()));
        assertThat(part(englishMail.get(0), "text/plain")).contains("Meetings you are invited to: 1");
        assertThat(mailTo(idle)).isEmpty();
        assertThat(mailTo(optedOut)).isEmpty();
        int delivered = smtp.getReceivedMessages().length;
        assertThat(delivered).as("the Swede, the Englishman and the coordinator, one each").isEqualTo(3);

        assertThat(services.reminderSettings().sendWeeklyDigests()).as("run again").isZero();
        new WeeklyDigestJob(services.reminderSettings(), services.jobRuns()).execute(null);
        services.notifications().deliverDue();
        assertThat(digests(swede)).hasSize(1);
        assertThat(digests(englishman)).hasSize(1);
        assertThat(smtp.getReceivedMessages()).as("nothing more by e-mail either").hasSize(delivered);
    }

    @Test
    void theDigestIsScheduledForMondayMorningInStockholmAndMadeUpWhenMissed() throws Exception {
        CronTrigger trigger = (CronTrigger) server.application().scheduling().scheduler()
                .getTrigger(TriggerKey.triggerKey(WeeklyDigestJob.NAME, "samtrygg"));
        assertThat(trigger.getCronExpression()).isEqualTo("0 0 7 ? * MON");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Europe/Stockholm");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(WeeklyDigestJob.cron(LocalTime.of(6, 30))).isEqualTo("0 30 6 ? * MON");
    }
}
