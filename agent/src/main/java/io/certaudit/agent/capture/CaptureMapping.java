package io.certaudit.agent.capture;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.certaudit.agent.source.Asn1Guard;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.KeyDefect;
import io.certaudit.model.KeyKind;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.ServiceAccount;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoreEntryFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.model.UnreadableCertificateException;
import io.certaudit.model.UserStoreRead;
import io.certaudit.model.WindowsVersion;

/**
 * The one place where the model meets the capture format (docs/schema/capture.v1.json): {@link #write} turns what a
 * source saw into the capture's {@code host} object and {@link #read} turns it back. A new model fact is one entry in
 * each, beside the others, and one property in the schema.
 *
 * <p>Since schema 1.1 the SCHANNEL settings and the Windows version travel too ({@code schannel},
 * {@code windowsVersion}); a 1.0 capture without them reads as a source that told neither.
 *
 * <p>Not captured, because a capture is what the source saw and nothing else: the TLS peers and DNS answers (they
 * depend on the network the audit runs in) and the audit settings (given where the capture is audited).
 */
final class CaptureMapping {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CaptureMapping() {
    }

    // ---------------------------------------------------------------- model -> capture

    static ObjectNode write(HostSnapshot snapshot) {
        ObjectNode host = JSON.objectNode();
        host.put("hostName", snapshot.hostName());
        host.put("source", snapshot.source());
        host.put("auditElevated", tristate(snapshot.auditElevated()));
        ArrayNode given = host.putArray("storesGiven");
        snapshot.storesGiven().forEach(store -> given.add(store.name()));
        ServiceAccount account = snapshot.serviceAccount();
        if (account == null) {
            host.putNull("serviceAccount");
        } else {
            ObjectNode node = host.putObject("serviceAccount");
            node.put("name", account.name());
            node.put("sid", account.sid());
            node.put("foundBy", account.foundBy());
        }
        ObjectNode storeAccess = host.putObject("storeAccess");
        snapshot.storeAccess().forEach((store, access) -> storeAccess.set(store.name(), access(access)));
        ArrayNode certificates = host.putArray("certificates");
        snapshot.certificates().forEach(certificate -> certificates.add(certificate(certificate)));
        ArrayNode userCertificates = host.putArray("userStoreCertificates");
        snapshot.userStoreCertificates().forEach(certificate -> userCertificates.add(certificate(certificate)));
        ArrayNode reads = host.putArray("userStoreReads");
        for (UserStoreRead read : snapshot.userStoreReads()) {
            ObjectNode node = reads.addObject();
            node.put("store", read.store());
            node.put("outcome", read.outcome().name());
            node.put("certificates", read.certificates());
            node.put("reason", read.reason());
            ObjectNode problems = node.putObject("entryProblems");
            read.entryProblems().forEach(problems::put);
        }
        ArrayNode problems = host.putArray("problems");
        for (SourceProblem problem : snapshot.problems()) {
            ObjectNode node = problems.addObject();
            node.put("store", problem.store() == null ? null : problem.store().name());
            node.put("origin", problem.origin());
            node.put("message", problem.message());
            node.put("kind", problem.kind().name());
        }
        ObjectNode facts = host.putObject("hostFacts");
        snapshot.hostFacts().forEach(facts::put);
        SchannelSettings schannel = snapshot.schannel();
        if (schannel == null) {
            host.putNull("schannel");
        } else {
            ObjectNode node = host.putObject("schannel");
            node.put("origin", schannel.origin().name());
            node.put("where", schannel.where());
            node.set("sendTrustedIssuerList", dword(schannel.sendTrustedIssuerList()));
            node.set("clientAuthTrustMode", dword(schannel.clientAuthTrustMode()));
        }
        WindowsVersion version = snapshot.windowsVersion();
        if (version == null) {
            host.putNull("windowsVersion");
        } else {
            ObjectNode node = host.putObject("windowsVersion");
            node.put("build", version.build());
            node.put("productName", version.productName());
            node.put("where", version.where());
        }
        return host;
    }

