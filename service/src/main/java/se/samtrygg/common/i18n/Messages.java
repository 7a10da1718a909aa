package se.samtrygg.common.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The message bundles ({@code messages_sv.properties}, {@code messages_en.properties}), loaded
 * once. Templates reach a text as {@code {{msg.login.title}}}: the dotted keys are also offered
 * as nested maps, which is how Mustache walks a dotted name.
 */
public final class Messages {
    private static final String BUNDLE = "/se/samtrygg/messages_%s.properties";

    private final Map<Language, Map<String, String>> flat = new EnumMap<>(Language.class);
    private final Map<Language, Map<String, Object>> nested = new EnumMap<>(Language.class);

    public Messages() {
        for (Language language : Language.values()) {
            Map<String, String> texts = load(language);
            flat.put(language, texts);
            nested.put(language, nest(texts));
        }
    }

    public String get(Language language, String key, Object... args) {
        String text = flat.get(language).get(key);
        if (text == null) {
            text = flat.get(Language.DEFAULT).getOrDefault(key, key);
        }
        return args.length == 0 ? text : new MessageFormat(text, language.locale()).format(args);
    }

    public String get(Language language, String key, List<Object> args) {
        return get(language, key, args.toArray());
    }

    public boolean has(Language language, String key) {
        return flat.get(language).containsKey(key);
    }

    public Map<String, Object> forTemplates(Language language) {
        return nested.get(language);
    }

    public java.util.Set<String> keys(Language language) {
        return flat.get(language).keySet();
    }

    private static Map<String, String> load(Language language) {
        String path = String.format(BUNDLE, language.name());
        try (InputStream in = Messages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new HashMap<>();
            properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
            return Collections.unmodifiableMap(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nest(Map<String, String> texts) {
        Map<String, Object> root = new HashMap<>();
        texts.forEach((key, text) -> {
            String[] parts = key.split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.computeIfAbsent(parts[i], p -> new HashMap<String, Object>());
                if (!(child instanceof Map)) {
                    throw new IllegalStateException("message key " + key + " is both a text and a group");
                }
                node = (Map<String, Object>) child;
            }
            node.put(parts[parts.length - 1], text);
        });
        return Collections.unmodifiableMap(root);
    }
}
