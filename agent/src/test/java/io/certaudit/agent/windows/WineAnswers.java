package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.RecordedBindings.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.util.encoders.Hex;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import io.certaudit.agent.windows.jna.JnaWindows;
import io.certaudit.agent.windows.jna.WindowsStructures.CryptDataBlob;

/**
 * What Wine's crypt32, rsaenh and service control manager answered to the call sequences of
 * {@link JnaWindows}, as {@code wine/record_answers.c} recorded them ({@code wine/answers.txt}),
 * and bindings that give those answers back. Memory a call returned or filled is replayed byte for byte, with each
 * recorded pointer placed at the address its block now has: no byte is laid out by the Java structure classes,
 * which are what the replay checks.
 *
 * <p>The format, one record per line: {@code block ID HEX} (bytes), {@code pointer ID OFFSET TARGET TARGET_OFFSET}
 * (a pointer in block ID to another block), {@code opaque ID OFFSET} (a non-NULL pointer to memory the audit never
 * reads), the answers ({@code open}, {@code enum}, {@code enum-end}, {@code property}, {@code chain},
 * {@code acquire-key}, {@code unique-container}, {@code service}) and {@code expect-*} lines: what the C program
 * read from the same answers through the Windows headers' structures. Strings are hex of UTF-16LE.
 */
final class WineAnswers {

    /** The recording committed beside the program that made it. */
    static final String RESOURCE = "wine/answers.txt";

    private final Map<Integer, byte[]> blocks = new HashMap<>();
    private final Map<Integer, List<int[]>> pointers = new HashMap<>();
    private final Map<Integer, List<Integer>> opaque = new HashMap<>();
    /** Every line but the memory ones, split on spaces, in order. */
    final List<String[]> answers = new ArrayList<>();
    /** For each answer line, the store whose enumeration it belongs to ("location provider name"), or "". */
    private final List<String> sections = new ArrayList<>();
    final String wineVersion;