    private static ObjectNode certificate(StoredCertificate certificate) {
        ObjectNode node = JSON.objectNode();
        node.put("store", certificate.store().name());
        node.put("physicalStore", certificate.physicalStore());
        node.put("origin", certificate.origin());
        node.put("thumbprint", certificate.thumbprint());
        node.put("der", Base64.getEncoder().encodeToString(certificate.encoded()));
        node.put("friendlyName", certificate.friendlyName());
        node.put("userStore", certificate.userStore());
        PrivateKeyFacts key = certificate.privateKey();
        if (key == null) {
            node.putNull("privateKey");
        } else {
            ObjectNode keyNode = node.putObject("privateKey");
            keyNode.put("present", tristate(key.present()));
            keyNode.put("kind", key.kind().name());
            keyNode.put("provider", key.provider());
            keyNode.put("container", key.container());
            keyNode.put("machineKeyset", tristate(key.machineKeyset()));
            keyNode.put("keyFile", key.keyFile());
            keyNode.set("keyFileAccess", key.keyFileAccess() == null ? JSON.nullNode() : access(key.keyFileAccess()));
            keyNode.put("evidence", key.evidence());
            keyNode.put("defect", key.defect().name());
        }
        StoreEntryFacts entry = certificate.storeEntry();
        ObjectNode entryNode = node.putObject("storeEntry");
        entryNode.put("storedSha1", entry.storedSha1());
        entryNode.put("registryKeyName", entry.registryKeyName());
        entryNode.put("archived", entry.archived());
        if (entry.allowedPurposes() == null) {
            entryNode.putNull("allowedPurposes");
        } else {
            ArrayNode purposes = entryNode.putArray("allowedPurposes");
            entry.allowedPurposes().forEach(purposes::add);
        }
        OsChainVerdict verdict = certificate.osChainVerdict();
        if (verdict == null) {
            node.putNull("osChainVerdict");
        } else {
            ObjectNode verdictNode = node.putObject("osChainVerdict");
            verdictNode.put("errorStatus", String.format("0x%08X", verdict.errorStatus()));
            verdictNode.put("infoStatus", String.format("0x%08X", verdict.infoStatus()));
            ArrayNode path = verdictNode.putArray("path");
            verdict.path().forEach(path::add);
            verdictNode.put("failure", verdict.failure());
        }
        ObjectNode properties = node.putObject("properties");
        certificate.properties().forEach(properties::put);
        return node;
    }

    private static ObjectNode access(AccessFacts access) {
        ObjectNode node = JSON.objectNode();
        node.put("object", access.object());
        node.put("account", access.account());
        node.put("accountSid", access.accountSid());
        node.put("canRead", tristate(access.canRead()));
        node.put("sddl", access.sddl());
        ArrayNode entries = node.putArray("entries");
        access.entries().forEach(entries::add);
        node.put("unknownReason", access.unknownReason());
        return node;
    }

    private static ObjectNode dword(RegistryDword dword) {
        ObjectNode node = JSON.objectNode();
        node.put("state", dword.state().name());
        if (dword.state() == RegistryDword.State.VALUE) {
            node.put("value", dword.value());
        } else {
            node.putNull("value");
        }
        node.put("detail", dword.detail());
        return node;
    }

