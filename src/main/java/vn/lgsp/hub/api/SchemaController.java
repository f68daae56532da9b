package vn.lgsp.hub.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.canonical.Dossier;

/** Publishes the canonical dossier model as JSON Schema (draft 2020-12), generated from the model itself. */
@RestController
@RequestMapping("/api/v1/schema")
@Tag(name = "Schema", description = "The canonical model as JSON Schema")
public class SchemaController {

    private final ObjectNode dossierSchema;

    public SchemaController() {
        var config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .build();
        dossierSchema = new SchemaGenerator(config).generateSchema(Dossier.class);
        dossierSchema.put("$id", "urn:lgsp-hub:schema:dossier:v1");
        dossierSchema.put("title", "Dossier");
        dossierSchema.put("additionalProperties", false);
    }

    @GetMapping(path = "/dossier", produces = "application/schema+json")
    @Operation(summary = "JSON Schema of the canonical dossier")
    public ObjectNode dossier() {
        return dossierSchema;
    }
}
