package io.rebatch.readers.rules;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.RuleSet;
import io.rebatch.domain.RuleSets;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads the commission rule sets (SPEC §2.3): every {@code <config>/rules/*.yml} (and {@code *.yaml}) file, one
 * rule set each, read with SnakeYAML's {@link SafeConstructor} (plain maps, lists, strings and numbers; no Java
 * types), duplicate keys refused. Dates are <em>not</em> resolved by YAML: {@code effective_from: 2026-11-01}
 * arrives as the text {@code "2026-11-01"} (YAML would make it a {@code java.util.Date} at UTC midnight), so that
 * {@link RuleSet#fromMap} parses it as a business date and rejects anything that is not exactly a date.
 *
 * <p>It owns only reading files; every rule about the content (keys, bounds, shares ≤ 10000 bp, unique
 * {@code effective_from}) is checked by {@link RuleSet#fromMap} and {@link RuleSets#of}. Every failure is a
 * {@link BadInputException} that names the file.
 */
public final class RuleSetFiles {
    public static final String RULES_DIR = "rules";

    private RuleSetFiles() {
    }

    /**
     * @param configDir the config directory ({@code --config}, default {@code config/}); rule sets are in its {@code rules/}
     * @throws BadInputException if the rules directory is missing, holds no rule set, or a file is not a valid rule set
     */
    public static RuleSets load(Path configDir) {
        Path dir = configDir.resolve(RULES_DIR);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("rules directory " + dir + " does not exist (expected one YAML file per rule set in <config>/"
                    + RULES_DIR + "/)");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(RuleSetFiles::isRuleFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new BadInputException("rules directory " + dir + " holds no rule set (*.yml)");
        }
        List<RuleSet> sets = new ArrayList<>(files.size());
        for (Path f : files) {
            sets.add(loadFile(f));
        }
        try {
            return RuleSets.of(sets);
        } catch (BadInputException e) {
            throw new BadInputException(dir + ": " + e.getMessage());
        }
    }

    private static boolean isRuleFile(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && !n.startsWith(".") && (n.endsWith(".yml") || n.endsWith(".yaml"));
    }

    /** One rule set file. */
    public static RuleSet loadFile(Path file) {
        String name = file.getFileName().toString();
        Object doc;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = yaml().load(r);
        } catch (YAMLException e) {
            throw new BadInputException(name + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " ").strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (doc != null && !(doc instanceof Map<?, ?>)) {
            throw new BadInputException(name + ": expected a YAML mapping of rule keys, found " + doc.getClass().getSimpleName());
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> map = (Map<String, ?>) doc;
        return RuleSet.fromMap(map, name);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new NoTimestampResolver());
    }

    /** YAML's implicit types without timestamps: a date stays the text it was written as. */
    private static final class NoTimestampResolver extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
