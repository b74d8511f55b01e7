package io.certaudit.chain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;
import org.jspecify.annotations.Nullable;

import io.certaudit.model.StoredCertificate;

/**
 * A CA's nameConstraints extension (RFC 5280 section 4.2.1.10) and the check of one certificate's names against
 * it. Subtree matching is BouncyCastle's RFC 5280 implementation (DNS, IP, directory name, e-mail and URI forms);
 * what is judged, and what counts as unsupported, follows the chain engine's documented behaviour: constraints with
 * a minimum or maximum, otherName forms other than the UPN, x400Address, ediPartyName and registeredID make it set
 * CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT; a name is checked only against constraints of its own form.
 */
final class NameConstraints {

    /** The Microsoft UPN otherName, the only otherName form the chain engine supports. */
    private static final ASN1ObjectIdentifier UPN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");

    private final GeneralSubtree @Nullable [] permitted;
    private final GeneralSubtree @Nullable [] excluded;
    private final @Nullable String unsupported;

    private NameConstraints(GeneralSubtree @Nullable [] permitted, GeneralSubtree @Nullable [] excluded,
                            @Nullable String unsupported) {
        this.permitted = permitted;
        this.excluded = excluded;
        this.unsupported = unsupported;
    }

    /** The CA's name constraints, or {@code null} when it has none. */
    static @Nullable NameConstraints of(StoredCertificate ca) {
        byte[] wrapped = ca.certificate().getExtensionValue(Extension.nameConstraints.getId());
        if (wrapped == null) {
            return null;
        }
        try {
            org.bouncycastle.asn1.x509.NameConstraints value = org.bouncycastle.asn1.x509.NameConstraints
                    .getInstance(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets()));
            GeneralSubtree[] permitted = value.getPermittedSubtrees();
            GeneralSubtree[] excluded = value.getExcludedSubtrees();
            String unsupported = unsupported(permitted);
            unsupported = unsupported != null ? unsupported : unsupported(excluded);
            if (unsupported == null && (permitted == null || permitted.length == 0)
                    && (excluded == null || excluded.length == 0)) {
                unsupported = "an empty nameConstraints extension";
            }
            return new NameConstraints(permitted, excluded, unsupported);
        } catch (IOException | RuntimeException e) {
            return new NameConstraints(null, null, "a nameConstraints extension that cannot be decoded");
        }
    }

    /** Why the chain engine would not support these constraints, or {@code null} when it does. */
    @Nullable String unsupported() {
        return unsupported;
    }

    /** A name of a certificate below that breaks the constraints. */
    record Violation(boolean excluded, String name) {
    }

    /** The violations by {@code subject}'s subject name, e-mail attributes and SAN entries. */
    List<Violation> check(StoredCertificate subject) {
        List<Violation> violations = new ArrayList<>();
        PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();
        if (permitted != null && permitted.length > 0) {
            validator.intersectPermittedSubtree(permitted);
        }
        if (excluded != null) {
            for (GeneralSubtree subtree : excluded) {
                validator.addExcludedSubtree(subtree);
            }
        }
        X500Name subjectName = X500Name.getInstance(subject.certificate().getSubjectX500Principal().getEncoded());
        if (subjectName.getRDNs().length > 0) {
            String shown = "DirName:" + subject.facts().subject();
            try {
                validator.checkExcludedDN(subjectName);
            } catch (NameConstraintValidatorException e) {
                violations.add(new Violation(true, shown));
            }
            try {
                validator.checkPermittedDN(subjectName);
            } catch (NameConstraintValidatorException e) {
                violations.add(new Violation(false, shown));
            }
        }
        List<GeneralName> names = new ArrayList<>();
        // RFC 5280 4.2.1.10: an e-mail address in the subject's emailAddress attribute is held to rfc822Name
        // constraints, as the chain engine does.
        for (RDN rdn : subjectName.getRDNs(BCStyle.EmailAddress)) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (value.getValue() instanceof ASN1String text) {
                    names.add(new GeneralName(GeneralName.rfc822Name, text.getString()));
                }
            }
        }
        byte[] san = subject.certificate().getExtensionValue(Extension.subjectAlternativeName.getId());
        if (san != null) {
            try {
                GeneralNames general = GeneralNames.getInstance(
                        ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(san).getOctets()));
                names.addAll(List.of(general.getNames()));
            } catch (IOException | RuntimeException e) {
                // An undecodable SAN is the certificate's own problem; its subject name was still checked.
            }
        }
        for (GeneralName name : names) {
            String shown = show(name);
            try {
                validator.checkExcluded(name);
            } catch (NameConstraintValidatorException | RuntimeException e) {
                violations.add(new Violation(true, shown));
            }
            try {
                validator.checkPermitted(name);
            } catch (NameConstraintValidatorException | RuntimeException e) {
                violations.add(new Violation(false, shown));
            }
        }
        return violations;
    }

    private static @Nullable String unsupported(GeneralSubtree @Nullable [] subtrees) {
        if (subtrees == null) {
            return null;
        }
        for (GeneralSubtree subtree : subtrees) {
            if (subtree.getMinimum().signum() != 0 || subtree.getMaximum() != null) {
                return "a subtree with a minimum or maximum";
            }
            GeneralName base = subtree.getBase();
            switch (base.getTagNo()) {
                case GeneralName.x400Address -> {
                    return "an x400Address subtree";
                }
                case GeneralName.ediPartyName -> {
                    return "an ediPartyName subtree";
                }
                case GeneralName.registeredID -> {
                    return "a registeredID subtree";
                }
                case GeneralName.otherName -> {
                    ASN1Sequence other = ASN1Sequence.getInstance(base.getName());
                    if (!UPN.equals(other.getObjectAt(0))) {
                        return "an otherName subtree of type " + other.getObjectAt(0);
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static String show(GeneralName name) {
        ASN1Encodable value = name.getName();
        String text = value instanceof ASN1String s ? s.getString()
                : value instanceof ASN1TaggedObject || value instanceof ASN1Sequence ? value.toString()
                : value.toString();
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + text;
            case GeneralName.rfc822Name -> "email:" + text;
            case GeneralName.uniformResourceIdentifier -> "URI:" + text;
            case GeneralName.directoryName -> "DirName:" + X500Name.getInstance(value);
            case GeneralName.iPAddress -> "IP:" + ip(ASN1OctetString.getInstance(value).getOctets());
            default -> "name of form " + name.getTagNo();
        };
    }

    private static String ip(byte[] address) {
        try {
            return java.net.InetAddress.getByAddress(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "<" + address.length + " bytes>";
        }
    }
}
