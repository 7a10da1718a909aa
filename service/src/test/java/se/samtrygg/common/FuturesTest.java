package se.samtrygg.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void theValueOfWorkDoneElsewhereIsReturned() {
        assertThat(Futures.join(CompletableFuture.supplyAsync(() -> "klar"))).isEqualTo("klar");
    }

    @Test
    void aFailureIsThrownAsItWasThrownThere() {
        IllegalStateException failure = new IllegalStateException("the migration failed");
        CompletableFuture<Void> failed = CompletableFuture.runAsync(() -> {
            throw failure;
        });

        assertThatThrownBy(() -> Futures.join(failed)).isSameAs(failure);
        assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(new OutOfMemoryError("heap"))))
                .isInstanceOf(OutOfMemoryError.class).hasMessage("heap");
    }

    @Test
    void aCheckedFailureStaysWrapped() {
        assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(new IOException("disk"))))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class);
    }
}
