package io.certaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the rules' metadata; this fails when someone forgets to regenerate it. */
class CatalogDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "rules.md");

    @Test
    void docsRulesMdMatchesTheCatalogue() throws Exception {
        String generated = CatalogDocument.markdown(BuiltInRules.catalog());
        if (Boolean.getBoolean("certaudit.regenerateDocs")) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
        assertEquals(generated, committed, "docs/rules.md is stale: regenerate it with "
                + "mvn -q -Pregenerate test");
    }
}