    private static String tristate(Tristate value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- capture -> model

    /**
     * The snapshot the capture's {@code host} object describes. A certificate that does not decode becomes a source
     * problem (an {@code unreadable-certificate} finding), as in any source; anything else not of the schema's shape
     * makes the whole capture damaged.
     *
     * @param maxEntries most certificates and problems taken in, as for any source
     */
    static HostSnapshot read(JsonNode host, String description, int maxEntries) throws DamagedCaptureException {
        Node root = new Node(host, "host");
        HostSnapshot.Builder snapshot = HostSnapshot.builder(root.text("hostName"), description);
        snapshot.auditElevated(root.tristate("auditElevated"));
        Set<StoreName> given = EnumSet.noneOf(StoreName.class);
        for (Node store : root.array("storesGiven")) {
            given.add(store.store());
        }
        snapshot.storesGiven(given);
        Optional<Node> account = root.optionalObject("serviceAccount");
        if (account.isPresent()) {
            snapshot.serviceAccount(new ServiceAccount(account.get().text("name"),
                    account.get().optionalText("sid"), account.get().optionalText("foundBy")));
        }
        for (Map.Entry<String, Node> access : root.object("storeAccess").fields()) {
            snapshot.storeAccess(storeName(access.getKey(), "host.storeAccess"), access(access.getValue()));
        }
        int entries = root.array("certificates").size() + root.array("userStoreCertificates").size()
                + root.array("problems").size();
        if (entries > maxEntries) {
            throw new DamagedCaptureException("it holds " + entries + " entries (certificates and problems), more "
                    + "than the " + maxEntries + " a source may give (--max-entries, 'limits: maxEntries')");
        }
        for (Node node : root.array("certificates")) {
            certificate(node, snapshot).ifPresent(snapshot::add);
        }
        for (Node node : root.array("userStoreCertificates")) {
            certificate(node, snapshot).ifPresent(snapshot::userStoreCertificate);
        }
        for (Node node : root.array("userStoreReads")) {
            UserStoreRead.Outcome outcome = node.enumValue("outcome", UserStoreRead.Outcome.class);
            String reason = node.optionalText("reason");
            if ((outcome == UserStoreRead.Outcome.READ) != (reason == null)) {
                throw node.damaged("reason", "is given exactly when the store was not read to its end");
            }
            snapshot.userStoreRead(new UserStoreRead(node.text("store"), outcome, node.count("certificates"),
                    reason, node.object("entryProblems").textMap()));
        }
        for (Node node : root.array("problems")) {
            String store = node.optionalText("store");
            snapshot.problem(new SourceProblem(store == null ? null : storeName(store, node.path() + ".store"),
                    node.text("origin"), node.text("message"), node.enumValue("kind", SourceProblem.Kind.class)));
        }
        root.object("hostFacts").textMap().forEach(snapshot::hostFact);
        // Added in 1.1: absent from a 1.0 capture, which knew neither.
        Optional<Node> schannel = root.optionalObject("schannel");
        if (schannel.isPresent()) {
            Node node = schannel.get();
            snapshot.schannel(new SchannelSettings(node.enumValue("origin", SchannelSettings.Origin.class),
                    node.text("where"), dword(node.object("sendTrustedIssuerList")),
                    dword(node.object("clientAuthTrustMode"))));
        }
        Optional<Node> version = root.optionalObject("windowsVersion");
        if (version.isPresent()) {
            Node node = version.get();
            int build = (int) node.whole("build", 1, Integer.MAX_VALUE, "a Windows build number");
            snapshot.windowsVersion(new WindowsVersion(build, node.optionalText("productName"), node.text("where")));
        }
        return snapshot.build();
    }

    private static Optional<StoredCertificate> certificate(Node node, HostSnapshot.Builder snapshot)
            throws DamagedCaptureException {
        StoreName store = node.store("store");
        String origin = node.text("origin");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(node.text("der"));
        } catch (IllegalArgumentException e) {
            throw node.damaged("der", "is not base64");
        }
        Optional<String> hostile = Asn1Guard.check(der);
        StoredCertificate certificate;
        try {
            if (hostile.isPresent()) {
                throw new UnreadableCertificateException(hostile.get(), null);
            }
            certificate = StoredCertificate.parse(store, der, origin);
        } catch (UnreadableCertificateException e) {
            snapshot.problem(store, origin, "the captured certificate (" + der.length + " bytes) cannot be read: "
                    + e.getMessage());
            return Optional.empty();
        }
        String physical = node.optionalText("physicalStore");
        if (physical != null) {
            certificate = certificate.withPhysicalStore(physical);
        }
        certificate = certificate.withFriendlyName(node.optionalText("friendlyName"))
                .withUserStore(node.optionalText("userStore"));
        Optional<Node> key = node.optionalObject("privateKey");
        certificate = certificate.withPrivateKey(key.isEmpty() ? null : privateKey(key.get()));
        Optional<Node> entry = node.optionalObject("storeEntry");
        if (entry.isPresent()) {
            Node e = entry.get();
            List<String> purposes = null;
            if (e.has("allowedPurposes")) {
                purposes = new ArrayList<>();
                for (Node purpose : e.array("allowedPurposes")) {
                    purposes.add(purpose.textValue());
                }
            }
            certificate = certificate.withStoreEntry(new StoreEntryFacts(e.optionalText("storedSha1"),
                    e.optionalText("registryKeyName"), e.bool("archived"), purposes));
        }
        Optional<Node> verdict = node.optionalObject("osChainVerdict");
        if (verdict.isPresent()) {
            certificate = certificate.withOsChainVerdict(verdict(verdict.get()));
        }
        for (Map.Entry<String, String> property : node.object("properties").textMap().entrySet()) {
            certificate = certificate.withProperty(property.getKey(), property.getValue());
        }
        return Optional.of(certificate);
    }

