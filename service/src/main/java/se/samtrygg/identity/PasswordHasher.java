package se.samtrygg.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id through password4j, stored in PHC string form ({@code $argon2id$v=19$m=...}) so the
 * parameters travel with each hash and can be raised later without breaking old ones.
 */
public final class PasswordHasher {
    private final Argon2Function function;
    /**
     * Verified against when the e-mail is unknown, so that a wrong e-mail takes as long as a wrong password. Made at the
     * first such sign-in rather than at start, where its hash was a tenth of the start-up time.
     */
    private volatile String decoy;

    public PasswordHasher(int memoryKib, int iterations) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(function).getResult();
    }

    public boolean verify(String password, String hash) {
        if (hash == null) {
            Password.check(password, decoy()).with(function);
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    public void spendTimeLikeAVerification(String password) {
        verify(password, null);
    }

    private String decoy() {
        String made = decoy;
        if (made == null) {
            made = hash("decoy password that nobody has");
            decoy = made; // two first sign-ins at once may each make one: either serves
        }
        return made;
    }
}
