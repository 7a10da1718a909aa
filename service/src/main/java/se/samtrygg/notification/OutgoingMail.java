package se.samtrygg.notification;

/** What {@link MailSender} needs of one claimed outbox message; {@code icsMethod} and {@code ics} are null without a calendar. */
public record OutgoingMail(long id, String messageId, String recipient, String subject, String textBody, String htmlBody, String icsMethod,
                    String ics, int attempts) {
}
