package org.camaudit.scanner.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of mutated fixture replies (flipped bytes, truncation, splices, repetition, deep
 * nesting, and DOCTYPEs with external entities aimed at a local secret) through every parser: no
 * exception escapes, and nothing from a local file shows up in what the parsers extract.
 */
class ReplyFuzzTest {

    private static final int CASES = 2000;
    private static final long SEED = 20261128L;

    @Test
    void shouldSurviveMutatedRepliesWithoutLeakingLocalFiles(@TempDir Path dir) throws Exception {
        String secret = "CAMAUDIT-SECRET-" + UUID.randomUUID();
        Path secretFile = dir.resolve("secret.txt");
        Files.writeString(secretFile, secret);
        List<String> entityTargets = List.of(secretFile.toUri().toString(), "file:///etc/passwd", "file:///etc/hostname");
        List<byte[]> seeds = Corpus.files().stream().filter(f -> !f.toString().endsWith(".pcap")).map(Corpus::read)
                .filter(b -> b.length > 0).toList();
        Random random = new Random(SEED);
        UUID scan = UUID.randomUUID();
        for (int i = 0; i < CASES; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            int kind = random.nextInt(7);
            byte[] mutated = mutate(kind, seed, seeds, random, entityTargets);

            List<String> extracted;
            try {
                extracted = Corpus.parseWithEverything(mutated, scan);
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + " escaped: " + e + "\n" + new String(mutated, 0, Math.min(400, mutated.length),
                        StandardCharsets.ISO_8859_1));
                return;
            }
            for (String value : extracted) {
                assertThat(value).as("case %d", i).doesNotContain(secret).doesNotContain("root:x:0:0");
            }
        }
    }

    private static byte[] mutate(int kind, byte[] seed, List<byte[]> seeds, Random random, List<String> entityTargets) {
        byte[] data = seed.clone();
        switch (kind) {
            case 0 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
            case 2 -> {
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int cut = random.nextInt(data.length);
                int from = random.nextInt(other.length);
                byte[] spliced = new byte[cut + other.length - from];
                System.arraycopy(data, 0, spliced, 0, cut);
                System.arraycopy(other, from, spliced, cut, other.length - from);
                data = spliced;
            }
            case 3 -> data = withExternalEntity(data, entityTargets.get(random.nextInt(entityTargets.size())));
            case 4 -> {
                int start = random.nextInt(data.length);
                int length = Math.min(data.length - start, 1 + random.nextInt(64));
                byte[] repeated = new byte[data.length + length * 20];
                System.arraycopy(data, 0, repeated, 0, start + length);
                for (int r = 1; r <= 20; r++) {
                    System.arraycopy(data, start, repeated, start + length * r, length);
                }
                System.arraycopy(data, start + length, repeated, start + length * 21, data.length - start - length);
                data = repeated;
            }
            case 5 -> {
                String nesting = "<a>".repeat(200);
                byte[] wrapped = (nesting + new String(data, StandardCharsets.ISO_8859_1) + "</a>".repeat(200))
                        .getBytes(StandardCharsets.ISO_8859_1);
                data = wrapped;
            }
            default -> data = withInternalEntityBomb(data);
        }
        return data;
    }

    /** Declares an external entity and uses it in place of the first text content. */
    private static byte[] withExternalEntity(byte[] data, String target) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        String doctype = "<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM \"" + target + "\">]>";
        int declarationEnd = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
        String withDoctype = text.substring(0, declarationEnd) + doctype + text.substring(declarationEnd);
        String replaced = withDoctype.replaceFirst(">([^<\\s][^<]*)<", ">&xxe;<");
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] withInternalEntityBomb(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        String bomb = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>";
        int declarationEnd = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
        return (text.substring(0, declarationEnd) + bomb + text.substring(declarationEnd).replaceFirst(">([^<\\s][^<]*)<",
                ">&d;<")).getBytes(StandardCharsets.ISO_8859_1);
    }
}
