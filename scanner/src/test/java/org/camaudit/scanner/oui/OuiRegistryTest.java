package org.camaudit.scanner.oui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OuiRegistryTest {

    @Test
    void shouldShipTheDatedIeeeRegistry() throws IOException {
        OuiRegistry registry = OuiRegistry.load(Optional.empty());
        assertThat(registry.date()).isEqualTo(LocalDate.of(2026, 8, 26));
        assertThat(registry.size()).isGreaterThan(50_000);
        assertThat(registry.lookup("00:bc:99:01:02:03")).as("a Hikvision block registered after 2022")
                .contains("Hangzhou Hikvision Digital Technology Co.,Ltd.");
        assertThat(registry.lookup("40:2c:76:10:00:01")).as("an MA-M block wins over its MA-L parent")
                .contains("Shanghai Dahua Scale Factory");
        assertThat(registry.lookup("44:19:B6:12:34:56")).contains("Hangzhou Hikvision Digital Technology Co.,Ltd.");
        assertThat(registry.lookup("4c-11-bf-c2-0b-9d")).contains("Zhejiang Dahua Technology Co., Ltd.");
        assertThat(registry.lookup("accc.8e00.0001")).contains("Axis Communications AB");
        assertThat(registry.lookup("not a mac")).isEmpty();
    }

    @Test
    void shouldImportAnOuiCsvWithQuotedNamesAndPreferTheNewerRegistry(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("oui.csv");
        Files.writeString(csv, """
                Registry,Assignment,Organization Name,Organization Address
                MA-L,4419B6,"Hangzhou Hikvision Digital Technology Co.,Ltd.",No.469 Hangzhou CN
                MA-L,A1B2C3,"New ""Quoted"" Vendor, Inc.",Somewhere
                MA-M,A1B2C3D,A 28-bit Block,Elsewhere
                MA-M,A1B2C3,Not A 28-bit Block,Elsewhere
                """);
        Path output = dir.resolve("registry/oui.tsv.gz");
        assertThat(OuiImporter.convert(csv, LocalDate.of(2030, 1, 2), output)).isEqualTo(3);
        OuiRegistry updated = OuiRegistry.load(Optional.of(output));
        assertThat(updated.date()).isEqualTo(LocalDate.of(2030, 1, 2));
        assertThat(updated.lookup("a1:b2:c3:00:00:01")).contains("New \"Quoted\" Vendor, Inc.");
        assertThat(updated.lookup("44:19:b6:00:00:01")).contains("Hangzhou Hikvision Digital Technology Co.,Ltd.");
        assertThat(updated.lookup("a1:b2:c3:d0:00:01")).contains("A 28-bit Block");

        OuiImporter.convert(csv, LocalDate.of(2001, 1, 1), output);
        assertThat(OuiRegistry.load(Optional.of(output)).date()).as("an older file does not replace the shipped one")
                .isEqualTo(LocalDate.of(2026, 8, 26));
    }

    @Test
    void shouldImportOuiDataJsonWithItsMaMAndMaSBlocks(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("index.json");
        Files.writeString(json, """
                {"4419B6":"Hangzhou Hikvision Digital Technology Co.,Ltd.\\nNo.555 Qianmo Road\\nHangzhou\\nChina",
                 "A1B2C3":"Big Block Owner\\nSomewhere",
                 "A1B2C3D":"Medium Block Owner\\nElsewhere",
                 "A1B2C3E12":"Small Block Owner\\nThere"}
                """);
        assertThatThrownBy(() -> OuiImporter.registryDate(json)).isInstanceOf(IOException.class)
                .hasMessageContaining("--date");
        Path output = dir.resolve("oui.tsv.gz");
        assertThat(OuiImporter.convert(json, LocalDate.of(2030, 1, 2), output)).isEqualTo(4);
        OuiRegistry updated = OuiRegistry.load(Optional.of(output));
        assertThat(updated.lookup("44:19:b6:00:00:01")).contains("Hangzhou Hikvision Digital Technology Co.,Ltd.");
        assertThat(updated.lookup("a1:b2:c3:00:00:01")).contains("Big Block Owner");
        assertThat(updated.lookup("a1:b2:c3:d0:00:01")).contains("Medium Block Owner");
        assertThat(updated.lookup("a1:b2:c3:e1:20:01")).contains("Small Block Owner");
        assertThat(updated.lookup("a1:b2:c3:e1:30:01")).contains("Big Block Owner");
    }

    @Test
    void shouldRefuseJsonThatIsNotOuiData(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("other.json");
        Files.writeString(json, "{\"name\":\"not a registry\"}");
        assertThatThrownBy(() -> OuiImporter.convert(json, LocalDate.now(), dir.resolve("out.gz")))
                .isInstanceOf(IOException.class).hasMessageContaining("not oui-data");
    }

    @Test
    void shouldTakeTheRegistryDateFromDebiansLastUpdateFile(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("oui.csv");
        Files.writeString(csv, "Registry,Assignment,Organization Name,Organization Address\n");
        Files.writeString(dir.resolve(".lastupdate"), "20240315\n");
        assertThat(OuiImporter.registryDate(csv)).isEqualTo(LocalDate.of(2024, 3, 15));
    }

    @Test
    void shouldRefuseFilesThatAreNotAnOuiCsv(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("passwd");
        Files.writeString(csv, "root:x:0:0:root:/root:/bin/bash\n");
        assertThatThrownBy(() -> OuiImporter.convert(csv, LocalDate.now(), dir.resolve("out.gz")))
                .isInstanceOf(IOException.class).hasMessageContaining("not an IEEE oui.csv");
    }

    @Test
    void shouldNormaliseMacs() {
        assertThat(Macs.normalize("00-11-22-AA-BB-CC")).contains("00:11:22:aa:bb:cc");
        assertThat(Macs.normalize("0011.22aa.bbcc")).contains("00:11:22:aa:bb:cc");
        assertThat(Macs.normalize("00:00:00:00:00:00")).isEmpty();
        assertThat(Macs.normalize("ff:ff:ff:ff:ff:ff")).isEmpty();
        assertThat(Macs.normalize("00:11:22:33:44")).isEmpty();
        assertThat(Macs.normalize("zz:11:22:33:44:55")).isEmpty();
    }
}