    private WineAnswers(List<String> lines) {
        String version = null;
        String section = "";
        for (String line : lines) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "block" -> blocks.put(Integer.parseInt(words[1]),
                        words[2].equals("-") ? new byte[0] : Hex.decode(words[2]));
                case "pointer" -> pointers.computeIfAbsent(Integer.parseInt(words[1]), k -> new ArrayList<>())
                        .add(new int[] {Integer.parseInt(words[2]), Integer.parseInt(words[3]),
                                Integer.parseInt(words[4])});
                case "opaque" -> opaque.computeIfAbsent(Integer.parseInt(words[1]), k -> new ArrayList<>())
                        .add(Integer.parseInt(words[2]));
                case "wine" -> version = line.substring("wine ".length());
                default -> {
                    if (words[0].equals("open")) {
                        section = words[1] + " " + words[2] + " " + words[3];
                    } else if (words[0].equals("service")) {
                        section = "";
                    }
                    answers.add(words);
                    sections.add(section);
                }
            }
        }
        this.wineVersion = version;
    }

    /** A recording made elsewhere (by a fresh run of the program). */
    static WineAnswers load(Path file) throws IOException {
        return new WineAnswers(Files.readAllLines(file, StandardCharsets.US_ASCII));
    }

    static WineAnswers load() throws IOException {
        try (InputStream in = WineAnswers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing");
            }
            return new WineAnswers(new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList());
        }
    }

    /** The answer lines starting with these words (e.g. "expect-chain", "open"). */
    List<String[]> lines(String... prefix) {
        return linesIn(null, prefix);
    }

    /** The answer lines in a store's section (or anywhere, for {@code null}) starting with these words. */
    List<String[]> linesIn(String section, String... prefix) {
        List<String[]> matching = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String[] words = answers.get(i);
            boolean inSection = section == null || section.equals(sections.get(i));
            if (inSection && words.length >= prefix.length
                    && List.of(words).subList(0, prefix.length).equals(List.of(prefix))) {
                matching.add(words);
            }
        }
        return matching;
    }

    /** The single answer line starting with these words, or {@code null}. */
    String[] line(String... prefix) {
        return lineIn(null, prefix);
    }

    /** The single answer line in a store's section starting with these words, or {@code null}. */
    String[] lineIn(String section, String... prefix) {
        List<String[]> matching = linesIn(section, prefix);
        if (matching.size() > 1) {
            throw new IllegalStateException("more than one answer for " + String.join(" ", prefix));
        }
        return matching.isEmpty() ? null : matching.get(0);
    }

    /** A UTF-16LE hex string of the recording as text ("-" is none). */
    static String text(String hex) {
        return hex.equals("-") ? null : new String(Hex.decode(hex), StandardCharsets.UTF_16LE);
    }

    /** Text as the recording writes it. */
    static String hex(String text) {
        return Hex.toHexString(text.getBytes(StandardCharsets.UTF_16LE));
    }

    static int hexInt(String hex) {
        return Integer.parseUnsignedInt(hex, 16);
    }

    /** The bytes of a recorded block, pointers zeroed. */
    byte[] bytes(int block) {
        return blocks.get(block).clone();
    }

    /** Bindings that answer as Wine did; {@link RecordedBindings#stillOpen} tells what the code left open. */
    Replay replay() {
        return new Replay();
    }

    final class Replay {
        final RecordedBindings bindings = new RecordedBindings();
        private final Memory opaqueTarget = new Memory(64);
        private final Map<Long, StoreState> stores = new HashMap<>();
        private final Map<Long, String> thumbprints = new HashMap<>();
        private final Map<Long, String> contextStores = new HashMap<>();
        private final Map<Long, String> services = new HashMap<>();
        private final Map<Long, String[]> providers = new HashMap<>();
        /** Every store the code opened, as "location provider name", to show it opened them read-only. */
        final Set<String> opened = new HashSet<>();

        private final class StoreState {
            final String key;
            int next;

            StoreState(String key) {
                this.key = key;
            }
        }

        Replay() {
            opaqueTarget.clear();
            bindings.keep(opaqueTarget);
            bindings.on("CertOpenStore", this::openStore);
            bindings.on("CertCloseStore", args -> {
                bindings.close(args[0], "store");
                return true;
            });
            bindings.on("CertEnumCertificatesInStore", this::enumerate);
            bindings.on("CertFreeCertificateContext", args -> {
                bindings.close(args[0], "context");
                return true;
            });
            bindings.on("CertGetCertificateContextProperty", this::property);
            bindings.on("CertFindCertificateInStore", this::find);
            bindings.on("CertGetCertificateChain", this::chain);
            bindings.on("CertFreeCertificateChain", args -> {
                bindings.close(args[0], "chain");
                return null;
            });
            bindings.on("CryptAcquireCertificatePrivateKey", this::acquireKey);
            bindings.on("CryptAcquireContextW", this::acquireContext);
            bindings.on("CryptGetProvParam", this::providerParameter);
            bindings.on("CryptReleaseContext", args -> {
                bindings.close(args[0], "provider");
                return true;
            });
            bindings.on("OpenSCManagerW", args -> bindings.openHandle("scm"));
            bindings.on("OpenServiceW", this::openService);
            bindings.on("CloseServiceHandle", args -> {
                bindings.close(args[0]);
                return true;
            });
            bindings.on("QueryServiceConfigW", args -> serviceQuery(args, "config", 1, 2, 3));
            bindings.on("QueryServiceConfig2W", args -> {
                if ((int) args[1] != WindowsConstants.SERVICE_CONFIG_SERVICE_SID_INFO) {
                    throw new AssertionError("no recorded answer for QueryServiceConfig2W level " + args[1]);
                }
                return serviceQuery(args, "sid-info", 2, 3, 4);
            });
        }

        WindowsCertificateApi api() {
            return bindings.api();
        }

        private Object openStore(Object[] args) {
            int provider = (int) Pointer.nativeValue((Pointer) args[0]);
            int flags = (int) args[3];
            String location = switch (flags & 0x00FF0000) {
                case WindowsConstants.CERT_SYSTEM_STORE_LOCAL_MACHINE -> "LocalMachine";
                case WindowsConstants.CERT_SYSTEM_STORE_CURRENT_USER -> "CurrentUser";
                default -> throw new AssertionError("no recording for store location flags 0x"
                        + Integer.toHexString(flags));
            };
            String kind = provider == WindowsConstants.CERT_STORE_PROV_SYSTEM_W ? "system"
                    : provider == WindowsConstants.CERT_STORE_PROV_SYSTEM_REGISTRY_W ? "registry" : "provider " + provider;
            int recordedFlags = WindowsConstants.CERT_STORE_OPEN_EXISTING_FLAG | WindowsConstants.CERT_STORE_READONLY_FLAG;
            if ((flags & ~0x00FF0000) != recordedFlags) {
                throw new AssertionError("the store was opened with flags 0x" + Integer.toHexString(flags)
                        + ", the recording with OPEN_EXISTING | READONLY only");
            }
            String key = location + " " + kind + " " + hex(args[4].toString());
            opened.add(key);
            String[] open = line(("open " + key).split(" "));
            if (open == null) {
                throw new AssertionError("no recorded answer for opening " + key);
            }
            if (open[4].equals("0")) {
                return fail(hexInt(open[5]), null);
            }
            Pointer store = bindings.openHandle("store");
            stores.put(Pointer.nativeValue(store), new StoreState(key));
            return store;
        }

        private Object enumerate(Object[] args) {
            StoreState store = stores.get(Pointer.nativeValue((Pointer) args[0]));
            if (args[1] != null) {
                // CertEnumCertificatesInStore frees the previous context.
                bindings.close(args[1], "context");
            }
            List<String[]> contexts = lines(("enum " + store.key).split(" "));
            if (store.next < contexts.size()) {
                String[] context = contexts.get(store.next++);
                return context(store.key, Integer.parseInt(context[4]), context[5]);
            }
            String[] end = line(("enum-end " + store.key).split(" "));
            return fail(hexInt(end[4]), null);
        }

        private Pointer context(String store, int block, String thumbprint) {
            Pointer context = bindings.track("context", materialize(block, new HashMap<>()));
            thumbprints.put(Pointer.nativeValue(context), thumbprint);
            contextStores.put(Pointer.nativeValue(context), store);
            return context;
        }

        private Object property(Object[] args) {
            String thumbprint = thumbprint(args[0]);
            int property = (int) args[1];
            Pointer data = (Pointer) args[2];
            IntByReference size = (IntByReference) args[3];
            if (data == null) {
                String[] answer = lineIn(storeOf(args[0]), "property", thumbprint, String.valueOf(property), "size");
                size.setValue(Integer.parseInt(answer[5]));
                return answer[4].equals("1") ? Boolean.TRUE : fail(hexInt(answer[6]), false);
            }
            String[] answer = lineIn(storeOf(args[0]), "property", thumbprint, String.valueOf(property), "read");
            int recorded = Integer.parseInt(answer[5]);
            if (answer[4].equals("1") && size.getValue() < recorded) {
                size.setValue(recorded);
                return fail(WindowsConstants.ERROR_MORE_DATA, false);
            }
            size.setValue(recorded);
            if (!answer[4].equals("1")) {
                return fail(hexInt(answer[6]), false);
            }
            writeInto(data, Integer.parseInt(answer[7]));
            return true;
        }

        private Object find(Object[] args) {
            StoreState store = stores.get(Pointer.nativeValue((Pointer) args[0]));
            CryptDataBlob blob = (CryptDataBlob) args[4];
            if ((int) args[3] != WindowsConstants.CERT_FIND_SHA1_HASH) {
                throw new AssertionError("no recording for find type " + args[3]);
            }
            String wanted = Hex.toHexString(blob.pbData.getByteArray(0, blob.cbData));
            for (String[] context : lines(("enum " + store.key).split(" "))) {
                if (context[5].equals(wanted)) {
                    return context(store.key, Integer.parseInt(context[4]), context[5]);
                }
            }
            return fail(WindowsConstants.CRYPT_E_NOT_FOUND, null);
        }

        private Object chain(Object[] args) {
            String[] answer = lineIn(storeOf(args[1]), "chain", thumbprint(args[1]));
            if (answer == null) {
                throw new AssertionError("no chain recorded for " + thumbprint(args[1]));
            }
            if (!answer[2].equals("1")) {
                return fail(hexInt(answer[3]), false);
            }
            ((PointerByReference) args[7]).setValue(bindings.track("chain",
                    materialize(Integer.parseInt(answer[4]), new HashMap<>())));
            return true;
        }

        private Object acquireKey(Object[] args) {
            String[] answer = lineIn(storeOf(args[0]), "acquire-key", thumbprint(args[0]));
            if (answer == null) {
                throw new AssertionError("no key acquisition recorded for " + thumbprint(args[0]));
            }
            if (!answer[2].equals("1")) {
                return fail(hexInt(answer[5]), false);
            }
            int keySpec = hexInt(answer[3]);
            ((PointerByReference) args[3]).setValue(bindings.openHandle(
                    keySpec == WindowsConstants.CERT_NCRYPT_KEY_SPEC ? "ncrypt key" : "provider"));
            ((IntByReference) args[4]).setValue(keySpec);
            ((IntByReference) args[5]).setValue(Integer.parseInt(answer[4]));
            return true;
        }

        private Object acquireContext(Object[] args) {
            String[] key = {"unique-container", hex(args[1].toString()), hex(args[2].toString()),
                    String.valueOf(args[3]), String.format(Locale.ROOT, "%08x", (int) args[4])};
            String[] answer = line(key);
            if (answer == null) {
                throw new AssertionError("no recorded answer for CryptAcquireContextW " + List.of(args));
            }
            if (answer[5].equals("acquire")) {
                return fail(hexInt(answer[7]), false);
            }
            Pointer provider = bindings.openHandle("provider");
            providers.put(Pointer.nativeValue(provider), answer);
            ((PointerByReference) args[0]).setValue(provider);
            return true;
        }

        private Object providerParameter(Object[] args) {
            String[] answer = providers.get(Pointer.nativeValue((Pointer) args[0]));
            if ((int) args[1] != WindowsConstants.PP_UNIQUE_CONTAINER) {
                throw new AssertionError("no recording for provider parameter " + args[1]);
            }
            if (!answer[6].equals("1")) {
                return fail(hexInt(answer[7]), false);
            }
            IntByReference length = (IntByReference) args[3];
            int recorded = Integer.parseInt(answer[7]);
            if (args[2] != null) {
                if (length.getValue() < recorded) {
                    length.setValue(recorded);
                    return fail(WindowsConstants.ERROR_MORE_DATA, false);
                }
                writeInto((Pointer) args[2], Integer.parseInt(answer[8]));
            }
            length.setValue(recorded);
            return true;
        }

        private Object openService(Object[] args) {
            String name = hex(((WString) args[1]).toString());
            String[] answer = line("service", name, "open");
            if (answer == null) {
                throw new AssertionError("no recording for service " + args[1]);
            }
            if (!answer[3].equals("1")) {
                return fail(hexInt(answer[4]), null);
            }
            Pointer service = bindings.openHandle("service");
            services.put(Pointer.nativeValue(service), name);
            return service;
        }

        private Object serviceQuery(Object[] args, String what, int bufferArg, int sizeArg, int neededArg) {
            String name = services.get(Pointer.nativeValue((Pointer) args[0]));
            Pointer buffer = (Pointer) args[bufferArg];
            IntByReference needed = (IntByReference) args[neededArg];
            if (buffer == null) {
                String[] answer = line("service", name, what + "-size");
                needed.setValue(Integer.parseInt(answer[4]));
                return answer[3].equals("1") ? Boolean.TRUE : fail(hexInt(answer[5]), false);
            }
            String[] answer = line("service", name, what);
            needed.setValue(Integer.parseInt(answer[4]));
            if (!answer[3].equals("1")) {
                return fail(hexInt(answer[5]), false);
            }
            if ((int) args[sizeArg] < Integer.parseInt(answer[4])) {
                return fail(WindowsConstants.ERROR_INSUFFICIENT_BUFFER, false);
            }
            writeInto(buffer, Integer.parseInt(answer[6]));
            return true;
        }

        private String storeOf(Object context) {
            thumbprint(context);
            return contextStores.get(Pointer.nativeValue((Pointer) context));
        }

        private String thumbprint(Object context) {
            String thumbprint = thumbprints.get(Pointer.nativeValue((Pointer) context));
            if (thumbprint == null) {
                throw new AssertionError("not a context the replay handed out: " + context);
            }
            return thumbprint;
        }

        /**
         * A block in fresh native memory, with its pointers aimed at the blocks they pointed to (each materialized
         * once per call, so shared targets stay shared).
         */
        private Memory materialize(int block, Map<Integer, Memory> done) {
            Memory existing = done.get(block);
            if (existing != null) {
                return existing;
            }
            byte[] bytes = blocks.get(block);
            Memory memory = new Memory(Math.max(1, bytes.length));
            memory.write(0, bytes, 0, bytes.length);
            bindings.keep(memory);
            done.put(block, memory);
            relocate(block, memory, done);
            return memory;
        }

        /** A block copied into memory the caller gave, with pointers into itself aimed at the same memory. */
        private void writeInto(Pointer destination, int block) {
            byte[] bytes = blocks.get(block);
            destination.write(0, bytes, 0, bytes.length);
            Map<Integer, Memory> done = new HashMap<>();
            relocate(block, destination, done);
        }

        private void relocate(int block, Pointer base, Map<Integer, Memory> done) {
            for (int[] slot : pointers.getOrDefault(block, List.of())) {
                Pointer target = slot[1] == block ? base : materialize(slot[1], done);
                base.setPointer(slot[0], target.share(slot[2]));
            }
            for (int offset : opaque.getOrDefault(block, List.of())) {
                base.setPointer(offset, opaqueTarget);
            }
        }
    }

    /** The SHA-1 thumbprint, as the recording writes it. */
    static String sha1(byte[] encoded) {
        try {
            return Hex.toHexString(MessageDigest.getInstance("SHA-1").digest(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean sixtyFourBit() {
        return Native.POINTER_SIZE == 8;
    }
}
