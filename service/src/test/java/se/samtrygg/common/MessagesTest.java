package se.samtrygg.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;

/** Every text a template or the code asks for exists in Swedish and in English. */
class MessagesTest {
    private static final Path MAIN = Path.of("src", "main");
    private final Messages messages = new Messages();

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(messages.keys(Language.en)).containsExactlyInAnyOrderElementsOf(messages.keys(Language.sv));
    }

    @Test
    void everyTextATemplateUsesExists() throws IOException {
        Set<String> used = find(MAIN.resolve("resources"), ".mustache", Pattern.compile("\\{\\{[#^]?msg\\.([a-zA-Z0-9_.]+)}}"));
        assertThat(used).isNotEmpty();
        assertThat(messages.keys(Language.sv)).containsAll(used);
    }

    @Test
    void everyTextTheCodeNamesExists() throws IOException {
        Set<String> used = find(MAIN.resolve("java"), ".java",
                Pattern.compile("\"((?:error|login|admin|account|home|nav|common|user|organisation|role|language)\\.[a-zA-Z0-9_.]+[a-zA-Z0-9])\""));
        used.removeIf(key -> key.endsWith(".")); // prefixes completed at run time, such as "role." + name
        assertThat(used).isNotEmpty();
        assertThat(messages.keys(Language.sv)).containsAll(used);
    }

    private static Set<String> find(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}
