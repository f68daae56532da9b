package vn.lgsp.hub;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.catalogue.ProcedureCatalogue;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.MappingFiles;
import vn.lgsp.hub.sectors.SectorRoutingTable;
import vn.lgsp.hub.statuses.DvcqgStatusTable;
import vn.lgsp.hub.statuses.IncomingStatuses;

/**
 * Refuses to start the hub when a file an operator added is broken, with a message naming the file and the
 * problem, before Camel loads any route: a duplicate route id, a route id (a templated route's routeId, a route
 * template's id) other than its file name, a templated route naming no route template in {@code routes/} or not giving
 * exactly its parameters (every one without a default, none it does not have), a route
 * referring to a bean that does not exist, a {@code {{placeholder}}} no configuration resolves, a mapping that
 * fails on (or, for JSON, differs from) its own golden fixture, a malformed status table. The routing table and
 * the procedure catalogue check their own rows ({@link SectorRoutingTable}, {@link ProcedureCatalogue}).
 */
@Component
public class HubFilesValidation {

    private static final Logger log = LoggerFactory.getLogger(HubFilesValidation.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");
    private static final String MILLIS = "millis:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableListableBeanFactory beans;
    private final Environment environment;
    private final DvcqgStatusTable dvcqgStatuses;
    private final List<String> problems = new ArrayList<>();

    public HubFilesValidation(HubProperties properties, ConfigurableListableBeanFactory beans, Environment environment,
                              DvcqgStatusTable dvcqgStatuses, SectorRoutingTable routingTableCheckedAtLoad,
                              ProcedureCatalogue catalogueCheckedAtLoad) {
        this.beans = beans;
        this.environment = environment;
        this.dvcqgStatuses = dvcqgStatuses;
        Path routes = MappingFiles.path(properties.routesDir());
        Path mappings = MappingFiles.path(properties.mappingsDir());
        checkRoutes(routes);
        checkMappings(mappings);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The hub does not start; fix these files:\n  - "
                    + String.join("\n  - ", problems));
        }
        log.info("Routes in {} and mappings in {} checked", routes, mappings);
    }

    private void checkRoutes(Path dir) {
        Map<String, Path> ids = new HashMap<>();
        Map<String, Map<?, ?>> templates = new HashMap<>();
        Map<Path, List<Map<?, ?>>> templatedRoutes = new HashMap<>();
        for (Path file : files(dir, ".camel.yaml")) {
            String text = read(file);
            Object tree;
            try {
                tree = new Yaml().load(text);
            } catch (RuntimeException e) {
                problems.add(file + ": not valid YAML: " + firstLine(e.getMessage()));
                continue;
            }
            List<?> elements = tree instanceof List<?> list ? list : List.of();
            List<String> parameters = elements.stream().flatMap(e -> e instanceof Map<?, ?> element
                    && element.get("routeTemplate") instanceof Map<?, ?> template ? names(template).stream()
                    : Stream.empty()).toList();
            for (Matcher m = PLACEHOLDER.matcher(text); m.find(); ) {
                String key = m.group(1).strip();
                if (key.startsWith(MILLIS)) {
                    key = key.substring(MILLIS.length()).strip(); // {{millis:<setting>}}: the setting must be there
                }
                if (!key.contains(":") && !key.startsWith("?") && !parameters.contains(key)
                        && !environment.containsProperty(key)) {
                    problems.add(file + ": placeholder {{" + key + "}} is not configured");
                }
            }
            String expectedId = file.getFileName().toString().replace(".camel.yaml", "");
            for (Object node : elements) {
                if (!(node instanceof Map<?, ?> element)) {
                    continue;
                }
                // A route, a templated route (its routeId) and a template are each named by their file.
                String id = null;
                if (element.get("route") instanceof Map<?, ?> route) {
                    id = String.valueOf(route.get("id"));
                } else if (element.get("templatedRoute") instanceof Map<?, ?> templated) {
                    id = String.valueOf(templated.get("routeId"));
                    templatedRoutes.computeIfAbsent(file, f -> new ArrayList<>()).add(templated);
                } else if (element.get("routeTemplate") instanceof Map<?, ?> template) {
                    String templateId = String.valueOf(template.get("id"));
                    templates.putIfAbsent(templateId, template);
                    if (!templateId.equals(expectedId)) {
                        problems.add(file + ": route template id '" + templateId + "' differs from the file name");
                    }
                }
                if (id != null) {
                    Path earlier = ids.putIfAbsent(id, file);
                    if (earlier != null) {
                        problems.add(file + ": duplicate route id '" + id + "' (also in " + earlier + ")");
                    } else if (!id.equals(expectedId)) {
                        problems.add(file + ": route id '" + id + "' differs from the file name");
                    }
                }
            }
            checkBeanReferences(file, tree);
        }
        templatedRoutes.forEach((file, routes) -> routes.forEach(route -> checkParameters(file, route, templates)));
    }

    /** A templated route names an existing template, gives each parameter without a default, and no other. */
    private void checkParameters(Path file, Map<?, ?> route, Map<String, Map<?, ?>> templates) {
        String ref = String.valueOf(route.get("routeTemplateRef"));
        Map<?, ?> template = templates.get(ref);
        if (template == null) {
            problems.add(file + ": uses unknown route template '" + ref + "'");
            return;
        }
        List<String> given = names(route);
        List<String> known = names(template);
        given.stream().filter(name -> !known.contains(name)).forEach(name ->
                problems.add(file + ": route template '" + ref + "' has no parameter '" + name + "'"));
        parameters(template).stream().filter(p -> !p.containsKey("defaultValue"))
                .map(p -> String.valueOf(p.get("name"))).filter(name -> !given.contains(name)).forEach(name ->
                        problems.add(file + ": route template '" + ref + "' needs parameter '" + name + "'"));
    }

    /** The names of a route template's or a templated route's parameters. */
    private static List<String> names(Map<?, ?> templateOrRoute) {
        return parameters(templateOrRoute).stream().map(p -> String.valueOf(p.get("name"))).toList();
    }

    private static List<Map<?, ?>> parameters(Map<?, ?> templateOrRoute) {
        return templateOrRoute.get("parameters") instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(p -> (Map<?, ?>) p).toList()
                : List.of();
    }

    private void checkBeanReferences(Path file, Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String ref = null;
                if ("ref".equals(key) && value instanceof String s) {
                    ref = s;
                } else if (value instanceof String s && s.startsWith("#") && s.length() > 1 && !s.contains(" ")) {
                    ref = s.substring(s.startsWith("#bean:") ? 6 : 1);
                }
                if (ref != null && !ref.contains("{{") && !beans.containsBean(ref)) {
                    problems.add(file + ": refers to unknown bean '" + ref + "'");
                }
                checkBeanReferences(file, value);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> checkBeanReferences(file, item));
        }
    }

    private void checkMappings(Path dir) {
        for (Path table : files(dir, "-to-hub.csv")) {
            try {
                IncomingStatuses.read(table);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        for (Path mapping : files(dir, "")) {
            String name = mapping.getFileName().toString();
            if (mapping.toString().contains("/fixtures/") || !(name.endsWith(".jsonata") || name.endsWith(".xsl"))) {
                continue;
            }
            List<Path> inputs = fixtures(mapping);
            if (inputs.isEmpty()) {
                problems.add(mapping + ": has no golden fixture (fixtures/<name>.input.*)");
            }
            for (Path input : inputs) {
                try {
                    String output = transform(mapping, read(input), MappingFiles.parametersOf(input));
                    Path expected = input.resolveSibling(input.getFileName().toString().replace(".input.", ".expected."));
                    if (name.endsWith(".jsonata") && Files.exists(expected)
                            && !JSON.readTree(output).equals(JSON.readTree(read(expected)))) {
                        problems.add(mapping + ": output on fixture " + input.getFileName() + " differs from "
                                + expected.getFileName());
                    }
                } catch (Exception e) {
                    problems.add(mapping + ": fails on its fixture " + input.getFileName() + ": "
                            + firstLine(String.valueOf(e.getMessage())));
                }
            }
        }
    }

    private String transform(Path mapping, String input, Properties parameters) throws Exception {
        if (mapping.toString().endsWith(".jsonata")) {
            Jsonata expression = DvcqgMapping.withFunctions(Jsonata.jsonata(read(mapping)), dvcqgStatuses);
            return JSON.writeValueAsString(expression.evaluate(JSON.readValue(input, Object.class)));
        }
        Processor saxon = new Processor(false);
        var transformer = saxon.newXsltCompiler().compile(new StreamSource(mapping.toFile())).load30();
        Map<QName, XdmValue> values = new HashMap<>();
        parameters.forEach((k, v) -> values.put(new QName(k.toString()), new XdmAtomicValue(v.toString())));
        transformer.setStylesheetParameters(values);
        StringWriter out = new StringWriter();
        transformer.transform(new StreamSource(new StringReader(input)), saxon.newSerializer(out));
        return out.toString();
    }

    private static List<Path> fixtures(Path mapping) {
        String name = mapping.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.')) + ".";
        return files(mapping.resolveSibling("fixtures"), "").stream()
                .filter(p -> p.getFileName().toString().startsWith(base) && p.toString().contains(".input.")).toList();
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