    /** A REG_DWORD as captured; a state, value and detail that do not go together are damage, not a guess. */
    private static RegistryDword dword(Node node) throws DamagedCaptureException {
        RegistryDword.State state = node.enumValue("state", RegistryDword.State.class);
        String detail = node.optionalText("detail");
        return switch (state) {
            case VALUE -> {
                long value = node.whole("value", 0, 0xFFFF_FFFFL, "a REG_DWORD (0 to 4294967295)");
                if (detail != null) {
                    throw node.damaged("detail", "is given beside a value");
                }
                yield RegistryDword.of(value);
            }
            case ABSENT -> {
                if (node.has("value") || detail != null) {
                    throw node.damaged("state", "is ABSENT but a value or detail is given");
                }
                yield RegistryDword.absent();
            }
            case UNREADABLE -> {
                if (node.has("value") || detail == null) {
                    throw node.damaged("state", "is UNREADABLE but a value is given or no detail says why");
                }
                yield RegistryDword.unreadable(detail);
            }
        };
    }

    private static OsChainVerdict verdict(Node node) throws DamagedCaptureException {
        String failure = node.optionalText("failure");
        List<String> path = new ArrayList<>();
        for (Node element : node.array("path")) {
            path.add(element.textValue());
        }
        int error = node.bits("errorStatus");
        int info = node.bits("infoStatus");
        if (failure != null && (error != 0 || info != 0 || !path.isEmpty())) {
            throw node.damaged("failure", "is given beside a chain status or path");
        }
        return failure != null ? OsChainVerdict.failed(failure) : OsChainVerdict.built(error, info, path);
    }

    private static PrivateKeyFacts privateKey(Node node) throws DamagedCaptureException {
        Optional<Node> access = node.optionalObject("keyFileAccess");
        return new PrivateKeyFacts(node.tristate("present"), node.enumValue("kind", KeyKind.class),
                node.optionalText("provider"), node.optionalText("container"), node.tristate("machineKeyset"),
                node.optionalText("keyFile"), access.isEmpty() ? null : access(access.get()),
                node.optionalText("evidence"), node.enumValue("defect", KeyDefect.class));
    }

    private static AccessFacts access(Node node) throws DamagedCaptureException {
        List<String> entries = new ArrayList<>();
        for (Node entry : node.array("entries")) {
            entries.add(entry.textValue());
        }
        return new AccessFacts(node.optionalText("object"), node.optionalText("account"),
                node.optionalText("accountSid"), node.tristate("canRead"), node.optionalText("sddl"), entries,
                node.optionalText("unknownReason"));
    }

    private static StoreName storeName(String name, String path) throws DamagedCaptureException {
        try {
            return StoreName.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new DamagedCaptureException(path + " names no store: " + Node.quote(name));
        }
    }

