package se.samtrygg.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

/**
 * An in-process SMTP server (GreenMail) on 127.0.0.1 for the mail tests. Its connections have Nagle's algorithm off:
 * GreenMail writes each reply line as two small writes, and with Nagle on the second waits for the client's delayed
 * acknowledgement (40 ms on Linux), several times per message. Between two processes that held delivery to about five
 * messages a second, a limit of the test server, not of the service.
 */
public final class TestSmtp {
    private TestSmtp() {
    }

    /** A port free at the moment, for a server that is started, stopped and started again on the same port. */
    public static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started SMTP server on a free port. */
    public static GreenMail start() {
        return start(freePort());
    }

    /** A started SMTP server on {@code port}. */
    public static GreenMail start(int port) {
        GreenMail mail = new NoDelayGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static final class NoDelayGreenMail extends GreenMail {
        NoDelayGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            return Map.of(ServerSetup.PROTOCOL_SMTP, new SmtpServer(setups[0], managers) {
                @Override
                protected void handleClientSocket(Socket client) throws SocketException {
                    client.setTcpNoDelay(true);
                    super.handleClientSocket(client);
                }
            });
        }
    }
}
