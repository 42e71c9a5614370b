package dev.storybot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/OPERATIONS.md's table of environment variables and Config's constants name the same variables. */
class OperationsDocTest {

  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|");

  @Test
  void everyVariableIsDocumentedAndEveryDocumentedVariableExists() throws Exception {
    List<String> inCode = new ArrayList<>();
    for (Field f : Config.class.getFields()) {
      // Environment variable names are the String constants whose value is their own name (PORT = "PORT").
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && f.getName().equals(f.get(null))) {
        inCode.add(f.getName());
      }
    }
    String doc = Files.readString(Path.of("docs/OPERATIONS.md"));
    List<String> inDoc = new ArrayList<>();
    Matcher m = ROW.matcher(doc.substring(doc.indexOf("## Environment variables"), doc.indexOf("## Ports")));
    while (m.find()) inDoc.add(m.group(1));
    assertTrue(inCode.size() >= 8, "found the constants: " + inCode);
    assertEquals(inCode.stream().sorted().toList(), inDoc.stream().sorted().toList(),
        "docs/OPERATIONS.md's table lists exactly Config's environment variables");
  }
}