    /** A JSON value with its path in the capture, read strictly: the wrong type is damage, named by its path. */
    private record Node(JsonNode value, String path) {

        DamagedCaptureException damaged(String field, String what) {
            return new DamagedCaptureException(path + "." + field + " " + what);
        }

        boolean has(String field) {
            JsonNode child = value.get(field);
            return child != null && !child.isNull();
        }

        private JsonNode required(String field) throws DamagedCaptureException {
            JsonNode child = value.get(field);
            if (child == null) {
                throw damaged(field, "is missing");
            }
            return child;
        }

        String text(String field) throws DamagedCaptureException {
            JsonNode child = required(field);
            if (!child.isTextual()) {
                throw damaged(field, "is not a string");
            }
            return child.textValue();
        }

        String optionalText(String field) throws DamagedCaptureException {
            return has(field) ? text(field) : null;
        }

        String textValue() throws DamagedCaptureException {
            if (!value.isTextual()) {
                throw new DamagedCaptureException(path + " is not a string");
            }
            return value.textValue();
        }

        boolean bool(String field) throws DamagedCaptureException {
            JsonNode child = required(field);
            if (!child.isBoolean()) {
                throw damaged(field, "is not true or false");
            }
            return child.booleanValue();
        }

        int count(String field) throws DamagedCaptureException {
            JsonNode child = required(field);
            if (!child.isInt() || child.intValue() < 0) {
                throw damaged(field, "is not a count");
            }
            return child.intValue();
        }

        /** A whole number within {@code min} and {@code max}; anything else is damage, named {@code what}. */
        long whole(String field, long min, long max, String what) throws DamagedCaptureException {
            JsonNode child = required(field);
            if (!child.isIntegralNumber() || !child.canConvertToLong() || child.longValue() < min
                    || child.longValue() > max) {
                throw damaged(field, "is not " + what + ": " + quote(child.toString()));
            }
            return child.longValue();
        }

        int bits(String field) throws DamagedCaptureException {
            String text = text(field);
            if (!text.matches("0x[0-9A-Fa-f]{8}")) {
                throw damaged(field, "is not a 32-bit status written 0x%08X: " + quote(text));
            }
            return Integer.parseUnsignedInt(text.substring(2), 16);
        }

        Tristate tristate(String field) throws DamagedCaptureException {
            return enumValue(field, Tristate.class);
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) throws DamagedCaptureException {
            String text = text(field);
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw damaged(field, "is not one of " + EnumSet.allOf(type) + ": " + quote(text));
            }
        }

        StoreName store(String field) throws DamagedCaptureException {
            return storeName(text(field), path + "." + field);
        }

        StoreName store() throws DamagedCaptureException {
            return storeName(textValue(), path);
        }

        Node object(String field) throws DamagedCaptureException {
            JsonNode child = required(field);
            if (!child.isObject()) {
                throw damaged(field, "is not an object");
            }
            return new Node(child, path + "." + field);
        }

        Optional<Node> optionalObject(String field) throws DamagedCaptureException {
            return has(field) ? Optional.of(object(field)) : Optional.empty();
        }

        List<Node> array(String field) throws DamagedCaptureException {
            JsonNode child = required(field);
            if (!child.isArray()) {
                throw damaged(field, "is not an array");
            }
            List<Node> items = new ArrayList<>(child.size());
            for (int i = 0; i < child.size(); i++) {
                items.add(new Node(child.get(i), path + "." + field + "[" + i + "]"));
            }
            return items;
        }

        List<Map.Entry<String, Node>> fields() {
            List<Map.Entry<String, Node>> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                fields.add(Map.entry(field.getKey(), new Node(field.getValue(), path + "." + field.getKey())));
            }
            return fields;
        }

        Map<String, String> textMap() throws DamagedCaptureException {
            Map<String, String> map = new LinkedHashMap<>();
            for (Map.Entry<String, Node> field : fields()) {
                map.put(field.getKey(), field.getValue().textValue());
            }
            return map;
        }

        static String quote(String text) {
            return "'" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "'";
        }
    }
}
