package se.samtrygg.notification;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends outbox messages over SMTP with Jakarta Mail. One {@link Connection} is one SMTP session, kept open for a
 * whole delivery run: a thousand messages then cost one handshake, not a thousand.
 */
final class MailSender {
    private final MailConfiguration config;
    private final Session session;
    private final String protocol;

    MailSender(MailConfiguration config) {
        this.config = config;
        this.protocol = config.getTls() == MailConfiguration.Tls.SMTPS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", config.getHost());
        props.setProperty(p + "port", Integer.toString(config.getPort()));
        String timeout = Long.toString(config.getTimeout().toMilliseconds());
        props.setProperty(p + "connectiontimeout", timeout);
        props.setProperty(p + "timeout", timeout);
        props.setProperty(p + "writetimeout", timeout);
        props.setProperty(p + "auth", Boolean.toString(hasCredentials()));
        if (config.getTls() == MailConfiguration.Tls.STARTTLS) {
            // required: never fall back to sending credentials and personal data in the clear
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (config.getTls() != MailConfiguration.Tls.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        if (config.getTls() != MailConfiguration.Tls.SMTPS) {
            props.put(p + "socketFactory", new NoDelaySocketFactory()); // STARTTLS upgrades this same socket
        }
        this.session = Session.getInstance(props);
    }

    private boolean hasCredentials() {
        return config.getUsername() != null && !config.getUsername().isBlank();
    }

    /** Connects to the SMTP server; a failure here means no message of this run can go. */
    Connection open() throws MessagingException {
        Transport transport = session.getTransport(protocol);
        if (hasCredentials()) {
            transport.connect(config.getHost(), config.getPort(), config.getUsername(), config.getPassword());
        } else {
            transport.connect();
        }
        return new Connection(transport);
    }

    final class Connection implements AutoCloseable {
        private final Transport transport;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        boolean isOpen() {
            return transport.isConnected();
        }

        void send(OutgoingMail mail) throws MessagingException {
            MimeMessage message = message(mail);
            transport.sendMessage(message, message.getAllRecipients());
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the messages are sent or recorded as failed already; a failing QUIT changes nothing
            }
        }
    }

    MimeMessage message(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(new InternetAddress(config.getFrom()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), "UTF-8", "html");
        alternative.addBodyPart(html);
        if (mail.ics() == null) {
            message.setContent(alternative);
        } else {
            // Calendar programs (Outlook, Gmail) act on the text/calendar alternative; others offer the attachment.
            String type = "text/calendar; method=" + mail.icsMethod() + "; charset=UTF-8";
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.ics().getBytes(StandardCharsets.UTF_8), type)));
            calendar.setHeader("Content-Type", type);
            alternative.addBodyPart(calendar);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.ics().getBytes(StandardCharsets.UTF_8),
                    "application/ics; name=invite.ics")));
            attachment.setFileName("invite.ics");
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** JavaMail makes up a new Message-ID on every save; ours is derived from the notice's key and never changes. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
